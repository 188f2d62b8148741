"""Event datasets (GDELT 2.0, ICEWS, ACLED, POLECAT) imported into bulk files, from small sample files in
their published layouts (tests/events/: rows made up for these tests)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.errors import DataError
from graph.read import reader_for

EVENTS = Path(__file__).parent / "events"
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)


@pytest.fixture(autouse=True)
def _pyarrow():
    """pyarrow, or a skip -- except in CI, where a missing pyarrow is a failure."""
    if os.environ.get("CI"):
        import pyarrow  # noqa: F401
    else:
        pytest.importorskip("pyarrow")


def _import(fmt, name, out, **kw):
    from graph.imports.events import import_events

    return import_events([EVENTS / name], fmt, out, **kw)


def _pieces(paths):
    out = {"sources": [], "entities": [], "relations": []}
    for p in paths:
        fr = reader_for(p)(str(p), Path(p).read_bytes(), base_dir=None)
        assert fr.problems == [] and fr.complete
        for piece in fr.pieces:
            out[piece.kind].append(piece)
    return out


def test_gdelt_events_become_relations_with_dataset_evidence(tmp_path):
    r = _import("gdelt", "gdelt-20250114.export.CSV", tmp_path, existing=graph.load(DATA))
    assert [os.path.basename(f) for f in r.files] == [
        "gdelt-20250114.sources.jsonl",
        "gdelt-20250114.entities.jsonl",
        "gdelt-20250114.relations.parquet",
    ]
    assert r.relations == 5 and r.source == "gdelt-20250114"
    assert dict(r.skipped) == {"without both actors": 1, "of CAMEO root 01 (statements: no PLOVER type)": 1}
    p = _pieces(r.files)
    (src,) = [x.values for x in p["sources"]]
    assert src["kind"] == "dataset" and src["id"] == "gdelt-20250114"
    rels = {x.values["id"]: x.values for x in p["relations"]}
    assert sorted(rels) == [
        "gdelt-900000001",
        "gdelt-900000002",
        "gdelt-900000005",
        "gdelt-900000006",
        "gdelt-900000007",
    ]
    visit = rels["gdelt-900000001"]
    assert (visit["subject"], visit["type"], visit["mode"], visit["object"]) == ("PAK", "CONSULT", "visit", "USA")
    assert visit["polarity"] == 2.5 and visit["modality"] == "reported" and visit["when"] == "2025-01-14"
    assert visit["evidence"] == [
        {"source": "gdelt-20250114", "record": "900000001 https://news.example.org/pak-us-visit"}
    ]
    assert visit["attributes"] == {"cameo": "042", "goldstein": 1.9}
    demand = rels["gdelt-900000002"]  # REQUEST has no polarity of its own: GoldsteinScale gives it
    assert (demand["type"], demand["polarity"]) == ("REQUEST", -5.0)
    assert (rels["gdelt-900000005"]["type"], rels["gdelt-900000005"]["mode"]) == ("RETREAT", "withdraw")
    assert rels["gdelt-900000006"]["evidence"] == [{"source": "gdelt-20250114", "record": "900000006"}]  # no URL
    # countries onto the seed's states; the other actor codes created with their codes
    assert rels["gdelt-900000005"]["subject"] == "USA" and rels["gdelt-900000005"]["object"] == "AFG"
    ents = {x.values["id"]: x.values for x in p["entities"]}
    assert ents == {  # GDELT's WASHINGTON and TALIBAN are names of the seed's USA and TAL: told apart by code
        "USAGOV": {
            "id": "USAGOV",
            "name": "Washington (USAGOV)",
            "kind": "office",
            "codes": {"cameo": "USAGOV"},
            "part_of": "USA",
        },
        "AFGINS": {"id": "AFGINS", "name": "Taliban (AFGINS)", "kind": "armed_group", "codes": {"cameo": "AFGINS"}},
        "IGOUNO": {"id": "IGOUNO", "name": "United Nations", "kind": "organisation", "codes": {"cameo": "IGOUNO"}},
    }
    # every relation's entities exist: in the seed or created
    known = set(graph.load(DATA).entities) | set(ents)
    assert all(v["subject"] in known and v["object"] in known for v in rels.values())


def test_without_existing_data_the_states_are_created_from_their_codes(tmp_path):
    r = _import("gdelt", "gdelt-20250114.export.CSV", tmp_path, bulk="jsonl")
    assert r.files[-1].endswith(".relations.jsonl")
    ents = {x.values["id"]: x.values for x in _pieces(r.files)["entities"]}
    assert ents["PAK"] == {"id": "PAK", "name": "Pakistan", "kind": "state", "codes": {"cameo": "PAK"}}
    assert ents["USAGOV"]["part_of"] == "USA" and "USA" in ents
    rel = {x.values["id"]: x.values for x in _pieces(r.files)["relations"]}["gdelt-900000002"]
    assert rel["attributes"] == {"cameo": "1041", "goldstein": -5.0}


def test_icews_acled_polecat(tmp_path):
    seed = graph.load(DATA)
    icews = _pieces(_import("icews", "icews-events.2021.tab", tmp_path / "i", existing=seed).files)
    rels = {x.values["id"]: x.values for x in icews["relations"]}
    assert sorted(rels) == ["icews-70000001", "icews-70000002", "icews-70000004"]
    accuse = rels["icews-70000002"]
    assert (accuse["subject"], accuse["type"], accuse["mode"], accuse["object"]) == (
        "GOVERNMENT-PAKISTAN",
        "ACCUSE",
        "allege",
        "TAL",
    )
    assert accuse["evidence"][0]["record"] == "70000002 story 5002 sentence 3"
    assert rels["icews-70000004"]["polarity"] == -5.0  # a demand: ICEWS intensity
    assert [x.values for x in icews["entities"]] == [
        {"id": "GOVERNMENT-PAKISTAN", "name": "Government (Pakistan)", "kind": "office", "part_of": "PAK"}
    ]

    acled = _pieces(_import("acled", "acled-2023.csv", tmp_path / "a", existing=seed).files)
    rels = {x.values["id"]: x.values for x in acled["relations"]}
    assert sorted(rels) == ["acled-AFG2001", "acled-AFG2002", "acled-PAK1001"]  # the protest has no actor2
    assert (rels["acled-AFG2002"]["type"], rels["acled-AFG2002"]["mode"]) == ("ASSAULT", "aerial")
    assert rels["acled-AFG2001"]["type"] == "AGREE" and rels["acled-AFG2001"]["subject"] == "TAL"
    assert rels["acled-PAK1001"]["attributes"] == {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "fatalities": 3,
    }
    ents = {x.values["id"]: x.values for x in acled["entities"]}
    assert ents["GOVERNMENT-OF-PAKISTAN-2018"]["part_of"] == "PAK"  # its name's country, not the event's
    assert ents["TTP-TEHREEK-I-TALIBAN-PAKISTAN"]["kind"] == "armed_group"

    polecat = _pieces(_import("polecat", "polecat-2024-02.tsv", tmp_path / "p", existing=seed).files)
    rels = {x.values["id"]: x.values for x in polecat["relations"]}
    assert sorted(rels) == ["polecat-pc-0001", "polecat-pc-0002", "polecat-pc-0004"]  # CRIME left out
    assert (rels["polecat-pc-0001"]["type"], rels["polecat-pc-0001"]["mode"]) == ("ACCUSE", "allege")
    assert rels["polecat-pc-0002"]["type"] == "REQUEST"
    assert (rels["polecat-pc-0004"]["subject"], rels["polecat-pc-0004"]["object"]) == ("CHN", "AFG")
    assert polecat["entities"] == []


@pytest.mark.parametrize(
    "fmt,name,expected",
    [
        (
            "gdelt",
            "gdelt-bad.export.CSV",
            [
                "gdelt-bad.export.CSV:2: expected 61 tab-separated columns (a GDELT 2.0 event record), found 60",
                "gdelt-bad.export.CSV:3:27: EventCode '215' is not a CAMEO event code: "
                "root 21 is not a CAMEO root code (01-20)",
                "gdelt-bad.export.CSV:4:2: SQLDATE '20251301' is not a date YYYYMMDD",
                "gdelt-bad.export.CSV:4:27: EventCode '04x' is not a CAMEO event code: not digits",
                "gdelt-bad.export.CSV:5:31: GoldsteinScale '12.5' is not a number from -10 to 10",
            ],
        ),
        (
            "icews",
            "icews-bad.tab",
            [
                "icews-bad.tab:3: expected 20 tab-separated columns (as in the header), found 18",
                "icews-bad.tab:4:7: '21x' is not a CAMEO event code: not digits",
                "icews-bad.tab:5:8: Intensity '-12' is not a number from -10 to 10",
            ],
        ),
        (
            "icews",
            "icews-wrong-column.tab",
            [
                "icews-wrong-column.tab:1: missing column 'CAMEO Code' (did you mean 'Cameo'?); ICEWS event files have "
                "the columns: Event ID, Event Date, Source Name, Source Sectors, Source Country, CAMEO Code, "
                "Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence Number"
            ],
        ),
        (
            "acled",
            "acled-bad.csv",
            [
                "acled-bad.csv:3:6: unknown ACLED event type 'Skirmishes'; expected one of: Battles, Explosions/Remote "
                "violence, Protests, Riots, Strategic developments, Violence against civilians",
                "acled-bad.csv:4: expected 31 comma-separated columns (as in the header), found 28",
            ],
        ),
        (
            "polecat",
            "polecat-bad.tsv",
            [
                "polecat-bad.tsv:3:3: unknown PLOVER event type 'ACUSE' (did you mean 'ACCUSE'?); expected one of: "
                "ACCUSE, AGREE, AID, ASSAULT, COERCE, CONCEDE, CONSULT, COOPERATE, CRIME, DEMAND, DISAPPROVE, "
                "INVESTIGATE, MOBILIZE, PROTEST, REJECT, REQUEST, RETREAT, SANCTION, SUPPORT, THREATEN"
            ],
        ),
    ],
)
def test_bad_event_files_are_located_and_nothing_is_written(tmp_path, fmt, name, expected):
    out = tmp_path / "out"
    with pytest.raises(DataError) as exc:
        _import(fmt, name, out)
    assert [str(p).replace(str(EVENTS) + os.sep, "") for p in exc.value.problems] == expected
    assert not out.exists()


def test_a_truncated_gdelt_file_and_a_broken_zip(tmp_path):
    whole = (EVENTS / "gdelt-20250114.export.CSV").read_bytes()
    cut = tmp_path / "cut.export.CSV"
    cut.write_bytes(whole[: len(whole) - 40])  # the last record loses its last columns
    with pytest.raises(DataError) as exc:
        _import("gdelt", cut, tmp_path / "o")
    assert [str(p) for p in exc.value.problems] == [
        f"{cut}:7: expected 61 tab-separated columns (a GDELT 2.0 event record), found 60"
    ]
    z = tmp_path / "x.export.CSV.zip"
    z.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(DataError) as exc:
        _import("gdelt", z, tmp_path / "o")
    assert str(exc.value.problems[0]).startswith(f"{z}: cannot read this GDELT file")
    assert not (tmp_path / "o").exists()


def test_a_gdelt_zip_and_duplicate_event_ids_across_files(tmp_path):
    import zipfile

    z = tmp_path / "20250114.export.CSV.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(EVENTS / "gdelt-20250114.export.CSV", "20250114.export.CSV")
    from graph.imports.events import import_events

    r = import_events([z], "gdelt", tmp_path / "o")
    assert r.relations == 5 and r.source == "gdelt-20250114"
    with pytest.raises(DataError) as exc:
        import_events([z, EVENTS / "gdelt-20250114.export.CSV"], "gdelt", tmp_path / "o2")
    assert "5 event ids appear in more than one row or file" in str(exc.value.problems[0])


def test_the_cli_imports_and_reports_problems_with_exit_1(tmp_path):
    runner = CliRunner()
    out = tmp_path / "events"
    res = runner.invoke(
        main,
        ["import", "--format", "gdelt", str(EVENTS / "gdelt-20250114.export.CSV"), "-o", str(out), "--data", str(DATA)],
    )
    assert res.exit_code == 0, res.output
    assert f"wrote {out / 'gdelt-20250114.relations.parquet'}" in res.output
    assert "(5 relations, 3 new entities, source 'gdelt-20250114')" in res.output
    res = runner.invoke(main, ["import", "-f", "acled", str(EVENTS / "acled-bad.csv"), "-o", str(tmp_path / "x")])
    assert res.exit_code == 1 and (res.exception is None or isinstance(res.exception, SystemExit))
    assert "acled-bad.csv:3:6: unknown ACLED event type 'Skirmishes'" in res.output
    assert "2 problems: nothing written" in res.output and not (tmp_path / "x").exists()
    res = runner.invoke(
        main, ["import", "-f", "gdelt", str(EVENTS / "gdelt-20250114.export.CSV"), "-o", str(EVENTS / "acled-2023.csv")]
    )
    assert res.exit_code == 2 and "is a file" in res.output


def test_a_second_import_into_the_folder_reuses_the_entities_of_the_first(tmp_path):
    from graph.imports.events import import_events

    first = import_events([EVENTS / "gdelt-20250114.export.CSV"], "gdelt", tmp_path)
    assert first.entities > 0
    # the same events again under another name would be the same claims twice: refused, nothing written
    with pytest.raises(graph.DataError) as err:
        import_events([EVENTS / "gdelt-20250114.export.CSV"], "gdelt", tmp_path, name="again")
    assert "5 events were imported already, by " in str(err.value) and "gdelt-20250114.relations.parquet" in str(
        err.value
    )
    assert not list(tmp_path.glob("again*"))
    # re-running the first import (same name) rewrites its own entities file rather than matching it
    redo = import_events([EVENTS / "gdelt-20250114.export.CSV"], "gdelt", tmp_path)
    assert redo.entities == first.entities
    assert graph.check(tmp_path)[1] == []
    res = CliRunner().invoke(
        main,
        [
            "import",
            "-f",
            "gdelt",
            str(EVENTS / "gdelt-20250114.export.CSV"),
            "-o",
            str(tmp_path / "cli"),
            "--data",
            str(tmp_path),
            "--name",
            "cli",
        ],
    )
    assert res.exit_code == 1 and "5 events were imported already" in res.output  # (cli/ is in the folder)
    res = CliRunner().invoke(
        main,
        [
            "import",
            "-f",
            "gdelt",
            str(EVENTS / "gdelt-20250114.export.CSV"),
            "-o",
            str(tmp_path.parent / "cli"),
            "--data",
            str(tmp_path),
            "--name",
            "cli",
        ],
    )
    assert res.exit_code == 0, res.output  # actors matched against a folder of bulk files only
    assert "(5 relations, 0 new entities, source 'cli')" in res.output
