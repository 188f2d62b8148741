"""CSV files for ``neo4j-admin database import``: entity and source nodes, claim relationships, and the command.

For loads of millions of claims into an empty Neo4j database (offline, far
faster than statements). ``-o NAME`` writes ``NAME-entities.csv``,
``NAME-sources.csv``, ``NAME-relations.csv`` and ``NAME-import.sh`` (the
``neo4j-admin`` command line for them); ``-o FOLDER/`` writes
``entities.csv``... in FOLDER. The graph is the one ``actorgraph db push``
makes (see :mod:`graph.db.statements`, which builds the properties for both):

* entities: ``id:ID(Entity)``, ``:LABEL`` (``Entity`` and the kind's label),
  then typed properties (``aliases:string[]``, ``code_wikidata``...);
* sources: ``id:ID(Source)``, ``:LABEL``, their fields;
* relations: ``:START_ID(Entity)``, ``:END_ID(Entity)``, ``:TYPE`` (the
  relation type), ``id``, ``polarity:double``, ``sign:int``,
  ``context:string[]``, ``claimants:string[]``, ``sources:string[]``,
  ``quotes:string[]``... (dates as ISO strings).

Lists are joined with the array delimiter, ``;`` unless a value holds one
(then ``|``, ``¦``, a tab, the unit separator U+001F): the command in
``NAME-import.sh`` names the one used.
Fields are quoted as RFC 4180 says; line breaks inside quotes need
``--multiline-fields=true``, which the command sets.

>>> import graph
>>> ds = graph.loads('''
... sources: [{id: s1, title: T}]
... entities: [{id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}, {id: USA, name: US, kind: state}]
... relations:
...   - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, when: 2025-02,
...      evidence: [{source: s1, quote: "talks; more talks"}]}
... ''')
>>> t = neo4j_csv_tables(ds)
>>> t["entities"].splitlines()[:2]
['id:ID(Entity),:LABEL,name,kind,aliases:string[],description,part_of', 'PAK,Entity|State,Pakistan,state,Islamabad,,']
>>> t["relations"].splitlines()[0].split(",")[:6]
[':START_ID(Entity)', ':END_ID(Entity)', ':TYPE', 'id', 'type', 'mode']
>>> t["delimiter"]
'|'
"""

from __future__ import annotations

import csv
import io
import os

from ..atomic import check_output_path, make_output_folder, write_atomic
from ..db import statements as st
from ..errors import OutputError

__all__ = ["neo4j_csv_tables", "write_neo4j_csv", "neo4j_csv_paths", "FILES"]

FILES = ("entities", "sources", "relations", "import")

_ENTITY = [
    ("name", "string"),
    ("kind", "string"),
    ("aliases", "string[]"),
    ("description", "string"),
    ("part_of", "string"),
]
_SOURCE = [
    ("title", "string"),
    ("kind", "string"),
    ("published", "string"),
    ("author", "string"),
    ("outlet", "string"),
    ("url", "string"),
    ("perspective", "string"),
    ("text", "string"),
    ("note", "string"),
]
_RELATION = [
    ("id", "string"),
    ("type", "string"),
    ("mode", "string"),
    ("context", "string[]"),
    ("polarity", "double"),
    ("sign", "int"),
    ("quad", "string"),
    ("modality", "string"),
    ("claimants", "string[]"),
    ("asserted_by", "string"),
    ("when", "string"),
    ("when_start", "string"),
    ("when_end", "string"),
    ("sources", "string[]"),
    ("quotes", "string[]"),
    ("records", "string[]"),
    ("evidence", "string"),
    ("attributes", "string"),
    ("note", "string"),
]
_DELIMITERS = (";", "|", "\u00a6", "\t", "\x1f")  # ; | ¦ tab, the unit separator


def _header(name, typ):
    return name if typ == "string" else f"{name}:{typ}"


def _choose_delimiter(lists):
    used = set()
    for values in lists:
        for v in values:
            used.update(c for c in _DELIMITERS if c in v)
    used.add(",")
    for d in _DELIMITERS:
        if d not in used:
            return d
    raise OutputError(
        "cannot write neo4j-admin CSV: the list values (aliases, quotes...) hold every array "
        "delimiter tried (; | ¦, a tab and the unit separator U+001F)"
    )


