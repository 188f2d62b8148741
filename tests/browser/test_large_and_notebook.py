"""A large graph (Python layout, no physics) and the notebook iframe, in Chromium."""

from __future__ import annotations

import random

from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import LAYOUT_THRESHOLD, notebook_html, write_html


def synthetic(n, m, seed=5):
    rnd = random.Random(seed)
    kinds = ["state", "office", "person", "armed_group", "organisation"]
    ents = {f"E{i}": Entity(id=f"E{i}", name=f"Entity {i}", kind=kinds[i % 5], aliases=(f"Alias {i}",))
            for i in range(n)}
    rels = []
    for i in range(m):
        rels.append(Relation(id=f"r{i}", subject=f"E{rnd.randrange(n)}", object=f"E{rnd.randrange(n)}",
                             type=rnd.choice(["AID", "ACCUSE", "CONSULT", "ASSAULT"]),
                             modality=rnd.choice(["reported", "claimed"]), polarity=rnd.choice([-9, -3, 2.5, 10]),
                             evidence=(Evidence("s", f"quote {i}"),)))
    return Dataset({"s": Source(id="s", title="Synthetic")}, ents, rels)


def test_large_graph_is_drawn_without_physics(open_page, tmp_path):
    ds = synthetic(LAYOUT_THRESHOLD * 2, 1500)
    p = open_page(write_html(ds, tmp_path / "large.html"))
    assert p.js("network.physics.options.enabled") is False
    nodes, edges = p.visible()
    assert len(nodes) == len(ds.entities) and len(edges) == len(ds)
    # positions are those computed in Python, not moved
    pos = p.js("network.getPositions(['E0']).E0")
    node = p.js("network.body.data.nodes.get('E0')")
    assert abs(pos["x"] - node["x"]) <= 1 and abs(pos["y"] - node["y"]) <= 1   # getPositions rounds
    p.js("actorgraph.search('Alias 17')")
    assert p.js("network.getSelectedNodes()") == ["E17"]
    p.page.locator("#ag-f-modality label", has_text="claimed").locator("input").uncheck()
    assert p.visible()[1] == {r.id for r in ds.relations(modality="reported")}
    p.assert_clean()


def test_notebook_iframe_shows_the_page(open_page, tmp_path, seed_ds):
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body><h1>notebook</h1>" + notebook_html(seed_ds.view(focus="TAL"))
                    + "</body></html>", encoding="utf-8")
    p = open_page(host, wait=False)
    frame = p.page.frame_locator("iframe")
    frame.locator("#ag-counts").wait_for()
    inner = next(f for f in p.page.frames if f != p.page.main_frame)
    inner.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=30000)
    view = seed_ds.view(focus="TAL")
    assert len(inner.evaluate("actorgraph.visibleEdgeIds()")) == len(view)
    assert inner.evaluate("typeof window.network.getPositions") == "function"
    p.assert_clean()
