"""The seed page in Chromium: what is drawn, clicks, filters, search, URL state, export."""

from __future__ import annotations

import json
import re

import pytest

import graph
from graph.render import write_html
from graph.render.style import DENIED_COLOR

from .drawn import CLAIM_MARK, PART_MARK, drawn, part_lines

TWO_SOURCES = """
sources:
  - {id: src-a, title: Alpha Gazette report, kind: news report, published: 2024-02, author: Alice Author}
  - {id: src-b, title: Beta Review op-ed, kind: op-ed, published: 2024-05, author: Bob Writer}
entities:
  - {id: PAK, name: Pakistan, kind: state}
  - {id: USA, name: United States, kind: state}
  - {id: AFG, name: Afghanistan, kind: state}
  - {id: TAL, name: Taliban, kind: de_facto_authority}
  - {id: CHN, name: China, kind: state}
relations:
  - {id: both-sources, subject: PAK, object: USA, type: ACCUSE, modality: reported, when: 2024-02,
     evidence: [{source: src-a, quote: "Pakistan accused Washington"},
                {source: src-b, quote: "Islamabad blamed the US"}]}
  - {id: only-a, subject: USA, object: AFG, type: AID, modality: reported, when: 2023,
     evidence: [{source: src-a, quote: "aid went to Afghanistan"}]}
  - {id: only-b, subject: TAL, object: PAK, type: THREATEN, modality: speculated,
     evidence: [{source: src-b, quote: "the Taliban could threaten Pakistan"}]}
  - {id: only-b-2, subject: CHN, object: AFG, type: CONSULT, modality: claimed, asserted_by: CHN, when: 2024-05,
     evidence: [{source: src-b, quote: "China says it met Kabul"}]}
"""


@pytest.fixture(scope="module")
def two_sources_ds():
    return graph.loads(TWO_SOURCES)


@pytest.fixture(scope="module")
def two_sources_page(two_sources_ds, tmp_path_factory):
    return write_html(two_sources_ds, tmp_path_factory.mktemp("two") / "two-sources.html")


def expected(ds, **kw):
    """The node and edge ids the page should show for a Python view."""
    rels = ds.view(**kw).relations() if kw else ds.relations()
    edges = {r.id for r in rels}
    nodes = {r.subject for r in rels} | {r.object for r in rels}
    if kw.get("focus"):
        nodes.add(ds.entity(kw["focus"]).id)
    return nodes, edges


