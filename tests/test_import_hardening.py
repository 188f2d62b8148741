"""Event imports account for every row, write only folders that validate, and their folders export.

(Hardening II, items 2, 3 and 8: exports of dataset evidence, carriage returns inside fields,
names an import would make that the validator refuses.)
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import graph
from graph.cli import main

pytest.importorskip("pyarrow")

EVENTS = Path(__file__).resolve().parent / "events"
GDELT = EVENTS / "gdelt-20250114.export.CSV"
ROWS = [line for line in GDELT.read_text(encoding="utf-8").split("\n") if line]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _gdelt_row(event_id, actor1=("PAK", "PAKISTAN", "PAK", ""), **cells):
    """A GDELT 2.0 row made from the fixture's first (a visit of Pakistan to the United States)."""
    row = ROWS[0].split("\t")
    row[0] = str(event_id)
    row[5], row[6], row[7], row[12] = actor1
    for col, value in cells.items():
        row[int(col[1:])] = value
    return "\t".join(row)


# -- item 2: exports of a folder made by an event import ------------------------------------------


@pytest.mark.parametrize("fmt", ["icews", "gdelt"])
def test_graphml_and_gexf_export_the_evidence_of_dataset_records(tmp_path, fmt):
    name = {"gdelt": "gdelt-20250114.export.CSV", "icews": "icews-events.2021.tab"}[fmt]
    assert run("import", "-f", fmt, EVENTS / name, "-o", tmp_path / "data").exit_code == 0
    ds = graph.load(tmp_path / "data")
    for out in ("x.graphml", "x.gexf"):
        r = run("export", tmp_path / "data", "-f", out.split(".")[1], "-o", tmp_path / out)
        assert r.exit_code == 0, r.output
    g = nx.read_graphml(tmp_path / "x.graphml", force_multigraph=True)
    rel = ds.relations()[0]
    edge = g.edges[rel.subject, rel.object, rel.id]
    assert edge["record"] == rel.evidence[0].record and "quote" not in edge
    gexf = nx.read_gexf(io.BytesIO((tmp_path / "x.gexf").read_bytes()))
    assert any(d.get("record") == rel.evidence[0].record for _, _, d in gexf.edges(data=True))


# -- item 3: a carriage return inside a field ----------------------------------------------------


