"""The data of an aggregated page: one weighted edge per (subject, object, quad, period), a few claims each.

The page data's ``aggregate`` holds one row per group, in a table that names
each field once (:data:`GROUP_FIELDS`): its pair, its quad (by number, in
``aggregate.quads``), its period, its mean polarity, whether a claim of it is
contested, at most *examples* of its claims (:data:`CLAIM_FIELDS`: id, type,
mode, modality, claimants, when and every piece of evidence, ``[source, quote]``
or ``[source, None, record]``; :data:`EXAMPLES` by default) and, only when it has
more claims than it lists (``more``), what the page cannot work out from those:
the count, the sources, types, modalities and claimants of all of them.
Everything else (the relation and relation-metadata records the filters read,
keyed ``g0``, ``g1`` ...; the panel's summary) the page works out from the row,
as :func:`aggregated_records` does: a group of one claim carries that claim and
little else. No claim's full record is embedded, and there is no reader panel.

*top* keeps the *top* heaviest groups (most claims first; among equals, the
first seen), in the order they were seen; ``aggregate`` then says how many
edges and claims there are in all (``edges``, ``claims``) and in the page
(``top``, ``shown``). The nodes are every entity, sized by all their claims.

>>> ds = graph.loads('''
... sources: [{id: s1, title: A, kind: op-ed}]
... entities:
...   - {id: PAK, name: Pakistan, kind: state}
...   - {id: AFG, name: Afghanistan, kind: state}
... relations:
...   - {id: r1, subject: PAK, object: AFG, type: ACCUSE, polarity: -2, modality: reported, when: 2024-03,
...      evidence: [{source: s1, quote: first}]}
...   - {id: r2, subject: PAK, object: AFG, type: THREATEN, polarity: -4, modality: claimed, when: 2024-11,
...      evidence: [{source: s1, quote: second}]}
...   - {id: r3, subject: AFG, object: PAK, type: AID, polarity: 5, modality: reported, when: 2024-05,
...      evidence: [{source: s1, quote: third}]}
... ''')
>>> data = aggregated_data(ds, by="year", examples=1)
>>> from graph.render.data import edge_dicts
>>> [(e["id"], e["label"], e["width"]) for e in edge_dicts(data)]
[('g0', 'verbal conflict ×2', 2.7), ('g1', 'AID', 1.2)]
>>> row = data["aggregate"]["rows"][0]
>>> row[:6], row[6]
(['PAK', 'AFG', 0, '2024', -3.0, 0], [['r1', 'ACCUSE', None, 'reported', [], '2024-03', [['s1', 'first']]]])
>>> row[7]["count"], row[7]["types"]
(2, ['ACCUSE', 'THREATEN'])
>>> rec = aggregated_records(data)
>>> g = rec["groups"]["g0"]
>>> g["count"], g["mean"], g["more"], g["types"]
(2, -3.0, 1, [['ACCUSE', 1], ['THREATEN', 1]])
>>> rec["relmeta"]["g0"]["span"], rec["relations"]["g0"]["modality"]
(['2024-01-01', '2024-12-31'], 'mixed')
>>> top = aggregated_data(ds, by="year", top=1)["aggregate"]
>>> len(top["rows"]), top["top"], top["edges"], top["shown"], top["claims"]
(1, 1, 2, 2, 3)
"""

from __future__ import annotations

import calendar
import math
from collections import Counter

from ..analysis.contested import verdicts as _verdicts
from ..dataset import Dataset
from ..vocab import MODALITIES
from .data import LAYOUT_THRESHOLD, _span, edge_item, page_dict, vocab_data
from .edge_groups import UNDATED, grouped, mean_polarity
from .escape import resolved
from .network import start_positions
from .style import DENIED_COLOR, OTHER_DASHES, polarity_color

__all__ = [
    "aggregated_data",
    "aggregated_parts",
    "aggregated_records",
    "group_summary",
    "claim_row",
    "EXAMPLES",
    "TOP",
    "GROUP_FIELDS",
    "CLAIM_FIELDS",
]

EXAMPLES = 3
"""At most this many claims of a group are in the page (its panel lists them; the others are counted)."""

