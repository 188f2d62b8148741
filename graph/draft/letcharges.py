"""Charges told as "accused X of allowing Y to V" ("He accused Baku of allowing Israel to fly drones over Iran",
"accused Pakistan of allowing the group to operate from its soil") and "accused X of hosting <demonym> bases"
("accuses Cotonou of hosting French bases") whose verb the lexicon has no cue for: the accused lets the other act
from its side, so the accused AIDs an armed group it lets act (militarily) and COOPERATEs with a state or body it
lets act or hosts the forces of (the charge, claimed by the accuser). A denial that points back to the charge
then has something to deny (:mod:`graph.draft.denials`, :mod:`graph.draft.pointed`). Used by
:mod:`graph.draft.verdicts` for each sentence.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: ARD, name: Ardenia, kind: state}, {id: BRL, name: Borland, kind: state},"
...            " {id: CST, name: Costa, kind: state}]")
>>> t = "Ardenia accused Borland of allowing Costa to fly drones over its territory. Borland rejected the charge."
>>> for c in draft(t, ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
ARD ACCUSE BRL reported None
BRL COOPERATE CST claimed ARD
BRL COOPERATE CST denied BRL
"""

from __future__ import annotations

from .clause import Raw
from .sides import top as _top

__all__ = ["let_charges", "denied_here"]

_ACCUSE = {"accused", "accuses", "accuse", "accusing"}
_LET = {"allowing", "letting", "permitting"}
_HOST = {"hosting", "harbouring", "harboring"}
# what a host is charged with having on its soil ("hosting French bases", "harbouring Russian troops")
_FORCES = {"base", "bases", "troops", "soldiers", "forces", "military", "instructors", "mercenaries", "drones"}
# an armed group told by a noun ("the group", "the militants"): the last armed group named before
_GROUPS = {"group", "groups", "militants", "rebels", "fighters", "insurgents", "militia", "militias", "terrorists"}
_ARMED = {"armed_group"}
_NOT_GROUPS = {"state", "office", "person", "de_facto_authority", "organisation", "party", "company"}
_SKIP = {"the", "a", "an", "its", "their", "having", "quietly", "secretly", "repeatedly", "long"}


def let_charges(text, stoks, in_sentence, here, ctx):
    """The charges of an "accused X of allowing Y to V" or "of hosting <demonym> bases" the sentence tells.

    >>> from types import SimpleNamespace as S
    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("Ardenia accused Borland of allowing Costa to fly drones.")
    >>> ins = [(0, 7, "ARD", "Ardenia", "state"), (16, 23, "BRL", "Borland", "state")]
    >>> ins += [(36, 41, "CST", "Costa", "state")]
    >>> acc = S(subject="ARD", object="BRL", type="ACCUSE", modality="reported", cue_at=8)
    >>> ctx = S(owner={}, kinds={"ARD": "state", "BRL": "state", "CST": "state"})
    >>> [(r.subject, r.type, r.object, r.asserted_by) for r in let_charges("", toks, ins, [acc], ctx)]
    [('BRL', 'COOPERATE', 'CST', 'ARD')]
    """
    lows = [t.lower for t in stoks]
    n = len(lows)
    out = []
    for v, w in enumerate(lows):
        if w not in _ACCUSE:
            continue
        of = next((k for k in range(v + 2, min(v + 12, n)) if lows[k] == "of"), None)
        if of is None:
            continue
        g = of + 1
        while g < n and lows[g] in _SKIP and lows[g] not in ("the", "a", "an", "its", "their"):
            g += 1
        if g >= n or (lows[g] not in _LET and lows[g] not in _HOST):
            continue
        # the accused: the actor named between the verb and "of" (not a person: "accused Baku", "accused Kabul")
        accused = [x for x in in_sentence if stoks[v].end <= x[0] and x[1] <= stoks[of].start and x[4] != "person"]
        acc = next(
            (
                r
                for r in here
                if r.type == "ACCUSE"
                and r.cue_at is not None
                and stoks[v].start <= r.cue_at + 1
                and r.cue_at <= stoks[v].end
            ),
            None,
        )
        if acc is None and accused:
            acc = next((r for r in here if r.type == "ACCUSE" and r.object == accused[-1][2]), None)
        if not accused or acc is None:
            continue
        x = accused[-1][2]
        lo = stoks[g].end
        if lows[g] in _LET:
            to = next((k for k in range(g + 2, min(g + 6, n)) if lows[k] == "to"), None)
            if to is None and lows[g] == "letting":
                to = min(g + 6, n - 1)  # ("letting the Frente Litoral smuggle fuel": no "to")
            elif to is None or to + 1 >= n or not stoks[to + 1].text.isalpha():
                continue
            hi = stoks[to].start
            named = [y for y in in_sentence if lo <= y[0] and y[1] <= hi and y[4] != "person"]
            if named:
                y = named[0][2]
            elif any(lows[k] in _GROUPS for k in range(g + 1, to)):
                # ("allowing the group to operate": the armed group named before in the sentence)
                before = [z for z in in_sentence if z[1] <= stoks[v].start and z[4] not in _NOT_GROUPS]
                if not before:
                    continue
                y = before[-1][2]
            else:
                continue
            armed = ctx.kinds.get(y) in _ARMED or any(lows[k] in _GROUPS for k in range(g, to))
            kind, mode = ("AID", "military") if armed else ("COOPERATE", "military")
        else:
            # ("hosting French bases": the state of the demonym, before a word for forces)
            k = g + 1
            named = [y for y in in_sentence if lo <= y[0] and y[0] < (stoks[k + 1].end if k + 1 < n else lo)]
            if not named or not any(lows[j] in _FORCES for j in range(k, min(k + 3, n))):
                continue
            y = named[0][2]
            kind, mode = "COOPERATE", "military"
        if _top(y, ctx.owner) == _top(x, ctx.owner):
            continue
        if any(r.subject == x and r.object == y and r.modality != "denied" for r in here):
            continue
        by = acc.subject
        why = [f"'{stoks[v].text} ... of {stoks[g].text}': a charge that {x} lets {y} act ({kind})", f"accused by {by}"]
        out.append(
            Raw(
                x,
                y,
                kind,
                mode,
                "claimed",
                by,
                stoks[0].start,
                stoks[-1].end,
                stoks[g].start,
                why,
                0.5,
                "let-charge",
                True,
            )
        )
    return out


def denied_here(text, stoks, in_sentence, charges, ctx, sp, lexicon):
    """The denied copies of *charges* (of :func:`let_charges`) by a denial after them in the same sentence that
    points back to what the sentence told before it (", a claim Ardenia has always rejected"): the lexicon's
    pointers were followed before these charges were made."""
    from .attribution import denial_pointer
    from .denials import extra_pointer
    from .pointed import pointed

    if not charges:
        return []
    p = denial_pointer(stoks, lexicon) or extra_pointer(stoks)
    if p is None or p[2] != "before":
        return []
    return pointed(text, stoks, p, in_sentence, charges, ctx, sp)
