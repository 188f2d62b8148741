"""The two-camp split of signed ties: exact for small groups, a heuristic for large ones.

The split minimises the number of frustrated ties (positive across, negative
within); among equally good splits it prefers the one whose frustrated ties
weigh least (sum of ``|score|``). Entities with no path of signed ties between
them are independent: each connected group is split on its own and its larger
side goes to the first camp. A group of up to ``exact_limit`` (default 20)
entities is solved exactly by enumerating all ``2**(n-1)`` splits in Gray-code
order (each step flips one entity and updates the count from its ties only);
a larger group uses a heuristic: a spectral start (the sign pattern of the
leading eigenvector of the signed adjacency matrix, by power iteration) and
``restarts`` random starts (seeded, so results repeat), each improved by
single-entity moves (always the move that helps most) until no move helps;
the best is kept. The heuristic is not guaranteed optimal and says so. Its
moves are vectorised (numpy/scipy sparse): each move costs one pass over the
group's entities plus the ties of the one moved. A group of more than
:data:`FULL_RESTARTS_UP_TO` entities gets proportionally fewer random starts
(at least one), and the split says how many it used.

Examples
--------
Three mutual enemies: any split leaves one negative tie inside a camp, and
three splits are equally good.

>>> from graph.analysis.ties import Tie
>>> ties = {("A", "B"): Tie("A", "B", -1, -3.0, ("ab",)), ("A", "C"): Tie("A", "C", -1, -3.0, ("ac",)),
...         ("B", "C"): Tie("B", "C", -1, -9.0, ("bc",))}
>>> s = split(ties)
>>> s.camps, [t.pair for t in s.frustrated], s.exact, s.optimal_splits
((['A', 'C'], ['B']), [('A', 'C')], True, 3)
>>> h = split(ties, exact_limit=2)
>>> h.exact, len(h.frustrated), h.restarts_used
(False, 1, 50)
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

if TYPE_CHECKING:
    from .ties import Tie

__all__ = ["split", "Split", "EXACT_LIMIT", "FULL_RESTARTS_UP_TO"]

EXACT_LIMIT = 20
"""The largest group of linked entities split exactly (``2**(n-1)`` splits)."""
FULL_RESTARTS_UP_TO = 2000
"""Groups of up to this many entities get every random restart asked for; larger ones fewer."""


@dataclass
class Split:
    """The two camps and what it took to find them."""

    camps: tuple  # (sorted ids, sorted ids)
    groups: list  # per component: (larger side, smaller side), sorted
    frustrated: list  # Ties the split frustrates, in the order of the ties given
    components: list  # sorted groups of entities linked by signed ties
    exact: bool  # every group split exactly
    optimal_splits: int | None  # how many splits reach the minimum (exact only)
    restarts_used: int | None = None  # fewest random starts a heuristic group got (None: all exact)
    largest_heuristic: int = 0  # entities in the largest group split by the heuristic


def _weight(score):
    return int(round(abs(score) * 1000))


def _components(adj):
    seen, comps = set(), []
    for start in sorted(adj):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            n = stack.pop()
            comp.append(n)
            for m in adj[n]:
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        comps.append(sorted(comp))
    return comps


def _index(comp, adj):
    idx = {v: i for i, v in enumerate(comp)}
    return [[(idx[w], s, wt) for w, (s, wt) in sorted(adj[v].items())] for v in comp]


def _cost(side, nbrs):
    c = w = 0
    for i, lst in enumerate(nbrs):
        for k, s, wt in lst:
            if k > i and (side[i] == side[k]) != (s > 0):
                c += 1
                w += wt
    return c, w


def _exact(nbrs, weight_first=False):
    """Minimum (frustrated count, weight) -- or with *weight_first* (weight, count) -- over all 2**(n-1)
    splits; Gray-code enumeration. Returns the best side, the best (first, second) and how many splits
    reach the best first."""
    n = len(nbrs)
    side = [0] * n
    count, weight = _cost(side, nbrs)
    first, second = (weight, count) if weight_first else (count, weight)
    # what a flipped tie adds to (first, second)
    steps = [[(k, s, wt, 1) if weight_first else (k, s, 1, wt) for k, s, wt in lst] for lst in nbrs]
    best, best_side, n_best = (first, second), side[:], 1
    for i in range(1, 1 << (n - 1)):
        j = (i & -i).bit_length()  # lowest set bit + 1: node 0 stays in place
        sj = side[j]
        d1 = d2 = 0
        for k, s, a, b in steps[j]:
            if (side[k] == sj) == (s > 0):  # satisfied now, frustrated after the flip
                d1 += a
                d2 += b
            else:
                d1 -= a
                d2 -= b
        side[j] = 1 - sj
        first += d1
        second += d2
        if first < best[0]:
            best, best_side, n_best = (first, second), side[:], 1
        elif first == best[0]:
            n_best += 1
            if second < best[1]:
                best, best_side = (first, second), side[:]
    return best_side, best, n_best


class _Signed:
    """A group's signed ties as sparse matrices: S (signs) and W (signed weights)."""

    def __init__(self, nbrs, weight_first=False):
        n = len(nbrs)
        self.weight_first = weight_first
        rows = np.fromiter((i for i, lst in enumerate(nbrs) for _ in lst), dtype=np.int64)
        cols = np.fromiter((k for lst in nbrs for k, _, _ in lst), dtype=np.int64)
        signs = np.fromiter((s for lst in nbrs for _, s, _ in lst), dtype=np.int64)
        wts = np.fromiter((s * wt for lst in nbrs for _, s, wt in lst), dtype=np.int64)
        self.n = n
        self.S = sparse.csr_matrix((signs, (rows, cols)), shape=(n, n))
        self.W = sparse.csr_matrix((wts, (rows, cols)), shape=(n, n))
        # a move's weight change is at most the sum of its tie weights: dc * M + dw orders as (dc, dw)
        self.M = int(abs(self.W).sum(axis=1).max()) * 2 + 1 if n else 1
        # weight first: a move's count change is at most twice the entity's ties: dw * Mc + dc orders as (dw, dc)
        self.Mc = int(np.diff(self.S.indptr).max()) * 2 + 1 if n else 1
        upper = rows < cols
        self.eu, self.ev = rows[upper], cols[upper]
        self.es, self.ew = signs[upper], np.abs(wts[upper])

    def cost(self, t):
        """(frustrated count, their weight) of the spins *t* (+1 / -1 per entity)."""
        bad = self.es * t[self.eu] * t[self.ev] < 0
        cost = int(bad.sum()), int(self.ew[bad].sum())
        return cost[::-1] if self.weight_first else cost

    def improve(self, t):
        """Flip the entity whose move lowers (count, weight) most, until none does (in place)."""
        S, W, M = self.S, self.W, self.M
        if self.weight_first:  # the same moves with the roles of count and weight swapped
            S, W, M = self.W, self.S, self.Mc
        st, wt = S @ t, W @ t
        key = t * (st * M + wt)
        indptr, indices, sdata, wdata = S.indptr, S.indices, S.data, W.data  # (same pattern: built alike)
        while True:
            j = int(np.argmin(key))
            if key[j] >= 0:
                return t
            t[j] = -t[j]
            a, b = indptr[j], indptr[j + 1]
            nb = indices[a:b]
            st[nb] += 2 * sdata[a:b] * t[j]
            wt[nb] += 2 * wdata[a:b] * t[j]
            key[j] = -key[j]
            key[nb] = t[nb] * (st[nb] * M + wt[nb])

    def spectral(self, iterations=300):
        """Sign pattern of the leading eigenvector of S (shifted power iteration), as spins."""
        S = self.S.astype(float)
        shift = float(np.diff(S.indptr).max()) + 1
        x = 1.0 + (np.arange(self.n) % 7) / 10  # not orthogonal to the leading vector in practice
        for _ in range(iterations):
            y = shift * x + S @ x
            x = y / (np.abs(y).max() or 1.0)
        return np.where(x >= 0, 1, -1).astype(np.int64)


