"""``actorgraph serve`` in Chromium: the overview, an aggregated edge's claims fetched and paged, an actor
expanded, a search on the server, filters counted and drawn by the server, a reload from the URL.

Each step checks what vis-network draws (tests/browser/drawn.py) or what the panel shows, against what
Python says (the dataset, graph.serve's answers). The page may reach its own server only: any other
request is blocked and recorded, and a request to the server is recorded too.
"""

from __future__ import annotations

import re

import pytest

import graph
from graph.render.aggregated_data import aggregated_data, aggregated_records
from graph.render.edge_groups import aggregate
from graph.serve import DatasetStore, serve
from graph.serve.question import parse

from .conftest import INIT_SCRIPT, ROOT, Loaded
from .drawn import drawn, drawn_claims, redraw
from .test_aggregate_page import HOSTILE, dataset

PAGE = 25  # claims a panel fetches at a time, in these tests


@pytest.fixture(scope="module")
def agg_server():
    """dataset() (64 claims, 60 in one edge) served aggregated (full=10: more than 10 claims aggregate)."""
    s = serve(dataset(), full=10, page_size=PAGE)
    s.start()
    yield s
    s.shutdown()
    s.server_close()


@pytest.fixture(scope="module")
def seed_server():
    s = serve(graph.load(ROOT / "data"), page_size=PAGE)
    s.start()
    yield s
    s.shutdown()
    s.server_close()


@pytest.fixture
def open_served(browser):
    """``open_served(server, fragment="", query="")``: the served page, loaded and drawn; requests to the
    server are recorded in ``loaded.fetched``, any other is blocked (``loaded.requests``)."""
    contexts = []

    def _open(server, fragment="", query=""):
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        origin = f"http://127.0.0.1:{server.port}/"
        url = server.url + (("&" + query) if query else "")
        loaded = Loaded(page, url)
        loaded.fetched = []

        def route(r):
            if r.request.url.startswith(origin):
                loaded.fetched.append(r.request.url[len(origin) :])
                r.continue_()
            else:
                loaded.requests.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page.on("console", lambda m: loaded.console_errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: loaded.page_errors.append(str(e)))
        page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))
        page.add_init_script(INIT_SCRIPT)
        page.goto(url + (("#" + fragment) if fragment else ""))
        page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=30000)
        return loaded

    yield _open
    for c in contexts:
        c.close()


def shown_range(p, text):
    """Wait until the panel's list of fetched claims says *text* ("claims 1–25 of 60"); its claim ids."""
    p.page.wait_for_function(
        "function (t) { const e = document.querySelector('#ag-panel .ag-srv-range'); "
        "return e && e.textContent === t; }",
        arg=text,
        timeout=20000,
    )
    return p.js("() => [...document.querySelectorAll('#ag-panel li.ag-srv-claim code')].map(c => c.textContent)")


def _inert(p):
    assert p.js("typeof window.__pwned") == "undefined", "a payload ran"
    assert (
        p.js("document.querySelectorAll('#ag-panel script, #ag-panel img, #ag-panel svg, #ag-panel iframe').length")
        == 0
    )
    p.assert_clean()


def _group_edge(p, label):
    return next(e["id"] for e in p.js("network.body.data.edges.get()") if e["label"] == label)


def test_the_overview_draws_the_groups_and_reaches_only_its_server(open_served, agg_server):
    ds = dataset()
    p = open_served(agg_server)
    nodes, claims = p.visible()
    groups = aggregate(ds, by="year")
    assert nodes == {"A", "B", "C"} and len(claims) == len(groups) == 5
    assert "5 of 5 edges (64 claims, per year)" in p.page.text_content("#ag-counts")
    assert p.page.text_content("#ag-server") == "served: the overview"
    data = p.js("actorgraph.internal.data.aggregate")
    assert data["examples"] == 0 and all(g["claims"] == [] for g in data["groups"].values())  # no claim embedded
    assert p.fetched == [agg_server.url.split("/")[-1]]  # the page, and nothing else yet
    _inert(p)


