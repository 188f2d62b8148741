"""The CSV tables reader: Kumu-style entities, relations and sources tables -> records, FILE:ROW:COLUMN.

Columns are matched without case, and both spellings work (``ID``/``id``,
``Label``/``name``, ``Type``/``kind`` for entities, ``From``/``subject``,
``To``/``object``, ``Type``/``type``). Conveniences for hand-made maps: an
entity without an id gets one made from its label (``United States`` ->
``United-States``); a relation without an id gets ``SUBJECT-type-OBJECT``;
``From``/``To``/``asserted_by``/``part_of`` may name an entity by its label or
an alias; kinds, types and modalities are matched without case; ``author`` in
``asserted_by`` means the source's author. Free-text cells (names,
descriptions, quotes, notes, titles, authors, outlets, perspectives) are read
exactly as written; every other cell without surrounding spaces. Without a
sources table, each source cited in evidence becomes a source with just its id.

>>> reads = read_tables("ID,Label,Type\\nPAK,Pakistan,stat\\n", "From,To,Type,modality,source,quote\\n"
...                     "PAK,PAK,CONSULT,reported,s1,talks\\n")
>>> [p.values for p in reads[0].pieces]
[{'id': 'PAK', 'name': 'Pakistan', 'kind': 'stat'}]
>>> reads[0].pieces[0].locator.problem(("kind",), "unknown entity kind 'stat'").col
3
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings

from ..errors import Problem
from ..model import FIELDS
from ..vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, RELATION_TYPES
from .base import CONTROL, FileRead, Piece, TableLocator, control_message

__all__ = ["read_tables", "UnknownColumnWarning", "guard_cell", "unguard_cell", "ENTITY_NAMES", "RELATION_NAMES"]

# column name (lower case) -> field, per table
ENTITY_NAMES = {
    "id": "id",
    "label": "name",
    "name": "name",
    "type": "kind",
    "kind": "kind",
    "description": "description",
    "aliases": "aliases",
    "part_of": "part_of",
}
RELATION_NAMES = {
    "id": "id",
    "from": "subject",
    "subject": "subject",
    "to": "object",
    "object": "object",
    "type": "type",
    "mode": "mode",
    "context": "context",
    "polarity": "polarity",
    "modality": "modality",
    "asserted_by": "asserted_by",
    "when": "when",
    "source": "source",
    "quote": "quote",
    "more_evidence": "more_evidence",
    "attributes": "attributes",
    "note": "note",
    "quad": None,
    "sign": None,
}
SOURCE_NAMES = {f: f for f in FIELDS["sources"]}
_VERBATIM = frozenset({"name", "description", "quote", "note", "title", "author", "outlet", "perspective"})
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class UnknownColumnWarning(UserWarning):
    """A CSV table has columns that are not actorgraph fields (e.g. Kumu's Tags): they are ignored."""


def guard_cell(cell):
    """Guard a text cell against formula execution in spreadsheets: a leading ``'`` (lossless)."""
    if cell and (cell[0] in _TRIGGERS or (cell[0] == "'" and cell[1:2] in _TRIGGERS + ("'",) and cell[1:2])):
        return "'" + cell
    return cell


def unguard_cell(cell):
    """The cell as written before :func:`guard_cell`."""
    if len(cell) >= 2 and cell[0] == "'" and (cell[1] in _TRIGGERS or cell[1] == "'"):
        return cell[1:]
    return cell


class CsvLocator(TableLocator):
    """A row of a CSV table; evidence is located in the ``quote``, ``source`` or ``more_evidence``
    column, and each message names the column it is about."""

    __slots__ = ("headers",)

    def __init__(self, path, row, columns, headers):
        super().__init__(path, row, columns)
        self.headers = headers

    def _field(self, keys):
        if not keys:
            return "id"
        if keys[0] == "evidence":
            if len(keys) > 1 and isinstance(keys[1], int) and keys[1] > 0 and "more_evidence" in self.columns:
                return "more_evidence"
            if keys[2:3] == ("source",) and "source" in self.columns:
                return "source"
            return "quote" if "quote" in self.columns else "source"
        return keys[0]

    def locate(self, *keys, key=False):
        return (self.row, self.columns.get(self._field(keys), 1))

    def problem(self, keys, message, key=False):
        field = self._field(keys)
        line, col = self.locate(*keys)
        header = self.headers.get(field)
        return Problem(self.path, line, col, f"{message} (column '{header}')" if header else message)


class _Table:
    """One CSV table: rows with their spreadsheet row number, and the field of each column."""

    def __init__(self, text, name, names, problems, prefix=None):
        self.name, self.names, self.prefix = name, names, prefix
        self.rows, self.columns, self.extra, self.headers, self.ignored = [], {}, {}, {}, []
        self.tainted = set()  # rows that hold a control character (reported): not validated
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
            if prefix and key.startswith(prefix):
                self.extra[h.strip()[len(prefix) :]] = i
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
            self.rows = [(n, row) for n, row in enumerate(reader, 2) if any(c.strip() for c in row)]
        except csv.Error as exc:
            problems.append(Problem(name, reader.line_num, 1, f"not readable as CSV: {exc}"))
        for n, row in self.rows:
            for i, cell in enumerate(row, 1):
                bad = CONTROL.search(cell)
                if bad is not None:
                    problems.append(Problem(name, n, i, control_message(bad.group())))
                    self.tainted.add(n)
                    break

    def get(self, row, field):
        col = self.columns.get(field)
        if col is None or col > len(row):
            return None
        v = unguard_cell(row[col - 1])
        if field not in _VERBATIM:
            v = v.strip()
        return v if v.strip() else None

    def get_extra(self, row, key):
        col = self.extra[key]
        return (unguard_cell(row[col - 1]).strip() or None) if col <= len(row) else None

    def warn_ignored(self):
        if not self.ignored:
            return
        cols = ", ".join(f"'{h}' (column {i})" for i, h in self.ignored)
        warnings.warn(
            f"{self.name}: ignored {len(self.ignored)} column{'s' if len(self.ignored) > 1 else ''} "
            f"that actorgraph does not know: {cols}; its columns are: "
            + ", ".join(dict.fromkeys(k for k, v in self.names.items() if v))
            + (f", {self.prefix}KEY" if self.prefix else ""),
            UnknownColumnWarning,
            stacklevel=3,
        )

    def locator(self, row_no):
        return CsvLocator(self.name, row_no, self.columns, self.headers)

    def at(self, row_no, field):
        return (self.name, row_no, self.columns.get(field, 1))


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


def _slug(text):
    return re.sub(r"[^A-Za-z0-9_.:-]+", "-", text.strip()).strip("-._:") or "x"


def _vocab(value, allowed, upper=False):
    if value is None:
        return None
    for a in allowed:
        if a.lower() == value.lower():
            return a
    return value.upper() if upper else value


def _fresh(base, used):
    rid, k = base, 2
    while rid.lower() in used:
        rid, k = f"{base}-{k}", k + 1
    used.add(rid.lower())
    return rid


def _entities(ents, problems):
    """``(records, lookup)``: (row, values) of each entity row, and label/alias -> id."""
    records, used, lookup = [], set(), {}
    for row_no, row in ents.rows:
        values = {
            "id": ents.get(row, "id"),
            "name": ents.get(row, "name"),
            "kind": _vocab(ents.get(row, "kind"), ENTITY_KINDS),
        }
        if values["id"] is None and values["name"] is not None:
            values["id"] = _fresh(_slug(values["name"]), used)
        elif values["id"] is not None:
            used.add(values["id"].lower())
        aliases = _split_multi(ents.get(row, "aliases"), problems, ents.at(row_no, "aliases"))
        if aliases:
            values["aliases"] = aliases
        codes = {k: v for k in ents.extra if (v := ents.get_extra(row, k)) is not None}
        if codes:
            values["codes"] = codes
        values["part_of"] = ents.get(row, "part_of")
        values["description"] = ents.get(row, "description")
        if values["id"] is None:
            problems.append(Problem(ents.name, row_no, 1, "an entity needs an ID or a Label"))
            continue
        records.append((row_no, {k: v for k, v in values.items() if v is not None}))
    for _, v in records:
        lookup.setdefault(v["id"].lower(), v["id"])
    for _, v in records:
        for name in [v.get("name")] + v.get("aliases", []):
            if name:
                lookup.setdefault(name.strip().lower(), v["id"])
    return records, lookup


def _evidence(rels, row, row_no, problems):
    evidence = []
    src, quote = rels.get(row, "source"), rels.get(row, "quote")
    if src is not None or quote is not None:
        evidence.append({k: v for k, v in (("source", src), ("quote", quote)) if v is not None})
    more = rels.get(row, "more_evidence")
    if more is not None:
        x = _json_value(more, problems, rels.at(row_no, "more_evidence"), "list")
        if x is not None and all(isinstance(i, dict) for i in x):
            evidence.extend(x)
        elif x is not None:
            problems.append(
                Problem(
                    *rels.at(row_no, "more_evidence"),
                    'more_evidence must be a JSON list of {"source": ..., "quote": ...}',
                )
            )
    return evidence


def _relation(rels, row, row_no, ref, used, problems):
    subject, obj = ref(rels.get(row, "subject")), ref(rels.get(row, "object"))
    rtype = _vocab(rels.get(row, "type"), RELATION_TYPES, upper=True)
    rid = rels.get(row, "id")
    if rid is None:
        rid = _fresh(_slug(f"{subject or 'x'}-{(rtype or 'x').lower()}-{obj or 'x'}"), used)
    else:
        used.add(rid.lower())
    values = {"id": rid, "subject": subject, "object": obj, "type": rtype, "mode": rels.get(row, "mode")}
    context = _split_multi(rels.get(row, "context"), problems, rels.at(row_no, "context"))
    if context:
        values["context"] = [_vocab(c, CONTEXTS) for c in context]
    pol = rels.get(row, "polarity")
    if pol is not None:
        try:
            x = float(pol)
        except ValueError:
            problems.append(
                Problem(*rels.at(row_no, "polarity"), f"polarity must be a number from -10 to 10, found '{pol}'")
            )
        else:
            if rtype not in RELATION_TYPES or x != RELATION_TYPES[rtype].polarity:
                values["polarity"] = x
    values["modality"] = _vocab(rels.get(row, "modality"), MODALITIES)
    who = _split_multi(rels.get(row, "asserted_by"), problems, rels.at(row_no, "asserted_by")) or []
    who = [ref(w) for w in who if w.lower() != "author"]
    if who:
        values["asserted_by"] = who[0] if len(who) == 1 else who
    values["when"] = rels.get(row, "when")
    values["evidence"] = _evidence(rels, row, row_no, problems) or None
    attrs = rels.get(row, "attributes")
    if attrs is not None:
        values["attributes"] = _json_value(attrs, problems, rels.at(row_no, "attributes"), "object") or None
    values["note"] = rels.get(row, "note")
    return {k: v for k, v in values.items() if v is not None}


def read_tables(
    entities_text,
    relations_text,
    sources_text=None,
    *,
    names=("entities.csv", "relations.csv", "sources.csv"),
    relocate_text=None,
    base_dir=None,
):
    """The :class:`~graph.read.base.FileRead` of each CSV table (text of each file).

    *relocate_text* turns a ``text`` cell of the sources table into the path
    the data file will hold; *base_dir* is the folder that path starts from.
    Columns that are not actorgraph fields are ignored, with an
    :class:`UnknownColumnWarning` naming them.
    """
    problems = []
    ents = _Table(entities_text, names[0], ENTITY_NAMES, problems, prefix="codes.")
    rels = _Table(relations_text, names[1], RELATION_NAMES, problems)
    srcs = _Table(sources_text, names[2], SOURCE_NAMES, problems) if sources_text is not None else None
    for table in (ents, rels, srcs):
        if table is not None:
            table.warn_ignored()
    for table, required in ((ents, ("name",)), (rels, ("subject", "object", "type"))):
        for f in required:
            if table.rows and f not in table.columns:
                want = {
                    "name": "Label (or name)",
                    "subject": "From (or subject)",
                    "object": "To (or object)",
                    "type": "Type",
                }[f]
                problems.append(Problem(table.name, 1, 1, f"missing column {want}"))
    out = {t.name: FileRead(t.name) for t in (ents, rels, srcs) if t is not None}
    records, lookup = _entities(ents, problems)
    known = {v["id"] for _, v in records}

    def ref(v):
        return v if v is None or v in known else lookup.get(v.lower(), v)

    for row_no, values in records:
        if "part_of" in values:
            values["part_of"] = ref(values["part_of"])
        out[ents.name].pieces.append(Piece("entities", values, ents.locator(row_no), base_dir, row_no in ents.tainted))
    used = set()
    relations = [(row_no, _relation(rels, row, row_no, ref, used, problems)) for row_no, row in rels.rows]
    if srcs is not None and srcs.rows:
        for row_no, row in srcs.rows:
            values = {f: v for f in FIELDS["sources"] if (v := srcs.get(row, f)) is not None}
            if "text" in values and relocate_text is not None:
                values["text"] = relocate_text(values["text"])
            if "id" not in values:
                problems.append(Problem(srcs.name, row_no, 1, "a source needs an id"))
                continue
            out[srcs.name].pieces.append(
                Piece("sources", values, srcs.locator(row_no), base_dir, row_no in srcs.tainted)
            )
    else:  # every source cited in evidence, with just its id
        cited = dict.fromkeys(
            str(e.get("source"))
            for _, v in relations
            for e in v.get("evidence", ())
            if isinstance(e, dict) and e.get("source") is not None
        )
        for sid in cited:
            out[rels.name].pieces.append(
                Piece("sources", {"id": sid}, TableLocator(rels.name, 1, {"id": rels.columns.get("source", 1)}))
            )
    for row_no, values in relations:
        out[rels.name].pieces.append(Piece("relations", values, rels.locator(row_no), base_dir, row_no in rels.tainted))
    reads = list(out.values())
    for p in problems:
        out.get(p.path, reads[0]).problems.append(p)
    return reads
