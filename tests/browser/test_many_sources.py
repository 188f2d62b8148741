"""The page with many sources, in Chromium: denied claims' style, the contested mark and filter,
the claimant toggle, the entity panel's claims, and the reader panel (highlights, clicks both ways)."""

from __future__ import annotations

import time

import pytest

from graph.analysis import contested
from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import write_html
from graph.render.style import DENIED_COLOR
from tests.many_sources import RELATIONS, dataset

pytestmark = pytest.mark.browser


def texts_for(ds):
    """A stored text per source that holds every quote of its claims (and words around them)."""
    out = {}
    for sid in ds.sources:
        quotes = [ev.quote for r in RELATIONS for ev in r.evidence if ev.source == sid]
        out[sid] = "First paragraph of the source.\n\n" + ". Then other words: ".join(quotes) + ".\n\nThe end."
    return out


@pytest.fixture(scope="module")
def many():
    return dataset()


@pytest.fixture(scope="module")
def many_page(many, tmp_path_factory):
    return write_html(many, tmp_path_factory.mktemp("many") / "many.html", texts=texts_for(many))


def edge_option(p, rid, path):
    return p.js("([id, path]) => path.reduce((o, k) => o && o[k], network.body.edges[id].options)", [rid, path])


def test_a_denied_claim_never_looks_like_the_event(open_page, many_page, many):
    p = open_page(many_page, "merge=0")  # a line per claim
    denied = [r.id for r in many.relations() if r.modality == "denied"]
    assert denied
    for rid in denied:
        assert edge_option(p, rid, ["color", "color"]) == DENIED_COLOR
        assert edge_option(p, rid, ["label"]).startswith("denied: ")
    # an asserted claim of the same kind keeps the event's colour
    assert edge_option(p, "roe-tal-holds", ["color", "color"]) != DENIED_COLOR
    p.js("actorgraph.select('edge', 'kirby-denies-holds', false)")
    text = p.panel_text()
    assert "Denied: HOLDS" in text and "John Kirby denies that this happened" in text
    assert "denied byJohn Kirby" in text and "asserted by" not in text
    p.js("actorgraph.select('edge', 'op-no-sanction', false)")
    text = p.panel_text()
    assert "The source says this did not happen" in text and "denied bythe source (it says this did not happen)" in text
    p.assert_clean()


def test_contested_claims_are_marked_and_filtered(open_page, many_page, many):
    p = open_page(many_page, "merge=0")  # a line per claim
    want = {rid for g in contested(many).contested for rid in g.relations}
    marked = {rid for rid in (r.id for r in many.relations()) if edge_option(p, rid, ["background", "enabled"]) is True}
    assert marked == want
    assert all("\u2691" in edge_option(p, rid, ["label"]) for rid in want)
    p.page.click("#ag-contested")
    assert p.visible()[1] == want
    assert "contested=1" in p.js("location.hash")
    p.js("actorgraph.select('edge', 'roe-tal-holds', false)")
    text = p.panel_text()
    assert "\u2691 Contested" in text and "asserted and denied" in text
    assert "claimed by Jane Roe · in Hearing of the House committee" in text
    assert "denied by John Kirby · in White House briefing" in text
    # the filter is in the URL: reopening the link restores it
    q = open_page(many_page, "contested=1")
    assert q.visible()[1] == want and q.js("actorgraph.state().contested") is True
    # a corroborated claim says so
    p.js("actorgraph.select('edge', 'pak-accuses-tal', false)")
    assert "Corroborated — asserted by 2 sources, denied by none" in p.panel_text()
    p.assert_clean()


def test_show_claimants_draws_them_with_dotted_links(open_page, many_page):
    p = open_page(many_page)
    nodes, _ = p.visible()
    assert "KIRBY" not in nodes and "TAL-SPOX" not in nodes  # they only make claims
    assert p.js("actorgraph.visibleClaimantLinks()") == []
    p.page.click("#ag-claimants")
    nodes, edges = p.visible()
    assert {"KIRBY", "ROE", "PAK-PM", "PAK-FO", "TAL-SPOX"} <= nodes
    links = p.js("actorgraph.visibleClaimantLinks()")
    assert ["KIRBY", "TAL", "denies", ["kirby-denies-holds"]] in links
    assert ["ROE", "TAL", "asserts", ["roe-tal-holds"]] in links
    assert ["PAK-PM", "PAK", "asserts", ["pak-accuses-tal"]] in links and [
        "PAK-FO",
        "PAK",
        "asserts",
        ["pak-accuses-tal"],
    ] in links
    assert all(link[0] in nodes and link[1] in nodes for link in links)
    assert p.js(
        "network.body.edges[actorgraph.visibleClaimantLinks && '\\u2061denies\\u2061KIRBY\\u2061TAL'].options.dashes"
    ) == [1, 4]
    # links follow the filters: only the claims left
    p.page.click("#ag-contested")
    kept = {tuple(x[3]) for x in p.js("actorgraph.visibleClaimantLinks()")}
    assert ("pak-accuses-tal",) not in kept and ("kirby-denies-holds",) in kept
    assert "claimants=1" in p.js("location.hash")
    p.js("actorgraph.select('node', 'KIRBY', false)")
    text = p.panel_text()
    assert "Claims it makes (asserts or denies) · 2" in text
    assert "denies: HOLDS Taliban → US military equipment · in White House briefing" in text
    assert "claims: CONSULT White House → Taliban · in White House briefing" in text
    p.assert_clean()


