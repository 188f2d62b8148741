"""A user's journey through the page, step by step, on the seed, on examples/many-sources and on a
generated page of 3,000 claims (level of detail): open, search an actor, focus on its neighbourhood,
click a relation, open its source in the reader, click a highlighted quote, change the filters (type,
modality, time, source, contested only, show claimants), reload from the URL, Reset.

After every step the claims vis-network draws (its body, each drawn edge checked to join its claims'
ends) are compared with the claims the filters must show, worked out in Python from the page's state
(graph/filters.py, Dataset.view: drawn.expected_claims), and each step checks that the state changed
as the user asked.
"""

from __future__ import annotations

import re

import pytest

import graph
from graph.render import write_html

from .conftest import ROOT
from .drawn import assert_draws, expected_claims, synthetic, texts


@pytest.fixture(scope="module")
def journeys(tmp_path_factory, seed_ds, seed_page):
    out = tmp_path_factory.mktemp("journey")
    many = graph.load(ROOT / "examples" / "many-sources")
    big = synthetic(600, 3000, seed=11, pairs=400)
    return {
        "seed": (seed_ds, seed_page, "Islamabad"),
        "many-sources": (many, write_html(many, out / "many.html"), "the Taliban"),
        "generated": (big, write_html(big, out / "big.html", texts=texts(big)), "Alias 7"),
    }


def check(p, ds, *, links=None):
    """vis-network draws exactly the claims the page's filters must show."""
    st = p.js("actorgraph.state()")
    want = expected_claims(ds, st)
    p.page.wait_for_function("() => actorgraph.lod().pending === 0", timeout=60000)
    assert_draws(p, ds, want)
    return st, want


def _still(p):
    """Wait until the view stops moving (a focus fits the view with an animation)."""
    p.page.wait_for_function(
        """() => {
        const v = network.getScale() + ',' + JSON.stringify(network.getViewPosition());
        const same = v === window.__lastView;
        window.__lastView = v;
        return same; }""",
        polling=150,
        timeout=10000,
    )


def _clear_edge(p, want):
    """A drawn relation whose midpoint nothing else covers, and that point."""
    _still(p)
    for rid in sorted(want):
        pt = p.js(
            """(rid) => {
            const q = actorgraph.edgePoint(rid);
            if (!q) return null;
            const r = document.getElementById('ag-network').getBoundingClientRect();
            const local = {x: q.x - r.left, y: q.y - r.top};
            if (local.x < 5 || local.y < 5 || local.x > r.width - 5 || local.y > r.height - 5) return null;
            if (network.getNodeAt(local) !== undefined) return null;
            const hit = network.getEdgeAt(local);
            return hit !== undefined && (actorgraph.claimsOfEdge || (id => [id]))(hit).includes(rid) ? q : null;
        }""",
            rid,
        )
        if pt:
            return rid, pt
    return None, None


def _box(p, section, label):
    return p.page.locator(f"#{section} label", has_text=re.compile(rf"^{re.escape(label)}")).first.locator("input")


@pytest.mark.parametrize("which", ["seed", "many-sources", "generated"])
def test_a_journey_through_the_page(open_page, journeys, which):
    ds, path, alias = journeys[which]
    p = open_page(path)
    # open: everything
    st, want = check(p, ds)
    assert want == {r.id for r in ds.relations() if r.subject in ds.entities and r.object in ds.entities}
    # search an actor (by an alias)
    p.page.fill("#ag-search", alias)
    p.page.press("#ag-search", "Enter")
    actor = ds.entity(alias).id
    assert p.js("actorgraph.state().sel") == ["node", actor]
    check(p, ds)
    # focus on its neighbourhood, one hop (the panel's button)
    p.page.locator("#ag-panel button", has_text="Only its neighbourhood").click()
    st, want = check(p, ds)
    assert (st["focus"], st["hops"]) == (actor, 1) and want
    # click a relation with the mouse
    rid, pt = _clear_edge(p, want)
    assert rid is not None, "no relation of the neighbourhood could be clicked on its own"
    p.page.mouse.click(pt["x"], pt["y"])
    sel = p.js("actorgraph.state().sel")
    assert sel[0] == "edge" and p.js("network.getSelectedEdges()") == [
        p.js("(r) => (actorgraph.edgeOfClaim || (x => x))(r)", rid)
    ]
    if len(sel) > 2:  # a line of several claims: its list; open the claim clicked
        p.page.locator("#ag-panel li button", has_text=re.compile(r"^[A-Z_]+(/\w+)?$")).first.click()
    rid = p.js("actorgraph.state().sel")[1]
    check(p, ds)
    # open its source in the reader, click a highlighted quote
    read = p.page.locator("#ag-panel button.ag-read").first
    if read.count():
        read.click()
        assert p.js("actorgraph.reader.current()") is not None
        check(p, ds)
        p.page.locator("#ag-reader mark").first.click()
        assert p.js("actorgraph.state().sel")[0] == "edge"
        check(p, ds)
        p.page.click(".ag-reader-close")
    # change the filters, one after the other, each on top of the last
    p.js("actorgraph.setFocus(null)")
    check(p, ds)
    type_ = sorted({r.type for r in ds.relations()})[0]
    _box(p, "ag-f-type", type_).uncheck()
    st, _ = check(p, ds)
    assert type_ not in st["types"]
    modality = "claimed" if any(r.modality == "claimed" for r in ds.relations()) else "reported"
    _box(p, "ag-f-modality", modality).uncheck()
    st, _ = check(p, ds)
    assert modality not in st["mods"]
    # time: the first slider one year on (a range on when it happened; undated claims kept)
    p.page.eval_on_selector(
        "#ag-f-time input[aria-label='from month']",
        "(el) => { el.value = String(+el.value + 12); el.dispatchEvent(new Event('input')); }",
    )
    st, _ = check(p, ds)
    assert st["from"] is not None
    p.page.locator("#ag-f-time label", has_text="include undated claims").locator("input").uncheck()
    st, _ = check(p, ds)
    assert st["undated"] is False
    if len(ds.sources) > 1:
        first = p.page.locator("#ag-f-source input").first
        first.uncheck()
        st, _ = check(p, ds)
        assert st["srcs"] is not None and len(st["srcs"]) == len({s for r in ds.relations() for s in r.sources}) - 1
    if p.page.locator("#ag-contested").is_visible():
        p.page.click("#ag-contested")
        st, want = check(p, ds)
        assert st["contested"] is True
    p.page.click("#ag-claimants")
    st, want = check(p, ds)
    assert st["claimants"] is True
    # reload from the URL: the same view
    url = p.page.url
    before = p.visible()
    q = open_page(path, url.split("#", 1)[1])
    assert q.js("actorgraph.state()") == {**st, "sel": q.js("actorgraph.state().sel")}
    assert q.visible() == before
    check(q, ds)
    # Reset: every claim again (claimants stay shown: a way of drawing, not a filter)
    p.page.click("#ag-reset")
    st, want = check(p, ds)
    assert want == {r.id for r in ds.relations() if r.subject in ds.entities and r.object in ds.entities}
    assert st["claimants"] is True and st["focus"] is None and st["types"] is None
    p.assert_clean()
    q.assert_clean()
