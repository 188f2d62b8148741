"""The ninth round: pairs and groups of actors ("the two neighbours", "both sides", "their coast guards",
actors named together or after "between"). Constructed sentences, invented people."""

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
  - {id: FRV, name: Frente Rojo, kind: armed_group}
  - {id: PER-MFA, name: Peruvian foreign ministry, kind: office, part_of: PER}
  - {id: VARGAS, name: Elena Vargas, kind: person, part_of: PER-MFA}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object) for c in draft(text, DS).claims}


def test_the_two_neighbours_are_states_not_a_spokeswoman():
    # the last pair drafted is a spokeswoman the text names (no side known) and Bolivia: "the two neighbours"
    # are the two states, and so are "their navies"
    got = _claims(
        "Peru on Wednesday summoned a senior attache of the Bolivian Embassy. Spokeswoman Lucia Mendez said in a "
        "statement that Bolivia's claim would never be tolerated and urged La Paz to withdraw it. The row comes as "
        "the two neighbours prepare for a summit in Lima next month, a day after their navies agreed to hold a "
        "joint rescue drill."
    )
    assert {("PER", "CONSULT", "BOL"), ("BOL", "CONSULT", "PER"), ("PER", "AGREE", "BOL")} <= got
    assert not any("LUCIA-MENDEZ" in (s, o) and t in ("CONSULT", "AGREE") for s, t, o in got)


def test_the_two_neighbours_are_not_an_armed_group():
    got = _claims(
        "The Frente Rojo attacked a Peruvian border post on Sunday. Bolivia handed over three suspects to Peru, "
        'saying the two neighbours were "cooperating fully against cross-border crime".'
    )
    assert ("PER", "COOPERATE", "BOL") in got and ("BOL", "COOPERATE", "PER") in got
    assert not any("FRV" in (s, o) and t == "COOPERATE" for s, t, o in got)


def test_the_two_sides_stay_what_they_were():
    # a guard: "both sides" of an armed group and a state stay those two
    got = _claims("The Frente Rojo attacked a Peruvian border post on Sunday. Uruguay urged both sides to talk.")
    assert ("URY", "REQUEST", "FRV") in got and ("URY", "REQUEST", "PER") in got


_FEUD = "Peru accused Bolivia of moving troops to the border. "


def test_a_brokered_agreement_between_the_two_is_theirs_too():
    got = _claims(_FEUD + "Uruguay mediated a landmark agreement between the two governments in 2019.")
    assert {("URY", "AGREE", "PER"), ("PER", "AGREE", "BOL"), ("BOL", "AGREE", "PER")} <= got


def test_the_broker_after_that_acts_on_each():
    got = _claims(_FEUD + "Both cite the 2012 treaty between the two neighbours that Uruguay brokered.")
    assert {("URY", "AGREE", "PER"), ("URY", "AGREE", "BOL"), ("PER", "AGREE", "BOL")} <= got
    got = _claims(_FEUD + "The talks between the two sides which Uruguay hosted in March failed.")
    assert {("URY", "CONSULT", "PER"), ("URY", "CONSULT", "BOL")} <= got


def test_hosted_talks_between_the_two_are_the_hosts():
    # a guard: talks hosted between two named as one are the host's with each, not the two's with each other
    got = _claims(_FEUD + "Uruguay hosted talks between the two sides in March.")
    assert ("URY", "CONSULT", "PER") in got and ("PER", "CONSULT", "BOL") not in got


def test_both_sides_of_a_dispute_are_not_two_partners():
    # the last two named together only agreed with each other; the story sets Peru and Bolivia against each other
    got = _claims(
        "Peru accused Bolivia of shelling a border village. Bolivia accused Peru of moving troops to the border. "
        "Argentina and Chile agreed in May to cut port fees. Uruguay urged both sides to settle the dispute."
    )
    assert ("URY", "REQUEST", "PER") in got and ("URY", "REQUEST", "BOL") in got
    assert ("URY", "REQUEST", "ARG") not in got


def test_both_sides_of_a_truce_stay_the_truce_pair():
    # a guard: a pair that observed a truce are two sides, whatever else the story sets against each other
    got = _claims(
        "Peru accused Bolivia of shelling a border village. Bolivia accused Peru of moving troops to the border. "
        "Argentina and the Frente Rojo have observed a truce since May. Uruguay urged both sides to show restraint."
    )
    assert ("URY", "REQUEST", "FRV") in got and ("URY", "REQUEST", "ARG") in got


def test_they_in_what_speakers_named_together_say_is_each_of_them():
    text = (
        "Peru accused Bolivia of moving troops to the border. Argentina and Uruguay said in a joint statement on "
        "Wednesday that they backed Lima's decision."
    )
    got = {(c.subject, c.type, c.object, c.asserted_by) for c in draft(text, DS).claims}
    assert {("ARG", "SUPPORT", "PER", "ARG"), ("URY", "SUPPORT", "PER", "URY")} <= got
    assert not any(t == "SUPPORT" and s == "BOL" for s, t, o, _ in got)


