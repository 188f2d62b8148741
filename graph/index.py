"""Indexes behind a dataset's queries: adjacency, time and data order, so a query costs what it finds.

:class:`Index` is built lazily, piece by piece, from a dataset's relations:

* relations by subject, object or pair come from the dataset's own
  :class:`Adjacency` (``succ[s]`` / ``pred[o]``: the ids of each actor's relations
  by the actor at their other end), made from the relations (or, after a load
  from the cache, from their subject and object columns) without the networkx
  graph: the cost grows with the relations of the actors named, not with the
  dataset;
* time filters use sorted lists and :mod:`bisect`: dated relations are put in
  buckets by how long they span (up to a month, a year, ten years), each sorted
  by start date; a relation of a bucket spanning at most ``D`` days overlaps
  ``[lo, hi]`` only if it starts within ``[lo - D, hi]``, so a bucket reads little
  more than its answer. The rest (longer or open intervals) are sorted by start
  and by end, and the shorter of the runs "starts by ``hi``" and "ends from
  ``lo``" is read;
* each relation's position in data order, to give results in that order;
* ``part_of`` children, for actor filters that include the parts of an actor.

:func:`simple_paths` lists simple paths of at most ``max_hops`` steps, pruned by
the distance to the target (a breadth-first search from it): a step is taken
only when the target is still within the hops left.

Examples
--------
>>> g = Adjacency(["A", "B", "C", "D"], ["ab", "bc", "cd", "ac"], [0, 1, 2, 0], [1, 2, 3, 2])
>>> g.succ["A"], list(g.predecessors("C"))
({'B': ['ab'], 'C': ['ac']}, ['B', 'A'])
>>> sorted(simple_paths(g, "A", "C", 2))
[['A', 'B', 'C'], ['A', 'C']]
>>> simple_paths(g, "D", "A", 3, directed=True)
[]
>>> sorted(out_edges(g, {"A"}))
['ab', 'ac']
>>> sorted(edges_between(g, {"A"}, {"B", "C"}))
['ab', 'ac']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Entity, Relation

__all__ = ["Index", "Adjacency", "out_edges", "in_edges", "edges_between", "degree_out", "degree_in", "simple_paths"]


class Adjacency:
    """The relation ids of each entity by the entity at their other end: ``succ[u][v]`` and
    ``pred[v][u]`` list the ids of the relations from *u* to *v*, in data order. Made from the
    relations' *ids* and the numbers (in *entities*) of their *subjects* and *objects*: only the
    positions of each entity's relations are listed then; ``succ.get(u)`` works out ``{v: [ids]}``
    when *u* is first asked for (a query reads a few actors), and keeps it.
    """

    __slots__ = ("succ", "pred")

    def __init__(
        self, entities: Sequence[str], ids: Sequence[str], subjects: Sequence[int], objects: Sequence[int]
    ) -> None:
        number = {e: i for i, e in enumerate(entities)}
        self.succ = _Ends(number, entities, ids, subjects, objects)
        self.pred = _Ends(number, entities, ids, objects, subjects)

    @classmethod
    def of(cls, relations: Iterable[Relation], entities: Iterable[str]) -> Adjacency:
        """The adjacency of *relations* (:class:`~graph.model.Relation`, in data order) between *entities*
        (ids; an end that is not among them is added)."""
        number = {e: i for i, e in enumerate(entities)}
        ids, subjects, objects = [], [], []
        for r in relations:
            ids.append(r.id)
            subjects.append(number.setdefault(r.subject, len(number)))
            objects.append(number.setdefault(r.object, len(number)))
        return cls(list(number), ids, subjects, objects)

    def __contains__(self, n: object) -> bool:
        return n in self.succ

    def successors(self, n: str) -> Iterator[str]:
        """The entities *n*'s relations are about (as ``networkx.MultiDiGraph.successors``)."""
        return iter(self.succ.get(n, {}))

    def predecessors(self, n: str) -> Iterator[str]:
        """The entities whose relations are about *n*."""
        return iter(self.pred.get(n, {}))