def test_a_gdelt_row_with_a_carriage_return_in_a_field_is_imported_and_said(tmp_path):
    rows = [_gdelt_row(900000101 + i) for i in range(4)]
    rows[1] = _gdelt_row(900000102, actor1=("PAK", "PAKI\rSTAN", "PAK", ""))
    (tmp_path / "cr.export.CSV").write_bytes(("\n".join(rows) + "\n").encode())
    r = run("import", "-f", "gdelt", tmp_path / "cr.export.CSV", "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert "(4 relations," in r.output  # every row: none lost
    assert f"note: {tmp_path / 'cr.export.CSV'}: read 1 carriage return inside a field as a space (line 2)" in r.output
    assert len(graph.load(tmp_path / "out")) == 4


def test_after_a_carriage_return_later_problems_keep_their_lines(tmp_path):
    rows = [_gdelt_row(900000101 + i) for i in range(4)]
    rows[0] = _gdelt_row(900000101, actor1=("PAK", "PAKI\rSTAN", "PAK", ""))
    rows[2] = _gdelt_row(900000103, c1="2025-01-14")  # SQLDATE is YYYYMMDD
    (tmp_path / "bad.export.CSV").write_bytes(("\n".join(rows) + "\n").encode())
    r = run("import", "-f", "gdelt", tmp_path / "bad.export.CSV", "-o", tmp_path / "out")
    assert r.exit_code == 1
    assert f"{tmp_path / 'bad.export.CSV'}:3:2: SQLDATE '2025-01-14' is not a date YYYYMMDD" in r.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "fmt,name,sep,field",
    [
        ("icews", "icews-events.2021.tab", "\t", 2),
        ("acled", "acled-2023.csv", ",", 2),
        ("polecat", "polecat-2024-02.tsv", "\t", 4),
    ],
)
def test_the_tables_with_a_header_read_a_carriage_return_in_a_field_too(tmp_path, fmt, name, sep, field):
    lines = (EVENTS / name).read_bytes().split(b"\n")
    clean = run("import", "-f", fmt, EVENTS / name, "-o", tmp_path / "clean")
    cells = lines[1].split(sep.encode())
    cells[field] = cells[field][:2] + b"\r" + cells[field][2:]
    lines[1] = sep.encode().join(cells)
    (tmp_path / name).write_bytes(b"\n".join(lines))
    r = run("import", "-f", fmt, tmp_path / name, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    relations = [line.split(",")[0] for line in (clean.output + r.output).splitlines() if line.startswith("(")]
    assert relations[0] == relations[1] and relations[0].endswith(" relations")  # every row imported
    assert "read 1 carriage return inside a field as a space (line 2)" in r.output


@pytest.mark.parametrize("count", ["1" * 40, "\u00b2"])
def test_a_fatalities_count_no_integer_column_holds_is_a_located_error(tmp_path, count):
    # (40 digits overflowed Parquet's 64-bit integers with a traceback; "²" passes str.isdigit but not int())
    import csv

    rows = list(csv.reader(io.StringIO((EVENTS / "acled-2023.csv").read_text(encoding="utf-8"))))
    col = rows[0].index("fatalities")
    rows[1][col] = count
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (tmp_path / "acled-2023.csv").write_text(buf.getvalue(), encoding="utf-8")
    r = run("import", "-f", "acled", tmp_path / "acled-2023.csv", "-o", tmp_path / "out")
    assert r.exit_code == 1 and "Traceback" not in r.output, r.output
    assert f"{tmp_path / 'acled-2023.csv'}:2:{col + 1}: fatalities '{count}' is not a count" in r.output
    assert not (tmp_path / "out").exists()


# -- item 8: an import never writes a folder that does not validate -----------------------------


def test_names_that_differ_only_by_look_alike_letters_are_told_apart(tmp_path):
    rows = [
        _gdelt_row(900000101),
        _gdelt_row(900000102, actor1=("PAKGOV", "ＰＡＫＩＳＴＡＮ", "PAK", "GOV")),
        _gdelt_row(900000103, actor1=("PAKMIL", "PAKISTAN", "PAK", "MIL")),
        _gdelt_row(900000104, actor1=("PAKOPP", "PAKI\x1bSTAN", "PAK", "OPP")),
    ]
    (tmp_path / "names.export.CSV").write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = run("import", "-f", "gdelt", tmp_path / "names.export.CSV", "-o", tmp_path / "data")
    assert r.exit_code == 0, r.output
    ds = graph.load(tmp_path / "data")  # the folder it wrote validates
    assert ds.entities["PAK"].name == "Pakistan"
    assert ds.entities["PAKGOV"].name == "Pakistan (PAKGOV)"
    assert ds.entities["PAKMIL"].name == "Pakistan (PAKMIL)"
    assert ds.entities["PAKOPP"].name == "Paki Stan"  # no control character reaches a name


def test_an_import_into_the_seed_folder_leaves_it_valid(tmp_path, seed_copy, monkeypatch):
    data = seed_copy(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    r = run("import", "-f", "gdelt", GDELT, "-o", "data/events")  # as docs/large-data.md shows it
    assert r.exit_code == 0, r.output
    ds = graph.load(data)  # the seed's Washington (an alias of USA) and Taliban (TAL) stay theirs
    assert ds.entities["USAGOV"].name == "Washington (USAGOV)" and ds.entity("Washington").id == "USA"
    assert ds.entities["AFGINS"].name == "Taliban (AFGINS)" and ds.entity("Taliban").id == "TAL"


def test_the_same_events_are_not_imported_twice_into_one_folder(tmp_path):
    assert run("import", "-f", "gdelt", GDELT, "-o", tmp_path / "data").exit_code == 0
    shutil.copy(GDELT, tmp_path / "again.export.CSV")
    r = run("import", "-f", "gdelt", tmp_path / "again.export.CSV", "-o", tmp_path / "data")
    assert r.exit_code == 1 and "5 events were imported already" in r.output
    assert graph.check(tmp_path / "data")[1] == []
    assert not [f for f in os.listdir(tmp_path / "data") if f.startswith("gdelt-again")]


def test_an_import_name_cannot_reach_outside_the_folder(tmp_path):
    r = run("import", "-f", "gdelt", GDELT, "-o", tmp_path / "data", "--name", "../escaped")
    assert r.exit_code == 2 and "must be letters, digits" in r.output
    assert not list(tmp_path.glob("escaped*"))
