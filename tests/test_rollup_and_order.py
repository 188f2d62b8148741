"""Roll-up with one meaning everywhere, merged claims, validate --warn-duplicates, and claims in time order
(on the hand-built many-sources dataset and small YAML fixtures; CLI and Python)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import graph
from graph.analysis import claimants, compare, contested, discourse, timeline
from graph.analysis.merge import merged_claims, roll_up_map, rolled
from graph.analysis.order import sort_relations
from graph.cli import main
from graph.errors import QueryError
from tests.many_sources import dataset

YAML = """
sources:
  - {id: late, title: Late, published: 2023-11}
  - {id: month, title: Month, published: 2023-09}
  - {id: day, title: Day, published: 2023-09-14}
  - {id: undated, title: Undated}
entities:
  - {id: USA, name: United States, kind: state}
  - {id: USA-WH, name: White House, kind: office, part_of: USA}
  - {id: SPOX, name: A spokesperson, kind: person, part_of: USA-WH}
  - {id: MCCAUL, name: A lawmaker, kind: person, part_of: USA}
  - {id: AFG, name: Afghanistan, kind: state}
  - {id: TAL, name: Taliban, kind: de_facto_authority}
relations:
  - {id: m1, subject: TAL, object: USA, type: ACCUSE, modality: claimed, asserted_by: MCCAUL, when: 2021,
     evidence: [{source: late, quote: first quote}]}
  - {id: m2, subject: TAL, object: USA, type: ACCUSE, modality: claimed, asserted_by: MCCAUL, when: 2021,
     evidence: [{source: late, quote: second quote}]}
  - {id: m3, subject: TAL, object: USA, type: ACCUSE, modality: claimed, asserted_by: MCCAUL,
     evidence: [{source: late, quote: third quote}]}
  - {id: wh-left, subject: USA-WH, object: AFG, type: RETREAT, modality: reported, when: 2021-08,
     evidence: [{source: month, quote: q}]}
  - {id: us-left, subject: USA, object: AFG, type: RETREAT, modality: reported, when: 2021-08,
     evidence: [{source: day, quote: q}]}
  - {id: spox-talks, subject: USA, object: TAL, type: CONSULT, modality: denied, asserted_by: SPOX,
     evidence: [{source: day, quote: q}]}
  - {id: nodate, subject: TAL, object: AFG, type: CONSULT, modality: reported, evidence: [{source: undated, quote: q}]}
