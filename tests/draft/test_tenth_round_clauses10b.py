"""The tenth round, gold claims whose two actors are named but whose construction the clause rules did not
read: a subject with a possessive apposition before the verb of speech ("X, Y's closest ally, said it ...")
is the speaker, not a closing attribution of a quote that is only a name; "accused X of allowing Y to V" /
"letting Y V": X helps Y, claimed by the accuser. Constructed sentences, invented people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state, aliases: [Buenos Aires]}
  - {id: CHL, name: Chile, kind: state, aliases: [Santiago]}
  - {id: PER, name: Peru, kind: state, aliases: [Lima]}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: FLR, name: Frente Litoral, kind: armed_group}
  - {id: ROJAS, name: Ana Rojas, kind: person, part_of: PER}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, DS).claims}


def _triples(text):
    return {(s, t, o) for s, t, o, _, _ in _claims(text)}


def test_a_subject_with_a_possessive_apposition_speaks():
    got = _claims("Argentina, Chile's closest ally, said it stood shoulder to shoulder with Santiago.")
    assert ("ARG", "SUPPORT", "CHL", "claimed", "ARG") in got
    assert not [c for c in got if c[4] == "CHL"]
    # (a quote that says more than a name still closes on its speaker)
    got = _claims('"Peru will not be intimidated by Chile," Argentina, Bolivia\'s closest ally, said on Monday.')
    assert not [c for c in got if c[0] == "ARG" and c[4] == "ARG" and c[2] == "CHL"]


def test_an_accusation_of_allowing_another_actor_to_act():
    got = _claims("Ana Rojas accused Chile of allowing Bolivia to fly surveillance drones over northern Peru.")
    assert ("CHL", "COOPERATE", "BOL", "claimed", "ROJAS") in got
    got = _claims("Ana Rojas accused Chile of letting the Frente Litoral smuggle fuel and arms across the river.")
    assert ("CHL", "AID", "FLR", "claimed", "ROJAS") in got
    # (what is asked is not done: "pressed X to let Y", "pressured X into letting Y"; nor what is refused)
    assert not [c for c in _triples("Peru pressed Chile to let Bolivia build a port.") if c[:1] == ("CHL",)]
    assert not [c for c in _triples("Peru pressured Chile into letting Bolivia build a port.") if c[:1] == ("CHL",)]
    assert ("CHL", "COOPERATE", "BOL") not in _triples("Chile never allowed Bolivia to build a port.")


def test_a_permission_told_by_a_speaker_is_help_claimed_by_the_speaker():
    got = _claims("Peru said Chile let Bolivia store fuel at its port.")
    assert ("CHL", "COOPERATE", "BOL", "claimed", "PER") in got
