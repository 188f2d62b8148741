"""A large graph (Python layout, no physics) and the notebook iframe, in Chromium."""

from __future__ import annotations

import random

from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import LAYOUT_THRESHOLD, notebook_html, write_html

# Waits that only guard against a hang: they never decide a test on a slow or loaded machine.
HANG = 300_000  # ms


def opened(open_page, path):
    """The page at *path*, once drawn (however long a loaded machine takes)."""
    p = open_page(path, wait=False)
    p.page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=HANG)
    return p


def synthetic(n, m, seed=5):
    rnd = random.Random(seed)
    kinds = ["state", "office", "person", "armed_group", "organisation"]
    ents = {
        f"E{i}": Entity(id=f"E{i}", name=f"Entity {i}", kind=kinds[i % 5], aliases=(f"Alias {i}",)) for i in range(n)
    }
    rels = []
    for i in range(m):
        rels.append(
            Relation(
                id=f"r{i}",
                subject=f"E{rnd.randrange(n)}",
                object=f"E{rnd.randrange(n)}",
                type=rnd.choice(["AID", "ACCUSE", "CONSULT", "ASSAULT"]),
                modality=rnd.choice(["reported", "claimed"]),
                polarity=rnd.choice([-9, -3, 2.5, 10]),
                evidence=(Evidence("s", f"quote {i}"),),
            )
        )
    return Dataset({"s": Source(id="s", title="Synthetic")}, ents, rels)


def test_large_graph_is_drawn_without_physics(open_page, tmp_path):
    ds = synthetic(LAYOUT_THRESHOLD * 2, 1500)
    p = opened(open_page, write_html(ds, tmp_path / "large.html"))
    assert p.js("network.physics.options.enabled") is False
    nodes, edges = p.visible()
    assert len(nodes) == len(ds.entities) and len(edges) == len(ds)
    # positions are those computed in Python, not moved
    pos = p.js("network.getPositions(['E0']).E0")
    node = p.js("network.body.data.nodes.get('E0')")
    assert abs(pos["x"] - node["x"]) <= 1 and abs(pos["y"] - node["y"]) <= 1  # getPositions rounds
    p.js("actorgraph.search('Alias 17')")
    assert p.js("network.getSelectedNodes()") == ["E17"]
    p.page.locator("#ag-f-modality label", has_text="claimed").locator("input").uncheck()
    assert p.visible()[1] == {r.id for r in ds.relations(modality="reported")}
    p.assert_clean()


def test_notebook_iframe_shows_the_page(open_page, tmp_path, seed_ds):
    # (physics off: what is tested is the page in its sandboxed iframe, not how long a layout
    # takes to settle on a loaded machine)
    host = tmp_path / "notebook.html"
    host.write_text(
        "<!DOCTYPE html><html><body><h1>notebook</h1>"
        + notebook_html(seed_ds.view(focus="TAL"), physics=False)
        + "</body></html>",
        encoding="utf-8",
    )
    p = open_page(host, wait=False)
    frame = p.page.frame_locator("iframe")
    frame.locator("#ag-counts").wait_for(timeout=HANG)
    inner = next(f for f in p.page.frames if f != p.page.main_frame)
    inner.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=HANG)
    view = seed_ds.view(focus="TAL")
    # vis-network in the frame draws every claim of the view (each of its lines stands for one or more)
    drawn = inner.evaluate(
        "() => network.body.edgeIndices.filter(id => network.body.edges[id].connected)"
        ".reduce((n, id) => n + actorgraph.claimsOfEdge(id).length, 0)"
    )
    assert drawn == len(view)
    assert inner.evaluate("typeof window.network.getPositions") == "function"
    p.assert_clean()


