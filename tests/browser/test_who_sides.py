"""Across sources in Chromium: the "who sides with whom" view (what its vis-network draws against
graph.analysis.discourse, a click on a line and the pane it fills, the URL), merged claims in the
panels (against graph.analysis.contested and claimants), and the roll-up toggle, on
examples/many-sources (with a few constructed repeats) and the seed."""

from __future__ import annotations

import pytest

import graph
from graph.analysis import claimants, contested, discourse
from graph.dataset import Dataset
from graph.model import Evidence, Relation
from graph.render import write_html

from .conftest import ROOT
from .drawn import bare

pytestmark = pytest.mark.browser

HEARING, SPEECH = "example-hearing-2023-03", "example-speech-2024-01"


def _claim(rid, subject, object_, by, source, quote):
    return Relation(
        id=rid,
        subject=subject,
        object=object_,
        type="HOLDS",
        modality="claimed",
        polarity=0,
        asserted_by=by,
        evidence=(Evidence(source, quote),),
    )


def with_repeats():
    """examples/many-sources and three constructed claims (words written for this test): the lawmaker's
    claim that the Taliban hold the equipment coded twice more from the hearing (one claim, three
    quotes), and the foreign office saying in the speech what the prime minister says there (one
    claim of Pakistan, rolled up)."""
    ds = graph.load(ROOT / "examples" / "many-sources")
    extra = [
        _claim(
            "okafor-tal-holds-equipment-2",
            "TAL",
            "US-EQUIPMENT",
            "EX-OKAFOR",
            HEARING,
            "they keep the armoured vehicles in their own depots",
        ),
        _claim(
            "okafor-tal-holds-equipment-3",
            "TAL",
            "US-EQUIPMENT",
            "EX-OKAFOR",
            HEARING,
            "the helicopters were shown to visitors last spring",
        ),
        _claim(
            "fo-ttp-holds-equipment",
            "TTP",
            "US-EQUIPMENT",
            "PAK-FO",
            SPEECH,
            "the foreign office added that the rifles are now with the TTP",
        ),
    ]
    return Dataset(ds.sources, ds.entities, ds.relations() + extra)


@pytest.fixture(scope="module")
def many():
    return graph.load(ROOT / "examples" / "many-sources")


@pytest.fixture(scope="module")
def many_page(many, tmp_path_factory):
    return write_html(many, tmp_path_factory.mktemp("sides") / "many.html")


@pytest.fixture(scope="module")
def repeats():
    return with_repeats()


@pytest.fixture(scope="module")
def repeats_page(repeats, tmp_path_factory):
    return write_html(repeats, tmp_path_factory.mktemp("sides") / "repeats.html")


# what the view's vis-network holds: nodes (id, colour, label), lines (id, from, to, colour, width, label)
_VIEW = """() => {
  const n = actorgraph.sides.network(), b = n.body;
  return {
    nodes: b.nodeIndices.filter(id => !b.nodes[id].options.hidden)
      .map(id => [id, b.nodes[id].options.color.background, b.nodes[id].options.label]),
    edges: b.edgeIndices.filter(id => b.edges[id].connected && !b.edges[id].options.hidden)
      .map(id => { const o = b.edges[id].options; return [id, String(b.edges[id].fromId), String(b.edges[id].toId),
                                                          o.color.color, o.width, o.label]; })};
}"""


def wait_view(p):
    p.page.wait_for_function("() => actorgraph.sides && actorgraph.sides.isOpen() && actorgraph.sides.drawnAt() > 0")
    p.js(
        "() => new Promise(r => { const n = actorgraph.sides.network(); "
        "n.once('afterDrawing', () => r(1)); n.redraw(); })"
    )


