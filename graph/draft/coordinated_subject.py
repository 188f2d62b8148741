"""Whose a coordinated verb is when an object stands before it: "It let the United States store equipment and
joined Finland in ...": the clause's subject's, not the object's; used by :mod:`graph.draft.cue_pairs`."""

from __future__ import annotations

from .syntax import AUX

__all__ = ["object_before"]

# what shows that an actor after the clause's subject begins a clause of its own, or is no object of its verb
_NEW_CLAUSE = {",", ";", ":", "that", "said", "says", "told", "who", "which", "when", "while", "after", "and", "but"}
_NEW_CLAUSE |= {"to", "if", "as", "because", "since", "before", "where", "whom", "whose", "said"}


def object_before(c, groups, g, hit):
    """Whether *g*, the group last before the coordinated verb *hit*, is the object of the clause subject's first
    verb ("It let the United States store equipment and joined ...": the subject, then a verb, then *g*, with no
    clause between); the coordinated verb is then a past-tense verb of the subject.

    >>> from types import SimpleNamespace as S
    >>> lows = "it let the us store gear and joined finland".split()
    >>> P = lambda i: S(ti=i, tj=i + 1)
    >>> object_before(S(lows=lows), [[P(0)], [P(3)]], [P(3)], S(i=7, words="joined"))
    True
    >>> lows = "it said the us stored gear and joined finland".split()
    >>> object_before(S(lows=lows), [[P(0)], [P(3)]], [P(3)], S(i=7, words="joined"))
    False
    """
    lows, first = c.lows, groups[0]
    if g is first or first[-1].tj >= g[0].ti or not hit.words.lower().split()[0].endswith("ed"):
        return False
    verb = lows[first[-1].tj : g[0].ti]
    if not verb or not verb[0].isalpha() or any(w in _NEW_CLAUSE or w in AUX for w in verb):
        return False
    # (the words between the object and the coordinated verb tell no clause of its own: no past-tense verb)
    between = lows[g[-1].tj : hit.i]
    return not any(w in _NEW_CLAUSE - {"and"} or w.endswith("ed") or w in AUX for w in between[:-1])