def test_clicking_a_claimant_link_opens_the_claimant(open_page, many_page):
    p = open_page(many_page, "claimants=1&physics=0")
    a, b = p.js("actorgraph.nodePoint('TAL-SPOX')"), p.js("actorgraph.nodePoint('AFG')")
    mid = p.js("actorgraph.claimantLinkPoint('TAL-SPOX', 'AFG', 'denies')")
    assert a and b and mid is not None
    # real clicks on the drawn curve (vis-network's quadratic curve through the link's middle), from its middle
    # outwards: where another link crosses it (fonts move the layout a little), the click is that link's
    opened, tried = None, []
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75):
        c = {k: 2 * mid[k] - (a[k] + b[k]) / 2 for k in ("x", "y")}  # the control point
        x, y = ((1 - t) ** 2 * a[k] + 2 * t * (1 - t) * c[k] + t**2 * b[k] for k in ("x", "y"))
        p.page.mouse.click(x, y)
        tried.append(p.js("actorgraph.state().sel"))
        if tried[-1] == ["node", "TAL-SPOX"]:
            opened = t
            break
    assert opened is not None, tried
    assert "Taliban spokesman" in p.panel_text()
    p.assert_clean()


def test_other_claims_between_them_name_claimant_and_source(open_page, many_page):
    p = open_page(many_page)
    p.js("actorgraph.select('edge', 'roe-tal-holds', false)")
    text = p.panel_text()
    i = text.index("Other claims between them · 1")
    assert "HOLDS · denied by John Kirby · in White House briefing" in text[i:]


def test_a_source_note_is_shown(open_page, many_page):
    p = open_page(many_page)
    assert "note: the stored text is a partial excerpt" in p.panel_text()  # the overview's source list
    p.js("actorgraph.select('edge', 'op-pak-consults', false)")
    assert "note: the stored text is a partial excerpt" in p.panel_text()  # under the quote


def test_the_reader_highlights_every_quote_and_clicks_through(open_page, many_page, many):
    p = open_page(many_page)
    assert p.js("document.getElementById('ag-reader').hidden") is True
    # open the reader from the source list of the overview
    p.page.click("#ag-panel li:has-text('Hearing of the House committee') button.ag-read")
    assert p.js("actorgraph.reader.current()") == "hill"
    hl = p.js("actorgraph.reader.highlights()")
    want = {r.id for r in many.relations() if "hill" in r.sources}
    assert {rid for _, rids in hl for rid in rids} == want
    assert all(text == f"quote of {rids[0]} in hill" for text, rids in hl)
    assert p.page.locator("#ag-reader").inner_text().count("Then other words") == len(want) - 1
    # click a highlight: its claim opens
    p.page.click("#ag-reader mark:has-text('quote of roe-no-talks in hill')")
    assert p.js("actorgraph.state().sel") == ["edge", "roe-no-talks"]
    assert "denied byJane Roe" in p.panel_text()
    # click a claim's quote: the reader scrolls to it
    p.js("actorgraph.reader.close()")
    p.js("actorgraph.select('edge', 'pak-accuses-tal', false)")
    p.page.click("#ag-panel blockquote.ag-quote-link >> nth=1")  # its second quote, in the op-ed
    assert p.js("actorgraph.reader.current()") == "op"
    cur = p.page.locator("#ag-reader mark.ag-current")
    assert cur.count() == 1 and cur.inner_text() == "quote of pak-accuses-tal in op"
    box, pane = cur.bounding_box(), p.page.locator("#ag-reader").bounding_box()
    assert pane["y"] <= box["y"] and box["y"] + box["height"] <= pane["y"] + pane["height"]
    p.page.click("#ag-reader .ag-reader-close")
    assert p.js("actorgraph.reader.current()") is None
    p.assert_clean()


