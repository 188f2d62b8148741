"""The page's cross-source data (graph/render/cross.py), and the fixture proving that the page's
cross-source logic (graph/render/static/cross.js) says what the analyses say.

tests/js/fixtures/cross.json holds, for the folders of tests/js/fixtures/filters.json (whose page data
it goes with), the page data's ``cross`` and what Python answers: the merged claims
(graph.analysis.merge.merged_claims), each claimant's claims counted once (graph.analysis.claimants),
the entries of the contested and corroborated groups (graph.analysis.contested) and what each pair of
the discourse network stands on (Discourse.evidence; the quotes: those of the merged claims of several claims), exact
and rolled up. This module checks that
the fixture is current; tests/js/cross.test.js checks that the page gives the same answers.
Regenerate it with ``ACTORGRAPH_WRITE_FIXTURES=1 python -m pytest tests/test_page_cross.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import graph
from graph.analysis import claimants, contested, discourse
from graph.analysis.merge import merged_claims
from graph.render import page_data
from graph.render.cross import cross_data

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "js" / "fixtures" / "cross.json"
FOLDERS = ("data", "examples/many-sources", "examples/news-week")  # as tests/js/fixtures/filters.json


def answers(ds):
    """What the analyses say of *ds*, exact and rolled up, in plain JSON."""
    out = {}
    for mode, on in (("exact", False), ("rolled", True)):
        net = discourse(ds, roll_up=on, normalize="jaccard")
        out[mode] = {
            "merged": [
                [
                    list(m.key),
                    m.modality,
                    m.claimant,
                    m.source,
                    list(m.relations),
                    list(m.claimants),
                    list(m.quotes) if len(m.relations) > 1 else None,
                ]
                for m in merged_claims(ds, roll_up=on)
            ],
            "claimants": {
                g["claimant"]: [g["count"], g["relations"]]
                for g in claimants(ds, roll_up=on).by_claimant
                if g["claimant"] in ds.entities
            },
            "groups": [
                {
                    "key": list(g.key),
                    "relations": g.relations,
                    "entries": [
                        [e["by"], e["source"], e["modality"], e["relations"], e.get("as")]
                        for e in g.asserted + g.denied + g.other
                    ],
                }
                for g in contested(ds, roll_up=on).groups
                if g.contested or g.corroborated
            ],
            "pairs": [
                [
                    e["a"],
                    e["b"],
                    [
                        {
                            **g,
                            **{
                                side: [{k: x[k] for k in ("stance", "source", "relations")} for x in g[side]]
                                for side in "ab"
                            },
                        }
                        for g in net.evidence(e["a"], e["b"])
                    ],
                ]
                for e in net.edges
            ],
        }
    return out


def build_fixture():
    return {
        "datasets": [
            {"folder": f, "cross": page_data(ds)["cross"], "python": answers(ds)}
            for f in FOLDERS
            for ds in [graph.load(ROOT / f)]
        ]
    }


def test_the_cross_fixture_says_what_python_says():
    fresh = json.loads(json.dumps(build_fixture()))
    if os.environ.get("ACTORGRAPH_WRITE_FIXTURES"):
        FIXTURE.write_text(json.dumps(fresh, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    stored = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert stored == fresh, (
        "the page's cross-source data changed: regenerate tests/js/fixtures/cross.json (see the docstring)"
    )
    # the fixture tells things apart: merged claims of several claims, roll-up that changes the network
    many = fresh["datasets"][1]["python"]
    assert any(len(m[4]) > 1 for d in fresh["datasets"] for m in d["python"]["rolled"]["merged"])
    assert len(many["exact"]["pairs"]) > len(many["rolled"]["pairs"]) > 5


def test_the_page_data_holds_the_networks_figures():
    """Each pair of the page's network has the figures of graph.analysis.discourse, camps included."""
    ds = graph.load(ROOT / "examples/many-sources")
    d = cross_data(ds)
    assert d["roll_up"]["EX-WHITFIELD"] == "USA" and d["roll_up"]["PAK-PM"] == "PAK"
    for mode, on in (("exact", False), ("rolled", True)):
        net, page = discourse(ds, roll_up=on, normalize="jaccard"), d["discourse"][mode]
        ids = [c for c, _ in page["claimants"]]
        assert ids == net.claimants
        assert {c: camp or None for c, camp in page["claimants"]} == {c: net.camp_of(c) for c in net.claimants}
        got = [
            (ids[a], ids[b], cong, conf, w, [page["groups"][g] for g in gs])
            for a, b, cong, conf, w, gs in page["edges"]
        ]
        assert got == [(e["a"], e["b"], e["congruence"], e["conflict"], e["weight"], e["groups"]) for e in net.edges]
        assert page["method"] == net.method == "exact"
    # two camps, Pakistan's account and the Taliban's
    assert {camp for _, camp in d["discourse"]["rolled"]["claimants"]} == {1, 2}


def test_nothing_is_rolled_up_when_nothing_is_part_of_anything():
    flat = graph.loads("""
sources: [{id: s, title: T}]
entities: [{id: A, name: A, kind: state}, {id: P, name: P, kind: person}]
relations:
  - {id: r1, subject: A, object: A, type: AID, modality: claimed, asserted_by: P, evidence: [{source: s, quote: x}]}
""")
    assert cross_data(flat) == {
        "roll_up": {},
        "discourse": {"exact": {"claimants": [["P", 0]], "groups": [], "edges": [], "claims": [], "method": "exact"}},
    }
