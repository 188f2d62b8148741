"""The FalkorDB backend: push a dataset through a staging graph swapped in at the end, and run queries.

A push builds a staging graph ``NAME__actorgraph_staging_TOKEN``, then swaps it
in with ``RENAME``, one atomic command: readers of ``NAME`` see the previous
complete graph until then, and the new complete graph after. A new graph (or
any, with ``full=True``) is built from nothing through FalkorDB's bulk path
(``GRAPH.BULK``, :mod:`graph.db.bulk`); an existing one is copied
(``GRAPH.COPY``, a consistent snapshot) and the copy made equal to the dataset
with Cypher (:func:`graph.db.sync.sync`). If anything fails before the swap -- a bad
statement, a lost connection, the pushing process killed -- ``NAME`` is left as it
was. Each push has its own staging graph (TOKEN is random), kept alive by a key
``...:alive`` that expires 60 s after the push's last statement: two pushes at
once each swap in a complete graph (the last one wins), and a push throws away
the staging graphs whose push is gone.

Parameters are sent the way FalkorDB takes them (a ``CYPHER name=value`` header
before the fixed statement text, as the falkordb client writes it).

>>> translate(Exception("errMsg: Invalid input 'R': expected a label line: 1, column: 10 errCtx: MATCH (n RETURN n"),
...           "falkordb://127.0.0.1:6379/actorgraph")
DatabaseError("Cypher syntax error: Invalid input 'R': expected a label line: 1, column: 10")
>>> push(ds, "falkordb://127.0.0.1:6379/actorgraph")   # doctest: +SKIP
{'sources': 1, 'entities': 18, 'relations': 42, ...}
"""

from __future__ import annotations

import queue
import secrets
import threading

from ..errors import DatabaseError
from .bulk import commands
from .results import plain_value
from .sync import sync
from .urls import parse_url

__all__ = ["connect", "push", "query", "translate", "staging_name", "TIMEOUT"]

TIMEOUT = 300  # seconds for one statement or command


STAGING = "__actorgraph_staging_"
ALIVE = 60  # seconds a staging graph is kept after its push's last statement


def staging_name(graph, token=None) -> str:
    """The staging graph of one push (``token``), or the prefix of all of *graph*'s."""
    return f"{graph}{STAGING}{token or ''}"


def _alive_key(staging):
    return f"{staging}:alive"


def _redis():
    try:
        import falkordb  # noqa: F401
        import redis
    except ImportError:
        raise DatabaseError("the FalkorDB backend needs the 'db' extra: pip install -e \".[db]\"") from None
    return redis


def translate(exc, shown, graph=None):
    """A :class:`DatabaseError` with one clear line for a client or server error *exc*."""
    msg = str(exc).strip()
    low = msg.lower()
    name = type(exc).__name__
    if "noauth" in low or "authentication required" in low:
        return DatabaseError(
            f"the database at {shown} needs a password (give it in the URL or in ACTORGRAPH_DB_PASSWORD)"
        )
    if (
        "wrongpass" in low
        or "invalid password" in low
        or "invalid username-password" in low
        or name == "AuthenticationError"
    ):
        return DatabaseError(
            f"the database at {shown} refused the password (give it in the URL or in ACTORGRAPH_DB_PASSWORD)"
        )
    if name in ("ConnectionError", "ConnectionRefusedError") or "connection refused" in low or "connecting to" in low:
        why = "connection refused" if "refused" in low else (msg.split(". ")[-1].rstrip(".") or "no answer")
        return DatabaseError(f"cannot connect to the database at {shown}: {why} (is the server running?)")
    if name in ("TimeoutError", "socket.timeout") or "timeout" in low and "reading" in low:
        return DatabaseError(f"the database at {shown} did not answer in time")
    if "closed by server" in low or "connection reset" in low or "broken pipe" in low:
        return DatabaseError(f"lost the connection to the database at {shown}")
    if "empty key" in low:
        return DatabaseError(f"there is no graph '{graph}' at {shown} (push one with: actorgraph db push)")
    if "ro_query is to be executed only on read-only queries" in low:
        return DatabaseError(
            "the database refused a write in a read-only query: pass --write (write=True in Python) to allow it"
        )
    if "read only replica" in low or "readonly" in low and "replica" in low:
        return DatabaseError(f"the database at {shown} is a read-only replica: push to its primary")
    if "maxmemory" in low:
        return DatabaseError(
            f"the database at {shown} is out of memory (its maxmemory setting; used memory is over it)"
        )
    if "unknown command" in low and "graph." in low:
        return DatabaseError(f"the server at {shown} is a Redis server without the FalkorDB module")
    if msg.startswith("errMsg:"):
        text = msg[len("errMsg:") :].split(" errCtx:")[0].strip()
        return DatabaseError(f"Cypher syntax error: {text}")
    first = msg.splitlines()[0] if msg else name
    return DatabaseError(f"the database at {shown} refused the query: {first}")


