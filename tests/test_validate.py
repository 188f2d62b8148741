"""graph.validate and graph.loader: every check of the format, one by one, with its exact message."""

import os

import pytest

import graph
from graph.loader import Limits, check
from graph.read.base import Plain
from graph.read.yaml import read_yaml_text
from graph.records import Options, build_records, scalar_value

HEAD = """sources:
  - {id: s1, title: An op-ed, kind: op-ed, published: 2025}
entities:
  - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}
  - {id: USA, name: United States, kind: state, aliases: [Washington]}
"""


def rel(**fields):
    base = {
        "id": "r1",
        "subject": "USA",
        "object": "PAK",
        "type": "CONSULT",
        "modality": "reported",
        "evidence": "[{source: s1, quote: talks}]",
    }
    base.update(fields)
    body = "".join(f"    {k}: {v}\n" for k, v in base.items() if v is not None)
    return "relations:\n  - " + body[4:]


def problems(text, name="f.yaml"):
    doc = read_yaml_text(text, name)
    recs = build_records([doc])
    return sorted(str(p) for p in doc.problems + recs.problems)


def test_valid_base():
    assert problems(HEAD + rel()) == []


def test_syntax_error():
    assert problems("a: [\n") == [
        "f.yaml:2:1: YAML syntax error: did not find expected node content (while parsing a flow node at line 2)"
    ]


def test_duplicate_keys():
    assert problems(HEAD + rel(type="CONSULT\n    type: AID")) == [
        "f.yaml:11:5: duplicate key 'type' (first at line 10): each key may appear once in a mapping"
    ]


@pytest.mark.parametrize("text, found", [("- a\n", "a list"), ("just text\n", "'just text'"), ("'7'\n", "'7'")])
def test_top_level_not_a_mapping(text, found):
    assert problems(text) == [
        "f.yaml:1:1: the top level of a data file must be a mapping with any of the keys "
        f"sources, entities, relations; found {found}"
    ]


def test_unknown_top_level_key_and_fields():
    assert problems(HEAD + "relatoins: []\n") == [
        "f.yaml:6:1: unknown top-level key 'relatoins' (did you mean 'relations'?); expected any of: sources, "
        "entities, relations"
    ]
    assert problems(HEAD + rel(polarty="2")) == [
        "f.yaml:13:5: relation 'r1': unknown field 'polarty' (did you mean 'polarity'?); a relation has the "
        "fields: id, subject, object, type, mode, context, polarity, modality, asserted_by, when, evidence, "
        "attributes, note, extend"
    ]


def test_missing_required_fields():
    assert problems(HEAD + rel(type=None, modality=None)) == [
        "f.yaml:7:5: relation 'r1': missing required field 'modality'",
        "f.yaml:7:5: relation 'r1': missing required field 'type'",
    ]
    assert problems("entities:\n  - {id: X}\n") == [
        "f.yaml:2:5: entity 'X': missing required field 'kind'",
        "f.yaml:2:5: entity 'X': missing required field 'name'",
    ]


def test_wrong_types():
    assert problems(HEAD + rel(subject="[USA]", note="{a: b}")) == [
        "f.yaml:13:11: relation 'r1': 'note' must be text, found a mapping",
        "f.yaml:8:14: relation 'r1': 'subject' must be text, found a list",
    ]


def test_duplicate_ids_across_files():
    a = read_yaml_text(HEAD, "a.yaml")
    b = read_yaml_text("entities:\n  - {id: PAK, name: Again, kind: state}\n", "b.yaml")
    recs = build_records([b, a])
    # reported at both definitions, each naming the other, whichever file sorts first
    assert sorted(str(p) for p in recs.problems) == [
        "a.yaml:4:10: entity 'PAK': duplicate entity id 'PAK' (also defined at b.yaml:2:5); ids must be unique "
        "across all files",
        "b.yaml:2:10: entity 'PAK': duplicate entity id 'PAK' (also defined at a.yaml:4:5); ids must be unique "
        "across all files",
    ]


def test_ids_differing_by_case_spaces_or_lookalikes():
    assert problems(HEAD + "  - {id: usa, name: U, kind: state}\n") == [
        "f.yaml:6:10: entity 'usa': entity id 'usa' differs from 'USA' only in case; ids are matched without "
        "case, so give them different names"
    ]
    assert problems(HEAD + "  - {id: 'US ', name: U, kind: state}\n")[0].endswith(
        "bad id 'US ': remove the spaces around it; an id starts with a letter or digit and holds only ASCII "
        "letters, digits and - _ . :"
    )
    assert "U+0410 CYRILLIC CAPITAL LETTER A" in problems(HEAD + "  - {id: \u0410FG, name: A, kind: state}\n")[0]
    (m,) = problems(HEAD + rel(subject="\u0055S\u0410"))
    assert "did you mean 'USA'?" in m and "only looks like a Latin letter" in m


