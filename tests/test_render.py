"""The rendered page without a browser: structure, safety, data, layout, notebook, CLI."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.dataset import Dataset
from graph.errors import OutputError
from graph.model import Entity, Evidence, Relation, Source
from graph.render import (
    LAYOUT_THRESHOLD,
    escape_json,
    notebook_html,
    page_data,
    polarity_color,
    render_html,
    write_html,
)
from graph.render.page import SCRIPTS
from graph.render.style import DENIED_COLOR

ROOT = Path(__file__).resolve().parent.parent
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []  # (tag, attrs)
        self.scripts = []  # (attrs, text)
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = (dict(attrs), [])

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script[0], "".join(self._in_script[1])))
            self._in_script = None


def parse(page):
    p = _Tags()
    p.feed(page)
    return p


def embedded_data(page, *, tables=False):
    """The page's data; its record tables turned back into {id: record}, as the page does (unless *tables*)."""
    p = parse(page)
    [(attrs, text)] = [s for s in p.scripts if s[0].get("type") == "application/json"]
    assert attrs["id"] == "ag-data"
    return json.loads(text) if tables else readable(json.loads(text))


def readable(d):
    from graph.render.data import edge_dicts, records

    if isinstance(d.get("edges"), dict):
        d["edges"] = edge_dicts(d)
    for key in ("entities", "relations"):
        if isinstance(d.get(key), dict) and set(d[key]) == {"fields", "rows"}:
            d[key] = records(d[key])
    return d


def synthetic(n, m, seed=3):
    import random

    rnd = random.Random(seed)
    ents = {f"E{i}": Entity(id=f"E{i}", name=f"Entity {i}", kind="state") for i in range(n)}
    src = {"s": Source(id="s", title="S")}
    rels = [
        Relation(
            id=f"r{i}",
            subject=f"E{rnd.randrange(n)}",
            object=f"E{rnd.randrange(n)}",
            type="CONSULT",
            modality="reported",
            polarity=2.5,
            evidence=(Evidence("s", "q"),),
        )
        for i in range(m)
    ]
    return Dataset(src, ents, rels)


@pytest.fixture(scope="module")
def seed():
    return graph.load(DATA)


@pytest.fixture(scope="module")
def seed_page(seed):
    return render_html(seed)


# -- structure: one self-contained file ------------------------------------------------


def test_page_is_self_contained(seed_page):
    p = parse(seed_page)
    for tag, attrs in p.tags:
        for name in ("src", "href", "action", "data", "poster"):
            assert name not in attrs, (tag, attrs)  # nothing is loaded from anywhere
    assert not [t for t, _ in p.tags if t in ("link", "iframe", "img", "object", "embed", "base")]
    assert len(p.scripts) == 2 + len(SCRIPTS)  # the data, vis-network, and ours
    # the only http(s) addresses are the vendored licence header and the SVG namespace
    allowed = {
        "http://almende.com",
        "http://opensource.org/licenses/MIT",
        "http://www.apache.org/licenses/LICENSE-2.0",
        "http://www.w3.org/2000/svg",
        "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
        "https://github.com/visjs",
        "https://github.com/zloirock/core-js",
        "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
        "https://visjs.github.io/vis-network/",
    }
    found = set(re.findall(r"https?://[^\s\"'<>)\\]+", seed_page))
    # the Wikidata link prefix is built by the page script (only for well-formed QIDs)
    assert found - allowed <= {"https://www.wikidata.org/wiki/"}
    assert "sourceMappingURL" not in seed_page
    assert seed_page.count("<html") == 1


def test_csp_allows_exactly_the_inline_scripts(seed_page):
    p = parse(seed_page)
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-eval" not in csp
    hashes = set(re.findall(r"'(sha256-[^']+)'", csp))
    code = [text for attrs, text in p.scripts if "type" not in attrs]
    assert len(code) == 1 + len(SCRIPTS)  # vis-network, and ours
    want = {"sha256-" + base64.b64encode(hashlib.sha256(t.encode()).digest()).decode() for t in code}
    assert hashes == want


