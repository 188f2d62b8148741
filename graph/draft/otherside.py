"""Whom an act is against when its clause does not say. A warning whose content names the warner's own side
("Iran's spokesman warned that Tehran would respond reciprocally", "Ardenia warned that its forces would
retaliate"): the one named after "that" is who would act, not whom the warning is against; the warning is
against the other side of the story (see :func:`graph.draft.implicit.one_sided`). An attack condemned but never
told as an act ("Honduras and Bolivia condemned the raid"): on the one the story most often accuses
(:func:`accused_most`). Used by :mod:`graph.draft.cue_pairs`.
"""

from __future__ import annotations

from .sides import side

__all__ = ["own_side_content", "accused_most"]

_THAT = {"that", "it", "they"}


def own_side_content(c, hit, subject, first):
    """Whether the group *first* after the THREATEN cue *hit* ("warned that X would ...") is the subject of what
    is warned of and of the warner's (*subject*'s) own side: the warning's addressee is then left implicit.

    >>> from types import SimpleNamespace as S
    >>> P = lambda e, ti: S(entity=e, ti=ti, tj=ti + 1)
    >>> lows = "the spokesman warned that tehran would respond".split()
    >>> c = S(lows=lows, owner={"SPOX": "IRN"}, kinds={"SPOX": "person", "IRN": "state"})
    >>> own_side_content(c, S(i=2, j=3, entry={"type": "THREATEN"}), [P("SPOX", 1)], [P("IRN", 4)])
    True
    >>> own_side_content(c, S(i=2, j=3, entry={"type": "THREATEN"}), [P("SPOX", 1)], [P("AZE", 4)])
    False
    """
    lows = c.lows
    if hit.entry["type"] != "THREATEN" or hit.j >= len(lows) or lows[hit.j] != "that":
        return False
    if first[0].ti not in (hit.j + 1, hit.j + 2) or first[-1].tj >= len(lows):
        return False  # (the subject of the content clause, right after "that" or "that the")
    if lows[first[-1].tj] not in ("would", "will", "could", "might", "may", "is", "was", "had", "has", "forces"):
        return False  # ("warned that Borland's troops ..." reads the same; "warned that attacks on X" does not)
    kinds = c.kinds or {}
    mine = {side(p.entity, c.owner or {}, kinds) for p in subject} - {None}
    theirs = {side(p.entity, c.owner or {}, kinds) for p in first}
    return bool(mine) and theirs <= mine


_AGAINST = {"ACCUSE", "PROTEST", "SANCTION", "REQUEST", "THREATEN", "REJECT"}


def accused_most(recent, actors, same, owner):
    """Whom the story holds to account when an attack it condemns was never told as an act ("Honduras and
    Bolivia condemned the raid"): the actor others most often accuse, protest to, sanction or make demands of in
    the candidates *recent* (oldest first), at the level of states (at least twice, the latest on a tie; not of
    *actors*, nor one they act against themselves); None when there is none.

    >>> from types import SimpleNamespace as R
    >>> recent = [R(subject="MEX", type="REQUEST", object="ECU"), R(subject="MEX", type="SANCTION", object="ECU")]
    >>> accused_most(recent, ["HND"], lambda a, b: a == b, {})
    'ECU'
    >>> accused_most(recent[:1], ["HND"], lambda a, b: a == b, {}) is None
    True
    """
    seen: dict = {}
    for n, r in enumerate(recent):
        if r.type not in _AGAINST:
            continue
        a, o = side(r.subject, owner, {}), side(r.object, owner, {})
        if a == o or any(same(x, r.subject) or same(x, r.object) for x in actors):
            continue
        seen[o] = (seen.get(o, (0, 0))[0] + 1, n)
    best = max(seen, key=lambda x: seen[x]) if seen else None
    return best if best is not None and seen[best][0] >= 2 else None