def test_unknown_references_with_did_you_mean():
    assert problems(HEAD + rel(subject="PAKISTN", asserted_by="Washington", evidence="[{source: s2, quote: q}]")) == [
        "f.yaml:12:25: relation 'r1': unknown source 's2' in evidence",
        "f.yaml:13:18: relation 'r1': unknown entity 'Washington' in 'asserted_by' (did you mean 'USA'?)",
        "f.yaml:8:14: relation 'r1': unknown entity 'PAKISTN' in 'subject' (did you mean 'PAK'?)",
    ]
    assert problems(HEAD + "  - {id: FO, name: FO, kind: office, part_of: PK}\n") == [
        "f.yaml:6:47: entity 'FO': unknown entity 'PK' in 'part_of' (did you mean 'PAK'?)"
    ]


def test_no_cascade_from_an_invalid_entity():
    # the entity is reported once; the relation naming it is not reported again
    assert problems(HEAD.replace("kind: state, aliases: [Islamabad]", "aliases: [Islamabad]") + rel()) == [
        "f.yaml:4:5: entity 'PAK': missing required field 'kind'"
    ]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("type", "ACUSE", "unknown type 'ACUSE' (did you mean 'ACCUSE'?); expected one of: AGREE,"),
        ("mode", "allege", "unknown mode 'allege' for type CONSULT; expected one of: visit,"),
        ("context", "[terorism]", "unknown context 'terorism' (did you mean 'terrorism'?); expected one of:"),
        ("modality", "reportd", "unknown modality 'reportd' (did you mean 'reported'?); expected one of: reported,"),
    ],
)
def test_unknown_vocabulary(field, value, message):
    (m,) = problems(HEAD + rel(**{field: value}))
    assert message in m


def test_unknown_kinds():
    (m,) = problems("entities:\n  - {id: X, name: X, kind: country}\n")
    assert "unknown entity kind 'country'; expected one of: state," in m
    (m,) = problems("sources:\n  - {id: s, kind: oped}\n")
    assert "unknown source kind 'oped' (did you mean 'op-ed'?)" in m


@pytest.mark.parametrize(
    "value, ok",
    [
        ("-10", True),
        ("10", True),
        ("0.5", True),
        ("10.01", False),
        ("-11", False),
        ("1e999", False),
        (".nan", False),
        ("'3'", False),
    ],
)
def test_polarity_range(value, ok):
    out = problems(HEAD + rel(polarity=value))
    assert (out == []) == ok, out


@pytest.mark.parametrize(
    "value, ok",
    [
        ("2021", True),
        ("2021-08", True),
        ("2021-08-15", True),
        ("2021-08..2025-01", True),
        ("2021..", True),
        ("..2025", True),
        ("2023-02-30", False),
        ("2023-13", False),
        ("2025..2021", False),
        ("yesterday", False),
        ("21", False),
    ],
)
def test_when(value, ok):
    out = problems(HEAD + rel(when=value))
    assert (out == []) == ok, out
    if not ok:
        assert out[0].startswith("f.yaml:13:11: relation 'r1': bad 'when': ")


@pytest.mark.parametrize("evidence", [None, "[]", "[{source: s1}]", "[{quote: q}]", "s1"])
def test_relation_without_evidence(evidence):
    assert problems(HEAD + rel(evidence=evidence))


def test_quote_not_verbatim(tmp_path):
    (tmp_path / "t.txt").write_text("He said: \u201cwe held \u2014 talks\u201d in  Islamabad.", encoding="utf-8")
    text = HEAD.replace("published: 2025}", "published: 2025, text: t.txt}")
    good = rel(evidence="[{source: s1, quote: '\"we held - talks\" in Islamabad'}]")
    bad = rel(evidence="[{source: s1, quote: we held talks}]")
    opts = Options(root=str(tmp_path))
    assert build_records([read_yaml_text(text + good, "f.yaml", str(tmp_path))], opts).problems == []
    (p,) = build_records([read_yaml_text(text + bad, "f.yaml", str(tmp_path))], opts).problems
    assert str(p) == (
        "f.yaml:12:36: relation 'r1': quote is not verbatim in the text of source 's1': "
        "the text has '- talks' where the quote has 'talks'; the closest passage, at line 1: "
        '"we held - talks"'
    )