def test_page_data_matches_the_dataset(seed, seed_page):
    d = embedded_data(seed_page)
    assert [n["id"] for n in d["nodes"]] == list(seed.entities)
    assert [e["id"] for e in d["edges"]] == [r.id for r in seed.relations()]
    assert set(d["relations"]) == {r.id for r in seed.relations()}
    assert d["physics"] is True and d["options"]["physics"]["enabled"] is True
    for n in d["nodes"]:
        # the label (the name), shape and colour are the page's, from the entity's record
        assert set(n) == {"id", "x", "y", "size"} and d["entities"][n["id"]]["name"] == seed.entities[n["id"]].name
    for e in d["edges"]:  # no tooltip text, no per-edge style the page can work out
        assert not {"title", "arrows", "dashes"} & set(e) and set(e) >= {"id", "from", "to", "label", "color", "width"}
    # no local file paths on the page
    assert all("text" not in s for s in d["sources"].values())


def test_sizes_grow_with_degree(seed):
    d = page_data(seed)
    size = {n["id"]: n["size"] for n in d["nodes"]}
    # degree: relations in which it is the subject or the object (a self-loop counts twice)
    deg = {e: sum((r.subject == e) + (r.object == e) for r in seed.relations()) for e in seed.entities}
    hub = max(seed.entities, key=lambda e: deg[e])
    assert size[hub] == max(size.values())
    assert len(set(deg.values())) > 3  # the seed has a spread of degrees
    for a in seed.entities:
        for b in seed.entities:
            if deg[a] < deg[b]:
                assert size[a] < size[b] or size[a] == size[b] == 45.0, (a, b)  # 45: the largest size
            elif deg[a] == deg[b]:
                assert size[a] == size[b], (a, b)


def test_the_page_reads_every_field_of_its_data(seed, seed_page):
    # no dead weight in the embedded data: app.js reads each top-level field
    app_js = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "graph" / "render" / "static").glob("*.js")))
    d = embedded_data(seed_page)
    assert set(d) == set(page_data(seed))
    for key in d:
        assert f"DATA.{key}" in app_js, key
    # the title is the page's <title> and heading, not data
    assert "<title>actorgraph: " in seed_page


def test_polarity_colours_and_dashes(seed):
    d = readable(page_data(seed))
    by_id = {e["id"]: e for e in d["edges"]}
    for r in seed.relations():
        e = by_id[r.id]
        if r.modality == "denied":  # a denial is never drawn in the colour of the event it denies
            assert e["color"] == DENIED_COLOR != polarity_color(r.polarity)
            assert e["label"].startswith("denied: ")
        else:
            assert e["color"] == polarity_color(r.polarity)
        # the page takes the dash pattern of the claim's modality
        assert (d["vocab"]["modalities"][d["relations"][r.id]["modality"]]["dashes"] is False) == (
            r.modality == "reported"
        )
    assert any(r.modality == "denied" for r in seed.relations())
    assert polarity_color(-10) != polarity_color(-2) != polarity_color(0)
    assert polarity_color(99) == polarity_color(10)


# -- safety -----------------------------------------------------------------------------

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!--",
    "<img src=x onerror=alert(1)>",
    "\u2028\u2029",
    "'\"&amp;",
    "</SCRIPT >",
    "<script>",
    "]]>",
]


def hostile():
    s = " ".join(HOSTILE)
    ents = {
        "A": Entity(id="A", name=s, kind=s, aliases=(s,), codes={"wikidata": "javascript:alert(1)"}, description=s),
        "B": Entity(id="B", name="B", kind="state"),
    }
    src = {"x": Source(id="x", title=s, url="javascript:alert(1)", author=s)}
    rels = [
        Relation(
            id="r</script>",
            subject="A",
            object="B",
            type="ACCUSE",
            modality=s,
            polarity=-3,
            evidence=(Evidence("x", s),),
            attributes={s: s, "when": date(2023, 5, 1)},
            note=s,
            mode=s,
        )
    ]
    return Dataset(src, ents, rels)


