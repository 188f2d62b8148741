"""An aggregated page in Chromium: one edge per group, a click lists its claims, hostile strings stay text."""

from __future__ import annotations

import pytest

from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import write_html
from graph.render.aggregated_data import aggregated_data, aggregated_records
from graph.render.edge_groups import aggregate
from graph.when import parse_when

PWN = "window.__pwned=1"
HOSTILE = [
    f"</script><script>{PWN}</script>",
    f'<img src=x onerror="{PWN};alert(1)">',
    f"<svg onload={PWN}>",
    f"javascript:{PWN}",
    f'"><iframe srcdoc="<script>parent.{PWN}</script>">',
]
MANY = 60  # claims in one group: more than the panel lists


def dataset():
    sources = {
        "s1": Source(id="s1", title=HOSTILE[0], kind="op-ed", url=HOSTILE[3]),
        "s2": Source(id="s2", title="A report", kind="news report"),
        "s3": Source(id="s3", title="An event set", kind="dataset"),
    }
    entities = {
        "A": Entity(id="A", name=f"Alpha {HOSTILE[1]}", kind="state"),
        "B": Entity(id="B", name="Beta", kind="state"),
        "C": Entity(id="C", name=f"Gamma {HOSTILE[2]}", kind="armed_group"),
    }
    rels = []
    for i in range(MANY):  # one group: A -> B, verbal conflict, 2024
        rels.append(
            Relation(
                id=f"many{i}",
                subject="A",
                object="B",
                type="ACCUSE",
                modality="reported",
                polarity=-2,
                when=parse_when(f"2024-{1 + i % 12:02d}"),
                evidence=(Evidence("s2", f"quote {i} {HOSTILE[i % len(HOSTILE)]}"),),
            )
        )
    rels += [
        Relation(
            id="ev3",
            subject="A",
            object="C",
            type="SUPPORT",
            mode="verbal",
            modality="reported",
            polarity=3,
            asserted_by="B",
            when=parse_when("2022-06-01..2022-07"),
            evidence=(
                Evidence("s3", record=f"EVENT-7 {HOSTILE[1]}"),
                Evidence("s2", f"first {HOSTILE[2]}"),
                Evidence("s1", "second quote"),
            ),
        ),
        Relation(
            id="h1",
            subject="C",
            object="A",
            type="ASSAULT",
            modality="denied",
            polarity=-9,
            asserted_by="C",
            when=parse_when("2023"),
            evidence=(Evidence("s1", HOSTILE[4]),),
        ),
        Relation(
            id="h2",
            subject="B",
            object="C",
            type="AID",
            modality="claimed",
            polarity=5,
            evidence=(Evidence("s1", "undated aid"),),
        ),
        Relation(
            id="h3",
            subject="B",
            object="C",
            type="AID",
            modality="reported",
            polarity=7,
            when=parse_when("2024-02"),
            evidence=(Evidence("s2", "dated aid"),),
        ),
    ]
    return Dataset(sources, entities, rels)


@pytest.fixture(scope="module")
def agg_page(tmp_path_factory):
    return write_html(dataset(), tmp_path_factory.mktemp("agg") / "agg.html", aggregate="year")


def _inert(p):
    assert p.js("typeof window.__pwned") == "undefined", "a payload ran"
    assert (
        p.js("document.querySelectorAll('#ag-panel script, #ag-panel img, #ag-panel svg, #ag-panel iframe').length")
        == 0
    )
    p.assert_clean()


def test_one_edge_per_group_and_a_click_lists_its_claims(open_page, agg_page):
    ds = dataset()
    groups = aggregate(ds, by="year")
    p = open_page(agg_page)
    nodes, edges = p.visible()
    assert nodes == {"A", "B", "C"}
    assert len(edges) == len(groups) == 5
    assert "5 of 5 edges (64 claims, per year)" in p.page.text_content("#ag-counts")
    big = next(e["id"] for e in p.js("network.body.data.edges.get()") if e["label"] == "ACCUSE ×60")
    pt = p.js("(id) => actorgraph.edgePoint(id)", big)
    p.page.mouse.click(pt["x"], pt["y"])  # a real click on the drawn line
    text = p.panel_text()
    assert "ACCUSE · 60 claims" in text and "Claims · 3 of 60 in this page" in text
    items = p.page.locator("#ag-panel li.ag-agg-claim")
    assert items.count() == 3  # the page holds 3 example claims per edge (render --examples)
    assert "many0" in items.nth(0).text_content() and "quote 0 " + HOSTILE[0] in items.nth(0).text_content()
    assert "many2" in items.nth(2).text_content()
    assert "and 57 more, not in this page (it holds at most 3 claims per edge)" in text
    assert "serve the data (actorgraph serve, then click this edge)" in text
    assert "actorgraph relations -s A --object B --quad 'verbal conflict' --start 2024 --end 2024" in text
    assert p.js("document.getElementById('ag-json').style.display") == "none"
    _inert(p)


