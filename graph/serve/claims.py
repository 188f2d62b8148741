"""The claims a :class:`~graph.serve.question.Question` asks for, from a loaded dataset and its indexes.

The candidates come from the narrowest index the question allows (an aggregated edge's pair, an
actor's claims out and in: :meth:`graph.Dataset.relations`), in data order, and each is tested against
the page's filters, as the page tests them (graph/render/static/filters.js): types, signs, modalities
and sources; a time range over when it happened or when it was said, undated claims kept unless
``undated=0``; contested claims only; an actor's neighbourhood. Every pass over the claims checks the
*deadline* and stops with :class:`TooLong`.

>>> import graph
>>> from graph.serve.question import parse
>>> ds = graph.example()
>>> total, rels = matching(ds, parse("mod=reported&actor=TAL"), limit=2)
>>> total, [r.id for r in rels]
(2, ['tal-rejects-usa', 'usa-requests-tal'])
>>> claim_dict(rels[0])["evidence"][0]["source"]
's2'
"""

from __future__ import annotations

import calendar
import time
from datetime import date

from ..analysis.contested import verdicts
from ..errors import BadRequest, TooLong
from ..filters import claim_times
from ..render.edge_groups import period_of

__all__ = ["matching", "claim_dict", "check_names", "month_range", "CHECK_EVERY"]

CHECK_EVERY = 4096  # claims between two looks at the clock


def check_names(q, entities, sources):
    """Raise :class:`BadRequest` for an actor or a source *q* names that is not in the data."""
    for eid in q.actors():
        if eid not in entities:
            raise BadRequest(f"unknown actor '{eid[:60]}' (give an entity id, as the page does)")
    for sid in q.sources():
        if sid not in sources:
            raise BadRequest(f"src: unknown source '{sid[:60]}'")


