"""Triangles of signed ties: counted with sparse matrix products, listed up to a limit.

A triangle of entities is *balanced* when it has an even number of negative
ties (+ + +, + - -) and *unbalanced* otherwise (+ + -, - - -). With ``A`` the
0/1 adjacency of the ties and ``S`` the signed one, ``trace(A^3) / 6`` counts
the triangles and ``trace(S^3) / 6`` counts balanced minus unbalanced ones
(the product of a triangle's three signs is +1 exactly when it is balanced),
so the counts cost two sparse products, whatever their number. The triangles
themselves are listed (sorted by their nodes) while there are at most
``limit``; past it only the unbalanced ones are, up to ``limit``.

Examples
--------
>>> from graph.analysis.ties import Tie
>>> ties = {("A", "B"): Tie("A", "B", 1, 9.5, ("ab",)), ("A", "C"): Tie("A", "C", -1, -3.0, ("ac",)),
...         ("B", "C"): Tie("B", "C", 1, 5.0, ("bc",)), ("C", "D"): Tie("C", "D", -1, -9.0, ("cd",))}
>>> count_triangles(ties)
(1, 0)
>>> t = list_triangles(ties)[0]
>>> t.nodes, t.negatives, t.balanced
(('A', 'B', 'C'), 1, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

if TYPE_CHECKING:
    from .ties import Tie

__all__ = ["Triangle", "count_triangles", "list_triangles", "LIST_LIMIT"]

LIST_LIMIT = 10_000
"""Triangles listed one by one at most; past it only the unbalanced ones are, up to the limit."""


@dataclass(frozen=True)
class Triangle:
    """Three entities joined pairwise by signed ties."""

    nodes: tuple
    ties: tuple

    @property
    def negatives(self) -> int:
        return sum(t.sign < 0 for t in self.ties)

    @property
    def balanced(self) -> bool:
        """True when the triangle has an even number of negative ties."""
        return self.negatives % 2 == 0

    def to_dict(self) -> dict:
        return {
            "nodes": list(self.nodes),
            "balanced": self.balanced,
            "negative_ties": self.negatives,
            "ties": [t.to_dict() for t in self.ties],
        }


def _matrices(ties):
    ids = sorted({x for pair in ties for x in pair})
    idx = {v: i for i, v in enumerate(ids)}
    n = len(ids)
    u = np.fromiter((idx[a] for a, _ in ties), dtype=np.int64, count=len(ties))
    v = np.fromiter((idx[b] for _, b in ties), dtype=np.int64, count=len(ties))
    s = np.fromiter((t.sign for t in ties.values()), dtype=np.int64, count=len(ties))
    rows, cols = np.concatenate([u, v]), np.concatenate([v, u])
    S = sparse.csr_matrix((np.concatenate([s, s]), (rows, cols)), shape=(n, n))
    A = sparse.csr_matrix((np.ones(2 * len(ties), dtype=np.int64), (rows, cols)), shape=(n, n))
    return ids, A, S


def count_triangles(ties: dict[tuple[str, str], Tie]) -> tuple[int, int]:
    """``(triangles, balanced)``: how many triangles the signed *ties* form, and how many are balanced."""
    if len(ties) < 3:
        return 0, 0
    _, A, S = _matrices(ties)
    total = int((A @ A).multiply(A).sum()) // 6
    signed = int((S @ S).multiply(S).sum()) // 6
    return total, (total + signed) // 2


def _adjacency(pairs):
    adj = defaultdict(set)
    for a, b in pairs:
        adj[a].add(b)
        adj[b].add(a)
    return adj


def list_triangles(
    ties: dict[tuple[str, str], Tie], limit: int = LIST_LIMIT, unbalanced_only: bool = False
) -> list[Triangle]:
    """The triangles of *ties*, sorted by nodes, at most *limit* (only unbalanced ones if asked)."""
    pairs: Iterable[tuple[str, str]] = ties
    if unbalanced_only:
        # only ties on an unbalanced triangle: (S @ S)[u, v] * S[u, v] < (A @ A)[u, v] for them
        ids, A, S = _matrices(ties)
        S2, A2 = (S @ S).multiply(S).tocsr(), (A @ A).multiply(A).tocsr()
        off = (A2 - S2).tocoo()
        pairs = {(ids[i], ids[j]) for i, j, x in zip(off.row, off.col, off.data, strict=True) if x and i < j}
    adj = _adjacency(pairs)
    out = []
    for u in sorted(adj):
        for v in sorted(x for x in adj[u] if x > u):
            for w in sorted(x for x in adj[u] & adj[v] if x > v):
                tri = Triangle((u, v, w), (ties[(u, v)], ties[(u, w)], ties[(v, w)]))
                if unbalanced_only and tri.balanced:
                    continue
                out.append(tri)
                if len(out) >= limit:
                    return out
    return out
