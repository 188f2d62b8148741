"""``export --format neo4j-csv``: the files neo4j-admin database import reads, read back with the csv module."""

from __future__ import annotations

import csv
import json

from graph import export as export_mod
from graph.db import statements as st
from tests.db.conftest import DATA, invoke
from tests.test_formats import hostile


def read(path, delimiter):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    out = []
    for row in body:
        rec = {}
        for h, cell in zip(header, row, strict=True):
            name, _, typ = h.partition(":")
            if cell == "" and name:  # neo4j-admin leaves a property out for an empty field
                continue
            if typ.endswith("[]"):
                rec[name] = cell.split(delimiter)
            elif typ == "double":
                rec[name] = float(cell)
            elif typ == "int":
                rec[name] = int(cell)
            else:
                rec[name or h] = cell
        out.append(rec)
    return header, out


def test_neo4j_csv_files_hold_the_pushed_graph(tmp_path):
    ds = hostile()
    written = export_mod.export(ds, "neo4j-csv", tmp_path / "g")
    assert [p.rsplit("-", 1)[1] for p in map(str, written)] == [
        "entities.csv",
        "sources.csv",
        "relations.csv",
        "import.sh",
    ]
    command = (tmp_path / "g-import.sh").read_text()
    delim = command.split("--array-delimiter='")[1].split("'")[0]
    delim = "\t" if delim == "TAB" else delim
    assert delim == "\u00a6"  # the hostile quotes hold ; | and a tab
    assert (
        "neo4j-admin database import full --nodes=g-entities.csv --nodes=g-sources.csv --relationships=g-relations.csv"
        in command
        and "--multiline-fields=true" in command
    )
    header, ents = read(tmp_path / "g-entities.csv", delim)
    assert header[:2] == ["id:ID(Entity)", ":LABEL"] and "aliases:string[]" in header
    labels = {e.id: st.kind_label(e.kind) for e in ds.entities.values()}
    assert {r["id"]: r[":LABEL"].split(delim) for r in ents} == {i: ["Entity", lab] for i, lab in labels.items()}
    for r in ents:
        props = st.entity_props(ds.entities[r["id"]])
        assert {k: v for k, v in r.items() if k not in (":LABEL",)} == props
    header, srcs = read(tmp_path / "g-sources.csv", delim)
    assert header[0] == "id:ID(Source)"
    assert {r["id"]: {k: v for k, v in r.items() if k != ":LABEL"} for r in srcs} == {
        row["id"]: row["props"] for row in st.source_rows(ds)
    }
    header, rels = read(tmp_path / "g-relations.csv", delim)
    assert header[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert {"polarity:double", "sign:int", "claimants:string[]", "quotes:string[]", "context:string[]"} <= set(header)
    expected = {r["id"]: r for rows in st.relation_rows(ds).values() for r in rows}
    assert len(rels) == len(expected) == len(ds)
    for r in rels:
        e = expected[r["id"]]
        assert (r[":START_ID(Entity)"], r[":END_ID(Entity)"], r[":TYPE"]) == (
            e["subject"],
            e["object"],
            e["props"]["type"],
        )
        got = {k: v for k, v in r.items() if not k.startswith(":")}
        assert got == e["props"]
        assert json.loads(got["evidence"])


def test_neo4j_csv_from_the_cli_and_delimiter_choice(tmp_path):
    out = invoke("export", DATA, "--format", "neo4j-csv", "-o", f"{tmp_path}/")
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entities.csv", "import.sh", "relations.csv", "sources.csv"]
    from graph.formats.neo4j_csv import _choose_delimiter

    assert _choose_delimiter([["a", "b"]]) == ";" and _choose_delimiter([["a;b"]]) == "|"
    assert _choose_delimiter([["a;b", "c|d"]]) == "\u00a6"
    assert _choose_delimiter([["a;b", "c|d", "\u00a6", "\t"]]) == "\x1f"
