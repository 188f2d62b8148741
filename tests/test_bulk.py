"""Bulk files (Parquet, JSON Lines): the pieces and locations the readers give the validator."""

from __future__ import annotations

import json
import os

import pytest

import graph
from graph.read import READERS, reader_for
from graph.read.bulk import kind_of, read_jsonl, read_parquet, write_jsonl


def _pyarrow():
    """pyarrow, or a skip -- except in CI, where a missing pyarrow is a failure."""
    if os.environ.get("CI"):
        import pyarrow

        return pyarrow
    return pytest.importorskip("pyarrow")


def _parquet(table):
    import pyarrow.parquet as pq

    pa = _pyarrow()
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def test_the_registry_reads_parquet_and_jsonl_by_suffix():
    assert READERS[".parquet"] is read_parquet and READERS[".jsonl"] is read_jsonl
    assert reader_for("data/Events.Relations.PARQUET") is read_parquet
    assert reader_for("data/x.yaml.bak") is None


@pytest.mark.parametrize(
    "name,columns,kind",
    [
        ("gdelt-2024.relations.parquet", ["id"], "relations"),
        ("relations-01.jsonl", ["id"], "relations"),
        ("entities_from_relations_import.jsonl", ["id"], "relations"),  # the last kind word counts
        ("acled.entities.jsonl", ["id", "subject"], "entities"),
        ("table.parquet", ["id", "subject", "object"], "relations"),
        ("table.parquet", ["id", "name", "kind"], "entities"),
        ("table.parquet", ["id", "title"], "sources"),
        ("table.parquet", ["id", "colour"], None),
    ],
)
def test_the_kind_comes_from_the_name_then_the_columns(name, columns, kind):
    assert kind_of(name, columns) == kind


def test_parquet_relations_with_flat_evidence_and_dotted_attributes():
    pa = _pyarrow()
    table = pa.table(
        {
            "id": ["r1", "r2"],
            "subject": ["USA", "PAK"],
            "object": ["TAL", "USA"],
            "type": ["REQUEST", "AGREE"],
            "context": [["military", "economic"], None],
            "polarity": [None, 2.5],
            "modality": ["reported", "claimed"],
            "when": ["2025", None],
            "source": ["gdelt", "gdelt"],
            "record": ["1001 https://example.org/a", "1002"],
            "attributes.count": pa.array([3, None], type=pa.int64()),
        }
    )
    fr = read_parquet("d/events.relations.parquet", _parquet(table))
    assert fr.problems == [] and fr.complete
    first, second = (p.values for p in fr.pieces)
    assert first == {
        "id": "r1",
        "subject": "USA",
        "object": "TAL",
        "type": "REQUEST",
        "context": ["military", "economic"],
        "modality": "reported",
        "when": "2025",
        "evidence": [{"source": "gdelt", "record": "1001 https://example.org/a"}],
        "attributes": {"count": 3},
    }
    assert second["polarity"] == 2.5 and "context" not in second and "attributes" not in second
    assert {p.kind for p in fr.pieces} == {"relations"}
    loc = fr.pieces[1].locator
    assert str(loc.problem(("type",), "unknown type")) == "d/events.relations.parquet:2:4: unknown type"
    assert str(loc.problem(("evidence", 0, "record"), "bad record")) == "d/events.relations.parquet:2:9: bad record"
    assert str(loc.problem(("attributes", "count"), "x")) == "d/events.relations.parquet:2:11: x"
    assert loc.where() == ("d/events.relations.parquet", 2, 0)


def test_a_wrong_column_reaches_the_validator_as_a_field_located_at_its_column():
    pa = _pyarrow()
    fr = read_parquet("e.relations.parquet", _parquet(pa.table({"id": ["r1"], "subjekt": ["A"]})))
    p = fr.pieces[0]
    assert p.values == {"id": "r1", "subjekt": "A"}
    assert (
        str(p.locator.problem(("subjekt",), "unknown field 'subjekt'", key=True))
        == "e.relations.parquet:1:2: unknown field 'subjekt'"
    )


