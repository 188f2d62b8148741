"""The page's static assets: vis-network (vendored), our own scripts and styles, the template."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources

__all__ = ["vis_assets", "vis_version", "own_asset", "template", "sha256"]

_ASSETS = {}


#: the vis-network the page inlines: vendored with its version in the file names (the same files pyvis
#: 0.3.2 bundles; static/vendor/LICENSE-vis-network-9.1.2.txt), read as package data
VIS_NETWORK = ("vendor/vis-network-9.1.2.min.js", "vendor/vis-network-9.1.2.css")


def vis_assets() -> tuple:
    """``(javascript, css)`` of vis-network (:data:`VIS_NETWORK`), ready to inline.

    The source-map comment is dropped (a browser would try to fetch it).

    >>> js, css = vis_assets()
    >>> "vis-network" in js and "</script" not in js.lower() and "sourceMappingURL" not in js
    True
    """
    if "vis" not in _ASSETS:
        js, css = (own_asset(name) for name in VIS_NETWORK)
        js = re.sub(r"//# sourceMappingURL=\S*", "", js)
        css = re.sub(r"/\*# sourceMappingURL=\S*\s*\*/", "", css)
        for text, tag in ((js, "script"), (css, "style")):
            if re.search(rf"</{tag}|<!--", text, re.I):  # pragma: no cover - would end the block early
                raise RuntimeError(f"vis-network asset contains '</{tag}' and cannot be inlined")
        _ASSETS["vis"] = (js, css)
    return _ASSETS["vis"]


def vis_version() -> str:
    """The version of the vis-network that :func:`vis_assets` inlines (from its header comment):
    the page's level-of-detail drawing (static/lod.js) runs only on the version it was written for.

    >>> vis_version()
    '9.1.2'
    """
    if "vis_version" not in _ASSETS:
        m = re.search(r"@version\s+(\S+)", vis_assets()[0][:2000])
        _ASSETS["vis_version"] = m.group(1) if m else "unknown"
    return _ASSETS["vis_version"]


def own_asset(name):
    if name not in _ASSETS:
        _ASSETS[name] = resources.files("graph.render").joinpath("static", *name.split("/")).read_text(encoding="utf-8")
    return _ASSETS[name]


def template():
    if "template" not in _ASSETS:
        from jinja2 import Environment, PackageLoader, select_autoescape

        env = Environment(
            loader=PackageLoader("graph.render", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            keep_trailing_newline=True,
        )
        _ASSETS["template"] = env.get_template("page.html.j2")
    return _ASSETS["template"]


def sha256(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
