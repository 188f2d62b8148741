"""The page is readable on real data: at the default fit no two node labels overlap and no edge
label is drawn below 9 px (read from the canvas's own text calls, not from the page's bookkeeping);
part_of lines, merged parallel claims, groups; texts in the actors' own languages.

The text calls are recorded by wrapping the canvas's ``fillText`` before any page script runs:
each label's box on screen comes from the text, the font, the alignment and the transform the
canvas had when vis-network drew it.
"""

from __future__ import annotations

import re

import pytest

import graph
from graph.render import write_html
from graph.render.network import EDGE_LABEL_MIN_PX

from .conftest import ROOT
from .drawn import assert_draws, drawn, part_lines

RECORD_TEXTS = """
window.__texts = null;
(function () {
  var P = CanvasRenderingContext2D.prototype, fill = P.fillText;
  P.fillText = function (text, x, y) {
    if (window.__texts) {
      var t = this.getTransform(), m = this.measureText(text);
      window.__texts.push({text: String(text), font: this.font,
                           a: t.a, b: t.b, c: t.c, d: t.d, e: t.e, f: t.f, x: x, y: y,
                           l: m.actualBoundingBoxLeft, r: m.actualBoundingBoxRight,
                           up: m.actualBoundingBoxAscent, down: m.actualBoundingBoxDescent});
    }
    return fill.apply(this, arguments);
  };
})();
"""


def drawn_texts(p):
    """Every text vis-network draws in one frame: [{text, px (font size on screen), box (screen)}]."""
    # one frame exactly: the texts drawn between vis-network's beforeDrawing and afterDrawing (a layout
    # still settling on a busy machine draws several frames while the test waits)
    texts = p.js("""() => new Promise(resolve => {
        network.once('beforeDrawing', () => { window.__texts = []; });
        network.once('afterDrawing', () => { const t = window.__texts; window.__texts = null; resolve(t); });
        network.redraw(); })""")
    out = []
    for t in texts:
        size = float(re.search(r"([\d.]+)px", t["font"]).group(1))
        scale = (t["a"] ** 2 + t["b"] ** 2) ** 0.5
        box = None
        if abs(t["b"]) < 1e-9 and abs(t["c"]) < 1e-9:  # not rotated (node labels never are)
            box = (
                t["e"] + t["a"] * (t["x"] - t["l"]),
                t["f"] + t["d"] * (t["y"] - t["up"]),
                t["e"] + t["a"] * (t["x"] + t["r"]),
                t["f"] + t["d"] * (t["y"] + t["down"]),
            )
        out.append({"text": t["text"], "px": size * scale, "box": box})
    return out


def overlaps(a, b, tolerance=1.0):
    return (min(a[2], b[2]) - max(a[0], b[0]) > tolerance) and (min(a[3], b[3]) - max(a[1], b[1]) > tolerance)


def node_and_edge_labels(p):
    """(node label draws, edge label draws) of one frame, told apart by the labels vis-network holds."""
    node_labels = set(
        p.js("() => network.body.nodeIndices.map(id => network.body.nodes[id].options.label).filter(Boolean)")
    )
    edge_labels = set(
        p.js("() => network.body.edgeIndices.map(id => network.body.edges[id].options.label).filter(Boolean)")
    )
    texts = drawn_texts(p)
    return (
        [t for t in texts if t["text"] in node_labels],
        [t for t in texts if t["text"] in edge_labels and t["text"] not in node_labels],
    )


def assert_readable(p):
    nodes, edges = node_and_edge_labels(p)
    assert nodes, "no node label was drawn at the default fit"
    boxes = [(t["text"], t["box"]) for t in nodes]
    for i, (ta, a) in enumerate(boxes):
        for tb, b in boxes[i + 1 :]:
            assert not overlaps(a, b), f"the labels {ta!r} and {tb!r} overlap on screen: {a} {b}"
    small = [(t["text"], round(t["px"], 1)) for t in edges if t["px"] < EDGE_LABEL_MIN_PX]
    assert EDGE_LABEL_MIN_PX >= 9 and not small, f"edge labels drawn below {EDGE_LABEL_MIN_PX} px: {small[:5]}"
    return nodes, edges


@pytest.fixture(scope="module")
def news():
    return graph.load(ROOT / "examples" / "news-week")


@pytest.fixture(scope="module")
def news_page(news, tmp_path_factory):
    return write_html(news, tmp_path_factory.mktemp("news") / "news.html")


def _settled(p):
    """Wait for the layout to come to rest (the labels are placed for where the nodes are)."""
    p.page.wait_for_function(
        "() => !network.physics.options.enabled || network.physics.stabilized !== false", timeout=30000
    )
    p.page.wait_for_timeout(300)