def test_parquet_types_become_plain_values():
    import datetime

    pa = _pyarrow()
    table = pa.table(
        {
            "id": ["E1"],
            "name": ["Entity"],
            "kind": ["state"],
            "aliases": [["One", "Uno"]],
            "codes": pa.array([[("iso3", "EEE"), ("cameo", "EEE")]], type=pa.map_(pa.string(), pa.string())),
            "founded": [datetime.date(2001, 5, 2)],
            "score": [None],
        }
    )
    values = read_parquet("x.entities.parquet", _parquet(table)).pieces[0].values
    assert values == {
        "id": "E1",
        "name": "Entity",
        "kind": "state",
        "aliases": ["One", "Uno"],
        "codes": {"iso3": "EEE", "cameo": "EEE"},
        "founded": "2001-05-02",
    }


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_broken_parquet_file_is_one_located_problem_and_nothing_else(damage):
    pa = _pyarrow()
    good = _parquet(pa.table({"id": ["r1"], "subject": ["A"]}))
    data = {"truncated": good[: len(good) // 2], "garbage": b"PAR1 not really", "empty": b""}[damage]
    fr = read_parquet("data/t.relations.parquet", data)
    assert fr.pieces == [] and not fr.complete
    assert len(fr.problems) == 1
    msg = str(fr.problems[0])
    assert msg.startswith("data/t.relations.parquet: cannot read this Parquet file") and "Traceback" not in msg


def test_a_parquet_file_whose_kind_cannot_be_told():
    pa = _pyarrow()
    fr = read_parquet("t.parquet", _parquet(pa.table({"id": ["x"], "colour": ["red"]})))
    assert fr.pieces == [] and "cannot tell which records" in str(fr.problems[0])


def test_jsonl_records_and_their_lines():
    data = (
        b'{"id": "s", "title": "GDELT events", "kind": "dataset"}\n'
        b"\n"
        b'{"id": "s2", "title": "Another", "url": "https://example.org"}\n'
    )
    fr = read_jsonl("d/sources.jsonl", data)
    assert [p.kind for p in fr.pieces] == ["sources", "sources"]
    assert [p.locator.where() for p in fr.pieces] == [("d/sources.jsonl", 1, 0), ("d/sources.jsonl", 3, 0)]
    assert fr.pieces[1].values == {"id": "s2", "title": "Another", "url": "https://example.org"}


def test_bad_jsonl_lines_are_located_and_the_rest_still_read():
    data = (
        b'{"id": "E1", "name": "A", "kind": "state"}\n[1, 2]\n{"id": "E3",\n'
        b'{"id": "E4", "name": "D", "kind": "state"}\n'
    )
    fr = read_jsonl("x.entities.jsonl", data)
    assert [p.values["id"] for p in fr.pieces] == ["E1", "E4"]
    assert [str(p) for p in fr.problems] == [
        "x.entities.jsonl:2: each line must be a JSON object {...}, found list",
        "x.entities.jsonl:3: not a JSON object on this line: Expecting property name enclosed in double quotes "
        "(column 13)",
    ]
    assert not fr.complete
    latin = read_jsonl("l.entities.jsonl", '{"id": "E", "name": "Caf\u00e9"}\n'.encode("latin-1"))
    assert latin.pieces == [] and "not UTF-8" in str(latin.problems[0])


def _table(rows):
    """A pyarrow table of dicts with different keys (from_pylist alone takes the first row's keys)."""
    pa = _pyarrow()
    keys = list(dict.fromkeys(k for r in rows for k in r))
    return pa.table({k: [r.get(k) for r in rows] for k in keys})


def _as_yaml(reads):
    """The pieces of some reads as one YAML document (JSON is YAML), for graph.loads."""
    doc = {"sources": [], "entities": [], "relations": []}
    for fr in reads:
        assert fr.problems == []
        for p in fr.pieces:
            doc[p.kind].append(p.values)
    return json.dumps(doc)


def test_round_trip_through_jsonl_and_parquet_gives_the_same_dataset():
    _pyarrow()
    ds = graph.example()
    rows = {
        kind: [graph.to_dict(r, drop_empty=True) for r in recs]
        for kind, recs in (
            ("sources", ds.sources.values()),
            ("entities", ds.entities.values()),
            ("relations", ds.relations()),
        )
    }
    reads = [read_jsonl(f"x.{k}.jsonl", write_jsonl(rows[k])) for k in ("sources", "entities")]
    # nested columns: evidence a list of structs, attributes a struct, in Parquet as in JSON Lines
    for rel_read in (
        read_jsonl("x.relations.jsonl", write_jsonl(rows["relations"])),
        read_parquet("x.relations.parquet", _parquet(_table(rows["relations"]))),
    ):
        back = graph.loads(_as_yaml(reads + [rel_read]))
        assert [graph.to_dict(r) for r in back.relations()] == [graph.to_dict(r) for r in ds.relations()]
        assert {k: graph.to_dict(e) for k, e in back.entities.items()} == {
            k: graph.to_dict(e) for k, e in ds.entities.items()
        }
    # flat evidence columns, for relations with one evidence item
    single = [r for r in rows["relations"] if len(r["evidence"]) == 1]
    flat = [{k: v for k, v in r.items() if k != "evidence"} | r["evidence"][0] for r in single]
    back = graph.loads(_as_yaml(reads + [read_parquet("x.relations.parquet", _parquet(_table(flat)))]))
    assert [graph.to_dict(r) for r in back.relations()] == [graph.to_dict(ds.relation(r["id"])) for r in single]
