"""The tenth round, actors named by a description (names10b): a description given a name right after it ("the
mission, known by its Spanish acronym MIRAS,") stands for that name, and a later "the mission" stands for the
actor introduced by that very word before one introduced since by a word of its family only ("the force that
..."). Constructed sentences, invented bodies and people."""

from graph import loads
from graph.draft import draft
from graph.draft.describe import descriptions

DS = loads(
    """
entities:
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: LUNA, name: Pedro Luna, kind: person, part_of: BOL}
  - {id: ANDESCORPS, name: Andes Corps, kind: office, part_of: PER}
"""
)


def _triples(text):
    return {(c.subject, c.type, c.object) for c in draft(text, DS).claims}


def test_a_description_given_a_name_is_that_name():
    text = (
        "The observer mission in the Andes said on Monday that it had been stopped, the mission, known by its "
        "Spanish acronym MIRAS, said in a statement."
    )
    at = text.index("MIRAS")
    named = [(at, at + 5, "MIRAS", "new name", None)]
    got = [(text[s:e], ent) for s, e, ent, _how, _kind in descriptions(text, named)]
    assert ("the mission", "MIRAS") in got


def test_the_mission_is_the_one_called_so_not_the_force_named_since():
    text = (
        "The mission, known by its Spanish acronym MIRAS, said so. Its officers met the Andes Corps, the force "
        "that reports to Peru's defence ministry. Pedro Luna accused the mission of shielding smugglers."
    )
    got = _triples(text)
    assert ("LUNA", "ACCUSE", "MIRAS") in got
    assert ("LUNA", "ACCUSE", "ANDESCORPS") not in got


def test_a_seat_of_government_that_is_no_capital_is_the_state():
    ds = loads("entities:\n  - {id: BEN, name: Benin, kind: state}\n  - {id: TGO, name: Togo, kind: state}\n")
    got = {(c.subject, c.type, c.object) for c in draft("Togo accused Cotonou of sheltering smugglers.", ds).claims}
    assert ("TGO", "ACCUSE", "BEN") in got