def test_no_string_can_close_the_data_block():
    page = render_html(hostile())
    assert len(re.findall(r"</script", page, re.I)) == 2 + len(SCRIPTS)  # the real ones: data, vis-network, ours
    assert "<!--" not in page and "<img" not in page
    data_block = page.split('id="ag-data">', 1)[1].split("</script>", 1)[0]
    assert "\u2028" not in data_block and "\u2029" not in data_block  # JS line breaks, escaped
    d = embedded_data(page)
    assert d["entities"]["A"]["name"] == " ".join(HOSTILE)  # unchanged once parsed
    assert d["relations"]["r</script>"]["attributes"]["when"] == "2023-05-01"
    assert "<script>" not in page.split('id="ag-data">', 1)[0]  # the title is escaped in <head>
    assert html.escape(" ".join(HOSTILE)[:20]) in page


def test_escape_json_round_trips():
    for s in HOSTILE + ["plain", "ü ∑ 中文", "\\u003c"]:
        text = escape_json({"k": s})
        assert json.loads(text) == {"k": s}
        assert not re.search(r"[<>&\u2028\u2029]", text)


def test_unknown_references_do_not_break_the_page():
    ents = {"A": Entity(id="A", name="A", kind="state")}
    rels = [
        Relation(
            id="r",
            subject="A",
            object="GHOST",
            type="AID",
            modality="reported",
            polarity=10,
            asserted_by="NOBODY",
            evidence=(Evidence("nosource", "q"),),
        )
    ]
    d = embedded_data(render_html(Dataset({}, ents, rels)))
    assert d["edges"] == [] and d["relations"]["r"]["object"] == "GHOST"


# -- scale: the Python layout above the threshold ----------------------------------------------


def test_large_graph_gets_a_python_layout_and_no_physics():
    ds = synthetic(LAYOUT_THRESHOLD + 50, 900)
    d = page_data(ds)
    assert d["physics"] is False and d["options"]["physics"]["enabled"] is False
    pos = {(n["x"], n["y"]) for n in d["nodes"]}
    assert len(pos) == len(ds.entities)  # no two nodes on one spot
    small = page_data(synthetic(50, 80))
    assert small["physics"] is True
    assert page_data(synthetic(50, 80), physics=False)["options"]["physics"]["enabled"] is False


def test_layout_needs_no_fallback():
    # numpy and scipy are dependencies: the layout always runs, the page always gets positions
    import graph.layout

    assert graph.layout.__all__ == ["layout", "start"]
    assert all("x" in n and "y" in n for n in page_data(synthetic(5, 4), physics=False)["nodes"])


def test_template_libraries_are_declared_dependencies():
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0].lower() for d in deps}
    assert {"jinja2", "markupsafe", "pyvis", "numpy", "scipy"} <= names


def test_layout_is_deterministic_and_separates_components():
    from graph.layout import layout

    edges = [(0, 1), (1, 2), (2, 0), (3, 4), (5, 5)]
    a = layout(7, edges, scale=100)
    assert a == layout(7, edges, scale=100)
    import math

    for i in range(7):
        for j in range(i + 1, 7):
            assert math.dist(a[i], a[j]) > 20, (i, j)


def test_a_large_layout_in_a_child_process_is_the_same_layout(monkeypatch):
    import random
    import subprocess
    import sys

    import graph.layout as L

    python = sys.executable
    rnd = random.Random(3)
    n = 600
    edges = [(rnd.randrange(n), rnd.randrange(n)) for _ in range(1500)]
    want = L.layout(n, edges, scale=110)
    monkeypatch.setattr(L, "CHILD_MIN", 100)
    started = []
    real = subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(a) or real(*a, **k))
    here = L.layout

    def not_here(*a, **k):
        raise AssertionError("laid out in this process")

    monkeypatch.setattr(L, "layout", not_here)
    assert L.start(n, edges, scale=110)() == want  # the child's positions (it loads its own copy of the module)
    assert len(started) == 1
    monkeypatch.setattr(L, "layout", here)
    # a child that cannot start, or that fails: laid out by the waiting call, the same
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    assert L.start(n, edges, scale=110)() == want
    monkeypatch.setattr(L, "_CHILD", "raise SystemExit(3)")
    monkeypatch.setattr(sys, "executable", python)
    assert L.start(n, edges, scale=110)() == want
    # below CHILD_MIN: a thread
    monkeypatch.setattr(L, "CHILD_MIN", 10_000)
    started.clear()
    assert L.start(n, edges, scale=110)() == want and not started


