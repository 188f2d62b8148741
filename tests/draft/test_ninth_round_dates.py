"""Ninth round, dates: relative dates resolved against the date given before, intervals, seasons, and the
attachment of a date to the verb it stands by. Constructed sentences, invented people (not from any outlet)."""

from datetime import date

import pytest

from graph import loads
from graph.draft import draft
from graph.draft.dates import find_dates

BASE = date(2026, 3, 12)  # a Thursday


def _whens(text, base=BASE):
    return [(d.text, d.when) for d in find_dates(text, base)]


@pytest.mark.parametrize(
    "text, want",
    [
        # a capitalised preposition opens the sentence
        ("In 2016 the two states signed a pact.", [("In 2016", "2016")]),
        ("Since 2019, the bloc has met twice.", [("Since 2019", "2019..")]),
        ("In October the council met.", [("In October", "2025-10")]),
        # open intervals
        (
            "Guards have turned back 30 people since the start of the month.",
            [("since the start of the month", "2026-03..")],
        ),
        ("The crossing has been shut since Sunday.", [("since Sunday", "2026-03-08..")]),
        ("It has expelled 900 traders since last October.", [("since last October", "2025-10..")]),
        # two days named together
        (
            "The sides freed prisoners on Tuesday and Wednesday.",
            [("on Tuesday and Wednesday", "2026-03-10..2026-03-11")],
        ),
        # seasons
        ("The envoys met in Geneva in the spring.", [("in the spring", "2026-03..2026-05")]),
        ("The dam was filled last summer.", [("last summer", "2025-06..2025-08")]),
        # a month of the year before
        ("The bloc lifted its embargo in February last year.", [("in February last year", "2025-02")]),
        # a year naming a deal
        ("The islands follow a 2022 policing pact with Fiji.", [("a 2022", "2022")]),
        # weekends, the start of a period, a season of a year, a fortnight, "since early 2024"
        ("Rebels shelled the town at the weekend.", [("at the weekend", "2026-03-07..2026-03-08")]),
        ("The envoys will meet this weekend.", [("this weekend", "2026-03-14..2026-03-15")]),
        ("Trade fell at the start of the year.", [("at the start of the year", "2026")]),
        ("The dam was filled in the autumn of 2024.", [("in the autumn of 2024", "2024-09..2024-11")]),
        ("Talks stalled a fortnight ago.", [("a fortnight ago", "2026-02-23..2026-03-01")]),
        ("Raids have gone on since early 2024.", [("since early 2024", "2024..")]),
    ],
)
def test_dates_of_new_forms(text, want):
    assert _whens(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("Ruritania shut its border in May 2024 and reopened a crossing the following month.", "2024-06"),
        ("Ruritania signed the accord in June 2019, which Osterland suspended the following year.", "2020"),
        ("Guards held six herders on Sunday and freed them the following day.", "2026-03-09"),
        ("Guards held six herders on Monday and freed them a day later.", "2026-03-10"),
        ("Guards held six herders on Monday and freed them the following morning.", "2026-03-10"),
        ("Guards held six herders on Monday and freed them later that day.", "2026-03-09"),
        ("Ruritania closed the road in April 2023 after raids the month before.", "2023-03"),
        ("Osterland seized the island in June 2021 and has since built a port.", "2021-06.."),
        ("The talks broke down in August 2020. Kelvia protested at the time.", "2020-08"),
        (
            "Ruritania asked for an apology for the raid on its embassy in April 2024. Talks failed in November. "
            "Kelvia condemned the raid at the time.",
            "2024-04",
        ),
    ],
)
def test_dates_from_the_date_given_before(text, want):
    assert _whens(text)[-1][1] == want


def test_a_year_alone_is_no_deal_year():
    # guard: a year before a noun that names no agreement ("the 1974 line") is no date; nor a sentence's "The"
    assert _whens("Troops crossed the 1974 line on Wednesday.") == [("on Wednesday", "2026-03-11")]


