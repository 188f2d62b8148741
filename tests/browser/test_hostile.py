"""Pages built from hostile data run nothing, while a test hovers and clicks everything.

The dataset is built directly from model objects (as any caller could), so it
holds what the YAML validator would refuse too: ``javascript:`` URLs, markup in
every string, unknown kinds and modalities. Every payload would set
``window.__pwned`` or open a dialog if it ran.
"""

from __future__ import annotations

import pytest

from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import write_html
from graph.when import parse_when

P = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=1</script>",
    "'\"><svg onload=window.__pwned=1>",
    '<a href="javascript:window.__pwned=1">click</a>',
    "{{7*7}} ${alert(1)} <!-- \u2028\u2029 --> &amp; &lt;",
    '<iframe src="javascript:window.__pwned=1"></iframe>',
]
JS_URL = "javascript:window.__pwned=1;alert(1)"


def hostile_dataset():
    sources = {
        "s<1>": Source(
            id="s<1>",
            title=P[2] + " & \"both\" 'quotes'",
            kind=P[1],
            published=parse_when("2024"),
            author=P[0],
            outlet=P[3],
            url=JS_URL,
            perspective=P[4],
        ),
        "s2": Source(id="s2", title="A safe link", kind="news report", url='https://example.org/a?b=<c>&d="e"'),
        "s3": Source(id="s3", title=P[6], url="data:text/html,<script>window.__pwned=1</script>"),
    }
    entities = {
        "A": Entity(
            id="A",
            name=P[0],
            kind="state",
            aliases=(P[1], P[3]),
            codes={"wikidata": JS_URL, "cameo": P[1]},
            description=P[2] + P[5],
        ),
        "B<i>": Entity(id="B<i>", name=P[1], kind=P[0], aliases=(P[5],), description=P[4]),
        "C": Entity(
            id="C",
            name="C \"double\" and 'single' </script>",
            kind="person",
            codes={"wikidata": 'Q42"><img src=x onerror=window.__pwned=1>'},
            part_of="A",
            description=P[6],
        ),
        "D": Entity(id="D", name=P[4], kind="office", part_of="B<i>"),
    }
    ev = lambda s, q: Evidence(s, q)  # noqa: E731
    relations = [
        Relation(
            id="r1",
            subject="A",
            object="B<i>",
            type="ACCUSE",
            modality="claimed",
            polarity=-3,
            mode=P[3],
            context=(P[0],),
            asserted_by="C",
            when=parse_when("2024-05"),
            evidence=(ev("s<1>", P[2]), ev("s2", "he said \"no\" and 'never' </script><script>alert(1)</script>")),
            attributes={P[1]: P[0], "n": 3, "nested": {"k": P[3]}},
            note=P[1] + "\n" + P[5],
        ),
        Relation(
            id="r2<script>",
            subject="B<i>",
            object="A",
            type="AID",
            modality=P[1],
            polarity=10,
            evidence=(ev("s3", P[4]),),
            note=P[6],
        ),
        Relation(
            id="r3",
            subject="A",
            object="B<i>",
            type="THREATEN",
            modality="speculated",
            polarity=-3.5,
            asserted_by="D",
            when=parse_when("2023..2025"),
            evidence=(ev("missing-source", P[0]),),
        ),
        Relation(
            id="r4",
            subject="C",
            object="C",
            type="CONSULT",
            modality="denied",
            polarity=2.5,
            evidence=(ev("s2", P[5]),),
        ),
        Relation(
            id="r5",
            subject="D",
            object="A",
            type="HOLDS",
            modality="reported",
            polarity=0,
            asserted_by="nobody<img src=x onerror=window.__pwned=1>",
            evidence=(),
        ),
    ]
    return Dataset(sources, entities, relations)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    return write_html(hostile_dataset(), tmp_path_factory.mktemp("hostile") / "hostile.html")


