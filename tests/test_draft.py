"""graph.draft and the draft / quote / new-source commands, on constructed texts (tests/draft/)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import graph
from graph.cli import main
from graph.draft import DraftError, Lexicon, LexiconError, draft, read_text
from graph.draft.gazetteer import states
from graph.draft.output import DRAFT_KEYS, read_draft
from graph.errors import DraftFileError
from graph.texts import find_quote, quote_mismatch
from tests.conftest import DATA, ROOT

HERE = ROOT / "tests" / "draft"
SEED_TEXT = DATA / "texts" / "000_e8862f374e2db2d8.txt"
STATES = graph.loads("""
entities:
  - {id: IRN, name: Iran, kind: state, codes: {iso3: IRN}}
  - {id: USA, name: United States, kind: state, codes: {iso3: USA}}
  - {id: RUS, name: Russia, kind: state, codes: {iso3: RUS}}
  - {id: CHN, name: China, kind: state, codes: {iso3: CHN}}
  - {id: SYR, name: Syria, kind: state, codes: {iso3: SYR}}
  - {id: AFG, name: Afghanistan, kind: state, codes: {iso3: AFG}}
  - {id: PAK, name: Pakistan, kind: state, codes: {iso3: PAK}}
  - {id: IND, name: India, kind: state}
""")


def run(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], **kw)


# -- mentions ---------------------------------------------------------------------------------


def test_gazetteer_names_find_the_datasets_states():
    r = draft((HERE / "ministries.txt").read_text(encoding="utf-8"), STATES)
    found = {(m.text, m.entity) for m in r.mentions}
    assert {
        ("Tehran", "IRN"),
        ("Russian", "RUS"),
        ("Chinese", "CHN"),
        ("Moscow", "RUS"),
        ("Afghans", "AFG"),
        ("Pakistan", "PAK"),
        ("Islamabad", "PAK"),
    } <= found
    via = {m.text: m.via for m in r.mentions}
    assert via["Tehran"] == "gazetteer: capital" and via["Iran"] == "name" and via["Afghans"] == "gazetteer: demonym"
    # "The Iranian foreign ministry" is an office of the gazetteer the dataset lacks: proposed, part of Iran
    office = next(n for n in r.new_names if n.id == "IRN-MFA")
    assert (office.kind, office.part_of, office.name) == ("office", "IRN", "Ministry of Foreign Affairs of Iran")
    # an office is never folded into its state: "the State Department" is proposed as the office it is
    r = draft("Tehran accused the State Department of stoking unrest.", STATES)
    office = next(n for n in r.new_names if n.id == "USA-DOS")
    assert (office.kind, office.part_of, office.name) == ("office", "USA", "State Department")
    assert [(c.subject, c.object) for c in r.claims] == [("IRN", "USA-DOS")]
    text = r.text
    for m in r.mentions:
        assert text[m.start : m.end] == m.text


def test_states_matched_by_id_when_no_iso_code():
    # IND has no codes: its id is the ISO code
    assert [m.entity for m in draft("New Delhi and Indian envoys", STATES).mentions] == ["IND", "IND"]


def test_case_possessives_plurals_and_capitals_only():
    ds = graph.loads("""
entities:
  - {id: USA, name: United States, kind: state, aliases: [US, America]}
  - {id: TG, name: Terror groups, kind: armed_group, aliases: [terrorists]}
  - {id: PAK, name: Pakistan, kind: state}
