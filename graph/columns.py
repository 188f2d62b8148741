"""Relations kept as columns (one list per field), as the load cache holds them: each built as a
:class:`~graph.model.Relation` only when it is asked for.

A second load of a million unchanged claims reads some twenty long lists instead of a million
records. :class:`LazyRelations` is a read-only mapping, relation id -> relation, in data order: a
query that names an actor builds the relations it finds; whatever needs them all (a filter on
every relation, an analysis, the graph) builds them all, once, in one pass.

:func:`to_columns` writes the columns of validated relations; :class:`LazyRelations` checks
their shape and types when it is made (a cache entry that does not have it is refused with
``ValueError``, and the load reads the files instead).

>>> from graph.model import Evidence, Relation
>>> r = Relation("r1", "USA", "PAK", "CONSULT", "reported", 1.0, context=("political",),
...              evidence=(Evidence("s1", "held talks"),), where=("a.yaml", 5, 5))
>>> files, ents, srcs = {}, {"USA": 0, "PAK": 1}, {"s1": 0}
>>> cols = to_columns([r], ents, srcs, files)
>>> lazy = LazyRelations(cols, ["USA", "PAK"], ["s1"], list(files))
>>> len(lazy), list(lazy), lazy.built
(1, ['r1'], 0)
>>> lazy.adjacency().succ["USA"], lazy.built
({'PAK': ['r1']}, 0)
>>> lazy["r1"] == r, lazy["r1"].where, lazy.built
(True, ('a.yaml', 5, 5), 1)
"""

from __future__ import annotations

import sys
import threading
from bisect import bisect_right
from collections.abc import Mapping
from itertools import accumulate, chain, groupby

from .index import Adjacency
from .model import Evidence, Relation, _attributes
from .vocab import CONTEXTS, MODALITIES, RELATION_TYPES
from .when import parse_when

__all__ = ["to_columns", "join", "Joined", "check_columns", "LazyRelations", "COLUMNS", "WORDS"]

#: The columns, each a list with one value per relation (``ev_*``: one per piece of evidence,
#: ``ev_n`` of them per relation, in order). Subjects, objects, claimants and evidence sources
#: are numbers of the entry's entities and sources; types, modalities, modes and contexts numbers
#: of its ``words``; files numbers of its files.
COLUMNS = (
    "id",
    "subject",
    "object",
    "type",
    "modality",
    "polarity",
    "mode",
    "context",
    "claimants",
    "when",
    "ev_n",
    "ev_source",
    "ev_quote",
    "ev_record",
    "attributes",
    "note",
    "file",
    "line",
    "col",
)


#: Every word a relation's columns may number (types, modalities, modes, contexts), in one order:
#: the ``words`` of columns made in one load, whatever made them, so that they can be joined.
WORDS = tuple(
    dict.fromkeys([*RELATION_TYPES, *MODALITIES, *(m for t in RELATION_TYPES.values() for m in t.modes), *CONTEXTS])
)


def to_columns(relations, entity_no, source_no, file_no, words=None) -> dict:
    """The columns of *relations* (validated :class:`Relation` objects), with the ``words`` they
    use. *entity_no* and *source_no* map ids to numbers; *file_no* is filled with the files, and
    *words* (word -> number, when given: columns to be joined by :func:`join` share it) with the words."""
    words = {} if words is None else words
    word = words.setdefault
    cols = {name: [] for name in COLUMNS}
    (
        c_id,
        c_subject,
        c_object,
        c_type,
        c_modality,
        c_polarity,
        c_mode,
        c_context,
        c_claimants,
        c_when,
        c_ev_n,
        c_ev_source,
        c_ev_quote,
        c_ev_record,
        c_attributes,
        c_note,
        c_file,
        c_line,
        c_col,
    ) = cols.values()
    for r in relations:
        c_id.append(r.id)
        c_subject.append(entity_no[r.subject])
        c_object.append(entity_no[r.object])
        c_type.append(word(r.type, len(words)))
        c_modality.append(word(r.modality, len(words)))
        c_polarity.append(r.polarity)
        c_mode.append(None if r.mode is None else word(r.mode, len(words)))
        c_context.append([word(c, len(words)) for c in r.context])
        c_claimants.append([entity_no[c] for c in r.claimants] if r.claimants else None)
        c_when.append(None if r.when is None else r.when.text)
        c_ev_n.append(len(r.evidence))
        for e in r.evidence:
            c_ev_source.append(source_no[e.source])
            c_ev_quote.append(e.quote)
            c_ev_record.append(e.record)
        c_attributes.append(_attributes(r.attributes, share=True) if r.attributes else {})
        c_note.append(r.note)
        f, line, col = r.where
        c_file.append(file_no.setdefault(f, len(file_no)))
        c_line.append(line)
        c_col.append(col)
    cols["words"] = list(words)
    return cols


