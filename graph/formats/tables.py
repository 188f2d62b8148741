"""CSV tables for Kumu and spreadsheets, and their import back into validated YAML.

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
:func:`csv_to_yaml` reads such tables -- or ones made by hand in a
spreadsheet or exported from Kumu -- and returns YAML that
:func:`graph.loads` validates; :func:`import_csv` also validates it and
writes it atomically. Column names are matched without case, and both
spellings work (``ID``/``id``, ``Label``/``name``, ``Type``/``kind`` for
entities, ``From``/``subject``, ``To``/``object``, ``Type``/``type``).
Without a sources table, each source cited in evidence becomes a source with
just its id. Conveniences for hand-made maps: an entity without an id gets one
made from its label (``United States`` -> ``United-States``); a relation
without an id gets ``SUBJECT-type-OBJECT``; ``From``/``To``/``asserted_by``
/``part_of`` may name an entity by its label or an alias; kinds, types and
modalities are matched without case; ``author`` in ``asserted_by`` means the
source's author. Problems are reported as ``FILE:ROW:COLUMN`` (the row as a
spreadsheet numbers it, the header being row 1).

Columns that are not actorgraph fields -- Kumu's ``Tags``, ``Strength``,
``Direction``, a spreadsheet's own notes -- are ignored, with an
:class:`UnknownColumnWarning` naming them (``actorgraph import`` prints it).
Free-text cells (names, descriptions, quotes, notes, titles, authors, outlets,
perspectives) are read exactly as written, surrounding spaces included; every
other cell (ids, references, vocabulary, numbers, dates, JSON) is read without
them. Numbers are written exactly (``3.14159265``, not ``3.14159``).

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
>>> back = graph.loads(csv_to_yaml(t["entities"], t["relations"], t["sources"]))
>>> graph.to_dict(back.relation("r1")) == graph.to_dict(ds.relation("r1"))
True
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import warnings

from ..atomic import check_output_path, write_atomic
from ..errors import DataError, OutputError, Problem
from ..model import FIELDS, to_dict
from ..vocab import ENTITY_KINDS, MODALITIES, RELATION_TYPES

__all__ = ["csv_tables", "csv_paths", "write_csv", "read_tables", "csv_to_yaml", "import_csv",
           "ENTITY_COLUMNS", "RELATION_COLUMNS", "SOURCE_COLUMNS", "TABLES", "UnknownColumnWarning"]

TABLES = ("entities", "relations", "sources")
ENTITY_COLUMNS = ("ID", "Label", "Type", "Description", "aliases", "part_of")   # + codes.KEY columns
RELATION_COLUMNS = ("ID", "From", "To", "Type", "mode", "context", "polarity", "modality", "asserted_by",
                    "when", "source", "quote", "more_evidence", "attributes", "note", "quad", "sign")
SOURCE_COLUMNS = FIELDS["sources"]
READ_ONLY = ("quad", "sign")

# column name (lower case) -> YAML field, per table
_ENTITY_NAMES = {"id": "id", "label": "name", "name": "name", "type": "kind", "kind": "kind",
                 "description": "description", "aliases": "aliases", "part_of": "part_of"}
_RELATION_NAMES = {"id": "id", "from": "subject", "subject": "subject", "to": "object", "object": "object",
                   "type": "type", "mode": "mode", "context": "context", "polarity": "polarity",
                   "modality": "modality", "asserted_by": "asserted_by", "when": "when", "source": "source",
                   "quote": "quote", "more_evidence": "more_evidence", "attributes": "attributes", "note": "note",
                   "quad": None, "sign": None}
_SOURCE_NAMES = {f: f for f in SOURCE_COLUMNS}

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# -- writing --------------------------------------------------------------------------

def _safe(cell):
    """Guard a text cell against formula execution in spreadsheets (lossless, see module docs)."""
    if cell and (cell[0] in _TRIGGERS or (cell[0] == "'" and cell[1:2] in _TRIGGERS + ("'",) and cell[1:2])):
        return "'" + cell
    return cell


def _unsafe(cell):
    if len(cell) >= 2 and cell[0] == "'" and (cell[1] in _TRIGGERS or cell[1] == "'"):
        return cell[1:]
    return cell


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
    except ValueError:        # another drive (Windows)
        return path


def _table(header, rows, text_cols=None):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else (_safe(v) if isinstance(v, str) and (text_cols is None or i in text_cols)
                                          else str(v)) for i, v in enumerate(row)])
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
    ent_rows = [[e.id, e.name, e.kind, e.description, _multi(e.aliases), e.part_of]
                + [e.codes.get(k) for k in codes] for e in ds.entities.values()]
    rel_rows = []
    for r in ds.relations():
        first = r.evidence[0] if r.evidence else None
        more = [{"source": x.source, "quote": x.quote} for x in r.evidence[1:]]
        rel_rows.append([r.id, r.subject, r.object, r.type, r.mode, _multi(r.context), _num(r.polarity),
                         r.modality, _multi(r.claimants) or None, str(r.when) if r.when else None,
                         first.source if first else None, first.quote if first else None, _json(more),
                         _json(r.attributes), r.note, r.quad, str(r.sign)])
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
    path = os.fspath(path)
    if path.endswith(("/", os.sep)) and not os.path.isdir(path):
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder {path}: {exc.strerror or exc}") from None
    paths = csv_paths(path)
    for p in paths.values():
        check_output_path(p, protect)
    tables = csv_tables(ds, folder=os.path.dirname(os.path.abspath(paths["entities"])))
    for t in TABLES:
        write_atomic(paths[t], tables[t], protect=protect)
    return [paths[t] for t in TABLES]


# -- reading ----------------------------------------------------------------------------

# free-text fields: read exactly as written (a cell of only spaces is empty); every other
# cell -- ids, references, vocabulary, numbers, dates, JSON -- is read without surrounding spaces
_VERBATIM = frozenset({"name", "description", "quote", "note", "title", "author", "outlet", "perspective"})


class UnknownColumnWarning(UserWarning):
    """A CSV table has columns that are not actorgraph fields (e.g. Kumu's Tags): they are ignored."""


class _Rows:
    """One CSV table: rows as dicts keyed by YAML field, with their spreadsheet row and columns."""

    def __init__(self, text, name, names, problems, allow_prefix=None):
        self.name = name
        self.rows = []
        self.columns = {}          # field -> 1-based column
        self.extra = {}            # e.g. "codes.wikidata" -> column
        self.headers = {}          # field -> the header as written
        self.ignored = []          # (column, header) of the columns that are not actorgraph fields
        reader = csv.reader(io.StringIO(text))
        try:
            header = next(reader)
        except StopIteration:
            problems.append(Problem(name, 1, 1, "the table is empty: it needs a header row"))
            return
        except csv.Error as exc:
            problems.append(Problem(name, 1, 1, f"not readable as CSV: {exc}"))
            return
        for i, h in enumerate(header, 1):
            key = h.strip().lstrip("\ufeff").lower()
            if not key:
                continue
            if allow_prefix and key.startswith(allow_prefix):
                self.extra[h.strip()[len(allow_prefix):]] = i
            elif key in names:
                field = names[key]
                if field is None:
                    continue
                if field in self.columns:
                    problems.append(Problem(name, 1, i, f"column '{h}' repeats the column for '{field}'"))
                else:
                    self.columns[field] = i
                    self.headers[field] = h.strip()
            else:
                self.ignored.append((i, h.strip()))
        try:
            for n, row in enumerate(reader, 2):
                if not any(c.strip() for c in row):
                    continue
                self.rows.append((n, row))
        except csv.Error as exc:
            problems.append(Problem(name, reader.line_num, 1, f"not readable as CSV: {exc}"))

    def get(self, row, field):
        col = self.columns.get(field)
        if col is None or col > len(row):
            return None
        v = _unsafe(row[col - 1])
        if field not in _VERBATIM:
            v = v.strip()
        return v if v.strip() else None

    def warning(self, names, allow_prefix=None):
        """The message about the ignored columns, or None."""
        if not self.ignored:
            return None
        cols = ", ".join(f"'{h}' (column {i})" for i, h in self.ignored)
        return (f"{self.name}: ignored {len(self.ignored)} column{'s' if len(self.ignored) > 1 else ''} that "
                f"actorgraph does not know: {cols}; its columns are: "
                + ", ".join(dict.fromkeys(k for k, v in names.items() if v))
                + (f", {allow_prefix}KEY" if allow_prefix else ""))

    def get_extra(self, row, key):
        col = self.extra[key]
        if col > len(row):
            return None
        return _unsafe(row[col - 1]).strip() or None


def _split_multi(v, problems, where):
    if v is None:
        return None
    if v.startswith("["):
        try:
            items = json.loads(v)
        except ValueError as exc:
            problems.append(Problem(*where, f"a cell starting with '[' must be a JSON list: {exc}"))
            return None
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            problems.append(Problem(*where, "the JSON list must hold text items"))
            return None
        return items
    return [x.strip() for x in v.split("|") if x.strip()]


def _slug(text):
    s = re.sub(r"[^A-Za-z0-9_.:-]+", "-", text.strip()).strip("-._:")
    return s or "x"


def _vocab(value, allowed, upper=False):
    if value is None:
        return None
    for a in allowed:
        if a.lower() == value.lower():
            return a
    return value.upper() if upper else value


class _Yaml:
    """A small block-style YAML writer that records which CSV cell each line came from."""

    _PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_./-]*\Z")
    _RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}

    def __init__(self):
        self.lines = []
        self.origin = {}   # 1-based line -> (file, row, col, column name)

    @classmethod
    def scalar(cls, v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, float):
            return repr(v)
        if v is None:
            return "null"
        s = str(v)
        if cls._PLAIN.match(s) and s.lower() not in cls._RESERVED:
            return s
        return cls._escape(json.dumps(s, ensure_ascii=False))

    @classmethod
    def flow(cls, v):
        """A value on one line: scalars as :meth:`scalar`, containers as JSON (valid YAML flow)."""
        if isinstance(v, (dict, list)):
            return cls._escape(json.dumps(v, ensure_ascii=False))
        return cls.scalar(v)

    @staticmethod
    def _escape(out):
        # characters YAML does not print (or libyaml reads as line breaks) are escaped too
        return re.sub("[\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]",
                      lambda m: f"\\u{ord(m.group()):04x}", out)

    def add(self, text, origin=None):
        self.lines.append(text)
        if origin is not None:
            self.origin[len(self.lines)] = origin

    def value(self, key, v, indent, origin):
        pad = " " * indent
        if isinstance(v, dict):
            if not v:
                self.add(f"{pad}{key}: {{}}", origin)
                return
            self.add(f"{pad}{key}:", origin)
            for k, x in v.items():
                self.value(self.scalar(str(k)), x, indent + 2, origin)
        elif isinstance(v, list):
            if not v:
                self.add(f"{pad}{key}: []", origin)
                return
            self.add(f"{pad}{key}:", origin)
            for x in v:
                if isinstance(x, dict) and x:
                    for i, (k, y) in enumerate(x.items()):
                        lead = f"{pad}  - " if i == 0 else f"{pad}    "
                        self.add(f"{lead}{self.scalar(str(k))}: {self.flow(y)}", origin)
                elif isinstance(x, (dict, list)):
                    self.add(f"{pad}  - {self.flow(x)}", origin)
                else:
                    self.add(f"{pad}  - {self.scalar(x)}", origin)
        else:
            self.add(f"{pad}{key}: {self.scalar(v)}", origin)

    def record(self, fields, origins, default_origin):
        first = True
        for k, v in fields.items():
            origin = origins.get(k, default_origin)
            if first:
                self.add(f"  - {k}: {self.scalar(v)}", origin)   # the id
                first = False
            else:
                self.value(k, v, 4, origin)


