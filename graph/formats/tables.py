"""CSV tables for Kumu and spreadsheets (read back by graph.read.tables, imported by graph.imports.csv_tables).

Three files
-----------
An export writes three UTF-8 CSV files, named from the one output path:

* ``-o FOLDER/`` (ending with a slash, or an existing folder):
  ``FOLDER/entities.csv``, ``FOLDER/relations.csv``, ``FOLDER/sources.csv``
  (the folder is created when it ends with a slash);
* ``-o NAME`` or ``-o NAME.csv``: ``NAME-entities.csv``,
  ``NAME-relations.csv``, ``NAME-sources.csv``.

The entities and relations tables follow Kumu's import conventions: the
first columns are ``ID``, ``Label``, ``Type``, ``Description`` (entities:
id, name, kind, description) and ``ID``, ``From``, ``To``, ``Type``
(relations: id, subject, object, type), so Kumu reads them as elements and
connections, and multi-valued cells (``aliases``, ``context``) are separated
by ``|``. The other columns are named after the YAML fields: entities have
``aliases``, ``part_of`` and one ``codes.KEY`` column per code
(``codes.wikidata``...); relations have ``mode``, ``context``, ``polarity``
(always written, the type's default when not overridden), ``modality``,
``asserted_by`` (empty: the source's author), ``when``, ``source`` and
``quote`` (the first evidence item), ``more_evidence`` (any further
evidence, as a JSON list of ``{"source", "quote"}``), ``attributes`` (a JSON
object, so numbers stay numbers), ``note``, and two columns for reading only:
``quad`` and ``sign``. A list item containing ``|`` is written as a JSON list
instead. ``sources.csv`` has the source fields; its ``text`` (the stored full
text) is relative to the CSV file's folder.

Text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) are written with a leading
``'``, which the import removes again (a cell that itself starts with ``'``
followed by one of those characters or another ``'`` gets one more ``'``).

Import
------
Such tables -- or ones made by hand in a spreadsheet or exported from Kumu --
are read back by :mod:`graph.read.tables` (the conventions are described
there) and turned into a validated data file by :func:`graph.imports.csv_tables.import_csv`
(:func:`~graph.imports.csv_tables.csv_to_yaml` gives the text). Problems are reported as
``FILE:ROW:COLUMN`` (the row as a spreadsheet numbers it, the header being
row 1). Numbers are written exactly (``3.14159265``, not ``3.14159``).

Examples
--------
>>> import graph
>>> ds = graph.loads('''
... sources: [{id: s1, title: T}]
... entities:
...   - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad], codes: {wikidata: Q843}}
...   - {id: USA, name: United States, kind: state}
... relations:
...   - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, when: 2025-02,
...      attributes: {count: 3}, evidence: [{source: s1, quote: "=talks, 'frank'"}]}
... ''')
>>> t = csv_tables(ds)
>>> print(t["entities"].splitlines()[0])
ID,Label,Type,Description,aliases,part_of,codes.wikidata
>>> print(t["relations"].splitlines()[1])
r1,PAK,USA,CONSULT,,,2.5,reported,,2025-02,s1,"'=talks, 'frank'",,"{""count"": 3}",,verbal cooperation,1
>>> from graph.imports.csv_tables import csv_to_yaml
>>> back = graph.loads(csv_to_yaml(t["entities"], t["relations"], t["sources"]))
>>> graph.to_dict(back.relation("r1")) == graph.to_dict(ds.relation("r1"))
True
"""

from __future__ import annotations

import csv
import io
import json
import os

from ..atomic import check_output_path, make_output_folder, write_atomic
from ..model import FIELDS, to_dict
from ..read.tables import UnknownColumnWarning, guard_cell

__all__ = [
    "csv_tables",
    "csv_paths",
    "write_csv",
    "ENTITY_COLUMNS",
    "RELATION_COLUMNS",
    "SOURCE_COLUMNS",
    "TABLES",
    "UnknownColumnWarning",
]

TABLES = ("entities", "relations", "sources")
ENTITY_COLUMNS = ("ID", "Label", "Type", "Description", "aliases", "part_of")  # + codes.KEY columns
RELATION_COLUMNS = (
    "ID",
    "From",
    "To",
    "Type",
    "mode",
    "context",
    "polarity",
    "modality",
    "asserted_by",
    "when",
    "source",
    "quote",
    "more_evidence",
    "attributes",
    "note",
    "quad",
    "sign",
)
SOURCE_COLUMNS = FIELDS["sources"]

