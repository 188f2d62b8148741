"""Ids named like JavaScript built-ins, dragged nodes across filters, CLI-filtered pages against the
page's own filters, URL values out of range, and how the tests wait (in Chromium)."""

from __future__ import annotations

import ast
import math
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import write_html
from graph.when import parse_when

ROOT = Path(__file__).resolve().parent.parent.parent
from tests.conftest import DATA  # noqa: E402 - the seed (a copy: never the user's data/)

# ids the validator accepts that name members of Object.prototype
BUILTIN_IDS = """
sources:
  - {id: constructor, title: Constructor Times, kind: news report, published: 2024}
  - {id: toString, title: ToString Post, kind: op-ed, published: 2024}
  - {id: valueOf, title: ValueOf Daily, kind: news report, published: 2024}
entities:
  - {id: constructor, name: Ctor Land, kind: state}
  - {id: toString, name: Tostring Land, kind: state}
  - {id: valueOf, name: Valueof Land, kind: state}
  - {id: hasOwnProperty, name: Hasown Office, kind: office}
  - {id: isPrototypeOf, name: Proto Group, kind: armed_group}
  - {id: toLocaleString, name: Locale Island, kind: place}
relations:
  - {id: constructor, subject: constructor, object: toString, type: ACCUSE, modality: claimed,
     asserted_by: hasOwnProperty,
     evidence: [{source: constructor, quote: "q one"}, {source: toString, quote: "q one b"}]}
  - {id: toString, subject: toString, object: valueOf, type: AID, modality: reported, when: 2024-03,
     evidence: [{source: toString, quote: "q two"}]}
  - {id: valueOf, subject: valueOf, object: constructor, type: CONSULT, modality: reported, when: 2023,
     evidence: [{source: valueOf, quote: "q three"}]}
  - {id: hasOwnProperty, subject: isPrototypeOf, object: constructor, type: THREATEN, modality: speculated,
     evidence: [{source: constructor, quote: "q four"}]}
  - {id: isPrototypeOf, subject: constructor, object: valueOf, type: ACCUSE, modality: reported, when: 2024-01,
     evidence: [{source: valueOf, quote: "q five"}]}
"""


def builtin_ids_dataset(proto):
    ds = graph.loads(BUILTIN_IDS)
    if not proto:
        return ds
    # '__proto__' (the validator refuses ids that start with '_'; a dataset built in Python can hold it)
    sources = {
        **ds.sources,
        "__proto__": Source(id="__proto__", title="Proto Weekly", kind="op-ed", published=parse_when("2024")),
    }
    entities = {**ds.entities, "__proto__": Entity(id="__proto__", name="Proto Land", kind="state")}
    rels = ds.relations() + [
        Relation(
            id="__proto__",
            subject="__proto__",
            object="constructor",
            type="AID",
            modality="reported",
            polarity=7,
            when=parse_when("2024-02"),
            evidence=(Evidence("__proto__", "q six"),),
        ),
        Relation(
            id="__defineGetter__",
            subject="toString",
            object="__proto__",
            type="ACCUSE",
            modality="claimed",
            polarity=-3,
            asserted_by="hasOwnProperty",
            evidence=(Evidence("__proto__", "q seven"), Evidence("constructor", "q seven b")),
        ),
    ]
    return Dataset(sources, entities, rels)


def drawn(ds):
    """The entities the page draws unfiltered: all but those only asserting claims."""
    related = {x for r in ds.relations() for x in (r.subject, r.object)}
    asserters = {r.asserted_by for r in ds.relations() if r.asserted_by}
    return {e for e in ds.entities if e in related or e not in asserters}


def expected(ds, **kw):
    rels = ds.view(**kw).relations() if kw else ds.relations()
    nodes = {r.subject for r in rels} | {r.object for r in rels}
    if kw.get("focus"):
        nodes.add(ds.entity(kw["focus"]).id)
    return nodes, {r.id for r in rels}


def filter_counts(p, section):
    """{label: count} of a filter section's checkboxes."""
    rows = p.js(
        """(sec) => [...document.querySelectorAll('#' + sec + ' label')].map(
        l => [l.querySelector('.ag-lbl').textContent, l.querySelector('.ag-count').textContent])""",
        section,
    )
    return {k: int(v) for k, v in rows}


