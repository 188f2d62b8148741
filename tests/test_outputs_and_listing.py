"""Outputs never land in the data (draft, import, render), and a long list of problems stays readable.

(Hardening II, items 5 and 9.)
"""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from tests.conftest import ROOT

TEXT = ROOT / "tests" / "draft" / "ministries.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def work(tmp_path, seed_copy, monkeypatch):
    seed_copy(tmp_path / "data")
    shutil.copy(TEXT, tmp_path / "data" / "texts" / "ministries.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- item 5 -------------------------------------------------------------------------------------------


def test_draft_refuses_an_output_in_the_data_folder_of_a_data_file(work):
    before = _snapshot(work / "data")
    r = run("draft", "data/texts/ministries.txt", "data/seed/entities.yaml", "-o", "data/seed/draft.yaml")
    assert r.exit_code == 2 and "is inside the data folder data/seed" in r.output, r.output
    assert _snapshot(work / "data") == before
    assert graph.check("data")[1] == []


def test_a_csv_import_never_replaces_a_file(work):
    (work / "out").mkdir()
    assert run("export", "data", "--format", "csv", "-o", "out/seed").exit_code == 0
    before = _snapshot(work / "data")
    r = run("import", "out/seed-entities.csv", "out/seed-relations.csv", "-o", "data/seed/entities.yaml")
    assert r.exit_code == 1 and "exists already" in r.output and "nothing was written" in r.output
    assert _snapshot(work / "data") == before
    r = run("import", "out/seed", "-o", "out/new.yaml")
    assert r.exit_code == 0 and (work / "out" / "new.yaml").is_file()


@pytest.mark.parametrize("target", ["other/kirby.yaml", "other/texts/note.txt", "other/new.yaml", "out/page.jsonl"])
def test_render_never_writes_over_data_that_is_not_its_input(work, target):
    other = work / "other"  # another data folder: not an input of this render
    (other / "texts").mkdir(parents=True)
    (other / "kirby.yaml").write_text("entities:\n  - {id: KIR, name: Kirby, kind: person}\n", encoding="utf-8")
    (other / "texts" / "note.txt").write_text("A constructed note.\n", encoding="utf-8")
    (work / "out").mkdir()
    before = _snapshot(other)
    r = run("render", "data", "-o", target)
    assert r.exit_code == 1 and "refusing to write the page to " + target in r.output, r.output
    assert _snapshot(other) == before and not (work / "out" / "page.jsonl").exists()
    assert graph.check("other")[1] == []


def test_render_replaces_its_own_page(work):
    assert run("render", "data", "-o", "out/page.html").exit_code == 0
    r = run("render", "data", "-o", "out/page.html", "--focus", "PAK")
    assert r.exit_code == 0, r.output


# -- item 9 -------------------------------------------------------------------------------------------


def _many_problems(folder, n):
    folder.mkdir()
    rows = "".join(
        f"  - {{id: r{i}, subject: NOBODY{i % 7}, object: NOBODY, type: CONSULT, modality: reported, "
        "evidence: [{source: s1, quote: q}]}\n"
        for i in range(n)
    )
    (folder / "a.yaml").write_text("sources: [{id: s1, title: T}]\nrelations:\n" + rows, encoding="utf-8")


def test_a_long_list_of_problems_shows_the_first_of_each_kind_and_counts_the_rest(tmp_path):
    _many_problems(tmp_path / "d", 3000)
    r = run("validate", tmp_path / "d")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert len(lines) == 20 + 1 + 1  # one kind (an unknown entity) here: 20 listed, a count, the total
    assert lines[20].startswith("... and 5,980 more like: ")
    assert lines[-1] == (
        f"6,000 problems: the data at {tmp_path / 'd'} is not valid (5,980 not listed: the first 20 "
        f"of each kind are; actorgraph validate --all {tmp_path / 'd'} lists every one)"
    )
    every = run("validate", tmp_path / "d", "--all")
    assert every.exit_code == 1 and len(every.stderr.splitlines()) == 6000 + 1
    # every command that loads the data lists them the same way, and says how to see them all
    r = run("info", tmp_path / "d")
    assert r.exit_code == 1 and len(r.stderr.splitlines()) == 22 and "validate --all" in r.stderr


def test_problems_never_print_control_characters(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a\x1b]0;owned\x07.yaml").write_text("entities: [{id: X}]\n", encoding="utf-8")
    r = run("validate", tmp_path / "d")
    assert r.exit_code == 1
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert "a\\x1b]0;owned\\x07.yaml" in r.stderr
    assert os.path.exists(tmp_path / "d" / "a\x1b]0;owned\x07.yaml")


def test_a_name_with_a_terminal_escape_never_reaches_the_terminal(tmp_path):
    """(Item 1: JSON Lines let control characters through, and neighbours printed them raw.)"""
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.yaml").write_text("sources: [{id: s1, title: T}]\n", encoding="utf-8")
    (tmp_path / "d" / "x.entities.jsonl").write_text(
        '{"id": "PAK", "name": "Pakistan", "kind": "state"}\n'
        '{"id": "EVIL", "name": "Evil\\u001b]0;owned\\u0007 Corp", "kind": "organisation"}\n',
        encoding="utf-8",
    )
    for args in (["neighbours", "PAK", tmp_path / "d"], ["info", tmp_path / "d"], ["validate", tmp_path / "d"]):
        r = run(*args)
        assert r.exit_code == 1 and "\x1b" not in r.output and "\x07" not in r.output, r.output
        assert "x.entities.jsonl:2: the text holds the control character U+001B (in the text of 'name')" in r.output