# -- notebook -----------------------------------------------------------------------------


def test_notebook_html_is_an_escaped_srcdoc_iframe(seed):
    out = notebook_html(seed)
    m = re.fullmatch(r'<iframe srcdoc="([^"]*)" (.*)></iframe>', out, re.S)
    assert m, out[:200]
    page = html.unescape(m.group(1))
    assert page.startswith("<!DOCTYPE html>") and "window.network" in page
    assert len(embedded_data(page)["relations"]) == len(seed)
    assert "sandbox=" in m.group(2) and "allow-same-origin" not in m.group(2) and "height:" in m.group(2)
    assert seed._repr_html_().startswith("<iframe srcdoc=")
    assert "<" not in m.group(1) and ">" not in m.group(1)


@pytest.mark.slow
def test_notebook_display_in_a_kernel():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"import graph\nds = graph.load({str(DATA)!r})\nds.view(focus='PAK')")]
    try:
        nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    except Exception as exc:  # no kernel available here
        pytest.skip(f"no Jupyter kernel: {exc}")
    data = nb.cells[0].outputs[0]["data"]
    assert data["text/html"].startswith("<iframe srcdoc=")


# -- files and CLI ----------------------------------------------------------------------------


def test_write_html_utf8_and_refuses_input_files(tmp_path, seed):
    ds = graph.loads("entities: [{id: X, name: 'Zürich — 中文', kind: place}]")
    p = write_html(ds, tmp_path / "p.html")
    assert os.path.isabs(p)
    assert "Zürich — 中文" in (tmp_path / "p.html").read_bytes().decode("utf-8").split('id="ag-data">')[1]
    with pytest.raises(OutputError):
        write_html(seed, seed.files[0])


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_render_default_output(in_tmp):
    r = CliRunner().invoke(main, ["render"])
    assert r.exit_code == 0, r.output
    out = in_tmp / "out" / "actorgraph.html"
    assert out.exists()
    assert str(out) in r.output and out.as_uri() in r.output


def test_cli_render_help_gives_the_layout_threshold(monkeypatch):
    import importlib

    import graph.cli.render
    import graph.render

    try:
        monkeypatch.setattr(graph.render, "LAYOUT_THRESHOLD", 1234)
        cli_render = importlib.reload(graph.cli.render)  # the help text is built when the command is defined
        out = CliRunner().invoke(cli_render.render, ["--help"]).output
        assert "up to 1234 entities" in " ".join(out.split())
    finally:
        monkeypatch.undo()
        importlib.reload(graph.cli.render)
    out = CliRunner().invoke(main, ["render", "--help"]).output
    assert f"up to {LAYOUT_THRESHOLD} entities" in " ".join(out.split())


def test_cli_render_filtered_view(in_tmp, seed):
    r = CliRunner().invoke(
        main, ["render", "data", "-o", "pak.html", "--focus", "Islamabad", "--hops", "1", "--modality", "reported"]
    )
    assert r.exit_code == 0, r.output
    d = embedded_data((in_tmp / "pak.html").read_text(encoding="utf-8"))
    assert set(d["relations"]) == {x.id for x in seed.view(focus="PAK", hops=1, modality="reported").relations()}
    r = CliRunner().invoke(main, ["render", "-o", "q.html", "--object", "TAL", "--title", "<b>T</b>"])
    assert r.exit_code == 0, r.output
    page = (in_tmp / "q.html").read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;T&lt;/b&gt;</title>" in page
    assert set(embedded_data(page)["relations"]) == {x.id for x in seed.relations(object="TAL")}


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["--focus", "Atlantis"], 2, "unknown actor"),
        (["--hops", "2"], 2, "--hops needs --focus"),
        (["--modality", "rumoured"], 2, "rumoured"),
        (["-o", "data/seed/entities.yaml"], 1, "refusing to write"),
        (["-o", "data"], 2, "directory"),
        (["-o", "data/seed/entities.yaml/x.html"], 1, "not a folder"),
    ],
)
def test_cli_render_errors(in_tmp, args, code, message):
    r = CliRunner().invoke(main, ["render", *args])
    assert r.exit_code == code, r.output
    assert message in r.output
    assert "Traceback" not in r.output