def test_the_seed_article_opens_in_the_reader(open_page, seed_page, seed_ds):
    p = open_page(seed_page)
    sid = next(iter(seed_ds.sources))
    assert p.js(f"actorgraph.reader.open('{sid}')") is True
    quotes = sum(1 for r in seed_ds.relations() for e in r.evidence if e.source == sid)
    assert p.js(f"actorgraph.internal.data.reader['{sid}'].marks.length") == quotes
    assert p.js(f"actorgraph.internal.data.reader['{sid}'].missing") == []
    assert p.page.locator("#ag-reader mark").count() > 0
    p.assert_clean()


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> and </textarea><b>bold</b>"


def test_a_hostile_text_stays_text(open_page, tmp_path):
    src = Source("s", title="<img src=x onerror=alert(3)>", note="<script>alert(4)</script>")
    ents = {"A": Entity("A", "A", "state"), "B": Entity("B", "B", "state")}
    rels = [
        Relation(
            id="r",
            subject="A",
            object="B",
            type="AID",
            modality="reported",
            polarity=10,
            evidence=(Evidence("s", "<b>bold</b>"),),
        )
    ]
    page = write_html(Dataset({"s": src}, ents, rels), tmp_path / "h.html", texts={"s": HOSTILE})
    p = open_page(page)
    p.js("actorgraph.reader.open('s')")
    assert HOSTILE in p.page.locator("#ag-reader .ag-reader-text").inner_text()
    assert p.page.locator("#ag-reader img, #ag-reader script, #ag-reader b").count() == 0
    assert p.js("actorgraph.reader.highlights()") == [["<b>bold</b>", ["r"]]]
    p.page.click("#ag-reader mark")
    assert p.js("actorgraph.state().sel") == ["edge", "r"]
    p.assert_clean()


def big_text(n_marks=500, size=200_000):
    """A ~200 kB text with *n_marks* distinct quotes spread through it."""
    filler = "Words that no claim quotes, written to fill the text between the quotes. "
    per = size // n_marks
    parts, quotes = [], []
    for i in range(n_marks):
        q = f"quoted passage number {i} of the long text"
        quotes.append(q)
        parts.append((filler * (per // len(filler) + 1))[: per - len(q) - 2] + " " + q + " ")
    return "".join(parts), quotes


def big_dataset():
    text, quotes = big_text()
    ents = {f"E{i}": Entity(f"E{i}", f"Entity {i}", "state") for i in range(20)}
    rels = [
        Relation(
            id=f"r{i}",
            subject=f"E{i % 20}",
            object=f"E{(i * 7 + 1) % 20}",
            type="CONSULT",
            modality="reported",
            polarity=2.5,
            evidence=(Evidence("big", q),),
        )
        for i, q in enumerate(quotes)
    ]
    return Dataset({"big": Source("big", title="A long text")}, ents, rels), text


@pytest.mark.slow
def test_a_200_kb_text_with_500_highlights_opens(open_page, tmp_path):
    ds, text = big_dataset()
    assert len(text.encode()) >= 195_000
    page = write_html(ds, tmp_path / "big.html", texts={"big": text})
    p = open_page(page)
    t0 = time.perf_counter()
    assert p.js("actorgraph.reader.show('big', 'r499', 0)") is True
    elapsed = time.perf_counter() - t0
    assert p.page.locator("#ag-reader mark").count() == 500
    assert p.page.locator("#ag-reader mark.ag-current").inner_text() == "quoted passage number 499 of the long text"
    assert elapsed < 10, elapsed  # generous: benchmarks/reader_bench.py measures it (well under a second)
    p.assert_clean()


@pytest.mark.parametrize(
    "fragment, filters",
    [
        ("time=made&from=2021-08&to=2021-12", {"start": "2021-08", "end": "2021-12", "time": "made"}),
        ("from=2021-08&to=2021-12", {"start": "2021-08", "end": "2021-12"}),
        (
            "time=happened-or-made&from=2024-01&to=2024-01",
            {"start": "2024-01", "end": "2024-01", "time": "happened-or-made"},
        ),
    ],
)
def test_the_time_filter_uses_when_a_claim_happened_or_was_made(open_page, many_page, many, fragment, filters):
    p = open_page(many_page, fragment + "&undated=0")
    assert p.visible()[1] == {r.id for r in many.relations(**filters)}
    assert p.js("actorgraph.state().time") == filters.get("time", "happened")
    assert p.page.locator("#ag-f-time select").input_value() == filters.get("time", "happened")
    p.assert_clean()


def test_choosing_the_time_basis_in_the_page(open_page, many_page, many):
    p = open_page(many_page, "undated=0")
    # happened: the undated claims are out
    assert p.visible()[1] == {r.id for r in many.relations() if r.when is not None}
    p.page.select_option("#ag-f-time select", "made")
    assert p.visible()[1] == {r.id for r in many.relations()}  # every source has a date
    assert "time=made" in p.js("location.hash")