def connect(url):
    """``(FalkorDB client, DbUrl)`` for a falkordb:// URL, checked with a PING."""
    redis = _redis()
    from falkordb import FalkorDB
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    u = parse_url(url) if isinstance(url, str) else url
    try:  # no retries: a statement is sent once, and a refused connection says so at once
        db = FalkorDB(
            host=u.host,
            port=u.port,
            username=u.user,
            password=u.password,
            ssl=u.tls,
            socket_timeout=TIMEOUT,
            socket_connect_timeout=10,
            retry=Retry(NoBackoff(), 0),
        )
        db.connection.ping()
    except (redis.RedisError, OSError) as exc:
        raise translate(exc, u.shown(), u.graph) from None
    return db, u


def param_text(v) -> str:
    """A parameter value in the form FalkorDB reads in the ``CYPHER name=value ...`` header.

    The same form as the falkordb client's (strings double-quoted with ``\\`` and ``"``
    escaped, map keys back-quoted), written for speed: a push sends millions of values.

    >>> print(param_text({"id": 'say "hi"', "n": [1, 2.5, True, None]}))
    {`id`:"say \\"hi\\"",`n`:[1,2.5,true,null]}
    """
    t = type(v)
    if t is str:
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if t is dict:
        for k in v:
            if "`" in k or not k:
                raise ValueError(f"a map key FalkorDB cannot read: {k!r}")
        return "{" + ",".join(f"`{k}`:{param_text(x)}" for k, x in v.items()) + "}"
    if t is list or t is tuple:
        return "[" + ",".join([param_text(x) for x in v]) + "]"
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    if t is float:
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("NaN and infinity cannot be sent")
        return repr(v)
    if t is int:
        return str(v)
    return param_text(str(v))


def with_params(statement, params) -> str:
    """The query text FalkorDB receives: the parameter header, then the fixed statement."""
    if not params:
        return statement
    return "CYPHER " + " ".join(f"{k}={param_text(v)}" for k, v in params.items()) + " " + statement


class _Sender:
    """Runs the write commands of a push on a second thread (``send(item)`` for each item put), so that
    the server executes one batch while Python builds the next; :meth:`wait` waits for the ones put."""

    def __init__(self, send, heartbeat=None):
        self.send, self.error, self.heartbeat = send, None, heartbeat
        self.queue = queue.Queue(maxsize=2)
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def _work(self):
        while True:
            item = self.queue.get()
            try:
                if item is None:
                    return
                if self.error is None:
                    if self.heartbeat:
                        self.heartbeat()
                    self.send(item)
            except BaseException as exc:  # noqa: BLE001 -- handed to the pushing thread
                self.error = exc
            finally:
                self.queue.task_done()

    def _check(self):
        if self.error is not None:
            raise self.error

    def put(self, item):
        self._check()
        self.queue.put(item)

    def wait(self):
        """Wait for every item put so far; raise the first error."""
        self.queue.join()
        self._check()

    def close(self):
        """Wait for every item put; raise the first error."""
        self.queue.put(None)
        self.thread.join()
        self._check()


def _cypher(g, sender):
    """``run(statement, params) -> rows`` for :func:`graph.db.sync.sync`: writes go through *sender*; a
    statement whose result is needed waits for the ones before it."""

    def run(statement, params=None):
        text = with_params(statement, params)
        if " RETURN " in statement:
            sender.wait()
            return g.query(text).result_set
        sender.put(text)
        return []

    return run


