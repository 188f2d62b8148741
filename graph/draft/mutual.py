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


# words of a side's armed men after its name ("Chile's forces", "Peruvian troops and ..."): the side itself
_FORCES = {"'s", "’s", "forces", "troops", "army", "soldiers", "fighters", "military", "militia", "police", "guards"}


def two_after(c, k):
    """The two actors named one each side of "and" from token *k* on when the clause *c* groups them apart
    ("between Chile's forces and Frente Rojo": the possessed noun cuts the group), both by name, or None.

    >>> from types import SimpleNamespace as NS
    >>> from graph.draft.cue_pairs import Participant
    >>> lows = ["between", "chile", "'s", "forces", "and", "the", "rebels"]
    >>> g = [[Participant("CHL", 0, 0, 1, 2, "name")], [Participant("FRV", 0, 0, 6, 7, "name")]]
    >>> [p.entity for p in two_after(NS(lows=lows, groups=g), 1)]
    ['CHL', 'FRV']
    """
    lows, parts = c.lows, {p.ti: p for g in c.groups for p in g}
    first = parts.get(k) or (parts.get(k + 1) if lows[k] == "the" else None)
    if first is None:
        return None
    m = first.tj
    while m < len(lows) and m - first.tj < 3 and lows[m] in _FORCES:
        m += 1
    if m >= len(lows) - 1 or lows[m] != "and":
        return None
    second = parts.get(m + 1) or (parts.get(m + 2) if lows[m + 1] == "the" else None)
    # (both named: a description read from the story may be the wrong side)
    if second is None or second.entity == first.entity or {first.how, second.how} != {"name"}:
        return None
    return [first, second]