def test_draws_every_entity_and_relation(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    nodes, edges = p.visible()  # what vis-network holds and draws
    assert nodes == set(seed_ds.entities)
    assert edges == {r.id for r in seed_ds.relations()}
    # parallel claims of one quad are one line: fewer lines than claims, each claim on exactly one
    pairs = {(r.subject, r.object, r.quad) for r in seed_ds.relations()}
    lines = [e for e in drawn(p)[1] if not e[0].startswith((CLAIM_MARK, PART_MARK))]
    assert len(lines) == len(pairs) < len(seed_ds)
    # and the part_of lines join each office or person to what it is part of
    assert part_lines(p) == {(e.id, e.part_of) for e in seed_ds.entities.values() if e.part_of}
    counts = p.page.inner_text("#ag-counts")
    assert f"{len(seed_ds.entities)} of {len(seed_ds.entities)} entities" in counts
    assert f"{len(seed_ds)} of {len(seed_ds)} relations in {len(pairs)} lines" in counts
    # drawn one by one (merge unticked): a line per claim
    p.page.click("#ag-merge")
    assert "merge=0" in p.page.url
    assert p.visible()[1] == edges
    assert len([e for e in drawn(p)[1] if not e[0].startswith((CLAIM_MARK, PART_MARK))]) == len(seed_ds)
    p.assert_clean()


def test_drawing_styles(open_page, seed_page, seed_ds):
    p = open_page(seed_page, "merge=0")  # a line per claim
    edges = {e["id"]: e for e in p.js("network.body.data.edges.get()")}
    for r in seed_ds.relations():
        e = edges[r.id]
        assert bool(e["dashes"]) == (r.modality != "reported")
        colour = e["color"]["color"]
        red, green = int(colour[1:3], 16), int(colour[3:5], 16)
        if r.modality == "denied":  # never drawn as the event it denies: its own colour and label
            assert e["arrows"] == "to" and e["label"] == "denied: " + r.type
            assert colour == DENIED_COLOR
            continue
        assert e["arrows"] == "to" and e["label"] == r.type
        if r.polarity < 0:
            assert red > green
        elif r.polarity > 0:
            assert green > red
    # parallel relations: every pair's curves differ (drawn, not stacked)
    pairs = {}
    for r in seed_ds.relations():
        pairs.setdefault(frozenset((r.subject, r.object)), []).append(r)
    multi = [g for g in pairs.values() if len(g) > 1]
    assert multi, "the seed data has parallel relations"
    for group in multi:
        midpoints = {
            tuple(
                round(v)
                for v in p.js(f"(() => {{ const q = actorgraph.edgePoint({json.dumps(r.id)}); return [q.x, q.y]; }})()")
            )
            for r in group
        }
        assert len(midpoints) == len(group), [r.id for r in group]
    # the legend explains shapes, colours and line styles
    legend = p.page.inner_text("#ag-legend")
    for word in ("state", "conflict", "cooperation", "reported", "claimed", "recommended", "speculated", "denied"):
        assert word in legend


def test_click_entity_with_the_mouse(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    pt = p.js("actorgraph.nodePoint('PAK')")
    p.page.mouse.click(pt["x"], pt["y"])
    assert p.js("network.getSelectedNodes()") == ["PAK"]
    text = p.panel_text()
    pak = seed_ds.entity("PAK")
    assert pak.name in text and "Islamabad" in text and pak.description.split(";")[0] in text
    link = p.page.locator("#ag-panel a", has_text="Q843")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q843"
    assert link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("target") == "_blank"
    # its own relations (not those of its parts, which Dataset.relations(subject=...) adds)
    out_ids = [r.id for r in seed_ds.relations() if r.subject == "PAK"]
    in_ids = [r.id for r in seed_ds.relations() if r.object == "PAK"]
    assert (len(out_ids), len(in_ids)) == (10, 7)
    assert len(seed_ds.relations(subject="PAK")) == 12  # with its foreign office's
    assert f"(out) · {len(out_ids)}" in text and f"(in) · {len(in_ids)}" in text
    listed = p.js("""() => [...document.querySelectorAll('#ag-panel h3')].filter(h => h.nextElementSibling &&
        h.nextElementSibling.tagName === 'UL').map(h => [...h.nextElementSibling.querySelectorAll('li')].map(
        li => li.querySelector('button').title))""")
    assert listed[:2] == [out_ids, in_ids]
    # and the claims it makes (asserted_by), each listed by its relation
    made = [r.id for r in seed_ds.relations() if "PAK" in r.claimants]
    assert listed[2:] == [made] and "Claims it makes (asserts or denies) · 1" in text
    assert "entity=PAK" in p.page.url
    p.assert_clean()


def _clear_edge_point(p, rid):
    """DOM point of the relation's midpoint if clicking there hits that relation only."""
    return p.js(
        """(rid) => {
        const q = actorgraph.edgePoint(rid);
        const r = document.getElementById('ag-network').getBoundingClientRect();
        const local = {x: q.x - r.left, y: q.y - r.top};
        if (network.getNodeAt(local) !== undefined) return null;
        return network.getEdgeAt(local) === actorgraph.edgeOfClaim(rid) ? q : null;
    }""",
        rid,
    )


def test_click_relation_with_the_mouse(open_page, seed_page, seed_ds):
    p = open_page(seed_page, "merge=0")
    clicked = None
    for r in seed_ds.relations():
        pt = _clear_edge_point(p, r.id)
        if pt:
            p.page.mouse.click(pt["x"], pt["y"])
            clicked = r
            break
    assert clicked is not None, "no relation could be clicked on its own"
    assert p.js("network.getSelectedEdges()") == [clicked.id]
    text = p.panel_text()
    for ev in clicked.evidence:
        assert ev.quote in text
    src = seed_ds.source(clicked.evidence[0].source)
    assert src.title in text and src.kind in text and str(src.published) in text
    assert clicked.modality in text
    assert ("the author" in text) if clicked.asserted_by is None else (seed_ds.entity(clicked.asserted_by).name in text)
    if clicked.note:
        assert " ".join(clicked.note.split())[:40] in " ".join(text.split())
    p.assert_clean()


def test_relation_panel_shows_the_claimant_attributes_and_note(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    claimed = next(r for r in seed_ds.relations() if r.asserted_by)
    p.js("(id) => actorgraph.select('edge', id)", claimed.id)
    text = p.panel_text()
    assert seed_ds.entity(claimed.asserted_by).name in text
    with_attrs = next((r for r in seed_ds.relations() if r.attributes), None)
    if with_attrs:
        p.js("(id) => actorgraph.select('edge', id)", with_attrs.id)
        text = p.panel_text()
        for k, v in with_attrs.attributes.items():
            shown = v if isinstance(v, str) else json.dumps(v, separators=(",", ":"))
            assert str(k) in text and shown in text
    # the panel links to the entities: clicking the subject opens it
    p.page.locator("#ag-panel .ag-claim button").first.click()
    assert p.js("actorgraph.state().sel")[0] == "node"
    p.assert_clean()


def _uncheck(p, section, label):
    box = p.page.locator(f"#{section} label", has_text=re.compile(rf"^{re.escape(label)}")).first.locator("input")
    box.uncheck()


@pytest.mark.parametrize(
    "section,label,kw",
    [
        ("ag-f-type", "ASSAULT", "type"),
        ("ag-f-type", "material conflict", "quad"),
        ("ag-f-polarity", "conflict", "polarity"),
        ("ag-f-modality", "reported", "modality"),
    ],
)
def test_each_filter_changes_the_view_and_reset_restores_it(open_page, seed_page, seed_ds, section, label, kw):
    from graph.vocab import MODALITIES, QUADS

    p = open_page(seed_page)
    all_nodes, all_edges = p.visible()
    _uncheck(p, section, label)
    nodes, edges = p.visible()
    rels = seed_ds.relations()
    keep = {
        "type": lambda r: r.type != "ASSAULT",
        "quad": lambda r: r.quad != "material conflict",
        "polarity": lambda r: r.polarity >= 0,
        "modality": lambda r: r.modality != "reported",
    }[kw]
    want = {r.id for r in rels if keep(r)}
    assert edges == want and edges != all_edges
    assert nodes == {r.subject for r in rels if r.id in want} | {r.object for r in rels if r.id in want}
    # the Python filters agree
    py = {
        "type": dict(type=[t for t in {r.type for r in rels} if t != "ASSAULT"]),
        "quad": dict(quad=[q for q in QUADS if q != "material conflict"]),
        "polarity": dict(polarity=["positive", "neutral"]),
        "modality": dict(modality=[m for m in MODALITIES if m != "reported"]),
    }[kw]
    assert expected(seed_ds, **py) == (nodes, edges)
    p.page.click("#ag-reset")
    assert p.visible() == (all_nodes, all_edges)
    assert p.page.url.split("#")[1:] in ([], [""])
    p.assert_clean()


def test_source_filter(open_page, two_sources_page, two_sources_ds):
    ds = two_sources_ds
    p = open_page(two_sources_page)
    all_view = p.visible()
    assert all_view == expected(ds)
    # the relation citing both sources stays; those citing only the unticked one go
    _uncheck(p, "ag-f-source", "Beta Review")
    assert p.visible() == ({"PAK", "USA", "AFG"}, {"both-sources", "only-a"}) == expected(ds, source="src-a")
    assert "src=src-a" in p.page.url
    p.page.click("#ag-reset")
    assert p.visible() == all_view
    _uncheck(p, "ag-f-source", "Alpha Gazette")
    assert p.visible() == ({"PAK", "USA", "TAL", "CHN", "AFG"}, {"both-sources", "only-b", "only-b-2"})
    assert p.visible() == expected(ds, source="src-b")
    # both unticked: nothing left
    _uncheck(p, "ag-f-source", "Beta Review")
    assert p.visible() == (set(), set())
    p.page.click("#ag-reset")
    assert p.visible() == all_view
    p.assert_clean()


def test_time_filter(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    all_view = p.visible()
    # time: 2024 only, undated claims excluded -> Dataset.relations(start=2024, end=2024)
    p.js("""() => {
        const [a, b] = document.querySelectorAll('#ag-f-time input[type=range]');
        a.value = 2024 * 12; a.dispatchEvent(new Event('input'));
        b.value = 2024 * 12 + 11; b.dispatchEvent(new Event('input'));
    }""")
    p.page.locator("#ag-f-time label", has_text="undated").locator("input").uncheck()
    assert p.visible() == expected(seed_ds, start="2024", end="2024")
    assert "from=2024-01" in p.page.url and "to=2024-12" in p.page.url and "undated=0" in p.page.url
    assert "2024-01 … 2024-12" in p.page.inner_text("#ag-f-time")
    p.page.click("#ag-reset")
    assert p.visible() == all_view
    p.assert_clean()


def test_neighbourhood_filter_combines_with_others(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    p.page.select_option("#ag-f-focus select", "PAK")
    assert p.visible() == expected(seed_ds, focus="PAK", hops=1)
    p.page.fill("#ag-f-focus input[type=number]", "2")
    p.page.dispatch_event("#ag-f-focus input[type=number]", "change")
    assert p.visible() == expected(seed_ds, focus="PAK", hops=2)
    _uncheck(p, "ag-f-modality", "reported")
    from graph.vocab import MODALITIES

    others = [m for m in MODALITIES if m != "reported"]
    assert p.visible() == expected(seed_ds, focus="PAK", hops=2, modality=others)
    p.page.click("#ag-reset")
    assert p.visible() == (set(seed_ds.entities), {r.id for r in seed_ds.relations()})
    p.assert_clean()


def test_search_by_alias_focuses_the_actor(open_page, seed_page):
    p = open_page(seed_page)
    p.page.fill("#ag-search", "islamabad")
    p.page.press("#ag-search", "Enter")
    assert p.js("network.getSelectedNodes()") == ["PAK"]
    assert "Pakistan" in p.panel_text()
    # the camera moves to the actor (an animation, slower on a loaded machine)
    p.page.wait_for_function(
        "() => { const c = network.getViewPosition(), q = network.getPositions(['PAK']).PAK;"
        " return Math.abs(c.x - q.x) < 5 && Math.abs(c.y - q.y) < 5; }",
        timeout=15000,
    )
    p.page.fill("#ag-search", "no such actor at all")
    p.page.press("#ag-search", "Enter")
    assert "no actor matches" in p.page.inner_text("#ag-search-msg")
    p.assert_clean()


def test_url_fragment_restores_a_view(open_page, seed_page, seed_ds):
    rel = next(r for r in seed_ds.view(focus="PAK", modality="reported").relations())
    p = open_page(seed_page, f"mod=reported&focus=PAK&hops=1&relation={rel.id}")
    assert p.visible() == expected(seed_ds, focus="PAK", hops=1, modality="reported")
    assert p.js("network.getSelectedEdges()") == [p.js("(r) => actorgraph.edgeOfClaim(r)", rel.id)]
    assert rel.evidence[0].quote in p.panel_text()
    assert p.page.locator("#ag-f-focus select").input_value() == "PAK"
    # a view built by clicking gives a link that restores it in a new tab
    q = open_page(seed_page)
    _uncheck(q, "ag-f-polarity", "cooperation")
    q.page.select_option("#ag-f-focus select", "TAL")
    shared = q.page.url.split("#", 1)[1]
    r = open_page(seed_page, shared)
    assert r.visible() == q.visible() == expected(seed_ds, focus="TAL", polarity=["negative", "neutral"])
    # and a pasted link applies in an open page
    q.page.evaluate("(h) => { location.hash = h; }", f"mod=reported&focus=PAK&hops=1&relation={rel.id}")
    q.page.wait_for_function("() => actorgraph.state().focus === 'PAK'")
    assert q.visible() == p.visible()
    for x in (p, q, r):
        x.assert_clean()


def test_url_fragment_restores_time_undated_and_physics(open_page, seed_page, seed_ds):
    p = open_page(seed_page, "from=2024-01&to=2024-12&undated=0&physics=0")
    assert p.visible() == expected(seed_ds, start="2024", end="2024")
    st = p.js("actorgraph.state()")
    assert (st["from"], st["to"], st["undated"], st["physics"]) == ("2024-01", "2024-12", False, False)
    assert "2024-01 … 2024-12" in p.page.inner_text("#ag-f-time")
    lo, hi = p.js("() => [...document.querySelectorAll('#ag-f-time input[type=range]')].map(x => +x.value)")
    assert (lo, hi) == (2024 * 12, 2024 * 12 + 11)
    assert not p.page.locator("#ag-f-time label", has_text="undated").locator("input").is_checked()
    assert p.js("network.physics.options.enabled") is False
    assert not p.page.locator("#ag-physics").is_checked()
    # the dated part only: undated claims back in
    q = open_page(seed_page, "from=2024-01&to=2024-12")
    undated = {r.id for r in seed_ds.relations() if r.when is None}
    assert undated and q.visible()[1] == expected(seed_ds, start="2024", end="2024")[1] | undated
    for x in (p, q):
        x.assert_clean()


def test_url_fragment_restores_the_source_filter(open_page, two_sources_page, two_sources_ds):
    p = open_page(two_sources_page, "src=src-b")
    assert p.visible() == expected(two_sources_ds, source="src-b")
    boxes = p.js("""() => [...document.querySelectorAll('#ag-f-source label')].map(
        l => [l.querySelector('.ag-lbl').textContent, l.querySelector('input').checked])""")
    assert sorted(boxes) == [["Alpha Gazette report", False], ["Beta Review op-ed", True]]
    q = open_page(two_sources_page, "src=~")  # every source unticked
    assert q.visible() == (set(), set())
    for x in (p, q):
        x.assert_clean()


def test_export_json_and_png(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    p.page.select_option("#ag-f-focus select", "USA")
    with p.page.expect_download() as dl:
        p.page.click("#ag-json")
    data = json.loads(open(dl.value.path(), encoding="utf-8").read())
    assert dl.value.suggested_filename.endswith(".json")
    nodes, edges = expected(seed_ds, focus="USA")
    assert {r["id"] for r in data["relations"]} == edges
    assert nodes <= {e["id"] for e in data["entities"]}
    back = graph.loads(json.dumps(data))  # the export is actorgraph data again
    assert {r.id for r in back.relations()} == edges
    with p.page.expect_download() as dl:
        p.page.click("#ag-png")
    png = open(dl.value.path(), "rb").read()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000
    assert dl.value.suggested_filename.endswith(".png")
    p.assert_clean()


def test_hover_shows_a_plain_text_tooltip(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    pt = p.js("actorgraph.nodePoint('TAL')")
    p.page.mouse.move(pt["x"] - 30, pt["y"] - 30)
    p.page.mouse.move(pt["x"], pt["y"], steps=4)
    p.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=3000)
    tip = p.page.inner_text("div.vis-tooltip")
    assert "Taliban (TAL)" in tip and "relations:" in tip
    # set as text (innerText): the only elements are the <br>s of its line breaks
    assert set(p.js("[...document.querySelector('div.vis-tooltip').children].map(c => c.tagName)")) <= {"BR"}
    p.assert_clean()


def test_relation_panel_names_the_author_of_each_source(open_page, two_sources_page):
    p = open_page(two_sources_page)
    # two sources: their authors are named in the citations under the quotes, not as "the author (X)"
    p.js("actorgraph.select('edge', 'both-sources')")
    text = p.panel_text()
    assert "asserted bythe author of each source" in text
    assert "Alice Author) of the source" not in text and "Bob Writer) of the source" not in text
    cites = p.js("[...document.querySelectorAll('#ag-panel .ag-cite')].map(c => c.textContent)")
    assert len(cites) == 2 and "by Alice Author" in cites[0] and "by Bob Writer" in cites[1]
    # one source: its author by name
    p.js("actorgraph.select('edge', 'only-b')")
    assert "asserted bythe author (Bob Writer) of the source" in p.panel_text()
    # an actor's claim: the actor
    p.js("actorgraph.select('edge', 'only-b-2')")
    assert "asserted byChina" in p.panel_text()
    p.assert_clean()