def _rows(part):
    found = getattr(part, "rows", None)
    return len(part["id"]) if found is None else found


class Joined(Mapping):
    """The columns of *segments* one after another, each ``(part, first row, past the last)`` of a
    mapping of :data:`COLUMNS` (numbered alike: the same entities, sources, files and :data:`WORDS`).
    Each column is joined when first asked for (a part alone is taken as it is); ``rows``: how many
    there are; ``parts``: the parts, once each, in order."""

    def __init__(self, segments):
        self.segments = segments
        self.parts = list({id(p): p for p, _, _ in segments}.values())
        self.rows = sum(b - a for _, a, b in segments)
        self._made, self._ev_at = {}, {}

    def __getitem__(self, name):
        found = self._made.get(name)
        if found is None:
            if name not in COLUMNS and name != "words":
                raise KeyError(name)
            found = self._made[name] = self._join(name)
        return found

    def __iter__(self):
        return iter((*COLUMNS, "words"))

    def __len__(self):
        return len(COLUMNS) + 1

    def _join(self, name):
        segs = self.segments
        if name == "words":
            return list(WORDS)
        if len(segs) == 1 and segs[0][1] == 0 and segs[0][2] == _rows(segs[0][0]):
            return segs[0][0][name]
        if name.startswith("ev_") and name != "ev_n":
            runs = []
            for part, a, b in segs:
                at = self._ev_at.get(id(part))
                if at is None:
                    at = self._ev_at[id(part)] = list(accumulate(part["ev_n"], initial=0))
                runs.append(part[name][at[a] : at[b]])
        else:
            runs = [part[name][a:b] for part, a, b in segs]
        return list(chain.from_iterable(runs))


def join(rows, tables) -> Joined:
    """The relations of *rows* (columns of relations in data order: by file, then line) and of
    *tables* (:class:`~graph.bulk_columns.TableColumns`, each the rows of one file, ``file_no``)
    as one :class:`Joined`, in data order: by file, then line.

    >>> rows = {**{name: [] for name in COLUMNS}, "id": ["a", "c"], "file": [0, 1], "line": [4, 7], "ev_n": [0, 0]}
    >>> class Table(dict):
    ...     file_no, rows = 1, 2
    >>> joined = join(rows, [Table(id=["b", "d"], line=[3, 9], ev_n=[0, 0])])
    >>> joined["id"], joined.rows
    (['a', 'b', 'c', 'd'], 4)
    """
    segments = []
    by_file = {t.file_no: t for t in tables}
    files = rows["file"] if rows is not None else []
    k = 0
    for f, run in groupby(files):
        start, k = k, k + sum(1 for _ in run)
        for g in sorted(x for x in by_file if x < f):  # (tables of the files before this one)
            before = by_file.pop(g)
            segments.append((before, 0, before.rows))
        t = by_file.pop(f, None)
        if t is None:
            segments.append((rows, start, k))
            continue
        lines, pos, at = t["line"], 0, rows["line"]
        for i in range(start, k):
            cut = bisect_right(lines, at[i], pos)
            if cut > pos:
                segments.append((t, pos, cut))
                pos = cut
            segments.append((rows, i, i + 1))
        if pos < t.rows:
            segments.append((t, pos, t.rows))
    segments += [(by_file[g], 0, by_file[g].rows) for g in sorted(by_file)]
    merged = []
    for part, a, b in segments:  # (a run of one part's rows is one segment)
        if merged and merged[-1][0] is part and merged[-1][2] == a:
            merged[-1] = (part, merged[-1][1], b)
        elif b > a:
            merged.append((part, a, b))
    return Joined(merged)


