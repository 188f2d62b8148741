"""The ninth round, clause structure: relatives whose object is fronted ("Bolivia, which Peru accuses of
arming the rebels"), and a move judged in an apposition (", a step Brazil had sought for years").
Constructed sentences, invented people."""

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
  - {id: BRA, name: Brazil, kind: state}
  - {id: FLR, name: Frente Litoral, kind: armed_group}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, DS).claims}


def _pairs(text):
    return {(s, o) for s, _, o, _, _ in _claims(text)}


def test_a_fronted_accused_is_accused_and_its_act_claimed_by_the_accuser():
    got = _claims("Bolivia, which Peru accuses of arming the Frente Litoral, rejected the charge on Monday.")
    assert ("PER", "ACCUSE", "BOL", "reported", None) in got
    assert ("BOL", "AID", "FLR", "claimed", "PER") in got


def test_a_fronted_object_of_what_is_charged():
    # the antecedent is what the named accused is charged with sheltering
    got = _claims("The Frente Litoral, which Peru accuses Bolivia of sheltering, denied any link to the bombing.")
    assert ("PER", "ACCUSE", "BOL", "reported", None) in got
    assert ("BOL", "AID", "FLR", "claimed", "PER") in got


def test_whom_blamed_and_a_date_between():
    got = _claims("The Frente Litoral, whom Peru blames for a bombing in Arica, denied it.")
    assert ("PER", "ACCUSE", "FLR", "reported", None) in got
    assert ("CHL", "ACCUSE", "PER") in {
        (s, t, o) for s, t, o, _, _ in _claims("Peru, which Chile accused on Monday of spying, denied the charge.")
    }


def test_the_possessor_of_a_thing_a_state_protested():
    got = _claims("Chile's new port on the river Loa, which Peru has protested, opened on Monday.")
    assert ("PER", "ACCUSE", "CHL", "reported", None) in got


def test_a_complement_that_is_no_relative():
    # "warned Chile that Bolivia would respond": Bolivia's act is not on Chile by a fronted object
    got = _pairs("Peru warned Chile that Bolivia would respond with force.")
    assert ("BOL", "CHL") not in got and ("CHL", "BOL") not in got
    got = _pairs("Peru said that Chile had attacked.")
    assert ("PER", "CHL") not in got


def test_a_negated_relative_gives_nothing():
    got = _pairs("Bolivia, which Peru has never accused of arming the Frente Litoral, kept quiet.")
    assert ("PER", "BOL") not in got


def test_a_step_someone_sought_is_asked_of_whoever_took_it():
    got = _claims("Uruguay signed the fisheries deal in May, a step Brazil had sought for years.")
    assert ("BRA", "REQUEST", "URY", "reported", None) in got
    assert not any(s == "URY" and o == "BRA" for s, _, o, _, _ in got)


def test_a_move_judged_rejects_a_statement_and_condemns_a_hostile_act():
    got = _claims('Uruguay published a new map of the estuary, a move Brazil called "meaningless".')
    assert ("BRA", "REJECT", "URY", "reported", None) in got
    got = _claims('Peru seized two Chilean trawlers on Sunday, a move Chile called "piracy".')
    assert ("CHL", "ACCUSE", "PER", "reported", None) in got


def test_a_move_welcomed_after_and():
    got = _claims("Bolivia closed the road in March, and Uruguay left the pact, a decision that Brazil welcomed.")
    assert ("BRA", "SUPPORT", "URY", "reported", None) in got
    assert ("BRA", "SUPPORT", "BOL", "reported", None) not in got


def test_the_accused_with_a_possessive_acts_in_what_is_charged():
    # "Chile's rulers": the possessor is the accused, and it (not the accuser) shelters the group
    got = _claims("Peru accused Chile's rulers of sheltering the Frente Litoral.")
    assert ("CHL", "AID", "FLR", "claimed", "PER") in got
    assert not any(s == "PER" and o == "FLR" for s, _, o, _, _ in got)


def test_the_accusers_own_later_act_stays_its_own():
    got = _claims("Peru accused Chile of arming the Frente Litoral and urged Brazil to mediate.")
    assert ("PER", "REQUEST", "BRA", "reported", None) in got