"""


@pytest.fixture
def ds():
    return graph.loads(YAML)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "d.yaml").write_text(YAML, encoding="utf-8")
    return str(tmp_path)


def run(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.output
    return r


# -- roll-up: one function, the whole chain, in views too -----------------------------------------


def test_roll_up_follows_the_whole_chain_even_in_a_view(ds):
    assert roll_up_map(ds) == {"USA-WH": "USA", "SPOX": "USA", "MCCAUL": "USA"}
    view = ds.view(asserted_by="SPOX")  # keeps SPOX and USA, leaves out USA-WH
    assert "USA-WH" not in view.entities and rolled(view)("SPOX") == "USA"
    assert [(e["by"], e.get("as")) for e in contested(view, roll_up=True).groups[0].denied] == [("USA", ["SPOX"])]


def test_roll_up_means_the_same_in_every_analysis(ds):
    # the White House's withdrawal and the United States' are one group; SPOX and MCCAUL are the United States
    assert [g.key for g in contested(ds, roll_up=True).corroborated] == [("USA", "RETREAT", "AFG")]
    assert ("USA", "RETREAT", "AFG") not in [g.key for g in contested(ds).corroborated]
    c = compare(ds, "month", "day", roll_up=True)
    assert [(m["subject"], m["a"], m["b"]) for m in c.shared] == [("USA", ["wh-left"], ["us-left"])]
    assert compare(ds, "month", "day").shared == []
    by = {g["claimant"]: g for g in claimants(ds, roll_up=True).by_claimant}
    assert by["USA"]["as"] == ["MCCAUL", "SPOX"] and by["USA"]["count"] == 2  # McCaul's three quotes: once
    assert discourse(ds, roll_up=True).claimants == ["USA", "author:day", "author:month", "author:undated"]
    t = timeline(ds, "SPOX", roll_up=True)
    assert t.actors == ("USA",) and {r.id for r in t} == {"m1", "m2", "wh-left", "us-left"}
    assert t.to_dict()["dated"][0]["coded"]["claimants"] == ["MCCAUL"]


def test_roll_up_on_the_cli(folder):
    d = json.loads(run("analyze", "compare", folder, "--by", "claimant", "--roll-up", "--json").output)
    assert d["by"] == "claimant" and "USA" in d["claimants"] and "MCCAUL" not in d["claimants"]
    d = json.loads(run("analyze", "compare", folder, "--by", "claimant", "--json").output)
    assert {"MCCAUL", "SPOX", "author:day"} <= set(d["claimants"])
    out = run("analyze", "claimants", folder, "--roll-up").output
    assert "USA       United States" in out
    out = run("analyze", "timeline", "USA", folder, "--roll-up").output
    assert out.startswith("Timeline of the claims about or made by USA (United States), an office or person")
    out = run("relations", folder, "--roll-up", "--type", "CONSULT").output
    assert "USA (SPOX)" in out
    rows = json.loads(run("relations", folder, "--roll-up", "--json", "--type", "RETREAT").output)
    assert [r["roll_up"] for r in rows] == [{"subject": "USA", "object": "AFG", "claimants": ["author"]}] * 2
    d = json.loads(run("analyze", "contested", folder, "--roll-up", "--json").output)
    assert any(g["subject"] == "USA" and g["type"] == "RETREAT" and g["corroborated"] for g in d["groups"])
    assert run("analyze", "compare", "late", folder).exit_code == 2  # by source: two or more


def test_compare_by_claimant_on_the_hand_built_sources():
    c = compare(dataset(), "wh", "hill", "pm", "tal", "op", by="claimant")
    g = next(g for g in c.groups if (g["subject"], g["type"], g["object"]) == ("TAL", "HOLDS", "US-EQUIP"))
    assert {k: v["stance"] for k, v in g["cells"].items() if v["stance"] != "omits"} == {
        "ROE": "asserts",
        "KIRBY": "denies",
    }
    # the op-ed's own voice asserts and denies nothing here but speculates TAL AID TTP
    aid = next(g for g in c.groups if g["type"] == "AID")
    assert aid["cells"]["author:op"]["stance"] == "other"
    assert "C1 = KIRBY (John Kirby)" in str(c)
    with pytest.raises(QueryError, match="source or claimant"):
        compare(dataset(), "wh", "hill", by="author")


# -- merged claims and the warning ---------------------------------------------------------------


def test_a_claim_coded_once_per_quote_counts_once(ds):
    [m] = [m for m in merged_claims(ds) if m.claimant == "MCCAUL"]
    assert m.relations == ("m1", "m2", "m3") and m.quotes == ("first quote", "second quote", "third quote")
    g = next(g for g in contested(ds).groups if g.type == "ACCUSE")
    assert len(g.asserted) == 1 and g.asserted[0]["relations"] == ["m1", "m2", "m3"]
    by = {x["claimant"]: x for x in claimants(ds).by_claimant}
    assert by["MCCAUL"]["count"] == 1 and by["MCCAUL"]["relations"] == ["m1", "m2", "m3"]
    late = next(s for s in claimants(ds).by_source if s["source"] == "late")
    assert late["count"] == 1
    assert claimants(ds).to_pandas().set_index("claimant").loc["MCCAUL", "count"] == 1


def test_validate_warns_of_repeated_claims_with_both_places(folder):
    r = run("validate", folder, "--warn-duplicates")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0].endswith("valid: 6 entities, 7 relations, 4 sources in 1 file")
    assert lines[1].startswith(f"{folder}/d.yaml:17:5: warning: claim 'm2' repeats claim 'm1' ({folder}/d.yaml:15:5)")
    assert "TAL ACCUSE USA, claimed, by MCCAUL, in source late; analyses count them once" in lines[1]
    assert lines[2].startswith(f"{folder}/d.yaml:19:5: warning: claim 'm3' repeats claim 'm1'")
    assert "(when: 2021 and none)" in lines[2]
    assert lines[3].startswith("2 warnings:")
    assert run("validate", folder).output.count("warning") == 0  # only when asked


def test_validate_warn_duplicates_keeps_the_exit_code_of_invalid_data(tmp_path):
    (tmp_path / "d.yaml").write_text(YAML.replace("type: CONSULT, modality: denied", "type: NOPE, modality: denied"))
    r = run("validate", str(tmp_path), "--warn-duplicates")
    assert r.exit_code == 1 and "warning" not in r.output


# -- order in time ---------------------------------------------------------------------------------


def test_sort_said_puts_a_day_before_its_month_and_is_stable(ds):
    said = [r.id for r in sort_relations(ds, ds.relations(), "said")]
    # day (2023-09-14) before month (2023-09) before late (2023-11); undated last; in a source by when
    # (undated last), then id
    assert said == ["us-left", "spox-talks", "wh-left", "m1", "m2", "m3", "nodate"]
    assert [r.id for r in sort_relations(ds, list(reversed(ds.relations())), "said")] == said
    when = [r.id for r in sort_relations(ds, ds.relations(), "when")]
    # 2021 starts before 2021-08; same date: by when said (day before month), then id; undated last, by said
    assert when == ["m1", "m2", "us-left", "wh-left", "spox-talks", "m3", "nodate"]
    by_source = [r.id for r in sort_relations(ds, ds.relations(), "source")]
    assert by_source == ["us-left", "spox-talks", "wh-left", "m1", "m2", "m3", "nodate"]
    with pytest.raises(QueryError, match="when, said, source"):
        sort_relations(ds, [], "published")


def test_relations_sort_on_the_cli(folder):
    ids = lambda *a: [r["id"] for r in json.loads(run("relations", folder, "--json", *a).output)]  # noqa: E731
    assert ids("--sort", "said") == ["us-left", "spox-talks", "wh-left", "m1", "m2", "m3", "nodate"]
    assert ids("--sort", "when", "--type", "RETREAT") == ["us-left", "wh-left"]
    assert run("relations", folder, "--sort", "never").exit_code == 2
    out = run("relations", folder, "--sort", "source", "--by-source").output
    assert out.index("== day") < out.index("== month") < out.index("== late")
