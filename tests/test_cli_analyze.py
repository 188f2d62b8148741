"""actorgraph analyze / import through click's CliRunner: reports, --json, exit codes, no tracebacks."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph import analysis as A
from graph.cli import main
from tests.conftest import DATA as _SEED  # noqa: E402
from tests.docs import console_commands, page

DATA = str(_SEED)  # a copy of the seed: never the user's data/

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


def _top(result, n):
    result.rows = result.rows[:n]
    return result


WIDE = ["reported", "claimed", "recommended"]


@pytest.mark.parametrize(
    "args, python, heading",
    [
        (["centrality", "DATA"], lambda ds: A.centrality(ds), "Centrality of 14 actors, ranked by degree\n"),
        (
            ["centrality", "DATA", "--by", "betweenness", "--top", "3"],
            lambda ds: _top(A.centrality(ds, by="betweenness"), 3),
            "Centrality of 14 actors, ranked by betweenness (top 3)",
        ),
        (["balance", "DATA"], lambda ds: A.balance(ds), "Structural balance among "),
        (
            ["balance", "DATA", "-m", "reported", "-m", "claimed", "-m", "recommended", "--merge-parts"],
            lambda ds: A.balance(ds, modality=WIDE, merge_parts=True),
            "over the reported, claimed and recommended relations",
        ),
        (["timeline", "TAL", "DATA"], lambda ds: A.timeline(ds, "TAL"), "Timeline of the claims about TAL (Taliban)\n"),
        (
            ["timeline", "Pakistan", "DATA", "--with", "Taliban"],
            lambda ds: A.timeline(ds, "PAK", "TAL"),
            "Timeline of the claims between PAK (Pakistan) and TAL (Taliban)\n",
        ),
        (["claimants", "DATA"], lambda ds: A.claimants(ds), "Claims by who asserts them"),
        (
            ["claimants", "DATA", "--modality", "claimed"],
            lambda ds: A.claimants(ds.view(modality="claimed")),
            "Claims by who asserts them",
        ),
    ],
)
def test_reports_on_the_seed(args, python, heading):
    r = run("analyze", *[DATA if a == "DATA" else a for a in args])
    assert r.exit_code == 0, r.output
    # the report is the Python result's, as text
    assert r.output == str(python(graph.load(DATA))) + "\n"
    assert r.output.startswith(heading) or heading in r.output.splitlines()[1], r.output[:300]


def test_timeline_filters_keep_an_actors_offices():
    # USA's one REQUEST is its administration's (USA-TRUMP, part_of USA): the filter must not lose it
    r = run("analyze", "timeline", "USA", DATA, "--type", "REQUEST")
    assert r.exit_code == 0 and "no dated claims" not in r.output
    assert "USA-TRUMP  REQUEST/return" in r.output
    d = json.loads(run("analyze", "timeline", "USA", DATA, "--type", "REQUEST", "--json").output)
    assert d["actors"] == ["USA"] and d["dated"] and {x["type"] for x in d["dated"]} == {"REQUEST"}
    assert "USA-TRUMP" in {x["subject"] for x in d["dated"]}
    assert d["dated"] == A.timeline(graph.load(DATA), "USA", type="REQUEST").to_dict()["dated"]
    r = run("analyze", "timeline", "USA", DATA, "--type", "ASKS")
    assert r.exit_code == 2 and "unknown type 'ASKS'" in r.output


def test_centrality_actors_only_and_structural_flags(tmp_path):
    d = json.loads(run("analyze", "centrality", DATA, "--json").output)
    assert (d["actors_only"], d["structural"]) == (True, False)
    assert not {row["kind"] for row in d["rows"]} & {"asset", "place", "agreement"}
    d = json.loads(run("analyze", "centrality", DATA, "--json", "--all-entities").output)
    assert "US-EQUIPMENT" in {row["id"] for row in d["rows"]} and d["actors_only"] is False
    (tmp_path / "s.yaml").write_text(
        "sources: [{id: s, title: T}]\nentities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]\n"
        "relations: [{id: n, subject: A, object: B, type: NEIGHBOUR_OF, modality: reported, "
        "evidence: [{source: s, quote: q}]}]\n"
    )
    rows = json.loads(run("analyze", "centrality", str(tmp_path / "s.yaml"), "--json").output)["rows"]
    assert [r["claims"] for r in rows] == [0, 0]
    rows = json.loads(run("analyze", "centrality", str(tmp_path / "s.yaml"), "--json", "--structural").output)["rows"]
    assert [r["claims"] for r in rows] == [1, 1]


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
    r = run("analyze", "centrality", DATA, "--json", "--modality", "recommended", "--all-entities")
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


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["analyze", "timeline", "NOBODY", DATA], 2, "unknown actor 'NOBODY'"),
        (["analyze", "compare", "a", "zzz", "{two}"], 2, "unknown source 'zzz'"),
        (["analyze", "compare", "a", "a", "{two}"], 2, "two different sources"),
        (["analyze", "compare", "a", "b", "{two}", "--source", "a"], 2, "leave out --source"),
        (["analyze", "centrality", DATA, "--by", "fame"], 2, "Invalid value"),
        (["analyze", "balance", DATA, "--rule", "vibes"], 2, "Invalid value"),
        (["analyze", "balance", DATA, "--type", "ACUSE"], 2, "unknown type 'ACUSE'"),
        (["analyze", "centrality", DATA, "--start", "last week"], 2, "bad start date"),
        (["analyze", "sideways", DATA], 2, "No such command"),
    ],
)
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
    r = run(
        "import",
        "--format",
        "csv",
        str(tmp_path / "t" / "entities.csv"),
        str(tmp_path / "t" / "relations.csv"),
        "-o",
        str(tmp_path / "out.yaml"),
    )
    assert r.exit_code == 0, r.output
    assert "valid" in r.output
    # the stored text stays where it was, outside the new data file's folder: refused unless allowed
    refused = run("validate", str(tmp_path / "out.yaml"))
    assert refused.exit_code == 1 and "is outside the data folder" in refused.output
    assert run("validate", str(tmp_path / "out.yaml"), "--allow-texts-outside").exit_code == 0
    r = run("import", str(tmp_path / "t"), "-o", str(tmp_path / "out2.yaml"))  # a folder
    assert r.exit_code == 0, r.output
    assert run("export", DATA, "-f", "csv", "-o", str(tmp_path / "p")).exit_code == 0
    r = run("import", str(tmp_path / "p"), "-o", str(tmp_path))  # a prefix, into a folder
    assert r.exit_code == 0 and (tmp_path / "imported.yaml").exists()


def test_import_warns_about_unknown_columns(tmp_path):
    (tmp_path / "e.csv").write_text("ID,Label,Type,Tags\nA,A,state,x | y\nB,B,state,\n")
    (tmp_path / "r.csv").write_text("From,To,Type,Strength,modality,source,quote\nA,B,AID,3,reported,s,q\n")
    r = run("import", str(tmp_path / "e.csv"), str(tmp_path / "r.csv"), "-o", str(tmp_path / "o.yaml"))
    assert r.exit_code == 0, r.output
    assert (
        "warning: " in r.output
        and "e.csv: ignored 1 column that actorgraph does not know: 'Tags' (column 4)" in r.output
        and "r.csv: ignored 1 column that actorgraph does not know: 'Strength' (column 4)" in r.output
    )
    assert "wrote " in r.output and "valid: 2 entities, 1 relation, 1 source" in r.output
    assert "Tags" not in (tmp_path / "o.yaml").read_text()


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


# -- the console blocks of docs/analyses.md and docs/formats.md --------------------------

ROOT = Path(__file__).parent.parent


def _page_commands():
    """(command, expected output lines) of every console block of the analyses and formats pages."""
    return console_commands(page("analyses.md") + page("formats.md"))


def test_docs_console_blocks_show_the_real_output(tmp_path, monkeypatch):
    """Every `actorgraph` command of docs/analyses.md and docs/formats.md, run from a folder that has
    the repository's data/ and examples/, prints exactly what the page shows (a block ending in
    '...' shows the first lines); `head -N FILE` is checked too."""
    (tmp_path / "data").symlink_to(_SEED)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    (tmp_path / "out").mkdir()
    (tmp_path / "schema").mkdir()
    # the broken tables of the import example: USA's Type is 'country'
    (tmp_path / "out" / "broken-entities.csv").write_text(
        "ID,Label,Type\nPAK,Pakistan,state\nUSA,United States,country\n"
    )
    (tmp_path / "out" / "broken-relations.csv").write_text("ID,From,To,Type,modality,source,quote\n")
    monkeypatch.chdir(tmp_path)
    commands = _page_commands()
    assert any(c.startswith("actorgraph analyze compare a b examples/") for c, _ in commands)
    checked = 0
    for command, expected in commands:
        argv = shlex.split(command, comments=True)
        if argv[0] == "actorgraph":
            got = run(*argv[1:]).output.splitlines()
        elif argv[0] == "head":
            n = int(argv[1][1:])
            got = Path(argv[2]).read_text(encoding="utf-8").splitlines()[:n]
        else:
            continue  # cypher-shell: not installed here
        if expected and expected[-1] == "...":
            assert got[: len(expected) - 1] == expected[:-1], command
        else:
            assert got == expected, command
        checked += 1
    assert checked >= 14
