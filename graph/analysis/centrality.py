"""Centrality: which entities the claims revolve around, as a ranked table.

The measures, for each entity of a dataset (or view):

* ``claims``: the relations that touch it (as subject or object);
  ``out``: those it is the subject of (what it is said to do); ``in``: those
  it is the object of (what is said to be done to it). Parallel claims count
  each.
* ``neighbours`` and ``degree``: the distinct entities it is tied to, and
  that number over ``n - 1`` (networkx ``degree_centrality``).
* ``betweenness``: how often it lies on the shortest paths between two other
  entities (normalised, networkx ``betweenness_centrality``): a broker. On
  large graphs it is computed by :mod:`graph.analysis.betweenness` (Brandes's
  algorithm with sparse matrices), exactly while entities x ties stays within
  :data:`BETWEENNESS_WORK`, and beyond that *estimated* from a seeded sample of
  source entities as networkx's ``k=`` does; the report then says so and how
  many sources it used (``betweenness_sources``).
* ``eigenvector``: high when it is tied to entities that are themselves
  central (networkx ``eigenvector_centrality``). When the power iteration does
  not converge the column holds PageRank instead and ``eigen_method`` says so.

``degree``, ``betweenness`` and ``eigenvector`` are computed on the
undirected simple graph of the claims (two entities are tied when any claim
joins them, in either direction): a claim links two actors whoever acts.
Filter first (``ds.view(modality="reported")``) to rank on a subset.

By default it ranks *actors* on the claims among them, as :func:`balance`
signs them: agreements, assets and places (:data:`~graph.vocab.THING_KINDS`), and every
claim that touches one, are left out (``actors_only=False`` keeps them), and so
are the structural ties -- ``HOLDS``, ``PART_OF``, ``LOCATED_IN``... -- which
are facts about the map, not claims of action (``structural=True`` keeps them).

Examples
--------
>>> import graph
>>> from graph.analysis import centrality
>>> ds = graph.loads('''
... sources: [{id: s, title: T}]
... entities:
...   - {id: HUB, name: Hub, kind: state}
...   - {id: A, name: A, kind: state}
...   - {id: B, name: B, kind: state}
...   - {id: C, name: C, kind: state}
... relations:
...   - {id: r1, subject: HUB, object: A, type: AID, modality: reported, evidence: [{source: s, quote: q}]}
...   - {id: r2, subject: HUB, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}
...   - {id: r3, subject: C, object: HUB, type: ACCUSE, modality: reported, evidence: [{source: s, quote: q}]}
...   - {id: r4, subject: C, object: HUB, type: THREATEN, modality: reported, evidence: [{source: s, quote: q}]}
... ''')
>>> c = centrality(ds)
>>> top = c.rows[0]
>>> top["id"], top["claims"], top["out"], top["in"], top["degree"], top["betweenness"]
('HUB', 4, 2, 2, 1.0, 1.0)
>>> [r["id"] for r in centrality(ds, by="out").rows][:2]
['HUB', 'C']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
from scipy import sparse

from ..errors import QueryError
from ..vocab import ACTOR_KINDS, THING_KINDS
from ._report import html_table, text_table
from .betweenness import betweenness, sources_within

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["centrality", "Centrality", "MEASURES", "ACTOR_KINDS", "BETWEENNESS_WORK"]

BETWEENNESS_WORK = 100_000_000
"""Sources x ties that betweenness may cost: exact within it, a sample of sources beyond
(100,000 ties: 1,000 sources, a few seconds)."""
NETWORKX_UP_TO = 200_000
"""Entities x ties up to which networkx itself computes betweenness and eigenvector (small graphs)."""

MEASURES = ("degree", "claims", "in", "out", "betweenness", "eigenvector")
_HEADERS = ["rank", "id", "name", "kind", "claims", "out", "in", "neighbours", "degree", "betweenness"]


@dataclass(repr=False)
class Centrality:
    """The ranked table of :func:`centrality`; ``rows`` are dicts, best first."""

    rows: list
    by: str
    eigen_method: str  # "eigenvector" or "pagerank" (when eigenvector did not converge)
    total: int = 0  # entities ranked (rows may be cut to the top ones)
    actors_only: bool = True
    structural: bool = False
    betweenness_sources: int | None = None  # sources sampled for betweenness; None: exact (every entity)
    seed: int = 0

    @property
    def approximate(self) -> bool:
        """True when the betweenness column is an estimate from sampled sources."""
        return self.betweenness_sources is not None

    @property
    def betweenness_text(self) -> str:
        if not self.approximate:
            return "betweenness: exact"
        return (
            f"betweenness: approximate, estimated from {self.betweenness_sources:,} of {self.total:,} entities "
            f"as sources (seeded sample, seed {self.seed})"
        )

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return (
            f"<Centrality of {self.total} {'actors' if self.actors_only else 'entities'} by {self.by}: "
            + ", ".join(r["id"] for r in self.rows[:5])
            + (", ..." if len(self.rows) > 5 else "")
            + ">"
        )

    def __iter__(self) -> Iterator[dict]:
        return iter(self.rows)

    def to_dict(self) -> dict:
        return {
            "by": self.by,
            "eigen_method": self.eigen_method,
            "total": self.total,
            "actors_only": self.actors_only,
            "structural": self.structural,
            "approximate": self.approximate,
            "betweenness_sources": self.betweenness_sources,
            "betweenness_method": "sampled" if self.approximate else "exact",
            "rows": self.rows,
        }

    @property
    def scope_text(self) -> str:
        """What was ranked, in words (the report's second line)."""
        who = (
            "actors only: agreements, assets and places, and the claims that touch them, are left out"
            if self.actors_only
            else "every entity, agreements, assets and places included"
        )
        ties = (
            "structural ties (HOLDS, PART_OF...) count"
            if self.structural
            else "structural ties (HOLDS, PART_OF...) are left out"
        )
        return f"{who}; {ties}"

    def _table(self):
        headers = _HEADERS + [self.eigen_method]
        rows = [
            [
                r["rank"],
                r["id"],
                r["name"],
                r["kind"],
                r["claims"],
                r["out"],
                r["in"],
                r["neighbours"],
                r["degree"],
                r["betweenness"],
                r["eigenvector"],
            ]
            for r in self.rows
        ]
        return rows, headers

    def __str__(self) -> str:
        if not self.rows:
            return "no entities"
        rows, headers = self._table()
        note = (
            ""
            if self.eigen_method == "eigenvector"
            else "\n(eigenvector centrality did not converge: the last column is PageRank)"
        )
        if self.approximate:
            note += f"\n({self.betweenness_text})"
        top = f" (top {len(self.rows)})" if len(self.rows) < self.total else ""
        what = "entities" if not self.actors_only else "actors"
        return (
            f"Centrality of {self.total} {what}, ranked by {self.by}{top}\n({self.scope_text})\n\n"
            + text_table(rows, headers, [4, 22, 28, 18] + [None] * 7)
            + note
        )

    def _repr_html_(self):
        rows, headers = self._table()
        return html_table(rows, headers, caption=f"Centrality, ranked by {self.by}")


def _power_iteration(g, max_iter=1000, tol=1e-08):
    """networkx's eigenvector_centrality (iterate with A + I from the all-ones vector), with scipy."""
    nodes = list(g)
    idx = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    u = np.fromiter((idx[a] for a, b in g.edges()), dtype=np.int64)
    v = np.fromiter((idx[b] for a, b in g.edges()), dtype=np.int64)
    A = sparse.csr_matrix((np.ones(2 * len(u)), (np.concatenate([u, v]), np.concatenate([v, u]))), shape=(n, n))
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        xlast = x
        x = xlast + A @ xlast
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - xlast).sum() < n * tol:
            return {w: float(x[i]) for i, w in enumerate(nodes)}
    raise nx.PowerIterationFailedConvergence(max_iter)


