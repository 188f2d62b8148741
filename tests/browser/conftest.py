"""Real-browser tests of the rendered page: Playwright driving Debian's Chromium.

One browser per session; one fresh context (and page) per test. Every request
other than the page's own file is aborted and recorded, so a test can assert
that the page attempts none. Console errors, page errors, dialogs and
Content-Security-Policy violations are recorded too.

Without Chromium the tests are skipped locally, and fail when ``CI`` is set.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import graph
from graph.render import write_html

ROOT = Path(__file__).resolve().parent.parent.parent
from tests.conftest import DATA  # noqa: E402 - the seed (a copy: never the user's data/)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    """Every test of this folder drives a browser: ``-m "not browser"`` leaves them out."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def chromium_path():
    for p in (
        os.environ.get("ACTORGRAPH_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if p and os.path.exists(p):
            return p
    return None


def _unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    exe = chromium_path()
    if exe is None:
        _unavailable("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
    except Exception as exc:  # a broken chromium install
        pw.stop()
        _unavailable(f"chromium does not start: {exc}")
    yield b
    b.close()
    pw.stop()


# Recorded before any page script runs: CSP violations and any payload's side effects.
INIT_SCRIPT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@dataclass
class Loaded:
    """A loaded page and what happened while it was open."""

    page: object
    url: str
    requests: list = field(default_factory=list)  # blocked requests (anything but the file)
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg) if arg is not None else self.page.evaluate(expr)

    def visible(self):
        """``(entity ids, claim ids)`` that vis-network holds and draws (tests/browser/drawn.py): the
        nodes in its body, and the claims its edges stand for (an edge of merged parallel claims
        stands for several), each drawn edge checked to join its claims' ends. On a large page, once
        vis-network holds every edge (the page hands them over in chunks)."""
        from .drawn import drawn, drawn_claims, grouping, redraw

        self.page.wait_for_function("() => actorgraph.lod().pending === 0", timeout=60000)
        redraw(self)
        return drawn(self)[0], drawn_claims(self, grouped=grouping(self))[0]

    def panel_text(self):
        return self.page.text_content("#ag-panel")

    def assert_clean(self):
        assert self.requests == [], f"the page attempted requests: {self.requests}"
        assert self.console_errors == [], self.console_errors
        assert self.page_errors == [], self.page_errors
        assert self.dialogs == [], self.dialogs
        assert self.js("window.__csp") == []


@pytest.fixture
def open_page(browser):
    """``open_page(path, fragment="")`` loads a rendered page and waits until it is drawn (*init*: a
    script to run before the page's own)."""
    contexts = []

    def _open(path, fragment="", *, wait=True, viewport=(1400, 900), init=None):
        ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
        contexts.append(ctx)
        page = ctx.new_page()
        url = Path(path).resolve().as_uri()
        loaded = Loaded(page, url)

        def route(r):
            u = r.request.url
            if u.split("#")[0] == url:
                r.continue_()
            else:
                loaded.requests.append(u)
                r.abort()

        ctx.route("**/*", route)
        page.on("console", lambda m: loaded.console_errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: loaded.page_errors.append(str(e)))

        def on_dialog(d):
            loaded.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.add_init_script(INIT_SCRIPT)
        if init:
            page.add_init_script(init)
        page.goto(url + (("#" + fragment) if fragment else ""))
        if wait:
            # every wait_for_function predicate is a function ("() => ..."): Playwright would eval()
            # a bare expression in the page on each poll, which the page's CSP (rightly) refuses
            # (a wait that only guards against a hang: a loaded machine is slow, and speed is measured in benchmarks/)
            page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=300_000)
        return loaded

    yield _open
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def seed_ds():
    return graph.load(DATA)


@pytest.fixture(scope="session")
def pages(tmp_path_factory):
    return tmp_path_factory.mktemp("pages")


@pytest.fixture(scope="session")
def seed_page(seed_ds, pages):
    return write_html(seed_ds, pages / "seed.html")
