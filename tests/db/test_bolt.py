"""The Bolt path (Neo4j, Memgraph) without a server: a stand-in driver records what the backend sends.

There is no Neo4j server on these machines. These tests check that a push sends
FalkorDB's very statements, with every value as a parameter of plain types a
Bolt server accepts, inside one transaction committed at the end (rolled back on
a failure), and that driver errors become one-line messages.
"""

from __future__ import annotations

import json

import pytest

import graph
import graph.db
from graph.db import bolt
from graph.db import statements as st
from graph.db.sync import sync
from graph.errors import DatabaseError

try:
    import neo4j
except ImportError:  # pragma: no cover
    import os

    if os.environ.get("CI"):
        raise
    pytest.skip('the neo4j driver is not installed (pip install -e ".[neo4j]")', allow_module_level=True)


class FakeResult(list):
    def __init__(self, rows, keys=()):
        super().__init__(FakeRecord(r) for r in rows)
        self._keys = list(keys)

    def keys(self):
        return self._keys

    def consume(self):
        return None


class FakeRecord:
    def __init__(self, values):
        self._values = list(values)

    def values(self):
        return list(self._values)


class FakeTx:
    def __init__(self, log, fail_on=None, there=None):
        self.log, self.fail_on, self.there, self._closed = log, fail_on, there or {}, False

    def run(self, statement, params=None):
        self.log.append(("tx.run", statement, params))
        if self.fail_on and self.fail_on in statement:
            raise neo4j.exceptions.ServiceUnavailable("Connection to 127.0.0.1:7687 lost")
        return FakeResult(self.there.get(statement, []), keys=["x"])

    def commit(self):
        self.log.append(("commit",))
        self._closed = True

    def rollback(self):
        self.log.append(("rollback",))
        self._closed = True

    def closed(self):
        return self._closed


class FakeSession:
    def __init__(self, log, kwargs, tx):
        self.log, self.kwargs, self.tx = log, kwargs, tx

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.log.append(("session.close",))

    def run(self, statement, params=None):
        self.log.append(("session.run", statement, params))
        return FakeResult([])

    def begin_transaction(self):
        self.log.append(("begin",))
        return self.tx

    def execute_read(self, work):
        self.log.append(("execute_read",))
        return work(self.tx)

    def execute_write(self, work):
        self.log.append(("execute_write",))
        return work(self.tx)


class FakeDriver:
    def __init__(self, log, tx, connect_error=None):
        self.log, self.tx, self.connect_error = log, tx, connect_error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.log.append(("driver.close",))

    def verify_connectivity(self):
        if self.connect_error:
            raise self.connect_error

    def session(self, **kwargs):
        self.log.append(("session", kwargs))
        return FakeSession(self.log, kwargs, self.tx)


@pytest.fixture
def fake(monkeypatch):
    state = {"log": [], "urls": [], "tx": None, "connect_error": None}

    def make(u):
        state["urls"].append(u)
        state["tx"] = state["tx"] or FakeTx(state["log"])
        return FakeDriver(state["log"], state["tx"], state["connect_error"])

    monkeypatch.setattr(bolt, "driver", make)
    return state


def plain(v):
    """Only the value types a Bolt server stores or takes as parameters (no None inside lists)."""
    if isinstance(v, dict):
        return all(isinstance(k, str) and plain(x) for k, x in v.items())
    if isinstance(v, list):
        return all(x is not None and plain(x) for x in v)
    return v is None or isinstance(v, (str, int, float, bool))


def falkordb_statements(ds, empty):
    calls = []
    sync(ds, lambda s, p=None: calls.append((s, p)) or [], empty=empty)
    return calls


def test_push_sends_falkordbs_statements_in_one_transaction(fake, seed_ds):
    counts = graph.db.push(seed_ds, "bolt://neo4j:s3cret@db.example:7687/claims")
    assert (counts["entities"], counts["relations"], counts["sources"]) == (18, 42, 1)
    u = fake["urls"][0]
    assert (u.driver_url(), u.user, u.password, u.graph) == ("bolt://db.example:7687", "neo4j", "s3cret", "claims")
    log = fake["log"]
    assert ("session", {"database": "claims"}) in log
    begin = log.index(("begin",))
    assert [e[1] for e in log[:begin] if e[0] == "session.run"] == [neo for neo, _ in bolt.INDEXES]
    sent = [(e[1], e[2]) for e in log if e[0] == "tx.run"]
    assert sent == [(s, p or {}) for s, p in falkordb_statements(seed_ds, empty=False)]
    assert log[-3:] == [("commit",), ("session.close",), ("driver.close",)]
    assert log.count(("commit",)) == 1 and ("rollback",) not in log
    for statement, params in sent:
        assert "'" not in statement and '"' not in statement  # no data in the statement text
        assert plain(params), statement
    rows = [r for s, p in sent if s.startswith("UNWIND") and "-[r:" in s for r in p["rows"]]
    assert sorted(r["id"] for r in rows) == sorted(r.id for r in seed_ds.relations())
    one = next(r for r in rows if r["id"] == "pak-ready-to-strengthen-ties-usa-fo-claim-2025")
    assert one["props"]["claimants"] == ["PAK-FO"] and one["props"]["when_start"] == "2025-01-01"
    assert json.loads(one["props"]["evidence"])[0]["source"] == "oped-2025-us-equipment-afghanistan"