#: The columns of one relation, as :meth:`LazyRelations._relation` takes them: all but evidence's own.
_ROW = tuple(c for c in COLUMNS if c == "ev_n" or not c.startswith("ev_"))
_EV_N = _ROW.index("ev_n")
_TEXT, _NUMBER = (str,), (int, float)


def check_columns(cols, n_entities, n_sources, n_files):
    """Refuse (``ValueError``) columns of the wrong length, type or range: an entry that was not
    written by :func:`to_columns` is never trusted."""
    n = len(cols["id"])
    n_words = len(cols["words"])
    for name in (*COLUMNS, "words"):
        if type(cols[name]) is not list:
            raise ValueError(f"column {name} is not a list")
    n_ev = sum(cols["ev_n"]) if all(type(k) is int and k >= 0 for k in cols["ev_n"]) else -1
    for name in COLUMNS:
        if len(cols[name]) != (n_ev if name.startswith("ev_") and name != "ev_n" else n):
            raise ValueError(f"column {name} has the wrong length")

    def of(values, types, none=False, below=None):
        kinds = set(map(type, values))
        if none:
            kinds.discard(type(None))
        if not kinds <= set(types) or (bool in kinds):
            raise ValueError("a column holds values of the wrong type")
        if below is not None and values:
            present = [v for v in values if v is not None] if none else values
            if present and (min(present) < 0 or max(present) >= below):
                raise ValueError("a column refers past its table")

    of(cols["words"], _TEXT)
    of(cols["id"], _TEXT)
    of(cols["subject"], (int,), below=n_entities)
    of(cols["object"], (int,), below=n_entities)
    of(cols["type"], (int,), below=n_words)
    of(cols["modality"], (int,), below=n_words)
    of(cols["mode"], (int,), none=True, below=n_words)
    of(cols["polarity"], _NUMBER, none=True)
    of(cols["when"], _TEXT, none=True)
    of(cols["note"], _TEXT, none=True)
    of(cols["ev_source"], (int,), below=n_sources)
    of(cols["ev_quote"], _TEXT, none=True)
    of(cols["ev_record"], _TEXT, none=True)
    of(cols["file"], (int,), below=n_files)
    of(cols["line"], (int,))
    of(cols["col"], (int,))
    for name, below in (("context", n_words), ("claimants", n_entities)):
        lists = cols[name]
        kinds = set(map(type, lists))
        if not kinds <= {list, type(None)} or (name == "context" and type(None) in kinds):
            raise ValueError(f"column {name} holds values of the wrong type")
        of(list(chain.from_iterable(v for v in lists if v)), (int,), below=below)
    if set(map(type, cols["attributes"])) - {dict}:
        raise ValueError("column attributes holds values of the wrong type")


