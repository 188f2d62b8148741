"""Render a dataset (or a view) as one self-contained, interactive, offline HTML page.

The page draws entities (colour and shape by kind, size by number of
relations) and relations (directed edges coloured by polarity, dashed unless
``reported``, labelled by type, parallel claims curved apart) with
vis-network, taken from the pyvis package and inlined. It has a legend,
tooltips, an evidence panel, search, combinable filters (type/quad, polarity,
modality, source, time range, N-hop neighbourhood) kept in the URL fragment,
and PNG/JSON export. Nothing is fetched from the network.

Safety: every string from the data reaches the page as JSON inside a
``<script type="application/json">`` block, with ``<``, ``>``, ``&`` and
U+2028/U+2029 escaped so no string can close it; the page builds its DOM
with ``textContent``/``createElement`` only, turns only ``http(s)`` URLs into
links, and carries a Content-Security-Policy that allows only its own inline
scripts (by hash) and no network access at all.

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
>>> [(n["id"], n["shape"], n["size"]) for n in data["nodes"]]
[('PAK', 'dot', 14.0), ('USA', 'dot', 14.0)]
>>> e = data["edges"][0]
>>> e["from"], e["to"], e["label"], e["arrows"], e["dashes"]
('PAK', 'USA', 'ACCUSE', 'to', [8, 5])
>>> print(e["title"])
Pakistan → United States: ACCUSE (verbal conflict)
modality: claimed — the source attributes it to someone (see asserted_by)
polarity: -3
asserted by: the author
source: An op-ed (2025)
"""

from __future__ import annotations

import base64
import hashlib
import html as _html
import json
import math
import os
import re
from collections import Counter, defaultdict
from datetime import date, datetime
from importlib import resources

from .atomic import write_atomic
from .model import to_dict
from .vocab import ENTITY_KINDS, MODALITIES, QUADS, RELATION_TYPES

__all__ = ["render_html", "write_html", "notebook_html", "page_data", "escape_json",
           "KIND_STYLES", "MODALITY_DASHES", "LAYOUT_THRESHOLD", "polarity_color", "vis_assets"]

LAYOUT_THRESHOLD = 300
"""Entity count above which the layout is computed in Python and physics is off."""

#: shape and colour for each entity kind (colour-blind-safe hues; shapes keep labels below)
KIND_STYLES = {
    "state": ("dot", "#3b78c4"),
    "de_facto_authority": ("diamond", "#d55e00"),
    "armed_group": ("triangle", "#8c2d19"),
    "organisation": ("square", "#56b4e9"),
    "office": ("triangleDown", "#7d9fc9"),
    "person": ("star", "#cc79a7"),
    "collective": ("hexagon", "#009e73"),
    "agreement": ("square", "#e6b400"),
    "asset": ("diamond", "#7f7f7f"),
    "place": ("triangle", "#a07d3b"),
}
_OTHER_KIND = ("dot", "#b0b0b0")

#: dash pattern per modality (False: a solid line)
MODALITY_DASHES = {
    "reported": False,
    "claimed": [8, 5],
    "recommended": [2, 5],
    "speculated": [12, 4, 2, 4],
    "denied": [3, 3],
}
_OTHER_DASHES = [6, 6]

_GREY = (150, 150, 150)
_RED = (200, 30, 30)
_GREEN = (25, 140, 60)


def polarity_color(p) -> str:
    """The edge colour for polarity *p* on -10..+10: red (conflict), grey, green (cooperation).

    The colour moves from grey towards full red or green with ``|p|``.

    >>> polarity_color(0), polarity_color(-10), polarity_color(10)
    ('#969696', '#c81e1e', '#198c3c')
    >>> polarity_color(-3)
    '#b15555'
    """
    p = max(-10.0, min(10.0, float(p or 0)))
    if p == 0:
        return "#%02x%02x%02x" % _GREY
    target = _RED if p < 0 else _GREEN
    t = 0.35 + 0.65 * abs(p) / 10
    rgb = (round(g + (c - g) * t) for g, c in zip(_GREY, target))
    return "#%02x%02x%02x" % tuple(rgb)


def _darker(hex_colour, f=0.7):
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % (int(r * f), int(g * f), int(b * f))


# -- JSON that is safe inside <script> ------------------------------------------------

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def _json_default(v):
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, (set, frozenset, tuple)):
        return list(v)
    return str(v)


