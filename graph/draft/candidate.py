"""A candidate claim, when it happened, and the merging of the raw claims of a text into candidates
(one per subject, type, object, modality and claimant, with every quote)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Candidate", "merge", "when_of"]


@dataclass
class Candidate:
    """One candidate claim (see the JSON of :func:`graph.draft.draft`)."""

    subject: str
    object: str
    type: str
    mode: str | None
    modality: str
    asserted_by: str | None
    quote: str
    start: int
    end: int
    cue: str
    confidence: float
    when: str | None = None
    quotes: list = field(default_factory=list)  # (quote, start, end), in text order
    rule: str = ""

    def to_json(self) -> dict:
        return {
            "subject": self.subject,
            "object": self.object,
            "type": self.type,
            "mode": self.mode,
            "modality": self.modality,
            "asserted_by": self.asserted_by,
            "quote": self.quote,
            "cue": self.cue,
            "confidence": self.confidence,
            "when": self.when,
            "quotes": [q for q, _, _ in self.quotes],
        }


def _quote(text, s, e):
    q = text[s:e].strip()
    s = s + (len(text[s:e]) - len(text[s:e].lstrip()))
    q2 = q.rstrip('.!?;:,"”“ ')
    q2 = q2.lstrip('"“”( ')
    s2 = s + q.index(q2) if q2 else s
    e2 = s2 + len(q2)
    return (text[s2:e2], s2, e2) if q2 else (q, s, s + len(q))


def when_of(r, dates):
    """(when, why) of a candidate from the dates in its clause."""
    inside = [d for d in dates if r.start <= d.start and d.end <= r.end + 1 and d.when]
    phrase = getattr(r, "phrase", None)
    if r.content and phrase:
        inside = [d for d in inside if not (phrase[0] <= d.start < phrase[1])]
    if not inside:
        return None, None
    at = r.cue_at if r.cue_at is not None else r.start
    marks = getattr(r, "marks", ()) or ()
    verbs = [m for m, _ in marks]
    # a date after the cue and before the next verb is the event's ("killing civilians in air strikes last
    # week"); one before it too ("China on Wednesday condemned ... and vowed"), unless it follows another
    # verb ("exchanged fire on Thursday ... since they agreed a ceasefire") or a denial stands between
    # ("on Thursday dismissed accusations that S")
    end = next((m for m in verbs if m > at), None)
    after = [d for d in inside if d.start >= at and (end is None or d.start < end)]
    before = [
        d
        for d in inside
        if d.end <= at
        and not any(m < d.start for m in verbs)
        and not any(d.end <= m < at for m, k in marks if k == "denial")
    ]
    if r.content:
        pick = min(after, key=lambda d: d.start) if after else None
    else:
        pick = max(before, key=lambda d: d.start) if before else (min(after, key=lambda d: d.start) if after else None)
    if pick is None:
        return None, None
    return pick.when, pick.why()


def merge(text, raws, dates=()) -> list[Candidate]:
    """One :class:`Candidate` per (subject, type, object, modality, claimant), with every quote; each dated
    afresh from every date of the text, *dates* (:func:`graph.draft.attach.attach`)."""
    from .attach import attach
    from .calibrate import confidence

    if dates:
        attach(text, raws, dates)
    by_key: dict[tuple, list] = {}
    for r in raws:
        by_key.setdefault((r.subject, r.type, r.object, r.modality, r.asserted_by), []).append(r)
    out = []
    for (s, t, o, mod, by), rs in by_key.items():
        rs.sort(key=lambda r: r.start)
        quotes, whys = [], []
        for r in rs:
            q = _quote(text, r.start, r.end)
            if q[0] and q not in quotes:
                quotes.append(q)
            for w in r.why + ([r.when_why] if r.when_why else []):
                if w not in whys:
                    whys.append(w)
        # the date of the first statement of the claim, or of the one restating it next (a headline and its
        # lede), not of a later passage about an earlier event ("In May 2023, a clash ... killed two")
        first = {q[1] for q in quotes[:2]}
        when = next((r.when for r in rs if r.when and _quote(text, r.start, r.end)[1] in first), None)
        mode = next((r.mode for r in rs if r.mode), None)
        q, qs, qe = quotes[0]
        best = max(rs, key=lambda r: r.confidence)
        c = Candidate(s, o, t, mode, mod, by, q, qs, qe, "; ".join(whys), best.confidence, when, quotes, best.rule)
        c.confidence = confidence(c, rs)
        out.append(c)
    out.sort(key=lambda c: (c.start, c.end))
    return out