def assert_view_draws(p, net):
    """The view draws the discourse network *net* (graph.analysis.discourse): a node per claimant,
    coloured by its camp; a green line per pair with congruence, a red one per pair with conflict,
    labelled with its count, wider for a larger count; nothing else."""
    wait_view(p)
    got = p.js(_VIEW)
    nodes = {bare(i): colour for i, colour, _ in got["nodes"]}
    assert set(nodes) == set(net.claimants)
    camp_colour = {}
    for c in net.claimants:  # one colour per camp, and the claimants not placed in neither
        camp_colour.setdefault(net.camp_of(c), set()).add(nodes[c])
    assert all(len(colours) == 1 for colours in camp_colour.values()), camp_colour
    assert len({next(iter(v)) for v in camp_colour.values()}) == len(camp_colour)
    lines = {}
    for _id, a, b, colour, width, label in got["edges"]:
        kind = {"#2e9a4b": "congruence", "#d0413a": "conflict"}[colour]
        key = (*sorted((bare(a), bare(b))), kind)
        assert key not in lines, f"{key} drawn twice"
        lines[key] = (int(label), width)
    want = {(e["a"], e["b"], kind): e[kind] for e in net.edges for kind in ("congruence", "conflict") if e[kind]}
    assert {k: v[0] for k, v in lines.items()} == want
    by_count = {}
    for count, width in lines.values():
        by_count.setdefault(count, set()).add(width)
    assert all(len(w) == 1 for w in by_count.values())
    counts = sorted(by_count)
    assert all(max(by_count[a]) < min(by_count[b]) for a, b in zip(counts, counts[1:], strict=False)), by_count
    return got


def test_the_view_draws_who_sides_with_whom_exact_and_rolled_up(open_page, many_page, many):
    p = open_page(many_page)
    assert p.js("document.getElementById('ag-sides').hidden") is True
    p.page.click("#ag-sides-open")
    exact = discourse(many)
    assert_view_draws(p, exact)
    assert "sides=1" in p.js("location.hash")
    assert len(exact.camps[0]) > 1 and len(exact.camps[1]) > 1  # two camps
    head = p.page.inner_text("#ag-sides .ag-sides-head")
    assert f"{len(exact.claimants)} claimants · {len(exact.edges)} pairs · camps: exact" in head
    # rolled up: offices and people count as their state
    p.page.click("#ag-sides-rollup")
    rolled = discourse(many, roll_up=True)
    got = assert_view_draws(p, rolled)
    assert {bare(n[0]) for n in got["nodes"]} >= {"PAK", "USA", "TAL"} and len(rolled.edges) < len(exact.edges)
    assert "rollup=1" in p.js("location.hash") and p.js("actorgraph.state().rollup") is True
    assert p.js("document.getElementById('ag-rollup').checked") is True  # the panels' toggle follows
    # closed with its button (and Esc), opened again from the header
    p.page.click("#ag-sides .ag-sides-close")
    assert p.js("document.getElementById('ag-sides').hidden") is True and "sides=1" not in p.js("location.hash")
    p.page.click("#ag-sides-open")
    assert_view_draws(p, rolled)
    p.page.keyboard.press("Escape")
    assert p.js("actorgraph.sides.isOpen()") is False
    p.assert_clean()


def test_the_view_opens_from_the_url(open_page, many_page, many):
    p = open_page(many_page, "sides=1&rollup=1")
    assert_view_draws(p, discourse(many, roll_up=True))
    p.js("location.hash = ''")
    p.page.wait_for_function("() => !actorgraph.sides.isOpen()")
    p.js("location.hash = '#sides=1'")
    assert_view_draws(p, discourse(many))
    p.assert_clean()


def test_a_click_on_a_line_lists_the_groups_and_quotes_each_claim_one_click_away(open_page, many_page, many):
    p = open_page(many_page, "sides=1&rollup=1")
    wait_view(p)
    net = discourse(many, roll_up=True)
    edge = next(e for e in net.edges if (e["a"], e["b"]) == ("PAK", "TAL"))
    assert edge["conflict"] == 2
    ids = p.js("([a, b]) => actorgraph.sides.edgesOf(a, b)", ["PAK", "TAL"])
    assert ids == [next(i for i in ids if i.startswith("x"))]  # one red line, no green one
    pt = p.js("(id) => actorgraph.sides.edgePoint(id)", ids[0])
    p.page.mouse.click(pt["x"], pt["y"])
    text = p.js("actorgraph.sides.paneText()")
    assert text.startswith("Pakistan — Taliban") and "congruence 0 · conflict 2" in text
    names = {e.id: e.name for e in many.entities.values()}
    for g in net.evidence("PAK", "TAL"):
        s, t, o = g["group"]
        assert f"{names[s]} {t} {names[o]} — opposite stances" in text
        for side, who in (("a", "Pakistan"), ("b", "Taliban")):
            for claim in g[side]:
                assert (
                    f"{who} {'asserts' if claim['stance'] > 0 else 'denies'} · in {many.sources[claim['source']].title}"
                    in text
                )
                for q in claim["quotes"]:
                    assert f"\u201c{q}\u201d" in text
    # each claim one click away: a quote opens its claim in the main panel (the original, as coded)
    rid = net.evidence("PAK", "TAL")[0]["b"][0]["relations"][0]
    quote = many.relation(rid).evidence[0].quote
    p.page.locator("#ag-sides blockquote", has_text=quote).first.click()
    assert p.js("actorgraph.state().sel") == ["edge", rid]
    panel = p.panel_text()
    assert quote in panel and names[many.relation(rid).claimants[0]] in panel
    # a click on a claimant lists its pairs
    pt = p.js("actorgraph.sides.nodePoint('TAL')")
    p.page.mouse.click(pt["x"], pt["y"])
    text = p.js("actorgraph.sides.paneText()")
    assert text.startswith("Taliban") and f"{sum(1 for e in net.edges if 'TAL' in (e['a'], e['b']))} pairs" in text
    p.assert_clean()


