"""Render a dataset (or a view) as one self-contained, interactive, offline HTML page.

The page draws entities (colour and shape by kind, size by number of
relations, part_of lines, optionally folded into groups) and relations (directed
edges coloured by polarity, dashed unless ``reported``, labelled by type, the
parallel claims of one quad merged into one line with their count) with
vis-network (the version pyvis bundles, vendored in static/vendor/) inlined. The
data holds each record once; the page's script (small modules in static/) makes
the vis-network items from it, and the tooltips when they are shown. Large graphs (more than 2,000 edges) are drawn
with a level of detail: zoomed out, only what is in view, edges as plain lines
batched per colour, width and dash pattern, nodes batched per shape and colour. It has a legend,
tooltips, an evidence panel, search, combinable filters (type/quad, polarity,
modality, source, time range, N-hop neighbourhood) kept in the URL fragment,
and PNG/JSON export. Nothing is fetched from the network.

Safety: every string from the data reaches the page as JSON inside a
``<script type="application/json">`` block, with ``<``, ``>``, ``&`` and
U+2028/U+2029 escaped so no string can close it; the page builds its DOM
with ``textContent``/``createElement`` only, turns only ``http(s)`` URLs into
links, and carries a Content-Security-Policy that allows only its own inline
scripts (by hash) and no network access at all.

For large data, ``render_html(ds, aggregate="month"|"year"|"all")`` draws one
weighted edge per (subject, object, quad, period) (:mod:`graph.render.edge_groups`
groups the claims, :mod:`graph.render.aggregated_data` builds that page's data), the
heaviest :data:`~graph.render.aggregated_data.TOP` of them by default (``top=``); a
click on such an edge lists the few claims the page holds of it (``examples=``,
:data:`~graph.render.aggregated_data.EXAMPLES` by default) and says how to see them all.
``actorgraph serve`` (:mod:`graph.serve`) serves the same page, which then fetches
the claims it does not hold (``server=``, static/server.js).

Above :data:`LAYOUT_THRESHOLD` entities the layout is computed in Python
(:mod:`graph.layout`) and physics is switched off; smaller graphs start from
that layout and settle with a short physics run.

Examples
--------
>>> import graph
>>> ds = graph.loads('''
... sources: [{id: s1, title: An op-ed, kind: op-ed, published: 2025}]
... entities:
...   - {id: PAK, name: Pakistan, kind: state}
...   - {id: USA, name: United States, kind: state}
... relations:
...   - {id: r1, subject: PAK, object: USA, type: ACCUSE, modality: claimed,
...      evidence: [{source: s1, quote: "</script><script>alert(1)</script>"}]}
... ''')
>>> html = render_html(ds)
>>> html.startswith("<!DOCTYPE html>") and "window.network" in html
True
>>> "</script><script>alert(1)" in html      # the quote cannot close the data block
False
>>> "\\\\u003c/script\\\\u003e" in html
True
>>> data = page_data(ds)
>>> [(n["id"], n["size"]) for n in data["nodes"]]    # shape and colour: by kind, in the page
[('PAK', 14.0), ('USA', 14.0)]
>>> from graph.render.data import edge_dicts
>>> e = edge_dicts(data)[0]
>>> e["from"], e["to"], e["label"], e["color"]        # arrow and dashes: by modality, in the page
('PAK', 'USA', 'ACCUSE', '#b15555')
>>> from graph.render.data import records
>>> records(data["relations"])["r1"]["modality"], data["vocab"]["modalities"]["claimed"]["dashes"]
('claimed', [8, 5])
>>> "title" in e                                      # tooltips are made in the page when shown
False
"""

from __future__ import annotations

from .assets import vis_assets
from .data import LAYOUT_THRESHOLD, page_data
from .escape import escape_json
from .page import notebook_html, render_html, write_html
from .style import KIND_STYLES, MODALITY_DASHES, polarity_color

__all__ = [
    "render_html",
    "write_html",
    "notebook_html",
    "page_data",
    "escape_json",
    "KIND_STYLES",
    "MODALITY_DASHES",
    "LAYOUT_THRESHOLD",
    "polarity_color",
    "vis_assets",
]
