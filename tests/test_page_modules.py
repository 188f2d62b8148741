"""The page's script modules without a browser: Node's own test runner (``node --test tests/js/``),
and the shared fixture proving that the page's filters (graph/render/static/filters.js) keep the
same claims as graph/filters.py and Dataset.view.

The fixture (tests/js/fixtures/filters.json) holds the page data of two example folders and filter
cases, each with the page's state and the claims Python keeps for the same question. This module
checks that Python keeps exactly those claims (so the fixture says what Python says);
tests/js/filters.test.js checks that the page's filters keep them too. Regenerate it with
``ACTORGRAPH_WRITE_FIXTURES=1 python -m pytest tests/test_page_modules.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import graph
from graph.analysis import contested
from graph.render import page_data
from graph.render.aggregated_data import aggregated_data
from graph.vocab import RELATION_TYPES

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "js" / "fixtures" / "filters.json"
KEEP = ("entities", "relations", "relmeta", "sources", "published", "vocab", "groups")


def node():
    exe = shutil.which("node") or shutil.which("nodejs")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("node is not installed (.ci/run installs Debian's nodejs)", pytrace=False)
        pytest.skip("node is not installed")
    return exe


def _ids(rels):
    return sorted(r.id for r in rels)


def _cases(ds, folder):
    """(page state, claims Python keeps) for questions an analyst asks of *ds*."""
    first_source = next(iter(ds.sources))
    undated = [r for r in ds.relations() if r.when is None]
    yield {"types": ["ACCUSE", "THREATEN", "REJECT"]}, ds.relations(type=["ACCUSE", "THREATEN", "REJECT"])
    material_conflict = sorted(
        t for t in {r.type for r in ds.relations()} if RELATION_TYPES[t].quad == "material conflict"
    )
    yield {"types": material_conflict}, ds.relations(quad="material conflict")
    yield {"pols": ["-1"]}, ds.relations(polarity="negative")
    yield {"pols": ["0", "1"]}, ds.relations(polarity=["neutral", "positive"])
    yield {"mods": ["reported"]}, ds.relations(modality="reported")
    yield {"mods": ["claimed", "denied"]}, ds.relations(modality=["claimed", "denied"])
    yield {"srcs": [first_source]}, ds.relations(source=first_source)
    # a time range, on when it happened: without undated claims, and with them (the page's default)
    yield {"from": "2021-01", "to": "2023-12", "undated": False}, ds.relations(start="2021-01", end="2023-12")
    with_undated = {r.id for r in ds.relations(start="2021-01", end="2023-12")} | {r.id for r in undated}
    yield {"from": "2021-01", "to": "2023-12"}, [r for r in ds.relations() if r.id in with_undated]
    yield {"to": "2022-12", "undated": False}, ds.relations(end="2022-12")
    yield {"from": "2024-01", "undated": False}, ds.relations(start="2024-01")
    # on when it was said (the sources' dates), and when it happened else when said
    yield (
        {"from": "2023-01", "to": "2025-12", "undated": False, "time": "made"},
        ds.relations(start="2023-01", end="2025-12", time="made"),
    )
    yield (
        {"from": "2021-08", "to": "2021-12", "undated": False, "time": "happened-or-made"},
        ds.relations(start="2021-08", end="2021-12", time="happened-or-made"),
    )
    # an actor's neighbourhood, alone and with other filters (Dataset.view)
    yield {"focus": "PAK", "hops": 1}, ds.view(focus="PAK", hops=1).relations()
    yield {"focus": "TAL", "hops": 2}, ds.view(focus="TAL", hops=2).relations()
    yield (
        {"focus": "PAK", "hops": 1, "mods": ["reported"]},
        ds.view(focus="PAK", hops=1, modality="reported").relations(),
    )
    yield (
        {"focus": "TAL", "hops": 1, "pols": ["-1"], "types": ["ACCUSE", "ASSAULT", "THREATEN"]},
        ds.view(focus="TAL", hops=1, polarity="negative", type=["ACCUSE", "ASSAULT", "THREATEN"]).relations(),
    )
    # contested only: the claims of a group asserted and denied, or asserted with opposite signs
    groups = contested(ds).contested
    yield {"contested": True}, [r for r in ds.relations() if any(r.id in g.relations for g in groups)]


def build_fixture():
    out = {"datasets": []}
    for folder in ("data", "examples/many-sources", "examples/news-week"):
        ds = graph.load(ROOT / folder)
        data = page_data(ds)
        page = {k: data[k] for k in KEEP if k in data}
        cases = [{"state": state, "python": _ids(rels)} for state, rels in _cases(ds, folder)]
        out["datasets"].append({"folder": folder, "page": page, "cases": cases})
    # an aggregated page (render --aggregate year) of the news folder, for aggregate.js's expansion
    agg = aggregated_data(graph.load(ROOT / "examples/news-week"), by="year")
    out["aggregated"] = {k: agg[k] for k in ("aggregate", "entities", "sources", "published", "vocab") if k in agg}
    out["aggregated"]["claims"] = len(graph.load(ROOT / "examples/news-week"))
    return out


def test_the_filter_fixture_says_what_python_keeps():
    """Each case's claims are what graph/filters.py and Dataset.view keep today (the fixture is current)."""
    fresh = build_fixture()
    if os.environ.get("ACTORGRAPH_WRITE_FIXTURES"):
        FIXTURE.parent.mkdir(parents=True, exist_ok=True)
        FIXTURE.write_text(
            json.dumps(fresh, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n", encoding="utf-8"
        )
    stored = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for d_stored, d_fresh in zip(stored["datasets"], fresh["datasets"], strict=True):
        assert d_stored["folder"] == d_fresh["folder"]
        assert d_stored["page"] == json.loads(json.dumps(d_fresh["page"])), (
            f"the page data of {d_fresh['folder']} changed: "
            "regenerate tests/js/fixtures/filters.json (see the docstring)"
        )
        assert d_stored["cases"] == d_fresh["cases"]
    assert stored["aggregated"] == json.loads(json.dumps(fresh["aggregated"]))
    # most cases are questions that tell claims apart: they keep some claims and leave out others
    for d in fresh["datasets"]:
        n = len(d["page"]["relations"]["rows"])
        telling = [c for c in d["cases"] if 0 < len(c["python"]) < n]
        assert len(telling) >= 10, (d["folder"], [len(c["python"]) for c in d["cases"]], n)


def test_node_unit_tests_of_the_page_modules():
    """tests/js/*.test.js: time, records, filters (against the fixture), URL state, drawing, labels,
    aggregated pages, in Node's test runner."""
    exe = node()
    proc = subprocess.run(
        [exe, "--test", *sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.js"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = "\n".join(line for line in proc.stdout.splitlines() if line.startswith(("# ", "not ok")))
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "# fail 0" in summary and "# pass 0" not in summary, summary