class _Ends:
    """entity -> {entity at the other end: [relation ids]}, one direction, worked out when asked for."""

    __slots__ = ("_number", "_entities", "_ids", "_other", "_at", "_made")

    def __init__(self, number, entities, ids, ends, others):
        at: list[list[int]] = [[] for _ in entities]
        for p, e in enumerate(ends):
            at[e].append(p)
        self._number, self._entities, self._ids, self._other, self._at = number, entities, ids, others, at
        self._made: dict[int, dict[str, list[str]]] = {}

    def get(self, n, default=None):
        i = self._number.get(n)
        if i is None:
            return default
        out = self._made.get(i)
        if out is None:
            out, ents, ids, other = {}, self._entities, self._ids, self._other
            for p in self._at[i]:
                m = ents[other[p]]
                keys = out.get(m)
                if keys is None:
                    out[m] = [ids[p]]
                else:
                    keys.append(ids[p])
            self._made[i] = out
        return out

    def __getitem__(self, n):
        found = self.get(n)
        if found is None:
            raise KeyError(n)
        return found

    def __contains__(self, n):
        return n in self._number


def out_edges(g: Adjacency, nodes: Iterable[str]) -> list[str]:
    """Ids of the relations whose subject is one of *nodes* (in the :class:`Adjacency` *g*)."""
    succ = g.succ
    return [k for n in nodes for keys in succ.get(n, {}).values() for k in keys]


def in_edges(g: Adjacency, nodes: Iterable[str]) -> list[str]:
    """Ids of the relations whose object is one of *nodes*."""
    pred = g.pred
    return [k for n in nodes for keys in pred.get(n, {}).values() for k in keys]


def degree_out(g: Adjacency, nodes: Iterable[str]) -> int:
    """How many relations have their subject in *nodes* (what :func:`out_edges` would give)."""
    succ = g.succ
    return sum(len(keys) for n in nodes for keys in succ.get(n, {}).values())


def degree_in(g: Adjacency, nodes: Iterable[str]) -> int:
    """How many relations have their object in *nodes* (what :func:`in_edges` would give)."""
    pred = g.pred
    return sum(len(keys) for n in nodes for keys in pred.get(n, {}).values())


def edges_between(g: Adjacency, a: Collection[str], b: Collection[str]) -> list[str]:
    """Ids of the relations from *a* to *b* or from *b* to *a* (sets of nodes), each once.

    Walks the edges of the side with fewer relations, looking each other end up in the other set.
    """
    if degree_out(g, a) + degree_in(g, a) > degree_out(g, b) + degree_in(g, b):
        a, b = b, a
    succ, pred = g.succ, g.pred
    out = []
    for n in a:
        for m, keys in succ.get(n, {}).items():
            if m in b:
                out.extend(keys)
        for m, keys in pred.get(n, {}).items():
            if m in b and not (m in a and n in b):  # an edge inside both sets is found from its subject
                out.extend(keys)
    return list(dict.fromkeys(out))


def _neighbours(g, n, directed, reverse=False):
    if directed:
        return (g.pred if reverse else g.succ).get(n, {}).keys()
    return g.succ.get(n, {}).keys() | g.pred.get(n, {}).keys()


def simple_paths(g: Adjacency, src: str, dst: str, max_hops: int, directed: bool = False) -> list[list[str]]:
    """Every simple path (list of nodes) from *src* to *dst* of at most *max_hops* steps in the
    :class:`Adjacency` *g*, in no set order.

    The same paths as ``networkx.all_simple_paths(simple_graph, src, dst, cutoff=max_hops)``,
    found by a depth-first search that only enters nodes from which *dst* is within the
    hops left (distances from a breadth-first search back from *dst*).
    """
    if src == dst or max_hops < 1 or src not in g or dst not in g:
        return []
    dist = {dst: 0}
    queue = deque([dst])
    while queue:
        n = queue.popleft()
        if dist[n] >= max_hops - 1:
            continue
        for m in _neighbours(g, n, directed, reverse=True):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    found, path, on_path = [], [src], {src}

    def walk(n, left):
        for m in _neighbours(g, n, directed):
            if m == dst:
                found.append(path + [dst])
            elif m not in on_path and dist.get(m, max_hops) < left:
                path.append(m)
                on_path.add(m)
                walk(m, left - 1)
                path.pop()
                on_path.discard(m)

    walk(src, max_hops)
    return found


