"""Aggregated pages without a browser: the grouping by hand, the page data bounded per group, the CLI."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.dataset import Dataset
from graph.model import Entity, Evidence, Relation, Source
from graph.render import render_html, write_html
from graph.render.aggregated_data import EXAMPLES, aggregated_data, aggregated_records, heaviest, period_span
from graph.render.data import edge_dicts
from graph.render.edge_groups import aggregate, period_of
from graph.render.style import DENIED_COLOR, polarity_color
from graph.when import parse_when
from tests.conftest import DATA


def rel(rid, s, o, t, pol, mod="reported", when=None, src="s1", quote=None, by=None):
    return Relation(
        id=rid,
        subject=s,
        object=o,
        type=t,
        modality=mod,
        polarity=pol,
        asserted_by=by,
        when=parse_when(when) if when else None,
        evidence=(Evidence(src, quote or f"quote of {rid}"),),
    )


def small():
    sources = {sid: Source(id=sid, title=f"Source {sid}", kind="op-ed") for sid in ("s1", "s2", "s3")}
    entities = {eid: Entity(id=eid, name=f"Actor {eid}", kind="state") for eid in ("A", "B", "C")}
    relations = [
        rel("r1", "A", "B", "ACCUSE", -2, when="2024-03-05", src="s1"),
        rel("r2", "A", "B", "THREATEN", -6, mod="claimed", when="2024-03", src="s2", by="C"),  # same quad, month
        rel("r3", "A", "B", "ASSAULT", -9, when="2024-03", src="s1"),  # another quad
        rel("r4", "A", "B", "ACCUSE", -4, when="2024-07", src="s3"),  # same year, another month
        rel("r5", "A", "B", "ACCUSE", -3, when="2023", src="s1"),  # another year
        rel("r6", "A", "B", "ACCUSE", -1, src="s2"),  # undated
        rel("r7", "A", "B", "REJECT", -5, src="s1"),  # undated too
        rel("r8", "B", "A", "ACCUSE", -2, when="2024-03", src="s1"),  # the other direction
        rel("r9", "C", "A", "ASSAULT", -8, mod="denied", when="2022", src="s2"),
        rel("r10", "C", "A", "ASSAULT", -6, mod="denied", when="2022-05", src="s3"),
        rel("r11", "C", "B", "ASSAULT", -8, mod="denied", when="2022", src="s2"),
        rel("r12", "C", "B", "ASSAULT", -4, when="2022", src="s2"),
    ]
    return Dataset(sources, entities, relations)


def by_key(groups):
    return {g.key: g for g in groups}


def test_groups_by_year_by_hand():
    g = by_key(aggregate(small(), by="year"))
    assert set(g) == {
        ("A", "B", "verbal conflict", "2024"),
        ("A", "B", "material conflict", "2024"),
        ("A", "B", "verbal conflict", "2023"),
        ("A", "B", "verbal conflict", "undated"),
        ("B", "A", "verbal conflict", "2024"),
        ("C", "A", "material conflict", "2022"),
        ("C", "B", "material conflict", "2022"),
    }
    vc = g["A", "B", "verbal conflict", "2024"]
    assert vc.claims == ("r1", "r2", "r4") and vc.count == 3
    assert vc.mean_polarity == -4.0  # (-2 - 6 - 4) / 3
    assert vc.sources == ("s1", "s2", "s3")
    assert vc.modalities == ("reported", "claimed") and vc.types == ("ACCUSE", "THREATEN")
    und = g["A", "B", "verbal conflict", "undated"]
    assert und.claims == ("r6", "r7") and und.mean_polarity == -3.0 and und.sources == ("s2", "s1")
    assert g["A", "B", "material conflict", "2024"].claims == ("r3",)
    assert g["B", "A", "verbal conflict", "2024"].claims == ("r8",)  # direction counts


def test_groups_by_month_and_all():
    m = by_key(aggregate(small(), by="month"))
    assert m["A", "B", "verbal conflict", "2024-03"].claims == ("r1", "r2")
    assert m["A", "B", "verbal conflict", "2024-07"].claims == ("r4",)
    assert m["A", "B", "verbal conflict", "2023-01"].claims == ("r5",)  # a year starts in its January
    assert m["A", "B", "verbal conflict", "undated"].claims == ("r6", "r7")
    a = by_key(aggregate(small(), by="all"))
    assert a["A", "B", "verbal conflict", "all"].claims == ("r1", "r2", "r4", "r5", "r6", "r7")
    assert len(a) == 5
    assert sum(g.count for g in a.values()) == len(small())


def test_denials_and_mean_polarity():
    g = by_key(aggregate(small(), by="year"))
    denied = g["C", "A", "material conflict", "2022"]
    assert denied.denied_only and denied.mean_polarity == -7.0  # of the denied events
    mixed = g["C", "B", "material conflict", "2022"]
    assert not mixed.denied_only and mixed.mean_polarity == -4.0  # the denial's polarity is not a stance


def test_periods():
    assert period_of(parse_when("2021-08-15"), "month") == "2021-08"
    assert period_of(parse_when("2021..2024"), "year") == "2021"
    assert period_of(parse_when("..2020-05"), "year") == "2020"
    assert period_of(None, "month") == "undated"
    with pytest.raises(ValueError):
        aggregate(small(), by="week")


def test_page_data_one_edge_per_group_with_style():
    ds = small()
    data = aggregated_data(ds, by="year")
    groups = aggregate(ds, by="year")
    rec = aggregated_records(data)
    assert len(data["edges"]["rows"]) == len(groups) == len(data["aggregate"]["rows"]) == len(rec["relations"])
    edges = {(e["from"], e["to"], e["label"]): e for e in edge_dicts(data)}
    vc = edges["A", "B", "verbal conflict ×3"]
    assert vc["color"] == polarity_color(-4.0)
    assert rec["relations"][vc["id"]]["modality"] == "mixed"  # the page draws it dashed:
    assert data["vocab"]["modalities"]["mixed"]["dashes"] == [6, 6]  # mixed modalities
    assert vc["width"] > edges["A", "B", "ASSAULT"]["width"]  # width grows with the count
    assert edges["C", "A", "denied: ASSAULT ×2"]["color"] == DENIED_COLOR
    gid = vc["id"]
    meta, summary = rec["relmeta"][gid], rec["groups"][gid]
    assert meta["types"] == ["ACCUSE", "THREATEN"] and meta["modalities"] == ["reported", "claimed"]
    assert meta["sources"] == ["s1", "s2", "s3"] and meta["claimants"] == ["C"]
    assert meta["span"] == ["2024-01-01", "2024-12-31"] and meta["quad"] == "verbal conflict" and meta["sign"] == -1
    assert summary["count"] == 3 and summary["mean"] == -4.0 and summary["more"] == 0
    assert summary["types"] == [["ACCUSE", 2], ["THREATEN", 1]]
    assert summary["claims"][1] == ["r2", "THREATEN", None, "claimed", ["C"], "2024-03", [["s2", "quote of r2"]]]
    und = next(g for g, s in rec["groups"].items() if s["period"] == "undated")
    assert rec["relmeta"][und]["span"] is None and "when" not in rec["relations"][und]
    # no claim record, no stored text: only the groups' rows
    assert data["reader"] == {} and "relations" not in data and "relmeta" not in data


def test_the_records_of_each_group_agree_with_aggregate():
    """What the page works out from a group's row is what aggregate() says of the group, by
    month, year and all, for groups of one claim, of several, and of more than the page lists."""
    ds = small()
    extra = [
        rel(
            f"x{i}",
            "A",
            "C",
            "ACCUSE" if i % 3 else "THREATEN",
            -1 - i % 5,
            mod="denied" if i % 4 == 0 else "reported",
            when=f"2021-{1 + i % 12:02d}",
            src=f"s{1 + i % 3}",
            by="B" if i % 5 == 0 else None,
        )
        for i in range(7)
    ]
    ds = Dataset(ds.sources, ds.entities, list(ds.relations()) + extra)
    for by in ("month", "year", "all"):
        for limit in (0, 2, EXAMPLES, 50):
            data = aggregated_data(ds, by=by, examples=limit)
            rec = aggregated_records(data)
            rels = {r.id: r for r in ds.relations()}
            for k, g in enumerate(aggregate(ds, by=by)):
                gid = f"g{k}"
                r, m, s = rec["relations"][gid], rec["relmeta"][gid], rec["groups"][gid]
                assert (r["subject"], r["object"], m["quad"], s["period"]) == g.key
                assert (s["count"], s["mean"], s["more"]) == (g.count, g.mean_polarity, max(0, g.count - limit))
                assert tuple(m["sources"]) == g.sources and tuple(m["types"]) == g.types
                assert tuple(m["modalities"]) == g.modalities
                claimants = list(dict.fromkeys(c for rid in g.claims for c in rels[rid].claimants))
                assert m["claimants"] == claimants
                assert r["modality"] == (g.modalities[0] if len(g.modalities) == 1 else "mixed")
                assert r["type"] == (g.types[0] if len(g.types) == 1 else g.quad)
                assert [c[0] for c in s["claims"]] == list(g.claims[:limit])
                assert m["span"] == period_span(g.period, [rels[rid] for rid in g.claims])
                for c in s["claims"]:  # every claim listed with all its evidence
                    x = rels[c[0]]
                    assert c == [
                        x.id,
                        x.type,
                        x.mode,
                        x.modality,
                        list(x.claimants),
                        str(x.when) if x.when else None,
                        [[e.source, e.quote] for e in x.evidence],
                    ]
                if len(g.types) > 1:
                    assert s["types"] == [list(tc) for tc in Counter(rels[rid].type for rid in g.claims).most_common()]
                else:
                    assert "types" not in s


def test_a_group_of_one_claim_carries_the_claim_and_little_else():
    ds = Dataset(
        {"s1": Source(id="s1", title="S", kind="dataset"), "s2": Source(id="s2", title="T", kind="op-ed")},
        {e: Entity(id=e, name=e, kind="state") for e in ("A", "B")},
        [
            Relation(
                id="r1",
                subject="A",
                object="B",
                type="AID",
                mode="humanitarian",
                modality="reported",
                polarity=4,
                when=parse_when("2024-02-03"),
                evidence=(Evidence("s1", record="EV-1"), Evidence("s2", "aid came"), Evidence("s1", "again")),
            )
        ],
    )
    data = aggregated_data(ds, by="month")
    (row,) = data["aggregate"]["rows"]
    assert row == [
        "A",
        "B",
        0,
        "2024-02",
        4.0,
        0,
        [
            [
                "r1",
                "AID",
                "humanitarian",
                "reported",
                [],
                "2024-02-03",
                [["s1", None, "EV-1"], ["s2", "aid came"], ["s1", "again"]],
            ]
        ],
        None,
    ]
    assert data["aggregate"]["quads"] == ["material cooperation"]
    rec = aggregated_records(data)
    assert rec["relmeta"]["g0"]["sources"] == ["s1", "s2"] and rec["relmeta"]["g0"]["span"] == [
        "2024-02-01",
        "2024-02-29",
    ]
    assert rec["relations"]["g0"] == {
        "id": "g0",
        "subject": "A",
        "object": "B",
        "type": "AID",
        "modality": "reported",
        "when": "2024-02",
    }
    page = render_html(ds, aggregate="month")
    assert page.count('"aid came"') == 1  # the quote once, in the claim's row


def big(n):
    sources = {"s1": Source(id="s1", title="Source", kind="op-ed")}
    entities = {eid: Entity(id=eid, name=eid, kind="state") for eid in ("A", "B")}
    rels = [
        rel(f"r{i}", "A", "B", "ACCUSE", -2, when=f"2024-{1 + i % 12:02d}", quote=f"the quote number {i}")
        for i in range(n)
    ]
    return Dataset(sources, entities, rels)


def test_page_holds_a_bounded_number_of_claims_per_group():
    ds = big(EXAMPLES * 4)
    data = aggregated_data(ds, by="year")
    ((gid, s),) = aggregated_records(data)["groups"].items()
    assert s["count"] == EXAMPLES * 4 and len(s["claims"]) == EXAMPLES
    assert s["more"] == EXAMPLES * 3
    assert [c[0] for c in s["claims"]] == [f"r{i}" for i in range(EXAMPLES)]
    (row,) = data["aggregate"]["rows"]  # the claims it does not list: counted, with their sources
    assert row[-1] == {
        "count": EXAMPLES * 4,
        "sources": ["s1"],
        "types": ["ACCUSE"],
        "modalities": ["reported"],
        "claimants": [],
    }
    page = render_html(ds, aggregate="year")
    assert "the quote number 0" in page and f'the quote number {EXAMPLES - 1}"' in page
    assert f'the quote number {EXAMPLES}"' not in page  # beyond the bound: not embedded
    assert len(render_html(big(200), aggregate="year")) < len(render_html(big(200)))
    five = render_html(ds, aggregate="year", examples=5)
    assert 'the quote number 4"' in five and 'the quote number 5"' not in five
    assert "the quote number" not in render_html(ds, aggregate="year", examples=0)


def test_render_html_aggregated_keeps_the_csp_and_escapes():
    ds = small()
    hostile = "</script><script>alert(1)</script>"
    ds = Dataset(ds.sources, ds.entities, [rel("x", "A", "B", "ACCUSE", -1, quote=hostile)] + list(ds.relations()))
    page = render_html(ds, aggregate="month")
    assert hostile not in page and "\\u003c/script\\u003e" in page
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    script_src = csp.split("script-src")[1].split(";")[0]
    assert "unsafe" not in script_src and "connect-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert any('})("aggregate", function' in s for s in scripts)
    for s in scripts:  # every inline script hashed, nothing else allowed
        digest = base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in script_src
    assert len(script_src.split()) == len(scripts)
    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S).group(1))
    assert data["aggregate"]["by"] == "month"


def test_cli_render_aggregate(tmp_path):
    out = tmp_path / "agg.html"
    result = CliRunner().invoke(main, ["render", str(DATA), "-o", str(out), "--aggregate", "year"])
    assert result.exit_code == 0, result.output
    assert "one edge per subject, object, quad and year" in result.output
    assert '"aggregate":{"by":"year"' in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["render", str(DATA), "-o", str(out), "--aggregate", "week"])
    assert bad.exit_code == 2


def test_write_html_aggregate(tmp_path):
    p = write_html(small(), tmp_path / "a.html", aggregate="all")
    assert '"by":"all"' in open(p, encoding="utf-8").read()


def weighted():
    """Groups of 1, 4, 2, 4 and 3 claims (A->B 2021, A->C 2021, B->C 2022, C->A 2023, B->A 2020), and an
    entity D in no claim."""
    sources = {"s1": Source(id="s1", title="Source", kind="op-ed")}
    entities = {eid: Entity(id=eid, name=f"Actor {eid}", kind="state") for eid in "ABCD"}
    sizes = [
        ("A", "B", "2021", 1),
        ("A", "C", "2021", 4),
        ("B", "C", "2022", 2),
        ("C", "A", "2023", 4),
        ("B", "A", "2020", 3),
    ]
    rels = [
        rel(f"{s}{o}{i}", s, o, "ACCUSE", -2 - i, when=f"{year}-0{1 + i}") for s, o, year, n in sizes for i in range(n)
    ]
    return Dataset(sources, entities, rels)


def test_top_keeps_the_heaviest_groups_in_their_order():
    assert heaviest([1, 4, 2, 4, 3], 3) == [1, 3, 4] and heaviest([1, 4, 2], None) == [0, 1, 2]
    assert heaviest([2, 2, 2, 1], 2) == [0, 1]  # among equals, the first seen
    ds = weighted()
    data = aggregated_data(ds, by="year", top=3)
    agg = data["aggregate"]
    assert [(r[0], r[1], r[3]) for r in agg["rows"]] == [("A", "C", "2021"), ("C", "A", "2023"), ("B", "A", "2020")]
    assert (agg["top"], agg["edges"], agg["shown"], agg["claims"]) == (3, 5, 11, 14)
    assert [e["id"] for e in edge_dicts(data)] == ["g0", "g1", "g2"]
    assert sorted(n["id"] for n in data["nodes"]) == ["A", "B", "C", "D"]  # every entity, sized by all its claims
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes["B"] > sizes["D"]  # B's claims are all cut, and still count
    full = aggregated_data(ds, by="year", top=None)["aggregate"]
    assert full["top"] is None and len(full["rows"]) == 5 and full["shown"] == 14
    assert aggregated_data(ds, by="year", top=5)["aggregate"]["top"] is None  # nothing cut: nothing said
    page = render_html(ds, aggregate="year", top=2)
    assert '<h1 id="ag-title">actorgraph: Source, claims per year, the 2 heaviest of 5 edges</h1>' in page


def test_top_and_examples_on_the_command_line(tmp_path):
    out = tmp_path / "top.html"
    r = CliRunner().invoke(
        main, ["render", "data", "-o", str(out), "--aggregate", "year", "--top", "5", "--examples", "1"]
    )
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S).group(1))
    agg = data["aggregate"]
    assert len(agg["rows"]) == 5 and agg["top"] == 5 and agg["examples"] == 1
    assert all(len(row[6]) <= 1 for row in agg["rows"])
    assert "the 5 heaviest of 40 edges" in page
    r = CliRunner().invoke(main, ["render", "data", "-o", str(out), "--aggregate", "year", "--top", "0"])
    assert r.exit_code == 0 and "the 40 heaviest" not in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["render", "data", "-o", str(out), "--top", "5"])
    assert bad.exit_code == 2 and "--examples and --top go with --aggregate" in bad.output
    bad = CliRunner().invoke(main, ["render", "data", "-o", str(out), "--aggregate", "year", "--examples", "-1"])
    assert bad.exit_code == 2
