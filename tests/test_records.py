"""graph.records and graph.read: one validator for every reader; extensions, claimants, dataset evidence."""

import pytest

import graph
from graph.read.base import FileRead, Piece, RecordLocator, TableLocator
from graph.records import build_records

BASE = """
sources:
  - {id: oped, title: A constructed example, kind: other}
entities:
  - {id: USA, name: United States, kind: state, codes: {iso3: USA}}
  - {id: TAL, name: Taliban, kind: de_facto_authority}
  - {id: KIRBY, name: John Kirby, kind: person, part_of: USA}
  - {id: PRESS, name: A press secretary, kind: person, part_of: USA}
relations:
  - {id: r1, subject: USA, object: TAL, type: RETREAT, modality: reported, evidence: [{source: oped, quote: q}]}
"""


def load(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return graph.load(tmp_path)


def problems(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(p).replace(str(tmp_path) + "/", "") for p in graph.check(tmp_path)[1]]


def test_an_extension_adds_names_codes_a_missing_description_and_evidence(tmp_path):
    ds = load(
        tmp_path,
        **{
            "a.yaml": BASE,
            "b.yaml": """
sources:
  - {id: news, title: Another constructed example, kind: other}
entities:
  - {id: USA, extend: true, aliases: [America], codes: {wikidata: Q30, iso3: USA}}
  - {id: TAL, extend: true, aliases: [Kabul regime], description: the de facto authority since 2021}
relations:
  - {id: r1, extend: true, subject: USA, evidence: [{source: news, quote: q2}]}
""",
        },
    )
    assert ds.entity("America").id == "USA" and ds.entity("kabul regime").id == "TAL"
    assert ds.entities["USA"].codes == {"iso3": "USA", "wikidata": "Q30"}
    assert ds.entities["TAL"].description == "the de facto authority since 2021"
    r = ds.relation("r1")
    assert [(e.source, e.quote) for e in r.evidence] == [("oped", "q"), ("news", "q2")]
    assert r.sources == ("oped", "news")
    assert [x.id for x in ds.relations(source="news")] == ["r1"]


def test_an_extension_of_an_unknown_id_suggests_close_ones(tmp_path):
    assert problems(
        tmp_path, **{"a.yaml": BASE, "b.yaml": "entities:\n  - {id: TALL, extend: true, aliases: [X]}\n"}
    ) == [
        "b.yaml:2:10: entity 'TALL': this extends entity 'TALL', but no file defines entity 'TALL' "
        "(did you mean 'TAL'?); an extension needs the record itself in another file"
    ]


def test_an_extension_never_changes_who_did_what(tmp_path):
    got = problems(
        tmp_path,
        **{
            "a.yaml": BASE,
            "b.yaml": """
relations:
  - {id: r1, extend: true, object: USA, evidence: [{source: oped, quote: q9}]}
entities:
  - {id: USA, extend: true, kind: person, aliases: [Uncle Sam]}
  - {id: USA, extend: true, codes: {iso3: US}}
""",
        },
    )
    assert got == [
        "b.yaml:3:36: relation 'r1': an extension cannot change 'object' (it is 'TAL' in the record itself, at "
        "a.yaml:10:5); it may only add evidence",
        "b.yaml:5:35: entity 'USA': an extension cannot change 'kind' (it is 'state' in the record itself, at "
        "a.yaml:5:5); it may only add aliases, codes and a missing description",
        "b.yaml:6:43: entity 'USA': code 'iso3' is 'USA' in the entity's own record; an extension may add codes, "
        "not change them",
    ]


def test_two_extensions_with_different_descriptions(tmp_path):
    got = problems(
        tmp_path,
        **{
            "a.yaml": BASE,
            "b.yaml": "entities:\n  - {id: TAL, extend: true, description: one}\n",
            "c.yaml": "entities:\n  - {id: TAL, extend: true, description: two}\n",
        },
    )
    assert got == [
        "c.yaml:2:42: entity 'TAL': another extension already gives this entity a description (at "
        "b.yaml:2:42); an entity has one description"
    ]


def test_claimants_in_a_list(tmp_path):
    ds = load(
        tmp_path,
        **{
            "a.yaml": BASE
            + """
  - {id: r2, subject: USA, object: TAL, type: RETREAT, modality: denied, asserted_by: [KIRBY, PRESS],
     evidence: [{source: oped, quote: q}]}
"""
        },
    )
    r = ds.relation("r2")
    assert r.claimants == ("KIRBY", "PRESS") and r.asserted_by == "KIRBY"
    assert graph.to_dict(r)["asserted_by"] == ["KIRBY", "PRESS"]
    assert [x.id for x in ds.relations(asserted_by="PRESS")] == ["r2"]
    assert ds.relation("r1").claimants == ()


def test_evidence_from_a_dataset_source_is_its_record(tmp_path):
    data = (
        BASE.replace("sources:\n", "sources:\n  - {id: events, title: A made-up event file, kind: dataset}\n")
        + """
  - {id: r2, subject: USA, object: TAL, type: CONSULT, modality: reported, evidence: [{source: events, record: ev-17}]}
  - {id: r3, subject: USA, object: TAL, type: CONSULT, modality: reported, evidence: [{source: events, quote: talks}]}
  - {id: r4, subject: USA, object: TAL, type: CONSULT, modality: reported, evidence: [{source: oped, record: ev-18}]}
"""
    )
    got = problems(tmp_path, **{"a.yaml": data})
    assert got == [
        "a.yaml:14:87: relation 'r3': evidence item 1 is from the dataset 'events': it needs 'record', the id (or "
        "URL) of the event it was read from",
        "a.yaml:15:87: relation 'r4': evidence item 1 needs 'quote': the source's own words, verbatim",
        "a.yaml:15:102: relation 'r4': 'record' is for evidence from a dataset source (kind: dataset); evidence "
        "from a text gives the 'quote'",
    ]
    ds = graph.loads(
        data.replace("quote: talks", "record: ev-1").replace(
            "{source: oped, record: ev-18}", "{source: oped, quote: q}"
        )
    )
    assert ds.relation("r2").evidence[0].record == "ev-17"
    assert graph.to_dict(ds.relation("r2"))["evidence"] == [{"source": "events", "record": "ev-17"}]


def test_records_from_any_reader_are_located_by_their_locator():
    rows = FileRead(
        "events.jsonl",
        pieces=[
            Piece("entities", {"id": "PAK", "name": "Pakistan", "kind": "state"}, RecordLocator("events.jsonl", 1)),
            Piece(
                "relations",
                {
                    "id": "e1",
                    "subject": "PAK",
                    "object": "IND",
                    "type": "ASSAULT",
                    "modality": "reported",
                    "polarity": -12,
                    "evidence": [{"source": "s", "quote": "q"}],
                },
                RecordLocator("events.jsonl", 2),
            ),
        ],
    )
    table = FileRead(
        "sources.csv",
        pieces=[Piece("sources", {"id": "s", "kind": "report"}, TableLocator("sources.csv", 2, {"id": 1, "kind": 3}))],
    )
    recs = build_records([rows, table])
    assert sorted(str(p) for p in recs.problems) == [
        "events.jsonl:2: relation 'e1': polarity -12 is outside -10..10 (-10 conflict, 0 neutral, +10 cooperation)",
        "events.jsonl:2: relation 'e1': unknown entity 'IND' in 'object'",
        "sources.csv:2:3: source 's': unknown source kind 'report' (did you mean 'news report'?); "
        "expected one of: op-ed, news report, analysis, official statement, interview, speech, dataset, other",
    ]


def test_a_file_that_cannot_be_read_leaves_its_references_unchecked(tmp_path):
    got = problems(
        tmp_path,
        **{
            "a.yaml": BASE.replace("object: TAL", "object: TTP"),
            "b.yaml": "entities:\n  - {id: TTP, name: x: y, kind: armed_group}\n",
        },
    )
    assert got[0] == (
        "b.yaml: 1 reference to entities or sources was left unchecked, because this file could "
        "not be read in full and may define them; fix this file first"
    )
    assert len(got) == 2 and "YAML syntax error" in got[1]
    (tmp_path / "b.yaml").write_text("entities:\n  - {id: TTP, name: Tehrik-i-Taliban, kind: armed_group}\n")
    assert graph.load(tmp_path).relation("r1").object == "TTP"


@pytest.mark.parametrize("bad", ["../outside.txt", "/etc/hostname"])
def test_stored_texts_stay_in_the_data_folder(tmp_path, bad):
    (tmp_path / "outside.txt").write_text("q\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yaml").write_text(BASE.replace("kind: other}", f"kind: other, text: '{bad}'}}", 1))
    _, found = graph.check(tmp_path / "data")
    assert len(found) == 1 and "is outside the data folder" in found[0].message and found[0].line == 3
    if bad.startswith(".."):
        assert graph.load(tmp_path / "data", allow_texts_outside=True).sources["oped"].text == bad
