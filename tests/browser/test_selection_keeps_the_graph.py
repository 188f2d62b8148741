"""Selecting a claim never empties the graph: after every way of selecting a relation, vis-network
still holds and draws every visible relation, and Reset restores the whole graph.

Regression test of the explorer issue: on every page below 2,000 relations, selecting a relation
left one edge drawn while the page's own bookkeeping (``visibleEdgeIds``) still listed them all.
These tests read what vis-network holds (``network.body``) and the canvas's pixels, never only
the page's bookkeeping.
"""

from __future__ import annotations

import pytest

import graph
from graph.render import write_html

from .conftest import ROOT
from .drawn import assert_draws, ink, redraw, synthetic, wait_drawn


def _claims(ds):
    return {r.id for r in ds.relations() if r.subject in ds.entities and r.object in ds.entities}


def _click_first_clear_edge(p, ds):
    """Click, with the mouse, a relation whose midpoint nothing else covers; return its id."""
    for rid in sorted(_claims(ds)):
        pt = p.js(
            """(rid) => {
            const q = actorgraph.edgePoint(rid);
            if (!q) return null;
            const r = document.getElementById('ag-network').getBoundingClientRect();
            const local = {x: q.x - r.left, y: q.y - r.top};
            if (local.x < 5 || local.y < 5 || local.x > r.width - 5 || local.y > r.height - 5) return null;
            if (network.getNodeAt(local) !== undefined) return null;
            const hit = network.getEdgeAt(local);
            const claimsOf = actorgraph.claimsOfEdge || (id => [String(id).replace(/^\\u2060/, '')]);
            return hit !== undefined && claimsOf(hit).includes(rid) ? q : null;
        }""",
            rid,
        )
        if pt:
            p.page.mouse.click(pt["x"], pt["y"])
            return rid
    raise AssertionError("no relation could be clicked on its own")


@pytest.fixture(scope="module")
def claimant_page(tmp_path_factory):
    ds = graph.load(ROOT / "examples" / "many-sources")
    return ds, write_html(ds, tmp_path_factory.mktemp("claimants") / "many.html")


def test_every_way_of_selecting_a_relation_keeps_the_graph_drawn(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    want = _claims(seed_ds)
    assert_draws(p, seed_ds, want)
    before = ink(p)
    # 1. a click with the mouse
    rid = _click_first_clear_edge(p, seed_ds)
    assert p.js("actorgraph.state().sel")[0] == "edge"
    assert p.js("network.getSelectedEdges()") == [p.js("(r) => actorgraph.edgeOfClaim(r)", rid)]
    assert_draws(p, seed_ds, want)
    assert ink(p) > 0.8 * before, "the canvas lost most of its drawing after a click on a relation"
    # 2. a claim link in a panel: open an entity, click its first relation
    p.js("actorgraph.select('node', 'PAK', false)")
    p.page.locator("#ag-panel li button").first.click()
    assert p.js("actorgraph.state().sel")[0] == "edge"
    assert_draws(p, seed_ds, want)
    # 3. a highlighted quote in the reader
    sid = next(iter(seed_ds.sources))
    p.js("(sid) => actorgraph.reader.open(sid)", sid)
    p.page.locator("#ag-reader mark").nth(3).click()
    assert p.js("actorgraph.state().sel")[0] == "edge"
    assert_draws(p, seed_ds, want)
    # 4. a search result (an actor), then Reset
    p.page.fill("#ag-search", "Islamabad")
    p.page.press("#ag-search", "Enter")
    assert p.js("actorgraph.state().sel") == ["node", "PAK"]
    assert_draws(p, seed_ds, want)
    p.page.click("#ag-reset")
    assert_draws(p, seed_ds, want)
    assert ink(p) > 0.8 * before
    p.assert_clean()


def test_a_relation_in_the_url_fragment_keeps_the_graph_drawn(open_page, seed_page, seed_ds):
    rid = sorted(_claims(seed_ds))[5]
    p = open_page(seed_page, f"relation={rid}")
    assert p.js("actorgraph.state().sel") == ["edge", rid]
    assert_draws(p, seed_ds, _claims(seed_ds))
    # the selected relation is the one vis-network shows selected
    sel = p.js("network.getSelectedEdges()")
    assert len(sel) == 1 and rid in p.js("(e) => (actorgraph.claimsOfEdge || (id => [id]))(e)", sel[0])
    p.page.click("#ag-reset")
    assert_draws(p, seed_ds, _claims(seed_ds))
    assert p.js("network.getSelectedEdges()") == []


def test_selection_with_the_claimant_links_shown(open_page, claimant_page):
    ds, path = claimant_page
    p = open_page(path, "claimants=1")
    want = _claims(ds)
    links = p.js("actorgraph.visibleClaimantLinks()")
    assert links, "the example has claimants"
    assert_draws(p, ds, want, links=len(links))
    _click_first_clear_edge(p, ds)
    assert_draws(p, ds, want, links=len(links))
    p.page.click("#ag-reset")
    assert_draws(p, ds, want, links=len(links))


def test_selection_on_a_page_with_level_of_detail(open_page, tmp_path):
    """Above 2,000 relations the page hands relations to vis-network in chunks: a selection made
    before it holds them all, and after, keeps every relation drawn."""
    ds = synthetic(400, 2400, seed=7, pairs=300)
    path = write_html(ds, tmp_path / "lod.html")
    p = open_page(path)
    assert p.js("actorgraph.lod().enabled") is True
    want = _claims(ds)
    rid = sorted(want)[0]
    p.js("(id) => actorgraph.select('edge', id, false)", rid)  # perhaps before every chunk is held
    wait_drawn(p, len(want))
    assert_draws(p, ds, want)
    p.js("(id) => actorgraph.select('edge', id, false)", sorted(want)[1])
    redraw(p)
    assert_draws(p, ds, want)
    p.page.click("#ag-reset")
    assert_draws(p, ds, want)


def test_another_vis_network_version_draws_with_its_own_code(open_page, tmp_path):
    """The level-of-detail drawing replaces vis-network's private drawing functions only for the version
    it was written for: with any other, the page hands every edge to vis-network at once and draws
    (and selects) with vis-network's own code."""
    from graph.render import render_html

    ds = synthetic(400, 2400, seed=3)
    html = render_html(ds)
    assert '"vis_version":"9.1.2"' in html
    page = tmp_path / "other-version.html"
    page.write_text(html.replace('"vis_version":"9.1.2"', '"vis_version":"9.9.9"'), encoding="utf-8")
    p = open_page(page)
    lod = p.js("actorgraph.lod()")
    assert lod["enabled"] is True and lod["active"] is False and "9.9.9" in lod["reason"]
    assert lod["pending"] == 0 and lod["batched"] == 0
    assert p.js("network.renderer._drawEdges === Object.getPrototypeOf(network.renderer)._drawEdges") is True
    want = _claims(ds)
    assert_draws(p, ds, want)
    assert ink(p) > 0.01
    p.js("(id) => actorgraph.select('edge', id, false)", sorted(want)[0])
    assert_draws(p, ds, want)
    p.assert_clean()