@pytest.mark.parametrize("which", ["seed", "news"])
def test_no_label_overlaps_and_no_edge_label_is_tiny_at_the_default_fit(open_page, seed_page, news_page, which):
    p = open_page(seed_page if which == "seed" else news_page, init=RECORD_TEXTS)
    _settled(p)
    nodes, _edges = assert_readable(p)
    # labels are dropped or shortened only where they would collide: most entities keep a label
    shown = p.js("actorgraph.labels()")
    assert sum(1 for t in shown.values() if t) >= 0.6 * len(shown), shown
    # zoomed in, edge labels appear, none below 9 px
    p.js("() => network.moveTo({scale: 1.6, animation: false})")
    _n, edges = assert_readable(p)
    assert edges, "no edge label drawn even zoomed in"
    # a shortened or dropped label shows in full while its entity is hovered
    cut = next((e for e, t in shown.items() if t != p.js("(e) => actorgraph.internal.data.entities[e].name", e)), None)
    if cut is not None:
        p.js("() => network.moveTo({scale: 1.0, animation: false})")
        pt = p.js("(e) => actorgraph.nodePoint(e)", cut)
        p.page.mouse.move(pt["x"], pt["y"])
        p.page.wait_for_function(
            "function (e) { return actorgraph.labels()[e] === actorgraph.internal.data.entities[e].name || "
            "network.body.nodes[e].options.label.startsWith(actorgraph.internal.data.entities[e].name); }",
            arg=cut,
            timeout=5000,
        )
    p.assert_clean()


def test_part_of_lines_are_drawn_and_can_be_hidden(open_page, news_page, news):
    p = open_page(news_page)
    got = part_lines(p)
    drawn_nodes = drawn(p)[0]

    def nearest_drawn_whole(e):
        e = news.entities[e].part_of
        while e and e not in drawn_nodes:
            e = news.entities[e].part_of
        return e

    # each office or person drawn is joined to the nearest entity it is part of that is drawn
    want = {(e, nearest_drawn_whole(e)) for e in drawn_nodes if nearest_drawn_whole(e)}
    assert got == want
    assert len(got) >= 10
    assert "part of" in p.page.inner_text("#ag-legend")
    p.page.click("#ag-partof")
    assert part_lines(p) == set() and "partof=0" in p.page.url
    p.page.click("#ag-partof")
    assert part_lines(p) == got
    p.assert_clean()


def test_merged_parallel_claims_one_line_with_its_claims_one_click_away(open_page, news_page, news):
    p = open_page(news_page)
    from collections import Counter

    quads = Counter((r.subject, r.object, r.quad) for r in news.relations())
    (subject, object_, quad), n = quads.most_common(1)[0]
    assert n >= 3
    claims = [r.id for r in news.relations() if (r.subject, r.object, r.quad) == (subject, object_, quad)]
    edge = p.js("(r) => actorgraph.edgeOfClaim(r)", claims[0])
    assert sorted(p.js("(e) => actorgraph.claimsOfEdge(e)", edge)) == sorted(claims)
    e = p.js(
        "(e) => { const x = network.body.edges[e]; "
        "return {label: x.options.label, width: x.options.width, from: x.fromId, to: x.toId}; }",
        edge,
    )
    assert f"×{n}" in e["label"] and (e["from"], e["to"]) == (subject, object_)
    single = p.js(
        "() => network.body.edgeIndices.filter(id => id.charAt(0) !== '\\u2061' && id.charAt(0) !== '\\u2063' && "
        "actorgraph.claimsOfEdge(id).length === 1).map(id => network.body.edges[id].options.width)"
    )
    assert e["width"] > max(single) * 0.9, "a merged line is drawn wider than a single claim's"
    # a click on it lists its claims; each is one click away, and the claim's panel links back
    p.js("(r) => actorgraph.select('edge', r, false, true)", claims[0])
    assert p.js("network.getSelectedEdges()") == [edge]
    text = p.panel_text()
    assert f"{n} claims" in text
    buttons = p.page.locator("#ag-panel li button", has_text=re.compile(r"^[A-Z_]+(/\w+)?$"))
    assert buttons.count() == n
    buttons.nth(1).click()
    rid = p.js("actorgraph.state().sel")[1]
    assert rid in claims and p.js("network.getSelectedEdges()") == [edge]
    r = next(x for x in news.relations() if x.id == rid)
    assert r.evidence[0].quote in p.panel_text()
    p.page.locator("#ag-panel .ag-bundle-note button").click()
    assert f"{n} claims" in p.panel_text()
    assert_draws(p, news, {r.id for r in news.relations()})
    p.assert_clean()


