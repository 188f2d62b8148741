"""What the page's cross-source panels need, as plain JSON data: the roll-up, merged claims, the discourse network.

:func:`cross_source_data` gives, for a dataset or view, in one dict (``json.dumps`` as it is):

* ``roll_up``: ``{entity id: the id it counts as}`` for each entity that is part of another
  (:func:`graph.analysis.merge.roll_up_map`); an entity not listed counts as itself;
* ``merged``: for exact entities and rolled up, each claim that repeats another in its source
  (same subject, type, object, modality and claimant) -- ``{relation id: index}`` into
  ``claims``, the merged claims of two or more relations: ``{"key", "modality", "claimant",
  "source", "relations", "quotes"}``; the page lists such a claim once, with all its quotes;
* ``discourse``: the discourse network, exact and rolled up: ``claimants`` (``id``, ``name``,
  ``camp``: 1, 2 or null), ``edges`` (``a``, ``b``, ``congruence``, ``conflict``,
  ``weight`` (jaccard), and ``groups``: each group with its ``kind`` (congruence, conflict, both)
  and each side's stances with their sources, relations and quotes: what a click on an edge
  shows), ``method`` (exact or heuristic).

>>> import graph, json
>>> d = cross_source_data(graph.example())
>>> sorted(d), d["roll_up"], sorted(d["discourse"])
(['discourse', 'merged', 'roll_up'], {'PAK-FO': 'PAK'}, ['exact', 'rolled'])
>>> len(json.dumps(d)) > 0
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .discourse import discourse
from .merge import merged_claims, roll_up_map

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["cross_source_data"]


def _merged(ds, roll_up):
    claims: list[dict] = []
    of: dict[str, list[int]] = {}
    for m in merged_claims(ds, roll_up=roll_up):
        if len(m.relations) > 1:
            for rid in m.relations:
                of.setdefault(rid, []).append(len(claims))
            claims.append(
                {
                    "key": list(m.key),
                    "modality": m.modality,
                    "claimant": m.claimant,
                    "source": m.source,
                    "relations": list(m.relations),
                    "quotes": list(m.quotes),
                }
            )
    return {"claims": claims, "of": of}


def _network(ds, roll_up):
    net = discourse(ds, roll_up=roll_up, normalize="jaccard")
    return {
        "claimants": [{"id": c, "name": net.names.get(c, c), "camp": net.camp_of(c)} for c in net.claimants],
        "edges": [
            {
                **{k: e[k] for k in ("a", "b", "congruence", "conflict", "weight")},
                "groups": net.evidence(e["a"], e["b"]),
            }
            for e in net.edges
        ],
        "method": net.method,
    }


def cross_source_data(ds: Dataset) -> dict:
    """The data of the page's cross-source panels for *ds* (see the module docs)."""
    return {
        "roll_up": roll_up_map(ds),
        "merged": {"exact": _merged(ds, False), "rolled": _merged(ds, True)},
        "discourse": {"exact": _network(ds, False), "rolled": _network(ds, True)},
    }