def test_denied_group_and_filters_on_groups(open_page, agg_page):
    p = open_page(agg_page)
    denied = next(e for e in p.js("network.body.data.edges.get()") if e["label"].startswith("denied: ASSAULT"))
    p.js("(id) => actorgraph.select('edge', id)", denied["id"])
    text = p.panel_text()
    assert "Denied: ASSAULT · 1 claim" in text and HOSTILE[4] in text and "denied by Gamma" in text
    assert p.page.text_content("#ag-panel h2") == "Denied: ASSAULT · 1 claim"
    # the modality filter keeps a group when any of its claims has the modality
    p.page.goto(p.url + "#mod=claimed")
    p.page.wait_for_function("() => actorgraph.state().mods !== null")
    (gid,) = p.visible()[1]  # the one group vis-network draws
    assert p.js("(id) => actorgraph.internal.data.relations[id].subject", gid) == "B"
    # entity panels list the groups; hovering and clicking everything runs nothing
    for eid in ("A", "B", "C"):
        p.js("(id) => actorgraph.select('node', id)", eid)
        p.js(
            "() => [...document.querySelectorAll('#ag-panel button.ag-linkbtn')].slice(0, 5)"
            ".forEach(b => { if (b.isConnected) b.click(); })"
        )
    _inert(p)


def _page_records(p):
    return p.js("""() => { const d = actorgraph.internal.data, keys = ['quad', 'sign', 'span', 'sources', 'types',
      'modalities', 'claimants', 'contested'], meta = {};
      for (const [gid, m] of Object.entries(d.relmeta)) meta[gid] = Object.fromEntries(keys.map(k => [k, m[k]]));
      return {relations: d.relations, relmeta: meta, groups: d.aggregate.groups}; }""")


@pytest.mark.parametrize("by", ["month", "year", "all"])
def test_the_page_makes_the_groups_records_as_python_does(open_page, tmp_path, by):
    """The page holds one row per group; the records its filters and panels read, and each group's
    summary, are made from it in the page: the same as aggregated_records (the tests of the data
    check those against aggregate())."""
    ds = dataset()
    p = open_page(write_html(ds, tmp_path / f"agg-{by}.html", aggregate=by))
    assert _page_records(p) == aggregated_records(aggregated_data(ds, by=by))
    _inert(p)


def test_a_claim_lists_all_its_evidence_quotes_and_records(open_page, agg_page):
    p = open_page(agg_page)
    gid = next(e["id"] for e in p.js("network.body.data.edges.get()") if e["label"] == "SUPPORT")
    p.js("(id) => actorgraph.select('edge', id)", gid)
    item = p.page.locator("#ag-panel li.ag-agg-claim")
    assert item.count() == 1
    text = item.nth(0).text_content()
    assert "SUPPORT/verbal · reported by Beta · 2022-06-01..2022-07 · ev3" in text
    quotes = p.js("[...document.querySelectorAll('#ag-panel li.ag-agg-claim blockquote')].map(q => q.textContent)")
    assert quotes == [f"record: EVENT-7 {HOSTILE[1]}", f"“first {HOSTILE[2]}”", "“second quote”"]
    cites = p.js("[...document.querySelectorAll('#ag-panel li.ag-agg-claim .ag-cite')].map(q => q.textContent)")
    assert cites == ["— An event set", "— A report", f"— {HOSTILE[0]}"]
    text = p.panel_text()  # the group's sources, from its claim's evidence, each once
    assert f"An event set; A report; {HOSTILE[0]}" in text and "2022" in text
    _inert(p)


def test_a_top_page_draws_the_heaviest_edges_and_says_so(open_page, tmp_path):
    """--top 2: vis-network draws the two heaviest groups (the one of 60 claims, and the first seen of
    those of 1), every entity still, and the header says how many of how many."""
    ds = dataset()
    groups = aggregate(ds, by="year")
    p = open_page(write_html(ds, tmp_path / "top.html", aggregate="year", top=2))
    nodes, edges = p.visible()
    kept = sorted(range(len(groups)), key=lambda i: -groups[i].count)[:2]
    want = {(groups[i].subject, groups[i].object, groups[i].period) for i in kept}
    rels = p.js("actorgraph.internal.data.relations")
    assert {
        (rels[g]["subject"], rels[g]["object"], p.js("(g) => actorgraph.internal.data.aggregate.groups[g].period", g))
        for g in edges
    } == want
    assert nodes == {"A", "B", "C"}
    assert "2 of 2 edges (the 2 heaviest of 5: 61 of 64 claims, per year)" in p.page.text_content("#ag-counts")
    assert p.page.text_content("#ag-title").endswith("claims per year, the 2 heaviest of 5 edges")
    _inert(p)
