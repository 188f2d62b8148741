"""GEXF 1.2 for Gephi, with dynamic spells so the timeline plays the claims.

Each relation is an edge (id = relation id) carrying a *spell* from its
``when``: ``2021-08`` is the spell 2021-08-01..2021-08-31, ``2021-08..2025``
is 2021-08-01..2025-12-31, an open end (``2021..``) is left out of the spell,
and an undated claim has no spell (Gephi shows it at every time). The graph is
``mode="dynamic"`` with ``timeformat="date"`` as soon as one claim is dated, so
Gephi offers its timeline (Window > Timeline) and plays the claims in order.
Entities are static nodes (always present).

Attributes are those of the GraphML export (lists and mappings as JSON text),
except that the relation's type is ``relation_type`` (GEXF reserves an edge's
``type`` for directed/undirected). GEXF has no place for a table of sources
(networkx's writer drops graph attributes), so each edge carries what it
cites: ``source`` (the first evidence's source id), ``evidence`` (every
``{source, quote}``) and ``source_titles`` (a JSON list of the titles of the
sources it cites, in evidence order; the id for a source without a title).
For the sources' other fields use the GraphML or CSV export. ``label`` is the entity's name or the
relation's type/mode; nodes are coloured by kind and edges by polarity
(green cooperation, red conflict, grey neutral) through GEXF's ``viz``.

Examples
--------
>>> import graph, io, networkx as nx
>>> ds = graph.loads('''
... sources: [{id: s1, title: T}]
... entities: [{id: PAK, name: Pakistan, kind: state}, {id: USA, name: United States, kind: state}]
... relations:
...   - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, when: 2025-02,
...      evidence: [{source: s1, quote: q}]}
...   - {id: r2, subject: USA, object: PAK, type: ACCUSE, modality: reported, evidence: [{source: s1, quote: q}]}
... ''')
>>> g = nx.read_gexf(io.BytesIO(gexf(ds).encode()))   # no parallel edges here: a DiGraph
>>> g.graph["mode"], g.edges["PAK", "USA"]["id"], g.edges["PAK", "USA"]["spells"]
('dynamic', 'r1', [('2025-02-01', '2025-02-28')])
>>> "spells" in g.edges["USA", "PAK"], g.edges["USA", "PAK"]["relation_type"]
(False, 'ACCUSE')
>>> g.edges["PAK", "USA"]["source_titles"]
'["T"]'
"""

from __future__ import annotations

import json

import networkx as nx

from .graphml import edge_attrs, flat_graph, when_span

__all__ = ["gexf", "KIND_COLOURS", "SIGN_COLOURS"]

KIND_COLOURS = {
    "state": (31, 119, 180),
    "de_facto_authority": (214, 39, 40),
    "armed_group": (140, 86, 75),
    "organisation": (44, 160, 44),
    "office": (23, 190, 207),
    "person": (227, 119, 194),
    "collective": (148, 103, 189),
    "agreement": (188, 189, 34),
    "asset": (255, 127, 14),
    "place": (127, 127, 127),
}
SIGN_COLOURS = {1: (46, 139, 87), -1: (200, 40, 40), 0: (150, 150, 150)}


def _rgb(c):
    return {"r": c[0], "g": c[1], "b": c[2], "a": 1.0}


def gexf(ds) -> str:
    """The dataset as GEXF 1.2 text with dynamic spells; see the module docs."""
    g = flat_graph(ds)
    dyn = nx.MultiDiGraph(name="actorgraph")
    dynamic = False
    for n, data in g.nodes(data=True):
        kind = ds.entities[n].kind if n in ds.entities else None
        dyn.add_node(n, **data, viz={"color": _rgb(KIND_COLOURS.get(kind, (127, 127, 127)))})
    for r in ds.relations():
        data = edge_attrs(r)
        data["relation_type"] = data.pop("type")
        data["id"] = r.id
        data["source_titles"] = json.dumps(
            [ds.sources[sid].title or sid if sid in ds.sources else sid for sid in r.sources], ensure_ascii=False
        )
        data["weight"] = 1.0
        data["viz"] = {"color": _rgb(SIGN_COLOURS[r.sign])}
        start, end = when_span(r.when)
        if start or end:
            data["spells"] = [(start, end)]
            dynamic = True
        dyn.add_edge(r.subject, r.object, key=r.id, **data)
    if dynamic:
        dyn.graph["mode"] = "dynamic"
    body = "\n".join(nx.generate_gexf(dyn, version="1.2draft"))
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"