def test_level_of_detail_page_draws_holds_and_selects_every_edge(open_page, tmp_path):
    # above 2,000 edges: zoomed out, edges and nodes are stroked in batches; vis-network gets the
    # edges after the first frame, and until then the page draws them, finds them under a click
    # and hands one over when it is selected
    ds = synthetic(LAYOUT_THRESHOLD * 3, 3000)
    hostile = Entity(id="E1", name="</script><img src=x onerror=window.__pwned=1>", kind="person")
    ds = Dataset(ds.sources, {**ds.entities, "E1": hostile}, list(ds.relations()))
    p = opened(open_page, write_html(ds, tmp_path / "lod.html"))
    lod = p.js("actorgraph.lod()")
    assert lod["enabled"] is True and lod["active"] is True
    assert p.js("network.getScale()") < lod["scale"]
    assert lod["batched"] > 0  # the fitted view: batched plain lines
    # an edge selected before vis-network holds it is handed over and shown
    rid = next(r.id for r in ds.relations() if r.subject != r.object)
    p.js(f"actorgraph.select('edge', {rid!r}, false)")
    assert p.js("network.getSelectedEdges()") == [p.js(f"actorgraph.edgeOfClaim({rid!r})")]
    assert rid in p.panel_text()
    p.page.wait_for_function("() => actorgraph.lod().completeAt !== null", timeout=HANG)
    assert p.visible()[1] == {r.id for r in ds.relations()}  # vis-network holds and draws every claim
    assert p.js("actorgraph.lod().pending") == 0
    # a click on the middle of a line selects its relation (zoomed out: batched, or found by the page)
    other = next(r for r in ds.relations() if r.subject != r.object and r.id != rid)
    p.js("actorgraph.select(null, null)")
    p.js(f"network.moveTo({{position: network.getPositions([{other.subject!r}])[{other.subject!r}], scale: 0.2}})")
    pt = p.js(f"actorgraph.edgePoint({other.id!r})")
    p.page.mouse.click(pt["x"], pt["y"])
    sel = p.js("actorgraph.state().sel")
    assert sel and sel[0] == "edge"  # that relation, or one crossing the same spot
    # tooltips are made when shown, as text (the hostile name is not markup)
    title = p.js("network.body.nodes['E1'].getTitle()")
    assert title.startswith(hostile.name + " (E1)") and "kind: person" in title
    subject = next(r.subject for r in ds.relations() if r.id == rid)
    assert p.js(f"network.body.edges[actorgraph.edgeOfClaim({rid!r})].getTitle()").startswith(
        f"{ds.entities[subject].name} → "
    )
    # zoomed in: vis-network draws the edges in view in full (no batch)
    p.js(f"network.moveTo({{position: network.getPositions([{other.subject!r}])[{other.subject!r}], scale: 1.2}})")
    p.js("network.redraw()")
    assert p.js("actorgraph.lod().batched") == 0
    # filters still apply to every edge
    p.page.locator("#ag-f-modality label", has_text="claimed").locator("input").uncheck()
    assert p.visible()[1] == {r.id for r in ds.relations(modality="reported")}
    assert p.js("window.__pwned") is None
    p.assert_clean()


def test_a_laid_out_page_opens_with_the_whole_graph_in_view(open_page, tmp_path):
    # the page fits the view to the laid-out positions itself (vis-network's own first fit, which
    # measures every label, is skipped): every node in view, none far from its edge, as vis-network's fit
    ds = synthetic(LAYOUT_THRESHOLD * 2, 1500)
    p = opened(open_page, write_html(ds, tmp_path / "large.html"))
    box = p.js("""(() => {
        var c = network.canvas.frame.canvas, pos = network.getPositions(), xs = [], ys = [];
        Object.keys(pos).forEach(function (id) { var d = network.canvasToDOM(pos[id]); xs.push(d.x); ys.push(d.y); });
        return {w: c.clientWidth, h: c.clientHeight, x0: Math.min.apply(null, xs), x1: Math.max.apply(null, xs),
                y0: Math.min.apply(null, ys), y1: Math.max.apply(null, ys)};
    })()""")
    assert 0 <= box["x0"] < box["x1"] <= box["w"] and 0 <= box["y0"] < box["y1"] <= box["h"], box
    # it fills the view along one side (as vis-network's fit: the graph and a margin of about 5 % a side)
    assert max((box["x1"] - box["x0"]) / box["w"], (box["y1"] - box["y0"]) / box["h"]) > 0.8, box
    scale = p.js("network.getScale()")
    p.js("network.fit({animation: false})")
    assert abs(p.js("network.getScale()") - scale) / scale < 0.1  # vis-network's own fit agrees
    p.assert_clean()