class LazyRelations(Mapping):
    """Relation id -> :class:`Relation`, in data order, built from *columns* when asked for.

    *entities* and *sources* are the ids the columns' numbers stand for (each relation's
    subject is the very id string given here, as in a fresh load), *files* the files. Columns
    are checked (:func:`check_columns`, ``ValueError``) unless *checked* (made by this program in
    this load). Nothing is read of them before it is needed: ``len`` asks for no column (a
    :class:`Joined` or :class:`~graph.bulk_columns.TableColumns` knows its ``rows``).
    ``built`` counts the relations built so far; :meth:`all` builds the rest and gives a dict.
    """

    def __init__(self, columns, entities, sources, files, *, checked=False):
        if not checked:
            check_columns(columns, len(entities), len(sources), len(files))
        self._cols = columns
        self._entities, self._sources, self._files = list(entities), list(sources), list(files)
        self._words = [sys.intern(w) for w in columns["words"]]
        self._n = getattr(columns, "rows", None)
        if self._n is None:
            self._n = len(columns["id"])
        self._made = self._pos = self._ev_at = None
        self._all = None
        self._lock = threading.Lock()
        self.built = 0
        if not checked and len(self.pos) != self._n:
            raise ValueError("two relations have the same id")

    @property
    def pos(self) -> dict:
        """Relation id -> its position in data order (made when first asked for)."""
        if self._pos is None and self._all is None:
            self._pos = {rid: i for i, rid in enumerate(self._cols["id"])}
        return self._pos

    def __len__(self):
        return self._n

    def __iter__(self):
        return iter(self._cols["id"] if self._all is None else self._all)

    def __contains__(self, rid):
        return rid in (self.pos if self._all is None else self._all)

    def __getitem__(self, rid):
        cols = self._cols
        if cols is None:  # every one built (maybe by another thread)
            return self.all()[rid]
        pos = self.pos
        if self._made is None:
            self._made = [None] * self._n
        made = self._made
        if pos is None or made is None:
            return self.all()[rid]
        i = pos[rid]
        r = made[i]
        if r is None:
            if self._ev_at is None:  # where each relation's evidence starts
                self._ev_at = list(accumulate(cols["ev_n"], initial=0))
            r = made[i] = self._relation([cols[name][i] for name in _ROW], self._ev_at[i], cols)
            self.built += 1
        return r

    def _relation(self, row, at, c):
        """The relation of one *row* (the values of :data:`_ROW`), its evidence from position *at* of columns *c*."""
        rid, s, o, t, m, pol, mode, ctx, cl, when, n, attrs, note, f, line, col = row
        words, ents, srcs = self._words, self._entities, self._sources
        evidence = tuple(
            [Evidence(srcs[c["ev_source"][k]], c["ev_quote"][k], c["ev_record"][k]) for k in range(at, at + n)]
        )
        return Relation(
            rid,
            ents[s],
            ents[o],
            words[t],
            words[m],
            pol,
            None if mode is None else words[mode],
            tuple([words[k] for k in ctx]),
            None,
            None if when is None else parse_when(when),
            evidence,
            attrs,
            note,
            (self._files[f], line, col),
            () if cl is None else tuple([ents[k] for k in cl]),
        )

    def all(self) -> dict:
        """Every relation, id -> :class:`Relation`, in data order (built once, then kept)."""
        with self._lock:
            if self._all is None:
                out, at, made, make, cols = {}, 0, self._made or (), self._relation, self._cols
                for i, row in enumerate(zip(*(cols[name] for name in _ROW), strict=True)):
                    out[row[0]] = (made[i] if made else None) or make(row, at, cols)
                    at += row[_EV_N]
                self._all, self.built = out, len(out)
                self._cols = self._made = self._pos = self._ev_at = None  # (the relations hold it all now)
            return self._all

    def columns(self):
        """``(columns, entities, sources, files)`` as given, or ``None`` once :meth:`all` has built every
        relation (and let the columns go)."""
        cols = self._cols
        return None if cols is None else (cols, self._entities, self._sources, self._files)

    def adjacency(self) -> Adjacency:
        """The relation ids by subject and object (a :class:`~graph.index.Adjacency`), made from the
        columns (before :meth:`all`) without building a relation."""
        cols = self._cols
        if cols is not None:
            ids, subjects, objects = cols["id"], cols["subject"], cols["object"]
        else:
            number = {e: i for i, e in enumerate(self._entities)}
            ids = list(self._all)
            subjects = [number[r.subject] for r in self._all.values()]
            objects = [number[r.object] for r in self._all.values()]
        return Adjacency(self._entities, ids, subjects, objects)

    def values(self):
        return self.all().values()

    def items(self):
        return self.all().items()

    def keys(self):
        return self.all().keys() if self._all is not None else dict.fromkeys(self._cols["id"]).keys()
