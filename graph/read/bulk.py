"""Bulk files: records of one kind in Parquet (read with pyarrow) or JSON Lines, one record a row.

A bulk file holds one kind of record, known from its **file name**: the last of
the words ``sources``, ``entities``, ``relations`` in it (``gdelt-2024.relations.parquet``,
``relations-01.jsonl``, ``acled.entities.jsonl``); a name with none of them is known
from its **columns** (``subject`` -> relations, else ``name`` -> entities, else
``title`` -> sources). The columns are the data format's field names, plus, for
flat tables:

* ``source`` with ``quote`` or ``record``: one evidence item (instead of an ``evidence`` list);
* ``codes.NAME`` and ``attributes.NAME``: one key of ``codes`` / ``attributes``.

Lists (``context``, ``aliases``) are list columns in Parquet and JSON arrays in
JSON Lines; a null cell (or a JSON ``null``) is a field not given. Numbers stay
numbers, dates become ISO text. Locations: a Parquet row is ``FILE:ROW:COLUMN``
(row 1 is the first record, column the 1-based position of the field's column);
a JSON Lines record is ``FILE:LINE``. Parquet is read whole by pyarrow, column by
column (``pyarrow`` is the optional extra ``actorgraph[bulk]``); a truncated or
corrupt file is one located problem and nothing of it is used.

Examples
--------
>>> data = (b'{"id": "r1", "subject": "A", "object": "B", "type": "AID", "modality": "reported", '
...         b'"source": "s", "record": "ev-1"}\\n')
>>> fr = read_jsonl("events.relations.jsonl", data)
>>> p = fr.pieces[0]
>>> p.kind, p.values["evidence"], str(p.locator.problem(("type",), "x"))
('relations', [{'source': 's', 'record': 'ev-1'}], 'events.relations.jsonl:1: x')
>>> read_jsonl("x.jsonl", b'{"id": "E", "name": "E", "kind": "state", "codes.iso3": "EEE"}\\n').pieces[0].values
{'id': 'E', 'name': 'E', 'kind': 'state', 'codes': {'iso3': 'EEE'}}
>>> print(read_jsonl("bad.jsonl", b'{"id": "E"\\n').problems[0])
bad.jsonl:1: not a JSON object on this line: Expecting ',' delimiter (column 11)
"""

from __future__ import annotations

import json
import os
import re
from array import array

from ..errors import Problem
from ..words import short
from .base import KINDS, FileRead, Piece, RecordLocator, TableLocator
from .bulk_rows import EVIDENCE_COLUMNS, columns_of, record_values
from .json_rules import NotJson, decode_record
from .parquet_rules import cell_problems, column_problems
from .relation_table import TablePieces, from_arrow, from_rows

__all__ = ["read_parquet", "read_jsonl", "kind_of", "record_values", "write_parquet", "write_jsonl", "EVIDENCE_COLUMNS"]

_WORDS = re.compile(r"[a-z0-9]+")


def kind_of(path, columns):
    """The kind of record a bulk file holds: from its name, else from its columns; None if neither tells.

    >>> kind_of("data/gdelt-2024.relations.parquet", []), kind_of("x.jsonl", ["id", "name", "kind"])
    ('relations', 'entities')
    """
    words = [w for w in _WORDS.findall(os.path.basename(str(path)).lower()) if w in KINDS]
    if words:
        return words[-1]
    cols = set(columns)
    if "subject" in cols:
        return "relations"
    if "name" in cols:
        return "entities"
    if "title" in cols:
        return "sources"
    return None


def read_parquet(path, data, *, base_dir=None) -> FileRead:
    """Read one Parquet bulk file (its bytes, *data*) into pieces located ``FILE:ROW:COLUMN``; a file of
    relations into a :class:`~graph.read.relation_table.RelationTable`, checked by columns."""
    out = FileRead(path)
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        out.problems.append(Problem(path, 0, 0, "reading Parquet needs pyarrow: pip install 'actorgraph[bulk]'"))
        out.complete = False
        return out
    try:  # (a damaged file can fail anywhere: its metadata, a column's type, a name not UTF-8...)
        table = pq.ParquetFile(pa.BufferReader(data)).read()
        if len(set(table.column_names)) < table.num_columns:  # (read_table refuses it, and says why)
            table = pq.read_table(pa.BufferReader(data))
        names = table.column_names
        refused = column_problems(table)
        kind = kind_of(path, names) if not refused else None
        if not refused and kind is not None:
            cells = cell_problems(table)
    except (pa.ArrowException, OSError, ValueError) as exc:
        out.problems.append(
            Problem(
                path,
                0,
                0,
                f"cannot read this Parquet file (truncated or not Parquet?): "
                f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
            )
        )
        out.complete = False
        return out
    if refused:
        out.problems += [Problem(path, 1 if table.num_rows else 0, col, msg) for col, msg in refused]
        out.complete = False
        return out
    if kind is None:
        out.problems.append(Problem(path, 0, 0, _no_kind(names)))
        out.complete = False
        return out
    cols = columns_of(names, kind)
    tainted = set()
    for row, name, msg in cells:
        out.problems.append(Problem(path, row, names.index(name) + 1, msg))
        tainted.add(row)
    if kind == "relations":
        for i, clash in _clashes(table, names):
            out.problems.append(TableLocator(path, i, cols).problem((), clash))
            tainted.add(i)
        out.pieces = TablePieces(from_arrow(path, table, base_dir=base_dir, tainted=tainted))
        return out
    columns = [table.column(n).to_pylist() for n in names]
    for i, row in enumerate(zip(*columns, strict=True), 1):
        locator = TableLocator(path, i, cols)
        values, clash = record_values(dict(zip(names, row, strict=True)), kind)
        if clash:
            out.problems.append(locator.problem((), clash))
        out.pieces.append(Piece(kind, values, locator, base_dir, i in tainted or bool(clash)))
    return out


