"""Bulk relation files validated by columns (graph/records/columnar.py): the same problems, located the same
way, and the same relations as the validator of one record at a time; valid rows kept as columns."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
import graph.loader as loader
from graph.columns import LazyRelations
from graph.read.base import FileRead
from graph.records import Options, build_records

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

SCALE = float(os.environ.get("HYPOTHESIS_SCALE", "1"))
TEXT = "A constructed example: the envoy said the two states held talks on trade and water.\n"
BASE = """# constructed example
sources:
  - {id: ds, title: A constructed event list, kind: dataset}
  - {id: t1, title: A constructed report, kind: news report, text: t1.txt}
  - {id: t2, title: A constructed op-ed, kind: op-ed}
entities:
  - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}
  - {id: USA, name: United States, kind: state}
  - {id: TAL, name: Taliban, kind: de_facto_authority}
  - {id: IND, name: India, kind: state}
"""


def make_base(d):
    d.mkdir(parents=True, exist_ok=True)
    (d / "base.yaml").write_text(BASE, encoding="utf-8")
    (d / "t1.txt").write_text(TEXT, encoding="utf-8")
    return d


def write_parquet(rows, path):
    """The rows as a Parquet file, column by column; False when pyarrow cannot type a column."""
    names = list(dict.fromkeys(k for r in rows for k in r))
    try:
        table = pa.table({n: pa.array([r.get(n) for r in rows]) for n in names})
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        return False
    pq.write_table(table, path)
    return True


def write_jsonl(rows, path):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return True


def one_at_a_time(read):
    """*read* as the record-by-record readers give it: a list of pieces (a bulk file's rows made pieces)."""
    return FileRead(read.path, pieces=list(read.pieces), problems=list(read.problems), complete=read.complete)


def reads_of(folder):
    return [loader._parse(f, open(f, "rb").read()) for f in loader.data_files(folder)]


def both_ways(folder):
    """``(problems, relations)`` of *folder* validated by columns and one record at a time."""
    reads = reads_of(folder)
    out = []
    for rs in (reads, [one_at_a_time(r) for r in reads]):
        recs = build_records(rs, Options(root=str(folder)))
        problems = sorted(p for r in rs for p in r.problems) + sorted(recs.problems)
        rels = [(graph.to_dict(r), r.where, r.claimants) for r in recs.relations.values()]
        out.append((problems, rels, sorted(recs.invalid_relations), recs.unchecked, recs))
    (p1, r1, i1, u1, by_columns), (p2, r2, i2, u2, _) = out
    assert [str(p) for p in p1] == [str(p) for p in p2]
    assert r1 == r2
    assert (i1, u1) == (i2, u2)
    return p1, by_columns


# --- rows, good and bad in every field ------------------------------------------------------------


def ids():
    return st.sampled_from(["r1", "r2", "r3", "R1", "r-4", "bad id", "", "r\u0430", 5, None])


CELLS = {
    "id": ids(),
    "subject": st.sampled_from(["PAK", "USA", "TAL", "Pakistan", " PAK", "P\u0410K", "XYZ", "", None]),
    "object": st.sampled_from(["PAK", "USA", "IND", "pak", None]),
    "type": st.sampled_from(["CONSULT", "AID", "ACCUSE", "ACUSE", "", None]),
    "mode": st.sampled_from([None, None, "humanitarian", "military", "allege", "nonsense", ""]),
    "modality": st.sampled_from(["reported", "claimed", "denied", "rumoured", None]),
    "polarity": st.one_of(st.none(), st.sampled_from([0.0, 2.5, -10.0, 10.0, 11.0, -12.5, 3])),
    "context": st.sampled_from([None, "military", "econ", ["economic", "political"], ["economic", "bogus"], []]),
    "asserted_by": st.sampled_from([None, None, "PAK", "USA", "NOPE", ""]),
    "when": st.sampled_from([None, "2023", "2023-02", "2021-08..2025-01", "2023-02-30", "last week", " 2024 "]),
    "source": st.sampled_from(["ds", "ds", "t1", "t2", "nope", None]),
    "quote": st.sampled_from([None, "held talks", "held   talks", "no such words", " ", "\u00a0"]),
    "record": st.sampled_from([None, "ev-1", "1001 https://example.org/a", " ", "\u2003", "-"]),
    "note": st.sampled_from([None, "A constructed note."]),
    "attributes.n": st.sampled_from([None, 3, 7]),
    "colour": st.sampled_from([None, None, None, "red"]),
    "extend": st.sampled_from([None, None, None, None, True]),
}


VALID = [
    {"subject": "PAK", "object": "USA", "type": "CONSULT", "modality": "reported", "source": "ds", "record": "ev-1"},
    {
        "subject": "USA",
        "object": "TAL",
        "type": "AID",
        "mode": "humanitarian",
        "modality": "claimed",
        "polarity": 4.5,
        "context": ["economic"],
        "asserted_by": "PAK",
        "when": "2023-02",
        "source": "t2",
        "quote": "aid",
        "note": "n",
        "attributes.n": 3,
    },
    {
        "subject": "TAL",
        "object": "IND",
        "type": "ACCUSE",
        "modality": "denied",
        "context": "military",
        "when": "2021-08..2025-01",
        "source": "ds",
        "record": "1001 https://example.org/a",
        "quote": "said so",
    },
]


@st.composite
def relation_rows(draw, n_max=6):
    """Rows, each a valid one with up to three fields changed (to good or bad values) or left out."""
    rows = []
    for _i in range(draw(st.integers(1, n_max))):
        row = {"id": f"r{draw(st.integers(0, 20))}", **draw(st.sampled_from(VALID))}
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3]))):
            k = draw(st.sampled_from(sorted(CELLS)))
            if draw(st.booleans()) and k in row:
                del row[k]
            else:
                row[k] = draw(CELLS[k])
        rows.append(row)
    return rows