def test_group_parts_folds_offices_and_people_and_a_double_click_unfolds(open_page, news_page, news):
    p = open_page(news_page)
    all_claims = {r.id for r in news.relations()}

    def root(e):
        while news.entities[e].part_of:
            e = news.entities[e].part_of
        return e

    grouped = {e: root(e) for e in news.entities}
    before = drawn(p)[0]
    p.page.click("#ag-group")
    assert "group=1" in p.page.url
    inside = {r.id for r in news.relations() if grouped[r.subject] == grouped[r.object] and r.subject != r.object}
    assert_draws(p, news, all_claims - inside, grouped=grouped)
    nodes = drawn(p)[0]
    assert not any(news.entities[e].part_of for e in nodes), "a part is drawn while grouped"
    assert "USA" in nodes and "PAK" in nodes
    # the group's panel lists its parts and the claims it stands for
    p.js("actorgraph.select('node', 'USA', false)")
    text = p.panel_text()
    usa_parts = [e for e in before if grouped[e] == "USA" and e != "USA"]  # (the parts drawn before)
    assert f"Group · {len(usa_parts)} part" in text
    assert news.entities[usa_parts[0]].name in text
    # double-click the group: its parts are drawn on their own again
    pt = p.js("actorgraph.nodePoint('USA')")
    p.page.mouse.dblclick(pt["x"], pt["y"])
    p.page.wait_for_function("() => actorgraph.state().unfolded.includes('USA')", timeout=5000)
    unfolded = dict(grouped)
    for e in news.entities:
        if grouped[e] == "USA":
            unfolded[e] = e
    assert_draws(
        p,
        news,
        all_claims
        - {r.id for r in news.relations() if unfolded[r.subject] == unfolded[r.object] and r.subject != r.object},
        grouped=unfolded,
    )
    assert "unfold=USA" in p.page.url
    # and the link restores it
    q = open_page(news_page, p.page.url.split("#", 1)[1])
    assert q.visible() == p.visible()
    p.assert_clean()


URDU = """
sources:
  - {id: ur-statement, title: "دفتر خارجہ کا بیان (constructed example)", kind: official statement,
     published: 2026-11-06, text: ur.txt}
entities:
  - {id: PAK, name: Pakistan, kind: state, aliases: [پاکستان]}
  - {id: AFG, name: Afghanistan, kind: state, aliases: [افغانستان]}
relations:
  - {id: pak-requests-afg, subject: PAK, type: REQUEST, object: AFG, modality: reported,
     evidence: [{source: ur-statement, quote: "پاکستان نے افغانستان سے مطالبہ کیا"}]}
"""
URDU_TEXT = (
    "CONSTRUCTED EXAMPLE. Written for actorgraph; not from any outlet.\n\n"
    "پاکستان نے افغانستان سے مطالبہ کیا کہ وہ اپنی سرزمین کسی کے خلاف استعمال نہ ہونے دے۔\n"
)


def test_an_urdu_source_reads_right_to_left(open_page, tmp_path):
    folder = tmp_path / "ur"
    folder.mkdir()
    (folder / "data.yaml").write_text(URDU, encoding="utf-8")
    (folder / "ur.txt").write_text(URDU_TEXT, encoding="utf-8")
    ds = graph.load(folder)
    p = open_page(write_html(ds, tmp_path / "ur.html"))
    p.js("actorgraph.select('edge', 'pak-requests-afg', false)")
    direction = p.js("() => getComputedStyle(document.querySelector('#ag-panel blockquote')).direction")
    assert direction == "rtl"
    # the source's title in the overview, and the reader's text: the Urdu paragraph starts at the right
    p.js("actorgraph.reader.open('ur-statement')")
    assert p.js("() => getComputedStyle(document.querySelector('#ag-reader h2')).direction") == "rtl"
    geometry = p.js("""() => {
        const body = document.querySelector('#ag-reader .ag-reader-text'), box = body.getBoundingClientRect();
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        let urdu = null, latin = null, n;
        while ((n = walker.nextNode())) {
          const i = n.data.search(/[\\u0600-\\u06FF]/), j = n.data.search(/[A-Z]/);
          if (urdu === null && i >= 0) {
            const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); urdu = r.getBoundingClientRect();
          }
          if (latin === null && j >= 0) {
            const r = document.createRange(); r.setStart(n, j); r.setEnd(n, j + 1); latin = r.getBoundingClientRect();
          }
        }
        return {left: box.left, right: box.right, urduRight: urdu.right, latinLeft: latin.left};
    }""")
    assert geometry["right"] - geometry["urduRight"] < 30, geometry  # the Urdu paragraph starts at the right
    assert geometry["latinLeft"] - geometry["left"] < 30, geometry  # the English line at the left
    p.assert_clean()
