"""CSV tables back to YAML: the re-imported data validates with graph.load and holds the same claims."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import graph
from graph import export as export_mod
from graph.errors import DataError, OutputError
from graph.formats.tables import UnknownColumnWarning
from graph.imports.csv_tables import csv_to_yaml, import_csv
from graph.model import to_dict
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)

from .test_formats import hostile


def _same(a, b):
    assert [to_dict(r) for r in a.relations()] == [to_dict(r) for r in b.relations()]
    assert {k: to_dict(e) for k, e in a.entities.items()} == {k: to_dict(e) for k, e in b.entities.items()}
    for sid, s in a.sources.items():
        t = b.sources[sid]
        assert {k: v for k, v in to_dict(s).items() if k != "text"} == {
            k: v for k, v in to_dict(t).items() if k != "text"
        }
        if s.text_path:  # the stored text is the same file, reached from the new YAML's folder
            assert os.path.samefile(s.text_path, t.text_path)


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_round_trip_validates_and_gives_the_same_claims(which, tmp_path):
    ds = graph.load(DATA) if which == "seed" else hostile()
    (tmp_path / "tables").mkdir()
    export_mod.export(ds, "csv", tmp_path / "tables" / "map")
    out_dir = tmp_path / "elsewhere" / "data"
    out_dir.mkdir(parents=True)
    out, back = import_csv(
        tmp_path / "tables" / "map-entities.csv", tmp_path / "tables" / "map-relations.csv", out_dir / "imported.yaml"
    )
    assert out == str(out_dir / "imported.yaml")
    # validates from the file, quotes checked against the text (kept where it was, outside the new folder)
    reloaded = graph.load(out, allow_texts_outside=True)
    _same(ds, reloaded)
    _same(ds, back)


def test_import_into_a_folder_and_from_a_folder(tmp_path):
    ds = graph.load(DATA)
    export_mod.export(ds, "csv", str(tmp_path / "t") + "/")
    out, _ = import_csv(tmp_path / "t" / "entities.csv", tmp_path / "t" / "relations.csv", tmp_path)
    assert Path(out).name == "imported.yaml"
    _same(ds, graph.load(out, allow_texts_outside=True))


def test_a_map_made_by_hand_in_kumu_style():
    entities = "Label,Type,Description\nPakistan,State,\nUnited States,state,a state\nTaliban,De_Facto_Authority,\n"
    relations = (
        "From,To,Type,modality,source,quote,context\n"
        "United States,Taliban,request,Reported,op-ed,give it back,military | economic\n"
        "Pakistan,United States,agree,claimed,op-ed,ready to talk,\n"
    )
    text = csv_to_yaml(entities, relations)
    ds = graph.loads(text)
    assert sorted(ds.entities) == ["Pakistan", "Taliban", "United-States"]
    assert ds.entity("Taliban").kind == "de_facto_authority"
    assert [(r.id, r.subject, r.type, r.object, r.modality, r.context) for r in ds.relations()] == [
        ("United-States-request-Taliban", "United-States", "REQUEST", "Taliban", "reported", ("military", "economic")),
        ("Pakistan-agree-United-States", "Pakistan", "AGREE", "United-States", "claimed", ()),
    ]
    assert list(ds.sources) == ["op-ed"]


def test_problems_are_located_in_the_csv_and_nothing_is_written(tmp_path):
    (tmp_path / "e.csv").write_text("ID,Label,Type\nPAK,Pakistan,state\nUSA,United States,country\n")
    (tmp_path / "r.csv").write_text(
        "ID,From,To,Type,modality,source,quote,polarity,attributes\n"
        "r1,PAK,USA,CONSLT,reported,s,q,,\n"
        "r2,PAK,XXX,AID,reported,s,q,lots,{bad json\n"
    )
    with pytest.raises(DataError) as err:
        import_csv(tmp_path / "e.csv", tmp_path / "r.csv", tmp_path / "out.yaml")
    got = [(Path(p.path).name, p.line, p.col) for p in err.value.problems]
    assert ("r.csv", 3, 8) in got  # polarity 'lots', row 3, column 8
    assert ("r.csv", 3, 9) in got  # attributes not JSON
    assert not (tmp_path / "out.yaml").exists()
    # fix the table-level problems; the validator's are then mapped to rows and columns too
    (tmp_path / "r.csv").write_text(
        "ID,From,To,Type,modality,source,quote\nr1,PAK,USA,CONSLT,reported,s,q\nr2,PAK,XXX,AID,reported,s,q\n"
    )
    with pytest.raises(DataError) as err:
        import_csv(tmp_path / "e.csv", tmp_path / "r.csv", tmp_path / "out.yaml")
    msgs = {(Path(p.path).name, p.line, p.col): p.message for p in err.value.problems}
    assert "unknown entity kind 'country'" in msgs[("e.csv", 3, 3)] and "column 'Type'" in msgs[("e.csv", 3, 3)]
    assert "did you mean 'CONSULT'" in msgs[("r.csv", 2, 4)]
    assert "unknown entity 'XXX'" in msgs[("r.csv", 3, 3)]
    assert not (tmp_path / "out.yaml").exists()


def test_unknown_and_missing_columns(tmp_path):
    with pytest.warns(UnknownColumnWarning, match="'Colour' \\(column 4\\)"):
        with pytest.raises(DataError) as err:
            csv_to_yaml("ID,Label,Type,Colour\nA,A,state,red\n", "ID,To,Type\nr,A,AID\n")
    msgs = [str(p) for p in err.value.problems]
    assert not any("Colour" in m for m in msgs)  # an unknown column is ignored, with a warning
    assert any("missing column From (or subject)" in m for m in msgs)


def test_kumu_columns_are_ignored_with_a_warning():
    # what Kumu exports beyond actorgraph's fields: Tags, Image, Strength, Direction...
    entities = "Label,Type,Tags,Image\nPakistan,state,asia | south-asia,http://x/p.png\nTaliban,armed group,,\n"
    relations = (
        "From,To,Type,Strength,Direction,modality,source,quote\n"
        "Taliban,Pakistan,assault,3,directed,reported,op-ed,attacks\n"
    )
    with pytest.warns(UnknownColumnWarning) as caught:
        ds = graph.loads(csv_to_yaml(entities.replace("armed group", "armed_group"), relations))
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert "entities.csv: ignored 2 columns" in messages[0] and "'Tags' (column 3), 'Image' (column 4)" in messages[0]
    assert (
        "relations.csv: ignored 2 columns" in messages[1]
        and "'Strength' (column 4)" in messages[1]
        and "'Direction' (column 5)" in messages[1]
    )
    assert [(r.subject, r.type, r.object) for r in ds.relations()] == [("Taliban", "ASSAULT", "Pakistan")]
    assert ds.entity("Pakistan").codes == {} and ds.entity("Pakistan").aliases == ()


def test_free_text_keeps_its_spaces_and_numbers_stay_exact():
    ds = hostile()
    t = export_mod.FORMATS["csv"](ds)
    back = graph.loads(csv_to_yaml(t["entities"], t["relations"], t["sources"]))
    assert back.relation("precise").polarity == 3.14159265
    assert back.relation("precise").evidence[0].quote == "  spaced quote\t"
    assert back.relation("precise").note == " a note with spaces "
    assert back.entities["B-FO"].description == "  padded  "
    assert back.sources["s2"].title.startswith("  ") and back.sources["s2"].title.endswith(" ")
    # ids, references and vocabulary are still read without surrounding spaces
    text = csv_to_yaml(
        "ID,Label,Type\n A , Aland ,  state \n",
        "From,To,Type,modality,source,quote\n A , Aland , aid , reported , s , q \n",
    )
    back = graph.loads(text)
    assert list(back.entities) == ["A"] and back.entities["A"].name == " Aland " and back.entities["A"].kind == "state"
    [r] = back.relations()
    assert (r.subject, r.object, r.type, r.modality, r.sources, r.evidence[0].quote) == (
        "A",
        "A",
        "AID",
        "reported",
        ("s",),
        " q ",
    )


def test_formula_guard_round_trips():
    ds = hostile()
    t = export_mod.FORMATS["csv"](ds)
    assert "'=HYPERLINK" in t["entities"]
    back = graph.loads(csv_to_yaml(t["entities"], t["relations"], t["sources"]))
    assert back.entity("THING").name.startswith("=HYPERLINK")


def test_import_never_overwrites_its_inputs(tmp_path):
    export_mod.export(hostile(), "csv", tmp_path / "m")
    before = (tmp_path / "m-relations.csv").read_bytes()
    with pytest.raises(OutputError):
        import_csv(tmp_path / "m-entities.csv", tmp_path / "m-relations.csv", tmp_path / "m-relations.csv")
    assert (tmp_path / "m-relations.csv").read_bytes() == before


def test_without_a_sources_table_sources_come_from_the_evidence(tmp_path):
    ds = hostile()
    export_mod.export(ds, "csv", tmp_path / "m")
    os.remove(tmp_path / "m-sources.csv")
    _, back = import_csv(tmp_path / "m-entities.csv", tmp_path / "m-relations.csv", tmp_path / "x.yaml")
    assert list(back.sources) == ["s1", "s2"] and back.sources["s1"].title is None
    assert [to_dict(r) for r in back.relations()] == [to_dict(r) for r in ds.relations()]


def test_a_bom_from_excel_is_accepted(tmp_path):
    ds = hostile()
    export_mod.export(ds, "csv", tmp_path / "m")
    for t in ("entities", "relations", "sources"):
        p = tmp_path / f"m-{t}.csv"
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    _, back = import_csv(tmp_path / "m-entities.csv", tmp_path / "m-relations.csv", tmp_path / "x.yaml")
    assert len(back) == len(ds)