def test_they_after_one_speaker_is_left_alone():
    # a guard: one speaker, "they" may be anyone (the rule needs speakers named together)
    got = _claims(
        "Peru accused Bolivia of moving troops to the border. Argentina said on Wednesday that they backed "
        "Lima's decision."
    )
    assert ("ARG", "SUPPORT", "PER") not in got


def test_an_act_noun_between_two_is_each_on_the_other():
    got = _claims(
        "Peru accused Bolivia of moving troops. Its spokeswoman said in Lima that trade between Peru and Bolivia "
        "through the pass had gone on since 1954."
    )
    assert {("PER", "COOPERATE", "BOL"), ("BOL", "COOPERATE", "PER")} <= got
    got = _claims("Skirmishes between Bolivia and the Frente Rojo resumed on Monday near the border.")
    assert {("BOL", "ASSAULT", "FRV"), ("FRV", "ASSAULT", "BOL")} <= got


def test_a_noun_between_one_actor_and_a_place_is_nothing():
    # a guard: "between" one actor and no second actor gives no pair
    got = _claims("Skirmishes between Bolivian soldiers and smugglers resumed on Monday near the border.")
    assert not any(t == "ASSAULT" and s == o for s, t, o in got)
    assert ("BOL", "ASSAULT", "BOL") not in got


def test_its_two_allies_and_the_two_ministers_are_the_pair():
    got = _claims(
        _FEUD + "Uruguay, which chairs the commission this year, should host the two ministers in Montevideo."
    )
    assert {("URY", "CONSULT", "PER"), ("URY", "CONSULT", "BOL")} <= got
    got = _claims(_FEUD + "Argentina urged its two neighbours to keep the dispute from undermining trade.")
    assert {("ARG", "REQUEST", "PER"), ("ARG", "REQUEST", "BOL")} <= got


def test_the_two_ministries_are_no_pair():
    # a guard: "the two ministries' officials" is not a pair word the rule adds
    got = _claims(_FEUD + "Uruguay will host officials of the two ministries in Montevideo.")
    assert ("URY", "CONSULT", "PER") not in got


def test_a_possessor_in_an_aside_after_actors_named_together_is_no_subject():
    got = _claims(
        "Argentina and Chile, Peru's partners in the Pacific Alliance, condemned what they called La Paz's "
        '"campaign of destabilisation" in a joint statement on Sunday.'
    )
    assert got == {("ARG", "ACCUSE", "BOL"), ("CHL", "ACCUSE", "BOL")}


def test_a_list_with_a_possessor_at_its_end_stays_a_list():
    # a guard: "Argentina, Chile and Peru's navy" names three actors
    got = _claims("Argentina, Chile and Peru's navy condemned Bolivia on Sunday.")
    assert ("ARG", "ACCUSE", "BOL") in got and ("CHL", "ACCUSE", "BOL") in got and len(got) == 3


def test_actors_along_with_the_subject_act_too():
    want = {("URY", "ACCUSE", "BOL"), ("ARG", "ACCUSE", "BOL"), ("CHL", "ACCUSE", "BOL")}
    assert _claims("Uruguay, along with Argentina and Chile, condemned Bolivia on Sunday.") == want
    assert _claims("Uruguay condemned Bolivia on Sunday together with Argentina and Chile.") == want


def test_actors_along_with_the_subject_are_not_its_object():
    assert not _claims("Bolivia left the Andean customs pact in 2020 along with Peru.")


def test_along_with_in_a_relative_clause_stays_there():
    # a guard: "which X left along with Y" says nothing of what the main clause's subject does to X
    got = _claims("Peru, which left the pact along with Chile, accused Bolivia of smuggling.")
    assert ("CHL", "ACCUSE", "BOL") not in got


def test_a_host_or_broker_naming_no_one_acts_on_the_two_sides():
    got = _claims(_FEUD + "But if talks stall, Uruguay could offer to host technical meetings in Montevideo.")
    assert {("URY", "CONSULT", "PER"), ("URY", "CONSULT", "BOL")} <= got
    text = _FEUD + "Uruguay says it brokered the truce, a claim La Paz disputes."
    got = {(c.subject, c.type, c.object, c.asserted_by) for c in draft(text, DS).claims}
    assert {("URY", "AGREE", "PER", "URY"), ("URY", "AGREE", "BOL", "URY")} <= got


def test_the_sides_a_host_just_urged_are_the_ones_it_hosts():
    got = _claims(
        _FEUD + "The Frente Rojo seized Cusco in 2020. Uruguay urged both countries to settle their differences, "
        "and it has offered to host a trilateral meeting."
    )
    assert {("URY", "CONSULT", "PER"), ("URY", "CONSULT", "BOL")} <= got
    assert ("URY", "CONSULT", "FRV") not in got


