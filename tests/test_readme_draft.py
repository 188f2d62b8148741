"""The walkthrough of docs/adding-articles.md ("Adding a new article") runs and prints what the page shows.

Every console command of the page is run, in order, in a fresh copy of data/ (as CliRunner
commands), and its output must be what the page shows. ``actorgraph review`` is interactive: in
its place the test makes the decisions the page describes, through the same session the page
saves with.
"""

from __future__ import annotations

import shlex
import shutil

from click.testing import CliRunner

import graph
from graph.cli import main
from graph.review import ReviewSession
from tests.conftest import DATA, ROOT
from tests.docs import console_commands, page


def commands():
    """(command, expected output lines) of every console block of the page, in order."""
    return console_commands(page("adding-articles.md"))


def review_as_the_page_says(draft):
    s = ReviewSession(draft)
    st = s.state()
    assert len(st["relations"]) == 8
    for r in st["relations"]:
        r["status"] = "accepted"
    assert [n["name"] for n in st["mentioned"]] == ["Taftan"]  # in no candidate: not proposed, offered apart
    for e in st["entities"]:
        e["status"] = "accepted"
    result = s.save({"relations": st["relations"], "entities": st["entities"]})
    assert result["ok"], result


def test_the_walkthrough(tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "tests" / "draft").mkdir(parents=True)
    shutil.copytree(ROOT / "tests" / "draft" / "pages", tmp_path / "tests" / "draft" / "pages")
    monkeypatch.chdir(tmp_path)
    cmds = commands()
    assert [c.split()[:2] for c, _ in cmds] == [
        ["actorgraph", "new-source"],
        ["actorgraph", "draft"],
        ["actorgraph", "review"],
        ["actorgraph", "validate"],
        ["actorgraph", "relations"],
        ["actorgraph", "render"],
        ["actorgraph", "quote"],
    ]
    for cmd, expected in cmds:
        argv = shlex.split(cmd)
        if argv[1] == "review":
            assert expected[0] == f"reviewing {argv[2]}; accepted claims go into data/border-shelling-2026.yaml"
            review_as_the_page_says(argv[2])
            continue
        r = CliRunner().invoke(main, argv[1:])
        assert r.exit_code == (1 if argv[1] == "quote" else 0), r.output
        got = r.output.rstrip("\n").split("\n")
        if expected:  # render prints the page's absolute path: the docs show no output
            assert got == expected, cmd
    assert (tmp_path / "out" / "actorgraph.html").exists()
    # the accepted claims are data now: dated, with every quote, the denial pointing back included
    ds = graph.load("data")
    denied = [r for r in ds.relations(source="border-shelling-2026") if r.modality == "denied"]
    assert [(r.subject, r.type, r.object, r.asserted_by) for r in denied] == [
        ("PAK", "ASSAULT", "IRN", "PAK"),
        ("PAK", "ASSAULT", "IRN", "PAK-FO"),
    ]  # the headline's and the body's