def _check_links(p):
    links = p.js("""[...document.querySelectorAll('a')].map(a => ({
        href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target'),
        download: a.hasAttribute('download')}))""")
    for a in links:
        if a["download"]:
            continue
        assert a["href"].startswith(("https://", "http://")), a
        assert a["rel"] == "noopener noreferrer" and a["target"] == "_blank", a
    # nothing in the page carries an event-handler attribute or a script URL
    bad = p.js("""[...document.querySelectorAll('*')].filter(el => [...el.attributes].some(
        at => /^on/i.test(at.name) || /^\\s*(javascript|data):/i.test(at.value)))
        .map(el => el.outerHTML.slice(0, 120))""")
    assert bad == []
    from graph.render.page import SCRIPTS

    assert p.js("document.querySelectorAll('script').length") == 2 + len(SCRIPTS)  # data, vis-network, and ours
    assert p.js("document.querySelectorAll('img, iframe, svg[onload], object, embed').length") == 0


def test_hostile_data_runs_nothing_while_everything_is_hovered_and_clicked(open_page, hostile_page):
    p = open_page(hostile_page)
    page = p.page
    ds = hostile_dataset()
    drawable = [r.id for r in ds.relations() if r.subject in ds.entities and r.object in ds.entities]
    assert p.visible() == (set(ds.entities), set(drawable))
    for nid in ds.entities:
        pt = p.js("(id) => actorgraph.nodePoint(id)", nid)
        page.mouse.move(pt["x"] - 20, pt["y"] - 20)
        page.mouse.move(pt["x"], pt["y"], steps=3)
        page.wait_for_timeout(200)
        page.mouse.click(pt["x"], pt["y"])
        assert p.js("network.getSelectedNodes()") == [nid]
        assert ds.entities[nid].name in p.panel_text()
        _check_links(p)
    for rid in drawable:
        p.js("actorgraph.reset()")  # clicking the panel's buttons below may have narrowed the view
        pt = p.js("(id) => actorgraph.edgePoint(id)", rid)
        assert pt, (rid, p.visible(), p.js("actorgraph.state()"))
        page.mouse.move(pt["x"], pt["y"], steps=3)
        page.wait_for_timeout(200)
        page.mouse.click(pt["x"], pt["y"])
        p.js("(id) => actorgraph.select('edge', id)", rid)  # in case another element lay on top
        text = p.panel_text()
        for ev in ds.relation(rid).evidence:
            assert ev.quote in text  # shown, as text
        _check_links(p)
        # every button in the panel (entity and relation links) is clicked too
        n = page.locator("#ag-panel button").count()
        for i in range(n):
            buttons = page.locator("#ag-panel button")
            if i < buttons.count():
                buttons.nth(i).click()
        _check_links(p)
    # the tooltips were text: the payload strings appear literally
    tip = p.js("document.querySelector('div.vis-tooltip') && document.querySelector('div.vis-tooltip').textContent")
    assert tip is not None and "<" in tip
    # search with a payload, and a hostile fragment
    page.fill("#ag-search", P[1])
    page.press("#ag-search", "Enter")
    page.evaluate(
        "(h) => { location.hash = h; }",
        "entity=" + P[0] + "&focus=" + P[1] + "&relation=javascript:alert(1)&type=" + P[2],
    )
    page.wait_for_timeout(300)
    for kind in ("#ag-json", "#ag-png"):
        with page.expect_download():
            page.click(kind)
    _check_links(p)
    assert p.js("typeof window.__pwned") == "undefined"
    p.assert_clean()


def test_safe_link_is_a_link_and_script_url_is_text(open_page, hostile_page):
    p = open_page(hostile_page, "relation=r1")
    hrefs = p.js("[...document.querySelectorAll('#ag-panel a')].map(a => a.href)")
    assert hrefs == ["https://example.org/a?b=%3Cc%3E&d=%22e%22"]
    text = p.panel_text()
    assert JS_URL in text  # shown as text, not as a link
    p.js("actorgraph.select('node', 'A')")
    assert p.js("document.querySelectorAll('#ag-panel a').length") == 0  # the QID is not a QID
    assert JS_URL in p.panel_text()
    p.js("actorgraph.select('node', 'C')")
    assert p.js("document.querySelectorAll('#ag-panel a').length") == 0
    assert p.js("typeof window.__pwned") == "undefined"
    p.assert_clean()


def test_hostile_fragment_on_load(open_page, hostile_page):
    p = open_page(
        hostile_page,
        "entity=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&focus=javascript:alert(1)"
        "&hops=%3Cscript%3E&from=%3Cb%3E&src=%3Cscript%3E",
    )
    assert p.js("typeof window.__pwned") == "undefined"
    p.assert_clean()
