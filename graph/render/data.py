"""The page's data: every record, the drawn items and the vocabulary, as plain JSON-able values."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

from ..model import to_dict
from ..vocab import ENTITY_KINDS, MODALITIES, QUADS, RELATION_TYPES
from .network import network as _network, options as _options, positions as _positions, smooth_for_parallel
from ..analysis.contested import contested as _contested
from .reader import reader_data
from .style import (CLAIMANT_LINK, CONTESTED_HALO, DENIED_COLOR, KIND_STYLES, MODALITY_DASHES, OTHER_DASHES,
                    OTHER_KIND, darker, edge_color, polarity_color)
from .titles import entity_title, relation_title

__all__ = ["page_data", "LAYOUT_THRESHOLD", "default_title", "add_nodes", "sources_data", "vocab_data"]

LAYOUT_THRESHOLD = 300
"""Entity count above which the layout is computed in Python and physics is off."""


def _span(w):
    return [w.start.isoformat() if w.start != date.min else None, w.end.isoformat() if w.end != date.max else None]


def page_data(ds, *, physics=None, layout_threshold=LAYOUT_THRESHOLD, texts=None) -> dict:
    """Everything the page needs, as plain JSON-able values.

    ``nodes``/``edges`` are the vis-network items (built with pyvis's
    ``Network``); ``entities``/``relations``/``sources`` are the records as
    in the YAML (``to_dict``, source text paths left out); ``relmeta`` holds
    the derived fields the filters and panels use (quad, sign, the date span of
    when it happened, sources, claimants, whether its claim group is contested,
    the index of its group); ``published`` the date span of each dated source
    (when its claims were made); ``groups`` the contested
    and corroborated claim groups (:func:`graph.analysis.contested`); ``reader`` each stored text with
    where its claims' quotes are (:func:`graph.render.reader.reader_data`;
    *texts* maps source ids to texts for a dataset without stored files);
    ``vocab`` the vocabulary and styles.

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
    add_nodes(net, ds, positions, deg_in, deg_out)
    known = set(ds.entities)
    curves = smooth_for_parallel([r for r in rels if r.subject in known and r.object in known])
    verdicts = _contested(ds)
    shown_groups = [g for g in verdicts.groups if g.contested or g.corroborated]   # the others say nothing
    group_of = {}
    for i, g in enumerate(shown_groups):
        for rid in g.relations:
            group_of[rid] = i
    contested_ids = {rid for g in verdicts.contested for rid in g.relations}
    for r in rels:
        if r.subject not in known or r.object not in known:
            continue  # a hand-built dataset may cite an unknown entity: draw what can be drawn
        colour = edge_color(r)
        denied = r.modality == "denied"
        extra = {}
        if r.id in contested_ids:   # the mark of a contested claim: a halo behind its line
            extra["background"] = {"enabled": True, "color": CONTESTED_HALO, "size": 9}
        net.add_edge(r.subject, r.object, id=r.id, label=("denied: " if denied else "") + r.type
                     + (" ⚑" if r.id in contested_ids else ""),
                     color={"color": colour, "highlight": colour, "hover": colour, "opacity": 0.95},
                     width=1.6 if denied else round(1.2 + abs(r.polarity or 0) / 4, 2),
                     dashes=MODALITY_DASHES.get(r.modality, OTHER_DASHES),
                     title=relation_title(r, ds) + ("\ncontested: asserted and denied, or of opposite sign"
                                                    if r.id in contested_ids else ""),
                     **extra, **curves.get(r.id, {}))

    relmeta = {}
    published = {sid: _span(s.published) for sid, s in ds.sources.items() if s.published is not None}
    for r in rels:
        span = _span(r.when) if r.when is not None else None
        meta = {"quad": r.quad, "sign": r.sign, "span": span, "sources": list(r.sources)}
        # left out when empty, false or none (the page fills them in): large pages stay smaller
        if r.claimants:
            meta["claimants"] = list(r.claimants)
        if r.id in contested_ids:
            meta["contested"] = True
        if r.id in group_of:
            meta["group"] = group_of[r.id]
        relmeta[r.id] = meta
    groups = [{"key": list(g.key), "contested": g.contested, "corroborated": g.corroborated,
               "reasons": g.reasons, "relations": g.relations} for g in shown_groups]
    return {
        "physics": bool(physics),
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(net, physics, big),
        "entities": {eid: to_dict(e, drop_empty=True) for eid, e in ds.entities.items()},
        "relations": {r.id: to_dict(r, drop_empty=True) for r in rels},
        "relmeta": relmeta,
        "groups": groups,
        "published": published,
        "sources": sources_data(ds),
        "reader": reader_data(ds, rels, texts),
        "vocab": vocab_data(ds),
    }


def add_nodes(net, ds, positions, deg_in, deg_out):
    """Add every entity of *ds* to pyvis's *net*: shape and colour by kind, size by relation count."""
    for e in ds.entities.values():
        shape, colour = KIND_STYLES.get(e.kind, OTHER_KIND)
        deg = deg_in[e.id] + deg_out[e.id]
        x, y = positions[e.id]
        net.add_node(e.id, label=e.name, shape=shape, size=round(min(45.0, 10 + 4 * math.sqrt(deg)), 1),
                     color={"background": colour, "border": darker(colour),
                            "highlight": {"background": colour, "border": "#111111"},
                            "hover": {"background": colour, "border": "#111111"}},
                     title=entity_title(e, deg_in[e.id], deg_out[e.id]), x=x, y=y)


def sources_data(ds):
    """The sources as in the YAML, without their local text paths (not needed on the page)."""
    sources = {}
    for sid, s in ds.sources.items():
        d = to_dict(s, drop_empty=True)
        d.pop("text", None)
        sources[sid] = d
    return sources


def vocab_data(ds):
    """The vocabulary and styles the page's filters, panels and legend use."""
    used_kinds = sorted({e.kind for e in ds.entities.values()},
                        key=lambda k: (list(ENTITY_KINDS).index(k) if k in ENTITY_KINDS else 99, k))
    return {
        "kinds": {k: {"shape": KIND_STYLES.get(k, OTHER_KIND)[0], "color": KIND_STYLES.get(k, OTHER_KIND)[1],
                      "description": ENTITY_KINDS.get(k, "")} for k in used_kinds},
        "quads": list(QUADS),
        "types": {t.name: {"quad": t.quad, "polarity": t.polarity, "description": t.description}
                  for t in RELATION_TYPES.values()},
        "modalities": {m: {"description": d, "dashes": MODALITY_DASHES.get(m, OTHER_DASHES)}
                       for m, d in MODALITIES.items()},
        "colors": {"conflict": polarity_color(-10), "neutral": polarity_color(0),
                   "cooperation": polarity_color(10), "weak_conflict": polarity_color(-2),
                   "weak_cooperation": polarity_color(2), "denied": DENIED_COLOR,
                   "contested": CONTESTED_HALO},
        "claimant_link": CLAIMANT_LINK,
    }


def default_title(ds):
    if len(ds.sources) == 1:
        s = next(iter(ds.sources.values()))
        if s.title:
            return f"actorgraph: {s.title}"
    return (f"actorgraph: {len(ds.entities)} entities, {len(ds)} relations, "
            f"{len(ds.sources)} source{'s' if len(ds.sources) != 1 else ''}")
