"""examples/many-sources: constructed, marked, with the claims the docs show; docs/reading-across-sources.md
("Reading across sources") prints what the commands print; data/ holds only real sources."""

from __future__ import annotations

import shlex
from pathlib import Path

from click.testing import CliRunner

import graph
from graph.analysis import claimants, compare, contested, discourse
from graph.cli import main
from tests.conftest import DATA
from tests.docs import console_commands, page

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "many-sources"


def test_the_example_is_valid_and_constructed():
    ds = graph.load(EXAMPLE)
    constructed = [s for s in ds.sources.values() if s.text]
    assert len(constructed) == 6
    for s in constructed:
        assert s.kind == "other" and "constructed example" in s.note.lower()
        text = Path(s.text_path).read_text(encoding="utf-8")
        assert text.startswith("CONSTRUCTED EXAMPLE. This text was written for the actorgraph project")
        assert len(text) < 2000
    # the seed article's claims keep their ids and quotes
    seed = graph.load(DATA)
    for r in ds.relations(source="oped-2025-us-equipment-afghanistan"):
        assert graph.to_dict(seed.relation(r.id)) == graph.to_dict(r)  # copied as they are
    # the people quoted in the constructed texts are fictional, and say so
    for eid in ("EX-WHITFIELD", "EX-OKAFOR", "EX-HAQMAL"):
        assert "fictional" in ds.entities[eid].description


def test_the_example_has_what_the_issue_asks_for():
    ds = graph.load(EXAMPLE)
    c = contested(ds)
    # a claim corroborated by two sources
    corr = {g.key: g for g in c.corroborated}
    assert len({e["source"] for e in corr[("TAL", "HOLDS", "US-EQUIPMENT")].asserted}) == 3
    # a claim asserted by one named claimant and denied by another
    g = next(g for g in c.contested if g.key == ("USA", "ORIGIN_OF", "US-EQUIPMENT"))
    assert "EX-OKAFOR" in [e["by"] for e in g.asserted] and [e["by"] for e in g.denied] == ["EX-WHITFIELD"]
    assert [x.key for x in c.contested] == [
        ("TAL", "AID", "TTP"),
        ("TTP", "HOLDS", "US-EQUIPMENT"),
        ("USA", "ORIGIN_OF", "US-EQUIPMENT"),
    ]
    # two claimants of one claim count for each
    by = {x["claimant"]: x["relations"] for x in claimants(ds).by_claimant}
    assert "pak-tal-armed-ttp" in by["PAK-PM"] and "pak-tal-armed-ttp" in by["PAK-FO"]
    m = compare(ds, *ds.sources)
    assert [x["contested"] for x in m.groups[:4]] == [True, True, True, False]
    # who sides with whom: Pakistan's account against the Taliban's, in two camps of several claimants
    d = discourse(ds)
    assert {"PAK-PM", "PAK-FO", "EX-OKAFOR", "author:example-monitors-2024-06"} <= set(d.camps[0])
    assert {"TAL-SPOKESPERSON", "EX-HAQMAL", "author:example-editorial-2024-07"} <= set(d.camps[1])
    r = discourse(ds, roll_up=True)
    assert {"PAK", "USA"} <= set(r.camps[0]) and "TAL" in r.camps[1]


def test_the_seed_holds_only_real_sources():
    """(The seed the project ships: an analyst's own articles in data/ are theirs.)"""
    ds = graph.load(DATA)
    for s in ds.sources.values():
        assert s.kind != "other" and "constructed" not in (s.note or "").lower()
    for p in DATA.rglob("*"):
        if p.is_file():
            assert "CONSTRUCTED EXAMPLE" not in p.read_text(encoding="utf-8", errors="replace")


def _section_commands():
    text = page("reading-across-sources.md")
    assert "](many-sources.png)" in text and (ROOT / "docs" / "many-sources.png").is_file()
    return console_commands(text)


def test_readme_section_shows_the_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    commands = _section_commands()
    assert {c.split()[1] + " " + c.split()[2] for c, _ in commands} >= {
        "analyze contested",
        "analyze claimants",
        "relations examples/many-sources",
        "analyze compare",
    }
    for command, expected in commands:
        argv = shlex.split(command, comments=True)
        assert argv[0] == "actorgraph"
        result = CliRunner().invoke(main, argv[1:])
        assert result.exit_code == 0, (command, result.output)
        got = result.output.splitlines()
        while got and got[-1] == "":
            got.pop()
        if expected and expected[-1] == "...":
            assert got[: len(expected) - 1] == expected[:-1], command
        else:
            assert got == expected, command
    assert len(commands) >= 7