def test_push_deletes_what_the_database_has_and_the_data_does_not(fake, seed_ds):
    fake["tx"] = FakeTx(
        fake["log"],
        there={
            st.READ_SOURCES: [["old-source"]],
            st.READ_ENTITIES: [["PAK", "state"], ["GONE", "state"], ["TAL", "state"]],  # TAL's kind changed
            st.READ_RELATIONS: [["old-claim", "AID", "PAK", "GONE"]],
        },
    )
    counts = graph.db.push(seed_ds, "neo4j://localhost")
    assert (counts["deleted relations"], counts["deleted entities"], counts["deleted sources"]) == (1, 2, 1)
    sent = {e[1]: e[2] for e in fake["log"] if e[0] == "tx.run"}
    assert sent[st.DELETE_RELATIONS] == {"rows": [{"id": "old-claim", "subject": "PAK", "object": "GONE"}]}
    assert sent[st.DELETE_ENTITIES] == {"ids": ["GONE", "TAL"]} and sent[st.DELETE_SOURCES] == {"ids": ["old-source"]}


def test_a_failed_push_is_rolled_back(fake, seed_ds):
    fake["tx"] = FakeTx(fake["log"], fail_on="-[r:")
    with pytest.raises(DatabaseError) as err:
        graph.db.push(seed_ds, "bolt://neo4j:pw@127.0.0.1:7687")
    assert str(err.value) == (
        "cannot reach the database at bolt://neo4j@127.0.0.1:7687: Connection to "
        "127.0.0.1:7687 lost; the database is unchanged"
    )
    assert ("rollback",) in fake["log"] and ("commit",) not in fake["log"]


@pytest.mark.parametrize(
    "exc, message",
    [
        (
            neo4j.exceptions.ServiceUnavailable("Couldn't connect to 127.0.0.1:7687"),
            "cannot reach the database at bolt://neo4j@127.0.0.1:7687: Couldn't connect to 127.0.0.1:7687",
        ),
        (
            neo4j.exceptions.Neo4jError._hydrate_neo4j(code="Neo.ClientError.Security.Unauthorized", message="bad"),
            "the database at bolt://neo4j@127.0.0.1:7687 refused the user name or password",
        ),
        (
            neo4j.exceptions.Neo4jError._hydrate_neo4j(
                code="Neo.ClientError.Statement.SyntaxError", message="Invalid input 'R'"
            ),
            "Cypher syntax error: Invalid input 'R'",
        ),
        (
            neo4j.exceptions.Neo4jError._hydrate_neo4j(code="Neo.ClientError.Database.DatabaseNotFound", message="x"),
            "there is no database (the server's default) at bolt://neo4j@127.0.0.1:7687",
        ),
    ],
)
def test_driver_errors_are_one_line(fake, exc, message):
    fake["connect_error"] = exc
    with pytest.raises(DatabaseError) as err:
        graph.db.push(graph.example(), "bolt://127.0.0.1:7687")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_query_reads_unless_write_and_passes_parameters(fake):
    fake["tx"] = FakeTx(fake["log"], there={"MATCH (n {id: $id}) RETURN n.id": [["PAK"]]})
    res = graph.db.query("MATCH (n {id: $id}) RETURN n.id", {"id": "PAK"}, "bolt://localhost:7687")
    assert res == {"columns": ["x"], "rows": [["PAK"]]}
    assert ("session", {"database": None, "default_access_mode": neo4j.READ_ACCESS}) in fake["log"]
    assert ("execute_read",) in fake["log"]
    assert ("tx.run", "MATCH (n {id: $id}) RETURN n.id", {"id": "PAK"}) in fake["log"]
    graph.db.query("CREATE (:X)", url="bolt://localhost:7687", write=True)
    assert ("execute_write",) in fake["log"]


def test_a_write_refused_in_read_mode_says_pass_write():
    exc = neo4j.exceptions.Neo4jError._hydrate_neo4j(
        code="Neo.ClientError.Statement.AccessMode", message="Writing in read access mode not allowed"
    )
    assert "pass --write" in str(bolt.translate(exc, "bolt://x:7687"))
