"""The vis-network options of the page (pyvis's defaults, then ours) and the layout of its entities."""

from __future__ import annotations

__all__ = ["IdList", "options", "start_positions"]


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
    return lambda: dict(zip(ids, pending(), strict=True))


#: the labels' fonts: the system's, then fonts that cover the scripts of the region's languages
#: (Arabic script for Urdu, Dari, Pashto and Persian; Devanagari; Chinese), as the page's stylesheet
FONT_FACE = (
    "system-ui, -apple-system, Segoe UI, Noto Sans, Helvetica, Arial, Noto Naskh Arabic, Noto Sans Arabic, "
    "Noto Nastaliq Urdu, Noto Sans Devanagari, Noto Sans CJK SC, sans-serif"
)

#: no edge label is drawn smaller than this on screen (pixels; vis-network fades a label in over the
#: pixel below its threshold, so it is set one pixel above: labels start at 10 px, faint, and are crisp from 11)
EDGE_LABEL_MIN_PX = 10


def options(physics, big):
    """vis-network's options for the page: pyvis's defaults for a directed graph (as
    ``Network(directed=True)`` writes them, with our physics), then ours.

    Written out rather than asked of pyvis's ``Network``: importing it costs half a second
    (it brings IPython), for a constant.
    """
    opts = {
        "edges": {
            # straight unless an edge says otherwise (the page curves parallel lines and self-loops: drawing.js)
            "smooth": {"enabled": False},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "arrowStrikethrough": False,
            "font": {
                "size": 11,
                "color": "#333333",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
                "face": FONT_FACE,
            },
            # an edge label is drawn only when it is readable: at EDGE_LABEL_MIN_PX or more on screen
            # (vis-network leaves out a label whose size times the zoom is below drawThreshold - 1)
            "scaling": {"label": {"drawThreshold": EDGE_LABEL_MIN_PX + 1}},
            "selectionWidth": 2.5,
            "hoverWidth": 1.0,
        },
        "interaction": {
            "dragNodes": True,
            "hideEdgesOnDrag": bool(big),
            "hideNodesOnDrag": False,
            "hover": not big,
            "tooltipDelay": 120,
            "hideEdgesOnZoom": bool(big),
            "multiselect": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "navigationButtons": False,
        },
        "physics": {
            "enabled": bool(physics),
            "stabilization": {
                "enabled": True,
                "fit": True,
                "iterations": 250 if physics else 1000,
                "onlyDynamicEdges": False,
                "updateInterval": 25 if physics else 50,
            },
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"size": 14, "face": FONT_FACE, "color": "#1a1a1a", "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    if physics:
        opts["physics"].update(
            {
                "barnesHut": {
                    "avoidOverlap": 0.35,
                    "centralGravity": 0.3,
                    "damping": 0.45,
                    "gravitationalConstant": -9000,
                    "springConstant": 0.03,
                    "springLength": 190,
                },
                "solver": "barnesHut",
                "minVelocity": 1.0,
                "maxVelocity": 40,
                "timestep": 0.5,
            }
        )
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
