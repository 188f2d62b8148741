"""The command line, through click's runner: output, JSON, exit codes, no tracebacks."""

import json
import os
import shutil
import subprocess
import sys

import networkx as nx
import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from tests.conftest import DATA, SMALL


@pytest.fixture()
def small_dir(tmp_path):
    (tmp_path / "data.yaml").write_text(SMALL, encoding="utf-8")
    return tmp_path


def run(*args, **kw):
    result = CliRunner().invoke(main, [str(a) for a in args], **kw)
    assert "Traceback" not in result.output
    return result


def test_validate_passes_on_the_seed_data():
    r = run("validate", DATA)
    assert r.exit_code == 0, r.output
    ds = graph.load(DATA)
    n_sources = len(ds.sources)
    assert r.output.strip() == (
        f"{DATA}: valid: {len(ds.entities)} entities, {len(ds)} relations, "
        f"{n_sources} source{'s' if n_sources != 1 else ''} "
        f"in {len(graph.data_files(DATA))} files"
    )


def test_validate_defaults_to_data_in_the_current_folder(small_dir, monkeypatch):
    (small_dir / "data").mkdir()
    shutil.move(small_dir / "data.yaml", small_dir / "data" / "d.yaml")
    monkeypatch.chdir(small_dir)
    r = run("validate")
    assert r.exit_code == 0 and r.output.startswith("data: valid: 6 entities, 6 relations")


