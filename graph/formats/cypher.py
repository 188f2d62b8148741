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
  ``type``, ``mode``, ``context`` (list), ``polarity``, ``sign``, ``quad``,
  ``modality``, ``claimants`` (list; absent: the source's author) and
  ``asserted_by``, ``when`` (as written), ``when_start``/``when_end`` (ISO date
  strings, as in FalkorDB, which has no temporal types; absent when open or
  undated), ``sources``, ``quotes`` and ``records`` (lists), and ``evidence``
  and ``attributes`` as JSON text (Neo4j properties cannot hold maps).

The rows and statements are :mod:`graph.db.statements`'s: ``actorgraph db push``
sends the same ones.

How values are passed
---------------------
No data value is ever spliced into a query. The script alternates parameter
commands and statements::

    :param rows => [{id: "PAK", props: {`name`: "Pakistan", ...}}, ...]
    UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:`State`;

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
'UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:`State`;'
>>> cypher_literal({"name": 'Pakistan "PK"', "n": 1, "ok": [True, None]})
'{`name`: "Pakistan \\\\"PK\\\\"", `n`: 1, `ok`: [true, null]}'
"""

from __future__ import annotations

import json
import math

from ..db import statements as st
from ..db.statements import cypher_name, kind_label
from ..when import iso_span as when_span  # noqa: F401 -- one span helper for every format

__all__ = ["cypher", "cypher_literal", "cypher_name", "kind_label", "BATCH"]

#: rows per :param line
BATCH = 500


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
        for batch in st.batches(rows, BATCH):
            out.append(":param rows => " + cypher_literal(batch))
            out.append(statement + ";")

    emit(st.source_rows(ds), st.upsert_sources())
    for label, rows in st.entity_rows(ds).items():
        emit(rows, st.upsert_entities(label))
    for rtype, rows in st.relation_rows(ds).items():
        emit(rows, st.upsert_relations(rtype))
    out.append(":param rows => []")
    return "\n".join(out) + "\n"
