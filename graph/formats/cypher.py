"""A Cypher script that loads the graph into Neo4j with parameterised MERGE statements.

Run it with ``cypher-shell -f actorgraph.cypher`` (or paste it into Neo4j
Browser). Running it twice changes nothing: every node and relationship is
MERGEd on its ``id``.

The model in Neo4j
------------------
* ``(:Source {id})`` per source, with its fields as properties;
* ``(:Entity {id})`` per entity, with a second label from its kind
  (``state`` -> ``:State``, ``de_facto_authority`` -> ``:DeFactoAuthority``...),
  ``name``, ``kind``, ``aliases`` (a list), ``description``, ``part_of`` and
  one ``code_KEY`` property per code (``code_wikidata``...; the validator
  allows only ``[A-Za-z][A-Za-z0-9_]*`` keys, and any other character would be
  percent-encoded by :func:`cypher_name`);
* one relationship per relation, from subject to object, whose Neo4j type is
  the relation type (``:ACCUSE``, ``:AID``, ``:PART_OF``...), with ``id``,
  ``mode``, ``context`` (list), ``polarity``, ``sign``, ``quad``, ``modality``,
  ``asserted_by`` (absent: the source's author), ``when`` (as written),
  ``when_start``/``when_end`` (Neo4j ``date`` values; absent when open or
  undated), ``sources`` and ``quotes`` (lists), and ``evidence`` and
  ``attributes`` as JSON text (Neo4j properties cannot hold maps).

How values are passed
---------------------
No data value is ever spliced into a query. The script alternates parameter
commands and statements::

    :param rows => [{id: "PAK", props: {`name`: "Pakistan", ...}}, ...]
    UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props, n:`State`;

Each ``:param`` value is a Cypher literal on one line: strings are
double-quoted with every quote, backslash and control character escaped (and
every non-ASCII character written as ``\\uXXXX``, so the script is plain
ASCII), map keys are back-quoted (a back-quote in a key is doubled; a
line break, any other control or non-ASCII character, ``\\`` and ``%`` are
percent-encoded: see :func:`cypher_name`). The
statements hold only fixed text, ``$rows``, and labels and relationship
types that come from the controlled vocabulary (back-quoted too). Rows are
sent in batches of :data:`BATCH` so a large graph does not make one huge
parameter.

Examples
--------
>>> import graph
>>> ds = graph.loads('''
... sources: [{id: s1, title: T}]
... entities: [{id: PAK, name: "Pakistan \\\\"PK\\\\"", kind: state}, {id: USA, name: United States, kind: state}]
... relations:
...   - {id: r1, subject: PAK, object: USA, type: CONSULT, modality: reported, when: 2025-02,
...      evidence: [{source: s1, quote: "it's a deal"}]}
... ''')
>>> script = cypher(ds)
>>> [line for line in script.splitlines() if line.startswith("UNWIND")][1]
'UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props, n:`State`;'
>>> cypher_literal({"name": 'Pakistan "PK"', "n": 1, "ok": [True, None]})
'{`name`: "Pakistan \\\\"PK\\\\"", `n`: 1, `ok`: [true, null]}'
"""

from __future__ import annotations

import json
import math

from .graphml import when_span

__all__ = ["cypher", "cypher_literal", "cypher_name", "kind_label", "BATCH"]

BATCH = 500


_NAME_SAFE = frozenset(chr(c) for c in range(0x20, 0x7F)) - {"\\", "%"}


def cypher_name(name) -> str:
    """An identifier (label, relationship type, map key) back-quoted for Cypher, on one ASCII line.

    Printable ASCII is kept as it is (a back-quote doubled). Every other
    character -- line breaks and other control characters, non-ASCII -- and
    ``\\`` and ``%`` themselves are percent-encoded (``%0A``, ``%C3%A9``,
    ``%5C``, ``%25``): deterministic and one-to-one, so two names never become
    one, and no name can end the ``:param`` line or the quoting (no backslash
    either, so no ``\\uXXXX`` escape can be read into it).

    >>> cypher_name("State"), cypher_name("odd`key"), cypher_name("line\\nbreak"), cypher_name("Ürdu 100%")
    ('`State`', '`odd``key`', '`line%0Abreak`', '`%C3%9Crdu 100%25`')
    """
    text = "".join(c if c in _NAME_SAFE else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass"))
                   for c in str(name))
    return "`" + text.replace("`", "``") + "`"