def test_validate_reports_every_problem_located_and_exits_1(tmp_path):
    (tmp_path / "a.yaml").write_text(
        SMALL.replace("subject: TAL\n    object: USA", "subject: TALIBAN\n    object: USA").replace(
            "type: ASSAULT", "type: ASSAULTS"
        ),
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text("entities:\n  - {id: PAK, name: Again, kind: state}\n", encoding="utf-8")
    r = run("validate", tmp_path)
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert lines[0] == (
        f"{a}:6:10: entity 'PAK': duplicate entity id 'PAK' (also defined at {b}:2:5); ids must be "
        "unique across all files"
    )
    assert (
        lines[1]
        == f"{a}:23:14: relation 'tal-rejects-usa': unknown entity 'TALIBAN' in 'subject' (did you mean 'TAL'?)"
    )
    assert lines[2].startswith(
        f"{a}:55:11: relation 'tal-attacks-pak': unknown type 'ASSAULTS' (did you mean 'ASSAULT'?)"
    )
    assert lines[3].startswith(f"{b}:2:10: entity 'PAK': duplicate entity id 'PAK' (also defined at {a}:6:5)")
    assert lines[4] == f"4 problems: the data at {tmp_path} is not valid"


def test_missing_path_is_an_error_without_traceback(tmp_path):
    r = run("validate", tmp_path / "nope")
    assert r.exit_code == 1
    assert "no such file or folder" in r.output


def test_info_counts(small_dir):
    r = run("info", small_dir)
    assert r.exit_code == 0
    assert r.output.startswith("6 entities, 6 relations, 2 sources")
    data = json.loads(run("info", small_dir, "--json").output)
    assert data["modalities"] == {"reported": 3, "claimed": 1, "recommended": 1, "speculated": 1}


def test_relations_table_and_json(small_dir):
    r = run("relations", small_dir, "--subject", "Washington", "--type", "REQUEST")
    assert r.exit_code == 0
    assert "usa-requests-tal" in r.output and "usa-dismissed-pak" not in r.output
    assert r.output.rstrip().endswith("1 relation")
    rows = json.loads(run("relations", small_dir, "-m", "reported", "-m", "claimed", "--json").output)
    assert [x["id"] for x in rows] == ["usa-requests-tal", "tal-rejects-usa", "fo-claims-ties", "usa-dismissed-pak"]
    assert rows[0]["evidence"] == [{"source": "s1", "quote": "give back the equipment"}]
    assert rows[0]["when"] == "2025-02" and rows[0]["quad"] == "verbal conflict"


def test_relations_filters_by_author_time_and_between(small_dir):
    ids = lambda *a: [x["id"] for x in json.loads(run("relations", small_dir, "--json", *a).output)]  # noqa: E731
    assert ids("--asserted-by", "author", "--subject", "PAK") == ["pak-should-court-chn"]
    assert ids("--asserted-by", "Islamabad") == ["fo-claims-ties"]
    assert ids("--start", "2025-03", "--end", "2025-03") == ["tal-rejects-usa", "fo-claims-ties"]
    assert ids("--between", "USA", "PAK") == ["fo-claims-ties", "usa-dismissed-pak"]
    assert ids("--polarity", "positive") == ["fo-claims-ties", "pak-should-court-chn"]


def test_relations_long_shows_the_evidence_and_who_asserts(small_dir):
    r = run("relations", small_dir, "--long", "-a", "PAK-FO")
    assert "asserted by Foreign Office (PAK-FO)" in r.output
    assert '"ready to strengthen ties"' in r.output and "First op-ed (s1)" in r.output


@pytest.mark.parametrize(
    "args,message",
    [
        (["relations", "--type", "ACUSE"], "error: unknown type 'ACUSE' (did you mean 'ACCUSE'?)"),
        (["relations", "--subject", "Pakstan"], "error: unknown actor 'Pakstan' (did you mean 'Pakistan'?)"),
        (["neighbours", "Atlantis"], "error: unknown actor 'Atlantis'"),
        (["path", "PAK", "Mars"], "error: unknown actor 'Mars'"),
        (["relations", "--start", "soon"], "error: bad start date"),
    ],
)
def test_bad_usage_exits_2_with_a_message(small_dir, args, message):
    r = run(
        *args[:1],
        *([small_dir] if args[0] == "relations" else []),
        *args[1:],
        *([small_dir] if args[0] != "relations" else []),
    )
    assert r.exit_code == 2
    assert message in r.output


def test_unknown_option_exits_2():
    assert run("relations", "--colour", "red").exit_code == 2


def test_neighbours(small_dir):
    r = run("neighbours", "CHN", small_dir, "--hops", "2")
    assert r.exit_code == 0
    assert "neighbours of China (CHN), direction both, 2 hop(s)" in r.output
    data = json.loads(run("neighbours", "Washington", small_dir, "--json").output)
    assert [(d["id"], d["relations"]) for d in data] == [
        ("PAK", ["usa-dismissed-pak", "fo-claims-ties"]),
        ("TAL", ["usa-requests-tal", "tal-rejects-usa"]),
    ]
    assert json.loads(run("neighbours", "TAL", small_dir, "--direction", "in", "--json").output)[0]["id"] == "USA"


def test_path(small_dir):
    r = run("path", "Beijing", "Taliban", small_dir, "--max-hops", "2")
    assert r.exit_code == 0
    assert "1. CHN -> PAK -> TAL" in r.output
    assert 'TAL ASSAULT PAK (speculated) [2023]: "attacks could follow"' in r.output
    data = json.loads(run("path", "CHN", "TAL", small_dir, "--json").output)
    assert data[0] == {"nodes": ["CHN", "PAK", "TAL"], "hops": [["pak-should-court-chn"], ["tal-attacks-pak"]]}
    assert "no path" in run("path", "IND", "TAL", small_dir).output


def test_export_node_link_round_trips(small_dir, tmp_path):
    out = tmp_path / "g.json"
    r = run("export", small_dir, "--format", "node-link", "-o", out)
    assert r.exit_code == 0 and "wrote" in r.output
    g = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    ds = graph.load(small_dir)
    assert isinstance(g, nx.MultiDiGraph)
    assert nx.is_isomorphic(g, ds.graph)
    assert dict(g.nodes(data=True)) == dict(ds.graph.nodes(data=True))
    assert sorted(g.edges(keys=True, data=True)) == sorted(ds.graph.edges(keys=True, data=True))
    assert g.graph == ds.graph.graph
    assert g.edges["USA", "PAK", "usa-dismissed-pak"]["when"] == "2021-08..2025-01"


def test_export_a_filtered_view(small_dir, tmp_path):
    out = tmp_path / "view.json"
    r = run("export", small_dir, "-o", out, "--modality", "reported", "--focus", "TAL")
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == [f"wrote {out}", "(node-link: 2 entities, 2 relations)"]
    g = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    assert sorted(k for _, _, k in g.edges(keys=True)) == ["tal-rejects-usa", "usa-requests-tal"]


def test_export_refuses_to_overwrite_an_input_file(small_dir):
    target = small_dir / "data.yaml"
    before = target.read_bytes()
    r = run("export", small_dir, "-o", target)
    assert r.exit_code == 1
    assert "refusing to write" in r.output and "input files" in r.output
    assert target.read_bytes() == before


def test_export_of_invalid_data_writes_nothing(tmp_path):
    (tmp_path / "bad.yaml").write_text("entities: [{id: X}]\n", encoding="utf-8")
    out = tmp_path / "out.json"
    r = run("export", tmp_path, "-o", out)
    assert r.exit_code == 1 and not out.exists()
    assert "missing required field 'name'" in r.output


def test_vocab_lists_types_modes_and_modalities():
    r = run("vocab")
    assert r.exit_code == 0
    assert "ACCUSE" in r.output and "disapprove, investigate, allege" in r.output
    v = json.loads(run("vocab", "--json").output)
    assert v["relation_types"]["AID"] == {
        "quad": "material cooperation",
        "polarity": 10.0,
        "cameo": ["07"],
        "modes": ["economic", "military", "humanitarian", "asylum"],
        "description": "give material help",
    }
    assert list(v["modalities"]) == ["reported", "claimed", "recommended", "speculated", "denied"]


@pytest.mark.slow
def test_console_script_and_module_entry_points(small_dir):
    for cmd in ([sys.executable, "-m", "graph"], [shutil.which("actorgraph")]):
        if cmd[0] is None:
            continue
        p = subprocess.run(
            cmd + ["validate", str(small_dir)],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        )
        assert p.returncode == 0, p.stderr
        assert "valid: 6 entities" in p.stdout


@pytest.mark.parametrize("size", ["inf", "1e400", "-5", "lots"])
def test_a_bad_size_limit_is_bad_usage_without_traceback(small_dir, size, monkeypatch):
    r = run("validate", small_dir, "--max-file-bytes", size)
    assert r.exit_code == 2 and "is not a size" in r.output
    monkeypatch.setenv("ACTORGRAPH_MAX_FILE_BYTES", size)
    r = run("info", small_dir)
    assert r.exit_code == 2 and "environment variable ACTORGRAPH_MAX_FILE_BYTES" in r.output
