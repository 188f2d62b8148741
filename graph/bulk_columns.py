"""Validated rows of a bulk file's table as the load cache's relation columns, each made from Arrow on first use.

The columnar validator (:mod:`graph.records.columnar`) keeps the relations of a
bulk file that passed every check as they are: a
:class:`~graph.read.relation_table.RelationTable` and the positions of those
rows. :class:`TableColumns` is the mapping of :data:`graph.columns.COLUMNS` that
:class:`~graph.columns.LazyRelations` reads (entities, sources and words by
number, the evidence flattened), each column made from the Arrow arrays by
pyarrow when it is first asked for and then kept: a load that only validates
and counts makes none of them, not one Python object a row.

>>> import pyarrow as pa
>>> from graph.read.relation_table import from_arrow
>>> t = from_arrow("r.relations.parquet", pa.table({"id": ["r1"], "subject": ["A"], "object": ["B"], "type": ["AID"],
...     "modality": ["reported"], "source": ["s"], "record": ["ev-1"], "attributes.n": [3]}), base_dir=None, tainted=())
>>> cols = TableColumns(t, None, ["A", "B"], ["s"], 0)
>>> cols.rows, cols["subject"], cols["object"], cols["polarity"], cols["attributes"], cols["line"]
(1, [0], [1], [10.0], [{'n': 3}], [1])
"""

from __future__ import annotations

from collections.abc import Mapping

from .columns import COLUMNS, WORDS
from .vocab import RELATION_TYPES
from .when import parse_when

__all__ = ["TableColumns"]

_EMPTY: list = []  # (the context of a relation that has none: one list for them all, never changed)


class TableColumns(Mapping):
    """The columns of the rows *rows* (positions, ascending; ``None``: every row) of the
    :class:`~graph.read.relation_table.RelationTable` *table*, numbered by *entities* and
    *sources* (ids, in order) and :data:`~graph.columns.WORDS`, from file number *file_no*.
    ``ValueError`` when a value is not in those tables (rows that were not validated)."""

    def __init__(self, table, rows, entities, sources, file_no):
        self.table, self.file_no = table, file_no
        self.positions = rows
        self.rows = table.n if rows is None else len(rows)
        self.entities, self.sources = entities, sources
        self._made = {}

    def __getitem__(self, name):
        found = self._made.get(name)
        if found is None:
            if name not in _MAKERS:
                raise KeyError(name)
            found = self._made[name] = _MAKERS[name](self)
        return found

    def __iter__(self):
        return iter((*COLUMNS, "words"))

    def __len__(self):
        return len(COLUMNS) + 1

    # -- the Arrow arrays of the rows, and their numbers ------------------------------------
    def take(self, name):
        """The array of the field *name* (or the array *name* itself), for the rows."""
        arr = self.table.arrays[name] if isinstance(name, str) else name
        if self.positions is None:
            return arr
        import pyarrow as pa

        return arr.take(pa.array(self.positions, pa.int64()))

    def numbers(self, arr, ids, none=False):
        """The positions in *ids* of the values of *arr* (``None`` for a null when *none*)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        found = pc.index_in(arr, value_set=pa.array(ids, pa.string()))
        if found.null_count != (arr.null_count if none else 0):
            raise ValueError("a value of these rows is not in its table")
        return found.to_pylist()

    def items(self, name):
        """The evidence items' array *name* (``ev_source``...) of the rows."""
        t = self.table
        arr = getattr(t, name)
        if self.positions is None:
            return arr
        import numpy as np
        import pyarrow as pa

        counts = t.ev_n.to_numpy(zero_copy_only=False).astype(np.int64)
        starts = np.cumsum(counts) - counts
        rows = np.asarray(self.positions, dtype=np.int64)
        n = counts[rows]
        first = np.repeat(starts[rows], n)
        step = np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
        return arr.take(pa.array(first + step))


def _polarity(c):
    """A given polarity, else the type's own."""
    import pyarrow as pa
    import pyarrow.compute as pc

    defaults = pa.array([RELATION_TYPES[w].polarity if w in RELATION_TYPES else None for w in WORDS], pa.float64())
    types = pc.index_in(c.take("type"), value_set=pa.array(WORDS, pa.string()))
    return pc.coalesce(c.take("polarity"), pc.take(defaults, types)).to_pylist()


def _context(c):
    number = {w: i for i, w in enumerate(WORDS)}
    arr = c.take("context")
    if arr.null_count == len(arr):
        return [_EMPTY] * len(arr)
    return [[number[w] for w in x] if x else _EMPTY for x in arr.to_pylist()]


def _claimants(c):
    arr = c.take("asserted_by")
    if arr.null_count == len(arr):
        return [None] * len(arr)
    return [None if k is None else [k] for k in c.numbers(arr, c.entities, none=True)]


def _when(c):
    arr = c.take("when")
    if arr.null_count == len(arr):
        return [None] * len(arr)
    import pyarrow.compute as pc

    texts = {v: parse_when(v).text for v in pc.unique(arr).to_pylist() if v is not None}
    values = arr.to_pylist()
    return values if all(k == v for k, v in texts.items()) else [None if v is None else texts[v] for v in values]


def _attributes(c):
    return c.table.attributes(range(c.rows) if c.positions is None else c.positions)


def _lines(c):
    lines = c.table.lines
    return list(lines) if c.positions is None else [lines[i] for i in c.positions]


_MAKERS = {
    "id": lambda c: c.take("id").to_pylist(),
    "subject": lambda c: c.numbers(c.take("subject"), c.entities),
    "object": lambda c: c.numbers(c.take("object"), c.entities),
    "type": lambda c: c.numbers(c.take("type"), WORDS),
    "modality": lambda c: c.numbers(c.take("modality"), WORDS),
    "mode": lambda c: c.numbers(c.take("mode"), WORDS, none=True),
    "polarity": _polarity,
    "context": _context,
    "claimants": _claimants,
    "when": _when,
    "ev_n": lambda c: c.take(c.table.ev_n).to_pylist(),
    "ev_source": lambda c: c.numbers(c.items("ev_source"), c.sources),
    "ev_quote": lambda c: c.items("ev_quote").to_pylist(),
    "ev_record": lambda c: c.items("ev_record").to_pylist(),
    "attributes": _attributes,
    "note": lambda c: c.take("note").to_pylist(),
    "file": lambda c: [c.file_no] * c.rows,
    "line": _lines,
    "col": lambda c: [0] * c.rows,
    "words": lambda c: list(WORDS),
}