def _eigen(g):
    if g.number_of_nodes() == 0:
        return {}, "eigenvector"
    if g.number_of_edges() == 0:
        return {n: 0.0 for n in g}, "eigenvector"
    if g.number_of_nodes() * g.number_of_edges() > NETWORKX_UP_TO:
        try:
            return _power_iteration(g), "eigenvector"
        except nx.PowerIterationFailedConvergence:
            return nx.pagerank(g), "pagerank"
    try:
        return nx.eigenvector_centrality(g, max_iter=1000, tol=1e-08), "eigenvector"
    except nx.PowerIterationFailedConvergence:
        return nx.pagerank(g), "pagerank"


def _betweenness(g, work, seed):
    n, m = g.number_of_nodes(), g.number_of_edges()
    if n == 0:
        return {}, None
    if n * m <= NETWORKX_UP_TO:
        return nx.betweenness_centrality(g), None
    k = sources_within(n, m, work)
    return betweenness(g, k=None if k >= n else k, seed=seed), (None if k >= n else k)


def centrality(
    ds: Dataset,
    *,
    by: str = "degree",
    actors_only: bool = True,
    structural: bool = False,
    betweenness_work: int = BETWEENNESS_WORK,
    seed: int = 0,
) -> Centrality:
    """Rank the entities of *ds* by centrality.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view of one.
    by : str
        The measure to rank by: ``degree`` (default), ``claims``, ``in``,
        ``out``, ``betweenness`` or ``eigenvector``. Ties are broken by the
        other measures, then by id.
    actors_only : bool, default True
        Rank only actors (:data:`~graph.vocab.ACTOR_KINDS`), on the claims among them;
        ``False`` ranks agreements, assets and places too.
    structural : bool, default False
        Count the structural ties (``HOLDS``, ``PART_OF``...) as links too.
    betweenness_work : int
        Sources x ties betweenness may cost (:data:`BETWEENNESS_WORK`): beyond it betweenness is
        estimated from a sample of sources, and the result says so (``approximate``).
    seed : int
        Seed of that sample.

    Returns
    -------
    Centrality
        ``rows``: one dict per entity with ``rank``, ``id``, ``name``,
        ``kind``, ``claims``, ``out``, ``in``, ``neighbours``, ``degree``,
        ``betweenness``, ``eigenvector``; ``eigen_method`` is
        ``"pagerank"`` when the eigenvector iteration did not converge.

    Raises
    ------
    QueryError
        For an unknown measure.

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: CONSULT, modality: reported, evidence: [{source: s, quote: q}]}
    ... ''')
    >>> [(r["id"], r["out"], r["in"]) for r in centrality(ds, by="in")]
    [('B', 0, 1), ('A', 1, 0)]
    >>> centrality(ds, by="fame")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: unknown measure 'fame'; expected one of: degree, claims, in, out, betweenness, eigenvector
    """
    if by not in MEASURES:
        raise QueryError(f"unknown measure '{by}'; expected one of: " + ", ".join(MEASURES))

    def kept(eid):
        e = ds.entities.get(eid)
        return not actors_only or e is None or e.kind not in THING_KINDS

    nodes = [n for n in ds.graph.nodes if kept(n)]
    out: Counter[str] = Counter()
    inn: Counter[str] = Counter()
    loops: Counter[str] = Counter()
    pairs: dict[tuple[str, str], None] = {}  # (a dict: the pairs in order, each once)
    for r in ds.relations():
        if (structural or r.quad != "structural") and kept(r.subject) and kept(r.object):
            out[r.subject] += 1
            inn[r.object] += 1
            if r.subject == r.object:
                loops[r.subject] += 1
            else:
                pairs[(r.subject, r.object)] = None
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(pairs)
    n = simple.number_of_nodes()
    degree = nx.degree_centrality(simple) if n > 1 else {x: 0.0 for x in simple}
    between, sampled = _betweenness(simple, betweenness_work, seed)
    eigen, method = _eigen(simple)
    rows = []
    for eid in nodes:
        e = ds.entities.get(eid)
        rows.append(
            {
                "id": eid,
                "name": e.name if e else eid,
                "kind": e.kind if e else None,
                "claims": out[eid] + inn[eid] - loops[eid],
                "out": out[eid],
                "in": inn[eid],
                "neighbours": simple.degree(eid),
                "degree": round(degree.get(eid, 0.0), 6),
                "betweenness": round(between.get(eid, 0.0), 6),
                "eigenvector": round(eigen.get(eid, 0.0), 6),
            }
        )
    order = [by] + [m for m in MEASURES if m != by]
    rows.sort(key=lambda r: tuple(-r[m] for m in order) + (r["id"],))
    for i, row in enumerate(rows, 1):
        row["rank"] = i
    rows = [{"rank": r.pop("rank"), **r} for r in rows]
    return Centrality(rows, by, method, len(rows), actors_only, structural, sampled, seed)