def cypher_literal(v) -> str:
    """A Python value as a Cypher literal (see the module docs for the escaping)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            raise ValueError("NaN and infinity have no Cypher literal")
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=True)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{cypher_name(k)}: {cypher_literal(x)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(cypher_literal(x) for x in v) + "]"
    return cypher_literal(str(v))


def kind_label(kind) -> str:
    """The Neo4j label of an entity kind: ``de_facto_authority`` -> ``DeFactoAuthority``."""
    return "".join(p[:1].upper() + p[1:] for p in str(kind).split("_"))


def _props(d):
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}


def _source_rows(ds):
    from ..model import to_dict
    for sid, s in ds.sources.items():
        d = to_dict(s)
        d.pop("id")
        yield {"id": sid, "props": _props(d)}


def _entity_rows(ds):
    for e in ds.entities.values():
        props = {"name": e.name, "kind": e.kind, "aliases": list(e.aliases), "description": e.description,
                 "part_of": e.part_of}
        props.update({f"code_{k}": v for k, v in e.codes.items()})
        yield e.kind, {"id": e.id, "props": _props(props)}


def _relation_rows(ds):
    for r in ds.relations():
        start, end = when_span(r.when)
        props = {"mode": r.mode, "context": list(r.context), "polarity": float(r.polarity), "sign": r.sign,
                 "quad": r.quad, "modality": r.modality, "asserted_by": r.asserted_by,
                 "when": str(r.when) if r.when else None,
                 "sources": list(r.sources), "quotes": [e.quote for e in r.evidence],
                 "evidence": json.dumps([{"source": e.source, "quote": e.quote} for e in r.evidence],
                                        ensure_ascii=False),
                 "attributes": json.dumps(r.attributes, ensure_ascii=False) if r.attributes else None,
                 "note": r.note}
        yield r.type, {"id": r.id, "subject": r.subject, "object": r.object, "when_start": start,
                       "when_end": end, "props": _props(props)}


def _batches(rows):
    rows = list(rows)
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


def cypher(ds) -> str:
    """The dataset as a Cypher script of parameterised MERGE statements; see the module docs."""
    out = [
        "// actorgraph: load this graph into Neo4j (cypher-shell -f FILE, or paste into Neo4j Browser).",
        "// Every value is passed as a parameter (:param lines); the statements hold no data.",
        "// Re-running it is harmless: nodes and relationships are MERGEd on their id.",
        "CREATE CONSTRAINT actorgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
        "CREATE CONSTRAINT actorgraph_source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;",
    ]

    def emit(rows, statement):
        for batch in _batches(rows):
            out.append(":param rows => " + cypher_literal(batch))
            out.append(statement)

    emit(_source_rows(ds), "UNWIND $rows AS row MERGE (n:Source {id: row.id}) SET n += row.props;")
    by_kind = {}
    for kind, row in _entity_rows(ds):
        by_kind.setdefault(kind, []).append(row)
    for kind, rows in by_kind.items():
        emit(rows, "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props, "
                   f"n:{cypher_name(kind_label(kind))};")
    by_type = {}
    for rtype, row in _relation_rows(ds):
        by_type.setdefault(rtype, []).append(row)
    for rtype, rows in by_type.items():
        emit(rows, "UNWIND $rows AS row MATCH (a:Entity {id: row.subject}) MATCH (b:Entity {id: row.object}) "
                   f"MERGE (a)-[r:{cypher_name(rtype)} {{id: row.id}}]->(b) SET r += row.props, "
                   "r.when_start = date(row.when_start), r.when_end = date(row.when_end);")
    out.append(":param rows => []")
    return "\n".join(out) + "\n"