def test_the_seed_view_lists_its_claimants_without_pairs(open_page, seed_page, seed_ds):
    p = open_page(seed_page, "sides=1")
    net = discourse(seed_ds)
    assert not net.edges
    got = assert_view_draws(p, net)
    assert len(got["nodes"]) == len(net.claimants) > 0
    assert "No two claimants take a stance on the same claim group." in p.js("actorgraph.sides.paneText()")
    p.page.click("#ag-sides-rollup")
    assert_view_draws(p, discourse(seed_ds, roll_up=True))
    p.assert_clean()


def _group_entries(p):
    """The lines of the claim's group box (each merged claim once), and its whole text."""
    return (
        p.js(
            "() => Array.from(document.querySelectorAll('#ag-panel .ag-contested > ul > li, "
            "#ag-panel .ag-corroborated > ul > li')).map(li => li.firstChild.textContent)"
        ),
        p.page.inner_text("#ag-panel .ag-contested, #ag-panel .ag-corroborated"),
    )


def test_a_claim_said_three_times_is_listed_once_with_its_quotes(open_page, repeats_page, repeats):
    p = open_page(repeats_page, "relation=okafor-tal-holds-equipment")
    group = next(g for g in contested(repeats).groups if g.key == ("TAL", "HOLDS", "US-EQUIPMENT"))
    entries, text = _group_entries(p)
    assert len(entries) == len(group.asserted + group.denied + group.other) == 3
    assert entries.count("claimed by Sam Okafor") == 1
    okafor = next(e for e in group.asserted if e["by"] == "EX-OKAFOR")
    assert len(okafor["quotes"]) == 3
    assert (
        "claimed by Sam Okafor · in A House committee hearing on the equipment left behind (constructed example) "
        "· 3 quotes" in text
    )
    for q in okafor["quotes"]:
        assert f"\u201c{q}\u201d" in text
    # each of its claims one click away
    p.page.locator("#ag-panel .ag-quotes button", has_text=okafor["quotes"][2]).click()
    assert p.js("actorgraph.state().sel") == ["edge", "okafor-tal-holds-equipment-3"]
    # the claimant's panel counts it once
    p.js("actorgraph.select('node', 'EX-OKAFOR', false)")
    made = next(g for g in claimants(repeats).by_claimant if g["claimant"] == "EX-OKAFOR")
    assert (made["count"], len(made["relations"])) == (3, 5)
    lines = p.js("() => document.querySelectorAll('#ag-panel .ag-asserts > ul > li').length")
    assert lines == made["count"]
    text = p.page.text_content("#ag-panel .ag-asserts")
    assert f"Claims it makes (asserts or denies) · {made['count']}" in text and "5 claims as coded" in text
    assert text.count("HOLDS") == 2 and "3 quotes" in text
    p.assert_clean()