def _json_value(v, problems, where, kind):
    try:
        x = json.loads(v)
    except ValueError as exc:
        problems.append(Problem(*where, f"must be a JSON {kind}: {exc}"))
        return None
    if not isinstance(x, dict if kind == "object" else list):
        problems.append(Problem(*where, f"must be a JSON {kind}, found {type(x).__name__}"))
        return None
    return x


def read_tables(entities_text, relations_text, sources_text=None, *, names=("entities.csv", "relations.csv",
                                                                            "sources.csv"),
                relocate_text=None):
    """Parse the CSV tables; return ``(yaml_text, origin, problems)``.

    ``origin`` maps each line of the YAML to the ``(file, row, column,
    column name)`` it came from; ``problems`` are those found in the tables
    themselves. *relocate_text* turns a ``text`` cell of ``sources.csv``
    into the path to write in the YAML.
    """
    problems = []
    ents = _Rows(entities_text, names[0], _ENTITY_NAMES, problems, allow_prefix="codes.")
    rels = _Rows(relations_text, names[1], _RELATION_NAMES, problems)
    srcs = _Rows(sources_text, names[2], _SOURCE_NAMES, problems) if sources_text is not None else None
    for table, known, prefix in ((ents, _ENTITY_NAMES, "codes."), (rels, _RELATION_NAMES, None),
                                 (srcs, _SOURCE_NAMES, None)):
        message = table.warning(known, prefix) if table is not None else None
        if message:
            warnings.warn(message, UnknownColumnWarning, stacklevel=2)
    for table, required in ((ents, ("name",)), (rels, ("subject", "object", "type"))):
        for f in required:
            if table.rows and f not in table.columns:
                want = {"name": "Label (or name)", "subject": "From (or subject)", "object": "To (or object)",
                        "type": "Type"}[f]
                problems.append(Problem(table.name, 1, 1, f"missing column {want}"))

    y = _Yaml()
    y.add("# Imported by actorgraph from CSV tables: " + ", ".join(
        os.path.basename(n) for n, t in zip(names, (ents, rels, srcs)) if t is not None))

    # entities first: ids and names are needed to resolve references
    ent_records = []
    used_ids = set()
    for row_no, row in ents.rows:
        eid = ents.get(row, "id")
        label = ents.get(row, "name")
        if eid is None and label is not None:
            base = _slug(label)
            eid, k = base, 2
            while eid.lower() in used_ids:
                eid, k = f"{base}-{k}", k + 1
        if eid is not None:
            used_ids.add(eid.lower())
        ent_records.append((row_no, row, eid, label))
    lookup = {}
    for row_no, row, eid, label in ent_records:
        if eid:
            lookup.setdefault(eid.lower(), eid)
    for row_no, row, eid, label in ent_records:
        if eid:
            for name in [label] + (_split_multi(ents.get(row, "aliases"), [], ("", 0, 0)) or []):
                if name:
                    lookup.setdefault(name.strip().lower(), eid)

    known_ids = {e for _, _, e, _ in ent_records if e}

    def ref(v):
        if v is None:
            return None
        return v if v in known_ids else lookup.get(v.lower(), v)

    def where(table, row_no, field):
        col = table.columns.get(field, table.extra.get(field, 1))
        return (table.name, row_no, col)

    def origins_of(table, row_no, fields):
        out = {}
        for f in fields:
            col = table.columns.get(f)
            if col is not None:
                out[f] = (table.name, row_no, col, table.headers.get(f, f))
        return out

    # sources
    cited = []
    for _, row in rels.rows:
        s = rels.get(row, "source")
        if s:
            cited.append(s)
        more = rels.get(row, "more_evidence")
        if more and more.startswith("["):
            try:
                cited.extend(str(x.get("source")) for x in json.loads(more) if isinstance(x, dict))
            except ValueError:
                pass
    if srcs is not None and srcs.rows:
        y.add("sources:")
        for row_no, row in srcs.rows:
            rec = {}
            for f in SOURCE_COLUMNS:
                v = srcs.get(row, f)
                if v is not None:
                    rec[f] = v
            if "text" in rec and relocate_text is not None:
                rec["text"] = relocate_text(rec["text"])
            if "id" not in rec:
                problems.append(Problem(srcs.name, row_no, 1, "a source needs an id"))
                continue
            rec = {"id": rec.pop("id"), **rec}
            y.record(rec, origins_of(srcs, row_no, rec), (srcs.name, row_no, 1, "id"))
    else:
        ids = list(dict.fromkeys(cited))
        if ids:
            y.add("sources:")
            for sid in ids:
                y.add(f"  - id: {y.scalar(sid)}", (rels.name, 1, rels.columns.get("source", 1), "source"))

    if ent_records:
        y.add("entities:")
    for row_no, row, eid, label in ent_records:
        rec = {"id": eid}
        if label is not None:
            rec["name"] = label
        kind = ents.get(row, "kind")
        if kind is not None:
            rec["kind"] = _vocab(kind, ENTITY_KINDS)
        aliases = _split_multi(ents.get(row, "aliases"), problems, where(ents, row_no, "aliases"))
        if aliases:
            rec["aliases"] = aliases
        codes = {k: ents.get_extra(row, k) for k in ents.extra}
        codes = {k: v for k, v in codes.items() if v is not None}
        if codes:
            rec["codes"] = codes
        part_of = ents.get(row, "part_of")
        if part_of is not None:
            rec["part_of"] = ref(part_of)
        desc = ents.get(row, "description")
        if desc is not None:
            rec["description"] = desc
        origins = origins_of(ents, row_no, rec)
        if eid is None:
            problems.append(Problem(ents.name, row_no, 1, "an entity needs an ID or a Label"))
            continue
        y.record(rec, origins, (ents.name, row_no, 1, "ID"))

    if rels.rows:
        y.add("relations:")
    used_rel = set()
    for row_no, row in rels.rows:
        subject, obj = ref(rels.get(row, "subject")), ref(rels.get(row, "object"))
        rtype = _vocab(rels.get(row, "type"), RELATION_TYPES, upper=True)
        rid = rels.get(row, "id")
        if rid is None:
            base = _slug(f"{subject or 'x'}-{(rtype or 'x').lower()}-{obj or 'x'}")
            rid, k = base, 2
            while rid.lower() in used_rel:
                rid, k = f"{base}-{k}", k + 1
        used_rel.add(rid.lower())
        rec = {"id": rid}
        if subject is not None:
            rec["subject"] = subject
        if obj is not None:
            rec["object"] = obj
        if rtype is not None:
            rec["type"] = rtype
        mode = rels.get(row, "mode")
        if mode is not None:
            rec["mode"] = mode
        context = _split_multi(rels.get(row, "context"), problems, where(rels, row_no, "context"))
        if context:
            rec["context"] = [c.lower() for c in context]
        pol = rels.get(row, "polarity")
        if pol is not None:
            try:
                x = float(pol)
            except ValueError:
                problems.append(Problem(*where(rels, row_no, "polarity"),
                                        f"polarity must be a number from -10 to 10, found '{pol}'"))
            else:
                default = RELATION_TYPES[rtype].polarity if rtype in RELATION_TYPES else None
                if x != default:
                    rec["polarity"] = x
        modality = rels.get(row, "modality")
        if modality is not None:
            rec["modality"] = _vocab(modality, MODALITIES)
        who = rels.get(row, "asserted_by")
        if who is not None and who.lower() != "author":
            whos = _split_multi(who, problems, where(rels, row_no, "asserted_by")) or []
            # several claimants (Kumu's 'A | B'): a list, as in the YAML
            rec["asserted_by"] = [ref(w) for w in whos] if len(whos) > 1 else ref(whos[0] if whos else who)
        when = rels.get(row, "when")
        if when is not None:
            rec["when"] = when
        evidence = []
        src, quote = rels.get(row, "source"), rels.get(row, "quote")
        if src is not None or quote is not None:
            item = {}
            if src is not None:
                item["source"] = src
            if quote is not None:
                item["quote"] = quote
            evidence.append(item)
        more = rels.get(row, "more_evidence")
        if more is not None:
            x = _json_value(more, problems, where(rels, row_no, "more_evidence"), "list")
            if x is not None:
                if all(isinstance(i, dict) for i in x):
                    evidence.extend(x)
                else:
                    problems.append(Problem(*where(rels, row_no, "more_evidence"),
                                            'more_evidence must be a JSON list of {"source": ..., "quote": ...}'))
        if evidence:
            rec["evidence"] = evidence
        attrs = rels.get(row, "attributes")
        if attrs is not None:
            x = _json_value(attrs, problems, where(rels, row_no, "attributes"), "object")
            if x:
                rec["attributes"] = x
        note = rels.get(row, "note")
        if note is not None:
            rec["note"] = note
        origins = origins_of(rels, row_no, rec)
        if "evidence" in rec:
            origins["evidence"] = (rels.name, row_no, rels.columns.get("quote", rels.columns.get("source", 1)),
                                   rels.headers.get("quote", "quote"))
        y.record(rec, origins, (rels.name, row_no, 1, "ID"))
    return "\n".join(y.lines) + "\n", y.origin, problems