def _create_indexes(g):
    for label in ("Entity", "Source"):
        try:
            g.query(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        except Exception as exc:  # noqa: BLE001 -- the copied graph has its indexes already
            if "already indexed" not in str(exc):
                raise


def push(ds, url, *, batch=None, save=False, progress=None, full=False) -> dict:
    """Make the graph at *url* equal to *ds* (see the module docs); return the counts.

    A new graph, or any graph with *full*, is built through the bulk path
    (:mod:`graph.db.bulk`); an existing one is synced with Cypher on a copy.
    *save*: ask the server to write its data to disk after the swap (the
    embedded server, which saves nothing on its own).
    """
    redis = _redis()
    db, u = connect(url)
    staging = staging_name(u.graph, secrets.token_hex(6))
    conn = db.connection
    heartbeat = lambda: conn.set(_alive_key(staging), "1", ex=ALIVE)  # noqa: E731
    try:
        heartbeat()
        graphs = db.list_graphs()
        for name in graphs:  # staging graphs left by pushes that did not finish
            if name.startswith(staging_name(u.graph)) and not conn.exists(_alive_key(name)):
                _drop(db, name)
        exists = u.graph in graphs
        g = db.select_graph(staging)
        if exists and not full:
            db.select_graph(u.graph).copy(staging)
            _create_indexes(g)
            sender = _Sender(g.query, heartbeat)
            try:
                counts = sync(ds, _cypher(g, sender), batch=batch, empty=False, progress=progress)
            finally:
                sender.close()
            counts["bulk"] = False
        else:
            counts = _bulk(ds, conn, staging, heartbeat, batch, progress)
            _create_indexes(g)
        heartbeat()
    except (redis.RedisError, OSError) as exc:
        _drop(db, staging)
        err = translate(exc, u.shown(), staging)
        raise DatabaseError(f"{err}; the graph '{u.graph}' is unchanged") from None
    except ValueError as exc:  # (a value the database cannot store: BulkValueError, or NaN in a statement)
        _drop(db, staging)
        raise DatabaseError(f"cannot push this data: {exc}; the graph '{u.graph}' is unchanged") from None
    except BaseException:
        _drop(db, staging)
        raise
    try:
        conn.execute_command("RENAME", staging, u.graph)
        conn.delete(_alive_key(staging))
        if save:
            db.connection.execute_command("SAVE")
    except (redis.RedisError, OSError) as exc:
        raise translate(exc, u.shown(), u.graph) from None
    return counts


def _bulk(ds, conn, staging, heartbeat, batch, progress):
    """Build the new graph *staging* from *ds* with ``GRAPH.BULK`` commands, sent on a second thread
    while the next is encoded; return the counts."""
    sender = _Sender(lambda args: conn.execute_command("GRAPH.BULK", staging, *args), heartbeat)
    done = 0
    try:
        for k, cmd in enumerate(commands(ds, batch=batch)):
            sender.put(cmd.args(begin=k == 0))
            done += cmd.edges
            if progress and cmd.edges:
                progress(done)
    finally:
        sender.close()
    return {
        "sources": len(ds.sources),
        "entities": len(ds.entities),
        "relations": len(ds),
        "deleted relations": 0,
        "deleted entities": 0,
        "deleted sources": 0,
        "bulk": True,
    }


def _drop(db, name):
    try:
        db.connection.delete(_alive_key(name))
        if name in db.list_graphs():
            db.select_graph(name).delete()
    except Exception:  # noqa: BLE001 -- best effort: the server may be gone; the next push drops it
        pass


def _plain(v):
    """A result value as JSON-able data (nodes, relationships and paths as maps)."""
    return plain_value(v, _graph_value)


def _graph_value(v):
    """A FalkorDB node, edge or path as a map (None for any other value)."""
    from falkordb import Edge, Node, Path

    if isinstance(v, Node):
        return {"labels": list(v.labels or []), "properties": {k: _plain(x) for k, x in v.properties.items()}}
    if isinstance(v, Edge):
        return {"type": v.relation, "properties": {k: _plain(x) for k, x in v.properties.items()}}
    if isinstance(v, Path):
        return {"nodes": [_plain(n) for n in v.nodes()], "relationships": [_plain(e) for e in v.edges()]}
    return None


def query(cypher, params=None, url=None, *, write=False) -> dict:
    """Run *cypher* on the graph at *url*: ``{"columns": [...], "rows": [[...], ...]}``.

    Read-only unless *write* (``GRAPH.RO_QUERY``: the server refuses writes).
    """
    redis = _redis()
    db, u = connect(url)
    g = db.select_graph(u.graph)
    try:
        res = g.query(cypher, params) if write else g.ro_query(cypher, params)
    except (redis.RedisError, OSError) as exc:
        err = translate(exc, u.shown(), u.graph)
        if "no graph" in str(err):
            graphs = [x for x in _list(db) if STAGING not in x]
            err = DatabaseError(f"{err}; graphs there: {', '.join(graphs) if graphs else 'none'}")
        raise err from None
    columns = [h[1] if isinstance(h, (list, tuple)) else h for h in (res.header or [])]
    return {"columns": columns, "rows": [[_plain(v) for v in row] for row in res.result_set]}


def _list(db):
    try:
        return db.list_graphs()
    except Exception:  # noqa: BLE001
        return []