def test_yaml11_traps_in_fields():
    ds = graph.loads("entities:\n  - {id: NO, name: Norway, kind: state, aliases: [yes, on, 010, 2023-05-01]}\n")
    assert ds.entities["NO"].aliases == ("yes", "on", "010", "2023-05-01")


def test_scalar_value_is_yaml12_core_and_exact():
    assert scalar_value(
        {
            "a": Plain("650"),
            "b": Plain("2.5"),
            "c": "650",
            "d": Plain("010"),
            "e": Plain("NO"),
            "f": Plain("true"),
            "g": Plain("9" * 5000),
            "h": Plain("1e999"),
        }
    ) == {"a": 650, "b": 2.5, "c": "650", "d": "010", "e": "NO", "f": True, "g": "9" * 5000, "h": "1e999"}


# --- loader: files, limits ---------------------------------------------------------------------


def test_file_size_limit(tmp_path):
    (tmp_path / "a.yaml").write_text(HEAD, encoding="utf-8")
    _, ps = check(tmp_path, limits=Limits(max_file_bytes=100))
    assert [p.message.split(";")[0] for p in ps] == [f"this file is {len(HEAD):,} bytes, over the limit of 100 bytes"]
    assert ps[0].line == 0 and str(ps[0]).startswith(f"{tmp_path / 'a.yaml'}: this file")


def test_count_limits_are_located_and_stop_the_work(tmp_path):
    (tmp_path / "a.yaml").write_text(HEAD + rel(), encoding="utf-8")
    recs, ps = check(tmp_path, limits=Limits(max_entities=1, max_relations=0))
    assert recs is None
    assert [(p.line, p.col, p.message.split(";")[0]) for p in ps] == [
        (5, 5, "entity number 2 is over the limit of 1 entities"),
        (7, 5, "relation number 1 is over the limit of 0 relations"),
    ]


