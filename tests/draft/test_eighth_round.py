"""The eighth round: actors named before, not in the clause ("it" after an opening date or before a
modal, a chain of "it" subjects, "its jets"). Constructed sentences, invented people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: UN, name: United Nations, kind: organisation}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object) for c in draft(text, DS).claims}


def test_it_after_an_opening_date_is_the_actor_named_before():
    got = _claims("Chile is a large exporter of copper. In March 2024 it ended its sanctions on Bolivia.")
    assert {(s, o) for s, _, o in got} == {("CHL", "BOL")}


def test_it_before_a_modal_is_the_subject_named_before():
    got = _claims("Bolivia has waited too long. Second, it must send an envoy to Santiago to negotiate with Chile.")
    assert got == {("BOL", "CONSULT", "CHL")}


def test_a_chain_of_it_subjects_keeps_its_actor():
    # the second "it" is the actor of the first, not the body named in the first's clause
    got = _claims(
        "Argentina should do two things. It should file a note with the United Nations. "
        "It will invite Chile and Peru to joint patrols."
    )
    assert got == {("ARG", "REQUEST", "CHL"), ("ARG", "REQUEST", "PER")}


def test_its_craft_act_for_their_owner():
    got = _claims(
        'Peru\'s navy spokesman Tomas Ruelas said in a statement that its warships had "expelled" a Chilean trawler.'
    )
    assert got == {("PER-NAVY", "SANCTION", "CHL")}


def test_its_ambassador_is_not_the_actor():
    # "recalled its ambassador to Lima": Bolivia acts on Peru, not on itself (a guard: it held before)
    got = _claims("Bolivia recalled its ambassador to Lima on Wednesday in protest.")
    assert not any(o == "BOL" for s, _, o in got)