class Index:
    """Lazy indexes over *relations* (``id -> Relation``, in data order) and *entities*."""

    def __init__(self, relations: Mapping[str, Relation], entities: Mapping[str, Entity]) -> None:
        self._relations = relations
        self._entities = entities
        self._pos: dict[str, int] | None = None
        # the time index: per bucket (its span, the starts, the ids), then the rest by start and by end
        self._starts: list[tuple[timedelta, list[date], list[str]]] | None = None
        self._ends: tuple[list[date], list[str], list[date], list[str]] | None = None
        self._children: dict[str, list[str]] | None = None

    @property
    def pos(self) -> dict:
        """Relation id -> its position in data order."""
        if self._pos is None:  # (relations from the load cache know it already)
            self._pos = getattr(self._relations, "pos", None) or {rid: i for i, rid in enumerate(self._relations)}
        return self._pos

    def in_order(self, rids: Iterable[str]) -> list[Relation]:
        """The relations of *rids* in data order."""
        pos = self.pos
        rels = self._relations
        return [rels[k] for k in sorted(rids, key=pos.__getitem__)]

    SPANS = (31, 366, 3661)
    """The buckets of the time index: relations spanning at most this many days (then the rest)."""

    def _time(self):
        if self._starts is None:
            # (start, end, id) of each dated relation, in data order (sorts below keep it among equals)
            buckets: list[list[tuple[date, date, str]]] = [[] for _ in self.SPANS]
            rest: list[tuple[date, date, str]] = []
            for r in self._relations.values():
                w = r.when
                if w is None:
                    continue
                span = (w.end - w.start).days
                for i, d in enumerate(self.SPANS):
                    if span <= d:
                        buckets[i].append((w.start, w.end, r.id))
                        break
                else:
                    rest.append((w.start, w.end, r.id))
            self._starts = []
            for d, rs in zip(self.SPANS, buckets, strict=True):
                rs.sort(key=itemgetter(0))
                self._starts.append((timedelta(days=d), [s for s, _, _ in rs], [k for _, _, k in rs]))
            by_start = sorted(rest, key=itemgetter(0))
            by_end = sorted(rest, key=itemgetter(1))
            self._ends = (
                [s for s, _, _ in by_start],
                [k for _, _, k in by_start],
                [e for _, e, _ in by_end],
                [k for _, _, k in by_end],
            )
        return self._starts, self._ends

    def overlapping(self, lo: date, hi: date) -> tuple[int, Callable[[], list[str]]]:
        """``(count, ids)``: how many candidates a time filter ``[lo, hi]`` reads, and a function
        giving their ids (every relation overlapping [lo, hi] is among them)."""
        buckets, (starts, s_ids, ends, e_ids) = self._time()
        runs = []
        for span, b_starts, b_ids in buckets:
            try:
                first = bisect_left(b_starts, lo - span)
            except OverflowError:
                first = 0
            runs.append((b_ids, first, bisect_right(b_starts, hi)))
        n_start = bisect_right(starts, hi)  # starts[:n_start] start on or before hi
        first_end = bisect_left(ends, lo)  # ends[first_end:] end on or after lo
        runs.append((s_ids, 0, n_start) if n_start <= len(ends) - first_end else (e_ids, first_end, len(ends)))
        count = sum(max(0, b - a) for _, a, b in runs)
        return count, lambda: [k for ids, a, b in runs for k in ids[a:b]]

    def with_parts(self, ids: Iterable[str]) -> set[str]:
        """*ids* and every entity ``part_of`` one of them, at any depth."""
        if self._children is None:
            children: dict[str, list[str]] = {}
            for e in self._entities.values():
                if e.part_of:
                    children.setdefault(e.part_of, []).append(e.id)
            self._children = children
        ids = set(ids)
        todo = [i for i in ids if i in self._children]
        while todo:
            for c in self._children.get(todo.pop(), ()):
                if c not in ids:
                    ids.add(c)
                    todo.append(c)
        return ids
