"""Fighting with someone is fought both ways: "X clashed with Y", "an exchange of fire with Y" (both act).

A reciprocal cue of force or blame (``ASSAULT``, ``ACCUSE``: "clashed with", "exchanged fire with", "skirmished
with", "traded accusations with") whose object follows "with" gives the pair the other way round too: the
object fought the subject as much. Talks, meetings and deals "with" someone stay one way (the annotators
read "Saudi Arabia held talks with the Houthis" as Saudi Arabia's act).

>>> from types import SimpleNamespace as NS
>>> from graph.draft.cue_pairs import Participant
>>> hit = NS(i=1, j=3, entry={"type": "ASSAULT", "reciprocal": True})
>>> s, o = Participant("PER", 0, 4, 0, 1, "named"), Participant("BOL", 20, 27, 3, 4, "named")
>>> c = NS(lows=["peru", "clashed", "with", "bolivia"], pairs={("PER", "BOL", 1): (s, o, hit, "cue", 0.6, 0, "r")})
>>> c.add = lambda s, o, hit, how, conf, left_at, rule: c.pairs.setdefault((s.entity, o.entity, hit.i), rule)
>>> fought_with(c)
>>> ("BOL", "PER", 1) in c.pairs
True
"""

from __future__ import annotations

__all__ = ["fought_with"]

_BOTH_WAYS = {"ASSAULT", "ACCUSE"}


def fought_with(c):
    """Add to the clause *c* (:class:`graph.draft.pairs.Clause`) the reverse of each pair of a reciprocal cue of
    force or blame whose object follows "with" within the cue or right after it."""
    for s, o, hit, how, conf, left_at, rule in list(c.pairs.values()):
        if hit is None or not hit.entry.get("reciprocal") or hit.entry.get("type") not in _BOTH_WAYS:
            continue
        if not (s.ti < hit.i < o.ti) or (o.entity, s.entity, hit.i) in c.pairs:
            continue
        # "with" inside the cue ("clashed with") or between the cue and the object ("exchanged fire with the
        # army's border forces"), no more than a few words before the object
        between = c.lows[hit.i : o.ti]
        if "with" not in between or len(between) - between.index("with") > 5:
            continue
        c.add(o, s, hit, f"{how}; '... with' a reciprocal act: both ways", conf, left_at, rule)
