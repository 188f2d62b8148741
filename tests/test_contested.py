"""analyze contested: the verdicts worked out by hand (tests/many_sources.py), the JSON, the report, the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import graph
from graph.analysis import contested
from graph.analysis.contested import verdicts
from graph.cli import main
from graph.dataset import Dataset
from tests.many_sources import CONTESTED, CONTESTED_ROLLED, CORROBORATED, ENTITIES, SOURCES, dataset, rel


@pytest.fixture(scope="module")
def ds():
    return dataset()


def keys(groups):
    return sorted(g.key for g in groups)


def test_the_verdicts_worked_out_by_hand(ds):
    c = contested(ds)
    assert keys(c.contested) == CONTESTED
    assert keys(c.corroborated) == CORROBORATED
    assert not any(g.contested and g.corroborated for g in c.groups)
    # contested first, then corroborated, then the rest
    verdicts = [(not g.contested, not g.corroborated) for g in c.groups]
    assert verdicts == sorted(verdicts)
    assert len(c.groups) == 11  # 17 relations in 11 groups


def test_roll_up_joins_an_office_and_a_person_with_their_state(ds):
    c = contested(ds, roll_up=True)
    assert keys(c.contested) == CONTESTED_ROLLED
    g = next(g for g in c.groups if g.key == ("USA", "CONSULT", "TAL"))
    assert [e["relations"] for e in g.asserted] == [["wh-talks"]]
    # the claimants roll up too, and say who spoke as coded
    assert [(e["by"], e["as"]) for e in g.denied] == [("USA", ["ROE"])]
    assert [(e["by"], e["as"]) for e in g.asserted] == [("USA", ["KIRBY"])]
    assert keys(c.corroborated) == CORROBORATED
    # the prime minister and the foreign office are Pakistan: one entry per source, not two
    accuse = next(g for g in c.groups if g.key == ("PAK", "ACCUSE", "TAL"))
    assert [(e["by"], e["source"], e["as"]) for e in accuse.asserted] == [
        ("PAK", "pm", ["PAK-PM", "PAK-FO"]),
        ("PAK", "op", ["PAK-PM", "PAK-FO"]),
    ]
    assert "denied by      United States (as Jane Roe), in hill (roe-no-talks)" in str(c)


def test_reasons_and_stances(ds):
    by_key = {g.key: g for g in contested(ds).groups}
    assert by_key[("USA", "SUPPORT", "PAK")].reasons == ["assertions disagree in polarity sign"]
    assert by_key[("TAL", "HOLDS", "US-EQUIP")].reasons == ["asserted and denied"]
    aid = by_key[("TAL", "AID", "TTP")]
    assert [e["relations"] for e in aid.other] == [["op-tal-may-arm"]]  # speculated: neither
    # denied only: not contested; recommended by two sources: not corroborated
    assert not by_key[("USA", "SANCTION", "PAK")].contested
    agree = by_key[("PAK", "AGREE", "USA")]
    assert (agree.contested, agree.corroborated, agree.asserted, len(agree.other)) == (False, False, [], 2)


def test_json_exactly(ds):
    d = contested(ds).to_dict()
    assert list(d) == ["groups"]
    for g in d["groups"]:
        assert list(g) == ["subject", "type", "object", "contested", "corroborated", "asserted", "denied", "other"]
        for e in g["asserted"] + g["denied"] + g["other"]:
            assert list(e) == ["by", "source", "relations", "modality", "quotes"]
    accuse = next(g for g in d["groups"] if (g["subject"], g["type"], g["object"]) == ("PAK", "ACCUSE", "TAL"))
    # two claimants of one claim with two sources: each says it in each source
    assert accuse["asserted"] == [
        {
            "by": "PAK-PM",
            "source": "pm",
            "relations": ["pak-accuses-tal"],
            "modality": "claimed",
            "quotes": ["quote of pak-accuses-tal in pm"],
        },
        {
            "by": "PAK-PM",
            "source": "op",
            "relations": ["pak-accuses-tal"],
            "modality": "claimed",
            "quotes": ["quote of pak-accuses-tal in op"],
        },
        {
            "by": "PAK-FO",
            "source": "pm",
            "relations": ["pak-accuses-tal"],
            "modality": "claimed",
            "quotes": ["quote of pak-accuses-tal in pm"],
        },
        {
            "by": "PAK-FO",
            "source": "op",
            "relations": ["pak-accuses-tal"],
            "modality": "claimed",
            "quotes": ["quote of pak-accuses-tal in op"],
        },
    ]
    no_sanction = next(g for g in d["groups"] if g["type"] == "SANCTION")
    assert no_sanction["denied"] == [
        {
            "by": "author",
            "source": "op",
            "relations": ["op-no-sanction"],
            "modality": "denied",
            "quotes": ["quote of op-no-sanction in op"],
        }
    ]
    json.dumps(d)


def test_the_report_names_who_asserts_and_who_denies_with_the_source(ds):
    text = str(contested(ds))
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if "Taliban (TAL) HOLDS US military equipment (US-EQUIP)" in line)
    assert "asserted and denied" in lines[i]
    assert lines[i + 1].split()[:4] == ["asserted", "by", "Jane", "Roe,"]
    assert "in hill (roe-tal-holds)" in lines[i + 1]
    assert (
        lines[i + 2].split()[:4] == ["denied", "by", "John", "Kirby,"] and "in wh (kirby-denies-holds)" in lines[i + 2]
    )
    assert "  hill: Hearing of the House committee" in lines and "  wh: White House briefing" in lines
    assert "Contested (4):" in text and "(2):" in text
    # a denial by the source itself is said so (in a group that is listed in the HTML table)
    assert "the source (it says this did not happen)" in contested(ds)._repr_html_()


def test_a_claim_said_three_times_in_one_source_is_listed_once(ds):
    # McCaul's claim coded once per quote: one entry with its three relations and quotes
    srcs = {s.id: s for s in SOURCES}
    ents = {e.id: e for e in ENTITIES}
    rels = [rel(f"roe-{i}", "TAL", "HOLDS", "US-EQUIP", "claimed", ["hill"], by=["ROE"]) for i in range(3)]
    rels += [
        rel("roe-again", "TAL", "HOLDS", "US-EQUIP", "claimed", ["op"], by=["ROE"]),  # another source
        rel("kirby", "TAL", "HOLDS", "US-EQUIP", "denied", ["wh"], by=["KIRBY"]),
    ]
    c = contested(Dataset(srcs, ents, rels))
    [g] = c.groups
    assert [(e["by"], e["source"], e["relations"], len(e["quotes"])) for e in g.asserted] == [
        ("ROE", "hill", ["roe-0", "roe-1", "roe-2"], 3),
        ("ROE", "op", ["roe-again"], 1),
    ]
    assert g.relations == ["roe-0", "roe-1", "roe-2", "roe-again", "kirby"]
    assert str(c).count("Jane Roe, in hill") == 1 and "in hill (roe-0, roe-1, roe-2)" in str(c)


def test_filters_apply_first(ds):
    # without the hearing, Roe's claim is gone: the equipment group is only denied
    view = ds.view(source=["wh", "pm", "tal", "op"])
    assert ("TAL", "HOLDS", "US-EQUIP") not in keys(contested(view).contested)


YAML = """
sources:
  - {id: wh, title: White House briefing, kind: official statement, published: 2021-08-20}
  - {id: hill, title: Hearing, kind: news report, published: 2023-03}