def test_expand_an_edge_and_page_through_its_claims(open_served, agg_server):
    p = open_served(agg_server)
    big = _group_edge(p, "ACCUSE ×60")
    pt = p.js("(id) => actorgraph.edgePoint(id)", big)
    p.page.mouse.click(pt["x"], pt["y"])  # a real click on the drawn line
    assert shown_range(p, "claims 1–25 of 60") == [f"many{i}" for i in range(25)]
    text = p.panel_text()
    assert "ACCUSE · 60 claims" in text and "Claims, from the server" in text
    first = p.page.locator("#ag-panel li.ag-srv-claim").nth(0).text_content()
    assert "quote 0 " + HOSTILE[0] in first and "— A report" in first and "2024-01" in first
    p.page.click("#ag-panel .ag-srv-pager >> text=next ›")
    assert shown_range(p, "claims 26–50 of 60") == [f"many{i}" for i in range(25, 50)]
    p.page.click("#ag-panel .ag-srv-pager >> text=next ›")
    assert shown_range(p, "claims 51–60 of 60") == [f"many{i}" for i in range(50, 60)]
    assert p.js("document.querySelector('#ag-panel .ag-srv-pager button:last-child').disabled") is True
    p.page.click("#ag-panel .ag-srv-pager >> text=‹ previous")
    assert shown_range(p, "claims 26–50 of 60") == [f"many{i}" for i in range(25, 50)]
    asked = [u for u in p.fetched if u.startswith("api/claims?")]
    assert len(asked) == 4 and all(f"limit={PAGE}" in u and "subject=A" in u and "period=2024" in u for u in asked)
    _inert(p)


def test_an_edge_s_claims_follow_the_filters(open_served, agg_server):
    p = open_served(agg_server, "from=2024-03&to=2024-05")
    big = _group_edge(p, "ACCUSE ×60")
    p.js("(id) => actorgraph.select('edge', id)", big)
    want = DatasetStore(dataset()).claims(
        parse("subject=A&object=B&quad=verbal%20conflict&period=2024&from=2024-03&to=2024-05&limit=100", api=True)
    )
    assert want["total"] == 15
    assert shown_range(p, "claims 1–15 of 15") == [c["id"] for c in want["claims"]]
    # the page draws the edges whose period overlaps the months, and the undated ones (kept by default)
    rec = aggregated_records(aggregated_data(dataset(), by="year", examples=0))
    overlapping = {
        g
        for g, m in rec["relmeta"].items()
        if m["span"] is None or (m["span"][0] <= "2024-05-31" and "2024-03-01" <= m["span"][1])
    }
    _nodes, claims = p.visible()
    assert claims == overlapping and big in claims and len(claims) < len(rec["relmeta"])
    _inert(p)


def test_expand_an_actor(open_served, agg_server):
    ds = dataset()
    p = open_served(agg_server)
    pt = p.js("actorgraph.nodePoint('C')")
    p.page.mouse.click(pt["x"], pt["y"])
    p.page.wait_for_function("() => document.querySelector('#ag-panel .ag-srv-expand')")
    assert "Every claim of Gamma" in p.panel_text()
    p.page.click("#ag-panel .ag-srv-expand")
    want = [r.id for r in ds.relations() if r.subject == "C"] + [
        r.id for r in ds.relations() if r.object == "C" and r.subject != "C"
    ]
    assert shown_range(p, f"claims 1–{len(want)} of {len(want)}") == want
    first = p.page.locator("#ag-panel li.ag-srv-claim").nth(0).text_content()
    assert first.startswith("Gamma " + HOSTILE[2] + " → Alpha") and "ASSAULT · denied by Gamma" in first
    _inert(p)


