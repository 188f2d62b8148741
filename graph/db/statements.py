"""The openCypher statements and their parameter rows, built from a Dataset (one place for the db and the export).

Every backend (FalkorDB, Neo4j and Memgraph over Bolt) and the ``cypher``
export script run these same statements. They hold only fixed text,
``$rows``/``$ids`` and labels and relationship types from the controlled
vocabulary (back-quoted); every data value travels as a parameter. FalkorDB's
bulk path (:mod:`graph.db.bulk`) writes the same graph in its binary form.

The model in the database
-------------------------
* ``(:Source {id})`` per source, with its fields as properties (``published``
  as written: ``2025``, ``2025-02``...);
* ``(:Entity {id})`` per entity, with a second label from its kind
  (``state`` -> ``:State``, ``de_facto_authority`` -> ``:DeFactoAuthority``),
  ``name``, ``kind``, ``aliases`` (a list), ``description``, ``part_of`` and
  one ``code_KEY`` property per code (``code_wikidata``...);
* one relationship per claim, from subject to object, whose type is the
  relation type (``:ACCUSE``, ``:PART_OF``...), keyed by ``id``, with
  ``type``, ``mode``, ``context`` (list), ``polarity``, ``sign``, ``quad``,
  ``modality``, ``claimants`` (list of entity ids; absent: the source's
  author) and ``asserted_by`` (the first of them), ``when`` (as written),
  ``when_start``/``when_end`` (ISO date strings, absent when open or undated:
  FalkorDB has no temporal types, and ISO strings compare in date order),
  ``sources`` (the evidence's source ids), ``quotes`` (the verbatim quotes),
  ``records`` (the records of dataset sources), ``evidence`` and
  ``attributes`` as JSON text (a property cannot hold a map), and ``note``.

Empty values are left out (Neo4j stores no null and no empty list).

>>> import graph
>>> ds = graph.loads('''
... sources: [{id: s1, title: T}]
... entities: [{id: PAK, name: Pakistan, kind: state}, {id: TAL, name: Taliban, kind: de_facto_authority}]
... relations:
...   - {id: r1, subject: PAK, object: TAL, type: ACCUSE, modality: denied, asserted_by: TAL, when: 2024-02,
...      evidence: [{source: s1, quote: "no such thing"}]}
... ''')
>>> [(label, rows[0]["id"]) for label, rows in entity_rows(ds).items()]
[('DeFactoAuthority', 'TAL'), ('State', 'PAK')]
>>> row = relation_rows(ds)["ACCUSE"][0]
>>> row["subject"], row["object"], row["props"]["when_start"], row["props"]["when_end"], row["props"]["claimants"]
('PAK', 'TAL', '2024-02-01', '2024-02-29', ['TAL'])
>>> print(upsert_relations("ACCUSE"))  # doctest: +NORMALIZE_WHITESPACE
UNWIND $rows AS row MATCH (a:Entity {id: row.subject}) MATCH (b:Entity {id: row.object})
MERGE (a)-[r:`ACCUSE` {id: row.id}]->(b) SET r = row.props
"""

from __future__ import annotations

import json

from ..model import to_dict
from ..vocab import ENTITY_KINDS, RELATION_TYPES
from ..when import iso_span as when_span

__all__ = [
    "cypher_name",
    "kind_label",
    "source_rows",
    "entity_rows",
    "relation_rows",
    "batches",
    "upsert_sources",
    "upsert_entities",
    "upsert_relations",
    "READ_SOURCES",
    "READ_ENTITIES",
    "READ_RELATIONS",
    "DELETE_RELATIONS",
    "DELETE_ENTITIES",
    "DELETE_SOURCES",
    "DELETE_FOREIGN_NODES",
    "DELETE_UNKEYED_RELATIONSHIPS",
    "BATCH",
    "LABELS",
]

#: rows per statement: enough that the round trips do not count, few enough that one statement's
#: parameters stay about 1 MB (see benchmarks/README.md#graph-database)
BATCH = 2000

_NAME_SAFE = frozenset(chr(c) for c in range(0x20, 0x7F)) - {"\\", "%"}


def cypher_name(name) -> str:
    """An identifier (label, relationship type, map key) back-quoted for Cypher, on one ASCII line.

    Printable ASCII is kept as it is (a back-quote doubled). Every other
    character -- line breaks and other control characters, non-ASCII -- and
    ``\\`` and ``%`` themselves are percent-encoded (``%0A``, ``%C3%A9``,
    ``%5C``, ``%25``): deterministic and one-to-one, so two names never become
    one, and no name can end a line or the quoting.

    >>> cypher_name("State"), cypher_name("odd`key"), cypher_name("line\\nbreak"), cypher_name("Ürdu 100%")
    ('`State`', '`odd``key`', '`line%0Abreak`', '`%C3%9Crdu 100%25`')
    """
    text = "".join(
        c if c in _NAME_SAFE else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")) for c in str(name)
    )
    return "`" + text.replace("`", "``") + "`"