def _clashes(table, names):
    """``(row, message)`` of each row (from 1) that gives a field twice, whole and by dotted columns."""
    import pyarrow as pa
    import pyarrow.compute as pc

    both = None
    for head in ("codes", "attributes"):
        dotted = [n for n in names if n.startswith(head + ".")]
        if head in names and dotted:
            given = pc.is_valid(table.column(names.index(head)))
            some = pc.is_valid(table.column(names.index(dotted[0])))
            for name in dotted[1:]:
                some = pc.or_(some, pc.is_valid(table.column(names.index(name))))
            hits = pc.and_(given, some)
            both = hits if both is None else pc.or_(both, hits)
    if both is None:
        return []
    rows = pc.indices_nonzero(both).to_pylist()
    out = []
    for i, row in zip(rows, table.take(pa.array(rows, pa.int64())).to_pylist() if rows else [], strict=True):
        clash = record_values(row, "relations")[1]
        if clash:
            out.append((i + 1, clash))
    return out


def _no_kind(names):
    return (
        "cannot tell which records this bulk file holds: put 'sources', 'entities' or 'relations' in its "
        "name (e.g. events.relations.parquet), or give it a 'subject' (relations), 'name' (entities) or "
        "'title' (sources) column; its columns are: " + ", ".join(map(str, names[:20]))
    )


def read_jsonl(path, data, *, base_dir=None) -> FileRead:
    """Read one JSON Lines bulk file: one JSON object a line (blank lines skipped), located ``FILE:LINE``."""
    out = FileRead(path)
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        out.problems.append(Problem(path, 0, 0, f"not UTF-8 text (byte {exc.start + 1}): JSON Lines files are UTF-8"))
        out.complete = False
        return out
    rows, starts = [], array("q", [0])
    for n, line in enumerate(text.split("\n"), 1):
        starts.append(starts[-1] + len(line) + 1)  # (where the next line starts: to read a line again)
        if not line.strip():
            continue
        try:
            row, notes, tainted = decode_record(line)
        except NotJson as exc:
            out.problems.append(Problem(path, n, 0, f"not a JSON object on this line: {exc}"))
            out.complete = False
            continue
        if not isinstance(row, dict):
            out.problems.append(
                Problem(path, n, 0, f"each line must be a JSON object {{...}}, found {_json_kind(row)}")
            )
            out.complete = False
            continue
        out.problems.extend(Problem(path, n, 0, note) for note in notes)
        rows.append((n, row, tainted))
    seen = list(dict.fromkeys(k for _, row, _ in rows[:100] for k in row))
    kind = kind_of(path, seen)
    if kind is None and rows:
        out.problems.append(Problem(path, rows[0][0], 0, _no_kind(seen)))
        out.complete = False
        return out
    if kind == "relations":

        def decode(n):
            row, _, tainted = decode_record(text[starts[n - 1] : starts[n] - 1])
            return row, tainted

        out.pieces = TablePieces(from_rows(path, rows, base_dir=base_dir, decode=decode, problems=out.problems))
        return out
    for n, row, tainted in rows:
        locator = RecordLocator(path, n)
        values, clash = record_values(row, kind)
        if clash:
            out.problems.append(locator.problem((), clash))
        out.pieces.append(Piece(kind, values, locator, base_dir, tainted or bool(clash)))
    return out


def _json_kind(v):
    if isinstance(v, list):
        return "list"
    if v is None or isinstance(v, bool):
        return json.dumps(v)
    return f"'{short(str(v), 40)}'"


def write_jsonl(records) -> bytes:
    """JSON Lines bytes of *records* (dicts), one a line, keys in their order.

    >>> write_jsonl([{"id": "a", "n": 1}])
    b'{"id": "a", "n": 1}\\n'
    """
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def write_parquet(table) -> bytes:
    """The Parquet bytes of a pyarrow *table* (zstd-compressed when pyarrow has it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd" if pa.Codec.is_available("zstd") else "snappy")
    return sink.getvalue().to_pybytes()
