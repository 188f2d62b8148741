"""The page's data: every record, the drawn items and the vocabulary, as plain JSON-able values."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

from ..analysis.contested import verdicts as _verdicts
from ..model import FIELDS, Entity, Relation, entity_row, relation_row, to_dict
from ..vocab import ENTITY_KINDS, MODALITIES, QUADS, RELATION_TYPES
from .assets import vis_version
from .cross import cross_data, group_rows
from .escape import Later, resolved
from .network import options as _options
from .network import start_positions
from .reader import reader_data
from .style import (
    CLAIMANT_LINK,
    CONTESTED_HALO,
    DENIED_COLOR,
    KIND_STYLES,
    MODALITY_DASHES,
    OTHER_DASHES,
    OTHER_KIND,
    darker,
    edge_color,
    polarity_color,
)

__all__ = [
    "page_data",
    "LAYOUT_THRESHOLD",
    "default_title",
    "node_items",
    "edge_item",
    "edge_dicts",
    "EDGE_FIELDS",
    "records_table",
    "records",
    "sources_data",
    "vocab_data",
]

LAYOUT_THRESHOLD = 300
"""Entity count above which the layout is computed in Python and physics is off."""


def _span(w):
    return [w.start.isoformat() if w.start != date.min else None, w.end.isoformat() if w.end != date.max else None]


def page_data(ds, *, physics=None, layout_threshold=LAYOUT_THRESHOLD, texts=None) -> dict:
    """Everything the page needs, as plain JSON-able values.

    ``nodes``/``edges`` are what the page draws, in a compact form the page's
    script turns into vis-network items (:func:`node_items`, :func:`edge_item`:
    a node's place and size; an edge's label, colour, width, and its curve
    or halo when it has one, in a table like the records' (:func:`edge_dicts`);
    ends, shapes, dash patterns and tooltips come from the records and ``vocab``,
    in the page); ``entities``/``relations`` are the records as in the YAML
    (``to_dict``), in a table that names each field once (:func:`records_table`;
    :func:`records` turns it back);
    ``sources`` the sources as in the YAML, text paths left out; ``relmeta`` holds
    the derived fields the filters and panels use that the page cannot read off the
    record (the date span of when it happened, claimants, whether its claim group is
    contested, the index of its group; the page adds quad, sign and sources); ``published``
    the date span of each dated source (when its claims were made); ``groups`` the contested
    and corroborated claim groups (:func:`graph.analysis.contested`); ``reader`` each stored text with
    where its claims' quotes are (:func:`graph.render.reader.reader_data`;
    *texts* maps source ids to texts for a dataset without stored files);
    ``vocab`` the vocabulary and styles.

    *physics*: ``None`` (default) lets the size decide: physics for graphs
    of at most *layout_threshold* entities, a fixed Python layout above.
    """
    return resolved(page_parts(ds, physics=physics, layout_threshold=layout_threshold, texts=texts))


def page_parts(ds, *, physics=None, layout_threshold=LAYOUT_THRESHOLD, texts=None) -> dict:
    """:func:`page_data` with its ``nodes`` still being laid out (a :class:`~graph.render.escape.Later`):
    :func:`~graph.render.escape.escape_json` writes the rest meanwhile, then waits for them."""
    n = len(ds.entities)
    big = n > layout_threshold
    if physics is None:
        physics = not big
    rels = ds.relations()
    deg_in, deg_out = Counter(), Counter()
    for r in rels:
        deg_out[r.subject] += 1
        deg_in[r.object] += 1
    # the layout (also the starting point of a physics layout: it settles fast) is worked out beside
    # the rest: in another process for a large graph (graph.layout.start)
    layout = start_positions(ds, rels)
    known = ds.entities
    drawn = [r for r in rels if r.subject in known and r.object in known]
    # a hand-built dataset may cite an unknown entity: draw what can be drawn
    shown_groups = _verdicts(ds)  # the contested and corroborated groups: the others say nothing
    group_of, contested_ids = {}, set()
    for i, (_key, is_contested, _corroborated, _reasons, rids) in enumerate(shown_groups):
        for rid in rids:
            group_of[rid] = i
        if is_contested:
            contested_ids.update(rids)
    colours = {}
    edges = []
    for r in drawn:
        denied = r.modality == "denied"
        key = (denied, r.polarity)
        colour = colours.get(key)
        if colour is None:
            colour = colours[key] = edge_color(r)
        is_contested = r.id in contested_ids
        edges.append(
            edge_item(
                r.id,
                ("denied: " if denied else "") + r.type + (" ⚑" if is_contested else ""),
                colour,
                1.6 if denied else round(1.2 + abs(r.polarity or 0) / 4, 2),
                is_contested,
            )
        )

    relmeta = {}
    published = {sid: _span(s.published) for sid, s in ds.sources.items() if s.published is not None}
    spans = {}  # a date text has one When (graph.when.parse_when): its span is written once
    for r in rels:
        # only what the page cannot read off the record; left out when empty, false or none
        w = r.when
        if w is None:
            span = None
        else:
            span = spans.get(id(w))
            if span is None:
                span = spans[id(w)] = _span(w)
        meta = {"span": span}
        if r.claimants:
            meta["claimants"] = list(r.claimants)
        if r.id in contested_ids:
            meta["contested"] = True
        if r.id in group_of:
            meta["group"] = group_of[r.id]
        relmeta[r.id] = meta
    groups = group_rows(shown_groups)
    relations = records_table(rels, "relations")
    reader = reader_data(ds, rels, texts)
    return page_dict(
        ds,
        layout,
        deg_in,
        deg_out,
        edges,
        physics,
        big,
        relations=relations,
        relmeta=relmeta,
        groups=groups,
        published=published,
        reader=reader,
        vocab=vocab_data(ds),
        cross=cross_data(ds),
    )


def page_dict(ds, layout, deg_in, deg_out, edges, physics, big, **parts):
    """The page's data: what every page has (nodes, edges, options, the entity and source
    tables) and its *parts* (relations, relmeta, groups, published, reader, vocab...).

    *layout* waits for the positions and returns them (:func:`~graph.render.network.start_positions`):
    ``nodes`` come last, a :class:`~graph.render.escape.Later` that calls it."""
    return {
        "physics": bool(physics),
        "edges": {"fields": list(EDGE_FIELDS), "rows": edges},
        "options": _options(physics, big),
        "vis_version": vis_version(),
        "entities": records_table(ds.entities.values(), "entities"),
        "sources": sources_data(ds),
        **parts,
        "nodes": Later(lambda: node_items(ds, layout(), deg_in, deg_out)),
    }


def records_table(records, kind) -> dict:
    """The records as in the YAML (``to_dict``), each field name written once:
    ``{"fields": [name, ...], "rows": [[value or None, ...], ...]}`` (*kind*: ``"entities"`` or
    ``"relations"``, for the order of the fields). :func:`records` turns it back; so does the page.

    >>> from graph.model import Entity
    >>> t = records_table([Entity(id="A", name="Alpha", kind="state")], "entities")
    >>> t["fields"][:3], t["rows"][0][:4]
    (['id', 'name', 'kind'], ['A', 'Alpha', 'state', None])
    >>> records(t)
    {'A': {'id': 'A', 'name': 'Alpha', 'kind': 'state'}}
    """
    names = list(FIELDS[kind])
    records = list(records)
    if kind == "relations" and all(type(r) is Relation for r in records):
        return {"fields": names, "rows": [relation_row(r) for r in records]}
    if kind == "entities" and all(type(e) is Entity for e in records):
        return {"fields": names, "rows": [entity_row(e) for e in records]}
    dicts = [to_dict(x, drop_empty=True) for x in records]
    extra = set().union(*dicts) - set(names) if dicts else set()
    names += sorted(extra)  # a field the list does not know yet (none today)
    return {"fields": names, "rows": [[d.get(f) for f in names] for d in dicts]}


def records(table) -> dict:
    """``{id: record}`` from a :func:`records_table` (an empty field, ``None``, left out)."""
    names = table["fields"]
    out = {}
    for row in table["rows"]:
        d = {f: v for f, v in zip(names, row, strict=True) if v is not None}
        out[d["id"]] = d
    return out


#: the halo behind the line of a contested claim (shared by every such edge)
HALO = {"enabled": True, "color": CONTESTED_HALO, "size": 9}


#: the fields of a drawn claim, in the order of its row in the page data's ``edges`` table
EDGE_FIELDS = ("id", "label", "color", "width", "background")


def edge_item(eid, label, colour, width, contested=False) -> list:
    """One drawn claim, a row of the ``edges`` table (:data:`EDGE_FIELDS`): ``id``, ``label``,
    ``color`` (one colour), ``width``, and ``background`` (the halo of a contested claim) when it has one.

    The page takes its ends from the record (``subject``, ``object``) and adds the arrow, the dash
    pattern of its modality, its curve (graph/render/static/drawing.js: a distinct curve for each
    line between the same two entities, as merged or not) and the tooltip.

    >>> edge_item("r1", "AID", "#198c3c", 3.7), edge_item("r2", "ACCUSE", "#b15555", 1.9, contested=True)[4]["enabled"]
    (['r1', 'AID', '#198c3c', 3.7], True)
    """
    return [eid, label, colour, width, HALO] if contested else [eid, label, colour, width]


def edge_dicts(data) -> list:
    """The drawn edges of page data *data* as the page makes them: one dict per row of its
    ``edges`` table, with ``from`` and ``to`` (the subject and object of its record), an empty field left out.

    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: S}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations: [{id: r, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}]
    ... ''')
    >>> edge_dicts(page_data(ds))
    [{'id': 'r', 'label': 'AID', 'color': '#198c3c', 'width': 3.7, 'from': 'A', 'to': 'B'}]
    """
    t = data["edges"]
    if "relations" not in data:  # an aggregated page's: group k (edge 'gk') has its ends in row k
        agg = data["aggregate"]
        s, o = agg["fields"].index("subject"), agg["fields"].index("object")
        rels = {f"g{k}": {"subject": row[s], "object": row[o]} for k, row in enumerate(agg["rows"])}
    else:
        rels = data["relations"]
        rels = records(rels) if set(rels) == {"fields", "rows"} else rels
    out = []
    for row in t["rows"]:  # (a row without a halo ends before the last field, background)
        e = {f: v for f, v in zip(t["fields"], row, strict=False) if v is not None}
        e["from"], e["to"] = rels[e["id"]]["subject"], rels[e["id"]]["object"]
        out.append(e)
    return out


def node_items(ds, positions, deg_in, deg_out) -> list:
    """One drawn node per entity of *ds*: ``id``, ``x``, ``y`` and ``size`` (by relation count,
    *deg_in* + *deg_out*). The page takes the label (the name), the shape and the colour (by
    kind, ``vocab.kinds``) and the tooltip from the entity's record."""
    out = []
    for eid in ds.entities:
        deg = deg_in[eid] + deg_out[eid]
        x, y = positions[eid]
        out.append({"id": eid, "x": x, "y": y, "size": round(min(45.0, 10 + 4 * math.sqrt(deg)), 1)})
    return out


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
    used_kinds = sorted(
        {e.kind for e in ds.entities.values()},
        key=lambda k: (list(ENTITY_KINDS).index(k) if k in ENTITY_KINDS else 99, k),
    )
    return {
        "kinds": {
            k: {
                "shape": KIND_STYLES.get(k, OTHER_KIND)[0],
                "color": KIND_STYLES.get(k, OTHER_KIND)[1],
                "border": darker(KIND_STYLES.get(k, OTHER_KIND)[1]),
                "description": ENTITY_KINDS.get(k, ""),
            }
            for k in used_kinds
        },
        "quads": list(QUADS),
        "types": {
            t.name: {"quad": t.quad, "polarity": t.polarity, "description": t.description}
            for t in RELATION_TYPES.values()
        },
        "modalities": {
            m: {"description": d, "dashes": MODALITY_DASHES.get(m, OTHER_DASHES)} for m, d in MODALITIES.items()
        },
        "colors": {
            "conflict": polarity_color(-10),
            "neutral": polarity_color(0),
            "cooperation": polarity_color(10),
            "weak_conflict": polarity_color(-2),
            "weak_cooperation": polarity_color(2),
            "denied": DENIED_COLOR,
            "contested": CONTESTED_HALO,
        },
        "claimant_link": CLAIMANT_LINK,
        "other_dashes": OTHER_DASHES,
    }


def default_title(ds):
    if len(ds.sources) == 1:
        s = next(iter(ds.sources.values()))
        if s.title:
            return f"actorgraph: {s.title}"
    return (
        f"actorgraph: {len(ds.entities)} entities, {len(ds)} relations, "
        f"{len(ds.sources)} source{'s' if len(ds.sources) != 1 else ''}"
    )