YAML_RELATIONS = st.sampled_from(
    [
        "",
        "relations:\n  - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, "
        "evidence: [{source: t2, quote: met}]}\n",
        "relations:\n  - {id: r2, extend: true, evidence: [{source: ds, record: ev-9}]}\n",
        "relations:\n  - {id: y1, subject: TAL, object: PAK, type: ACCUSE, modality: claimed, "
        "evidence: [{source: t1, quote: held talks}]}\n",
    ]
)


def conf(n):
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@pytest.mark.slow
@conf(300)
@given(relation_rows(), relation_rows(), YAML_RELATIONS, st.sampled_from([write_parquet, write_jsonl]))
def test_rows_good_and_bad_give_what_one_record_at_a_time_gives(tmp_path_factory, rows, more, yaml_text, write):
    d = make_base(tmp_path_factory.mktemp("columnar"))
    if not write(rows, d / ("a.relations.parquet" if write is write_parquet else "a.relations.jsonl")):
        return
    write(more, d / ("b.relations.parquet" if write is write_parquet else "b.relations.jsonl"))
    if yaml_text:
        (d / "c.yaml").write_text(yaml_text, encoding="utf-8")
    both_ways(d)


# --- the cases, one by one -------------------------------------------------------------------------


def events(n, **change):
    """*n* valid event rows (flat evidence from the dataset source), with changes {row: {field: value}}."""
    subjects = ["PAK", "USA", "TAL", "IND"]
    rows = [
        {
            "id": f"ev-{i}",
            "subject": subjects[i % 4],
            "object": subjects[(i + 1) % 4],
            "type": ("CONSULT", "AID", "ACCUSE")[i % 3],
            "modality": "reported",
            "when": f"20{10 + i % 15}-0{1 + i % 9}",
            "polarity": None if i % 2 else -2.0,
            "source": "ds",
            "record": f"{i} https://example.org/{i}",
            "attributes.cameo": f"0{i % 9}{i % 7}",
        }
        for i in range(n)
    ]
    for row, fields in change.get("rows", {}).items():
        rows[row].update(fields)
    return rows


@pytest.mark.parametrize("write", [write_parquet, write_jsonl])
def test_valid_rows_are_kept_as_columns_and_build_what_one_at_a_time_builds(tmp_path, write):
    d = make_base(tmp_path / "data")
    write(events(3000), d / ("e.relations.parquet" if write is write_parquet else "e.relations.jsonl"))
    recs = build_records(reads_of(d), Options(root=str(d)))
    rels = recs.relations
    assert recs.problems == [] and isinstance(rels, LazyRelations) and rels.built == 0 and len(rels) == 3000
    cols = rels.columns()[0]
    assert all(not part._made for part in cols.parts)  # validated: not one column made into Python values
    problems, recs = both_ways(d)
    assert problems == []
    ds = graph.load(d, cache=False)
    assert ds.relation("ev-7").evidence[0].record == "7 https://example.org/7"
    assert ds.relation("ev-8").polarity == -2.0 and ds.relation("ev-7").polarity == 10.0  # (AID's own)
    assert ds.relation("ev-7").attributes == {"cameo": "070"}


@pytest.mark.parametrize(
    "write, where", [(write_parquet, "e.relations.parquet:4500:2"), (write_jsonl, "e.relations.jsonl:4500")]
)
def test_a_bad_row_deep_inside_is_located_as_before(tmp_path, write, where):
    d = make_base(tmp_path / "data")
    write(events(5000, rows={4499: {"subject": "PAKISTN"}}), d / where.split(":")[0])
    problems, _ = both_ways(d)
    assert [str(p).replace(str(d) + os.sep, "") for p in problems] == [
        f"{where}: relation 'ev-4499': unknown entity 'PAKISTN' in 'subject' (did you mean 'PAK'?)"
    ]


