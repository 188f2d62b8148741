"""The tenth round, vocabulary: acts stated by phrasings the lexicon lacked (weapons pointed, a deed called
unjustified, close contact kept, contracts terminated, claims dropped, credentials accepted). Constructed
sentences, invented people."""

import pytest

from graph import loads
from graph.draft import draft
from graph.draft.lexicon import Lexicon
from graph.draft.tokens import tokenise

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
"""
)


def _claims(text):
    return {(c.subject.split("-")[0], c.type, c.object.split("-")[0]) for c in draft(text, DS).claims}


def _cues(text):
    return [(h.words, h.entry["type"]) for h in Lexicon.load().find_cues(tokenise(text))]


@pytest.mark.parametrize(
    "text, claim",
    [
        # a weapon pointed, aimed or trained at someone
        ("Argentine sailors pointed a machine gun at the Chilean crew.", ("ARG", "THREATEN", "CHL")),
        ("Chilean soldiers aimed their rifles at Peru's patrol.", ("CHL", "THREATEN", "PER")),
        ("Bolivian troops trained their guns on a Chilean outpost.", ("BOL", "THREATEN", "CHL")),
        # people pushed back across a border
        ("Bolivia's guards pushed the migrants back into Peru.", ("BOL", "COERCE", "PER")),
        # a deed called or described as unjustified, unacceptable, an accomplice's
        ('Bolivia called the Chilean expulsions "unjustified".', ("BOL", "ACCUSE", "CHL")),
        ('Bolivia called Chile "an accomplice" of the rebels.', ("BOL", "ACCUSE", "CHL")),
        ("Bolivia described the Peruvian decision as unacceptable.", ("BOL", "ACCUSE", "PER")),
        ("Chile vowed to seek arbitration against Peru.", ("CHL", "ACCUSE", "PER")),
        # contact kept, missions upgraded, troops hosted, a swap extended
        ("Argentina is in close contact with Chile.", ("ARG", "CONSULT", "CHL")),
        ("Argentina remained in close communication with Chile.", ("ARG", "CONSULT", "CHL")),
        ("Bolivia upgraded its mission in Lima to a full embassy.", ("BOL", "COOPERATE", "PER")),
        ("Chile has hosted Argentine troops since 2019.", ("CHL", "COOPERATE", "ARG")),
        ("Chile extended a $400 million currency swap to Peru.", ("CHL", "AID", "PER")),
        # contracts terminated, patrols blocked, talks held up, a way forced in
        ("Argentina terminated its contract with Chile.", ("ARG", "SANCTION", "CHL")),
        ("Argentina blocked a Chilean patrol on the river.", ("ARG", "COERCE", "CHL")),
        ("Bolivia has held up Peru's accession talks.", ("BOL", "PROTEST", "PER")),
        ("Argentine police forced their way into the Chilean embassy.", ("ARG", "COERCE", "CHL")),
        # claims dropped, credentials accepted
        ("Chile offered to drop its claims against Peru.", ("CHL", "CONCEDE", "PER")),
        ("Peru accepted the credentials of Chile's envoy.", ("PER", "SUPPORT", "CHL")),
    ],
)
def test_tenth_round_cues(text, claim):
    assert claim in _claims(text)


def test_cover_given_is_aid():
    assert ("giving cover to", "AID") in _cues("Chile accused Peru of giving cover to the rebels.")


@pytest.mark.parametrize(
    "text, cue",
    [
        # a gap right after the verb does not swallow a particle that makes a cue of its own
        ("Chile called on Peru to end the illegal fishing.", ("called on", "REQUEST")),
        ("Chile called for Peru to halt the unacceptable raids.", ("called for", "REQUEST")),
    ],
)
def test_particle_cue_not_swallowed_by_gap(text, cue):
    assert _cues(text)[0] == cue