entities:
  - {id: USA, name: United States, kind: state}
  - {id: KIRBY, name: John Kirby, kind: person, part_of: USA}
  - {id: ROE, name: Jane Roe, kind: person, part_of: USA}
  - {id: DOE, name: Jim Doe, kind: person, part_of: USA}
  - {id: TAL, name: Taliban, kind: de_facto_authority}
  - {id: EQ, name: US military equipment, kind: asset}
relations:
  - {id: left, subject: TAL, object: EQ, type: HOLDS, modality: claimed, asserted_by: [ROE, DOE],
     evidence: [{source: hill, quote: q}]}
  - {id: not-left, subject: TAL, object: EQ, type: HOLDS, modality: denied, asserted_by: KIRBY,
     evidence: [{source: wh, quote: q}]}
"""


def test_cli(tmp_path):
    (tmp_path / "d.yaml").write_text(YAML, encoding="utf-8")
    r = CliRunner().invoke(main, ["analyze", "contested", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert [(g["subject"], g["contested"]) for g in d["groups"]] == [("TAL", True)]
    assert [e["by"] for e in d["groups"][0]["asserted"]] == ["ROE", "DOE"]
    r = CliRunner().invoke(main, ["analyze", "contested", str(tmp_path)])
    assert r.exit_code == 0
    assert "asserted by    Jane Roe, in hill (left)" in r.output and "Jim Doe, in hill (left)" in r.output
    assert "denied by      John Kirby, in wh (not-left)" in r.output
    r = CliRunner().invoke(main, ["analyze", "contested", str(tmp_path), "--source", "wh"])
    assert "Contested (0): none" in r.output
    assert graph.loads(YAML).relation("left").claimants == ("ROE", "DOE")


def _shown(c):
    return [
        (g.key, g.contested, g.corroborated, g.reasons, g.relations) for g in c.groups if g.contested or g.corroborated
    ]


@pytest.mark.parametrize("roll_up", [False, True])
def test_verdicts_are_the_shown_groups_of_the_full_report(ds, roll_up):
    assert verdicts(ds, roll_up=roll_up) == _shown(contested(ds, roll_up=roll_up))


@pytest.mark.parametrize("seed", range(12))
def test_verdicts_agree_with_the_full_report_on_random_claims(seed):
    # constructed claims: few actors, types and sources, so that groups collide in every way
    import random

    rnd = random.Random(seed)
    types = ["AID", "ASSAULT", "CONSULT", "HOLDS"]  # HOLDS is structural: no sign conflict
    lines = [
        "sources: [{id: a, title: A}, {id: b, title: B}, {id: c, title: C}]",
        "entities:",
        "  - {id: X, name: X, kind: state}",
        "  - {id: Y, name: Y, kind: state}",
        "  - {id: P, name: P, kind: person, part_of: X}",
        "relations:",
    ]
    for i in range(rnd.randint(1, 40)):
        s, o = rnd.choice("XYP"), rnd.choice("XY")
        mod = rnd.choice(["reported", "claimed", "denied", "recommended", "speculated"])
        pol = rnd.choice(["", ", polarity: 3", ", polarity: -4", ", polarity: 0"])
        by = ", asserted_by: P" if mod in ("claimed", "denied") and rnd.random() < 0.5 else ""
        ev = ", ".join(f"{{source: {sid}, quote: q}}" for sid in rnd.sample("abc", rnd.randint(1, 2)))
        lines.append(
            f"  - {{id: r{i}, subject: {s}, object: {o}, type: {rnd.choice(types)}, modality: {mod}"
            f"{pol}{by}, evidence: [{ev}]}}"
        )
    d = graph.loads("\n".join(lines) + "\n")
    for roll_up in (False, True):
        assert verdicts(d, roll_up=roll_up) == _shown(contested(d, roll_up=roll_up))
