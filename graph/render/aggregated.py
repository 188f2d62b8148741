"""The data of an aggregated page: one weighted edge per (subject, object, quad, period), bounded claims.

The page's ``relations``/``relmeta`` hold one summary per group (keyed
``g0``, ``g1`` ...) in the shape the filters read (a label as ``type``,
``mixed`` as ``modality`` when several are present, the period as
``when``; the types, modalities, sources, claimants and whether a claim is
contested in ``relmeta``); ``aggregate.groups`` lists at most *limit* claims of
each group (id, type, modality, claimants, when, first quote, source) and how
many more there are. No claim's full record is embedded, and there is no
reader panel.

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
>>> g = data["aggregate"]["groups"]["g0"]
>>> g["count"], g["mean"], g["claims"], g["more"]
(2, -3.0, [['r1', 'ACCUSE', 'reported', [], '2024-03', 'first', 's1']], 1)
>>> data["relmeta"]["g0"]["span"], data["relations"]["g0"]["modality"]
(['2024-01-01', '2024-12-31'], 'mixed')
"""

from __future__ import annotations

import calendar
import math
from collections import Counter

from ..analysis.contested import verdicts as _verdicts
from ..vocab import MODALITIES
from .aggregate import UNDATED, aggregate
from .data import LAYOUT_THRESHOLD, _span, edge_item, page_dict, vocab_data
from .escape import resolved
from .network import smooth_for_parallel, start_positions
from .style import DENIED_COLOR, OTHER_DASHES, polarity_color

__all__ = ["aggregated_data", "CLAIMS_PER_GROUP"]

CLAIMS_PER_GROUP = 50
"""At most this many claims of a group are listed in its panel (the others are counted)."""


class _Pair:
    __slots__ = ("id", "subject", "object")

    def __init__(self, id, subject, object):
        self.id, self.subject, self.object = id, subject, object


def period_span(g, rels):
    """``[start, end]`` (ISO, None when open) of group *g*'s period, or None for the undated.

    For ``all`` the span from the earliest dated start to the latest end of its claims.
    """
    p = g.period
    if p == UNDATED:
        return None
    if p == "all":
        spans = [_span(rels[rid].when) for rid in g.claims if rels[rid].when is not None]
        if not spans:
            return None
        starts, ends = [s[0] for s in spans], [s[1] for s in spans]
        return [None if None in starts else min(starts), None if None in ends else max(ends)]
    if len(p) == 4:
        return [f"{p}-01-01", f"{p}-12-31"]
    y, m = int(p[:4]), int(p[5:7])
    return [f"{p}-01", f"{p}-{calendar.monthrange(y, m)[1]:02d}"]


def _claim_row(r):
    ev = r.evidence[0] if r.evidence else None
    quote = (ev.quote if ev.quote is not None else ev.record) if ev else None
    return [r.id, r.type + (f"/{r.mode}" if r.mode else ""), r.modality, list(r.claimants),
            str(r.when) if r.when is not None else None, quote, ev.source if ev else None]


def aggregated_data(ds, *, by="year", limit=CLAIMS_PER_GROUP, physics=None, layout_threshold=LAYOUT_THRESHOLD) -> dict:
    """The page data (as :func:`graph.render.page_data`) of *ds* aggregated *by* month, year or all."""
    return resolved(aggregated_parts(ds, by=by, limit=limit, physics=physics, layout_threshold=layout_threshold))


def aggregated_parts(ds, *, by="year", limit=CLAIMS_PER_GROUP, physics=None, layout_threshold=LAYOUT_THRESHOLD) -> dict:
    """:func:`aggregated_data` with its ``nodes`` still being laid out (as :func:`~graph.render.data.page_parts`)."""
    groups = aggregate(ds, by)
    rel_list = ds.relations()
    rels = {r.id: r for r in rel_list}
    n = len(ds.entities)
    big = n > layout_threshold
    if physics is None:
        physics = not big
    deg_in, deg_out = Counter(), Counter()
    for g in groups:
        deg_out[g.subject] += g.count
        deg_in[g.object] += g.count
    layout = start_positions(ds, rel_list)   # beside the rest, as page_data's
    known = ds.entities
    drawn = [(f"g{i}", g) for i, g in enumerate(groups) if g.subject in known and g.object in known]
    curves = smooth_for_parallel([_Pair(gid, g.subject, g.object) for gid, g in drawn])
    contested_ids = {rid for _key, c, _k, _reasons, rids in _verdicts(ds) if c for rid in rids}
    edges, relations, relmeta, summaries = [], {}, {}, {}
    colours, spans = {}, {}   # spans: of a month or a year, the same for every group of it
    for gid, g in drawn:
        one_type = g.types[0] if len(g.types) == 1 else None
        denied = g.denied_only
        label = ("denied: " if denied else "") + (one_type or g.quad) + (f" ×{g.count}" if g.count > 1 else "")
        colour = DENIED_COLOR if denied else colours.get(g.mean_polarity)
        if colour is None:
            colour = colours[g.mean_polarity] = polarity_color(g.mean_polarity)
        is_contested = bool(contested_ids) and any(rid in contested_ids for rid in g.claims)
        if is_contested:
            label += " ⚑"
        modality = g.modalities[0] if len(g.modalities) == 1 else "mixed"
        edges.append(edge_item(gid, label, colour,
                               round(min(12.0, 1.2 + 1.5 * math.log2(g.count)), 2), is_contested, curves.get(gid)))
        relations[gid] = {"id": gid, "subject": g.subject, "object": g.object, "type": one_type or g.quad,
                          "modality": modality}
        if g.period not in (UNDATED, "all"):
            relations[gid]["when"] = g.period
        claimants = list(dict.fromkeys(c for rid in g.claims for c in rels[rid].claimants))
        span = spans.get(g.period) if by != "all" else None
        if span is None:
            span = period_span(g, rels)
            if by != "all":
                spans[g.period] = span
        meta = {"quad": g.quad, "sign": (g.mean_polarity > 0) - (g.mean_polarity < 0),
                "span": span, "sources": list(g.sources),
                "types": list(g.types), "modalities": list(g.modalities)}
        if claimants:
            meta["claimants"] = claimants
        if is_contested:
            meta["contested"] = True
        relmeta[gid] = meta
        summary = {"period": g.period, "count": g.count, "mean": g.mean_polarity,
                   "claims": [_claim_row(rels[rid]) for rid in g.claims[:limit]],
                   "more": max(0, g.count - limit)}
        if len(g.types) > 1:   # how many claims of each type, most first (the tooltip says the first six)
            summary["types"] = [list(tc) for tc in Counter(rels[rid].type for rid in g.claims).most_common()]
        summaries[gid] = summary
    vocab = vocab_data(ds)
    vocab["modalities"]["mixed"] = {"description": "several modalities in one aggregated edge", "dashes": OTHER_DASHES}
    return page_dict(ds, layout, deg_in, deg_out, edges, physics, big, relations=relations,
                     relmeta=relmeta, groups=[],
                     published={sid: _span(s.published) for sid, s in ds.sources.items() if s.published is not None},
                     reader={}, aggregate={"by": by, "limit": limit, "claims": len(rels), "groups": summaries,
                                           "modalities": list(MODALITIES)}, vocab=vocab)