def neo4j_csv_tables(ds) -> dict:
    """``{"entities", "sources", "relations": CSV text, "delimiter": the array delimiter}``."""
    entity_rows = [r for rows in st.entity_rows(ds).values() for r in rows]
    labels = {e.id: st.kind_label(e.kind) for e in ds.entities.values()}
    code_keys = sorted({k for r in entity_rows for k in r["props"] if k.startswith("code_")})
    rel_rows = [r for rows in st.relation_rows(ds).values() for r in rows]
    lists = [r["props"].get(k, []) for r in entity_rows for k in ("aliases",)]
    lists += [r["props"].get(k, []) for r in rel_rows for k, t in _RELATION if t == "string[]"]
    delim = _choose_delimiter(lists + [["Entity", "Source"] + list(labels.values())])

    def cell(v, typ):
        if v is None:
            return ""
        if typ == "string[]":
            return delim.join(v)
        if typ == "double":
            return repr(float(v))
        return str(v)

    def table(header, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)
        return buf.getvalue()

    ent_cols = _ENTITY + [(k, "string") for k in code_keys]
    entities = table(
        ["id:ID(Entity)", ":LABEL"] + [_header(n, t) for n, t in ent_cols],
        (
            [r["id"], delim.join(["Entity", labels[r["id"]]])] + [cell(r["props"].get(n), t) for n, t in ent_cols]
            for r in entity_rows
        ),
    )
    sources = table(
        ["id:ID(Source)", ":LABEL"] + [_header(n, t) for n, t in _SOURCE],
        ([r["id"], "Source"] + [cell(r["props"].get(n), t) for n, t in _SOURCE] for r in st.source_rows(ds)),
    )
    relations = table(
        [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"] + [_header(n, t) for n, t in _RELATION],
        (
            [r["subject"], r["object"], r["props"]["type"]] + [cell(r["props"].get(n), t) for n, t in _RELATION]
            for r in rel_rows
        ),
    )
    return {"entities": entities, "sources": sources, "relations": relations, "delimiter": delim}


def import_command(paths, delimiter, database="neo4j") -> str:
    """The ``neo4j-admin database import full`` command line for the files written."""
    d = "TAB" if delimiter == "\t" else delimiter
    name = lambda t: os.path.basename(paths[t])  # noqa: E731
    return (
        "#!/bin/sh\n# Load the files into an empty Neo4j database (the server stopped); run from this folder.\n"
        f"neo4j-admin database import full --nodes={name('entities')} --nodes={name('sources')} "
        f"--relationships={name('relations')} --array-delimiter='{d}' --multiline-fields=true "
        f"--overwrite-destination=false {database}\n"
    )


def neo4j_csv_paths(path) -> dict:
    """The file names an export to *path* writes: ``NAME-TABLE.csv`` or ``FOLDER/TABLE.csv``.

    >>> neo4j_csv_paths("out/g")["relations"].replace(os.sep, "/"), neo4j_csv_paths("out/")["import"]
    ('out/g-relations.csv', 'out/import.sh')
    """
    path = os.fspath(path)
    ext = {t: ".sh" if t == "import" else ".csv" for t in FILES}
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        return {t: os.path.join(path, t + ext[t]) for t in FILES}
    stem = path[:-4] if path.lower().endswith(".csv") else path
    return {t: f"{stem}-{t}{ext[t]}" for t in FILES}


def write_neo4j_csv(ds, path, *, protect=()) -> list:
    """Write the files for *path* (each atomically, every path checked first); return the paths."""
    path = make_output_folder(path)
    paths = neo4j_csv_paths(path)
    for p in paths.values():
        check_output_path(p, protect)
    tables = neo4j_csv_tables(ds)
    tables["import"] = import_command(paths, tables["delimiter"])
    for t in FILES:
        write_atomic(paths[t], tables[t], protect=protect)
    return [paths[t] for t in FILES]