# -- writing --------------------------------------------------------------------------


def _multi(items):
    items = [str(x) for x in items]
    if not items:
        return ""
    if any("|" in x or x != x.strip() or not x or x.startswith("[") for x in items):
        return json.dumps(items, ensure_ascii=False)
    return " | ".join(items)


def _json(v):
    return json.dumps(v, ensure_ascii=False) if v else ""


def _num(x):
    """A number as exact text: ``3``, ``-1.5``, ``3.14159265`` (the shortest text that reads back the same)."""
    x = float(x)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def _text_path(src, folder):
    if not src.text:
        return ""
    path = os.path.abspath(src.text_path or src.text)
    if folder is None:
        folder = os.getcwd()
    try:
        return os.path.relpath(path, os.path.abspath(folder)).replace(os.sep, "/")
    except ValueError:  # another drive (Windows)
        return path


def _table(header, rows, text_cols=None):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow(
            [
                ""
                if v is None
                else (guard_cell(v) if isinstance(v, str) and (text_cols is None or i in text_cols) else str(v))
                for i, v in enumerate(row)
            ]
        )
    return buf.getvalue()


def _code_keys(ds):
    keys = []
    for k in ("wikidata", "iso3", "cameo"):
        if any(k in e.codes for e in ds.entities.values()):
            keys.append(k)
    rest = sorted({k for e in ds.entities.values() for k in e.codes} - set(keys))
    return keys + rest


def csv_tables(ds, folder=None) -> dict:
    """The three tables of *ds* as CSV text: ``{"entities": ..., "relations": ..., "sources": ...}``.

    *folder* is where the files will be written: stored-text paths in
    ``sources.csv`` are made relative to it (default: the current folder).
    """
    codes = _code_keys(ds)
    ent_rows = [
        [e.id, e.name, e.kind, e.description, _multi(e.aliases), e.part_of] + [e.codes.get(k) for k in codes]
        for e in ds.entities.values()
    ]
    rel_rows = []
    for r in ds.relations():
        # the first quote in the source and quote columns; records of dataset sources in more_evidence
        first = r.evidence[0] if r.evidence and r.evidence[0].quote is not None else None
        more = [
            {"source": x.source, "record": x.record} if x.quote is None else {"source": x.source, "quote": x.quote}
            for x in r.evidence
            if x is not first
        ]
        rel_rows.append(
            [
                r.id,
                r.subject,
                r.object,
                r.type,
                r.mode,
                _multi(r.context),
                _num(r.polarity),
                r.modality,
                _multi(r.claimants) or None,
                str(r.when) if r.when else None,
                first.source if first else None,
                first.quote if first else None,
                _json(more),
                _json(r.attributes),
                r.note,
                r.quad,
                str(r.sign),
            ]
        )
    src_rows = []
    for s in ds.sources.values():
        d = to_dict(s)
        d["text"] = _text_path(s, folder)
        src_rows.append([d.get(f) for f in SOURCE_COLUMNS])
    rel_text_cols = {i for i, c in enumerate(RELATION_COLUMNS) if c not in ("polarity", "sign")}
    return {
        "entities": _table(list(ENTITY_COLUMNS) + [f"codes.{k}" for k in codes], ent_rows),
        "relations": _table(list(RELATION_COLUMNS), rel_rows, rel_text_cols),
        "sources": _table(list(SOURCE_COLUMNS), src_rows),
    }


def csv_paths(path) -> dict:
    """The three file names an export to *path* writes (see the module docs).

    >>> csv_paths("out/map.csv")["relations"].replace(os.sep, "/")
    'out/map-relations.csv'
    >>> csv_paths("out/")["entities"].replace(os.sep, "/")
    'out/entities.csv'
    """
    path = os.fspath(path)
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        return {t: os.path.join(path, f"{t}.csv") for t in TABLES}
    stem = path[:-4] if path.lower().endswith(".csv") else path
    return {t: f"{stem}-{t}.csv" for t in TABLES}


def write_csv(ds, path, *, protect=()) -> list:
    """Write the three tables of *ds* for the output *path*; return the paths written.

    Every path is checked before any is written, then each is written atomically.
    """
    path = make_output_folder(path)
    paths = csv_paths(path)
    for p in paths.values():
        check_output_path(p, protect)
    tables = csv_tables(ds, folder=os.path.dirname(os.path.abspath(paths["entities"])))
    for t in TABLES:
        write_atomic(paths[t], tables[t], protect=protect)
    return [paths[t] for t in TABLES]