def test_limits_from_the_cli(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from graph.cli import main

    (tmp_path / "a.yaml").write_text(HEAD + rel(), encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(tmp_path), "--max-relations", "0"])
    assert r.exit_code == 1 and "relation number 1 is over the limit of 0 relations" in r.stderr
    r = CliRunner().invoke(main, ["validate", str(tmp_path), "--max-file-bytes", "1k"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["validate", str(tmp_path), "--max-file-bytes", "100"])
    assert r.exit_code == 1 and "over the limit of 100 bytes" in r.stderr
    r = CliRunner().invoke(main, ["validate", str(tmp_path), "--max-file-bytes", "lots"])
    assert r.exit_code == 2 and "'lots' is not a size" in r.output
    # every command honours the environment variables
    r = CliRunner().invoke(main, ["info", str(tmp_path)], env={"ACTORGRAPH_MAX_ENTITIES": "1"})
    assert r.exit_code == 1 and "entity number 2 is over the limit of 1 entities" in r.stderr
    r = CliRunner().invoke(
        main, ["export", str(tmp_path), "-o", str(tmp_path / "o.json")], env={"ACTORGRAPH_MAX_FILE_BYTES": "10"}
    )
    assert r.exit_code == 1 and not (tmp_path / "o.json").exists()
    r = CliRunner().invoke(main, ["info", str(tmp_path)], env={"ACTORGRAPH_MAX_ENTITIES": "many"})
    assert r.exit_code == 2 and "ACTORGRAPH_MAX_ENTITIES" in r.output


def test_empty_and_encoding_problems(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"")
    (tmp_path / "b.yaml").write_bytes("entities: []\n".encode("utf-16"))
    (tmp_path / "c.yaml").write_bytes(b"\xef\xbb\xbfentities: []\n")
    (tmp_path / "d.yaml").write_bytes(b"entities:\n  - {id: X, name: caf\xe9}\n")
    _, ps = check(tmp_path)
    got = [(os.path.basename(p.path), p.line, p.col, p.message.split(":")[0]) for p in ps]
    assert got == [
        ("a.yaml", 0, 0, "the file is empty (or holds only comments)"),
        ("b.yaml", 0, 0, "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"),
        ("d.yaml", 2, 22, "byte 0xe9 is not UTF-8 text"),
    ]


def test_no_data_files(tmp_path):
    assert [str(p) for p in check(tmp_path)[1]] == [f"{tmp_path}: no data files (*.yaml or *.yml) found here"]
    assert [str(p) for p in check(tmp_path / "nope")[1]] == [f"{tmp_path / 'nope'}: no such file or folder"]


def test_duplicate_ids_are_reported_even_when_the_first_copy_is_invalid():
    text = (
        HEAD
        + """  - {id: IND, kind: state}
  - {id: IND, name: India, kind: state}
relations:
  - {id: r1, subject: PAKX, object: PAK, type: AID, modality: reported, evidence: [{source: s1, quote: q}]}
  - {id: r1, subject: USA, object: PAK, type: AID, modality: reported, evidence: [{source: s1, quote: q}]}
"""
    )
    assert problems(text) == sorted(
        [
            "f.yaml:6:5: entity 'IND': missing required field 'name'",
            "f.yaml:6:10: entity 'IND': duplicate entity id 'IND' (also defined at f.yaml:7:5); ids must be unique "
            "across all files",
            "f.yaml:7:10: entity 'IND': duplicate entity id 'IND' (also defined at f.yaml:6:5); ids must be unique "
            "across all files",
            "f.yaml:9:23: relation 'r1': unknown entity 'PAKX' in 'subject' (did you mean 'PAK'?)",
            "f.yaml:10:10: relation 'r1': duplicate relation id 'r1' (also defined at f.yaml:9:5); ids must be "
            "unique across all files",
            "f.yaml:9:10: relation 'r1': duplicate relation id 'r1' (also defined at f.yaml:10:5); ids must be "
            "unique across all files",
        ]
    )


def test_escaped_control_characters_are_refused():
    assert problems(HEAD.replace("name: Pakistan", 'name: "Pak\\x00istan"')) == [
        "f.yaml:4:21: the text holds the control character U+0000 (written as an escape in double quotes); "
        "text may hold tabs and line breaks, but no other control characters: remove it"
    ]
    assert problems(HEAD + rel(note='"a\\e[31mred"'))[0].startswith(
        "f.yaml:13:11: the text holds the control character U+001B"
    )
    assert problems(HEAD + rel(note='"tab\\there\\nand a line"')) == []


def test_explicit_str_tag_keeps_text_as_text():
    ds = graph.loads(HEAD + rel(attributes="{n: !!str 650, m: !!str null, k: 650}"))
    assert ds.relation("r1").attributes == {"n": "650", "m": "null", "k": 650}
    assert problems(HEAD + rel(polarity="!!str 5")) == [
        "f.yaml:13:15: relation 'r1': 'polarity' must be a number from -10 to 10, found '5' (written as text, "
        "in quotes or with !!str: write the bare number)"
    ]


def test_an_empty_required_field_is_located_at_its_key():
    assert problems(HEAD + "  - id: IND\n    name:\n    kind: state\n") == [
        "f.yaml:7:5: entity 'IND': required field 'name' is empty: give it a value"
    ]
    assert problems(HEAD + rel(evidence="")) == [
        "f.yaml:12:5: relation 'r1': a relation needs evidence: at least one {source, quote} whose quote is "
        "verbatim in the source"
    ]


def test_alias_collisions_and_empty_aliases_are_located_at_the_alias():
    text = HEAD + "  - id: IND\n    name: India\n    kind: state\n    aliases: [Bharat, '', washington]\n"
    assert problems(text) == [
        "f.yaml:9:23: entity 'IND': alias 2 is empty: remove it",
        "f.yaml:9:27: entity 'IND': the name or alias 'washington' also names entity 'USA'; every name must "
        "point at one entity",
    ]


def test_part_of_cycles_are_refused():
    text = HEAD + "  - {id: A, name: A, kind: office, part_of: B}\n  - {id: B, name: B, kind: office, part_of: A}\n"
    assert problems(text) == [
        "f.yaml:6:45: entity 'A': part_of goes round in a circle: A -> B -> A; one of them must not be part of "
        "the other",
        "f.yaml:7:45: entity 'B': part_of goes round in a circle: B -> A -> B; one of them must not be part of "
        "the other",
    ]


def test_empty_text_path_and_bad_code_names():
    assert problems(HEAD.replace("published: 2025}", "published: 2025, text: ''}")) == [
        "f.yaml:2:67: source 's1': 'text' is empty: give the path of the stored text (relative to this data "
        "file), or leave 'text' out"
    ]
    assert problems(HEAD.replace("aliases: [Islamabad]", 'codes: {"iso 3": PAK}')) == [
        "f.yaml:4:52: entity 'PAK': bad code name 'iso 3': a code name is a word of ASCII letters, digits and "
        "_ starting with a letter (wikidata, iso3, cameo, ...)"
    ]