TOP = 10_000
"""An aggregated page draws at most this many edges by default: the heaviest (``top=None``: all).
A page of 600 actors and 800,000 edges is no overview (and Kumu asks for a subset above 10,000 elements)."""


#: the fields of a group's row in the page data's ``aggregate`` table (and ``span`` last, per ``all``)
GROUP_FIELDS = ("subject", "object", "quad", "period", "mean", "contested", "claims", "more")

#: the fields of a claim's row in a group's ``claims``
CLAIM_FIELDS = ("id", "type", "mode", "modality", "claimants", "when", "evidence")


def period_span(period, rels):
    """``[start, end]`` (ISO, None when open) of *period*, or None for the undated.

    For ``all`` the span from the earliest dated start to the latest end of the claims *rels*.
    """
    p = period
    if p == UNDATED:
        return None
    if p == "all":
        spans = [_span(r.when) for r in rels if r.when is not None]
        if not spans:
            return None
        starts, ends = [s[0] for s in spans], [s[1] for s in spans]
        return [None if None in starts else min(starts), None if None in ends else max(ends)]
    if len(p) == 4:
        return [f"{p}-01-01", f"{p}-12-31"]
    y, m = int(p[:4]), int(p[5:7])
    return [f"{p}-01", f"{p}-{calendar.monthrange(y, m)[1]:02d}"]


def _evidence_row(ev):
    return [ev.source, ev.quote] if ev.quote is not None else [ev.source, None, ev.record]


def claim_row(r, when=None) -> list:
    """Claim *r* as a row of :data:`CLAIM_FIELDS` (*when*: its date's text, when known already).

    >>> import graph
    >>> claim_row(graph.example().relations()[0])[:4]
    ['usa-requests-tal', 'REQUEST', 'return', 'reported']
    """
    if when is None and r.when is not None:
        when = str(r.when)
    ev = r.evidence
    return [
        r.id,
        r.type,
        r.mode,
        r.modality,
        list(r.claimants),
        when,
        [[ev[0].source, ev[0].quote]] if len(ev) == 1 and ev[0].quote is not None else [_evidence_row(e) for e in ev],
    ]


def group_summary(rs, examples=EXAMPLES, contested_ids=(), whens=None) -> dict:
    """What a page shows of the group of claims *rs*: ``count``, ``mean`` (polarity, as
    :func:`~graph.render.edge_groups.mean_polarity`), ``types``, ``modalities``, ``sources`` and
    ``claimants`` (each first seen first), ``typecounts`` (``[[type, n], ...]``, most first; with
    several types), ``contested`` and ``examples`` (the rows of its first *examples* claims).
    *whens* caches the text of each date (a date text has one :class:`~graph.when.When`).

    >>> import graph
    >>> s = group_summary(graph.example().relations()[:2], examples=1)
    >>> s["count"], s["types"], len(s["examples"])
    (2, ['REQUEST', 'REJECT'], 1)
    """
    whens = {} if whens is None else whens
    count = len(rs)
    types, mods, srcs, claimants = {}, {}, {}, {}
    for r in rs:
        types[r.type] = None
        mods[r.modality] = None
        for ev in r.evidence:  # (its sources, in order: the dict keeps each once)
            srcs[ev.source] = None
        for c in r.claimants:
            claimants[c] = None
    rows = []
    for r in rs[:examples]:
        w = r.when
        when = None
        if w is not None:
            when = whens.get(id(w))
            if when is None:
                when = whens[id(w)] = str(w)
        rows.append(claim_row(r, when))
    return {
        "count": count,
        "mean": mean_polarity(rs),
        "types": list(types),
        "modalities": list(mods),
        "sources": list(srcs),
        "claimants": list(claimants),
        "typecounts": [list(tc) for tc in Counter(r.type for r in rs).most_common()] if len(types) > 1 else None,
        "contested": bool(contested_ids) and any(r.id in contested_ids for r in rs),
        "examples": rows,
    }


def aggregated_data(
    ds, *, by="year", examples=EXAMPLES, top=TOP, physics=None, layout_threshold=LAYOUT_THRESHOLD
) -> dict:
    """The page data (as :func:`graph.render.page_data`) of *ds* aggregated *by* month, year or all,
    with at most *examples* claims per group, and only the *top* heaviest groups (None: all)."""
    return resolved(
        aggregated_parts(ds, by=by, examples=examples, top=top, physics=physics, layout_threshold=layout_threshold)
    )


