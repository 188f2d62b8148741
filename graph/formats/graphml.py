"""GraphML: typed attributes, read by ``networkx.read_graphml``, Gephi, yEd, Cytoscape.

Nodes are entities (XML id = entity id), edges are relations (XML id =
relation id; ``read_graphml`` gives them back as the keys of a
``MultiDiGraph``). Scalar fields become typed GraphML keys (``polarity`` is a
``double``, ``sign`` an ``int``, the rest ``string``); lists and mappings
(``aliases``, ``codes``, ``context``, ``evidence``, ``attributes``) are JSON
text. Absent values are left out. Convenience fields for Gephi and
spreadsheets: ``label`` (the entity's name, the relation's type/mode),
``sign``, ``quad``, ``when_start``/``when_end`` (ISO dates; an open end is left
out), ``source`` and ``quote`` -- or ``record``, for evidence from a dataset
source -- of the first evidence item. The graph's ``sources`` attribute holds
the sources as JSON.

Examples
--------
>>> import graph, io, json, networkx as nx
>>> ds = graph.loads('''
... sources: [{id: s1, title: T}]
... entities:
...   - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}
...   - {id: USA, name: United States, kind: state}
... relations:
...   - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, when: 2025-02,
...      evidence: [{source: s1, quote: "talks & more"}]}
... ''')
>>> g = nx.read_graphml(io.BytesIO(graphml(ds).encode()), force_multigraph=True)
>>> e = g.edges["PAK", "USA", "r1"]
>>> e["polarity"], e["when_start"], json.loads(e["evidence"])[0]["quote"]
(2.5, '2025-02-01', 'talks & more')
>>> json.loads(g.nodes["PAK"]["aliases"])
['Islamabad']
"""

from __future__ import annotations

import json

import networkx as nx

from ..model import to_dict
from ..when import iso_span

__all__ = ["graphml", "flat_graph", "flat_value", "when_span"]


def flat_value(v):
    """A GraphML/GEXF-ready value: scalars as they are, lists and mappings as JSON text, None dropped."""
    if v is None or isinstance(v, (str, bool, int, float)):
        return v
    return json.dumps(v, ensure_ascii=False)


when_span = iso_span  # shared by the GraphML, GEXF and Cypher exports


def node_attrs(e) -> dict:
    d = to_dict(e)
    d.pop("id")
    out = {"label": e.name}
    for k, v in d.items():
        if v in (None, [], {}):
            continue
        out[k] = flat_value(v)
    return out


def edge_attrs(r) -> dict:
    d = to_dict(r)
    d.pop("id")
    d.pop("subject")
    d.pop("object")
    out = {"label": r.type + (f"/{r.mode}" if r.mode else "")}
    for k, v in d.items():
        if v in (None, [], {}):
            continue
        out[k] = float(v) if k == "polarity" else flat_value(v)
    out["sign"] = r.sign
    out["quad"] = r.quad
    start, end = when_span(r.when)
    if start:
        out["when_start"] = start
    if end:
        out["when_end"] = end
    if r.evidence:
        first = r.evidence[0]
        out["source"] = first.source
        for k, v in (("quote", first.quote), ("record", first.record)):
            if v is not None:  # a dataset's evidence has a record and no quote
                out[k] = v
    return out


def flat_graph(ds) -> nx.MultiDiGraph:
    """``ds.graph`` with every attribute flattened for GraphML (see the module docs)."""
    g = nx.MultiDiGraph(name="actorgraph")
    g.graph["sources"] = json.dumps({sid: to_dict(s) for sid, s in ds.sources.items()}, ensure_ascii=False)
    for eid, e in ds.entities.items():
        g.add_node(eid, **node_attrs(e))
    for r in ds.relations():
        g.add_edge(r.subject, r.object, key=r.id, **edge_attrs(r))
    return g


def graphml(ds) -> str:
    """The dataset as GraphML text (UTF-8 XML); see the module docs."""
    # default key ids (d0, d1...): named ids would collide (a node's and an edge's "label")
    body = "\n".join(nx.generate_graphml(flat_graph(ds)))
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"
