"""The page's static assets: vis-network from pyvis, our own scripts and styles, the template."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import re
from importlib import resources

__all__ = ["vis_assets", "vis_version", "own_asset", "template", "sha256"]

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
        # the package's folder, without importing it (pyvis's __init__ brings IPython: half a second)
        spec = importlib.util.find_spec("pyvis")
        if spec is None or not spec.submodule_search_locations:  # pragma: no cover - pyvis is a dependency
            raise RuntimeError("pyvis is not installed; it provides vis-network") from None
        base = os.path.join(list(spec.submodule_search_locations)[0], "lib", "vis-9.1.2")
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
        _ASSETS[name] = resources.files("graph.render").joinpath("static", name).read_text(encoding="utf-8")
    return _ASSETS[name]


def template():
    if "template" not in _ASSETS:
        from jinja2 import Environment, PackageLoader, select_autoescape
        env = Environment(loader=PackageLoader("graph.render", "templates"),
                          autoescape=select_autoescape(default=True, default_for_string=True),
                          keep_trailing_newline=True)
        _ASSETS["template"] = env.get_template("page.html.j2")
    return _ASSETS["template"]


def sha256(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
