"""Tables for scripts: ds.to_arrow() / ds.to_pandas(), relations --format csv|parquet -o FILE, the
analyses' .to_pandas(), and the discourse exports (discourse-graphml, discourse-csv)."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph import export as export_mod
from graph.analysis import claimants, compare, contested, timeline
from graph.cli import main
from graph.errors import ActorgraphError, QueryError
from tests.many_sources import dataset

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
pq = pytest.importorskip("pyarrow.parquet")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "many-sources"


@pytest.fixture(scope="module")
def ds():
    return dataset()


def test_claims_table_one_row_per_claim_with_every_field(ds):
    t = ds.to_arrow()
    assert t.num_rows == len(ds) and t.column("id").to_pylist() == [r.id for r in ds.relations()]
    row = {k: v[0] for k, v in t.filter(pa.compute.equal(t["id"], "pak-accuses-tal")).to_pydict().items()}
    assert row["claimants"] == ["PAK-PM", "PAK-FO"] and row["claimants_root"] == ["PAK"]
    assert row["sources"] == ["pm", "op"] and row["published"] == "2024-01-10"  # the earliest source's date
    assert row["published_start"] == datetime.date(2024, 1, 10)
    assert row["evidence"] == [
        {"source": "pm", "quote": "quote of pak-accuses-tal in pm", "record": None},
        {"source": "op", "quote": "quote of pak-accuses-tal in op", "record": None},
    ]
    df = ds.to_pandas()
    r = df.set_index("id").loc["wh-talks"]
    assert (r.subject, r.subject_root, r.claimants, r.claimants_root) == ("USA-WH", "USA", ["KIRBY"], ["USA"])
    assert df.set_index("id").loc["op-no-sanction", "claimants"] == ["author"]
    assert str(df.set_index("id").loc["roe-tal-holds", "when_start"]) == "2021-08-01"
    assert list(df.columns) == t.column_names


def test_explode_one_row_per_quote(ds):
    df = ds.to_pandas(explode=True)
    assert len(df) == sum(len(r.evidence) for r in ds.relations())
    two = df[df.id == "pak-accuses-tal"]
    assert two.source.tolist() == ["pm", "op"] and two.published.tolist() == ["2024-01-10", "2025"]
    assert "evidence" not in df.columns and "sources" not in df.columns


def test_entities_and_sources_tables_and_views(ds):
    e = ds.to_pandas("entities").set_index("id")
    assert e.loc["KIRBY", "root"] == "USA" and e.loc["KIRBY", "part_of"] == "USA-WH"
    s = ds.to_pandas("sources").set_index("id")
    assert s.loc["op", "claims"] == sum("op" in r.sources for r in ds.relations())
    assert s.loc["wh", "published_start"] == datetime.date(2021, 8, 20)
    v = ds.view(source="wh")
    assert set(v.to_pandas().id) == {r.id for r in ds.relations(source="wh")}
    assert ds.to_arrow("sources").schema.field("published_start").type == pa.date32()
    with pytest.raises(QueryError, match="claims, entities, sources"):
        ds.to_pandas("people")


def test_relations_format_csv_and_parquet(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "d.yaml").write_text(
        """
sources: [{id: s, title: T, published: 2024-05}]
entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
relations:
  - {id: r1, subject: A, object: B, type: AID, modality: reported, context: [military],
     evidence: [{source: s, quote: "=HYPERLINK(1)"}, {source: s, quote: second}]}
  - {id: r2, subject: B, object: A, type: ACCUSE, modality: denied, evidence: [{source: s, quote: q}]}