def heaviest(counts, top) -> list:
    """The positions of the *top* largest of *counts* (among equals, the first), in their order.

    >>> heaviest([1, 5, 2, 5, 3], 3)
    [1, 3, 4]
    """
    if top is None or top >= len(counts):
        return list(range(len(counts)))
    return sorted(sorted(range(len(counts)), key=counts.__getitem__, reverse=True)[:top])


def aggregated_parts(
    ds, *, by="year", examples=EXAMPLES, top=TOP, physics=None, layout_threshold=LAYOUT_THRESHOLD
) -> dict:
    """:func:`aggregated_data` with its ``nodes`` still being laid out (as :func:`~graph.render.data.page_parts`)."""
    if examples < 0 or (top is not None and top < 1):
        raise ValueError("examples must be 0 or more and top 1 or more")
    rel_list = ds.relations()
    layout = start_positions(ds, rel_list)  # beside the rest (in another process for a large graph), first
    groups = grouped(rel_list, by)
    deg_in, deg_out = Counter(), Counter()
    for (subject, object_, _q, _p), rs in groups.items():
        deg_out[subject] += len(rs)
        deg_in[object_] += len(rs)
    known = ds.entities
    drawn = [(key, rs) for key, rs in groups.items() if key[0] in known and key[1] in known]
    del groups
    n_groups = len(drawn)
    drawn = [drawn[i] for i in heaviest([len(rs) for _key, rs in drawn], top)]
    contested_ids = _contested(ds, rel_list, drawn, len(drawn) < n_groups)
    whens = {}  # a date text has one When: its text is taken once
    summaries = [
        (key, group_summary(rs, examples, contested_ids, whens), period_span(key[3], rs) if by == "all" else None)
        for key, rs in drawn
    ]
    return group_page(
        ds,
        layout,
        deg_in,
        deg_out,
        summaries,
        by=by,
        examples=examples,
        claims=len(rel_list),
        n_edges=n_groups,
        top=top,
        physics=physics,
        layout_threshold=layout_threshold,
    )


def _contested(ds, rels, drawn, part) -> set:
    """The ids of the contested claims among the groups *drawn* (*part*: not all of them): a claim
    group (:func:`graph.analysis.contested.verdicts`) has one subject and one object, so only the
    claims of the pairs drawn are looked at."""
    if part:
        pairs = {(key[0], key[1]) for key, _rs in drawn}
        ds = Dataset(
            ds.sources, ds.entities, [r for r in rels if (r.subject, r.object) in pairs], all_entities=ds.all_entities
        )
    return {rid for _key, c, _k, _reasons, rids in _verdicts(ds) if c for rid in rids}


