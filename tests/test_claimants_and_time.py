"""Claimant lists (queries, counts, claimants analysis, CSV round trip), --by-source, denials said
right in the CLI, and the time a claim was made (--time made|happened|happened-or-made)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import graph
from graph.analysis import claimants, timeline
from graph.cli import main
from graph.errors import QueryError
from graph.formats.tables import csv_tables
from graph.imports.csv_tables import csv_to_yaml
from tests.many_sources import dataset

YAML = """
sources:
  - {id: wh, title: White House briefing, kind: official statement, published: 2021-08-20}
  - {id: hill, title: Hearing, kind: news report, published: 2023-03, note: the stored text is a partial excerpt}
entities:
  - {id: USA, name: United States, kind: state}
  - {id: KIRBY, name: John Kirby, kind: person, part_of: USA}
  - {id: PRICE, name: Ned Price, kind: person, part_of: USA}
  - {id: ROE, name: Jane Roe, kind: person}
  - {id: TAL, name: Taliban, kind: de_facto_authority}
  - {id: EQ, name: US military equipment, kind: asset}
relations:
  - {id: not-left, subject: TAL, object: EQ, type: HOLDS, modality: denied, asserted_by: [KIRBY, PRICE],
     when: 2021-08, evidence: [{source: wh, quote: q}]}
  - {id: left, subject: TAL, object: EQ, type: HOLDS, modality: claimed, asserted_by: ROE,
     evidence: [{source: hill, quote: q}]}
  - {id: src-denies, subject: USA, object: TAL, type: AID, modality: denied, evidence: [{source: hill, quote: q}]}
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "d.yaml").write_text(YAML, encoding="utf-8")
    return str(tmp_path)


def run(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.output
    return r


def test_a_claim_with_two_claimants_is_found_by_either():
    ds = graph.loads(YAML)
    assert [r.id for r in ds.relations(asserted_by="PRICE")] == ["not-left"]
    assert [r.id for r in ds.relations(asserted_by="KIRBY")] == ["not-left"]
    assert [r.id for r in ds.relations(asserted_by="author")] == ["src-denies"]
    assert "PRICE" in ds.view(type="HOLDS", modality="denied").entities  # a view keeps every claimant
    assert ds.counts()["asserted by"] == {"KIRBY": 1, "PRICE": 1, "ROE": 1, "author": 1}
    c = claimants(ds)
    assert {g["claimant"]: g["relations"] for g in c.by_claimant} == {
        "KIRBY": ["not-left"],
        "PRICE": ["not-left"],
        "ROE": ["left"],
        "author": ["src-denies"],
    }
    assert graph.to_dict(ds.relation("not-left"))["asserted_by"] == ["KIRBY", "PRICE"]


def test_claimant_lists_survive_the_csv_round_trip():
    ds = graph.loads(YAML)
    t = csv_tables(ds)
    back = graph.loads(csv_to_yaml(t["entities"], t["relations"], t["sources"]))
    assert back.relation("not-left").claimants == ("KIRBY", "PRICE")
    assert [graph.to_dict(r) for r in back.relations()] == [graph.to_dict(r) for r in ds.relations()]


def test_long_says_who_denies(folder):
    out = run("relations", folder, "--long").output
    assert "modality:    denied by John Kirby (KIRBY) and Ned Price (PRICE)" in out
    assert "modality:    claimed, asserted by Jane Roe (ROE)" in out
    assert "modality:    denied by the source (it says this did not happen)" in out
    assert "(note on the source: the stored text is a partial excerpt)" in out
    assert "asserted by John Kirby" not in out


def test_relations_by_source(folder):
    out = run("relations", folder, "--by-source").output
    assert out.index("== wh: White House briefing (official statement; 2021-08-20): 1 relation") < out.index("not-left")
    assert "== hill: Hearing (news report; 2023-03; note: the stored text is a partial excerpt): 2 relations" in out
    assert out.rstrip().endswith("3 relations in 2 sources")
    d = json.loads(run("relations", folder, "--by-source", "--json").output)
    assert {k: [r["id"] for r in v] for k, v in d.items()} == {"wh": ["not-left"], "hill": ["left", "src-denies"]}


def test_claimants_by_source(folder):
    out = run("analyze", "claimants", folder, "--by-source").output
    i = out.index("wh -- White House briefing")
    assert "John Kirby (KIRBY):\n    not-left: denies that TAL HOLDS EQ" in out[i:]
    assert "Ned Price (PRICE):\n    not-left: denies that TAL HOLDS EQ" in out[i:]
    assert "note: the stored text is a partial excerpt" in out
    assert (
        json.loads(run("analyze", "claimants", folder, "--by-source", "--json").output)["by_source"][1]["note"]
        == "the stored text is a partial excerpt"
    )


def test_time_made_and_happened():
    ds = dataset()  # wh 2021-08-20, hill 2023-03, pm 2024-01-10, tal 2024-01-12, op 2025
    happened = {r.id for r in ds.relations(start="2021", end="2021")}
    assert happened == {"roe-tal-holds", "kirby-denies-holds", "op-usa-left", "hill-usa-left"}
    made = {r.id for r in ds.relations(start="2021", end="2021", time="made")}
    assert made == {"kirby-denies-holds", "wh-talks"}
    either = {r.id for r in ds.relations(start="2024-01", end="2024-01", time="happened-or-made")}
    assert either == {"pm-tal-arms-ttp", "spox-denies-arming", "pak-accuses-tal"}
    with pytest.raises(QueryError):
        ds.relations(time="said")
    t = timeline(ds, "TAL", time="happened-or-made")
    assert [(r.id, t._when(r)) for r in t][:3] == [
        ("kirby-denies-holds", "2021-08"),
        ("roe-tal-holds", "2021-08"),
        ("wh-talks", "2021-08-20 (made)"),
    ]
    d = t.to_dict()
    assert [x["time"] for x in d["dated"]][:3] == ["happened", "happened", "made"]
    assert [r.id for r in timeline(ds, "TAL", time="made")][0] == "kirby-denies-holds"
    assert timeline(ds, "TAL").undated and not timeline(ds, "TAL", time="made").undated


def test_time_on_the_cli(folder):
    ids = lambda *a: [r["id"] for r in json.loads(run("relations", folder, "--json", *a).output)]  # noqa: E731
    assert ids("--end", "2022") == ["not-left"]
    assert ids("--start", "2023", "--time", "made") == ["left", "src-denies"]
    assert ids("--start", "2023", "--time", "happened-or-made") == ["left", "src-denies"]
    out = run("analyze", "timeline", "TAL", folder, "--time", "happened-or-made").output
    assert "2023-03 (made)" in out and "2021-08 " in out
    out = run("analyze", "timeline", "TAL", folder, "--time", "made").output
    assert out.splitlines()[1].startswith("(placed at when each claim was made")
    assert run("relations", folder, "--time", "someday").exit_code == 2