def test_an_unnamed_doer_in_what_a_side_says_is_its_own():
    got = _claims("Peru said on Monday that soldiers had arrested three Chilean fishermen near the border.")
    assert ("PER", "COERCE", "CHL", "claimed", "PER") in got
    got = _claims("The Frente Litoral said in a statement that its fighters had ambushed a Chilean patrol.")
    assert ("FLR", "ASSAULT", "CHL", "claimed", "FLR") in got


def test_a_passive_without_agent_in_what_a_side_says():
    got = _claims("Peruvian officials said more than 200 undocumented Chileans had been detained in Lima this week.")
    assert ("PER", "COERCE", "CHL", "claimed", "PER") in got


def test_an_unnamed_doer_guards():
    # a named doer, an agent after "by", a killing (no act of the speaker's), no speaker
    assert ("PER", "COERCE", "CHL") not in {
        (s, t, o) for s, t, o, _, _ in _claims("Peru said Chilean fishermen had been detained by Bolivian police.")
    }
    assert not any(s == "PER" for s, _, _, _, _ in _claims("Peru said three Chilean fishermen had been killed."))
    assert not any(
        s == "PER" and o == "CHL" for s, _, o, _, _ in _claims("Soldiers arrested three Chilean fishermen on Monday.")
    )


def test_it_after_a_date_is_the_speaker_itself():
    ds = loads(
        """
entities:
  - {id: PER, name: Peru, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER-MOI, name: Interior Ministry of Peru, kind: office, part_of: PER}
"""
    )
    got = {
        (c.subject, c.type, c.object, c.asserted_by)
        for c in draft("Peru's Interior Ministry said on Sunday it had deported 12 Chilean nationals.", ds).claims
    }
    assert ("PER-MOI", "COERCE", "CHL", "PER-MOI") in got


def test_an_unnamed_doer_acts_on_its_direct_object_only():
    got = _claims("Peru said on Tuesday it had blacklisted the refineries for refining oil sold by a Chilean firm.")
    assert not any(s == "PER" and o == "CHL" for s, _, o, _, _ in got)


def test_a_possessive_apposition_is_no_member_of_the_subject():
    got = _claims("Uruguay, Peru's closest ally in the region, accused Chile of spying.")
    assert ("URY", "ACCUSE", "CHL", "reported", None) in got
    assert not any(s == "PER" for s, _, _, _, _ in got)
    got = _claims("Uruguay and Bolivia, Brazil's partners in the pact, condemned Chile's \"campaign of lies\".")
    assert {s for s, t, _, _, _ in got if t == "ACCUSE"} == {"URY", "BOL"}


def test_they_after_speakers_named_together_is_each_of_them():
    got = _claims("Uruguay and Bolivia said in a joint statement on Wednesday that they backed Chile's decision.")
    assert ("URY", "SUPPORT", "CHL", "claimed", "URY") in got and ("BOL", "SUPPORT", "CHL", "claimed", "BOL") in got


def test_our_in_a_quotation_is_the_speakers_side():
    text = (
        '"Chile has blocked our cargo since the start of the month," Ana Ruiz, a spokeswoman for '
        "Peru's foreign ministry, told reporters."
    )
    got = {(s, o) for s, _, o, _, _ in _claims(text)}
    assert ("CHL", "PER") in got
    # (no quotation: "our" is the source's, not the speaker's)
    got = _claims("Ana Ruiz, a spokeswoman for Peru's foreign ministry, said Chile had blocked our cargo.")
    assert not any(o == "PER" for _, _, o, _, _ in got)


def test_what_a_request_asks_ends_at_a_subordinate_clause():
    got = _claims(
        "Chile called on Peru to stop the forced expulsion of Chilean workers, after more than 4,000 Chileans "
        "were deported from Peru this week."
    )
    assert ("PER", "COERCE", "CHL", "reported", None) in got
    # (what is asked stays asked: no expulsion told as an event before the comma)
    got = _claims("Chile called on Peru to stop deporting Chilean workers.")
    assert not any(s == "PER" and t == "COERCE" for s, t, _, _, _ in got)


def test_an_envoy_summoned_in_the_passive_is_protested_to_by_the_host():
    got = _claims("Chile's ambassador in Lima was summoned to the foreign ministry on Monday.")
    assert ("PER", "ACCUSE", "CHL", "reported", None) in got
    got = _claims("Peru's foreign ministry said Chile's chargé d'affaires had been summoned on Monday.")
    assert any(s in ("PER", "PER-MFA") and t == "ACCUSE" and o == "CHL" for s, t, o, _, _ in got)
    # (an envoy summoned home by its own side is no protest)
    got = _claims("Chile's ambassador in Lima was summoned back to Santiago for consultations.")
    assert not any(t == "ACCUSE" and o == "CHL" for _, t, o, _, _ in got)


