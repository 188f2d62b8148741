"""The page assembled: one HTML string with every asset inline and a hashed CSP; files and notebooks."""

from __future__ import annotations

import gc
import html as _html
import os

from ..atomic import write_atomic
from .aggregated_data import EXAMPLES, TOP, aggregated_parts
from .assets import own_asset, sha256, template, vis_assets
from .data import LAYOUT_THRESHOLD, default_title, page_parts
from .escape import escape_json

__all__ = ["render_html", "write_html", "notebook_html"]


#: our scripts, in the order the page runs them (each inline, hashed for the CSP): DOM helpers, the
#: modules that run without a browser too (tests/js/), level of detail, controls, panels, the page
#: itself (app.js), and the legend, the reader and the "who sides with whom" view, which use the page's interface
SCRIPTS = (
    "dom.js",
    "time.js",
    "records.js",
    "filters.js",
    "urlstate.js",
    "drawing.js",
    "labels.js",
    "cross.js",
    "lod.js",
    "controls.js",
    "panels.js",
    "app.js",
    "legend.js",
    "reader.js",
    "discourse.js",
)
#: an aggregated page's: with its groups' expansion and panel (aggregate.js), before app.js, which uses it
AGGREGATED_SCRIPTS = SCRIPTS[: SCRIPTS.index("app.js")] + ("aggregate.js",) + SCRIPTS[SCRIPTS.index("app.js") :]


_DATA_MARK = "\ue000actorgraph page data\ue000"


def render_html(
    ds,
    *,
    title=None,
    physics=None,
    layout_threshold=LAYOUT_THRESHOLD,
    texts=None,
    aggregate=None,
    examples=EXAMPLES,
    top=TOP,
    server=None,
    data=None,
) -> str:
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
    texts : dict, optional
        Source id -> full text, for the reader panel of a dataset built without
        stored files (by default each source's stored text is read).
    aggregate : {None, "month", "year", "all"}
        Draw one weighted edge per (subject, object, quad, period) instead of
        one per claim (:mod:`graph.render.aggregated_data`); a click lists its
        claims the page holds (*examples*) and says how to see them all.
        No reader panel and no JSON export on such a page.
    examples : int
        An aggregated page's claims per edge (default
        :data:`~graph.render.aggregated_data.EXAMPLES`; the others are counted).
    top : int or None
        An aggregated page keeps only the *top* heaviest edges (most claims), and says so
        (default :data:`~graph.render.aggregated_data.TOP`; None: every edge).
    server : dict, optional
        The page is served by ``actorgraph serve`` (:mod:`graph.serve`): this is
        its ``server`` block, and the page may fetch from its own origin.
    data : dict, optional
        The page data made already (as :func:`~graph.render.data.page_parts` or
        :func:`~graph.render.aggregated_data.aggregated_parts` make it): *ds* then gives only the title.

    Returns
    -------
    str
        A complete HTML document with every script and stylesheet inline.
    """
    from markupsafe import Markup

    # The page data is hundreds of thousands of small dicts and lists that all live until the page is
    # written: the cyclic collector would walk them (and the dataset) again and again, for nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if data is not None:
            aggregate = data["aggregate"]["by"] if "aggregate" in data else None
        elif aggregate is None:
            data = page_parts(ds, physics=physics, layout_threshold=layout_threshold, texts=texts)
        else:
            data = aggregated_parts(
                ds, by=aggregate, examples=examples, top=top, physics=physics, layout_threshold=layout_threshold
            )
        agg = data.get("aggregate") or {}
        kept = f", the {agg['top']:,} heaviest of {agg['edges']:,} edges" if agg.get("top") else ""
        del agg
        if server is not None:
            data["server"] = server
        data_json = escape_json(data, compact=True)  # the nodes last: written once the layout is done
        del data
    finally:
        if was_enabled:
            gc.enable()
    vis_js, vis_css = vis_assets()
    names = SCRIPTS if aggregate is None else AGGREGATED_SCRIPTS
    if server is not None:  # server.js: what the page fetches from its server, before app.js, which calls it
        names = names[: names.index("app.js")] + ("server.js",) + names[names.index("app.js") :]
    own_js = [own_asset(name) for name in names]
    # each inline script's exact text, hashed for the Content-Security-Policy
    scripts = [vis_js, *own_js]
    csp = (
        "default-src 'none'; script-src "
        + " ".join(f"'{sha256(s)}'" for s in scripts)
        + "; style-src 'unsafe-inline'; img-src data: blob:; connect-src "
        + ("'self'" if server is not None else "'none'")
        + "; font-src 'none'; "
        "object-src 'none'; base-uri 'none'; form-action 'none'"
    )
    page = template().render(
        title=title
        or default_title(ds)
        + (
            f", claims per {aggregate}"
            if aggregate in ("month", "year")
            else ", claims per pair and quad"
            if aggregate == "all"
            else ""
        )
        + kept,
        csp=csp,
        vis_css=Markup(vis_css),
        app_css=Markup(own_asset("app.css")),
        vis_js=Markup(vis_js),
        app_scripts=[Markup(js) for js in own_js],
        data_json=Markup(_DATA_MARK),
    )
    # the data (tens of megabytes for a large graph) put in once, not copied through the template
    head, _mark, tail = page.rpartition(_DATA_MARK)  # the last one: only our scripts come after it
    return head + data_json + tail


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
    return (
        f'<iframe srcdoc="{_html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd;border-radius:4px" '
        'sandbox="allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox" '
        'title="actorgraph" loading="lazy"></iframe>'
    )
