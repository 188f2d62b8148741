"""Export a dataset to interchange formats.

Each format is a function ``dataset -> str`` in :data:`FORMATS`;
:func:`export` writes one atomically.

>>> import graph, networkx as nx
>>> ds = graph.loads('''
... entities: [{id: PAK, name: Pakistan, kind: state}, {id: USA, name: United States, kind: state}]
... sources: [{id: s1, title: T}]
... relations:
...   - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, when: 2025-02,
...      evidence: [{source: s1, quote: q}]}
... ''')
>>> g = nx.node_link_graph(json.loads(node_link(ds)), edges="edges")
>>> g.edges["PAK", "USA", "r1"]["when"]
'2025-02'
"""

from __future__ import annotations

import json

import networkx as nx

from .atomic import write_atomic
from .errors import ActorgraphError

__all__ = ["node_link", "node_link_data", "export", "FORMATS"]


def node_link_data(ds) -> dict:
    """The dataset as networkx node-link data (``edges="edges"``), JSON-ready.

    ``networkx.node_link_graph(data, edges="edges")`` rebuilds a
    ``MultiDiGraph`` isomorphic to ``ds.graph`` with the same attributes.
    """
    return nx.node_link_data(ds.graph, edges="edges")


def node_link(ds) -> str:
    """:func:`node_link_data` as JSON text."""
    return json.dumps(node_link_data(ds), ensure_ascii=False, indent=1)


FORMATS = {
    "node-link": node_link,
}


def export(ds, fmt, path, *, protect=None):
    """Write *ds* in format *fmt* to *path* atomically.

    *protect* lists files that must not be overwritten; by default the
    dataset's own input files (``ds.files``).
    """
    try:
        fn = FORMATS[fmt]
    except KeyError:
        raise ActorgraphError(f"unknown export format '{fmt}'; expected one of: "
                              + ", ".join(FORMATS)) from None
    write_atomic(path, fn(ds), protect=getattr(ds, "files", ()) if protect is None else protect)