def kind_label(kind) -> str:
    """The label of an entity kind: ``de_facto_authority`` -> ``DeFactoAuthority``.

    >>> kind_label("de_facto_authority")
    'DeFactoAuthority'
    """
    return "".join(p[:1].upper() + p[1:] for p in str(kind).split("_"))


def _props(d):
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}


def source_rows(ds) -> list:
    """``[{"id", "props"}]``, one per source; ``props`` holds the id too."""
    return [{"id": sid, "props": _props(to_dict(s))} for sid, s in ds.sources.items()]


def entity_props(e) -> dict:
    """An entity's properties in the database (codes as ``code_KEY``)."""
    props = {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "aliases": list(e.aliases),
        "description": e.description,
        "part_of": e.part_of,
    }
    props.update({f"code_{k}": v for k, v in e.codes.items()})
    return _props(props)


def entity_rows(ds) -> dict:
    """``{kind label: [{"id", "props"}]}``, labels in sorted order."""
    out = {}
    for e in ds.entities.values():
        out.setdefault(kind_label(e.kind), []).append({"id": e.id, "props": entity_props(e)})
    return dict(sorted(out.items()))


def relation_props(r) -> dict:
    """A claim's properties in the database (see the module docs)."""
    start, end = when_span(r.when)
    evidence = [
        {"source": e.source, "record": e.record} if e.quote is None else {"source": e.source, "quote": e.quote}
        for e in r.evidence
    ]  # as graph.to_dict writes it
    return _props(
        {
            "id": r.id,
            "type": r.type,
            "mode": r.mode,
            "context": list(r.context),
            "polarity": float(r.polarity),
            "sign": r.sign,
            "quad": r.quad,
            "modality": r.modality,
            "claimants": list(r.claimants),
            "asserted_by": r.asserted_by,
            "when": r.when.text if r.when else None,
            "when_start": start,
            "when_end": end,
            "sources": list(r.sources),
            "quotes": [e.quote for e in r.evidence if e.quote is not None],
            "records": [e.record for e in r.evidence if e.record is not None],
            "evidence": json.dumps(evidence, ensure_ascii=False),
            "attributes": json.dumps(r.attributes, ensure_ascii=False) if r.attributes else None,
            "note": r.note,
        }
    )


def relation_rows(ds) -> dict:
    """``{relation type: [{"id", "subject", "object", "props"}]}``, types in sorted order."""
    out = {}
    for r in ds.relations():
        out.setdefault(r.type, []).append(
            {"id": r.id, "subject": r.subject, "object": r.object, "props": relation_props(r)}
        )
    return dict(sorted(out.items()))


def batches(rows, size=None):
    """*rows* in lists of at most *size* (default :data:`BATCH`).

    >>> [len(b) for b in batches(list(range(5)), 2)]
    [2, 2, 1]
    """
    size = size or BATCH
    rows = list(rows)
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _vocab(name, allowed, what):
    if name not in allowed:  # labels and types come from the vocabulary only, never from free data
        raise ValueError(f"not a {what} of the vocabulary: {name!r}")
    return cypher_name(name)


#: the labels of the entity kinds (a second label next to :Entity)
LABELS = frozenset(kind_label(k) for k in ENTITY_KINDS)

# -- writing --------------------------------------------------------------------------------------


def upsert_sources() -> str:
    return "UNWIND $rows AS row MERGE (n:Source {id: row.id}) SET n = row.props"


def upsert_entities(label) -> str:
    """MERGE the entities of one kind (``label`` from :func:`kind_label` of a vocabulary kind)."""
    return (
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, "
        f"n:{_vocab(label, LABELS, 'entity kind label')}"
    )


def upsert_relations(rtype) -> str:
    """MERGE the claims of one relation type between their (already written) entities."""
    return (
        "UNWIND $rows AS row MATCH (a:Entity {id: row.subject}) MATCH (b:Entity {id: row.object}) "
        f"MERGE (a)-[r:{_vocab(rtype, RELATION_TYPES, 'relation type')} {{id: row.id}}]->(b) SET r = row.props"
    )


# -- syncing: what is there, and deleting what is gone --------------------------------------------

READ_SOURCES = "MATCH (n:Source) RETURN n.id"
READ_ENTITIES = "MATCH (n:Entity) RETURN n.id, n.kind"
READ_RELATIONS = "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id IS NOT NULL RETURN r.id, type(r), a.id, b.id"
#: rows ``{"id", "subject", "object"}``
DELETE_RELATIONS = (
    "UNWIND $rows AS row MATCH (a:Entity {id: row.subject})-[r]->(b:Entity {id: row.object}) "
    "WHERE r.id = row.id DELETE r"
)
DELETE_ENTITIES = "UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n"
DELETE_SOURCES = "UNWIND $ids AS id MATCH (n:Source {id: id}) DETACH DELETE n"
#: the graph is actorgraph's: nodes that are neither entities nor sources, and relationships
#: without an id, are not the dataset's
DELETE_FOREIGN_NODES = "MATCH (n) WHERE NOT (n:Entity OR n:Source) DETACH DELETE n"
DELETE_UNKEYED_RELATIONSHIPS = "MATCH ()-[r]->() WHERE r.id IS NULL DELETE r"