""")
    r = draft("Let us see: AMERICA and pakistan’s US allies fought a terrorist cell. Pakistan's terrorists.", ds)
    assert [(m.text, m.entity) for m in r.mentions] == [
        ("AMERICA", "USA"),
        ("pakistan", "PAK"),
        ("US", "USA"),
        ("terrorist", "TG"),
        ("Pakistan", "PAK"),
        ("terrorists", "TG"),
    ]


def test_longest_match_and_the_datasets_names_win(seed):
    r = draft("The Kabul regime and Kabul. Pakistan's foreign office met the Foreign Office.", seed)
    # "Kabul" is the dataset's place KABUL, never shadowed by the gazetteer's capital of AFG
    assert [(m.text, m.entity) for m in r.mentions] == [
        ("Kabul", "KABUL"),
        ("Kabul", "KABUL"),
        ("Pakistan's foreign office", "PAK-FO"),
        ("the Foreign Office", "PAK-FO"),
    ]


def test_gazetteer_is_the_worlds_states():
    s = states()
    assert len(s) >= 193
    assert s["CHN"].capital == "Beijing" and "Chinese" in s["CHN"].demonyms
    assert all(len(code) == 3 and code.isupper() for code in s)
    assert s["IND"].capital == "New Delhi" and s["IRN"].capital == "Tehran"


# -- new names ----------------------------------------------------------------------------------


def test_new_names_with_counts_and_kinds():
    text = (
        "Spokeswoman Lena Markova spoke. Qatar and the Qatari envoy met in Kurram province. "
        "The Awami Party left. However, Lena Markova stayed."
    )
    names = {n.name: n.to_json() for n in draft(text, STATES).all_names}  # proposed or only mentioned
    assert names["Lena Markova"] == {"name": "Lena Markova", "count": 2, "kind": "person"}
    assert names["Qatar"] == {"name": "Qatar", "count": 2, "kind": "state"}  # gazetteer: not in the dataset
    assert names["Kurram"]["kind"] == "place" and names["Awami Party"]["kind"] == "organisation"
    assert "However" not in names and "The" not in names and "Spokeswoman" not in str(names)


# -- candidate claims ------------------------------------------------------------------------------


def claims(text, ds=STATES, **kw):
    return [
        (c["subject"], c["type"], c["object"], c["modality"], c["asserted_by"])
        for c in draft(text, ds, **kw).to_json()["claims"]
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran accused Russia of lying.", ("IRN", "ACCUSE", "RUS", "reported", None)),
        ("Iran should stop arming Syria.", ("IRN", "AID", "SYR", "recommended", None)),
        ("It is critical that Iran supports Syria.", ("IRN", "SUPPORT", "SYR", "recommended", None)),
        ("Iran could attack Syria.", ("IRN", "ASSAULT", "SYR", "speculated", None)),
        ("Iran did not attack Syria.", ("IRN", "ASSAULT", "SYR", "denied", None)),
        ("Iran has given no indication of compliance with Syria.", ("IRN", "CONCEDE", "SYR", "denied", None)),
        ("Iran attacked Syria, according to Russia.", ("IRN", "ASSAULT", "SYR", "claimed", "RUS")),
        ("Russia denied that it had attacked Syria.", ("RUS", "ASSAULT", "SYR", "denied", "RUS")),
        ("Syria faces threats from Iran.", ("IRN", "THREATEN", "SYR", "reported", None)),
        ("Syria was attacked by Iran.", ("IRN", "ASSAULT", "SYR", "reported", None)),
    ],
)
def test_type_modality_and_speaker_from_cues(text, expected):
    assert claims(text)[0] == expected


def test_groups_reciprocal_and_references():
    assert claims("China, Russia and Iran met.") == [
        (a, "CONSULT", b, "reported", None) for a in ("CHN", "RUS", "IRN") for b in ("CHN", "RUS", "IRN") if a != b
    ]
    assert claims("Iran and Syria clashed. China urged both sides to talk.")[-2:] == [
        ("CHN", "REQUEST", "IRN", "reported", None),
        ("CHN", "REQUEST", "SYR", "reported", None),
    ]
    # no claim between the members of a list
    assert all({s, o} != {"RUS", "IRN"} for s, _, o, _, _ in claims("Beijing courted Russia, Iran and Syria."))


def test_speaker_is_a_new_name():
    # reported speech: "would" is the "will" the speaker said, so the claim is hers, not a speculation
    c = claims("Spokeswoman Lena Markova said Moscow would send troops to Syria.")
    assert c == [("RUS", "AID", "SYR", "claimed", "LENA-MARKOVA")]
    assert claims("Spokeswoman Lena Markova said Moscow could send troops to Syria.") == [
        ("RUS", "AID", "SYR", "speculated", "LENA-MARKOVA")
    ]


def test_perspective_we_and_carried_focus():
    c = claims("India must talk to China. We should support Syria.", perspective="India")
    assert ("IND", "SUPPORT", "SYR", "recommended", None) in c
    # an actor carried over from the clause before: who made what is rejected ("rejected the offer")
    c = claims("Iran welcomed Russia. Syria rejected the offer.")
    assert c[-1][:3] == ("SYR", "REJECT", "IRN")
    c = claims("Iran welcomed Russia. Syria has backed the project.")  # no object named: nothing proposed
    assert c == [("IRN", "SUPPORT", "RUS", "reported", None)]
    c = claims("Iran accused Russia of lying. Later, it threatened Syria.")
    assert c[-1] == ("IRN", "THREATEN", "SYR", "reported", None)  # "it": the actor that acted last


def test_json_shape_and_every_quote_verbatim(seed):
    texts = [
        (SEED_TEXT.read_text(encoding="utf-8"), seed),
        ((HERE / "ministries.txt").read_text(encoding="utf-8"), STATES),
    ]
    texts += [(p.read_text(encoding="utf-8"), STATES) for p in (ROOT / "benchmarks" / "draft_gold").glob("*.txt")]
    for text, ds in texts:
        out = draft(text, ds).to_json()
        assert list(out) == ["mentions", "new_names", "claims", "mentioned"]
        for m in out["mentions"]:
            assert list(m) == ["entity", "text", "start", "end"] and text[m["start"] : m["end"]] == m["text"]
        for n in out["new_names"]:
            assert list(n) == ["name", "count", "kind"] and n["count"] >= 1
        for n in out["mentioned"]:
            assert list(n) == ["name", "count", "kind", "spans"] and all(text[s:e] for s, e in n["spans"])
        for c in out["claims"]:
            assert list(c) == [
                "subject",
                "object",
                "type",
                "mode",
                "modality",
                "asserted_by",
                "quote",
                "cue",
                "confidence",
                "when",
                "quotes",
            ]
            assert c["quote"] in text and c["quote"].strip() == c["quote"]
            assert c["quotes"][0] == c["quote"] and all(q in text for q in c["quotes"])
            assert c["when"] is None or graph.when.parse_when(c["when"])
            assert c["type"] in graph.vocab.RELATION_TYPES and c["modality"] in graph.vocab.MODALITIES
            assert 0 < c["confidence"] <= 1 and c["cue"]
        json.dumps(out)


def test_user_lexicon_extends_the_shipped_one(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("cues:\n  - {cue: snub, type: REJECT, mode: meet}\n", encoding="utf-8")
    assert claims("Iran snubbed Syria.")[0][1] == "CONSULT"  # no cue: the default type
    r = draft("Iran snubbed Syria.", STATES, lexicon=mine).to_json()["claims"][0]
    assert (r["type"], r["mode"], r["cue"]) == ("REJECT", "meet", "'snubbed' -> REJECT/meet")
    bad = tmp_path / "bad.yaml"
    bad.write_text("cues:\n  - {cue: snub, type: SNUB}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown type 'SNUB'"):
        draft("Iran snubbed Syria.", STATES, lexicon=bad)
    assert Lexicon.load().cues


# -- bad input -----------------------------------------------------------------------------------


def test_read_text_refuses_bad_input(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Tehran caf\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("word " * 50, encoding="utf-8")
    with pytest.raises(DraftError, match="not UTF-8"):
        read_text(tmp_path / "latin1.txt")
    with pytest.raises(DraftError, match="empty"):
        read_text(tmp_path / "empty.txt")
    with pytest.raises(DraftError, match="larger than the limit"):
        read_text(tmp_path / "big.txt", limit=100)
    with pytest.raises(DraftError):
        draft("", STATES)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copy(HERE / "ministries.txt", tmp_path / "data" / "texts" / "ministries.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_draft_writes_a_draft_outside_the_data(workdir):
    r = run("draft", "data/texts/ministries.txt")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("wrote drafts/ministries.yaml: ")
    doc = read_draft((workdir / "drafts" / "ministries.yaml").read_text(encoding="utf-8"), "d.yaml")
    assert doc["draft"]["text"] == "../data/texts/ministries.txt" and doc["draft"]["data"] == "../data"
    assert doc["sources"][0]["id"] == "ministries" and doc["sources"][0]["text"] == "../data/texts/ministries.txt"
    assert doc["relations"] and all(rel["status"] == "draft" for rel in doc["relations"])
    assert all(e["status"] == "draft" for e in doc["entities"])
    # the draft is never loaded with the data
    assert graph.load("data").counts()["relations"] == 42
    # accepted as they are (status and cues removed, entities given a kind), they validate as data
    ents = [
        {k: v for k, v in e.items() if k not in DRAFT_KEYS} | {"kind": e["kind"] or "person"} for e in doc["entities"]
    ]
    rels = [{k: v for k, v in rel.items() if k not in DRAFT_KEYS} for rel in doc["relations"]]
    src = dict(doc["sources"][0], text="texts/ministries.txt")
    (workdir / "data" / "accepted.yaml").write_text(
        json.dumps({"sources": [src], "entities": ents, "relations": rels}), encoding="utf-8"
    )
    assert graph.check("data")[1] == []


def test_cli_draft_json_and_the_seed_source(workdir):
    r = run("draft", "data/texts/000_e8862f374e2db2d8.txt", "--json")
    assert r.exit_code == 0
    out = json.loads(r.output)
    assert {m["entity"] for m in out["mentions"]} >= {"PAK", "TAL", "USA", "CHN"}
    assert not (workdir / "drafts").exists()  # --json alone writes nothing
    r = run("draft", "data/texts/000_e8862f374e2db2d8.txt")
    doc = read_draft((workdir / "drafts" / "oped-2025-us-equipment-afghanistan.yaml").read_text(encoding="utf-8"), "d")
    assert doc["sources"] == [] and doc["draft"]["perspective"] == "PAK"  # the known source, its perspective


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfe bad", "is not UTF-8"),
        (b"", "is empty"),
    ],
)
def test_cli_draft_bad_text(workdir, content, message):
    (workdir / "bad.txt").write_bytes(content)
    r = run("draft", "bad.txt")
    assert r.exit_code == 1 and message in r.output and "Traceback" not in r.output
    assert not (workdir / "drafts").exists()


def test_cli_draft_usage_errors(workdir):
    r = run("draft", "data/texts/ministries.txt", "-o", "data/d.yaml")
    assert r.exit_code == 2 and "inside the data folder" in r.output and not (workdir / "data" / "d.yaml").exists()
    r = run("draft", "data/texts/ministries.txt", "--source-id", "bad id")
    assert r.exit_code == 2
    r = run("draft", "missing.txt")
    assert r.exit_code == 1 and "cannot read missing.txt" in r.output


def test_read_draft_refuses_invalid_yaml():
    with pytest.raises(DraftFileError, match="not a valid draft file"):
        read_draft("draft: {text: [\n", "d.yaml")
    with pytest.raises(DraftFileError, match="no 'draft:' header"):
        read_draft("relations: []\n", "d.yaml")


# -- quote and new-source ------------------------------------------------------------------------------


def test_quote_found_and_not_found():
    r = run("quote", SEED_TEXT, "Pakistan's security crisis - stemming")
    assert r.exit_code == 0 and "Pakistan’s security crisis – stemming" in r.output
    r = run("quote", SEED_TEXT, "Pakistan's security crisis, stemming")
    assert r.exit_code == 1
    assert "line 2" in r.output and "security crisis" in r.output
    assert r.output.rstrip().endswith("error: the quote is not verbatim in " + str(SEED_TEXT))
    assert run("quote", SEED_TEXT, "  ").exit_code == 2


def test_the_quote_command_uses_the_validators_finder():
    text = SEED_TEXT.read_text(encoding="utf-8")
    s, e = find_quote(text, "the Taliban recaptured  Kabul")
    assert text[s:e] == "the Taliban recaptured Kabul"
    assert quote_mismatch(text, "the Taliban captured Kabul").startswith(
        "the text has 'recaptured' where the quote has 'captured'"
    )


def test_new_source_skeleton_validates(workdir):
    r = run(
        "new-source",
        "data/texts/ministries.txt",
        "--id",
        "constructed-ministries",
        "--title",
        "A constructed example",
        "--published",
        "2026-01",
        "--perspective",
        "none",
    )
    assert r.exit_code == 0, r.output
    path = workdir / "data" / "constructed-ministries.yaml"
    text = path.read_text(encoding="utf-8")
    assert "text: texts/ministries.txt" in text
    assert graph.load("data").source("constructed-ministries").title == "A constructed example"
    r = run("new-source", "data/texts/ministries.txt", "--id", "constructed-ministries", "--title", "x")
    assert r.exit_code == 1 and "exists already" in r.output and path.read_text(encoding="utf-8") == text
    assert run("new-source", "data/texts/ministries.txt", "--id", "x", "--title", "x", "--kind", "blog").exit_code == 2
    out = workdir / "elsewhere" / "s.yaml"
    r = run("new-source", "data/texts/ministries.txt", "--id", "x2", "--title", "x", "-o", out)
    assert r.exit_code == 0 and "text: ../data/texts/ministries.txt" in out.read_text(encoding="utf-8")


# -- any text ---------------------------------------------------------------------------------------

WORDS = [
    "Iran",
    "Tehran",
    "Russia's",
    "Chinese",
    "and",
    "said",
    "denied that",
    "should",
    "could",
    "not",
    "no",
    "accused",
    "met",
    "both sides",
    "Each",
    "we",
    "our",
    "by",
    "attacked",
    "Lena Markova",
    "the",
    ",",
    ".",
    ";",
    ":",
    "\n",
    "’s",
    "—",
    "According to",
    "If",
    "While",
    "U.S.",
    "Mr.",
    "“",
    "”",
    "é",
    "  ",
    "threats from",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60))
def test_any_text_drafts_with_verbatim_quotes(words):
    text = " ".join(words)
    if not text.strip():
        return
    out = draft(text, STATES, perspective="IRN").to_json()
    for m in out["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    for c in out["claims"]:
        assert c["quote"] and c["quote"] in text
        assert c["subject"] != c["object"]