def test_the_roll_up_counts_offices_and_people_as_their_state(open_page, repeats_page, repeats):
    p = open_page(repeats_page, "relation=ttp-holds-us-equipment-pm-claim")
    key = ("TTP", "HOLDS", "US-EQUIPMENT")
    exact = next(g for g in contested(repeats).groups if g.key == key)
    rolled = next(g for g in contested(repeats, roll_up=True).groups if g.key == key)
    entries, _ = _group_entries(p)
    assert len(entries) == len(exact.asserted + exact.denied + exact.other)
    assert (
        "claimed by Prime Minister of Pakistan" in entries
        and "claimed by Ministry of Foreign Affairs of Pakistan" in entries
    )
    p.page.click("#ag-rollup")
    assert "rollup=1" in p.js("location.hash")
    entries, text = _group_entries(p)
    assert (
        len(entries)
        == len(rolled.asserted + rolled.denied + rolled.other)
        < len(exact.asserted + exact.denied + exact.other)
    )
    pak = next(e for e in rolled.asserted if e["by"] == "PAK")
    assert pak["as"] == ["PAK-PM", "PAK-FO"] and len(pak["relations"]) == 2
    assert "claimed by Pakistan (as Prime Minister of Pakistan, Ministry of Foreign Affairs of Pakistan)" in entries
    assert "rolled up:" in text and "· 2 quotes" in text
    # the original claim one click away
    p.page.locator("#ag-panel .ag-quotes button", has_text="the foreign office added").click()
    assert p.js("actorgraph.state().sel") == ["edge", "fo-ttp-holds-equipment"]
    assert "asserted byMinistry of Foreign Affairs of Pakistan" in p.panel_text()
    # Pakistan's claims: its own and its offices', counted once (as graph.analysis.claimants counts them)
    p.js("actorgraph.select('node', 'PAK', false)")
    made = next(g for g in claimants(repeats, roll_up=True).by_claimant if g["claimant"] == "PAK")
    text = p.page.text_content("#ag-panel .ag-asserts")
    assert f"Claims it makes (asserts or denies) · {made['count']}" in text
    assert p.js("() => document.querySelectorAll('#ag-panel .ag-asserts > ul > li').length") == made["count"]
    assert "with the claims of its offices and people (roll-up)" in text
    # off again: Pakistan's own claim only; the link restores the roll-up
    p.page.click("#ag-rollup")
    exact_made = next(g for g in claimants(repeats).by_claimant if g["claimant"] == "PAK")
    assert f"Claims it makes (asserts or denies) · {exact_made['count']}" in p.page.text_content(
        "#ag-panel .ag-asserts"
    )
    assert exact_made["count"] < made["count"]
    q = open_page(repeats_page, "entity=PAK&rollup=1")
    assert f"Claims it makes (asserts or denies) · {made['count']}" in q.page.text_content("#ag-panel .ag-asserts")
    p.assert_clean()
    q.assert_clean()


def test_hostile_names_in_the_view_run_nothing(open_page, tmp_path):
    """Claimants, sources and quotes full of markup: the view shows them as text while its lines,
    claimants and every button of its pane are clicked."""
    from .test_hostile import P, _check_links, hostile_dataset

    ds = hostile_dataset()
    extra = [
        Relation(
            id="deny<b>",
            subject="A",
            object="B<i>",
            type="ACCUSE",
            modality="denied",
            polarity=-3,
            asserted_by="B<i>",
            evidence=(Evidence("s<1>", P[3]),),
        ),
        Relation(
            id="author-says",
            subject="A",
            object="B<i>",
            type="ACCUSE",
            modality="reported",
            polarity=-3,
            evidence=(Evidence("s<1>", P[6]),),
        ),
    ]
    ds = Dataset(ds.sources, ds.entities, ds.relations() + extra)
    net = discourse(ds)
    assert net.edges
    p = open_page(write_html(ds, tmp_path / "hostile-sides.html"), "sides=1")
    assert_view_draws(p, net)
    for e in net.edges:
        for vid in p.js("([a, b]) => actorgraph.sides.edgesOf(a, b)", [e["a"], e["b"]]):
            pt = p.js("(id) => actorgraph.sides.edgePoint(id)", vid)
            p.page.mouse.move(pt["x"], pt["y"], steps=3)
            p.page.mouse.click(pt["x"], pt["y"])
            text = p.js("actorgraph.sides.paneText()")
            assert P[3] in text or P[6] in text or P[2] in text  # the quotes, as text
            for i in range(p.page.locator("#ag-sides button").count()):
                buttons = p.page.locator("#ag-sides button")
                if i < buttons.count() and buttons.nth(i).is_visible() and buttons.nth(i).inner_text() != "Close":
                    buttons.nth(i).click()
            _check_links(p)
    for c in net.claimants:
        pt = p.js("(c) => actorgraph.sides.nodePoint(c)", c)
        p.page.mouse.click(pt["x"], pt["y"])
    _check_links(p)
    assert p.js("typeof window.__pwned") == "undefined"
    p.assert_clean()