def _map_problems(problems, origin, yaml_name):
    out = []
    for p in problems:
        if p.path != yaml_name:
            out.append(p)
            continue
        o = None
        for line in range(p.line, 0, -1):
            if line in origin:
                o = origin[line]
                break
        if o is None:
            out.append(p)
        else:
            out.append(Problem(o[0], o[1], o[2], f"{p.message} (column '{o[3]}')"))
    return out


def csv_to_yaml(entities_text, relations_text, sources_text=None, *, names=("entities.csv", "relations.csv",
                                                                            "sources.csv"),
                relocate_text=None, base_dir=None) -> str:
    """YAML text made from the CSV tables (text of each file); validated before it is returned.

    Raises
    ------
    DataError
        With every problem, located as ``FILE:ROW:COLUMN`` in the CSV files.
    """
    from .. import loads

    text, origin, problems = read_tables(entities_text, relations_text, sources_text, names=names,
                                         relocate_text=relocate_text)
    if problems:
        raise DataError(problems)
    try:
        loads(text, name="<import>", base_dir=base_dir)
    except DataError as exc:
        raise DataError(_map_problems(exc.problems, origin, "<import>")) from None
    return text


def _read_file(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise DataError([Problem(os.fspath(path), 0, 0, f"cannot read this file: {exc.strerror or exc}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError([Problem(os.fspath(path), line, 1, "not UTF-8 text: save the table as CSV UTF-8")]) from None


def import_csv(entities, relations, output, *, sources=None, protect=()):
    """Turn CSV tables into a validated YAML data file written atomically at *output*.

    Parameters
    ----------
    entities, relations : path
        The entities and relations tables.
    output : path
        The YAML file to write, or an existing folder (``imported.yaml`` in it).
    sources : path, optional
        The sources table; when left out, ``sources.csv`` (or
        ``PREFIX-sources.csv``) next to the relations table is used if it exists.
    protect : paths
        Files never to overwrite (the inputs always are).

    Returns
    -------
    (str, Dataset)
        The path written and the dataset it holds.

    Raises
    ------
    DataError
        With every problem, located in the CSV files.
    OutputError
        When the output may not be written.
    """
    from .. import loads

    entities, relations, output = os.fspath(entities), os.fspath(relations), os.fspath(output)
    if sources is None:
        rdir, rname = os.path.split(relations)
        guess = os.path.join(rdir, rname[: -len("relations.csv")] + "sources.csv") \
            if rname.endswith("relations.csv") else None
        if guess and os.path.isfile(guess):
            sources = guess
    if os.path.isdir(output):
        output = os.path.join(output, "imported.yaml")
    inputs = [entities, relations] + ([os.fspath(sources)] if sources else [])
    check_output_path(output, list(protect) + inputs)
    out_dir = os.path.dirname(os.path.abspath(output))
    src_dir = os.path.dirname(os.path.abspath(sources)) if sources else None

    def relocate(text_path):
        if os.path.isabs(text_path):
            return text_path
        absolute = os.path.normpath(os.path.join(src_dir, text_path))
        try:
            return os.path.relpath(absolute, out_dir).replace(os.sep, "/")
        except ValueError:
            return absolute

    texts = [_read_file(p) for p in inputs]
    yaml_text = csv_to_yaml(texts[0], texts[1], texts[2] if sources else None,
                            names=(entities, relations, os.fspath(sources) if sources else "sources.csv"),
                            relocate_text=relocate, base_dir=out_dir)
    ds = loads(yaml_text, name=output, base_dir=out_dir)
    write_atomic(output, yaml_text, protect=list(protect) + inputs)
    return output, ds
