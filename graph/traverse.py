"""Walking the graph: the entities near an actor, the simple paths between two, and time order.

>>> import graph
>>> ds = graph.example()
>>> nearest(ds._adjacency, "CHN", "both", 2)
[('CHN', 0), ('PAK', 1), ('TAL', 2), ('USA', 2)]
>>> [p.nodes for p in paths_between(ds, "CHN", "TAL", 2, False)]
[('CHN', 'PAK', 'TAL')]
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date

from .errors import QueryError
from .index import simple_paths

__all__ = ["Path", "nearest", "paths_between", "relations_between", "time_key"]


@dataclass(frozen=True)
class Path:
    """A chain of entities and the relations joining each consecutive pair."""

    nodes: tuple
    hops: tuple  # one tuple of Relation per step, in time order

    def __len__(self):
        return len(self.nodes) - 1


def nearest(g, start, direction, hops):
    """``[(entity id, hops away)]`` within *hops* of *start* in *g* (a :class:`~graph.index.Adjacency`, or a
    networkx graph), nearest first, then by id."""
    if direction not in ("in", "out", "both"):
        raise QueryError(f"unknown direction '{direction}'; expected in, out or both")
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        if dist[n] >= hops:
            continue
        nxt = set()
        if direction in ("out", "both"):
            nxt.update(g.successors(n))
        if direction in ("in", "both"):
            nxt.update(g.predecessors(n))
        for m in sorted(nxt):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    return sorted(dist.items(), key=lambda kv: (kv[1], kv[0]))


def relations_between(ds, u, v):
    """The relations of dataset *ds* between entities *u* and *v*, either direction."""
    succ = ds._adjacency.succ
    return [ds._rels[k] for x, y in ((u, v), (v, u)) for k in succ.get(x, {}).get(y, ())]


def paths_between(ds, src, dst, max_hops, directed):
    """Simple paths of dataset *ds* from entity *src* to *dst* of at most *max_hops* steps, shortest first
    (see :meth:`graph.Dataset.paths`)."""
    found = []
    # on the adjacency, pruned by the distance to dst; parallel relations do not repeat a path
    for nodes in simple_paths(ds._adjacency, src, dst, max_hops, directed=directed):
        hops = []
        for u, v in zip(nodes, nodes[1:], strict=False):
            rels = [r for r in relations_between(ds, u, v) if not directed or r.subject == u]
            hops.append(tuple(sorted(rels, key=time_key)))
        found.append(Path(tuple(nodes), tuple(hops)))
    found.sort(key=lambda p: (len(p), p.nodes))
    return found


def time_key(r):
    """Sort key of relations in time order: by start, then end, then id; undated ones last.

    >>> import graph
    >>> [str(r.when) for r in sorted(graph.example().relations(), key=time_key)]
    ['2021-08..2025-01', '2023', '2025', '2025-02', '2025-03', 'None']
    """
    if r.when is None:
        return (1, date.max, date.max, "")
    return (0, r.when.start, r.when.end, r.id)