def test_cli_render_bad_data_exits_1(in_tmp):
    (in_tmp / "data" / "seed" / "broken.yaml").write_text("entities: [{id: X}]\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["render"])
    assert r.exit_code == 1 and "not valid" in r.output


# -- the compact data: each record once, what the page works out left out -------------------------


def test_page_data_holds_each_record_once_and_what_the_page_cannot_derive(seed, seed_page):
    from graph.model import FIELDS, to_dict

    raw = embedded_data(seed_page, tables=True)
    # each field named once, in the order of the YAML; one row per record
    assert raw["relations"]["fields"] == list(FIELDS["relations"]) and len(raw["relations"]["rows"]) == len(seed)
    assert raw["entities"]["fields"] == list(FIELDS["entities"])
    d = embedded_data(seed_page)
    assert d["relations"] == {r.id: to_dict(r, drop_empty=True) for r in seed.relations()}
    assert d["entities"] == {e.id: to_dict(e, drop_empty=True) for e in seed.entities.values()}
    vocab = d["vocab"]
    for r in seed.relations():
        meta, rec = d["relmeta"][r.id], d["relations"][r.id]
        assert set(meta) <= {"span", "claimants", "contested", "group"}
        # what the page works out from the record (app.js) is what the dataset says
        assert vocab["types"][rec["type"]]["quad"] == r.quad
        assert list(dict.fromkeys(ev["source"] for ev in rec.get("evidence", []))) == list(r.sources)
        p = rec.get("polarity", 0)
        assert (p > 0) - (p < 0) == r.sign
        assert meta.get("claimants", []) == list(r.claimants)
    # shape and colour of every kind drawn, for the page to style its nodes
    for e in seed.entities.values():
        k = vocab["kinds"][e.kind]
        assert {"shape", "color", "border"} <= set(k)


def test_options_switch_with_the_size_of_the_graph():
    from graph.render.network import options

    small, big = options(True, False), options(False, True)
    assert small["physics"]["enabled"] is True and big["physics"]["enabled"] is False
    assert small["physics"]["stabilization"]["iterations"] == 250
    assert small["interaction"]["hover"] is True and big["interaction"]["hover"] is False
    assert big["interaction"]["hideEdgesOnDrag"] is big["interaction"]["hideEdgesOnZoom"] is True
    assert small["interaction"]["hideEdgesOnDrag"] is small["interaction"]["hideEdgesOnZoom"] is False
    # straight edges unless an edge has a curve of its own; no layout pass in the browser
    assert big["edges"]["smooth"] == {"enabled": False} and big["layout"]["improvedLayout"] is False


def test_large_page_has_the_level_of_detail_switch():
    # the page switches to its level of detail (batched drawing, edges handed over after the first
    # frame) above LOD_EDGES edges; the browser tests check what it does
    app_js = (ROOT / "graph" / "render" / "static" / "app.js").read_text(encoding="utf-8")
    assert re.search(r"var LOD_EDGES = 2000\b", app_js)
    assert not re.search(r"\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=", app_js)  # text only
    d = readable(page_data(synthetic(LAYOUT_THRESHOLD + 10, 2500), physics=False))
    assert len(d["edges"]) == 2500 and all("title" not in e for e in d["edges"])


def test_a_title_with_the_data_placeholder_does_not_move_the_data(seed):
    from graph.render.page import _DATA_MARK

    page = render_html(seed, title="odd " + _DATA_MARK)
    assert page.count(_DATA_MARK) == 2  # the <title> and the heading; the data went where it belongs
    assert [n["id"] for n in embedded_data(page)["nodes"]] == list(seed.entities)