def escape_json(value) -> str:
    """JSON text of *value* that is safe to embed in an HTML ``<script>`` block.

    ``<``, ``>``, ``&`` and the JavaScript line separators U+2028/U+2029 are
    written as ``\\uXXXX`` escapes (the JSON still parses to the same value),
    so no string can end the block or open a comment. Dates become ISO text.

    >>> escape_json({"q": "</script><!--"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    >>> json.loads(escape_json({"q": "a\\u2028b & <c>"})) == {"q": "a\\u2028b & <c>"}
    True
    >>> escape_json({"d": date(2023, 5, 1)})
    '{"d": "2023-05-01"}'
    """
    text = json.dumps(value, ensure_ascii=False, default=_json_default, allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


# -- the data of the page -----------------------------------------------------------

def _fmt_polarity(p):
    return f"{p:+g}" if p else "0"


def _entity_title(e, n_in, n_out):
    lines = [f"{e.name} ({e.id})", f"kind: {e.kind.replace('_', ' ')}"]
    if e.aliases:
        lines.append("also: " + ", ".join(e.aliases))
    lines.append(f"relations: {n_out} out, {n_in} in")
    if e.description:
        d = " ".join(e.description.split())
        lines.append(d if len(d) <= 200 else d[:199] + "…")
    return "\n".join(lines)


def _relation_title(r, ds):
    def name(eid):
        e = ds.entities.get(eid)
        return e.name if e else eid

    kind = r.type + (f"/{r.mode}" if r.mode else "")
    lines = [f"{name(r.subject)} → {name(r.object)}: {kind} ({r.quad})",
             f"modality: {r.modality}" + (f" — {MODALITIES[r.modality]}" if r.modality in MODALITIES else "")]
    if r.when is not None:
        lines.append(f"when: {r.when}")
    lines.append(f"polarity: {_fmt_polarity(r.polarity)}")
    lines.append("asserted by: " + (name(r.asserted_by) if r.asserted_by else "the author"))
    for sid in r.sources:
        s = ds.sources.get(sid)
        if s is None:
            lines.append(f"source: {sid}")
        else:
            pub = f" ({s.published})" if s.published else ""
            lines.append(f"source: {s.title or sid}{pub}")
    return "\n".join(lines)


def _smooth_for_parallel(rels):
    """A distinct curve for each relation between the same two entities (either direction).

    Offsets in the frame of the sorted pair: 0, +s, -s, +2s, -2s ... (odd
    counts) or +s, -s, +2s ... (even), so no two relations share a line; a
    relation drawn against the frame's direction turns the other way to keep
    its side. Self-loops get loops of distinct sizes and angles.
    """
    out = {}
    groups = defaultdict(list)
    for r in rels:
        groups[tuple(sorted((r.subject, r.object)))].append(r)
    for (a, b), group in groups.items():
        k = len(group)
        if a == b:
            for i, r in enumerate(group):
                out[r.id] = {"selfReference": {"size": 18 + 8 * i, "angle": round(math.pi / 4 + i * 0.9, 3)}}
            continue
        step = min(0.25, 0.9 / math.ceil(k / 2))
        start = 0 if k % 2 else 1
        for i, r in enumerate(group):
            j = i + start
            signed = (j + 1) // 2 * step * (1 if j % 2 else -1)
            if signed == 0:
                out[r.id] = {"smooth": {"enabled": False}}
                continue
            forward = (r.subject, r.object) == (a, b)
            cw = (signed > 0) == forward
            out[r.id] = {"smooth": {"enabled": True, "type": "curvedCW" if cw else "curvedCCW",
                                    "roundness": round(abs(signed), 3)}}
    return out


def _positions(ds):
    from .layout import layout
    ids = list(ds.entities)
    index = {eid: i for i, eid in enumerate(ids)}
    edges = [(index[r.subject], index[r.object]) for r in ds.relations()
             if r.subject in index and r.object in index]
    pos = layout(len(ids), edges, scale=110)
    return dict(zip(ids, pos))


class _IdList(list):
    """pyvis keeps node ids in a list and tests membership per node and edge (O(n^2));
    this list answers ``in`` from a set, so 5,000 nodes build in milliseconds."""

    def __init__(self):
        super().__init__()
        self._set = set()

    def append(self, x):
        self._set.add(x)
        super().append(x)

    def __contains__(self, x):
        return x in self._set


def _network(physics, big):
    from pyvis.network import Network
    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()
    if physics:
        net.barnes_hut(gravity=-9000, central_gravity=0.3, spring_length=190, spring_strength=0.03,
                       damping=0.45, overlap=0.35)
        net.options.physics.stabilization.iterations = 250
        net.options.physics.stabilization.updateInterval = 25
    else:
        net.toggle_physics(False)
    net.toggle_hide_edges_on_drag(big)
    return net


def _options(net, physics, big):
    opts = json.loads(net.options.to_json())
    opts.pop("configure", None)
    edges = opts.setdefault("edges", {})
    edges.pop("color", None)  # our colours, not inherited from the nodes
    edges["smooth"] = {"enabled": True, "type": "continuous", "roundness": 0.2}
    edges.update({
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
        "arrowStrikethrough": False,
        "font": {"size": 10, "color": "#333333", "strokeWidth": 3, "strokeColor": "#ffffff",
                 "align": "middle"},
        "selectionWidth": 2.5,
        "hoverWidth": 1.0,
    })
    opts["nodes"] = {
        "borderWidth": 1.5, "borderWidthSelected": 3,
        "font": {"size": 14, "face": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
                 "color": "#1a1a1a", "strokeWidth": 4, "strokeColor": "#ffffff"},
    }
    opts["interaction"].update({
        "hover": not big, "tooltipDelay": 120, "hideEdgesOnZoom": big, "multiselect": False,
        "keyboard": {"enabled": True, "bindToWindow": False}, "navigationButtons": False,
    })
    opts["layout"] = {"improvedLayout": False, "randomSeed": 7}
    physics_opts = opts.setdefault("physics", {})
    physics_opts["enabled"] = bool(physics)
    if physics:
        physics_opts.update({"solver": "barnesHut", "minVelocity": 1.0, "maxVelocity": 40,
                             "timestep": 0.5})
        physics_opts["stabilization"]["fit"] = True
    return opts


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
        shape, colour = KIND_STYLES.get(e.kind, _OTHER_KIND)
        deg = deg_in[e.id] + deg_out[e.id]
        x, y = positions[e.id]
        net.add_node(e.id, label=e.name, shape=shape, size=round(min(45.0, 10 + 4 * math.sqrt(deg)), 1),
                     color={"background": colour, "border": _darker(colour),
                            "highlight": {"background": colour, "border": "#111111"},
                            "hover": {"background": colour, "border": "#111111"}},
                     title=_entity_title(e, deg_in[e.id], deg_out[e.id]), x=x, y=y)
    known = set(ds.entities)
    curves = _smooth_for_parallel([r for r in rels if r.subject in known and r.object in known])
    for r in rels:
        if r.subject not in known or r.object not in known:
            continue  # a hand-built dataset may cite an unknown entity: draw what can be drawn
        colour = polarity_color(r.polarity)
        net.add_edge(r.subject, r.object, id=r.id, label=r.type,
                     color={"color": colour, "highlight": colour, "hover": colour, "opacity": 0.95},
                     width=round(1.2 + abs(r.polarity or 0) / 4, 2),
                     dashes=MODALITY_DASHES.get(r.modality, _OTHER_DASHES),
                     title=_relation_title(r, ds), **curves.get(r.id, {}))

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
            "kinds": {k: {"shape": KIND_STYLES.get(k, _OTHER_KIND)[0], "color": KIND_STYLES.get(k, _OTHER_KIND)[1],
                          "description": ENTITY_KINDS.get(k, "")} for k in used_kinds},
            "quads": list(QUADS),
            "types": {t.name: {"quad": t.quad, "polarity": t.polarity, "description": t.description}
                      for t in RELATION_TYPES.values()},
            "modalities": {m: {"description": d, "dashes": MODALITY_DASHES.get(m, _OTHER_DASHES)}
                           for m, d in MODALITIES.items()},
            "colors": {"conflict": polarity_color(-10), "neutral": polarity_color(0),
                       "cooperation": polarity_color(10), "weak_conflict": polarity_color(-2),
                       "weak_cooperation": polarity_color(2)},
        },
    }


