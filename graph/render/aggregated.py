"""The data of an aggregated page: one weighted edge per (subject, object, quad, period), bounded claims.

The page data's ``aggregate`` holds one row per group, in a table that names
each field once (:data:`GROUP_FIELDS`): its pair, its quad (by number, in
``aggregate.quads``), its period, its mean polarity, whether a claim of it is
contested, at most *limit* of its claims (:data:`CLAIM_FIELDS`: id, type, mode,
modality, claimants, when and every piece of evidence, ``[source, quote]`` or
``[source, None, record]``) and, only when it has more claims than it lists
(``more``), what the page cannot work out from those: the count, the sources,
types, modalities and claimants of all of them. Everything else (the
relation and relation-metadata records the filters read, keyed ``g0``, ``g1``
...; the panel's summary) the page works out from the row, as
:func:`aggregated_records` does: a group of one claim carries that claim and
little else. No claim's full record is embedded, and there is no reader panel.

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
... ''')
>>> data = aggregated_data(ds, by="year", limit=1)
>>> from graph.render.data import edge_dicts
>>> e, = edge_dicts(data)
>>> e["id"], e["label"], e["width"]
('g0', 'verbal conflict ×2', 2.7)
>>> row, = data["aggregate"]["rows"]
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
"""

from __future__ import annotations

import calendar
import math
from collections import Counter

from ..analysis.contested import verdicts as _verdicts
from ..vocab import MODALITIES
from .aggregate import UNDATED, grouped, mean_polarity
from .data import LAYOUT_THRESHOLD, _span, edge_item, page_dict, vocab_data
from .escape import resolved
from .network import start_positions
from .style import DENIED_COLOR, OTHER_DASHES, polarity_color

__all__ = ["aggregated_data", "aggregated_records", "CLAIMS_PER_GROUP", "GROUP_FIELDS", "CLAIM_FIELDS"]

CLAIMS_PER_GROUP = 50
"""At most this many claims of a group are listed in its panel (the others are counted)."""


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


def aggregated_data(ds, *, by="year", limit=CLAIMS_PER_GROUP, physics=None, layout_threshold=LAYOUT_THRESHOLD) -> dict:
    """The page data (as :func:`graph.render.page_data`) of *ds* aggregated *by* month, year or all."""
    return resolved(aggregated_parts(ds, by=by, limit=limit, physics=physics, layout_threshold=layout_threshold))


def aggregated_parts(ds, *, by="year", limit=CLAIMS_PER_GROUP, physics=None, layout_threshold=LAYOUT_THRESHOLD) -> dict:
    """:func:`aggregated_data` with its ``nodes`` still being laid out (as :func:`~graph.render.data.page_parts`)."""
    rel_list = ds.relations()
    layout = start_positions(ds, rel_list)  # beside the rest (in another process for a large graph), first
    groups = grouped(rel_list, by)
    n = len(ds.entities)
    big = n > layout_threshold
    if physics is None:
        physics = not big
    deg_in, deg_out = Counter(), Counter()
    for (subject, object_, _q, _p), rs in groups.items():
        deg_out[subject] += len(rs)
        deg_in[object_] += len(rs)
    known = ds.entities
    drawn = [(key, rs) for key, rs in groups.items() if key[0] in known and key[1] in known]
    contested_ids = {rid for _key, c, _k, _reasons, rids in _verdicts(ds) if c for rid in rids}
    quad_index = {}
    edges, rows = [], []
    colours = {}
    whens = {}  # a date text has one When: its text is taken once
    log2 = math.log2
    for k, ((subject, object_, quad, period), rs) in enumerate(drawn):
        gid = f"g{k}"
        count = len(rs)
        if count == 1:
            r = rs[0]
            one_type = r.type
            denied = r.modality == "denied"
            mean = round(float(r.polarity or 0), 2)
            is_contested = r.id in contested_ids
            more = None
        else:
            types, mods = {}, {}
            for r in rs:
                types[r.type] = None
                mods[r.modality] = None
            one_type = r.type if len(types) == 1 else None
            denied = len(mods) == 1 and "denied" in mods
            mean = mean_polarity(rs)
            is_contested = bool(contested_ids) and any(r.id in contested_ids for r in rs)
            more = None
            if count > limit:  # what the listed claims cannot tell the page
                srcs, claimants = {}, {}
                for r in rs:
                    for ev in r.evidence:
                        srcs[ev.source] = None
                    for c in r.claimants:
                        claimants[c] = None
                more = {
                    "count": count,
                    "sources": list(srcs),
                    "types": list(types),
                    "modalities": list(mods),
                    "claimants": list(claimants),
                }
                if len(types) > 1:  # how many claims of each type, most first (the tooltip says the first six)
                    more["typecounts"] = [list(tc) for tc in Counter(r.type for r in rs).most_common()]
        label = ("denied: " if denied else "") + (one_type or quad) + (f" ×{count}" if count > 1 else "")
        colour = DENIED_COLOR if denied else colours.get(mean)
        if colour is None:
            colour = colours[mean] = polarity_color(mean)
        if is_contested:
            label += " ⚑"
        width = 1.2 if count == 1 else round(min(12.0, 1.2 + 1.5 * log2(count)), 2)
        edges.append(edge_item(gid, label, colour, width, is_contested))
        qi = quad_index.get(quad)
        if qi is None:
            qi = quad_index[quad] = len(quad_index)
        claims = []
        for r in rs if count <= limit else rs[:limit]:
            w = r.when
            if w is None:
                when = None
            else:
                when = whens.get(id(w))
                if when is None:
                    when = whens[id(w)] = str(w)
            ev = r.evidence
            claims.append(
                [
                    r.id,
                    r.type,
                    r.mode,
                    r.modality,
                    list(r.claimants),
                    when,
                    [[ev[0].source, ev[0].quote]]
                    if len(ev) == 1 and ev[0].quote is not None
                    else [_evidence_row(e) for e in ev],
                ]
            )
        row = [subject, object_, qi, period, mean, 1 if is_contested else 0, claims, more]
        if by == "all":
            row.append(period_span(period, rs))
        rows.append(row)
    vocab = vocab_data(ds)
    vocab["modalities"]["mixed"] = {"description": "several modalities in one aggregated edge", "dashes": OTHER_DASHES}
    fields = list(GROUP_FIELDS) + (["span"] if by == "all" else [])
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
            "limit": limit,
            "claims": len(rel_list),
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
