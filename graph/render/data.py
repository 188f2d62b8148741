"""The page's data: every record, the drawn items and the vocabulary, as plain JSON-able values."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

from ..model import to_dict
from ..vocab import ENTITY_KINDS, MODALITIES, QUADS, RELATION_TYPES
from .network import network as _network, options as _options, positions as _positions, smooth_for_parallel
from .style import KIND_STYLES, MODALITY_DASHES, OTHER_DASHES, OTHER_KIND, darker, polarity_color
from .titles import entity_title, relation_title

__all__ = ["page_data", "LAYOUT_THRESHOLD", "default_title"]

LAYOUT_THRESHOLD = 300
"""Entity count above which the layout is computed in Python and physics is off."""


def page_data(ds, *, physics=None, layout_threshold=LAYOUT_THRESHOLD) -> dict:
    """Everything the page needs, as plain JSON-able values.

    ``nodes``/``edges`` are the vis-network items (built with pyvis's
    ``Network``); ``entities``/``relations``/``sources`` are the records as
    in the YAML (``to_dict``, source text paths left out); ``meta`` holds
    the derived fields the filters use (quad, sign, date span) and the vocabulary.

    *physics*: ``None`` (default) lets the size decide: physics for graphs
    of at most *layout_threshold* entities, a fixed Python layout above.
    """
    n = len(ds.entities)
    big = n > layout_threshold
    if physics is None:
        physics = not big
    rels = ds.relations()
    deg_in, deg_out = Counter(), Counter()
    for r in rels:
        deg_out[r.subject] += 1
        deg_in[r.object] += 1
    positions = _positions(ds)  # also the starting point of a physics layout: it settles fast
    net = _network(physics, big)
    for e in ds.entities.values():
        shape, colour = KIND_STYLES.get(e.kind, OTHER_KIND)
        deg = deg_in[e.id] + deg_out[e.id]
        x, y = positions[e.id]
        net.add_node(e.id, label=e.name, shape=shape, size=round(min(45.0, 10 + 4 * math.sqrt(deg)), 1),
                     color={"background": colour, "border": darker(colour),
                            "highlight": {"background": colour, "border": "#111111"},
                            "hover": {"background": colour, "border": "#111111"}},
                     title=entity_title(e, deg_in[e.id], deg_out[e.id]), x=x, y=y)
    known = set(ds.entities)
    curves = smooth_for_parallel([r for r in rels if r.subject in known and r.object in known])
    for r in rels:
        if r.subject not in known or r.object not in known:
            continue  # a hand-built dataset may cite an unknown entity: draw what can be drawn
        colour = polarity_color(r.polarity)
        net.add_edge(r.subject, r.object, id=r.id, label=r.type,
                     color={"color": colour, "highlight": colour, "hover": colour, "opacity": 0.95},
                     width=round(1.2 + abs(r.polarity or 0) / 4, 2),
                     dashes=MODALITY_DASHES.get(r.modality, OTHER_DASHES),
                     title=relation_title(r, ds), **curves.get(r.id, {}))

    sources = {}
    for sid, s in ds.sources.items():
        d = to_dict(s, drop_empty=True)
        d.pop("text", None)  # a local file path: not needed on the page
        sources[sid] = d
    used_kinds = sorted({e.kind for e in ds.entities.values()},
                        key=lambda k: (list(ENTITY_KINDS).index(k) if k in ENTITY_KINDS else 99, k))
    relmeta = {}
    for r in rels:
        span = None
        if r.when is not None:
            span = [r.when.start.isoformat() if r.when.start != date.min else None,
                    r.when.end.isoformat() if r.when.end != date.max else None]
        relmeta[r.id] = {"quad": r.quad, "sign": r.sign, "span": span, "sources": list(r.sources)}
    return {
        "physics": bool(physics),
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(net, physics, big),
        "entities": {eid: to_dict(e, drop_empty=True) for eid, e in ds.entities.items()},
        "relations": {r.id: to_dict(r, drop_empty=True) for r in rels},
        "relmeta": relmeta,
        "sources": sources,
        "vocab": {
            "kinds": {k: {"shape": KIND_STYLES.get(k, OTHER_KIND)[0], "color": KIND_STYLES.get(k, OTHER_KIND)[1],
                          "description": ENTITY_KINDS.get(k, "")} for k in used_kinds},
            "quads": list(QUADS),
            "types": {t.name: {"quad": t.quad, "polarity": t.polarity, "description": t.description}
                      for t in RELATION_TYPES.values()},
            "modalities": {m: {"description": d, "dashes": MODALITY_DASHES.get(m, OTHER_DASHES)}
                           for m, d in MODALITIES.items()},
            "colors": {"conflict": polarity_color(-10), "neutral": polarity_color(0),
                       "cooperation": polarity_color(10), "weak_conflict": polarity_color(-2),
                       "weak_cooperation": polarity_color(2)},
        },
    }


def default_title(ds):
    if len(ds.sources) == 1:
        s = next(iter(ds.sources.values()))
        if s.title:
            return f"actorgraph: {s.title}"
    return (f"actorgraph: {len(ds.entities)} entities, {len(ds)} relations, "
            f"{len(ds.sources)} source{'s' if len(ds.sources) != 1 else ''}")
