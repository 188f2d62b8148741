"""A bulk file's relations as Arrow columns: what the columnar validator checks, and any row as a piece.

A Parquet or JSON Lines file of relations is not turned into one record a row.
Its reader (:mod:`graph.read.bulk`) gives a :class:`RelationTable`: one Arrow
array per field the validator checks by columns (:mod:`graph.records.columnar`),
each as long as the file has records, with the fields' rules of the YAML reader:
text is text (``str``), a polarity a number, ``context`` text or a list of text,
evidence items ``{source, quote, record}`` of text, attributes plain scalars. A row
that holds anything else -- a field no relation has, a value of another type, a
nested attribute, ``extend``, a cell refused while reading -- is *irregular*: the
validator hands it, as a :class:`~graph.read.base.Piece` made exactly as the
record-by-record reader makes it (:meth:`RelationTable.pieces`), to the validator
of one record at a time, with every row that fails a check by columns. The rows
of a file are records 0, 1, ...; ``lines`` gives each one's row (Parquet) or line
(JSON Lines) number.

:class:`TablePieces` is the file's ``pieces`` as the other readers give them (a
sequence of :class:`~graph.read.base.Piece`, made when first looked at), so that a
bulk file can still be read record by record; the loader hands its table to the
validator instead.

>>> import pyarrow as pa
>>> table = pa.table({"id": ["r1", "r2"], "subject": ["A", "B"], "colour": [None, "red"]})
>>> t = from_arrow("r.relations.parquet", table, base_dir=None, tainted=())
>>> t.n, t.arrays["id"].to_pylist(), t.irregular.to_pylist()
(2, ['r1', 'r2'], [False, True])
>>> [p.values for p in t.pieces([1])]
[{'id': 'r2', 'subject': 'B', 'colour': 'red'}]
"""

from __future__ import annotations

from collections.abc import Sequence

from .base import Piece, RecordLocator, TableLocator
from .bulk_rows import EVIDENCE_COLUMNS, columns_of, record_values

__all__ = ["RelationTable", "TablePieces", "from_arrow", "from_rows", "TEXT_FIELDS"]

#: The fields checked as text, each an Arrow string array.
TEXT_FIELDS = ("id", "subject", "object", "type", "modality", "mode", "when", "note", "asserted_by")
_EVIDENCE = EVIDENCE_COLUMNS
_SCALARS = (str, int, float, bool)


class RelationTable:
    """The relations of one bulk file as columns (see the module docs).

    ``arrays``: field -> Arrow array of ``n`` values (:data:`TEXT_FIELDS` as strings, ``polarity``
    as doubles, ``context`` as lists of strings); ``ev_n`` (evidence items a row gives) and
    ``ev_source``, ``ev_quote``, ``ev_record`` (the items, row after row); ``irregular``: the rows
    only the record-by-record validator may take; ``lines``: each row's row or line number in the
    file; ``attributes(rows)``: the attributes of those rows, as dicts.
    """

    def __init__(self, path, n, arrays, evidence, irregular, lines, attributes, make_pieces):
        self.path, self.n, self.arrays, self.irregular, self.lines = path, n, arrays, irregular, lines
        self.ev_n, self.ev_source, self.ev_quote, self.ev_record = evidence
        self._attributes, self._make_pieces = attributes, make_pieces

    def attributes(self, rows):
        """The ``attributes`` of the records *rows* (positions, in order), each a dict."""
        return self._attributes(rows)

    def pieces(self, rows):
        """The records *rows* (positions, in order) as :class:`~graph.read.base.Piece`, as the
        record-by-record reader makes them."""
        return self._make_pieces(list(rows))


class TablePieces(Sequence):
    """The pieces of a :class:`RelationTable`, made when first looked at (``table``: the table)."""

    def __init__(self, table):
        self.table = table
        self._made = None

    def _all(self):
        if self._made is None:
            self._made = self.table.pieces(range(self.table.n))
        return self._made

    def __len__(self):
        return self.table.n

    def __getitem__(self, i):
        if self._made is None and isinstance(i, int) and -self.table.n <= i < self.table.n:
            return self.table.pieces([i % self.table.n])[0]
        return self._all()[i]

    def __eq__(self, other):
        return list(self) == list(other) if isinstance(other, (list, Sequence)) else NotImplemented

    def __repr__(self):
        return f"<{self.table.n} relations of {self.table.path}>"


