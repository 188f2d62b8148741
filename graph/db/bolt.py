"""The Bolt backend (Neo4j, Memgraph) through the official neo4j driver: push in one transaction, and queries.

Neo4j has no graph to swap in, so the equivalent of FalkorDB's staging graph
is a transaction: every statement of a push (:func:`graph.db.sync.sync`, the
same statements as FalkorDB's) runs in one explicit transaction, committed at
the end. Readers see the previous graph until the commit; a failure, a lost
connection or a killed process rolls it back. (One transaction holds the
whole change in the server's memory: for loads of millions of claims use
``actorgraph export --format neo4j-csv`` and ``neo4j-admin database import``.)

Indexes come first, outside the transaction (Neo4j does not mix schema and
data changes in one), in Neo4j's syntax, else Memgraph's.

There is no Neo4j server on the machines this is built on: the tests check the
statements and parameters sent through a stand-in driver.

>>> push(ds, "bolt://neo4j:secret@127.0.0.1:7687")   # doctest: +SKIP
{'sources': 1, 'entities': 18, 'relations': 42, ...}
"""

from __future__ import annotations

from ..errors import DatabaseError
from .results import plain_value
from .sync import sync
from .urls import parse_url

__all__ = ["driver", "push", "query", "translate", "INDEXES"]

#: (Neo4j 5 statement, Memgraph statement) per index
INDEXES = (
    ("CREATE INDEX actorgraph_entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id)", "CREATE INDEX ON :Entity(id)"),
    ("CREATE INDEX actorgraph_source_id IF NOT EXISTS FOR (n:Source) ON (n.id)", "CREATE INDEX ON :Source(id)"),
)


def _neo4j():
    try:
        import neo4j
    except ImportError:
        raise DatabaseError('bolt:// URLs need the neo4j driver: pip install -e ".[neo4j]"') from None
    return neo4j


def driver(u):
    """A neo4j driver for the parsed URL *u* (replaced by a stand-in in the tests)."""
    neo4j = _neo4j()
    return neo4j.GraphDatabase.driver(u.driver_url(), auth=(u.user, u.password or ""))


def translate(exc, shown, database=None):
    """A :class:`DatabaseError` with one clear line for a driver error *exc*."""
    code = getattr(exc, "code", None) or ""
    msg = (getattr(exc, "message", None) or str(exc) or type(exc).__name__).strip().splitlines()[0]
    name = type(exc).__name__
    if name == "AuthError" or code.startswith("Neo.ClientError.Security.Unauthorized"):
        return DatabaseError(
            f"the database at {shown} refused the user name or password (give them in the "
            "URL or in ACTORGRAPH_DB_USER / ACTORGRAPH_DB_PASSWORD)"
        )
    if name in ("ServiceUnavailable", "SessionExpired") or isinstance(exc, OSError):
        return DatabaseError(f"cannot reach the database at {shown}: {msg}")
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        which = f"'{database}'" if database else "(the server's default)"
        return DatabaseError(f"there is no database {which} at {shown}")
    if code == "Neo.ClientError.Statement.SyntaxError" or name == "CypherSyntaxError":
        return DatabaseError(f"Cypher syntax error: {msg}")
    if (
        code in ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Cluster.NotALeader")
        or "in read access mode" in msg.lower()
    ):
        return DatabaseError(
            "the database refused a write in a read-only query: pass --write (write=True in Python) to allow it"
        )
    return DatabaseError(f"the database at {shown} refused the query: {msg}")


def _errors():
    neo4j = _neo4j()
    return (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError)


def _create_indexes(session):
    errors = _errors()
    for neo, memgraph in INDEXES:
        try:
            session.run(neo).consume()
        except errors:
            try:
                session.run(memgraph).consume()
            except errors:
                pass  # an index is a speed-up: the push is right without it


def push(ds, url, *, batch=None, progress=None) -> dict:
    """Make the database at *url* equal to *ds*, in one transaction; return the counts."""
    u = parse_url(url) if isinstance(url, str) else url
    errors = _errors()
    try:
        with driver(u) as drv:
            drv.verify_connectivity()
            with drv.session(database=u.graph) as session:
                _create_indexes(session)
                tx = session.begin_transaction()
                try:
                    counts = sync(
                        ds,
                        lambda s, p=None: [list(rec.values()) for rec in tx.run(s, p or {})],
                        batch=batch,
                        progress=progress,
                    )
                    tx.commit()
                except BaseException:
                    if not tx.closed():
                        tx.rollback()
                    raise
    except errors as exc:
        err = translate(exc, u.shown(), u.graph)
        raise DatabaseError(f"{err}; the database is unchanged") from None
    return counts | {"bulk": False}


def _plain(v):
    return plain_value(v, _graph_value)


def _graph_value(v):
    """A neo4j node, relationship or path as a map (None for any other value)."""
    g = _neo4j().graph
    if isinstance(v, g.Node):
        return {"labels": sorted(v.labels), "properties": {k: _plain(x) for k, x in dict(v).items()}}
    if isinstance(v, g.Relationship):
        return {"type": v.type, "properties": {k: _plain(x) for k, x in dict(v).items()}}
    if isinstance(v, g.Path):
        return {"nodes": [_plain(n) for n in v.nodes], "relationships": [_plain(r) for r in v.relationships]}
    return None


def query(cypher, params=None, url=None, *, write=False) -> dict:
    """Run *cypher* at *url*: ``{"columns", "rows"}``; in a read transaction unless *write*."""
    neo4j = _neo4j()
    u = parse_url(url) if isinstance(url, str) else url
    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    try:
        with driver(u) as drv:
            with drv.session(database=u.graph, default_access_mode=mode) as session:

                def work(tx):
                    result = tx.run(cypher, params or {})
                    keys = list(result.keys())
                    return keys, [[_plain(v) for v in rec.values()] for rec in result]

                keys, rows = (session.execute_write if write else session.execute_read)(work)
    except _errors() as exc:
        raise translate(exc, u.shown(), u.graph) from None
    return {"columns": keys, "rows": rows}
