"""The vis-network options of the page (pyvis's defaults, then ours), the layout and the curves of parallel edges."""

from __future__ import annotations

import math
from collections import defaultdict

__all__ = ["IdList", "options", "smooth_for_parallel", "start_positions"]


def smooth_for_parallel(rels):
    """A distinct curve for each relation between the same two entities (either direction).

    Offsets in the frame of the sorted pair: 0, +s, -s, +2s, -2s ... (odd
    counts) or +s, -s, +2s ... (even), so no two relations share a line; a
    relation drawn against the frame's direction turns the other way to keep
    its side. Self-loops get loops of distinct sizes and angles.
    """
    out = {}
    groups = defaultdict(list)
    # (a relation alone between its two entities, or the middle one of an odd group, is
    # drawn straight: the page's default, nothing to say)
    for r in rels:
        a, b = r.subject, r.object
        groups[(a, b) if a <= b else (b, a)].append(r)
    for (a, b), group in groups.items():
        k = len(group)
        if a == b:
            for i, r in enumerate(group):
                out[r.id] = {"selfReference": {"size": 18 + 8 * i, "angle": round(math.pi / 4 + i * 0.9, 3)}}
            continue
        step = min(0.25, 0.9 / math.ceil(k / 2))
        start = 0 if k % 2 else 1
        for i, r in enumerate(group):
            j = i + start
            signed = (j + 1) // 2 * step * (1 if j % 2 else -1)
            if signed == 0:
                continue
            forward = (r.subject, r.object) == (a, b)
            cw = (signed > 0) == forward
            out[r.id] = {"smooth": {"enabled": True, "type": "curvedCW" if cw else "curvedCCW",
                                    "roundness": round(abs(signed), 3)}}
    return out


def start_positions(ds, rels=None):
    """``{entity id: (x, y)}`` from :func:`graph.layout.layout` (*rels*: ``ds.relations()``), started
    beside the caller's work (:func:`graph.layout.start`): returns a function that waits for them
    and returns them."""
    from ..layout import start
    ids = list(ds.entities)
    index = {eid: i for i, eid in enumerate(ids)}
    get = index.get
    pairs = ((get(r.subject), get(r.object)) for r in (ds.relations() if rels is None else rels))
    edges = [(a, b) for a, b in pairs if a is not None and b is not None]
    pending = start(len(ids), edges, scale=110)
    return lambda: dict(zip(ids, pending()))


def options(physics, big):
    """vis-network's options for the page: pyvis's defaults for a directed graph (as
    ``Network(directed=True)`` writes them, with our physics), then ours.

    Written out rather than asked of pyvis's ``Network``: importing it costs half a second
    (it brings IPython), for a constant.
    """
    opts = {
        "edges": {
            # straight unless an edge says otherwise (parallel relations and self-loops: smooth_for_parallel)
            "smooth": {"enabled": False},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "arrowStrikethrough": False,
            "font": {"size": 10, "color": "#333333", "strokeWidth": 3, "strokeColor": "#ffffff",
                     "align": "middle"},
            "selectionWidth": 2.5,
            "hoverWidth": 1.0,
        },
        "interaction": {
            "dragNodes": True, "hideEdgesOnDrag": bool(big), "hideNodesOnDrag": False,
            "hover": not big, "tooltipDelay": 120, "hideEdgesOnZoom": bool(big), "multiselect": False,
            "keyboard": {"enabled": True, "bindToWindow": False}, "navigationButtons": False,
        },
        "physics": {
            "enabled": bool(physics),
            "stabilization": {"enabled": True, "fit": True, "iterations": 250 if physics else 1000,
                              "onlyDynamicEdges": False, "updateInterval": 25 if physics else 50},
        },
        "nodes": {
            "borderWidth": 1.5, "borderWidthSelected": 3,
            "font": {"size": 14, "face": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
                     "color": "#1a1a1a", "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    if physics:
        opts["physics"].update({
            "barnesHut": {"avoidOverlap": 0.35, "centralGravity": 0.3, "damping": 0.45,
                          "gravitationalConstant": -9000, "springConstant": 0.03, "springLength": 190},
            "solver": "barnesHut", "minVelocity": 1.0, "maxVelocity": 40, "timestep": 0.5,
        })
    return opts


class IdList(list):
    """pyvis keeps node ids in a list and tests membership per node and edge (O(n^2));
    this list answers ``in`` from a set, so pyvis builds a large page in milliseconds
    (the benchmark's pyvis page; ours no longer goes through pyvis's ``Network``)."""

    def __init__(self):
        super().__init__()
        self._set = set()

    def append(self, x):
        self._set.add(x)
        super().append(x)

    def __contains__(self, x):
        return x in self._set