def test_a_speaker_known_as_an_office_speaks_as_that_office():
    text = "Torre Tagle, as Peru's foreign ministry is known, said Chile had arrested three Peruvian fishermen."
    got = _claims(text)
    assert ("CHL", "COERCE", "PER", "claimed", "PER-MFA") in got


def test_the_makers_of_a_pact_in_a_relative_agree():
    got = _claims("A Chilean firm is building the road under a deal Peru signed with Bolivia in 2023.")
    assert ("PER", "AGREE", "BOL", "reported", None) in got and ("BOL", "AGREE", "PER", "reported", None) in got
    got = _claims("The joint statement that Uruguay signed with Brazil in November spoke of joint development.")
    assert ("URY", "AGREE", "BRA", "reported", None) in got
    assert not any(t == "CONSULT" for _, t, _, _, _ in got)
    # (a pact named with no maker after it: no pair)
    assert not _claims("The deal was signed with great fanfare.")


def test_an_accusation_in_a_participle_is_the_subjects():
    # the actor named last before the comma ("its border with Chile") is no accuser
    got = _claims("Peru closed its border with Chile on Monday, accusing Santiago of arming the Frente Litoral.")
    assert ("PER", "ACCUSE", "CHL", "reported", None) in got
    assert ("CHL", "AID", "FLR", "claimed", "PER") in got


def test_an_accusation_in_a_participle_after_a_closing_attribution_is_the_speakers():
    got = _claims(
        "A Peruvian soldier was wounded when a mine exploded near the border on Monday, the Peruvian army said, "
        "accusing Chilean troops of laying new mines on the Peruvian side of the border."
    )
    assert ("PER-ARMY", "ACCUSE", "CHL", "reported", None) in got
    assert ("CHL", "ASSAULT", "PER", "claimed", "PER-ARMY") in got


def test_a_relative_verb_at_the_end_is_no_attribution():
    got = _claims("Peru's foreign ministry went further, accusing Chile of spying in waters that Peru claims.")
    assert ("PER-MFA", "ACCUSE", "CHL", "reported", None) in got


def test_forces_deployed_in_the_passive_are_their_sides_move():
    got = _claims("Chilean troops have been deployed in Peru since March.")
    assert ("CHL", "MOBILIZE", "PER", "reported", None) in got
    assert ("PER", "MOBILIZE", "CHL", "reported", None) not in got
    # (an active verb after "had" is no passive; an agent after "by" is the clause rules')
    got = draft("Peru said Chilean troops had crossed into Peru.", DS).claims
    assert [(c.subject, c.type, c.object, c.modality, c.asserted_by, c.rule) for c in got] == [
        ("CHL", "MOBILIZE", "PER", "claimed", "PER", "cue")
    ]


def test_the_minister_in_what_a_ministry_says_is_the_ministry():
    ds = loads(
        """
entities:
  - {id: PER, name: Peru, kind: state}
  - {id: BRA, name: Brazil, kind: state}
  - {id: PER-MFA, name: Foreign Ministry of Peru, kind: office, part_of: PER}
"""
    )
    text = "Peru's foreign ministry said the minister had asked Brazil to help lift sanctions on Peruvian officials."
    got = {(c.subject, c.type, c.object, c.asserted_by) for c in draft(text, ds).claims}
    assert ("PER-MFA", "REQUEST", "BRA", "PER-MFA") in got


def test_the_government_in_a_capital_is_that_states():
    got = _claims("Chilean troops arrived in March, when the government in Lima asked Santiago for help.")
    assert ("PER", "REQUEST", "CHL", "reported", None) in got
    got = _claims("Peru accused the de facto authorities in Santiago of arming the Frente Litoral.")
    assert ("CHL", "AID", "FLR", "claimed", "PER") in got
    # (rulers named before: the capital is only where they sit)
    got = _claims("The Frente Litoral authorities in Lima handed over two Chilean hostages.")
    assert not any(s == "PER" for s, _, _, _, _ in got)
