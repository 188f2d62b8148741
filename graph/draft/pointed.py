"""The claims a denial that points back denies: "the Taliban have always denied the charge" denies the
claim of the clause it points to (the same subject, type and object, the denier as ``asserted_by``,
modality ``denied``); used by :mod:`graph.draft.claims` for each sentence with a pointer
(:func:`graph.draft.attribution.denial_pointer`).

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: IRN, name: Iran, kind: state}, {id: PAK, name: Pakistan, kind: state}]")
>>> for c in draft("Iran accused Pakistan of shelling a village. Islamabad denied the charge.", ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
IRN ACCUSE PAK reported None
PAK ASSAULT IRN claimed IRN
PAK ASSAULT IRN denied PAK
"""

from __future__ import annotations

from .clause import Raw
from .sides import top as _top
from .syntax import rel_spans

__all__ = ["pointed"]


# the acts a charge says the accused did (not what one said or asked)
_CHARGED = {"ASSAULT", "MOBILIZE", "COERCE", "AID", "THREATEN", "SANCTION"}


def _latest(rs):
    """The candidates of *rs* (latest first) told in the same passage as the first of them."""
    return [r for r in rs if r.start == rs[0].start] if rs else rs


def charged_here(here, at, denier, owner):
    """The charges against *denier*'s side that the candidates *here* of the sentence tell before the character
    offset *at* of a denial (claimed by an accuser: "which Port Sudan accuses of financing the group").

    >>> from types import SimpleNamespace as R
    >>> here = [R(subject="ARE", type="AID", modality="claimed", why=["accused by SDN"], cue_at=10, start=0)]
    >>> [r.subject for r in charged_here(here, 40, "ARE", {})], charged_here(here, 40, "SDN", {})
    (['ARE'], [])
    """
    if denier is None:
        return []
    return [
        r
        for r in here
        if r.type in _CHARGED
        and r.modality == "claimed"
        and any(str(w).startswith("accused by") for w in r.why)
        and (r.cue_at if r.cue_at is not None else r.start) < at
        and _top(r.subject, owner) == _top(denier, owner)
    ]


def pointed(text, stoks, pointer, in_sentence, here, ctx, sp):
    """The claims a denial that points back denies (copies with modality denied, by the denier)."""
    v, k, where = pointer
    verb = stoks[v]
    if where == "before":
        targets = [r for r in here if r.modality == "claimed" and (r.cue_at or r.start) < stoks[k].start]
        who = [x for x in in_sentence if stoks[k].end <= x[0] and x[1] <= verb.start]
    else:
        # the charge: what an accusation said in the last sentences, else what was claimed just before
        recent = ctx.history[-8:]
        accused = next(
            (
                [r for r in rs if any(w.startswith("accused by") for w in r.why)]
                for rs in reversed(recent)
                if any(any(w.startswith("accused by") for w in r.why) for r in rs)
            ),
            None,
        )
        if accused:
            # the charge is what the accused did ("accused Pakistan of backing X"), not all the sentence says
            objects = {r.object for rs in recent for r in rs if r.type == "ACCUSE"}
            accused = [r for r in accused if r.subject in objects] or accused
        # else what was denied just before ("Iran denied supplying drones ... 'These accusations are baseless'"),
        # else what was claimed, else reported
        kinds = (
            accused,
            [r for r in ctx.prev if r.modality == "denied"],
            [r for r in ctx.prev if r.modality == "claimed"],
            [r for r in ctx.prev if r.modality == "reported" and r.type not in ("ACCUSE", "REQUEST")],
        )
        # (not an actor of a relative clause: "The UAE, which Port Sudan accuses of financing the group, denied")
        rels = [
            (stoks[a].start, stoks[b - 1].end)
            for a, b in rel_spans(stoks)
            if b > a and stoks[a].lower in ("which", "who")
        ]
        who = [x for x in in_sentence if x[1] <= verb.start and not any(a <= x[0] < b for a, b in rels)]
        denier = who[-1][2] if who else (sp.speaker if sp is not None else None)
        # one denies a charge against oneself: the first kind that charges the denier's side, else the first
        # (and before the first kind that charges no one on the denier's side, an older charge that does: "X said
        # Russian jets had entered its airspace. Finland summoned Russia's envoy. Moscow dismissed the charge")
        # (what another claimed first, "a report by X said", then what was told as fact)
        older = [r for rs in reversed(ctx.history[-6:]) for r in rs if r.type in _CHARGED]
        older = [r for r in older if r.modality == "claimed" and r.asserted_by is not None] + [
            r for r in older if r.modality == "reported"
        ]
        mine = [
            [r for r in rs or () if _top(r.subject, ctx.owner) == _top(denier, ctx.owner)] for rs in (*kinds, older)
        ]
        mine[-1] = _latest(mine[-1])
        # (else what was charged, whoever it charges; not a deal or a meeting, which no one is charged with)
        charges = [[r for r in rs or () if r.type in _CHARGED or r.modality == "denied"] for rs in kinds]
        # (when none before charges the denier's side, a charge against it told in the same sentence before the
        # denial: "The UAE, which Port Sudan accuses of financing the group, has denied the charge")
        targets = (
            next((rs for rs in mine if rs), None)
            or charged_here(here, verb.start, denier, ctx.owner)
            or next((rs for rs in charges if rs), [])
        )
    denier = who[-1][2] if who else (sp.speaker if sp is not None else None)
    if denier is None:
        return []
    cs, ce = stoks[0].start, stoks[-1].end
    seen, out = set(), []
    for r in targets:
        key = (r.subject, r.type, r.object)
        if key in seen or denier == r.asserted_by and r.modality == "denied":
            continue
        seen.add(key)
        q = text[r.start : r.end].strip()
        out.append(
            Raw(
                r.subject,
                r.object,
                r.type,
                r.mode,
                "denied",
                denier,
                cs,
                ce,
                verb.start,
                [
                    f"'{text[stoks[min(v, k)].start : stoks[min(max(v, k + 1), len(stoks) - 1)].end]}' points back to: "
                    f"'{q[:60]}{'…' if len(q) > 60 else ''}'",
                    f"denied by {denier}",
                ],
                0.5,
                "pointer",
                True,
            )
        )
    return out