def _default_title(ds):
    if len(ds.sources) == 1:
        s = next(iter(ds.sources.values()))
        if s.title:
            return f"actorgraph: {s.title}"
    return (f"actorgraph: {len(ds.entities)} entities, {len(ds)} relations, "
            f"{len(ds.sources)} source{'s' if len(ds.sources) != 1 else ''}")


# -- assets and template --------------------------------------------------------------

_ASSETS = {}


def vis_assets() -> tuple:
    """``(javascript, css)`` of vis-network as bundled with pyvis (9.1.2), ready to inline.

    The source-map comment is dropped (a browser would try to fetch it).
    Raises ``RuntimeError`` if the pyvis package lacks the files.

    >>> js, css = vis_assets()
    >>> "vis-network" in js and "</script" not in js.lower() and "sourceMappingURL" not in js
    True
    """
    if "vis" not in _ASSETS:
        import pyvis
        base = os.path.join(os.path.dirname(pyvis.__file__), "lib", "vis-9.1.2")
        try:
            with open(os.path.join(base, "vis-network.min.js"), encoding="utf-8") as f:
                js = f.read()
            with open(os.path.join(base, "vis-network.css"), encoding="utf-8") as f:
                css = f.read()
        except OSError as exc:  # pragma: no cover - a broken pyvis install
            raise RuntimeError(f"pyvis's bundled vis-network is missing ({exc}); reinstall pyvis") from None
        js = re.sub(r"//# sourceMappingURL=\S*", "", js)
        css = re.sub(r"/\*# sourceMappingURL=\S*\s*\*/", "", css)
        for text, tag in ((js, "script"), (css, "style")):
            if re.search(rf"</{tag}|<!--", text, re.I):  # pragma: no cover - would end the block early
                raise RuntimeError(f"vis-network asset contains '</{tag}' and cannot be inlined")
        _ASSETS["vis"] = (js, css)
    return _ASSETS["vis"]


