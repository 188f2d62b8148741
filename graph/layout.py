"""Fast graph layout for large pages: pivot MDS, then a local force refinement.

networkx's ``spring_layout`` takes about a minute for 5,000 nodes; the page
needs positions in about a second. :func:`layout` does it in three steps:

1. **Pivot MDS** (Brandes & Pich, 2006) per connected component: breadth-first
   distances from up to 50 well-spread pivot nodes, double-centred, and the
   two leading singular vectors give a layout whose distances follow the
   graph's (shortest-path) distances. Cost: O(pivots x edges).
2. **Refinement**: a few dozen vectorised Fruchterman-Reingold-style steps in
   which edges pull towards unit length and nodes closer than a minimum spacing
   push apart (pairs found with a k-d tree, so only near pairs are computed).
   This separates nodes that pivot MDS puts on the same spot (the leaves of a hub).
3. **Packing**: components, largest first, are placed on shelves.

It uses numpy and scipy (``scipy.sparse.csgraph`` for the distances,
``scipy.spatial.cKDTree`` for near pairs). :func:`start` runs it beside other
work: in a child Python process (another core) for a large graph, as a page
is built; a thread would share the interpreter with the page's own work.

Examples
--------
>>> pos = layout(4, [(0, 1), (1, 2), (2, 3)], scale=100)   # a path of 4 nodes
>>> len(pos), len(pos[0])
(4, 2)
>>> import math
>>> d = lambda a, b: math.dist(pos[a], pos[b])
>>> d(0, 3) > d(0, 1)     # the ends are farther apart than neighbours
True
>>> layout(0, [])
[]
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import threading

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, shortest_path
from scipy.spatial import cKDTree

__all__ = ["layout", "start"]


#: above this many nodes the refinement takes fewer steps (:func:`layout`'s *iterations*)
BIG = 10_000


def layout(n, edges, *, scale=100.0, seed=0, pivots=50, iterations=None):
    """Positions ``[(x, y), ...]`` for nodes ``0..n-1`` joined by *edges* (pairs of indices).

    Direction, parallel edges and self-loops are ignored. *scale* is the
    typical distance between neighbouring nodes in the result (vis-network
    units: pixels at zoom 1); edges are about that long where the graph allows.
    *iterations*: refinement steps, by default 40, 20 above :data:`BIG` nodes
    (a graph that large is seen zoomed out first; each step costs a k-d tree
    of every node). Deterministic for a given *seed*.
    """
    if n == 0:
        return []
    if iterations is None:
        iterations = 40 if n <= BIG else 20
    rng = np.random.default_rng(seed)
    e = np.asarray(edges if isinstance(edges, np.ndarray) else list(edges), dtype=np.int64).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    e = np.unique(np.sort(e, axis=1), axis=0)
    adj = coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n)).tocsr()
    adj = (adj + adj.T).tocsr()
    ncomp, labels = connected_components(adj, directed=False)
    pos = np.zeros((n, 2))
    boxes = []
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(ncomp + 1))
    for c in range(ncomp):
        members = order[bounds[c] : bounds[c + 1]]
        if len(members) <= 2:  # a lone node or a pair (event data: thousands of them): nothing to work out
            boxes.append((members, _SMALL[len(members)][1]))
            pos[members] = _SMALL[len(members)][0]
            continue
        sub = adj[members][:, members]
        p = _component(sub, rng, pivots, iterations)
        p -= p.min(axis=0)
        pos[members] = p
        boxes.append((members, p.max(axis=0)))
    _pack(pos, boxes)
    pos *= scale
    pos -= pos.mean(axis=0)
    return [tuple(p) for p in np.round(pos, 1).tolist()]


#: from this many nodes :func:`start` lays the graph out in a child process
CHILD_MIN = 5_000

# The child: reads its input before importing anything (the parent's write of the edges does not
# wait for numpy's import), loads this file alone (not the graph package: half a second of imports
# it does not need; so this module imports only numpy, scipy and the standard library), lays the
# graph out and writes the positions as float64 pairs.
_CHILD = """
import sys
head = sys.stdin.buffer.readline()
body = sys.stdin.buffer.read()
import importlib.util
spec = importlib.util.spec_from_file_location("actorgraph_layout", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module._child(head, body)
"""


def start(n, edges, **options):
    """Start :func:`layout` of nodes ``0..n-1`` and *edges* beside the caller's work; return a
    function that waits for the positions and returns them (the same as ``layout(n, edges, **options)``).

    From :data:`CHILD_MIN` nodes the layout runs in a child Python process, which holds no lock
    of the caller's; if the child cannot start or fails, it is computed by the waiting call instead.
    Smaller graphs are laid out in a thread.

    >>> positions = start(3, [(0, 1), (1, 2)], scale=50)
    >>> positions() == layout(3, [(0, 1), (1, 2)], scale=50)
    True
    """
    e = np.asarray(list(edges), dtype=np.int64).reshape(-1, 2)
    if n < CHILD_MIN or not sys.executable or getattr(sys, "frozen", False):  # (a frozen app: no interpreter)
        return _in_thread(n, e, options)
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, os.path.abspath(__file__)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        child.stdin.write(json.dumps({"n": int(n), "options": options}).encode() + b"\n" + e.tobytes())
        child.stdin.close()
    except (OSError, ValueError, TypeError):  # no interpreter to start, a pipe that broke
        return lambda: layout(n, e, **options)

    def result():
        out = child.stdout.read()
        child.stdout.close()
        if child.wait() != 0 or len(out) != 16 * n:  # the child failed: lay out here
            return layout(n, e, **options)
        return [tuple(p) for p in np.frombuffer(out, dtype=np.float64).reshape(n, 2).tolist()]

    return result


def _in_thread(n, e, options):
    box = {}

    def run():
        try:
            box["pos"] = layout(n, e, **options)
        except BaseException as exc:  # raised again by the waiting call
            box["error"] = exc

    t = threading.Thread(target=run, name="actorgraph-layout", daemon=True)
    t.start()

    def result():
        t.join()
        if "error" in box:
            raise box["error"]
        return box["pos"]

    return result


def _child(head, body):
    """The child process of :func:`start`: ``{"n", "options"}`` then the edges as int64 pairs in;
    the positions as float64 pairs out."""
    spec = json.loads(head)
    e = np.frombuffer(body, dtype=np.int64).reshape(-1, 2)
    pos = layout(spec["n"], e, **spec["options"])
    sys.stdout.buffer.write(np.asarray(pos, dtype=np.float64).reshape(-1, 2).tobytes())
    sys.stdout.buffer.flush()


#: the positions and the box of a component of one node and of two
_SMALL = {1: (np.zeros((1, 2)), np.zeros(2)), 2: (np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([1.0, 0.0]))}


def _component(sub, rng, pivots, iterations):
    m = sub.shape[0]
    deg = np.asarray(sub.sum(axis=1)).ravel()
    k = min(pivots, m)
    dist = np.empty((k, m))
    mind = np.full(m, np.inf)
    p = int(np.argmax(deg))
    for i in range(k):
        dist[i] = shortest_path(sub, unweighted=True, directed=False, indices=p)
        mind = np.minimum(mind, dist[i])
        p = int(np.argmax(mind))
        if mind[p] == 0:  # every node is a pivot already
            dist = dist[: i + 1]
            break
    # Pivot MDS: double-centre the squared distances, take the two leading directions.
    d2 = dist.T**2  # m x k
    c = -0.5 * (d2 - d2.mean(axis=0) - d2.mean(axis=1, keepdims=True) + d2.mean())
    # the leading eigenvectors of the small k x k matrix C^T C (much cheaper than an SVD of C)
    w, v = np.linalg.eigh(c.T @ c)
    top = np.argsort(w)[::-1][:2]
    pos = c @ v[:, top]
    if pos.shape[1] < 2:
        pos = np.hstack([pos, np.zeros((m, 1))])
    # typical edge length -> 1
    r, cidx = sub.nonzero()
    if len(r):
        lengths = np.linalg.norm(pos[r] - pos[cidx], axis=1)
        med = np.median(lengths)
        if med > 1e-9:
            pos /= med
    pos += rng.normal(scale=0.05, size=pos.shape)  # separate nodes MDS put on one spot
    return _refine(pos, r, cidx, deg, iterations)


def _refine(pos, r, c, deg, iterations):
    m = len(pos)
    keep = r < c
    r, c = r[keep], c[keep]
    # minimum spacing grows a little with degree, so hubs get room for their labels
    rad = 0.3 + 0.06 * np.sqrt(deg)
    spacing = 2 * rad.max()
    # Pivot MDS packs a large graph into a ball a few hops wide; give the nodes room
    # first (a disc that holds m nodes at about this spacing), then only near pairs matter.
    centre = pos.mean(axis=0)
    rms = math.sqrt(((pos - centre) ** 2).sum(axis=1).mean()) + 1e-9
    want = 0.9 * 2 * rad.mean() * math.sqrt(m / 2)
    if rms < want:
        pos = centre + (pos - centre) * (want / rms)
    ideal = max(1.0, float(np.median(np.linalg.norm(pos[r] - pos[c], axis=1)))) if len(r) else 1.0
    temp = ideal * 0.3
    for _ in range(iterations):
        fx = np.zeros(m)
        fy = np.zeros(m)
        if len(r):
            d = pos[c] - pos[r]
            length = np.sqrt((d * d).sum(axis=1)) + 1e-9
            k = (length - ideal) * 0.25 / length
            fx += np.bincount(r, d[:, 0] * k, m) - np.bincount(c, d[:, 0] * k, m)
            fy += np.bincount(r, d[:, 1] * k, m) - np.bincount(c, d[:, 1] * k, m)
        pairs = cKDTree(pos).query_pairs(spacing, output_type="ndarray")
        if len(pairs):
            a, b = pairs[:, 0], pairs[:, 1]
            d = pos[b] - pos[a]
            length = np.sqrt((d * d).sum(axis=1)) + 1e-9
            k = np.clip(rad[a] + rad[b] - length, 0, None) * 0.5 / length
            fx += np.bincount(b, d[:, 0] * k, m) - np.bincount(a, d[:, 0] * k, m)
            fy += np.bincount(b, d[:, 1] * k, m) - np.bincount(a, d[:, 1] * k, m)
        norm = np.sqrt(fx * fx + fy * fy) + 1e-9
        step = np.minimum(norm, temp) / norm
        pos = pos + np.column_stack([fx * step, fy * step])
        temp = max(temp * 0.92, 0.02 * ideal)
    return pos / (2 * rad.mean())


def _pack(pos, boxes, gap=1.5):
    """Shelf packing of components (largest first) into a roughly square area."""
    boxes = sorted(boxes, key=lambda b: -len(b[0]))
    total = sum((w + gap) * (h + gap) for _, (w, h) in boxes)
    width = max(math.sqrt(total) * 1.2, max(w for _, (w, _h) in boxes))
    x = y = shelf = 0.0
    for members, (w, h) in boxes:
        if x > 0 and x + w > width:
            x, y, shelf = 0.0, y + shelf + gap, 0.0
        pos[members] += (x, y)
        x += w + gap
        shelf = max(shelf, h)