@pytest.mark.parametrize("proto", [False, True], ids=["validated", "with-__proto__"])
def test_ids_named_like_javascript_builtins(open_page, tmp_path, proto):
    ds = builtin_ids_dataset(proto)
    p = open_page(write_html(ds, tmp_path / "builtin.html"))
    rels = ds.relations()
    nodes = drawn(ds)
    assert "hasOwnProperty" not in nodes and "toLocaleString" in nodes  # asserter only; isolated
    assert p.visible() == (nodes, {r.id for r in rels})
    assert (
        p.page.inner_text("#ag-counts")
        == f"{len(nodes)} of {len(nodes)} entities · {len(rels)} of {len(rels)} relations"
    )
    # the filters count right
    by_source = Counter(s for r in rels for s in r.sources)
    assert filter_counts(p, "ag-f-source") == {ds.sources[s].title: n for s, n in by_source.items()}
    types = filter_counts(p, "ag-f-type")
    for t, n in Counter(r.type for r in rels).items():
        assert types[t] == n
    assert filter_counts(p, "ag-f-modality") == dict(Counter(r.modality for r in rels))
    assert filter_counts(p, "ag-f-time") == {"include undated claims": sum(1 for r in rels if r.when is None)}
    # the entity panel lists its own relations
    p.js("actorgraph.select('node', 'constructor')")
    text = p.panel_text()
    n_out = sum(1 for r in rels if r.subject == "constructor")
    n_in = sum(1 for r in rels if r.object == "constructor")
    assert "Ctor Land" in text and f"(out) · {n_out}" in text and f"(in) · {n_in}" in text
    # a relation's panel, a mouse click on a node, search
    p.js("actorgraph.select('edge', 'constructor')")
    assert "q one" in p.panel_text() and "Hasown Office" in p.panel_text()
    pt = p.js("actorgraph.nodePoint('valueOf')")
    p.page.mouse.click(pt["x"], pt["y"])
    assert p.js("actorgraph.state().sel") == ["node", "valueOf"]
    assert "Valueof Land" in p.panel_text()
    p.page.fill("#ag-search", "Tostring Land")
    p.page.press("#ag-search", "Enter")
    assert p.js("actorgraph.state().sel") == ["node", "toString"]
    # filters: a source unticked, a neighbourhood
    p.page.locator("#ag-f-source label", has_text="Constructor Times").locator("input").uncheck()
    others = [s for s in ds.sources if s != "constructor"]
    assert p.visible() == expected(ds, source=others)
    p.page.click("#ag-reset")
    p.page.select_option("#ag-f-focus select", "constructor")
    assert p.visible() == expected(ds, focus="constructor", hops=1)
    if proto:
        p.js("actorgraph.select('node', '__proto__')")
        assert "Proto Land" in p.panel_text()
        p.page.click("#ag-reset")
        p.page.select_option("#ag-f-focus select", "__proto__")
        assert p.visible() == expected(ds, focus="__proto__", hops=1)
    p.page.click("#ag-reset")
    assert p.visible() == (nodes, {r.id for r in rels})
    p.assert_clean()


@pytest.fixture(scope="module")
def still_page(seed_ds, tmp_path_factory):
    """The seed page with physics off: nodes stay where they are put."""
    return write_html(seed_ds, tmp_path_factory.mktemp("still") / "still.html", physics=False)


def test_a_dragged_node_keeps_its_place_when_filters_hide_and_show_it(open_page, still_page, seed_ds):
    near, _ = expected(seed_ds, focus="PAK", hops=1)
    # a neighbour of PAK, and an actor whose neighbourhood leaves it out
    node, other = next(
        (n, f)
        for n in sorted(near - {"PAK"})
        for f in sorted(seed_ds.entities)
        if n not in expected(seed_ds, focus=f, hops=1)[0]
    )
    p = open_page(still_page, "focus=PAK&hops=1")
    assert node in p.visible()[0] and len(p.visible()[0]) < len(seed_ds.entities)
    before = p.js("(id) => network.getPositions([id])[id]", node)
    pt = p.js("(id) => actorgraph.nodePoint(id)", node)
    assert (
        p.js(
            """(q) => { const r = document.getElementById('ag-network').getBoundingClientRect();
        return network.getNodeAt({x: q.x - r.left, y: q.y - r.top}); }""",
            pt,
        )
        == node
    )
    p.page.mouse.move(pt["x"], pt["y"])
    p.page.mouse.down()
    p.page.mouse.move(pt["x"] + 70, pt["y"] + 50, steps=10)
    p.page.mouse.up()
    dragged = p.js("(id) => network.getPositions([id])[id]", node)
    assert math.dist((dragged["x"], dragged["y"]), (before["x"], before["y"])) > 30
    # another neighbourhood hides it; reset shows it again, where it was put
    p.page.select_option("#ag-f-focus select", other)
    assert node not in p.visible()[0]
    p.page.click("#ag-reset")
    assert node in p.visible()[0]
    back = p.js("(id) => network.getPositions([id])[id]", node)
    assert math.dist((back["x"], back["y"]), (dragged["x"], dragged["y"])) <= 1
    p.assert_clean()