def month_range(f) -> tuple:
    """``(first day, last day)`` of the months ``from``..``to`` of filters *f* (open: date.min/max).

    >>> month_range({"from": "2024-02", "to": "2024-02"})
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    lo = date(int(f["from"][:4]), int(f["from"][5:7]), 1) if "from" in f else date.min
    if "to" in f:
        y, m = int(f["to"][:4]), int(f["to"][5:7])
        hi = date(y, m, calendar.monthrange(y, m)[1])
    else:
        hi = date.max
    return lo, hi


def _tests(ds, q, contested) -> list:
    """The tests of one claim for the filters and narrowing of *q* (its focus aside)."""
    f, tests = q.filters, []
    if "types" in f:
        types = f["types"]
        tests.append(lambda r: r.type in types)
    if "pols" in f:
        signs = {int(s) for s in f["pols"]}
        tests.append(lambda r: r.sign in signs)
    if "mods" in f:
        mods = f["mods"]
        tests.append(lambda r: r.modality in mods)
    if "srcs" in f:
        srcs = f["srcs"]
        tests.append(lambda r: any(e.source in srcs for e in r.evidence))
    if f.get("contested"):
        ids = contested()
        tests.append(lambda r: r.id in ids)
    basis, undated = f.get("time", "happened"), f.get("undated", True)
    ranged = "from" in f or "to" in f
    if ranged or not undated:
        lo, hi = month_range(f)

        def in_time(r):
            spans = claim_times(ds, r, basis)
            if not spans:
                return undated
            return any(w.start <= hi and lo <= w.end for w, _ in spans)

        tests.append(in_time)
    if q.subject is not None:
        tests.append(lambda r: r.subject == q.subject)
    if q.object is not None:
        tests.append(lambda r: r.object == q.object)
    if q.actor is not None:
        tests.append(lambda r: q.actor in (r.subject, r.object))
    if q.quad is not None:
        tests.append(lambda r: r.quad == q.quad)
    if q.period is not None:
        by, period = q.by, q.period
        tests.append(lambda r: period_of(r.when, by) == period)
    if q.q is not None:
        text = q.q.lower()
        tests.append(
            lambda r: (
                text in r.id.lower()
                or any(text in (e.quote if e.quote is not None else e.record or "").lower() for e in r.evidence)
            )
        )
    return tests


def _candidates(ds, qs):
    """The claims to test, in data order: those of the narrowest actor index of the questions *qs*
    (an actor's: the claims where it is the subject, then those where it is only the object)."""
    for q in qs:
        if q.subject is not None and q.object is not None:
            return ds.relations(subject=q.subject, object=q.object, parts=False)
    for q in qs:
        if q.actor is not None:
            out = ds.relations(subject=q.actor, parts=False)
            return out + [r for r in ds.relations(object=q.actor, parts=False) if r.subject != q.actor]
    for q in qs:
        if q.subject is not None:
            return ds.relations(subject=q.subject, parts=False)
        if q.object is not None:
            return ds.relations(object=q.object, parts=False)
    return ds.relations()


def _passing(rels, tests, deadline):
    clock = time.monotonic
    for i, r in enumerate(rels):
        if not i % CHECK_EVERY and clock() > deadline:
            raise TooLong("the question took too long to answer; narrow it (an actor, a type, a period)")
        for t in tests:
            if not t(r):
                break
        else:
            yield r


def _neighbourhood(ds, q, contested, deadline) -> set:
    """The entities within ``hops`` of the focus on the claims the other filters of *q* keep (as the page)."""
    f = q.filters
    plain = type(q)(filters={k: v for k, v in f.items() if k not in ("focus", "hops")})
    adj = {}
    for r in _passing(ds.relations(), _tests(ds, plain, contested), deadline):
        adj.setdefault(r.subject, set()).add(r.object)
        adj.setdefault(r.object, set()).add(r.subject)
    seen, frontier = {f["focus"]}, [f["focus"]]
    for _ in range(f["hops"]):
        frontier = [m for n in frontier for m in adj.get(n, ()) if m not in seen]
        seen.update(frontier)
    return seen


def matching(ds, q, *, offset=0, limit=None, contested=None, deadline=None) -> tuple:
    """``(total, claims)``: how many claims of *ds* answer question *q* (and its view), and those from
    *offset* on (at most *limit*; all when None), in data order (an actor's: those it makes first).
    *contested* gives the ids of the contested claims (worked out when first needed:
    :func:`graph.analysis.contested.verdicts`)."""
    deadline = time.monotonic() + 3600 if deadline is None else deadline
    if contested is None:
        cache = []

        def contested():
            if not cache:
                cache.append({rid for _k, c, _c, _r, rids in verdicts(ds) if c for rid in rids})
            return cache[0]

    qs = [q] + ([q.view] if q.view is not None else [])
    tests = [t for x in qs for t in _tests(ds, x, contested)]
    for x in qs:
        if "focus" in x.filters:
            near = _neighbourhood(ds, x, contested, deadline)
            tests.append(lambda r, near=near: r.subject in near and r.object in near)
    candidates = _candidates(ds, qs)
    if not tests:
        end = len(candidates) if limit is None else offset + limit
        return len(candidates), candidates[offset:end]
    out, total = [], 0
    end = None if limit is None else offset + limit
    for r in _passing(candidates, tests, deadline):
        if total >= offset and (end is None or total < end):
            out.append(r)
        total += 1
    return total, out


def claim_dict(r) -> dict:
    """Claim *r* as the API gives it: ``id``, ``subject``, ``object``, ``type``, ``mode``, ``modality``,
    ``polarity``, ``claimants``, ``when`` (as written), ``evidence`` (``{source, quote}`` or ``{source, record}``)."""
    return {
        "id": r.id,
        "subject": r.subject,
        "object": r.object,
        "type": r.type,
        "mode": r.mode,
        "modality": r.modality,
        "polarity": r.polarity,
        "claimants": list(r.claimants),
        "when": str(r.when) if r.when is not None else None,
        "evidence": [
            {"source": e.source, "quote": e.quote} if e.quote is not None else {"source": e.source, "record": e.record}
            for e in r.evidence
        ],
    }
