"""The ninth round, second wave, vocabulary: the matching of multi-word cues (a plural last word, an adverb
inside) and verb families that gave no cue. Constructed sentences, invented people."""

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
  - {id: URY, name: Uruguay, kind: state}
"""
)


def _claims(text):
    return {(c.subject.split("-")[0], c.type, c.object.split("-")[0]) for c in draft(text, DS).claims}


def _cues(text):
    return [h.words for h in Lexicon.load().find_cues(tokenise(text))]


@pytest.mark.parametrize(
    "text, words",
    [
        # the last word of a multi-word cue in the plural
        ("Lima handed over two protest notes on Friday.", "protest notes"),
        ("The navies began joint patrols in the strait.", "joint patrols"),
        ("The two armies held a joint exercise near the border.", "joint exercise"),
        ("Santiago has sent three diplomatic notes since May.", "diplomatic notes"),
        # an adverb inside a phrase
        ("Quito had invested heavily in the port.", "invested heavily in"),
        ("Peru stood firmly by its neighbour.", "stood firmly by"),
    ],
)
def test_cue_phrase_forms(text, words):
    assert words in _cues(text)


@pytest.mark.parametrize(
    "text, words",
    [
        # a phrase ending in a function word takes no plural; a capitalised "-ly" word is no adverb
        ("Chile will stand withs nobody.", "stand withs"),
        ("Chile invested Italy in nothing.", "invested Italy in"),
        # a noun in "-ly" is no adverb
        ("Chile invested rally in nothing.", "invested rally in"),
    ],
)
def test_cue_phrase_guards(text, words):
    assert words not in _cues(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Argentina and Uruguay began joint naval patrols on Monday.", ("ARG", "COOPERATE", "URY")),
        ("Bolivia has invested heavily in Peru since 2015.", ("BOL", "COOPERATE", "PER")),
    ],
)
def test_claims_from_phrase_forms(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, words",
    [
        # a gap of five or six words
        (
            "Lima will share the port's radar logs and tide data with Quito.",
            "share the port's radar logs and tide data with",
        ),
        (
            "La Paz held about 300 of the striking miners in prisons.",
            "held about 300 of the striking miners in prisons",
        ),
    ],
)
def test_longer_gap(text, words):
    assert words in _cues(text)


def test_gap_still_bounded():
    text = "Lima will share the reports of the commission on the river and its data with Quito."
    assert not any(w.startswith("share") for w in _cues(text))


def test_of_two_cues_as_long_the_first_closing_wins():
    hits = Lexicon.load().find_cues(tokenise("Peru sent 400 more soldiers and combat engineers to Bolivia."))
    assert [(h.words, h.entry["type"]) for h in hits][0] == ("sent 400 more soldiers", "AID")
