"""The ninth round, second wave, implicit parties: a welcome or an acceptance answers what was offered or given
to the welcomer ("Quito welcomed the offer"); help or talks a clause tells with one actor are with the one the
story pairs it with ("Lima said it was ready to resume the negotiations"). Constructed sentences, invented people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: URY, name: Uruguay, kind: state}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object) for c in draft(text, DS).claims}


def test_a_welcomed_offer_is_the_offerers():
    text = "Chile offered to send firefighters to Bolivia. In La Paz, the government of Bolivia welcomed the offer."
    got = _claims(text)
    assert ("BOL", "SUPPORT", "CHL") in got


def test_an_accepted_decision_is_the_deciders():
    got = _claims("Peru agreed to reopen its consulate for Uruguay. Montevideo welcomed the decision on Friday.")
    assert ("URY", "SUPPORT", "PER") in got


def test_a_deal_of_two_others_welcomed_by_a_third_is_no_ones():
    # guard: the welcomer was not the one the deal was made with
    got = _claims("Peru and Chile agreed to restore flights. Argentina welcomed the agreement.")
    assert not any(s == "ARG" and t == "SUPPORT" for s, t, _ in got)


def test_an_offer_named_with_its_maker_is_left_to_the_clause():
    got = _claims("Chile offered to send firefighters to Bolivia. Bolivia welcomed the offer by Peru.")
    assert ("BOL", "SUPPORT", "CHL") not in got


def test_talks_resumed_with_one_actor_are_with_its_counterpart():
    text = (
        "Peru accused Chile of blocking its trucks at the border. Chile rejected the charge. "
        "Chile's foreign ministry said Chile was ready to resume the negotiations at any moment."
    )
    got = _claims(text)
    assert ("CHL", "CONSULT", "PER") in got


def test_help_offered_with_one_actor_goes_to_its_counterpart():
    text = "Bolivia accused Argentina of harbouring smugglers. Argentina said it would help patrol the frontier."
    got = _claims(text)
    assert any(s == "ARG" and o == "BOL" and t in ("AID", "COOPERATE") for s, t, o in got)


def test_a_participle_after_a_noun_is_no_act_of_the_clause_subject():
    # guard: "civilians sheltering at the camp" is no help the subject gives
    text = "Peru accused Chile of shelling a camp. Chile said its guns had hit no civilians sheltering at the camp."
    got = _claims(text)
    assert not any(s == "CHL" and t == "AID" for s, t, _ in got)


def test_an_actor_naming_what_is_handed_over_is_not_whom():
    got = _claims("Peru handed over 14 Frente Litoral suspects to Chile on Monday.")
    assert ("PER", "COOPERATE", "CHL") in got or ("PER", "RETREAT", "CHL") in got
    assert not any(o == "FLR" for _, _, o in got)


def test_a_coordinated_verb_after_an_object_has_the_clause_subject():
    got = _claims("Uruguay let Argentina store equipment at a northern port and joined Chile in plans for a patrol.")
    assert ("URY", "COOPERATE", "CHL") in got
    assert ("ARG", "COOPERATE", "CHL") not in got


def test_it_before_an_irregular_past_tense_is_the_actor_named_before():
    text = "Uruguay stayed neutral for decades. It let Argentina store equipment there and joined Chile in a patrol."
    got = _claims(text)
    assert ("URY", "COOPERATE", "CHL") in got


def test_a_second_it_after_but_goes_on_with_the_first():
    text = (
        "Chile imposed sanctions on Peru in 2019. In May 2024 it ended its sanctions on Peru's mines, "
        "but it froze the assets of three senior officials under its anti-corruption rules."
    )
    got = _claims(text)
    assert ("CHL", "SANCTION", "PER") in got
    assert not any(s == "PER" and t == "SANCTION" for s, t, _ in got)


def test_praised_arrests_are_the_arresters():
    got = _claims("Chilean police arrested two Peruvian smugglers in Arica on Monday. Bolivia praised the arrests.")
    assert ("BOL", "SUPPORT", "CHL") in got


def test_a_demand_with_no_addressee_and_no_opponent_goes_to_the_counterpart():
    text = "Chile signed a fisheries pact with Peru in 2019. Chile has asked, repeatedly, for the pact's catch data."
    got = _claims(text)
    assert ("CHL", "REQUEST", "PER") in got