def _own_asset(name):
    if name not in _ASSETS:
        _ASSETS[name] = resources.files("graph").joinpath("static", name).read_text(encoding="utf-8")
    return _ASSETS[name]


def _template():
    if "template" not in _ASSETS:
        from jinja2 import Environment, PackageLoader, select_autoescape
        env = Environment(loader=PackageLoader("graph", "templates"),
                          autoescape=select_autoescape(default=True, default_for_string=True),
                          keep_trailing_newline=True)
        _ASSETS["template"] = env.get_template("page.html.j2")
    return _ASSETS["template"]


def _sha256(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def render_html(ds, *, title=None, physics=None, layout_threshold=LAYOUT_THRESHOLD) -> str:
    """The page for *ds* (a dataset or a view) as one HTML string (UTF-8 text).

    Parameters
    ----------
    ds : Dataset
        What to draw; use ``ds.view(...)`` to render a filtered view.
    title : str, optional
        The page title (default: the source's title, or counts).
    physics : bool, optional
        Force physics on or off; by default on up to *layout_threshold* entities.
    layout_threshold : int
        Above this many entities the layout is computed in Python and physics is off.

    Returns
    -------
    str
        A complete HTML document with every script and stylesheet inline.
    """
    from markupsafe import Markup
    data = page_data(ds, physics=physics, layout_threshold=layout_threshold)
    vis_js, vis_css = vis_assets()
    app_js = _own_asset("app.js")
    # each inline script's exact text, hashed for the Content-Security-Policy
    scripts = [vis_js, app_js]
    csp = ("default-src 'none'; script-src " + " ".join(f"'{_sha256(s)}'" for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; font-src 'none'; "
           "object-src 'none'; base-uri 'none'; form-action 'none'")
    return _template().render(
        title=title or _default_title(ds),
        csp=csp,
        vis_css=Markup(vis_css),
        app_css=Markup(_own_asset("app.css")),
        vis_js=Markup(vis_js),
        app_js=Markup(app_js),
        data_json=Markup(escape_json(data)),
    )


def write_html(ds, path, **options) -> str:
    """Write the page of *ds* to *path* (UTF-8, atomically); return the absolute path.

    Refuses to overwrite the dataset's own input files (``ds.files``), raising
    :class:`~graph.errors.OutputError`. *options* are those of :func:`render_html`.

    >>> import graph, os, tempfile
    >>> ds = graph.loads("entities: [{id: PAK, name: Pakistan, kind: state}]")
    >>> p = write_html(ds, os.path.join(tempfile.mkdtemp(), "page.html"))
    >>> open(p, encoding="utf-8").read().count("<html")
    1
    """
    path = os.fspath(path)
    write_atomic(path, render_html(ds, **options), protect=ds.files)
    return os.path.abspath(path)


def notebook_html(ds, *, height=640, **options) -> str:
    """The page of *ds* in an ``<iframe srcdoc=...>``, for Jupyter (``Dataset._repr_html_``).

    ``srcdoc`` (rather than a file or a data: URL) works in JupyterLab, the
    classic Notebook and VS Code. The iframe is sandboxed: scripts run, but
    with an opaque origin, so the page cannot reach the notebook.

    >>> import graph
    >>> ds = graph.loads("entities: [{id: X, name: '<b>&\\"x\\"</b>', kind: state}]")
    >>> out = notebook_html(ds)
    >>> out.startswith("<iframe") and 'srcdoc="&lt;!DOCTYPE html&gt;' in out
    True
    >>> '<b>' in out or '"x"' in out
    False
    """
    page = render_html(ds, **options)
    return (f'<iframe srcdoc="{_html.escape(page, quote=True)}" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd;border-radius:4px" '
            'sandbox="allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox" '
            'title="actorgraph" loading="lazy"></iframe>')