def test_a_host_of_something_else_is_no_mediator():
    # a guard: "host the games" brings no sides together
    got = _claims(_FEUD + "Uruguay will host the regional games in Montevideo next year.")
    assert not any(s == "URY" for s, _, _ in got)


def test_and_the_modified_name_is_named_together():
    got = _claims("Peru and the interim Frente Rojo leadership signed a memorandum on security cooperation in July.")
    assert {("PER", "AGREE", "FRV"), ("FRV", "AGREE", "PER")} <= got


def test_and_the_whole_of_is_no_pair():
    # a guard: "Peru, Chile and the whole of Bolivia" is not joined past "of" (the list rule alone decides)
    got = _claims("The Frente Rojo threatened Peru and the whole of Bolivia on Monday.")
    assert ("FRV", "THREATEN", "PER") in got


def test_actors_named_together_acting_on_each_other():
    want = {("PER", "ACCUSE", "BOL"), ("BOL", "ACCUSE", "PER")}
    assert want <= _claims("Peru and Bolivia have repeatedly accused each other of smuggling.")
    assert want <= _claims("Peru and Bolivia blamed one another for the clash.")
    assert want <= _claims("Peru and Bolivia each accused the other of violating the truce.")


def test_the_other_without_each_is_left_alone():
    # a guard: "the other" with no "each" is no reciprocal pronoun
    got = _claims("Peru and Bolivia accused the other members of the bloc of smuggling.")
    assert ("PER", "ACCUSE", "BOL") not in got


def test_the_same_preposition_again_or_as_well_as_joins_objects():
    assert {("URY", "SANCTION", "PER"), ("URY", "SANCTION", "BOL")} <= _claims(
        "Uruguay imposed sanctions on Peru and on Bolivia."
    )
    assert {("URY", "ACCUSE", "PER"), ("URY", "ACCUSE", "BOL")} <= _claims(
        "Uruguay accused Peru as well as Bolivia of smuggling."
    )


def test_another_preposition_does_not_join():
    # a guard: "talks with Peru and in Bolivia" are talks with Peru held in Bolivia
    got = _claims("Uruguay held talks with Peru on Monday and with the Frente Rojo in Bolivia on Tuesday.")
    assert ("URY", "CONSULT", "PER") in got


def test_two_possessors_of_one_noun_are_named_together():
    got = _claims("Peru's and Bolivia's ministers met in Lima on Monday.")
    assert {("PER", "CONSULT", "BOL"), ("BOL", "CONSULT", "PER")} <= got


def test_their_act_done_together_is_each_with_the_other():
    want = {("PER", "COOPERATE", "CHL"), ("CHL", "COOPERATE", "PER")}
    assert want <= _claims("Peru and Chile are due to begin their annual Pacific Shield exercise in March.")
    assert want <= _claims("Peru and Chile deepened their security cooperation on Monday.")


def test_their_act_with_a_third_is_not_each_with_the_other():
    # a guard: "their trade with Bolivia" is each's with Bolivia
    got = _claims("Peru and Chile cut their trade with Bolivia.")
    assert ("PER", "COOPERATE", "CHL") not in got


def test_a_speech_act_in_ing_after_the_object_of_to_is_the_subjects():
    got = _claims(
        "Uruguay on Tuesday sent diplomatic notes to Peru and Bolivia objecting to their agreement to reopen the pass."
    )
    assert {("URY", "ACCUSE", "PER"), ("URY", "ACCUSE", "BOL")} <= got
    assert ("PER", "ACCUSE", "BOL") not in got
    assert ("URY", "PROTEST", "PER") in _claims("Uruguay sent a letter to Peru protesting the arrests.")


def test_an_attack_in_ing_after_an_object_stays_the_objects():
    # a guard: "condemned the rebels attacking Peru": an attack is no speech act of the subject
    got = _claims("Uruguay condemned the Frente Rojo attacking Peru.")
    assert ("URY", "ASSAULT", "PER") not in got


def test_the_agent_of_a_brokered_agreement_acts_on_the_two_sides():
    got = _claims(
        _FEUD + "The talks followed the 2019 agreement, brokered by Uruguay in March of that year, under which Lima "
        "and La Paz restored relations."
    )
    assert {("URY", "AGREE", "PER"), ("URY", "AGREE", "BOL")} <= got


def test_an_act_in_ing_after_the_speech_verb_is_the_speakers():
    got = _claims(
        _FEUD + "Peru and Bolivia have agreed to reopen the border, Elena Vargas said on Thursday after hosting talks "
        "between the two sides in Lima."
    )
    assert {("VARGAS", "CONSULT", "PER"), ("VARGAS", "CONSULT", "BOL")} <= got


def test_an_act_in_ing_inside_what_is_said_is_not_the_speakers():
    # a guard: "after shelling" inside the content is not the speaker's act
    got = _claims("Bolivia fired on Peru after shelling the border post, Elena Vargas said on Thursday.")
    assert not any(s == "VARGAS" and t == "ASSAULT" for s, t, _ in got)
