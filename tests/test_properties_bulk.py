"""Property-based tests (hypothesis) of the bulk readers and the event importers.

* JSON Lines: arbitrary text and bytes, JSON-like fragments (NaN, huge numbers, escapes of
  control characters, deep nesting, keys given twice) and plausible but wrong records
  written as JSON: loading gives records or located problems, nothing else;
* Parquet: plausible but wrong records as Parquet tables, arbitrary bytes, and valid files
  damaged (cut, bytes flipped): the same;
* event files (GDELT, ICEWS, ACLED, POLECAT): the fixture files with cells replaced by
  arbitrary text (tabs, line breaks, carriage returns, quotes, control characters, look-alike
  letters): the import writes files that validate, or raises DataError with located
  problems and writes nothing; every row is accounted for.

Example counts are in ``EXAMPLES``; ``HYPOTHESIS_SCALE`` multiplies them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.loader import check
from tests.test_properties import VALUES, records

pytestmark = pytest.mark.slow
pa = pytest.importorskip("pyarrow")

SCALE = float(os.environ.get("HYPOTHESIS_SCALE", "1"))
EXAMPLES = {
    "jsonl-text": 400,
    "jsonl-bytes": 150,
    "jsonl-wrong": 250,
    "parquet-wrong": 150,
    "parquet-bytes": 100,
    "parquet-damaged": 100,
    "events": 60,
}
EVENTS = Path(__file__).resolve().parent / "events"
BASE = "sources:\n  - {id: s1, title: A constructed example}\nentities:\n  - {id: PAK, name: Pakistan, kind: state}\n"


def conf(kind):
    return settings(
        max_examples=max(1, int(EXAMPLES[kind] * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


def assert_located(problems, names):
    """Each problem names its file, and a line (a record, a row; 0: the whole file) and a column or none."""
    assert problems, "an invalid dataset must have problems"
    for p in problems:
        assert isinstance(p, graph.Problem) and p.path in names, p
        assert p.line >= 1 and p.col >= 0 or (p.line == 0 and p.col == 0), p
        assert p.message and "Traceback" not in p.message and str(p).startswith(p.path)


def _check_folder(d, names):
    """Load the folder *d*: records or located problems (in *names*), and load() agrees."""
    records_, problems = check(d, cache=False)
    if problems:
        assert_located(problems, names | {str(d / "base.yaml")})
        with pytest.raises(graph.DataError):
            graph.load(d, cache=False)
    else:
        graph.load(d, cache=False)
    return problems


# --- JSON Lines ---------------------------------------------------------------------------------

JSONISH = st.lists(
    st.sampled_from(
        [
            "{",
            "}",
            "[",
            "]",
            '"',
            ":",
            ",",
            " ",
            "\n",
            "\r",
            "NaN",
            "Infinity",
            "-Infinity",
            "1e999",
            "-0",
            "9" * 30,
            "9" * 5000,
            "true",
            "null",
            '"id"',
            '"subject"',
            '"name"',
            '"kind"',
            '"PAK"',
            '"state"',
            '"\\u001b"',
            '"\\u0000"',
            '"\\ud800"',
            '"\\ud83d\\ude00"',
            '"\x7f"',
            '"\\\\"',
            '"codes.x"',
            '"codes"',
            '"attributes"',
            "[" * 70,
            "]" * 70,
            '{"a":' * 70,
            "}" * 70,
            '"\u2028"',
            "é",
        ]
    ),
    max_size=60,
).map("".join)


@conf("jsonl-text")
@given(st.one_of(st.text(max_size=200), JSONISH))
def test_arbitrary_json_lines_give_records_or_located_problems(tmp_path_factory, text):
    d = tmp_path_factory.mktemp("jsonl")
    (d / "base.yaml").write_text(BASE, encoding="utf-8")
    (d / "x.entities.jsonl").write_text(text, encoding="utf-8", errors="surrogatepass")
    _check_folder(d, {str(d / "x.entities.jsonl")})


@conf("jsonl-bytes")
@given(st.binary(max_size=200))
def test_arbitrary_bytes_in_a_json_lines_file(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("jsonl-bytes")
    (d / "base.yaml").write_text(BASE, encoding="utf-8")
    (d / "x.relations.jsonl").write_bytes(data)
    _check_folder(d, {str(d / "x.relations.jsonl")})


@conf("jsonl-wrong")
@given(
    st.sampled_from(["sources", "entities", "relations"]),
    st.lists(st.one_of(records("relations"), records("entities"), VALUES), max_size=5),
)
def test_plausible_wrong_records_as_json_lines(tmp_path_factory, kind, rows):
    d = tmp_path_factory.mktemp("jsonl-wrong")
    (d / "base.yaml").write_text(BASE, encoding="utf-8")
    (d / f"x.{kind}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _check_folder(d, {str(d / f"x.{kind}.jsonl")})


# --- Parquet ------------------------------------------------------------------------------------


def _parquet_bytes(table):
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _table(rows):
    """A table of *rows* (dicts), column by column; ``None`` when pyarrow cannot type a column."""
    names = list(dict.fromkeys(k for r in rows for k in r))
    try:
        return pa.table({n: pa.array([r.get(n) for r in rows]) for n in names}) if names else None
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        return None


CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["PAK", "s1", "CONSULT", "reported", "x\x1by", "\x00", "caf\u00e9", "\ufffe"]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=5), max_size=3),
)
COLUMNS = st.sampled_from(
    [
        "id",
        "subject",
        "object",
        "type",
        "mode",
        "polarity",
        "modality",
        "context",
        "source",
        "quote",
        "record",
        "name",
        "kind",
        "aliases",
        "codes.iso3",
        "attributes.n",
        "title",
        "evidence",
        "when",
        "note",
        "x",
    ]
)


@conf("parquet-wrong")
@given(
    st.sampled_from(["sources", "entities", "relations", "table"]),
    st.lists(st.dictionaries(COLUMNS, CELLS, max_size=8), min_size=1, max_size=5),
)
def test_plausible_wrong_records_as_parquet(tmp_path_factory, kind, rows):
    table = _table(rows)
    if table is None:
        return
    d = tmp_path_factory.mktemp("parquet")
    (d / "base.yaml").write_text(BASE, encoding="utf-8")
    (d / f"x.{kind}.parquet").write_bytes(_parquet_bytes(table))
    _check_folder(d, {str(d / f"x.{kind}.parquet")})


@conf("parquet-bytes")
@given(st.binary(max_size=300))
def test_arbitrary_bytes_in_a_parquet_file(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("parquet-bytes")
    (d / "base.yaml").write_text(BASE, encoding="utf-8")
    (d / "x.relations.parquet").write_bytes(b"PAR1" + data if data[:1] == b"\x00" else data)
    _check_folder(d, {str(d / "x.relations.parquet")})


GOOD = _parquet_bytes(
    pa.table(
        {
            "id": ["r1", "r2"],
            "subject": ["PAK", "PAK"],
            "object": ["PAK", "PAK"],
            "type": ["CONSULT", "AID"],
            "modality": ["reported", "claimed"],
            "polarity": [1.0, None],
            "context": [["military"], None],
            "source": ["s1", "s1"],
            "quote": ["talks", "aid"],
        }
    )
)


@conf("parquet-damaged")
@given(
    st.one_of(
        st.integers(0, len(GOOD)).map(lambda n: ("cut", n, 0)),
        st.tuples(st.just("flip"), st.integers(0, len(GOOD) - 1), st.integers(1, 255)),
    )
)
def test_a_damaged_parquet_file_gives_located_problems(tmp_path_factory, damage):
    how, at, bits = damage
    data = GOOD[:at] if how == "cut" else GOOD[:at] + bytes([GOOD[at] ^ bits]) + GOOD[at + 1 :]
    d = tmp_path_factory.mktemp("parquet-damaged")
    (d / "base.yaml").write_text(BASE, encoding="utf-8")
    (d / "x.relations.parquet").write_bytes(data)
    _check_folder(d, {str(d / "x.relations.parquet")})


# --- event files ----------------------------------------------------------------------------------

FORMATS = {
    "gdelt": ("gdelt-20250114.export.CSV", "\t", False),
    "icews": ("icews-events.2021.tab", "\t", True),
    "acled": ("acled-2023.csv", ",", True),
    "polecat": ("polecat-2024-02.tsv", "\t", True),
}
CELL_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "\r",
            "PAKI\rSTAN",
            "a\tb",
            "a\nb",
            '"',
            '""',
            "x,y",
            "\x1b[2J",
            "\x00",
            "ＰＡＫＩＳＴＡＮ",
            "PAKISTAN",
            "Washington",
            "AFGINS",
            "USA",
            "010",
            "20250132",
            "-11",
            "9" * 40,
            "\ufeff",
            "Рakistan",
        ]
    ),
)


@conf("events")
@given(
    st.sampled_from(sorted(FORMATS)),
    st.lists(st.tuples(st.integers(0, 20), st.integers(0, 70), CELL_TEXT), min_size=1, max_size=4),
)
def test_event_files_with_arbitrary_cells_import_to_a_valid_folder_or_fail_located(tmp_path_factory, fmt, changes):
    from graph.imports.events import import_events

    name, sep, header = FORMATS[fmt]
    lines = (EVENTS / name).read_text(encoding="utf-8").split("\n")
    body = [i for i, line in enumerate(lines) if line and (i > 0 or not header)]
    for row, col, text in changes:
        i = body[row % len(body)]
        cells = lines[i].split(sep)
        cells[col % len(cells)] = text
        lines[i] = sep.join(cells)
    d = tmp_path_factory.mktemp("events")
    path = d / name
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    out = d / "out"
    try:
        result = import_events([path], fmt, out)
    except graph.DataError as exc:
        assert exc.problems
        for p in exc.problems:  # in the event file, or in a file the import would have written
            assert p.path == str(path) or p.path.startswith(str(out / "")), p
            assert p.line >= 0 and p.message and "Traceback" not in p.message
        assert not out.exists() or not list(out.iterdir())  # nothing written
        return
    assert graph.check(out, cache=False)[1] == []  # what it wrote validates
    rows = len([line for line in "\n".join(lines).split("\n") if line.strip(" \r")]) - header
    accounted = result.relations + sum(result.skipped.values())
    if fmt == "gdelt":  # one event a line (no quoting): each imported or left out, with its reason
        assert accounted == rows, (accounted, rows, str(result))
    else:  # (a quoted field may span lines)
        assert accounted <= rows