def test_an_id_given_again_in_another_file_in_another_case_is_reported_at_both(tmp_path):
    d = make_base(tmp_path / "data")
    write_parquet(events(50), d / "a.relations.parquet")
    write_parquet(events(3, rows={2: {"id": "EV-40"}}), d / "b.relations.parquet")  # ev-0, ev-1 again too
    problems, _ = both_ways(d)
    text = [str(p).replace(str(d) + os.sep, "") for p in problems]
    assert (
        "a.relations.parquet:1:1: relation 'ev-0': duplicate relation id 'ev-0' (also defined at "
        "b.relations.parquet:1); ids must be unique across all files" in text
    )
    assert any(
        t.startswith("b.relations.parquet:3:1: relation 'EV-40': relation id 'EV-40' differs from 'ev-40' only in case")
        for t in text
    )


def test_an_extension_in_a_yaml_file_adds_evidence_to_a_relation_of_a_bulk_file(tmp_path):
    d = make_base(tmp_path / "data")
    write_parquet(events(20), d / "a.relations.parquet")
    (d / "b.yaml").write_text(
        "relations:\n  - {id: ev-3, extend: true, evidence: [{source: t1, quote: held talks}]}\n", encoding="utf-8"
    )
    problems, recs = both_ways(d)
    assert problems == []
    assert [e.source for e in recs.relations["ev-3"].evidence] == ["ds", "t1"]
    assert list(recs.relations)[:5] == ["ev-0", "ev-1", "ev-2", "ev-3", "ev-4"]  # still in data order


def test_rows_quoting_a_stored_text_are_checked_one_by_one_and_kept_in_order(tmp_path):
    d = make_base(tmp_path / "data")
    rows = events(
        10,
        rows={
            4: {"source": "t1", "record": None, "quote": "held talks"},
            6: {"source": "t1", "record": None, "quote": "held no talks"},
        },
    )
    write_parquet(rows, d / "a.relations.parquet")
    problems, recs = both_ways(d)
    assert [p.message.split(":")[0] for p in problems] == ["relation 'ev-6'"]
    assert "quote is not verbatim in the text of source 't1'" in problems[0].message


def test_a_file_that_could_not_be_read_in_full_leaves_references_unchecked_as_before(tmp_path):
    d = make_base(tmp_path / "data")
    write_jsonl(events(30, rows={5: {"subject": "NEW"}}), d / "a.relations.jsonl")
    (d / "b.yaml").write_text("entities:\n  - {id: NEW, name: New, kind: state\n", encoding="utf-8")  # broken
    problems, recs = both_ways(d)
    assert recs.unchecked == 1 and "1 reference to entities or sources was left unchecked" in str(problems[-1])


def test_a_wrong_column_type_is_reported_row_by_row_as_before(tmp_path):
    d = make_base(tmp_path / "data")
    rows = events(40)
    for r in rows:
        r["polarity"] = "high"
    write_parquet(rows, d / "a.relations.parquet")
    problems, _ = both_ways(d)
    assert len(problems) == 40 and all("'polarity' must be a number from -10 to 10" in p.message for p in problems)


# --- the load cache --------------------------------------------------------------------------------


def test_the_cache_keeps_bulk_rows_by_reference_and_gives_them_back(tmp_path, monkeypatch):
    d = make_base(tmp_path / "data")
    write_parquet(
        events(2000, rows={3: {"context": ["economic"], "asserted_by": "USA", "note": "A note."}}),
        d / "a.relations.parquet",
    )
    (d / "b.yaml").write_text(
        "relations:\n  - {id: y1, subject: TAL, object: PAK, type: ACCUSE, modality: claimed, "
        "evidence: [{source: t1, quote: held talks}]}\n",
        encoding="utf-8",
    )
    cold = graph.load(d, cache=False)
    first = graph.load(d, cache_dir=tmp_path / "c")
    entries = list((tmp_path / "c").rglob("*.json"))
    assert sum(p.stat().st_size for p in entries) < 20_000  # the rows of the Parquet file are not copied
    built = []
    monkeypatch.setattr(loader, "build_records", lambda *a, **k: built.append(1))
    again = graph.load(d, cache_dir=tmp_path / "c")
    assert built == [] and len(again) == 2001
    for ds in (first, again):
        assert [(graph.to_dict(r), r.where) for r in ds.relations()] == [
            (graph.to_dict(r), r.where) for r in cold.relations()
        ]
    assert again.relations(subject="TAL", type="ACCUSE")[-1].id == "y1"


def test_a_changed_bulk_file_is_validated_again(tmp_path):
    d = make_base(tmp_path / "data")
    write_parquet(events(100), d / "a.relations.parquet")
    graph.load(d, cache_dir=tmp_path / "c")
    write_parquet(events(100, rows={50: {"object": "NOWHERE"}}), d / "a.relations.parquet")
    with pytest.raises(graph.DataError) as err:
        graph.load(d, cache_dir=tmp_path / "c")
    assert "a.relations.parquet:51:3: relation 'ev-50': unknown entity 'NOWHERE' in 'object'" in str(err.value)
