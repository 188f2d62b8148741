"""The ninth round, second wave: the two sides of a story (graph.draft.sides). Constructed sentences, invented
people and places."""

from types import SimpleNamespace as R

from graph import loads
from graph.draft import draft
from graph.draft.sides import two_sides

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: FRV, name: Frente Rojo, kind: armed_group}
  - {id: OAS, name: Organization of American States, kind: organisation}
"""
)

KINDS = {"ARG": "state", "CHL": "state", "PER": "state", "BOL": "state", "FRV": "armed_group", "OAS": "organisation"}


def _claims(text):
    return {(c.subject, c.type, c.object) for c in draft(text, DS).claims}


def test_the_two_sides_are_the_two_just_called_on_together():
    # Chile fights Frente Rojo alongside Bolivia's government; the mission then calls on Bolivia and the group:
    # "the two sides" are the two just called on, not the pair the story set against each other most
    history = [
        [R(subject="CHL", type="ASSAULT", object="FRV"), R(subject="FRV", type="ACCUSE", object="CHL")],
        [R(subject="CHL", type="ASSAULT", object="FRV")],
        [R(subject="BOL", type="ACCUSE", object="CHL"), R(subject="FRV", type="ACCUSE", object="CHL")],
        [R(subject="OAS", type="REQUEST", object="BOL"), R(subject="OAS", type="REQUEST", object="FRV")],
    ]
    assert sorted(two_sides("the two sides", history, KINDS, {}, {"ARG"})) == ["BOL", "FRV"]


def test_the_two_sides_in_a_text():
    got = _claims(
        "Chilean jets bombed camps of Frente Rojo on Monday. Frente Rojo accused Chile of killing farmers. "
        "The Organization of American States called on Bolivia and Frente Rojo to return to the accord they "
        "signed in 2019. Argentina could host new talks between the two sides, a diplomat said."
    )
    assert {("ARG", "CONSULT", "FRV"), ("ARG", "CONSULT", "BOL")} <= got
    assert ("ARG", "CONSULT", "CHL") not in got


def test_two_that_only_agreed_with_each_other_just_before_are_not_the_sides():
    # guard: "X and Y agreed ..." just before is no pair of sides when the story sets another pair at odds
    history = [
        [R(subject="CHL", type="ASSAULT", object="FRV")],
        [R(subject="FRV", type="ASSAULT", object="CHL"), R(subject="CHL", type="ACCUSE", object="FRV")],
        [R(subject="PER", type="AGREE", object="CHL"), R(subject="CHL", type="AGREE", object="PER")],
    ]
    assert sorted(two_sides("both sides", history, KINDS, {}, {"ARG"})) == ["CHL", "FRV"]


def test_meeting_in_one_body_makes_no_allies():
    # both took part in the same body's meeting: still the two governments named together
    history = [
        [R(subject="PER", type="CONSULT", object="OAS"), R(subject="BOL", type="CONSULT", object="OAS")],
        [R(subject="PER", type="RETREAT", object="BOL"), R(subject="BOL", type="RETREAT", object="PER")],
        [R(subject="ARG", type="ACCUSE", object="BOL"), R(subject="ARG", type="ACCUSE", object="BOL")],
    ]
    assert two_sides("both governments", history, KINDS, {}, set(), ["PER", "BOL"]) == ["PER", "BOL"]


def test_acting_together_on_a_third_still_makes_allies():
    # guard: both sanctioning the same third are allies, not the two sides
    history = [
        [R(subject="ARG", type="ASSAULT", object="FRV"), R(subject="FRV", type="ASSAULT", object="ARG")],
        [R(subject="PER", type="SANCTION", object="CHL"), R(subject="BOL", type="SANCTION", object="CHL")],
    ]
    assert sorted(two_sides("both sides", history, KINDS, {}, set(), ["PER", "BOL"])) == ["ARG", "FRV"]


def test_clashed_with_is_fought_both_ways():
    for text in (
        "Frente Rojo said on Monday its fighters had clashed with Chilean troops near the river.",
        "Peruvian border guards exchanged fire with Bolivian soldiers near the crossing on Monday.",
        "Peru traded accusations with Bolivia over the shooting on Tuesday.",
    ):
        got = _claims(text)
        pairs = {(s, o) for s, t, o in got if t in ("ASSAULT", "ACCUSE")}
        assert len(pairs) == 2 and {(o, s) for s, o in pairs} == pairs, (text, got)


def test_talks_with_stay_one_way():
    # guard: talks and deals "with" someone are the subject's act only
    got = _claims("Peru held talks with Bolivia in Quito on Monday. Chile signed a trade deal with Argentina.")
    assert ("PER", "CONSULT", "BOL") in got and ("BOL", "CONSULT", "PER") not in got
    assert ("ARG", "AGREE", "CHL") not in got


def test_fighting_between_a_sides_forces_and_a_group():
    # "Chile's forces" cuts the group: the two named either side of "and" after "between" still fight each other
    got = _claims("Fighting between Chile's forces and Frente Rojo has displaced thousands since March.")
    assert {("CHL", "ASSAULT", "FRV"), ("FRV", "ASSAULT", "CHL")} <= got


def test_between_a_description_and_a_name_is_no_pair():
    # guard: "the rulers' forces" is no named side
    got = _claims("Fighting between the rulers' forces and Frente Rojo has displaced thousands since March.")
    assert not any(t == "ASSAULT" and "FRV" in (s, o) and "CHL" in (s, o) for s, t, o in got)


def test_alongside_after_the_object_is_a_co_agent():
    got = _claims("Peru imposed new sanctions on Frente Rojo on Monday alongside Bolivia.")
    assert {("PER", "SANCTION", "FRV"), ("BOL", "SANCTION", "FRV")} <= got
    assert ("PER", "SANCTION", "BOL") not in got


def test_fighting_alongside_stays_an_act_on_them():
    # guard: "alongside" inside a cue ("fighting alongside") is the act's object, no co-agent
    got = _claims("Chile accused Peru of fighting alongside Frente Rojo near the border.")
    assert ("PER", "COOPERATE", "FRV") in got and ("FRV", "COOPERATE", "PER") not in got
