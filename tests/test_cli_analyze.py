"""actorgraph analyze / import through click's CliRunner: reports, --json, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main

DATA = str(Path(__file__).parent.parent / "data")

TWO_SOURCES = """
sources: [{id: a, title: Paper A}, {id: b, title: Paper B}]
entities:
  - {id: X, name: Xland, kind: state}
  - {id: Y, name: Yland, kind: state}
  - {id: Z, name: Zland, kind: state}
relations:
  - {id: a1, subject: X, object: Y, type: AID, modality: reported, when: 2021, evidence: [{source: a, quote: q}]}
  - {id: a2, subject: X, object: Z, type: ASSAULT, modality: reported, when: 2022-03, evidence: [{source: a, quote: q}]}
  - {id: b1, subject: Z, object: X, type: COOPERATE, modality: reported, evidence: [{source: b, quote: q}]}
  - {id: b2, subject: Y, object: Z, type: ACCUSE, modality: claimed, asserted_by: X, evidence: [{source: b, quote: q}]}
"""


def run(*args):
    result = CliRunner().invoke(main, list(args))
    # never a traceback: the only exception allowed is the SystemExit of an exit code
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def two(tmp_path):
    (tmp_path / "d.yaml").write_text(TWO_SOURCES)
    return str(tmp_path / "d.yaml")


@pytest.mark.parametrize("args", [
    ["centrality", "DATA"], ["centrality", "DATA", "--by", "betweenness", "--top", "3"], ["balance", "DATA"],
    ["balance", "DATA", "-m", "reported", "-m", "claimed", "-m", "recommended", "--merge-parts"],
    ["timeline", "TAL", "DATA"], ["timeline", "Pakistan", "DATA", "--with", "Taliban"], ["claimants", "DATA"],
    ["claimants", "DATA", "--modality", "claimed"],
])
def test_reports_on_the_seed(args):
    r = run("analyze", *[DATA if a == "DATA" else a for a in args])
    assert r.exit_code == 0, r.output
    assert r.output.strip()


@pytest.mark.parametrize("kind", ["centrality", "balance", "claimants"])
def test_json_on_the_seed(kind):
    r = run("analyze", kind, DATA, "--json")
    assert r.exit_code == 0
    json.loads(r.output)


def test_balance_json_has_the_documented_keys():
    r = run("analyze", "balance", DATA, "--json", "-m", "reported", "-m", "claimed", "-m", "recommended")
    d = json.loads(r.output)
    assert {"balanced_fraction", "triangles", "camps", "frustrated"} <= set(d)
    assert d["balanced_fraction"] is None or isinstance(d["balanced_fraction"], float)
    assert len(d["camps"]) == 2 and all(isinstance(p, list) and len(p) == 2 for p in d["frustrated"])
    assert d["modalities"] == ["reported", "claimed", "recommended"]


def test_balance_report_says_it_is_not_a_prediction():
    assert "not a prediction" in run("analyze", "balance", DATA).output


def test_centrality_matches_python():
    r = run("analyze", "centrality", DATA, "--json", "--top", "2")
    d = json.loads(r.output)
    py = graph.analysis.centrality(graph.load(DATA))
    assert d["rows"] == py.rows[:2] and d["total"] == len(py.rows)


def test_filters_apply_before_the_analysis():
    r = run("analyze", "centrality", DATA, "--json", "--modality", "recommended")
    ids = {row["id"] for row in json.loads(r.output)["rows"]}
    assert ids == set(graph.load(DATA).view(modality="recommended").entities)


def test_timeline_json_is_in_order(two):
    d = json.loads(run("analyze", "timeline", "X", two, "--json").output)
    assert [x["id"] for x in d["dated"]] == ["a1", "a2"] and [x["id"] for x in d["undated"]] == ["b1"]
    d = json.loads(run("analyze", "timeline", "X", two, "--with", "Zland", "--json").output)
    assert [x["id"] for x in d["dated"]] == ["a2"]
    # an actor the filters leave out has an empty timeline
    d = json.loads(run("analyze", "timeline", "Y", two, "--json", "--type", "ASSAULT").output)
    assert d["dated"] == [] and d["actors"] == ["Y"]


def test_compare(two):
    r = run("analyze", "compare", "a", "b", two)
    assert r.exit_code == 0 and "Stated by A only (2)" in r.output
    d = json.loads(run("analyze", "compare", "a", "b", two, "--json").output)
    assert d["only_a"] == ["a1", "a2"] and d["only_b"] == ["b1", "b2"]
    assert [x["pair"] for x in d["disagreements"]] == [["X", "Z"]]


def test_claimants_json(two):
    d = json.loads(run("analyze", "claimants", two, "--json").output)
    assert [(g["claimant"], g["count"]) for g in d["by_claimant"]] == [("author", 3), ("X", 1)]


@pytest.mark.parametrize("args, code, message", [
    (["analyze", "timeline", "NOBODY", DATA], 2, "unknown actor 'NOBODY'"),
    (["analyze", "compare", "a", "zzz", "{two}"], 2, "unknown source 'zzz'"),
    (["analyze", "compare", "a", "a", "{two}"], 2, "two different sources"),
    (["analyze", "compare", "a", "b", "{two}", "--source", "a"], 2, "leave out --source"),
    (["analyze", "centrality", DATA, "--by", "fame"], 2, "Invalid value"),
    (["analyze", "balance", DATA, "--rule", "vibes"], 2, "Invalid value"),
    (["analyze", "balance", DATA, "--type", "ACUSE"], 2, "unknown type 'ACUSE'"),
    (["analyze", "centrality", DATA, "--start", "last week"], 2, "bad start date"),
    (["analyze", "sideways", DATA], 2, "No such command"),
])
def test_errors_exit_with_a_message(args, code, message, two):
    r = run(*[a.replace("{two}", two) for a in args])
    assert r.exit_code == code and message in r.output


def test_invalid_data_exits_1(tmp_path):
    (tmp_path / "bad.yaml").write_text("entities: [{id: A, name: A, kind: country}]\n")
    r = run("analyze", "balance", str(tmp_path))
    assert r.exit_code == 1 and "unknown entity kind 'country'" in r.output


# -- import ---------------------------------------------------------------------------------

def test_import_round_trip_through_the_cli(tmp_path):
    assert run("export", DATA, "-f", "csv", "-o", str(tmp_path / "t") + "/").exit_code == 0
    r = run("import", "--format", "csv", str(tmp_path / "t" / "entities.csv"), str(tmp_path / "t" / "relations.csv"),
            "-o", str(tmp_path / "out.yaml"))
    assert r.exit_code == 0, r.output
    assert "valid" in r.output
    assert run("validate", str(tmp_path / "out.yaml")).exit_code == 0
    r = run("import", str(tmp_path / "t"), "-o", str(tmp_path / "out2.yaml"))   # a folder
    assert r.exit_code == 0, r.output
    assert run("export", DATA, "-f", "csv", "-o", str(tmp_path / "p")).exit_code == 0
    r = run("import", str(tmp_path / "p"), "-o", str(tmp_path))                 # a prefix, into a folder
    assert r.exit_code == 0 and (tmp_path / "imported.yaml").exists()


def test_import_errors(tmp_path):
    (tmp_path / "e.csv").write_text("ID,Label,Type\nA,A,country\n")
    (tmp_path / "r.csv").write_text("ID,From,To,Type,modality,source,quote\n")
    r = run("import", str(tmp_path / "e.csv"), str(tmp_path / "r.csv"), "-o", str(tmp_path / "o.yaml"))
    assert r.exit_code == 1 and "e.csv:2:3" in r.output and "nothing written" in r.output
    assert not (tmp_path / "o.yaml").exists()
    r = run("import", str(tmp_path / "e.csv"), str(tmp_path / "r.csv"), "-o", str(tmp_path / "e.csv"))
    assert r.exit_code == 1 and "refusing to write" in r.output
    r = run("import", str(tmp_path / "missing.csv"), str(tmp_path / "r.csv"), "-o", str(tmp_path / "o.yaml"))
    assert r.exit_code == 2 and "no such file" in r.output
    r = run("import", "a", "b", "c", "-o", "x.yaml")
    assert r.exit_code == 2
    r = run("import", "--format", "xlsx", "a", "-o", "x.yaml")
    assert r.exit_code == 2
    r = run("import", str(tmp_path / "e.csv"), str(tmp_path / "r.csv"))
    assert r.exit_code == 2 and "Missing option" in r.output