""",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "claims.parquet"
    r = CliRunner().invoke(main, ["relations", str(folder), "--format", "parquet", "-o", str(out), "--type", "AID"])
    assert r.exit_code == 0, r.output
    t = pq.read_table(out)
    assert t.column("id").to_pylist() == ["r1"] and t.column("context").to_pylist() == [["military"]]
    assert t.column("published_start").to_pylist() == [datetime.date(2024, 5, 1)]
    r = CliRunner().invoke(main, ["relations", str(folder), "--format", "csv", "--explode"])
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [(x["id"], x["quote"]) for x in rows] == [("r1", "'=HYPERLINK(1)"), ("r1", "second"), ("r2", "q")]
    assert json.loads(rows[0]["context"]) == ["military"] and rows[2]["modality"] == "denied"
    r = CliRunner().invoke(main, ["relations", str(folder), "--format", "csv", "-o", str(tmp_path / "c.csv")])
    assert r.exit_code == 0 and (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("id,subject,type")
    # never over the data, never half-written; parquet needs a file; -o needs a format
    r = CliRunner().invoke(main, ["relations", str(folder), "--format", "csv", "-o", str(folder / "d.yaml")])
    assert r.exit_code == 1 and "input files" in r.output and "sources:" in (folder / "d.yaml").read_text()
    assert CliRunner().invoke(main, ["relations", str(folder), "--format", "parquet"]).exit_code == 2
    assert CliRunner().invoke(main, ["relations", str(folder), "-o", str(tmp_path / "x")]).exit_code == 2


def test_every_analysis_gives_a_table(ds):
    c = contested(ds).to_pandas()
    assert set(c.stance) == {"asserted", "denied", "other"}
    assert c[(c.type == "HOLDS") & (c.stance == "denied")].by.tolist() == ["KIRBY"]
    m = compare(ds, "wh", "hill", "op").to_pandas()
    matrix = m.pivot(index=["subject", "type", "object"], columns="source", values="stance")
    assert matrix.loc[("TAL", "HOLDS", "US-EQUIP")].to_dict() == {"hill": "asserts", "op": "omits", "wh": "denies"}
    assert compare(ds, by="claimant").to_pandas().columns[4] == "claimant"
    assert claimants(ds).to_pandas().set_index("claimant").loc["ROE", "count"] == 2
    t = timeline(ds, "TAL").to_pandas()
    assert t.id.tolist()[:2] == ["kirby-denies-holds", "roe-tal-holds"]


def test_discourse_exports(ds, tmp_path):
    g = nx.read_graphml(io.BytesIO(export_mod.FORMATS["discourse-graphml"](ds).encode()))
    assert g.edges["KIRBY", "ROE"]["conflict"] == 1 and g.nodes["KIRBY"]["label"] == "John Kirby"
    assert g.nodes["author:op"]["kind"] == "author" and "weight" not in g.edges["KIRBY", "ROE"]
    rolled = nx.read_graphml(
        io.BytesIO(export_mod.FORMATS["discourse-graphml"](ds, roll_up=True, normalize="jaccard").encode())
    )
    assert "KIRBY" not in rolled and "weight" in rolled.edges["PAK", "TAL"]
    rows = list(csv.reader(io.StringIO(export_mod.FORMATS["discourse-csv"](ds))))
    head, body = rows[0], {r[0]: dict(zip(rows[0][1:], r[1:], strict=True)) for r in rows[1:]}
    assert head[0] == "claimant" and "TAL HOLDS US-EQUIP" in head
    assert body["KIRBY"]["TAL HOLDS US-EQUIP"] == "-1" and body["ROE"]["TAL HOLDS US-EQUIP"] == "1"
    assert body["ROE"]["TAL AID TTP"] == ""
    with pytest.raises(ActorgraphError, match="takes no roll-up"):
        export_mod.export(ds, "gexf", str(tmp_path / "x.gexf"), roll_up=True)


def test_discourse_export_on_the_cli(tmp_path):
    out = tmp_path / "n.graphml"
    r = CliRunner().invoke(main, ["export", str(EXAMPLE), "-f", "discourse-graphml", "-o", str(out), "--roll-up"])
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    assert g.edges["PAK", "TAL"]["conflict"] == 2 and {g.nodes["PAK"]["camp"], g.nodes["TAL"]["camp"]} == {1, 2}
    r = CliRunner().invoke(main, ["export", str(EXAMPLE), "-f", "csv", "-o", str(tmp_path / "t/"), "--roll-up"])
    assert r.exit_code == 2 and "takes no roll-up" in r.output