def test_a_search_that_names_no_actor_finds_claims(open_served, agg_server):
    p = open_served(agg_server)
    p.page.fill("#ag-search", "EVENT-7")
    p.page.press("#ag-search", "Enter")
    assert shown_range(p, "claims 1–1 of 1") == ["ev3"]
    assert p.page.text_content("#ag-panel h2") == "Claims that mention “EVENT-7”"
    assert "record: EVENT-7 " + HOSTILE[1] in p.panel_text()
    p.page.fill("#ag-search", "Beta")  # an actor's name: its panel, no search of the claims
    p.page.press("#ag-search", "Enter")
    p.page.wait_for_function("() => actorgraph.state().sel && actorgraph.state().sel[1] === 'B'")
    assert "Claims that mention" not in p.panel_text()
    _inert(p)


def test_filters_are_counted_and_drawn_by_the_server(open_served, agg_server):
    ds = dataset()
    p = open_served(agg_server)
    p.page.locator("#ag-f-modality label", has_text="reported").locator("input").uncheck()
    want = [r.id for r in ds.relations() if r.modality != "reported"]
    p.page.wait_for_function(
        "function (t) { return document.getElementById('ag-server').textContent.indexOf(t) >= 0; }",
        arg=f"these filters keep {len(want)} claims",
        timeout=20000,
    )
    _nodes, groups = p.visible()  # the page draws the edges that hold such a claim
    assert groups == {
        gid
        for gid in p.js("Object.keys(actorgraph.internal.data.relations)")
        if p.js("(g) => actorgraph.internal.data.relmeta[g].modalities.some(m => m !== 'reported')", gid)
    }
    with p.page.expect_navigation():
        p.page.click("#ag-server a.ag-srv-draw")
    p.page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=30000)
    assert "mod=claimed" in p.page.url and "mod=denied" in p.page.url
    redraw(p)
    assert p.js("actorgraph.internal.data.aggregate") is None  # 3 claims: each drawn
    claims, _ends = drawn_claims(p)
    assert claims == set(want)
    assert "modality claimed or denied" in p.page.text_content("#ag-title")
    _inert(p)


def test_the_url_fragment_restores_the_view_and_its_panel(open_served, agg_server):
    p = open_served(agg_server)
    big = _group_edge(p, "ACCUSE ×60")
    p.js("(id) => actorgraph.select('edge', id)", big)
    shown_range(p, "claims 1–25 of 60")
    p.page.locator("#ag-f-modality label", has_text="denied").locator("input").uncheck()
    fragment = p.page.url.split("#", 1)[1]
    assert f"relation={big}" in fragment and "mod=" in fragment
    p.page.reload()
    p.page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=30000)
    st = p.js("actorgraph.state()")
    assert st["sel"] == ["edge", big] and "denied" not in st["mods"]
    assert shown_range(p, "claims 1–25 of 60") == [f"many{i}" for i in range(25)]
    nodes, claims = p.visible()
    denied_only = {
        g
        for g in p.js("Object.keys(actorgraph.internal.data.relations)")
        if p.js("(g) => actorgraph.internal.data.relmeta[g].modalities.join() === 'denied'", g)
    }
    assert denied_only and not (claims & denied_only) and big in claims
    _inert(p)


def test_small_data_opens_on_the_full_graph(open_served, seed_server):
    ds = graph.load(ROOT / "data")
    p = open_served(seed_server)
    assert p.js("actorgraph.internal.data.aggregate") is None
    nodes, _edges = drawn(p)
    claims, _ends = drawn_claims(p)
    assert claims == {r.id for r in ds.relations()} and "PAK" in nodes
    p.js("actorgraph.select('node', 'PAK')")
    p.page.click("#ag-panel .ag-srv-expand")
    want = [r.id for r in ds.relations(subject="PAK", parts=False)]
    want += [r.id for r in ds.relations(object="PAK", parts=False) if r.subject != "PAK"]
    assert shown_range(p, f"claims 1–{min(PAGE, len(want))} of {len(want)}") == want[:PAGE]
    with p.page.expect_navigation():  # its claims drawn, one edge each, by the server
        p.page.click("#ag-panel a.ag-srv-draw")
    p.page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=30000)
    claims, _ends = drawn_claims(p)
    assert claims == set(want) and re.search(r"the claims of Pakistan", p.page.text_content("#ag-title"))
    assert "overview" in p.page.text_content("#ag-server")
    _inert(p)
