"""The review page in real Chromium: accept, edit, reject, a new claim from a selection, a new
entity, save and reload; hostile text stays text. The server runs on 127.0.0.1 (a free port)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.draft.output import read_draft
from graph.review import serve

from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.browser

TEXT = ROOT / "tests" / "draft" / "ministries.txt"


@pytest.fixture
def review(browser, tmp_path, monkeypatch):
    """``review(text_file)``: drafts the text against a copy of data/, serves the draft, opens the page."""
    opened = []

    def _open(text_file):
        shutil.copytree(DATA, tmp_path / "data", dirs_exist_ok=True)
        shutil.copy(text_file, tmp_path / "data" / "texts" / text_file.name)
        monkeypatch.chdir(tmp_path)
        r = CliRunner().invoke(main, ["draft", f"data/texts/{text_file.name}"])
        assert r.exit_code == 0, r.output
        srv = serve(tmp_path / "drafts" / f"{text_file.stem}.yaml")
        srv.start()
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        seen = {"other": [], "errors": [], "dialogs": []}
        origin = f"http://127.0.0.1:{srv.port}/"

        def route(rt):
            if rt.request.url.startswith(origin):
                rt.continue_()
            else:
                seen["other"].append(rt.request.url)
                rt.abort()

        ctx.route("**/*", route)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.goto(srv.url)
        page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=20000)
        opened.append((srv, ctx))
        return srv, page, seen

    yield _open
    for srv, ctx in opened:
        ctx.close()
        srv.shutdown()
        srv.server_close()


def cands(page):
    return page.evaluate("() => actorgraphReview.state().cands.map(c => [c.subject, c.type, c.object, c.status])")


def select_text(page, words):
    """Select *words* of the article as a user would drag over them."""
    page.evaluate("""(words) => {
        const box = document.getElementById('ag-text');
        const full = box.textContent, at = full.indexOf(words);
        if (at < 0) throw new Error('not in the article: ' + words);
        let pos = 0, range = document.createRange(), started = false;
        for (const span of box.children) {
            const t = span.firstChild, n = span.textContent.length;
            if (!started && at < pos + n) { range.setStart(t, at - pos); started = true; }
            if (started && at + words.length <= pos + n) { range.setEnd(t, at + words.length - pos); break; }
            pos += n;
        }
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", words)


def test_accept_edit_reject_new_claim_save_reload(review, tmp_path):
    srv, page, seen = review(TEXT)
    text = TEXT.read_text(encoding="utf-8")
    assert page.text_content("#ag-text") == text
    n_mentions = len(json.loads(json.dumps(srv.session.doc["draft"]["mentions"])))
    assert page.locator("#ag-text .ag-mention").count() >= n_mentions - 1
    first = cands(page)
    assert len(first) >= 5 and all(c[3] == "draft" for c in first)

    page.keyboard.press("a")                                   # accept the first
    page.keyboard.press("r")                                   # reject the second
    page.select_option("#ag-ed-type", "SANCTION")               # edit the third, then accept it
    page.select_option("#ag-ed-mode", "expel")
    page.select_option("#ag-ed-modality", "speculated")
    page.click("#ag-accept")
    now = cands(page)
    assert [c[3] for c in now[:3]] == ["accepted", "rejected", "accepted"] and now[2][1] == "SANCTION"
    assert page.locator("#ag-cands li.ag-selected").count() == 1

    select_text(page, "Chinese officials offered to mediate")  # a new claim from a selection
    page.keyboard.press("n")
    page.select_option("#ag-ed-subject", "CHN")
    page.select_option("#ag-ed-object", "IRN")
    page.select_option("#ag-ed-type", "CONSULT")
    page.select_option("#ag-ed-mode", "third-party")
    page.click("#ag-accept")
    made = page.evaluate("() => actorgraphReview.state().cands.slice(-1)[0]")
    assert made["evidence"][0]["quote"] == "Chinese officials offered to mediate" and made["status"] == "accepted"

    row = page.locator("#ag-names li", has_text="Lena Markova")          # a new entity from a new name
    row.locator("select.ag-kind").select_option("person")
    row.locator("button.ag-add").click()

    page.click("#ag-save")
    page.wait_for_function("() => document.getElementById('ag-status').textContent.startsWith('saved')")
    assert "saved 3 claims and 1 entities" in page.text_content("#ag-status")
    ds = graph.load(tmp_path / "data")
    mine = ds.relations(source="ministries")
    assert len(mine) == 3 and {(r.subject, r.type, r.object) for r in mine} >= {("CHN", "CONSULT", "IRN")}
    assert any(r.type == "SANCTION" and r.mode == "expel" and r.modality == "speculated" for r in mine)
    assert ds.entity("Lena Markova").kind == "person"
    draft = read_draft((tmp_path / "drafts" / "ministries.yaml").read_text(encoding="utf-8"), "d")
    assert [r["status"] for r in draft["relations"]][:3] == ["saved", "rejected", "saved"]

    page.reload()                                              # reload: the decisions are kept
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    again = cands(page)
    assert [c[3] for c in again[:3]] == ["saved", "rejected", "saved"] and again[-1][3] == "saved"
    assert page.locator("#ag-cands .ag-st-rejected").count() == 1
    assert seen == {"other": [], "errors": [], "dialogs": []}


def test_invalid_save_shows_the_problem_inline(review, tmp_path):
    srv, page, seen = review(TEXT)
    page.evaluate("() => { const c = actorgraphReview.state().cands[0]; c.subject = 'NOPE'; }")
    page.keyboard.press("a")
    page.keyboard.press("s")
    page.wait_for_function("() => document.getElementById('ag-problems').textContent.length > 0")
    assert "unknown entity 'NOPE'" in page.text_content("#ag-problems")
    assert not (tmp_path / "data" / "ministries.yaml").exists()
    assert seen["errors"] == []


def test_hostile_text_stays_text(review, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text('Iran accused <img src=x onerror="window.__pwned=1"> Russia of <script>window.__pwned=2'
                       '</script> lying. Dr <b>Evil</b> Markova said "Tehran" \u2019s fine.\n', encoding="utf-8")
    srv, page, seen = review(hostile)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#ag-text img, #ag-text script, #ag-text b, #ag-cands img").count() == 0
    assert "<img src=x" in page.text_content("#ag-text")
    page.keyboard.press("j")
    assert page.evaluate("() => window.__pwned") is None
    assert seen["other"] == [] and seen["dialogs"] == []