DS = loads(
    """
entities:
  - {id: RUR, name: Ruritania, kind: state, aliases: [Ruritanian]}
  - {id: OST, name: Osterland, kind: state, aliases: [Osterlandish]}
  - {id: KEL, name: Kelvia, kind: state, aliases: [Kelvian]}
"""
)


def _claims(text, published="2026-03-12"):
    return [(c.subject, c.type, c.object, c.when) for c in draft(text, DS, published=published).claims]


def _when(text, subject, type_, obj, published="2026-03-12"):
    got = [w for s, t, o, w in _claims(text, published) if (s, t, o) == (subject, type_, obj)]
    assert got, _claims(text, published)
    return got[0]


def test_an_aside_keeps_its_date_to_itself():
    text = "Kelvia, which has backed Ruritania since 2021, closed its border with Osterland on Sunday."
    assert _when(text, "KEL", "COERCE", "OST") == "2026-03-08"


def test_an_aside_date_is_not_the_main_verbs():
    # guard: the main verb has no date of its own
    text = "Kelvia, which has backed Ruritania since 2021, urged Osterland to end the blockade."
    assert _when(text, "KEL", "REQUEST", "OST") is None


def test_the_opening_date_of_a_sentence_dates_its_clause():
    text = "Since 2020, Kelvia has urged Osterland to reopen the pass."
    assert _when(text, "KEL", "REQUEST", "OST") == "2020.."


def test_a_date_before_the_verb_in_what_is_said():
    text = (
        "Ruritania on Tuesday summoned Osterland's ambassador after shells landed on Sunday night, its ministry said."
    )
    assert _when(text, "RUR", "ACCUSE", "OST") == "2026-03-10"


def test_coordinated_verbs_share_the_date():
    text = (
        "The Ruritanian envoy met Osterland's foreign minister in Lusk on Monday and urged Osterland to free the crew."
    )
    assert _when(text, "RUR", "REQUEST", "OST") == "2026-03-09"


def test_verbs_said_to_be_done_share_the_date():
    text = (
        "Ruritania's ministry said on Thursday that Osterland's troops had crossed the river on Tuesday, "
        "set up two posts and detained four farmers."
    )
    assert _when(text, "OST", "COERCE", "RUR") == "2026-03-10"


def test_the_date_of_the_saying_is_not_what_was_done():
    # guard: "said on Tuesday it had seized" dates the saying, not the seizure
    text = "Ruritania said on Tuesday that Osterland had shelled a Ruritanian village."
    assert _when(text, "OST", "ASSAULT", "RUR") is None


def test_what_an_accusation_is_about_has_not_its_date():
    # guard: "accused X on Monday of deploying" dates the accusation only
    text = "Kelvia accused Osterland on Monday of deploying 500 troops along the border."
    assert _when(text, "KEL", "ACCUSE", "OST") == "2026-03-09"
    assert _when(text, "OST", "MOBILIZE", "KEL") is None


def test_a_when_clause_is_the_same_moment():
    text = (
        "Four Ruritanian guards were killed when Osterlandish soldiers attacked a post late on Monday, "
        "the Ruritanian army said on Wednesday."
    )
    assert _when(text, "OST", "ASSAULT", "RUR") == "2026-03-09"


def test_a_past_act_takes_no_date_to_come():
    text = "A Kelvian spokesman said the two sides had agreed to reopen the Lusk crossing next month."
    assert all(w is None for s, t, o, w in _claims(text) if t == "AGREE")


def test_a_date_across_since_is_another_verbs():
    # guard: "exchanged fire on Thursday, ... since they signed a truce" does not date the truce
    text = "Ruritania and Osterland exchanged fire on Thursday, the first clash since they signed a truce."
    assert _when(text, "RUR", "ASSAULT", "OST") == "2026-03-12"
    assert all(w != "2026-03-12" for s, t, o, w in _claims(text) if t in ("AGREE", "RETREAT"))


def test_a_weekday_to_come_is_the_next_one():
    # the article is of Thursday 12 March: "due to meet on Monday" is Monday 16 March
    text = "Ruritanian and Osterlandish commanders are due to meet at the bridge on Monday."
    assert {w for s, t, o, w in _claims(text) if t == "CONSULT"} == {"2026-03-16"}


