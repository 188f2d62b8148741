"""Memory across drafts: the reviewer's decisions, by content, so a new draft leaves out what was decided.

A decision is known by the claim's content: subject, type, object, modality, claimants and the
span of its quote in the text (a candidate matches when these are equal and one quote overlaps).
A draft remembers each decided candidate as it is now *and* as the drafter first proposed it
(``as_proposed``, kept by the review session when the reviewer edits a candidate): drafting the
text again does not propose the original wrong form of a claim that was edited and saved.
Claims already in the data, from this source, count as decided too (even without the old draft).

>>> text = "Iran accused Iraq. Iraq denied it."
>>> old = {"relations": [{"id": "c1", "subject": "IRN", "type": "ACCUSE", "object": "IRQ", "modality": "reported",
...                        "evidence": [{"quote": "Iran accused Iraq"}], "status": "rejected"}], "entities": []}
>>> new = [{"id": "c1", "subject": "IRN", "type": "ACCUSE", "object": "IRQ", "modality": "reported",
...         "evidence": [{"quote": "Iran accused Iraq."}]}]
>>> kept, left = leave_out(new, decisions(old, text), text)
>>> kept, dict(left)
([], {'rejected before': 1})
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from ..errors import DraftFileError, JournalError, ReviewError
from ..texts import find_quote, inside
from .ids import claimants, rename, unique
from .journal import journal_path, recover

__all__ = ["proposal", "decisions", "leave_out", "remember", "DECIDED", "REVIEWER_CUE"]

DECIDED = ("accepted", "rejected", "saved", "merged")
REVIEWER_CUE = "made by the reviewer"
_WHY = {
    "rejected": "rejected before",
    "merged": "merged into another claim before",
    "accepted": "accepted before",
    "saved": "accepted before",
}


def _quotes(rel) -> list:
    return [str(ev.get("quote")) for ev in rel.get("evidence") or [] if isinstance(ev, dict) and ev.get("quote")]


def proposal(rel) -> dict:
    """The content a decision is known by: subject, type, object, modality, claimants, quotes."""
    return {
        "subject": rel.get("subject"),
        "type": rel.get("type"),
        "object": rel.get("object"),
        "modality": rel.get("modality"),
        "asserted_by": claimants(rel),
        "quotes": _quotes(rel),
    }


def _key(p):
    return (p.get("subject"), p.get("type"), p.get("object"), p.get("modality"), tuple(p.get("asserted_by") or ()))


def _spans(quotes, text):
    out = []
    for q in quotes:
        hit = find_quote(text, q)
        out.append(hit if hit else q)  # a quote not in the text matches only itself
    return out


def _overlap(a, b):
    for x in a:
        for y in b:
            if isinstance(x, tuple) and isinstance(y, tuple) and x[0] < y[1] and y[0] < x[1]:
                return True
            if x == y:
                return True
    return False


def decisions(old_doc, text, ds=None, source_id=None) -> list:
    """``[(key, spans, why)]`` of every decision: the candidates of *old_doc* (a draft's plain values,
    or None) decided by the reviewer, as they are and as first proposed, and the claims of *ds* whose
    evidence cites *source_id*."""
    out = []
    for rel in (old_doc or {}).get("relations") or []:
        st = rel.get("status")
        if st not in DECIDED:
            continue
        now = proposal(rel)
        out.append((_key(now), _spans(now["quotes"], text), _WHY[st]))
        first = rel.get("as_proposed")
        if isinstance(first, dict) and _key(first) != _key(now):
            why = "edited and accepted before" if st in ("accepted", "saved") else _WHY[st]
            out.append((_key(first), _spans(first.get("quotes") or now["quotes"], text), why))
    if ds is not None and source_id is not None and source_id in ds.sources:
        for r in ds.relations(source=source_id):
            quotes = [e.quote for e in r.evidence if e.source == source_id and e.quote]
            key = (r.subject, r.type, r.object, r.modality, tuple(r.claimants))
            out.append((key, _spans(quotes, text), "already in the data"))
    return out


def leave_out(candidates, decided, text):
    """``(kept, left)``: the *candidates* no decision covers, and a Counter of the others by reason."""
    kept, left = [], Counter()
    for c in candidates:
        p = proposal(c)
        key, spans = _key(p), _spans(p["quotes"], text)
        why = next((w for k, s, w in decided if k == key and _overlap(spans, s)), None)
        if why is None:
            kept.append(c)
        else:
            left[why] += 1
    return kept, left


def _carried(old_doc):
    """The old draft's records that hold the reviewer's work: decided ones, and the reviewer's own."""
    rels = [r for r in old_doc["relations"] if r.get("status") in DECIDED or r.get("cue") == REVIEWER_CUE]
    ents = [e for e in old_doc["entities"] if e.get("status") not in (None, "draft") or e.get("cue") == REVIEWER_CUE]
    return rels, ents


def remember(doc, output, ds, text, data_path) -> list:
    """Apply the decisions of the draft at *output* (if any) and of the data *ds* to the new draft
    *doc* (changed in place: decided candidates left out, the reviewer's work carried over); the
    lines that say what was left out and why. Raises :class:`~graph.review.ReviewError` when
    *output* exists but is not a readable draft."""
    from ..draft.output import read_draft

    old = None
    if os.path.exists(output):
        try:
            recover(
                journal_path(output),
                lambda p: (
                    p == os.path.abspath(output) or (inside(p, data_path) and p.lower().endswith((".yaml", ".yml")))
                ),
            )
            old = read_draft(Path(output).read_text(encoding="utf-8"), output)
        except (OSError, UnicodeDecodeError, DraftFileError, JournalError) as exc:
            raise ReviewError(
                f"{output} exists and is not a readable draft ({str(exc).splitlines()[0]}); "
                "move it away or choose another file with -o (nothing was written)"
            ) from None
    source_id = (doc.get("sources") or [{}])[0].get("id") or next(
        (ev.get("source") for r in doc["relations"] for ev in r.get("evidence") or []), None
    )
    kept, left = leave_out(doc["relations"], decisions(old, text, ds, source_id), text)
    lines = []
    if left:
        lines.append(
            f"left out {sum(left.values())} candidate claims decided before: "
            + ", ".join(f"{n} {why}" for why, n in left.most_common())
        )
    if old is None:
        doc["relations"] = kept
        return lines
    rels, ents = _carried(old)
    taken = {r["id"] for r in rels}
    for c in kept:
        c["id"] = unique(c["id"], taken)
        taken.add(c["id"])
    doc["relations"] = kept + rels
    names = {str(e.get("name", "")).lower() for e in ents}
    fresh = [e for e in doc["entities"] if str(e.get("name", "")).lower() not in names]
    taken, renamed = {e["id"] for e in ents}, {}
    for e in fresh:
        e["id"], old_id = unique(e["id"], taken), e["id"]
        taken.add(e["id"])
        if e["id"] != old_id:
            renamed[old_id] = e["id"]
    for c in kept if renamed else ():  # (a new name whose id an older, other entity of the draft has)
        rename(c, renamed)
    doc["entities"] = fresh + ents
    if rels or ents:
        lines.append(
            f"kept {len(rels)} claims and {len(ents)} entities of the draft that was there "
            "(the reviewer's decisions and own claims)"
        )
    return lines