# -- Parquet: a pyarrow table ---------------------------------------------------------------------


def _kind(t, want):
    """The type class of Arrow type *t* as the fields here take it: 'text', 'number', 'texts'
    (a list of text) or 'scalar' (an attribute's value), if it is *want*; else ``None``."""
    import pyarrow.types as at

    if at.is_dictionary(t):
        t = t.value_type
    text = at.is_string(t) or at.is_large_string(t)
    if want == "text":
        return text
    if want == "number":
        return at.is_integer(t) or at.is_floating(t)
    if want == "texts":
        return text or (
            (at.is_list(t) or at.is_large_list(t)) and (at.is_string(t.value_type) or at.is_large_string(t.value_type))
        )
    return text or at.is_integer(t) or at.is_floating(t) or at.is_boolean(t)  # an attribute


def _one(col):
    """*col* as one Arrow array (a ChunkedArray joined)."""
    if not hasattr(col, "combine_chunks"):
        return col
    return col.chunk(0) if col.num_chunks == 1 else col.combine_chunks()


def _text(col):
    """A column of text (maybe dictionary-encoded) as one string array."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return _one(col if col.type == pa.string() else pc.cast(col, pa.string()))


def _texts(col):
    """A string or list-of-strings column as a list<string> array (a text: a list of one)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.types as at

    t = col.type.value_type if at.is_dictionary(col.type) else col.type
    if at.is_list(t) or at.is_large_list(t):
        return _one(pc.cast(col, pa.list_(pa.string())))
    col = _one(pc.cast(col, pa.string()))
    valid = pc.is_valid(col)
    offsets = pa.concat_arrays([pa.array([0], pa.int32()), pc.cumulative_sum(pc.cast(valid, pa.int32()))])
    return pa.ListArray.from_arrays(offsets, pc.drop_null(col), mask=pc.invert(valid))


def from_arrow(path, table, *, base_dir, tainted):
    """The :class:`RelationTable` of a pyarrow *table* of relations read from *path*; *tainted*:
    the rows (from 1) refused while reading."""
    import pyarrow as pa
    import pyarrow.compute as pc

    names = table.column_names
    n = table.num_rows
    nothing = pa.nulls(n, pa.string())
    arrays = {name: nothing for name in TEXT_FIELDS}
    arrays["polarity"] = pa.nulls(n, pa.float64())
    arrays["context"] = pa.nulls(n, pa.list_(pa.string()))
    irregular = pa.repeat(False, n) if not tainted else pa.array([i + 1 in tainted for i in range(n)])
    flat = "evidence" not in names
    attributes, ev = [], {}
    for name in dict.fromkeys(names):
        col = table.column(name)
        head, dot, tail = name.partition(".")
        if name in TEXT_FIELDS and _kind(col.type, "text"):
            arrays[name] = _text(col)
        elif name == "polarity" and _kind(col.type, "number"):
            arrays[name] = _one(pc.cast(col, pa.float64(), safe=False))  # (past 2**53: out of range anyway)
        elif name == "context" and _kind(col.type, "texts"):
            arrays[name] = _texts(col)
        elif flat and name in _EVIDENCE and _kind(col.type, "text"):
            ev[name] = _text(col)
        elif head == "attributes" and dot and tail and _kind(col.type, "scalar"):
            attributes.append((tail, col))
        elif col.null_count < n:  # a field no relation has, or a value of another type: row by row
            irregular = pc.or_(irregular, pc.is_valid(col))
    if len(names) != len(set(names)):  # (a column given twice: the row's last value counts)
        irregular = pa.repeat(True, n)
    given = pa.repeat(False, n)
    for name in _EVIDENCE:
        if name in ev:
            given = pc.or_(given, pc.is_valid(ev[name]))
    if pc.all(given).as_py() is not False:  # (every row gives its evidence: the columns as they are)
        evidence = (pa.repeat(1, n).cast(pa.int32()), *(ev.get(k, pa.nulls(n, pa.string())) for k in _EVIDENCE))
    else:
        keep = pc.indices_nonzero(given)
        evidence = (
            _one(pc.cast(given, pa.int32())),
            *(pc.take(ev[k], keep) if k in ev else pa.nulls(len(keep), pa.string()) for k in _EVIDENCE),
        )

    def attrs(rows):
        rows = pa.array(rows, pa.int64())
        cols = [(k, pc.take(col, rows).to_pylist()) for k, col in attributes]
        return [{k: v[i] for k, v in cols if v[i] is not None} for i in range(len(rows))]

    columns = columns_of(names, "relations")

    def pieces(rows):
        out = []
        for i, row in zip(rows, table.take(pa.array(rows, pa.int64())).to_pylist() if rows else [], strict=True):
            locator = TableLocator(path, i + 1, columns)
            values, clash = record_values(row, "relations")  # (a clash was reported and the row tainted)
            out.append(Piece("relations", values, locator, base_dir, i + 1 in tainted or bool(clash)))
        return out

    return RelationTable(path, n, arrays, evidence, _one(irregular), range(1, n + 1), attrs, pieces)


