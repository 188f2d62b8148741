"""The README's "Adding a new article" walkthrough runs and prints what the README shows.

Every console command of the section is run, in order, in a fresh copy of data/ (as CliRunner
commands; ``cp`` as a copy). ``actorgraph review`` is interactive: in its place the test makes
the decisions the README describes, through the same session the page saves with.
"""

from __future__ import annotations

import re
import shlex
import shutil

from click.testing import CliRunner

from graph.cli import main
from graph.review import ReviewSession

from tests.conftest import DATA, ROOT


def section():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## Adding a new article"):text.index("<!-- END foundation -->")]


def commands():
    """(command, expected output lines) of every console block of the section, in order."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", section(), flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            lines = chunk.rstrip("\n").split("\n")
            out.append((lines[0], lines[1:]))
    return out


def review_as_the_readme_says(draft):
    s = ReviewSession(draft)
    st = s.state()
    for r in st["relations"]:
        for f in ("subject", "object"):
            if r[f] == "KABUL":
                r[f] = "AFG"
        r["status"] = "accepted" if r["confidence"] >= 0.55 else "rejected"
    for e in st["entities"]:
        e["status"] = "accepted" if e["name"] in ("Qatar", "Abdul Wali Karimi") else "rejected"
        e["kind"] = {"Qatar": "state", "Abdul Wali Karimi": "person"}.get(e["name"], e["kind"])
    result = s.save({"relations": st["relations"], "entities": st["entities"]})
    assert result["ok"], result


def test_the_walkthrough(tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "benchmarks").mkdir()
    shutil.copytree(ROOT / "benchmarks" / "draft_gold", tmp_path / "benchmarks" / "draft_gold")
    monkeypatch.chdir(tmp_path)
    cmds = commands()
    assert [c.split()[:2] for c, _ in cmds] == [
        ["cp", "benchmarks/draft_gold/border-clash.txt"], ["actorgraph", "new-source"], ["actorgraph", "draft"],
        ["actorgraph", "review"], ["actorgraph", "validate"], ["actorgraph", "relations"], ["actorgraph", "render"],
        ["actorgraph", "quote"]]
    for cmd, expected in cmds:
        argv = shlex.split(cmd)
        if argv[0] == "cp":
            shutil.copy(argv[1], argv[2])
            continue
        if argv[1] == "review":
            assert expected[0] == f"reviewing {argv[2]}; accepted claims go into data/border-clash-2026.yaml"
            review_as_the_readme_says(argv[2])
            continue
        r = CliRunner().invoke(main, argv[1:])
        assert r.exit_code == (1 if argv[1] == "quote" else 0), r.output
        got = r.output.rstrip("\n").split("\n")
        if expected:
            assert got == expected, cmd
    assert (tmp_path / "out" / "actorgraph.html").exists()
