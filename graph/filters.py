"""Query filters -> tests of a claim, and the index plans that find the candidates fastest.

:meth:`graph.Dataset.relations` takes every filter as a keyword; this module
checks each one (unknown values are a :class:`~graph.errors.QueryError` naming
the allowed ones) and turns it into a test of one relation, plus, for the
filters an index can answer (an actor's adjacency, a time range), a plan: how
many candidates it would give and how to list them.

>>> import graph
>>> preds, plans = claim_tests(graph.example(), subject="PAK", modality="reported")
>>> len(preds), len(plans)
(2, 1)
>>> claim_tests(graph.example(), polarity="up")
Traceback (most recent call last):
...
graph.errors.QueryError: unknown polarity 'up'; expected positive, negative or neutral
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, overload

from .errors import QueryError
from .index import degree_in, degree_out, edges_between, in_edges, out_edges
from .vocab import CONTEXTS, MODALITIES, QUADS, RELATION_TYPES
from .when import When, parse_when
from .words import suggest

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .index import Adjacency, Index
    from .model import Relation, Source

__all__ = ["claim_tests", "claim_times", "as_list", "check_values", "TIMES", "AUTHOR", "Values", "DateLike"]


class Queried(Protocol):
    """What the filters read of a dataset (a :class:`graph.Dataset`): named here, so that the
    filters, which the dataset imports, import nothing of it."""

    @property
    def sources(self) -> Mapping[str, Source]: ...

    @property
    def _adjacency(self) -> Adjacency: ...

    @property
    def _index(self) -> Index: ...

    def _ids(self, names: Values, parts: bool = False) -> Any: ...  # the ids named (None for None)

    def source(self, sid: str) -> Source: ...


AUTHOR = "author"
"""Use ``asserted_by=AUTHOR`` to select claims made by the source's own author."""

TIMES = ("happened", "made", "happened-or-made")
"""The times a claim can be placed at: when it happened, when it was said, or happened else said."""

Values = str | Iterable[str] | None
"""A filter's value: one (``"AID"``), several (``["AID", "SUPPORT"]``), or none (``None``: not filtered)."""

DateLike = str | int | date | None
"""A date filter: a date, or a year, month or day as text (``"2024"``, ``"2024-05"``) or a number (``2024``)."""

_SIGNS = {"positive": 1, "+": 1, "cooperation": 1, "negative": -1, "-": -1, "conflict": -1, "neutral": 0, "0": 0}


@overload
def as_list(v: None) -> None: ...
@overload
def as_list(v: str | float | Iterable) -> list: ...
def as_list(v: str | float | Iterable | None) -> list | None:
    """*v* as a list (one value is a list of one; ``None`` stays ``None``)."""
    if v is None:
        return None
    if isinstance(v, (str, int, float)):
        return [v]
    return list(v)


@overload
def check_values(values: None, allowed: Iterable[str], what: str, upper: bool = False) -> None: ...
@overload
def check_values(values: str | Iterable[str], allowed: Iterable[str], what: str, upper: bool = False) -> set[str]: ...
def check_values(values: Values, allowed: Iterable[str], what: str, upper: bool = False) -> set[str] | None:
    """*values* as a set, each one of *allowed*; ``None`` when not given."""
    if values is None:
        return None
    out = set()
    for v in as_list(values):
        v = str(v).strip()
        if upper:
            v = v.upper()
        if v not in allowed:
            raise QueryError(f"unknown {what} '{v}'{suggest(v, allowed)}; expected one of: " + ", ".join(allowed))
        out.add(v)
    return out


def _date(value, which):
    if isinstance(value, date):
        return value
    try:
        w = parse_when(str(value))
    except ValueError as exc:
        raise QueryError(f"bad {which} date: {exc}") from None
    return w.start if which == "start" else w.end


def claim_times(ds: Queried, r: Relation, time: str = "happened") -> list[tuple[When, str]]:
    """The times of claim *r* in dataset *ds*, as ``(When, "happened" or "made")`` pairs (see
    :meth:`graph.Dataset.claim_times`)."""
    if time == "happened" or (time == "happened-or-made" and r.when is not None):
        return [(r.when, "happened")] if r.when is not None else []
    made: dict[tuple[date, date], When] = {}
    for sid in r.sources:
        s = ds.sources.get(sid)
        if s is not None and s.published is not None:
            made.setdefault((s.published.start, s.published.end), s.published)
    return [(made[k], "made") for k in sorted(made)]