# -- JSON Lines: records decoded one a line -------------------------------------------------------

_FITS = {
    **dict.fromkeys(TEXT_FIELDS, lambda v: type(v) is str),
    "polarity": lambda v: type(v) is float or (type(v) is int and -(2**63) <= v < 2**63),
    "context": lambda v: type(v) is str or (type(v) is list and all(type(x) is str for x in v)),
    "attributes": lambda v: type(v) is dict and all(type(x) in _SCALARS for x in v.values()),
    "evidence": lambda v: (
        type(v) is list
        and all(type(e) is dict and all(k in _EVIDENCE and type(x) is str for k, x in e.items()) for e in v)
    ),
}
"""Field -> whether a value of it (as :func:`~graph.read.bulk_rows.record_values` gives it) fits its column."""


def from_rows(path, rows, *, base_dir, decode, problems):
    """The :class:`RelationTable` of JSON Lines records *rows*, ``(line number, record, tainted)``
    each (the record as decoded, before :func:`record_values`); ``decode(line number)`` gives
    ``(record, tainted)`` of a line again (for the rows made pieces). A record that gives a field
    twice, whole and by dotted keys, is reported in *problems*."""
    import pyarrow as pa

    kept, irregular, lines = [], [], []
    for line, row, tainted in rows:
        values, clash = record_values(row, "relations")
        if clash:
            problems.append(RecordLocator(path, line).problem((), clash))
        fits = not (tainted or clash) and all(k in _FITS and _FITS[k](v) for k, v in values.items())
        kept.append(values if fits else {})  # (a field no relation has, 'extend', another type: row by row)
        irregular.append(not fits)
        lines.append(line)
    arrays = {name: pa.array([v.get(name) for v in kept], pa.string()) for name in TEXT_FIELDS}
    arrays["polarity"] = pa.array([v.get("polarity") for v in kept], pa.float64())
    arrays["context"] = pa.array(
        [[c] if type(c) is str else c for c in (v.get("context") for v in kept)], pa.list_(pa.string())
    )
    evidence = [v.get("evidence") or () for v in kept]
    evidence = (
        pa.array([len(e) for e in evidence], pa.int32()),
        *(pa.array([item.get(k) for e in evidence for item in e], pa.string()) for k in _EVIDENCE),
    )
    attributes = [v.get("attributes") for v in kept]
    del kept

    def attrs(rows):
        return [dict(attributes[i]) if attributes[i] else {} for i in rows]

    def pieces(rows):
        out = []
        for i in rows:
            row, tainted = decode(lines[i])
            values, clash = record_values(row, "relations")
            out.append(Piece("relations", values, RecordLocator(path, lines[i]), base_dir, tainted or bool(clash)))
        return out

    return RelationTable(path, len(lines), arrays, evidence, pa.array(irregular, pa.bool_()), lines, attrs, pieces)
