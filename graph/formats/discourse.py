"""The discourse network for visone and Gephi: claimants as GraphML, and DNA's two-mode CSV of stances.

``discourse-graphml``: an undirected graph of claimants (node attributes ``label``, ``kind``
(``author`` for a source's own voice), ``camp``: 1, 2 or 0 when not placed), one edge per pair
with ``congruence``, ``conflict``, ``net`` (congruence - conflict), ``weight`` with a
normalisation, and ``groups`` (the claim groups, ``SUBJECT TYPE OBJECT`` joined by ``; ``).

``discourse-csv``: the claimant x claim-group matrix of stances, as DNA's two-mode export -- one
row per claimant, one column per claim group (``SUBJECT TYPE OBJECT``): ``1`` asserts, ``-1``
denies, ``0`` both asserts and denies, empty: no stance.

Both take the options of :func:`graph.analysis.discourse` (``roll_up``, ``normalize``).

>>> import graph, io, networkx as nx
>>> ds = graph.loads('''
... sources: [{id: s, title: T}]
... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}, {id: P, name: Pat, kind: person}]
... relations:
...   - {id: r1, subject: A, object: B, type: AID, modality: claimed, asserted_by: P, evidence: [{source: s, quote: q}]}
...   - {id: r2, subject: A, object: B, type: AID, modality: denied, evidence: [{source: s, quote: q}]}
... ''')
>>> g = nx.read_graphml(io.BytesIO(discourse_graphml(ds).encode()))
>>> g.edges["P", "author:s"]["conflict"], g.nodes["P"]["label"]
(1, 'Pat')
>>> print(discourse_csv(ds), end="")
claimant,A AID B
P,1
author:s,-1
"""

from __future__ import annotations

import csv
import io

import networkx as nx

from ..read.tables import guard_cell

__all__ = ["discourse_graphml", "discourse_csv", "discourse_graph"]


def _network(ds, roll_up, normalize):
    from ..analysis.discourse import discourse

    return discourse(ds, roll_up=roll_up, normalize=normalize)


def discourse_graph(net) -> nx.Graph:
    """A :class:`~graph.analysis.discourse.Discourse` as a networkx ``Graph`` of claimants (see the module docs)."""
    g = nx.Graph()
    for c in net.claimants:
        author = c.startswith("author:")
        g.add_node(
            c,
            label=c if author else net.names.get(c, c),
            kind="author" if author else "entity",
            camp=net.camp_of(c) or 0,
        )
    for e in net.edges:
        attrs = {
            "congruence": e["congruence"],
            "conflict": e["conflict"],
            "net": e["congruence"] - e["conflict"],
            "groups": "; ".join(" ".join(x) for x in e["groups"]),
        }
        if "weight" in e:
            attrs["weight"] = float(e["weight"])
        g.add_edge(e["a"], e["b"], **attrs)
    return g


def discourse_graphml(ds, *, roll_up=False, normalize="none") -> str:
    """The discourse network of *ds* as GraphML text."""
    return "\n".join(nx.generate_graphml(discourse_graph(_network(ds, roll_up, normalize)))) + "\n"


def discourse_csv(ds, *, roll_up=False, normalize="none") -> str:
    """The claimant x claim-group matrix of stances of *ds* as CSV text (*normalize* has no effect here)."""
    net = _network(ds, roll_up, "none")
    groups = net.groups
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["claimant"] + [guard_cell(" ".join(g)) for g in groups])
    for c in net.claimants:
        st = net.stances[c]
        w.writerow([guard_cell(c)] + ["" if g not in st else (0 if len(st[g]) > 1 else st[g][0]) for g in groups])
    return buf.getvalue()