def test_cli_filtered_page_draws_what_the_page_filter_shows(open_page, seed_page, seed_ds, tmp_path):
    out = tmp_path / "claimed.html"
    r = CliRunner().invoke(main, ["render", str(DATA), "-o", str(out), "--modality", "claimed"])
    assert r.exit_code == 0, r.output
    cli = open_page(out)
    page = open_page(seed_page, "mod=claimed")
    want = expected(seed_ds, modality="claimed")
    assert cli.visible() == page.visible() == want
    # the view keeps the entities that only assert claims (the panels name them) without drawing them
    view = seed_ds.view(modality="claimed")
    only_asserting = set(view.entities) - want[0]
    assert only_asserting and only_asserting <= {r.asserted_by for r in view.relations()}
    n = len(want[0])
    assert cli.page.inner_text("#ag-counts").startswith(f"{n} of {n} entities")
    claim = next(x for x in view.relations() if x.asserted_by in only_asserting)
    cli.js("(id) => actorgraph.select('edge', id)", claim.id)
    assert seed_ds.entities[claim.asserted_by].name in cli.panel_text()
    # focusing it draws it (as the view of its neighbourhood would)
    cli.js("(id) => actorgraph.setFocus(id, 1)", claim.asserted_by)
    assert cli.visible()[0] == {claim.asserted_by}
    for x in (cli, page):
        x.assert_clean()


@pytest.mark.parametrize("value,hops", [("9", 6), ("6", 6), ("2", 2), ("0", 1), ("-3", 1), ("x", 1)])
def test_hops_in_the_url_are_clamped(open_page, seed_page, seed_ds, value, hops):
    p = open_page(seed_page, f"focus=PAK&hops={value}")
    assert p.js("actorgraph.state().hops") == hops
    assert p.page.locator("#ag-f-focus input[type=number]").input_value() == str(hops)
    assert p.visible() == expected(seed_ds, focus="PAK", hops=hops)
    p.assert_clean()


ALL_DATED = """
sources: [{id: s, title: S, kind: op-ed, published: 2024}]
entities:
  - {id: A, name: Aland, kind: state}
  - {id: B, name: Bland, kind: state}
  - {id: LONE, name: Lonely Place, kind: place}
relations:
  - {id: r1, subject: A, object: B, type: AID, modality: reported, when: 2024-01, evidence: [{source: s, quote: q}]}
  - {id: r2, subject: B, object: A, type: ACCUSE, modality: reported, when: 2024-06, evidence: [{source: s, quote: q}]}
"""


def test_undated_unticked_is_no_filter_when_every_claim_is_dated(open_page, tmp_path):
    ds = graph.loads(ALL_DATED)
    everything = (set(ds.entities), {"r1", "r2"})
    p = open_page(write_html(ds, tmp_path / "dated.html"), "undated=0")
    assert p.visible() == everything  # the isolated entity too: nothing is filtered
    q = open_page(write_html(ds, tmp_path / "dated.html"))
    q.page.locator("#ag-f-time label", has_text="undated").locator("input").uncheck()
    assert q.visible() == everything
    assert q.page.inner_text("#ag-counts") == "3 of 3 entities · 2 of 2 relations"
    for x in (p, q):
        x.assert_clean()


def test_every_wait_for_function_predicate_is_a_function():
    """Playwright eval()s a bare-expression predicate in the page, which the page's CSP refuses:
    every call passes a function, and nothing patches Playwright to rewrite them."""
    from playwright.sync_api import Frame, Page

    assert not hasattr(Page.wait_for_function, "__wrapped__")
    assert not hasattr(Frame.wait_for_function, "__wrapped__")
    files = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").glob("*.py"), *(ROOT / "scripts").glob("*.py")]
    calls = 0
    for f in files:
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "wait_for_function":
                calls += 1
                arg = node.args[0]
                assert isinstance(arg, ast.Constant) and re.match(r"\s*(\(\)\s*=>|function\b)", arg.value), (
                    f"{f}:{node.lineno}"
                )
    assert calls >= 5