def test_a_weekday_done_stays_the_last_one():
    # guard: "summoned ... on Wednesday and warned that ... would" is last Wednesday
    text = "Ruritania summoned Osterland's envoy on Wednesday and warned that Osterland would face sanctions."
    assert _when(text, "RUR", "ACCUSE", "OST") == "2026-03-11"


def test_since_a_date_when_an_act_dates_the_act():
    text = "Relations have been cold since 2019, when Ruritania expelled Osterland's ambassador."
    assert _when(text, "RUR", "SANCTION", "OST") == "2019"


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Raiders struck the depot at Lusk in May 2025. Ruritania closed the border hours after the raid.",
            "2025-05",
        ),
        ("Ruritania sent Osterland a protest note on Monday. In the note, it demanded an apology.", "2026-03-09"),
        (
            "The envoys met in Lusk last week. The two sides agreed at that meeting to free prisoners.",
            "2026-03-02..2026-03-08",
        ),
    ],
)
def test_an_event_named_again_has_its_date(text, want):
    assert _whens(text)[-1][1] == want


def test_in_may_is_the_month():
    assert _whens("The ministers met in Lusk in May.") == [("in May", "2025-05")]


def test_a_noun_cue_does_not_end_the_verbs_date():
    # "boycotted a Ruritanian briefing ... in February": the briefing is no verb of its own
    text = "Osterlandish officials boycotted a Ruritanian briefing on the dam in Lusk in February."
    assert _when(text, "OST", "PROTEST", "RUR") == "2026-02"


def test_the_date_of_the_last_of_two_verbs_joined():
    text = "Ruritania said it had lodged a protest with Osterland and summoned its envoy on Tuesday."
    assert _when(text, "RUR", "ACCUSE", "OST") == "2026-03-10"


def test_an_interval_does_not_cross_and_that():
    # guard: "trade had gone on since 1990, and that X remained open to talks" gives the talks no date
    text = (
        "A Ruritanian spokesman said trade through the pass had gone on since 1990, and that Ruritania "
        "remained open to dialogue with Osterland."
    )
    assert all(w is None for s, t, o, w in _claims(text) if t == "CONSULT")


def test_an_attack_claimed_has_the_attacks_date():
    text = (
        "Six soldiers killed in Ruritania convoy attack\n\nLUSK, Ruritania — Gunmen attacked a Ruritanian army "
        "convoy near Lusk on Monday, killing six soldiers, the army said.\n\nThe Osterland Liberation Front "
        "claimed responsibility for the attack in a statement on Telegram."
    )
    ds = loads(
        """
entities:
  - {id: RUR, name: Ruritania, kind: state, aliases: [Ruritanian]}
  - {id: OLF, name: Osterland Liberation Front, kind: armed_group}
"""
    )
    got = [(c.subject, c.type, c.object, c.when) for c in draft(text, ds, published="2026-03-12").claims]
    assert ("OLF", "ASSAULT", "RUR", "2026-03-09") in got, got


def test_the_date_near_the_event_named_before_comes_after_it():
    text = (
        "Ruritania demanded on Monday an apology for the raid on its embassy in April 2024. "
        "Osterland cut ties with Ruritania hours after the raid."
    )
    assert _whens(text)[-1][1] == "2024-04"


def test_a_request_is_dated_by_the_statement_that_makes_it():
    text = "The Kelvian government urged Osterland to free the crew, according to a statement issued late on Wednesday."
    assert _when(text, "KEL", "REQUEST", "OST") == "2026-03-11"


def test_a_pledge_dates_what_is_pledged():
    text = "Kelvia pledged in January to fund new border posts for Osterland."
    assert _when(text, "KEL", "AID", "OST") == "2026-01"


def test_the_following_year_is_the_second_verbs():
    text = "Kelvia shelled Ruritania in 2022 and urged Osterland to ease its blockade the following year."
    assert _when(text, "KEL", "REQUEST", "OST") == "2023"