def claim_tests(
    ds: Queried,
    *,
    subject: Values = None,
    object: Values = None,
    between: Iterable[str] | None = None,
    type: Values = None,
    quad: Values = None,
    polarity: Values = None,
    modality: Values = None,
    asserted_by: Values = None,
    source: Values = None,
    context: Values = None,
    start: DateLike = None,
    end: DateLike = None,
    time: str = "happened",
    parts: bool = True,
) -> tuple[list[Callable[[Relation], bool]], list[tuple[int, Callable[[], Iterable[str]]]]]:
    """``(tests, plans)`` for the filters of :meth:`graph.Dataset.relations` on dataset *ds*:
    one test of a relation per filter given, and a ``(count, candidate ids)`` plan per indexed one."""
    preds: list[Callable[[Relation], bool]] = []
    # (how many candidates, a function giving their ids): the smallest is read
    plans: list[tuple[int, Callable[[], Iterable[str]]]] = []
    subj = ds._ids(subject, parts)
    if subj is not None:
        g = ds._adjacency  # (the actor filters' index, built when first used)
        preds.append(lambda r: r.subject in subj)
        plans.append((degree_out(g, subj), lambda: out_edges(g, subj)))
    obj = ds._ids(object, parts)
    if obj is not None:
        g = ds._adjacency
        preds.append(lambda r: r.object in obj)
        plans.append((degree_in(g, obj), lambda: in_edges(g, obj)))
    if between is not None:
        g = ds._adjacency
        a, b = (ds._ids([x], parts) for x in between)
        preds.append(lambda r: (r.subject in a and r.object in b) or (r.subject in b and r.object in a))
        plans.append(
            (
                min(degree_out(g, a) + degree_in(g, a), degree_out(g, b) + degree_in(g, b)),
                lambda: edges_between(g, a, b),
            )
        )
    types = check_values(type, RELATION_TYPES, "type", upper=True)
    if types is not None:
        preds.append(lambda r: r.type in types)
    quads = check_values(quad, QUADS, "quad class")
    if quads is not None:
        preds.append(lambda r: r.quad in quads)
    if polarity is not None:
        signs = set()
        for p in as_list(polarity):
            key = str(p).strip().lower()
            if key not in _SIGNS:
                raise QueryError(f"unknown polarity '{p}'; expected positive, negative or neutral")
            signs.add(_SIGNS[key])
        preds.append(lambda r: r.sign in signs)
    mods = check_values(modality, MODALITIES, "modality")
    if mods is not None:
        preds.append(lambda r: r.modality in mods)
    if asserted_by is not None:
        wanted: set[str | None] = set()
        for a in as_list(asserted_by):
            if str(a).lower() == AUTHOR:
                wanted.add(None)
            else:
                wanted |= ds._ids([a], parts)
        preds.append(lambda r: any(c in wanted for c in r.claimants) if r.claimants else None in wanted)
    if source is not None:
        srcs = {ds.source(s).id for s in as_list(source)}
        preds.append(lambda r: any(e.source in srcs for e in r.evidence))
    if context is not None:
        ctxs = check_values(context, CONTEXTS, "context")
        preds.append(lambda r: any(c in ctxs for c in r.context))
    if time not in TIMES:
        raise QueryError(f"unknown time '{time}'; expected one of: " + ", ".join(TIMES))
    if start is not None or end is not None:
        lo = _date(start, "start") if start is not None else date.min
        hi = _date(end, "end") if end is not None else date.max
        if time == "happened":
            preds.append(lambda r: r.when is not None and r.when.start <= hi and lo <= r.when.end)
            plans.append(ds._index.overlapping(lo, hi))
        else:  # when the claim was made: the sources' dates, not indexed
            preds.append(lambda r: any(w.start <= hi and lo <= w.end for w, _ in claim_times(ds, r, time)))
    return preds, plans