def group_page(
    ds,
    layout,
    deg_in,
    deg_out,
    summaries,
    *,
    by,
    examples,
    claims,
    n_edges,
    top=None,
    physics=None,
    layout_threshold=LAYOUT_THRESHOLD,
) -> dict:
    """The aggregated page's data from its groups: *summaries* ``[(key, summary, span), ...]``
    (:func:`group_summary`; *span*: the dates of a group of ``all``, else None), the entities and
    sources of *ds*, the *layout* and the claims' counts *deg_in*/*deg_out* per entity; *claims* and
    *n_edges* (groups) in all (the page holds *top* of them when given)."""
    big = len(ds.entities) > layout_threshold
    if physics is None:
        physics = not big
    quad_index = {}
    edges, rows = [], []
    colours = {}
    log2 = math.log2
    shown = 0
    for k, ((subject, object_, quad, period), s, span) in enumerate(summaries):
        count, mean, types, mods = s["count"], s["mean"], s["types"], s["modalities"]
        shown += count
        one_type = types[0] if len(types) == 1 else None
        denied = len(mods) == 1 and mods[0] == "denied"
        label = ("denied: " if denied else "") + (one_type or quad) + (f" ×{count}" if count > 1 else "")
        colour = DENIED_COLOR if denied else colours.get(mean)
        if colour is None:
            colour = colours[mean] = polarity_color(mean)
        if s["contested"]:
            label += " ⚑"
        width = 1.2 if count == 1 else round(min(12.0, 1.2 + 1.5 * log2(count)), 2)
        edges.append(edge_item(f"g{k}", label, colour, width, s["contested"]))
        qi = quad_index.get(quad)
        if qi is None:
            qi = quad_index[quad] = len(quad_index)
        claims_ = s["examples"]
        more = None
        if count > len(claims_):  # what the listed claims cannot tell the page
            more = {
                "count": count,
                "sources": s["sources"],
                "types": types,
                "modalities": mods,
                "claimants": s["claimants"],
            }
            if s["typecounts"]:  # how many claims of each type, most first (the tooltip says the first six)
                more["typecounts"] = s["typecounts"]
        row = [subject, object_, qi, period, mean, 1 if s["contested"] else 0, claims_, more]
        if by == "all":
            row.append(span)
        rows.append(row)
    vocab = vocab_data(ds)
    vocab["modalities"]["mixed"] = {"description": "several modalities in one aggregated edge", "dashes": OTHER_DASHES}
    fields = list(GROUP_FIELDS) + (["span"] if by == "all" else [])
    cut = top is not None and len(rows) < n_edges
    return page_dict(
        ds,
        layout,
        deg_in,
        deg_out,
        edges,
        physics,
        big,
        groups=[],
        published={sid: _span(s.published) for sid, s in ds.sources.items() if s.published is not None},
        reader={},
        aggregate={
            "by": by,
            "examples": examples,
            "claims": claims,
            "edges": n_edges,
            "top": len(rows) if cut else None,
            "shown": shown,
            "modalities": list(MODALITIES),
            "quads": list(quad_index),
            "fields": fields,
            "claim_fields": list(CLAIM_FIELDS),
            "rows": rows,
        },
        vocab=vocab,
    )


def aggregated_records(data) -> dict:
    """What the page works out from the ``aggregate`` table of aggregated page data *data*
    (static/aggregate.js does the same): ``relations`` and ``relmeta`` (per group id, the fields the
    filters and panels read) and ``groups`` (the panel's summary of each group: period, count, mean,
    the claims listed, how many more, and the claims per type when there are several)."""
    agg = data["aggregate"]
    f = {name: i for i, name in enumerate(agg["fields"])}
    relations, relmeta, groups = {}, {}, {}
    for k, row in enumerate(agg["rows"]):
        gid = f"g{k}"
        claims, more, period, mean = row[f["claims"]], row[f["more"]], row[f["period"]], row[f["mean"]]
        quad = agg["quads"][row[f["quad"]]]
        if more:
            count, sources, types, mods, claimants = (
                more["count"],
                more["sources"],
                more["types"],
                more["modalities"],
                more["claimants"],
            )
            typecounts = more.get("typecounts")
        else:
            count = len(claims)
            sources = list(dict.fromkeys(ev[0] for c in claims for ev in c[6]))
            types = list(dict.fromkeys(c[1] for c in claims))
            mods = list(dict.fromkeys(c[3] for c in claims))
            claimants = list(dict.fromkeys(x for c in claims for x in c[4]))
            typecounts = [list(tc) for tc in Counter(c[1] for c in claims).most_common()] if len(types) > 1 else None
        rel = {
            "id": gid,
            "subject": row[f["subject"]],
            "object": row[f["object"]],
            "type": types[0] if len(types) == 1 else quad,
            "modality": mods[0] if len(mods) == 1 else "mixed",
        }
        if period not in (UNDATED, "all"):
            rel["when"] = period
        relations[gid] = rel
        span = row[f["span"]] if "span" in f else period_span(period, ())
        relmeta[gid] = {
            "quad": quad,
            "sign": (mean > 0) - (mean < 0),
            "span": span,
            "sources": sources,
            "types": types,
            "modalities": mods,
            "claimants": claimants,
            "contested": bool(row[f["contested"]]),
        }
        summary = {"period": period, "count": count, "mean": mean, "claims": claims, "more": count - len(claims)}
        if typecounts:
            summary["types"] = typecounts
        groups[gid] = summary
    return {"relations": relations, "relmeta": relmeta, "groups": groups}
