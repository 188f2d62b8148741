"""The tenth round, wrong candidates of the clause rules: an accusation of killing civilians is no attack on
the accuser; the speaker inside "who he said had attacked" is not the doer; "provided" as a conjunction and
"harbour" as a place are no aid; a verb after "that" with a subject of its own that names no actor is not the
speaker's act; a cue told as a noun, or inside a relative clause of an unnamed antecedent, takes no actor
carried over; two actors with no cue word are no pair when the second opens a clause of its own, is the
first's own, or stands in a phrase of a noun. Constructed sentences, invented people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: BRA, name: Brazil, kind: state}
  - {id: FLR, name: Frente Litoral, kind: armed_group}
  - {id: TAMANDARE, name: Almirante Tamandare, kind: asset, part_of: BRA}
  - {id: ZDI, name: Andes Defence Industries, kind: organisation}
  - {id: EU, name: European Union, kind: organisation}
  - {id: AMNESTY, name: Amnesty International, kind: organisation}
  - {id: ROJAS, name: Ana Rojas, kind: person, part_of: PER}
  - {id: LUNA, name: Pedro Luna, kind: person, part_of: BOL}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, DS).claims}


def _triples(text):
    return {(s, t, o) for s, t, o, _, _ in _claims(text)}


def test_an_accusation_of_killing_civilians_is_no_attack_on_the_accuser():
    got = _triples("Amnesty International has accused Bolivia of killing dozens of civilians in the north.")
    assert ("AMNESTY", "ACCUSE", "BOL") in got
    assert ("BOL", "ASSAULT", "AMNESTY") not in got
    # (an accusation of an attack with no people named is still on the accuser)
    assert ("CHL", "ASSAULT", "PER") in _triples("Peru accused Chile of shelling two villages near the border.")


def test_the_speaker_inside_a_relative_clause_is_not_its_doer():
    got = _triples(
        "Pedro Luna spoke first. Peru's spokesman, Ana Rojas, said no Peruvian soldier had been there, and accused "
        "Chile of sheltering fighters of a rebel group, who he said had attacked a post of the Bolivian army."
    )
    assert not [c for c in got if c[0] == "LUNA" and c[1] == "ASSAULT"]
    assert ("ROJAS", "ACCUSE", "CHL") in got


def test_provided_as_a_conjunction_is_no_aid():
    got = _triples("Peru will back any settlement Chile reaches, provided Bolivia is not harmed.")
    assert ("CHL", "AID", "BOL") not in got
    assert ("PER", "SUPPORT", "CHL") in got


def test_a_harbour_docked_at_is_a_place_not_harbouring():
    got = _triples(
        "The Almirante Tamandare docked at Lima's commercial harbour on Tuesday for what the government of Peru "
        "describes as a port call."
    )
    assert not [c for c in got if c[1] == "AID"]


def test_a_subject_of_its_own_after_that_is_not_the_speaker():
    got = _triples(
        "Bolivia's defence minister, Pedro Luna, told reporters on Thursday that government forces had retaken the "
        "town from the Frente Litoral on Tuesday."
    )
    assert ("LUNA", "COERCE", "FLR") not in got


def test_nothing_carried_into_a_relative_clause_of_an_unnamed_antecedent():
    got = _triples(
        "Chile signed a trade deal with Peru. The Gulf states, which have invested heavily in Bolivia, may be better "
        "placed."
    )
    assert ("CHL", "COOPERATE", "BOL") not in got
    assert ("CHL", "AGREE", "PER") in got


def test_nothing_carried_onto_a_cue_told_as_a_noun():
    got = _triples(
        'Chile attacked the Frente Litoral on Monday. "This is the result of practical cooperation between our '
        'services," Ana Rojas told journalists, adding that the suspects had been recruited in Peru.'
    )
    assert ("CHL", "COOPERATE", "PER") not in got
    got = _triples(
        "Chile attacked the Frente Litoral on Monday. Ana Rojas told a regular briefing in Lima on Tuesday that Peru "
        '"strongly condemns" the attack.'
    )
    assert ("CHL", "CONSULT", "PER") not in got
    assert ("CHL", "ASSAULT", "FLR") in got


def test_two_actors_and_no_cue_word():
    # the second opens a clause of its own
    got = _triples(
        "Amnesty International images show that Chile has since built 22 villages on land Bolivia considers."
    )
    assert ("AMNESTY", "CONSULT", "CHL") not in got
    # the second is the first's own
    assert ("PER", "CONSULT", "FLR") not in _triples("Peru has expanded its Frente Litoral bases on the coast.")
    # the second in a phrase of a noun, no verb between them
    got = _triples(
        "The Andes pipeline, which carried Bolivian gas across Chile to Peru, has been empty of it since its "
        "contract lapsed in October 2021."
    )
    assert ("BOL", "CONSULT", "CHL") not in got


def test_the_object_of_with_is_not_the_subject_of_a_purpose_to():
    got = _triples("Brazil is ready to share intelligence with the Chilean government to fight the Frente Litoral.")
    assert ("CHL", "ASSAULT", "FLR") not in got
    assert ("BRA", "COOPERATE", "CHL") in got
    # (but the subject before its own "to": "Brazil held talks with Chile to settle the dispute")
    assert ("BRA", "CONSULT", "CHL") in _triples("Brazil held talks with Chile to settle the dispute.")


def test_a_cue_noun_in_an_apposition_is_what_the_subject_is():
    got = _triples("Andes Defence Industries, the state arms maker, remains under a European Union asset freeze.")
    assert ("ZDI", "AID", "EU") not in got


def test_no_default_pair_across_a_copula_or_from_a_qualifier():
    # "its troops are Bolivian": what they are, not an act on Bolivia
    got = _triples("The Frente Litoral now has 2,500 fighters. About 2,500 of its troops are Bolivian.")
    assert ("FLR", "CONSULT", "BOL") not in got
    # "known by its Chilean acronym": Chile qualifies a noun of another's
    got = _triples("The mission, known by its Chilean acronym Frente Litoral, said in a statement that it would stay.")
    assert ("CHL", "CONSULT", "FLR") not in got


def test_a_second_predicate_after_a_comma_has_the_first_subject():
    got = _triples("Bolivia denies sheltering Frente Litoral after Arica bombing, accuses Lima of 'warmongering'")
    assert ("FLR", "ACCUSE", "PER") not in got
    assert ("BOL", "ACCUSE", "PER") in got


def test_a_past_participle_qualifying_a_noun_is_no_act_of_the_actor_before():
    got = _triples(
        "Brazil handed over four suspected Frente Litoral commanders arrested in Manaus to Chilean authorities on "
        "Tuesday, Brazil's justice minister told state radio."
    )
    assert ("FLR", "COERCE", "CHL") not in got
    got = _triples(
        "Among those freed by Chile were seven Bolivian soldiers captured on the border, the Frente Litoral said."
    )
    assert ("BOL", "COERCE", "FLR") not in got
    # (a verb of the subject's own is still its act)
    assert ("CHL", "ASSAULT", "BOL") in _triples("Peru said Chilean troops killed two Bolivian soldiers on Monday.")


def test_an_act_on_people_who_are_no_actor_is_not_on_the_other_side():
    got = _triples(
        "Peru accused Chile of racism. Chile has expelled thousands of sub-Saharan migrants into the desert along "
        "its borders, according to Amnesty International."
    )
    assert ("CHL", "SANCTION", "PER") not in got
    assert ("PER", "ACCUSE", "CHL") in got