def _heuristic(nbrs, restarts, seed, weight_first=False):
    rng = random.Random(seed)
    g = _Signed(nbrs, weight_first)
    starts = [g.spectral()] + [
        np.array([1 - 2 * rng.randint(0, 1) for _ in nbrs], dtype=np.int64) for _ in range(restarts)
    ]
    best, best_t = None, None
    for t in starts:
        t = g.improve(t)
        cost = g.cost(t)
        if best is None or cost < best:
            best, best_t = cost, t.copy()
    assert best_t is not None  # (there is always a start: the spectral one)
    return [0 if v > 0 else 1 for v in best_t], best


def split(
    ties: dict[tuple[str, str], Tie],
    exact_limit: int = EXACT_LIMIT,
    restarts: int = 50,
    seed: int = 0,
    weight_first: bool = False,
) -> Split:
    """Split the entities of the signed *ties* (``(a, b) -> Tie``) into two camps; see the module docs.

    With *weight_first* the split minimises the frustrated ties' weight (sum of ``|score|``) first
    and their number second (the discourse network's camps: most congruence inside and conflict
    across); ``optimal_splits`` then counts the splits of least weight.
    """
    adj: defaultdict[str, dict[str, tuple[int, float]]] = defaultdict(dict)
    for t in ties.values():
        w = _weight(t.score)
        adj[t.a][t.b] = (t.sign, w)
        adj[t.b][t.a] = (t.sign, w)
    comps = _components(adj)
    camps: tuple[list[str], list[str]] = ([], [])
    groups: list[tuple[list[str], list[str]]] = []
    exact, n_optimal, used, largest = True, 1, None, 0
    for comp in comps:
        nbrs = _index(comp, adj)
        if len(comp) <= exact_limit:
            side, _, n_best = _exact(nbrs, weight_first)
            n_optimal *= n_best
        else:
            k = restarts if len(comp) <= FULL_RESTARTS_UP_TO else max(1, restarts * FULL_RESTARTS_UP_TO // len(comp))
            side, _ = _heuristic(nbrs, k, seed, weight_first)
            exact = False
            used = k if used is None else min(used, k)
            largest = max(largest, len(comp))
        ones = [v for v, s in zip(comp, side, strict=True) if s == 1]
        zeros = [v for v, s in zip(comp, side, strict=True) if s == 0]
        if len(ones) > len(zeros) or (len(ones) == len(zeros) and comp[0] in ones):
            big, small = ones, zeros
        else:
            big, small = zeros, ones
        camps[0].extend(big)
        camps[1].extend(small)
        groups.append((sorted(big), sorted(small)))
    in_first = set(camps[0])
    frustrated = [t for t in ties.values() if ((t.a in in_first) == (t.b in in_first)) != (t.sign > 0)]
    return Split(
        (sorted(camps[0]), sorted(camps[1])),
        groups,
        frustrated,
        comps,
        exact,
        n_optimal if exact else None,
        used,
        largest,
    )