def test_an_act_named_by_a_noun_takes_not_the_other_verbs_date():
    text = (
        "Kelvia on Tuesday sent a note to Ruritania objecting to its agreement with Osterland on the pass. "
        "Ruritania and Osterland agreed last week to reopen the pass."
    )
    assert _when(text, "RUR", "AGREE", "OST") == "2026-03-02..2026-03-08"


def test_an_opening_date_still_dates_a_noun_act():
    # guard: "Earlier this year, X struck ..., drawing a protest from Y" dates the protest
    text = "Earlier this year, Ruritanian jets struck camps in Osterland, drawing a protest from Osterland."
    assert _when(text, "OST", "ACCUSE", "RUR") == "2026"


def test_a_later_passage_about_an_earlier_act_does_not_date_the_claim():
    # headline and lede undated; the third passage tells an earlier act of the same kind
    text = (
        "Ruritanian guards fire on Osterlandish post\n\nRuritanian border guards fired on an Osterlandish post "
        "near the dam, wounding two.\n\nIn May 2023 Ruritanian guards fired on an Osterlandish patrol "
        "near the same dam."
    )
    assert _when(text, "RUR", "ASSAULT", "OST") is None


def test_a_month_naming_a_truce_dates_the_truce():
    text = "Kelvia, which brokered the January truce between Ruritania and Osterland, urged both sides to talk."
    got = _claims(text)
    assert ("RUR", "AGREE", "OST", "2026-01") in got, got
    assert ("KEL", "REQUEST", "RUR", None) in got, got


def test_an_act_during_a_visit_shares_the_verbs_date():
    text = (
        "Ruritania and Osterland agreed last week, during a visit to Ruritania by Kelvia's minister, "
        "to reopen the pass."
    )
    assert {w for s, t, o, w in _claims(text) if t == "CONSULT"} == {"2026-03-02..2026-03-08"}


def test_also_accused_after_dated_remarks_is_dated_by_them():
    # heldout8's convention: "X also accused ..." right after X's dated remarks
    text = (
        "Interior Minister Ana Morel told reporters on Tuesday that the raiders had come from Osterland. "
        "She said the border would stay shut. Morel also accused Osterland of arming the raiders."
    )
    ds = loads(
        """
entities:
  - {id: RUR, name: Ruritania, kind: state}
  - {id: OST, name: Osterland, kind: state}
  - {id: MOREL, name: Ana Morel, kind: person, part_of: RUR}
"""
    )
    got = [(c.subject, c.type, c.object, c.when) for c in draft(text, ds, published="2026-03-12").claims]
    assert ("MOREL", "ACCUSE", "OST", "2026-03-10") in got, got


def test_accused_without_also_and_without_dated_remarks_has_no_date():
    # guard: no dated remarks before
    text = "Interior Minister Ana Morel spoke in Lusk. Morel also accused Osterland of arming the raiders."
    ds = loads(
        """
entities:
  - {id: OST, name: Osterland, kind: state}
  - {id: MOREL, name: Ana Morel, kind: person}
"""
    )
    got = [(c.subject, c.type, c.object, c.when) for c in draft(text, ds, published="2026-03-12").claims]
    assert ("MOREL", "ACCUSE", "OST", None) in got, got


def test_a_date_in_the_opening_phrase_dates_the_clause():
    text = "In a report to parliament released on Monday, Kelvia urged Osterland to free the crew."
    assert _when(text, "KEL", "REQUEST", "OST") == "2026-03-09"


def test_since_a_clause_with_a_date_opens_an_interval():
    text = "Ruritanian guards have blockaded Osterlandish trucks since the crossings first closed last month."
    assert _when(text, "RUR", "COERCE", "OST") == "2026-02.."


def test_since_a_clause_does_not_reach_the_saying():
    # guard: the date of the saying after it is no start
    text = "Ruritanian guards have blockaded Osterlandish trucks since the crossings closed, Osterland said on Tuesday."
    assert {w for s, t, o, w in _claims(text) if t == "COERCE"} <= {None}
