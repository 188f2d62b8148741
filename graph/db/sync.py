"""Make a database graph equal to a dataset: read what is there, delete what is gone, upsert the rest.

The same steps run on every backend, through one function
``run(statement, params) -> rows`` (a list of lists). What makes the change
invisible until it is whole is the backend's business: FalkorDB runs them on a
staging copy that is swapped in at the end, Bolt in one transaction.

1. read the ids there (sources, entities with their kind, claims with their
   type and ends);
2. delete the claims that are gone, or whose type, subject or object changed
   (a relationship's type and ends cannot be changed in place), the entities
   that are gone or whose kind changed (with their claims), the sources that
   are gone, and anything that is not actorgraph's (nodes that are neither
   entities nor sources, relationships without an id);
3. upsert (MERGE on id, then set exactly the dataset's properties) the
   sources, the entities and the claims, in batches.

>>> import graph
>>> calls = []
>>> def run(statement, params=None):
...     calls.append((statement.split(" MATCH")[0].split(" MERGE")[0], params))
...     return []
>>> ds = graph.loads('''
... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
... sources: [{id: s, title: S}]
... relations: [{id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}]
... ''')
>>> counts = sync(ds, run)
>>> counts
{'sources': 1, 'entities': 2, 'relations': 1, 'deleted relations': 0, 'deleted entities': 0, 'deleted sources': 0}
>>> [c[0] for c in calls if c[1]]
['UNWIND $rows AS row', 'UNWIND $rows AS row', 'UNWIND $rows AS row']
"""

from __future__ import annotations

from . import statements as st

__all__ = ["sync", "plan_deletions"]


def plan_deletions(ds, there):
    """What to delete: ``(relation rows, entity ids, source ids)``.

    *there* is ``(source ids, [(entity id, kind)], [(claim id, type, subject, object)])``
    as read from the database.

    >>> import graph
    >>> ds = graph.loads('''
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: office}]
    ... sources: [{id: s, title: S}]
    ... relations: [{id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}]
    ... ''')
    >>> rels, ents, srcs = plan_deletions(
    ...     ds,
    ...     (
    ...         ["s", "old"],
    ...         [("A", "state"), ("B", "state"), ("C", "state")],
    ...         [("r1", "AID", "A", "B"), ("r2", "AID", "A", "C"), ("r1", "AID", "B", "A")],
    ...     ),
    ... )
    >>> [r["id"] + ":" + r["subject"] for r in rels], ents, srcs
    (['r2:A', 'r1:B'], ['B', 'C'], ['old'])
    """
    sources_there, entities_there, relations_there = there
    gone_entities = sorted(
        {eid for eid, kind in entities_there if eid not in ds.entities or ds.entities[eid].kind != kind}
    )
    gone_sources = sorted({sid for sid in sources_there if sid not in ds.sources})
    shape = {r.id: (r.type, r.subject, r.object) for r in ds.relations()}
    rels = [
        {"id": rid, "subject": a, "object": b}
        for rid, rtype, a, b in relations_there
        if shape.get(rid) != (rtype, a, b)
    ]
    return rels, gone_entities, gone_sources


def read_state(run):
    """``(source ids, [(entity id, kind)], [(claim id, type, subject, object)])`` in the database."""
    sources = [row[0] for row in run(st.READ_SOURCES, None)]
    entities = [(row[0], row[1]) for row in run(st.READ_ENTITIES, None)]
    relations = [tuple(row) for row in run(st.READ_RELATIONS, None)]
    return sources, entities, relations


def sync(ds, run, *, batch=None, empty=False, progress=None) -> dict:
    """Make the graph behind *run* equal to *ds*; return the counts written and deleted.

    *empty*: the graph is known to be empty (skip reading it). *progress*, if
    given, is called with the number of claims written so far.
    """
    counts = {
        "sources": len(ds.sources),
        "entities": len(ds.entities),
        "relations": len(ds),
        "deleted relations": 0,
        "deleted entities": 0,
        "deleted sources": 0,
    }
    if not empty:
        rels, ents, srcs = plan_deletions(ds, read_state(run))
        for rows in st.batches(rels, batch):
            run(st.DELETE_RELATIONS, {"rows": rows})
        for ids in st.batches(ents, batch):
            run(st.DELETE_ENTITIES, {"ids": ids})
        for ids in st.batches(srcs, batch):
            run(st.DELETE_SOURCES, {"ids": ids})
        run(st.DELETE_FOREIGN_NODES, None)
        run(st.DELETE_UNKEYED_RELATIONSHIPS, None)
        counts.update({"deleted relations": len(rels), "deleted entities": len(ents), "deleted sources": len(srcs)})
    for rows in st.batches(st.source_rows(ds), batch):
        run(st.upsert_sources(), {"rows": rows})
    for label, rows in st.entity_rows(ds).items():
        for chunk in st.batches(rows, batch):
            run(st.upsert_entities(label), {"rows": chunk})
    done = 0
    for rtype, rows in st.relation_rows(ds).items():
        for chunk in st.batches(rows, batch):
            run(st.upsert_relations(rtype), {"rows": chunk})
            done += len(chunk)
            if progress:
                progress(done)
    return counts
