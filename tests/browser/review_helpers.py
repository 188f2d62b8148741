"""Helpers of the review page's browser tests: the seed in a folder, the page opened in Chromium,
text selected as a user drags over it, candidates found by their content (not their position)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

from graph.review import serve
from tests.seed import copy_seed

ROOT = Path(__file__).resolve().parent.parent.parent
MINISTRIES = ROOT / "tests" / "review" / "ministries.txt"  # (the text its committed draft was made from)
MINISTRIES_DRAFT = ROOT / "tests" / "review" / "ministries-draft.yaml"


def seed_folder(root: Path) -> Path:
    """*root*/data holding the seed and its stored text (tests/seed.py: never the user's own data)."""
    return copy_seed(root / "data")


def ministries(root: Path) -> Path:
    """*root* with the seed, the constructed text tests/review/ministries.txt and its committed draft
    in drafts/ministries.yaml (made once with the drafter: the tests do not change with it)."""
    seed_folder(root)
    shutil.copy(MINISTRIES, root / "data" / "texts" / "ministries.txt")
    (root / "drafts").mkdir()
    shutil.copy(MINISTRIES_DRAFT, root / "drafts" / "ministries.yaml")
    return root


@contextmanager
def review_page(browser, draft, *, into=None):
    """``(server, page, seen)``: the draft served on 127.0.0.1 and its page open in Chromium; *seen*
    records requests to anywhere else (aborted), page errors, console errors and dialogs."""
    srv = serve(draft, into=into)
    srv.start()
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = ctx.new_page()
        seen = {"other": [], "errors": [], "dialogs": []}
        origin = f"http://127.0.0.1:{srv.port}/"

        def route(rt):
            url = rt.request.url
            if url.startswith(origin) and not url.startswith(origin + "favicon"):
                rt.continue_()
            else:
                if not url.startswith(origin + "favicon"):
                    seen["other"].append(url)
                rt.abort()

        ctx.route("**/*", route)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.goto(srv.url)
        ready(page)
        yield srv, page, seen
    finally:
        ctx.close()
        srv.shutdown()
        srv.server_close()


def ready(page):
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=20000)


def kept(page):
    """Wait until the page's last change is kept in the draft (the page says so)."""
    page.wait_for_function(
        "() => document.getElementById('ag-kept').textContent === 'kept in the draft'", timeout=20000
    )


def select_text(page, words, where="#ag-text"):
    """Select *words* inside the element *where* (the article, or a quote box), as a drag would."""
    page.evaluate(
        """([words, where]) => {
        const box = document.querySelector(where);
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        const nodes = []; let full = '';
        while (walker.nextNode()) { nodes.push([walker.currentNode, full.length]); full += walker.currentNode.data; }
        const at = full.indexOf(words);
        if (at < 0) throw new Error('not there: ' + words);
        const range = document.createRange();
        for (const [n, pos] of nodes) {
            if (at >= pos && at < pos + n.data.length) range.setStart(n, at - pos);
            const end = at + words.length;
            if (end > pos && end <= pos + n.data.length) { range.setEnd(n, end - pos); break; }
        }
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""",
        [words, where],
    )


def candidates(page):
    return page.evaluate("() => actorgraphReview.state().cands")


def go_to(page, test):
    """Click the listed candidate for which *test(candidate)* is true (the first), and return it."""
    for i, c in enumerate(candidates(page)):
        if test(c):
            page.click(f"#ag-cands li[data-index='{i}']")
            return c
    raise AssertionError("no such candidate")


def quotes(c):
    return [ev.get("quote") for ev in c.get("evidence") or []]


def entity_row(page, name):
    """Click the entity named *name* in the list of entities."""
    page.locator("#ag-ents li", has=page.locator(".ag-name", has_text=name)).first.click()


def type_into(page, selector, value):
    """Type *value* into a field and leave it with Escape, as the page's footer says (the page keeps a
    field's value when it changes; the keys act again once no field has the focus)."""
    page.fill(selector, value)
    page.press(selector, "Escape")
