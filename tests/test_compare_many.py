"""analyze compare with many sources: the matrix of who asserts, denies or omits each claim group."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.analysis import compare
from graph.cli import main
from graph.dataset import Dataset
from graph.errors import QueryError
from graph.model import Relation
from tests.many_sources import ENTITIES, SOURCES, dataset, rel


@pytest.fixture(scope="module")
def ds():
    return dataset()


def cells(c, key):
    g = next(g for g in c.groups if (g["subject"], g["type"], g["object"]) == key)
    return {s: cell["stance"] for s, cell in g["cells"].items()}, g["contested"]


def test_the_matrix_of_five_sources(ds):
    c = compare(ds, "wh", "hill", "pm", "tal", "op")
    assert c.sources == ("wh", "hill", "pm", "tal", "op")
    assert cells(c, ("TAL", "HOLDS", "US-EQUIP")) == (
        {"wh": "denies", "hill": "asserts", "pm": "omits", "tal": "omits", "op": "omits"},
        True,
    )
    assert cells(c, ("TAL", "AID", "TTP")) == (
        {"wh": "omits", "hill": "omits", "pm": "asserts", "tal": "denies", "op": "other"},
        True,
    )
    # asserted and denied within one source
    assert cells(c, ("AFG", "THREATEN", "PAK")) == (
        {"wh": "omits", "hill": "omits", "pm": "omits", "tal": "omits", "op": "asserts and denies"},
        True,
    )
    assert cells(c, ("USA", "RETREAT", "AFG"))[1] is False
    assert [g["contested"] for g in c.groups] == sorted((g["contested"] for g in c.groups), reverse=True)
    g = next(g for g in c.groups if g["type"] == "ACCUSE")
    assert g["cells"]["pm"]["relations"] == ["pak-accuses-tal"] == g["cells"]["op"]["relations"]
    # USA SUPPORT PAK: +5 in op, -3 in hill
    assert [(d["pair"], d["signs"]) for d in c.disagreements if d["pair"] == ["PAK", "USA"]] == [
        (["PAK", "USA"], {"hill": -1, "op": 1})
    ]
    text = str(c)
    assert "S1 = wh (White House briefing)" in text and "S5 = op (An op-ed)" in text
    line = next(x for x in text.splitlines() if x.startswith("AFG THREATEN PAK"))
    assert line.split() == ["AFG", "THREATEN", "PAK", "-", "-", "-", "-", "both", "contested"]


def test_each_side_holding_a_claim_and_its_denial_is_flagged():
    srcs = {s.id: s for s in SOURCES[:2]}
    ents = {e.id: e for e in ENTITIES}
    rels = [
        rel("w1", "TAL", "HOLDS", "US-EQUIP", "claimed", ["wh"], by=["KIRBY"]),
        rel("w2", "TAL", "HOLDS", "US-EQUIP", "denied", ["wh"], by=["KIRBY"]),
        rel("h1", "TAL", "HOLDS", "US-EQUIP", "reported", ["hill"]),
        rel("h2", "TAL", "HOLDS", "US-EQUIP", "denied", ["hill"], by=["ROE"]),
    ]
    # the modalities on each side are not the same, so check the case where they are
    rels[2] = Relation(**{**rels[2].__dict__, "modality": "claimed", "claimants": ("ROE",)})
    c = compare(Dataset(srcs, ents, rels), "wh", "hill")
    [m] = c.shared
    assert m["modality_differs"] is False  # {claimed, denied} on both sides
    assert m["contested"] is True
    assert "<- asserted and denied" in str(c)
    assert c.groups[0]["cells"] == {
        "wh": {"stance": "asserts and denies", "relations": ["w1", "w2"]},
        "hill": {"stance": "asserts and denies", "relations": ["h1", "h2"]},
    }


def test_bad_calls(ds):
    with pytest.raises(QueryError, match="two or more"):
        compare(ds, "wh")
    with pytest.raises(QueryError, match="named twice"):
        compare(ds, "wh", "op", "wh")
    assert compare(ds, ["wh", "op", "hill"]).sources == ("wh", "op", "hill")


YAML = """
sources: [{id: a, title: A}, {id: b, title: B}, {id: c, title: C}]
entities: [{id: X, name: X, kind: state}, {id: Y, name: Y, kind: state}]
relations:
  - {id: a1, subject: X, object: Y, type: AID, modality: reported, evidence: [{source: a, quote: q}]}
  - {id: b1, subject: X, object: Y, type: AID, modality: denied, evidence: [{source: b, quote: q}]}
  - {id: c1, subject: Y, object: X, type: CONSULT, modality: speculated, evidence: [{source: c, quote: q}]}
"""


def test_cli_three_sources(tmp_path):
    (tmp_path / "d.yaml").write_text(YAML, encoding="utf-8")
    r = CliRunner().invoke(main, ["analyze", "compare", "a", "b", "c", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["sources"] == ["a", "b", "c"]
    assert [(g["type"], g["contested"], {s: v["stance"] for s, v in g["cells"].items()}) for g in d["groups"]] == [
        ("AID", True, {"a": "asserts", "b": "denies", "c": "omits"}),
        ("CONSULT", False, {"a": "omits", "b": "omits", "c": "other"}),
    ]
    r = CliRunner().invoke(main, ["analyze", "compare", "a", "b", "c", str(tmp_path)])
    assert "3 sources compared: 2 claim groups" in r.output and "1 contested" in r.output
    r = CliRunner().invoke(main, ["analyze", "compare", "a", str(tmp_path)])
    assert r.exit_code == 2 and "two or more sources" in r.output
