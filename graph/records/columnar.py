"""The one validator by columns: bulk files' relations checked field by field with pyarrow, row by row where one fails.

The relations of a Parquet or JSON Lines file come as a
:class:`~graph.read.relation_table.RelationTable`. Each rule of
:func:`~graph.records.relations.build_relations` is checked on whole columns:
a well-formed ``id``, ``subject``, ``object`` and ``asserted_by`` among the known
entities, ``type``, ``modality``, ``mode`` (for its type) and ``context`` in the
vocabulary, ``polarity`` within its range, ``when`` a date (each distinct value
read once), evidence from a known source with its ``record`` (a dataset) or
``quote`` (a text without a stored text), and ids given once across all files,
in any letter case. A row that passes them all is valid, and built as that
function would build it; it is kept as it is (:class:`~graph.bulk_columns.TableColumns`):
no Python object is made for it.

Every other row -- one that fails a check, one the table calls irregular
(a field no relation has, a value of another type...), one whose id is given
again anywhere, one quoting a stored text -- becomes a
:class:`~graph.read.base.Piece` and is validated with the records of the other
files, in data order, by :func:`~graph.records.relations.build_relations`: its
problems are the ones it has always had, located ``FILE:ROW`` (Parquet) or
``FILE:LINE`` (JSON Lines). So a million valid rows cost a few passes of
pyarrow over their columns, and a bad row deep inside them costs one row's
validation more. An extension (``extend: true``) of a relation kept in columns
takes that relation out of them. The relations of the load come out as one
:class:`~graph.columns.LazyRelations`, in data order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import reduce
from typing import TYPE_CHECKING

from ..bulk_columns import TableColumns
from ..columns import WORDS, LazyRelations, join, to_columns
from ..read.base import Piece
from ..read.relation_table import RelationTable
from ..vocab import CONTEXTS, MODALITIES, POLARITY_RANGE, RELATION_TYPES
from ..when import parse_when
from .relations import build_relations, extend_relations

if TYPE_CHECKING:
    import numpy as np

    from . import Options, Records

__all__ = ["build_relations_by_columns"]

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"  # graph.records.ids.ID_PATTERN, in RE2


def _not_space():
    """RE2: a character that ``str.strip()`` keeps (text holding one is not blank)."""
    spaces = [c for c in range(0x10000) if chr(c).isspace()]
    return "[^" + "".join(f"\\x{{{c:x}}}" for c in spaces) + "]"


_TEXT = _not_space()


class _Known:
    """What the rows are checked against, as Arrow arrays."""

    def __init__(self, out):
        import pyarrow as pa

        self.entities = pa.array(list(out.entities), pa.string())
        self.types = pa.array(list(RELATION_TYPES), pa.string())
        self.modalities = pa.array(list(MODALITIES), pa.string())
        self.contexts = pa.array(list(CONTEXTS), pa.string())
        self.pairs = pa.array([f"{t}\x1f{m}" for t, rt in RELATION_TYPES.items() for m in rt.modes], pa.string())
        self.datasets = pa.array([k for k, s in out.sources.items() if s.kind == "dataset"], pa.string())
        # a text source whose quotes need no lookup (it has no stored text)
        self.texts = pa.array(
            [k for k, s in out.sources.items() if s.kind != "dataset" and k not in out.texts], pa.string()
        )


def _np(arr):
    """An Arrow boolean array (nulls false) as a numpy one."""
    import pyarrow.compute as pc

    arr = pc.fill_null(arr, False)
    arr = arr.combine_chunks() if hasattr(arr, "combine_chunks") else arr
    return arr.to_numpy(zero_copy_only=False)


def _when_values(arr):
    """The distinct ``when`` values of *arr* that are dates."""
    import pyarrow as pa
    import pyarrow.compute as pc

    good = []
    for v in pc.unique(arr).to_pylist():
        if v is not None:
            try:
                parse_when(v)
            except ValueError:
                continue
            good.append(v)
    return pa.array(good, pa.string())


def _context(arr, known, ok):
    """Rows whose ``context`` items are not all in the vocabulary made not *ok*."""
    import numpy as np
    import pyarrow.compute as pc

    if arr.null_count == len(arr):
        return
    bad = np.logical_not(_np(pc.is_in(pc.list_flatten(arr), value_set=known.contexts)))
    if bad.any():
        ok[pc.list_parent_indices(arr).to_numpy(zero_copy_only=False)[bad]] = False


def _evidence(t, known, ok):
    """Rows without evidence, or with an item that is not clearly valid, made not *ok*."""
    import numpy as np
    import pyarrow.compute as pc

    counts = t.ev_n.to_numpy(zero_copy_only=False)
    ok &= counts >= 1
    source, quote, record = t.ev_source, t.ev_quote, t.ev_record
    dataset = pc.and_(pc.is_in(source, value_set=known.datasets), pc.match_substring_regex(record, _TEXT))
    text = pc.and_(
        pc.and_(pc.is_in(source, value_set=known.texts), pc.is_null(record)), pc.match_substring_regex(quote, _TEXT)
    )
    bad = np.logical_not(np.logical_or(_np(dataset), _np(text)))
    if bad.any():
        ok[np.repeat(np.arange(len(counts)), counts)[bad]] = False


def passes(t: RelationTable, known: _Known) -> np.ndarray:
    """A numpy mask of the rows of the table *t* that pass every check (ids given twice aside)."""
    import pyarrow.compute as pc

    a = t.arrays
    lo, hi = POLARITY_RANGE

    def optional(arr, test):
        return pc.or_(pc.is_null(arr), pc.fill_null(test, False))

    tests = [
        pc.invert(t.irregular),
        pc.match_substring_regex(a["id"], _ID),
        pc.is_in(a["subject"], value_set=known.entities),
        pc.is_in(a["object"], value_set=known.entities),
        pc.is_in(a["type"], value_set=known.types),
        pc.is_in(a["modality"], value_set=known.modalities),
        optional(a["mode"], pc.is_in(pc.binary_join_element_wise(a["type"], a["mode"], "\x1f"), value_set=known.pairs)),
        optional(a["polarity"], pc.and_(pc.greater_equal(a["polarity"], lo), pc.less_equal(a["polarity"], hi))),
        optional(a["asserted_by"], pc.is_in(a["asserted_by"], value_set=known.entities)),
        optional(a["when"], pc.is_in(a["when"], value_set=_when_values(a["when"]))),
    ]
    ok = reduce(lambda x, y: x & y, (_np(x) for x in tests))
    _context(a["context"], known, ok)
    _evidence(t, known, ok)
    return ok


def _key(piece):
    """The lower-cased id of a piece (as the duplicate check compares ids), or ``None``."""
    v = piece.values.get("id")
    return None if v is None or isinstance(v, (dict, list)) else str(v).lower()


def _given_twice(tables, ok, pieces):
    """The lower-cased ids given more than once among the rows that pass (*ok* per table) and the
    *pieces* validated one by one."""
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = [pc.ascii_lower(pc.filter(t.arrays["id"], pa.array(ok[t.path]))) for t in tables]
    ids.append(pa.array([k for k in map(_key, pieces) if k is not None], pa.string()))
    every = pa.chunked_array(ids, pa.string())
    if pc.count_distinct(every).as_py() == len(every):
        return None
    counts = pc.value_counts(every)
    return pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))


def _rows(mask):
    """The positions where the numpy *mask* is true."""
    return mask.nonzero()[0].tolist()


class _InDataOrder(Mapping):
    """The relations of the load as an extension looks them up: those built one by one (among them
    those it extends, taken out of the columns) by id, and every id in data order, columns
    included (for the ids close to one that names none: worked out only then)."""

    def __init__(self, built, ids):
        self.built, self._ids, self._every = built, ids, None

    def __getitem__(self, rid):
        return self.built[rid]

    def _all(self):
        if self._every is None:
            self._every = self._ids()
        return self._every

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self._all())


class _Numbers:
    """How the columns of one load number files, entities, sources and words."""

    def __init__(self, out, files):
        self.files = {f: i for i, f in enumerate(files)}
        self.entities = [e.id for e in out.entities.values()]
        self.sources = list(out.sources)

    def table(self, t, mask):
        """The :class:`~graph.bulk_columns.TableColumns` of the rows of *t* in the numpy *mask*."""
        return TableColumns(t, None if mask.all() else _rows(mask), self.entities, self.sources, self.files[t.path])

    def joined(self, built, tables, ok):
        """``LazyRelations`` of the relations *built* one by one and the rows of *tables* that are *ok*."""
        last = len(self.files)
        mine = sorted(built.values(), key=lambda r: (self.files.get(r.where[0], last), r.where[1], r.where[2]))
        files = dict(self.files)
        rows = to_columns(
            mine,
            {e: i for i, e in enumerate(self.entities)},
            {s: i for i, s in enumerate(self.sources)},
            files,
            {w: i for i, w in enumerate(WORDS)},
        )
        kept = [self.table(t, ok[t.path]) for t in tables if ok[t.path].any()]
        return LazyRelations(join(rows, kept), self.entities, self.sources, list(files), checked=True)


def _one_by_one(groups, tables, ok):
    """The pieces to validate one by one, in data order: those of files read so, and the rows of
    *tables* that are not *ok* (rows whose id is given twice made not ok)."""
    import pyarrow.compute as pc

    odd = {t.path: t.pieces(_rows(~ok[t.path])) for t in tables}
    twice = _given_twice(tables, ok, [p for _, g in groups for p in (g if isinstance(g, list) else odd[g.path])])
    if twice is not None:  # (each id given twice, in any case, is checked one by one: messages at both)
        for t in tables:
            hits = _np(pc.is_in(pc.ascii_lower(t.arrays["id"]), value_set=twice)) & ok[t.path]
            if hits.any():
                ok[t.path] &= ~hits
                odd[t.path] = t.pieces(_rows(~ok[t.path]))
    return [p for _, g in groups for p in (g if isinstance(g, list) else odd[g.path])]


def _take_out(wanted, tables, ok, numbers):
    """The relations of the rows of *tables* whose ids are *wanted* (extensions add to them), built,
    and those rows made not *ok*."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = {}
    for t in tables:
        hits = _np(pc.is_in(t.arrays["id"], value_set=pa.array(list(wanted), pa.string()))) & ok[t.path]
        if hits.any():
            n = numbers
            found.update(LazyRelations(n.table(t, hits), n.entities, n.sources, list(n.files), checked=True).all())
            ok[t.path] &= ~hits
    return found


def build_relations_by_columns(
    groups: Sequence[tuple[str, list[Piece] | RelationTable]], out: Records, options: Options, files: Sequence[str]
) -> None:
    """Validate the relations of *groups*, in data order -- ``(path, pieces)`` of a file read record by
    record, ``(path, table)`` of a bulk file's :class:`~graph.read.relation_table.RelationTable` -- into
    ``out.relations``, a :class:`~graph.columns.LazyRelations` (*files*: every file, in order, by number)."""
    known = _Known(out)
    tables = [g for _, g in groups if not isinstance(g, list)]
    ok = {t.path: passes(t, known) for t in tables}
    extensions = build_relations(_one_by_one(groups, tables, ok), out, options, extend=False)
    numbers = _Numbers(out, files)
    if extensions:
        wanted = {rid for _, rid in extensions if rid is not None and rid not in out.relations}
        built = out.relations
        built.update(_take_out(wanted, tables, ok, numbers) if wanted else {})
        out.relations = _InDataOrder(built, lambda: list(numbers.joined(built, tables, ok)))
        extend_relations(extensions, out)
        out.relations = built
    out.relations = numbers.joined(out.relations, tables, ok)
