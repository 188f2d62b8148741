"""Acts told again by reference: "Kyrgyzstan did the same the following year" (the act just told, by another
actor), "Pakistan may strike hideouts in Afghanistan, as it did in March 2024" (the act of the sentence, told as
done, when the phrase says); used by :mod:`graph.draft.verdicts` for each sentence.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: ARD, name: Ardenia, kind: state}, {id: BRL, name: Borland, kind: state},"
...            " {id: CSV, name: Castavia, kind: state}]")
>>> for c in draft("Ardenia imposed sanctions on Borland in May. Castavia did the same in June.", ds).claims:
...     print(c.subject, c.type, c.object, c.modality)
ARD SANCTION BRL reported
CSV SANCTION BRL reported
"""

from __future__ import annotations

from .clause import Raw

__all__ = ["echoes"]

# "did the same", "followed suit", "did likewise": the act just told, by another
_SAME = [("did", "the", "same"), ("do", "the", "same"), ("done", "the", "same"), ("followed", "suit")]
_SAME += [("follow", "suit"), ("did", "likewise"), ("do", "likewise")]
# "as it did in 2022", "as it has done in Congo": the act of the sentence, told as done
_AS_DID = [("as", "it", "did"), ("as", "it", "has", "done"), ("as", "it", "had", "done"), ("as", "they", "did")]
_AS_DID += [("as", "it", "does"), ("as", "it", "began", "doing"), ("as", "it", "has", "in")]
_TOLD = ("reported", "claimed")


def _at(lows, phrases):
    """(start, end) token indices of the first of *phrases* in *lows*, or None."""
    firsts = {p[0] for p in phrases}
    for k, w in enumerate(lows):
        if w in firsts:
            for p in phrases:
                if tuple(lows[k : k + len(p)]) == p:
                    return k, k + len(p)
    return None


def _same(text, stoks, lows, in_sentence, here, ctx):
    """ "X did the same": the acts of the last sentence (or of this one, before X) by another, with X acting."""
    hit = _at(lows, _SAME)
    if hit is None:
        return []
    at = stoks[hit[0]].start
    before = [x for x in in_sentence if x[1] <= at and x[4] != "person" and not x[3].startswith("'")]
    if not before or at - before[-1][1] > 30:
        return []
    doer = before[-1][2]
    mine = [r for r in here if (r.cue_at or r.start) < before[-1][0]]
    last = mine or (ctx.history[-1] if ctx.history else [])
    acts = [r for r in last if r.modality in _TOLD and r.rule != "pointer" and not ctx.same(r.subject, doer)]
    if not acts:
        return []
    # (the acts of the latest actor who acted: "Uzbekistan dropped the movement from its list ... and Kyrgyzstan did
    # the same")
    acts = [r for r in acts if r.subject == acts[-1].subject]
    cs, ce = stoks[0].start, stoks[-1].end
    out, seen = [], set()
    for r in acts:
        if (r.type, r.object) in seen or ctx.same(r.object, doer):
            continue
        seen.add((r.type, r.object))
        why = [f"'{text[at : stoks[hit[1] - 1].end]}': the act of {r.subject} just told, by {doer}"]
        out.append(Raw(doer, r.object, r.type, r.mode, "reported", None, cs, ce, at, why, 0.4, "same"))
    return out


def _as_did(text, stoks, lows, in_sentence, here, sp):
    """ "..., as it did in March 2024": the acts of the sentence before the phrase, told as done (on the actor named
    after "in", when there is one: "could send troops into Burundi 'as it has done in Congo'")."""
    hit = _at(lows, _AS_DID)
    if hit is None:
        return []
    at = stoks[hit[0]].start
    acts = [r for r in here if (r.cue_at or r.start) < at and r.modality != "denied" and r.rule != "same"]
    if not acts:
        return []
    j = hit[1]
    while j < len(lows) and lows[j] in ("so", "informally", "before", "once", "then", "repeatedly", "also"):
        j += 1
    on = None
    if j < len(lows) and lows[j] == "in":
        on = next((x for x in in_sentence if stoks[j].end <= x[0] <= stoks[j].end + 5 and x[4] != "person"), None)
    end = next((t.end for t in stoks[hit[1] :] if t.lower in (",", ";", ".")), stoks[-1].end)
    spoken = sp is not None and sp.speaker and sp.content[0] <= at < sp.content[1]
    out, seen = [], set()
    for r in acts:
        obj = on[2] if on is not None else r.object
        if (r.subject, r.type, obj) in seen or obj == r.subject:
            continue
        seen.add((r.subject, r.type, obj))
        why = [f"'{text[at:end]}': the act of the sentence, told as done"]
        mod, by = ("claimed", sp.speaker) if spoken else ("reported", None)
        out.append(Raw(r.subject, obj, r.type, r.mode, mod, by, at, end, at, why, 0.4, "as-did", bool(spoken)))
    return out


def echoes(text, stoks, in_sentence, here, ctx, sp):
    """The acts a sentence tells again by reference ("X did the same", "as it did in 2022")."""
    lows = [t.lower for t in stoks]
    return _same(text, stoks, lows, in_sentence, here, ctx) + _as_did(text, stoks, lows, in_sentence, here, sp)
