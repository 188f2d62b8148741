"""Drafting from news pages (issue 20): page furniture, attribution, denials, names, dates, merged
candidates, `new-source PAGE.html`, and located errors in the user's lexicon and gazetteer.

Every text here is a constructed example written for these tests (invented events and people).
"""

from __future__ import annotations

import json
import sys
from datetime import date

import pytest
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.draft import DraftError, GazetteerError, LexiconError, draft
from graph.draft.dates import find_dates
from graph.draft.output import draft_document, dump, read_draft
from graph.draft.page import read_page
from tests.conftest import DATA, ROOT

PAGES = ROOT / "tests" / "draft" / "pages"
DS = graph.loads("""
entities:
  - {id: PAK, name: Pakistan, kind: state, codes: {iso3: PAK}}
  - {id: AFG, name: Afghanistan, kind: state, codes: {iso3: AFG}}
  - {id: IND, name: India, kind: state, codes: {iso3: IND}}
  - {id: USA, name: United States, kind: state, codes: {iso3: USA}}
  - {id: CHN, name: China, kind: state, codes: {iso3: CHN}}
  - {id: IRN, name: Iran, kind: state, codes: {iso3: IRN}}
  - {id: TAL, name: Taliban, kind: de_facto_authority, aliases: [the Taliban]}
  - {id: NAQVI, name: Saima Naqvi, kind: person, part_of: PAK}
""")

PAGE = """India blames Pakistan for border raid, says army
Web Desk
Published March 12, 2026 | Updated 11:20am PKT

NEW DELHI: India on Thursday accused Pakistan of backing the Lashkar-e-Taiba fighters who attacked an \
Indian army post in Kupwara last week, and summoned Pakistan's envoy.

Pakistan's Foreign Office rejected the charge. In a post on X, spokeswoman Saima Naqvi said Islamabad had \
no link to the attackers and accused India of staging the raid.

Share
Follow us on X"""


def claims(text, ds=DS, **kw):
    return [(c.subject, c.type, c.object, c.modality, c.asserted_by, c.when) for c in draft(text, ds, **kw).claims]


# -- the page ---------------------------------------------------------------------------------------


def test_header_dateline_and_furniture_are_not_names_or_claims():
    r = draft(PAGE, DS)
    p = r.page
    assert PAGE[p.headline[0] : p.headline[1]] == "India blames Pakistan for border raid, says army"
    assert (str(p.date), p.date_from, p.dateline) == ("2026-03-12", "timestamp", "NEW DELHI")
    furniture = [PAGE[s:e] for s, e in p.furniture]
    assert furniture == [
        "Web Desk",
        "Published March 12, 2026 | Updated 11:20am PKT",
        "NEW DELHI:",
        "Share",
        "Follow us on X",
    ]
    names = {n.name for n in r.all_names}
    assert not names & {"Web Desk", "Published", "March", "PKT", "Share", "Follow", "X", "Updated"}
    for c in r.claims:
        for _, s, _e in c.quotes:
            assert not any(fs <= s < fe for fs, fe in p.furniture)


def test_the_articles_date_timestamp_then_dateline_then_published():
    assert (
        str(read_page("A headline\nBy Ann Lee\n\nKABUL, Nov 4 — Iran said so.", published="2025-01-01").date)
        == "2025-11-04"
    )  # the dateline's day, the year of --published
    assert str(read_page("Iran met Iraq on Tuesday.", published="2026-03-12").date) == "2026-03-12"
    p = read_page("Title\nStaff Reporter\n17/12/2025 11:48\n\nTEHRAN: Iran said so.", published="2020-01-01")
    assert (str(p.date), p.date_from) == ("2025-12-17", "timestamp")


# -- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, when",
    [
        ("on Thursday", "2026-03-12"),  # the article's own weekday is that very day
        ("late on Monday", "2026-03-09"),
        ("last week", "2026-03-02..2026-03-08"),
        ("last month", "2026-02"),
        ("earlier this year", "2026"),
        ("last October", "2025-10"),
        ("in March 2024", "2024-03"),
        ("on March 3", "2026-03-03"),
        ("since April 2022", "2022-04.."),
        ("between October 2023 and December 2024", "2023-10..2024-12"),
        ("two weeks ago", "2026-02-23..2026-03-01"),
    ],
)
def test_dates_resolved_against_the_article(words, when):
    found = find_dates(f"Iran acted {words}, officials said.", date(2026, 3, 12))
    assert [(d.text, d.when) for d in found] == [(words, when)]


def test_may_the_modal_is_no_date_and_that_year_is_the_year_named():
    assert find_dates("Iran may attack. May the talks go on.", date(2026, 3, 12)) == []
    [d] = [d for d in find_dates("The 2023 agreement, brokered in March of that year.", date(2026, 3, 12))]
    assert d.when == "2023-03"


def test_when_of_a_claim_is_its_own_date_not_the_speakers():
    c = claims("Pakistan said on Tuesday that India attacked Pakistani posts in January.", published="2026-03-12")
    assert c == [("IND", "ASSAULT", "PAK", "claimed", "PAK", "2026-01")]
    c = claims("India on Thursday accused Pakistan of backing the attack.", published="2026-03-12")
    assert c[0][:3] == ("IND", "ACCUSE", "PAK") and c[0][5] == "2026-03-12"


# -- attribution ------------------------------------------------------------------------------------


def test_headline_attribution_is_the_speaker_not_an_actor():
    # the case: "US left no weapons for militants, says spokesman" was asserted by the militants
    text = "US supplied no weapons to the Taliban, says Pentagon\nBy Ann Lee\n\nWASHINGTON — Nothing else here."
    c = claims(text)
    assert c == [("USA", "AID", "TAL", "denied", "USA-DOD", None)]
    text = "Indian troops killed two Pakistani civilians: Foreign Office\nWeb Desk\n\nISLAMABAD: Nothing more."
    assert claims(text) == [("IND", "ASSAULT", "PAK", "claimed", "PAK-FO", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "China urged Iran to talk, a Pentagon spokesman said on Wednesday.",
            ("CHN", "REQUEST", "IRN", "claimed", "USA-DOD"),
        ),
        ("Iran attacked Pakistan, according to the Foreign Office.", ("IRN", "ASSAULT", "PAK", "claimed", "PAK-FO")),
        (
            "India shelled Pakistan, Islamabad's spokesman, Saima Naqvi, said.",
            ("IND", "ASSAULT", "PAK", "claimed", "NAQVI"),
        ),
        (
            "Pakistan's military said on Sunday that the Taliban had attacked Pakistani posts.",
            ("TAL", "ASSAULT", "PAK", "claimed", "PAK-ARMY"),
        ),
        ('"Iran has attacked Pakistan," Naqvi told reporters in Kabul.', ("IRN", "ASSAULT", "PAK", "claimed", "NAQVI")),
    ],
)
def test_speakers(text, expected):
    assert claims(text)[0][:5] == expected


def test_a_speech_would_is_claimed_and_a_could_speculated():
    assert claims("Naqvi said Pakistan would seek aid from China.")[0][3:5] == ("claimed", "NAQVI")
    assert claims("Naqvi said Pakistan could seek aid from China.")[0][3:5] == ("speculated", "NAQVI")


# -- denials ----------------------------------------------------------------------------------------


def test_denial_is_the_event_denied_and_a_denial_points_back():
    c = claims(PAGE)
    assert ("IND", "ACCUSE", "PAK", "reported", None, "2026-03-12") in c
    assert ("PAK", "SUPPORT", "LET", "claimed", "IND") in [x[:5] for x in c]
    # "Pakistan's Foreign Office rejected the charge": it denies what India's accusation said of Pakistan
    denied = [x[:5] for x in c if x[3] == "denied" and x[4] == "PAK-FO"]
    assert denied == [("PAK", "SUPPORT", "LET", "denied", "PAK-FO")]
    # "had no link to the attackers and accused India of staging the raid": a denial and a counter-accusation
    assert ("NAQVI", "ACCUSE", "IND", "reported", None) in [x[:5] for x in c]
    assert not any(x[1] == "REJECT" for x in c)  # no "Pakistan rejects India": that is not what it says


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran on Wednesday denied supplying drones to the Taliban.", ("IRN", "AID", "TAL", "denied", "IRN")),
        (
            "Naqvi accused India of funding the Taliban, a charge New Delhi has repeatedly rejected.",
            ("IND", "AID", "TAL", "denied", "IND"),
        ),
        (
            "India accused Pakistan of arming the Taliban. Pakistan has always denied the charge.",
            ("PAK", "AID", "TAL", "denied", "PAK"),
        ),
        ('"The Taliban have no link to Iran," Naqvi said.', ("TAL", "AID", "IRN", "denied", "NAQVI")),
    ],
)
def test_denials(text, expected):
    assert expected in [x[:5] for x in claims(text)]


def test_rejecting_a_request_is_a_rejection_not_a_denial():
    c = claims("China asked India to talk. India rejected the request.")
    assert ("IND", "REJECT", "CHN", "reported", None) in [x[:5] for x in c]


# -- names ------------------------------------------------------------------------------------------


def test_one_entity_per_person_and_known_persons_by_surname():
    text = (
        "Foreign Minister Kamran Aziz Malik met Chinese officials. Kamran Aziz Malik said China would help. "
        "Malik left. Naqvi stayed."
    )
    r = draft(text, DS)
    malik = [n for n in r.new_names if "Malik" in n.name]
    assert len(malik) == 1 and (malik[0].name, malik[0].kind, malik[0].count) == ("Kamran Aziz Malik", "person", 3)
    assert "Malik" in malik[0].aliases
    assert ("NAQVI", "Naqvi") in [(m.entity, m.text) for m in r.mentions]  # the data's person, by surname


def test_offices_and_the_taliban_s_other_names():
    text = (
        "The Pentagon and the State Department praised the interim Afghan government. Kabul's rulers thanked "
        "the Islamic Emirate's defence ministry. The Kremlin welcomed Pakistan's military."
    )
    r = draft(text, DS)
    proposed = {n.id: (n.kind, n.part_of) for n in r.new_names}
    assert proposed["USA-DOD"] == ("office", "USA") and proposed["USA-DOS"] == ("office", "USA")
    assert proposed["RUS-KREMLIN"] == ("office", "RUS") and proposed["PAK-ARMY"] == ("office", "PAK")
    assert proposed["TAL-MOD"] == ("office", "TAL")
    assert {m.text for m in r.mentions if m.entity == "TAL"} == {"the interim Afghan government", "Kabul's rulers"}
    assert [n.aliases for n in r.new_names if n.id == "TAL-MOD"] == [["the Islamic Emirate's defence ministry"]]
    assert not [m for m in r.mentions if m.entity == "AFG"]  # none of them is the state, nor the city


def test_junk_is_no_name_and_multi_word_names_stay_whole():
    text = (
        "Sun, Nov 9, 2025\n\nTestifying before lawmakers, Despite the rain, Top officials posted on X. "
        "Pakistan joined the Belt and Road Initiative in May 2015. Ali Raza, a spokesman, agreed."
    )
    names = {n.name: n.kind for n in draft(text, DS).all_names}
    assert "Belt and Road Initiative" in names and "Ali Raza" in names
    assert not set(names) & {"Sun", "Nov", "Testifying", "Despite", "Top", "X", "May", "Belt", "Road Initiative"}


# -- candidates -------------------------------------------------------------------------------------


def test_one_candidate_per_claim_with_every_quote():
    text = (
        "Iran backs the Taliban, says India\nWeb Desk\n\nNEW DELHI: India said Iran backs the Taliban. "
        "Later, India said again that Iran backs the Taliban."
    )
    r = draft(text, DS)
    c = [c for c in r.claims if (c.subject, c.object, c.asserted_by) == ("IRN", "TAL", "IND")]
    assert len(c) == 1 and len(c[0].quotes) == 3
    assert [text[s:e] for _, s, e in c[0].quotes] == [q for q, _, _ in c[0].quotes]
    out = c[0].to_json()
    assert out["quotes"] == [q for q, _, _ in c[0].quotes] and out["quote"] == out["quotes"][0]


def test_the_draft_file_keeps_its_format_and_gains_when_and_quotes():
    r = draft(PAGE, DS)
    doc = read_draft(dump(draft_document(r, source_id="s", text_path="t.txt", known=DS.entities)), "d.yaml")
    rel = next(
        x for x in doc["relations"] if x["type"] == "ACCUSE" and x["subject"] == "IND" and x["modality"] == "reported"
    )
    assert rel["when"] == "2026-03-12" and rel["evidence"][0] == {"source": "s", "quote": rel["evidence"][0]["quote"]}
    assert doc["sources"][0]["published"] == "2026-03-12"
    assert doc["draft"]["page"]["date"] == "2026-03-12" and doc["draft"]["page"]["headline"] == [0, 48]
    offices = {e["id"]: e for e in doc["entities"]}
    assert offices["LET"]["kind"] == "armed_group"


# -- new-source PAGE.html ---------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_source_reads_a_saved_web_page(workdir):
    r = run("new-source", PAGES / "border-shelling.html", "--id", "border-shelling")
    assert r.exit_code == 0, r.output
    text = (workdir / "data" / "texts" / "border-shelling.txt").read_text(encoding="utf-8")
    assert text.startswith(
        "Iran accuses Pakistan of shelling border villages; Islamabad rejects charge\n"
        "By Farah Nadeem\nPublished 2026-04-15\n\nTEHRAN: Iran on Wednesday accused"
    )
    assert "Most read" not in text and "Follow us" not in text and "Copyright" not in text
    src = graph.load("data").source("border-shelling")
    assert (src.title, str(src.published), src.author, src.outlet, src.url) == (
        "Iran accuses Pakistan of shelling border villages; Islamabad rejects charge",
        "2026-04-15",
        "Farah Nadeem",
        "The Example Herald",
        "https://herald.example.org/world/2026/04/15/iran-pakistan-border",
    )
    r = run("draft", "data/texts/border-shelling.txt", "--json")
    out = json.loads(r.output)
    assert ("PAK", "ASSAULT", "IRN", "denied", "PAK-FO") in [
        (c["subject"], c["type"], c["object"], c["modality"], c["asserted_by"]) for c in out["claims"]
    ]


def test_new_source_refuses_pages_that_are_no_articles(workdir, tmp_path):
    cases = {
        PAGES / "not-an-article.html": "no article text found",
        tmp_path / "empty.html": "the page is empty",
        tmp_path / "plain.html": "not an HTML page",
    }
    (tmp_path / "empty.html").write_bytes(b"  \n")
    (tmp_path / "plain.html").write_bytes(b"Just some words, no markup at all.")
    for page, message in cases.items():
        r = run("new-source", page, "--id", "x")
        assert r.exit_code == 1 and message in r.output and "Traceback" not in r.output, r.output
        assert not (workdir / "data" / "x.yaml").exists() and not (workdir / "data" / "texts" / "x.txt").exists()


def test_new_source_huge_page_and_other_encodings(workdir, tmp_path, monkeypatch):
    page = (PAGES / "border-shelling.html").read_text(encoding="utf-8")
    latin = (
        page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
        .replace("Farah Nadeem", "Farah Nadeem")
        .replace("TEHRAN: Iran", "TEHRAN: Iran’s café diplomacy aside, Iran")
    )
    (tmp_path / "cp1252.html").write_bytes(latin.encode("cp1252"))
    r = run("new-source", tmp_path / "cp1252.html", "--id", "enc")
    assert r.exit_code == 0, r.output
    assert "Iran’s café diplomacy" in (workdir / "data" / "texts" / "enc.txt").read_text(encoding="utf-8")
    import graph.draft.web as web

    monkeypatch.setattr(web, "MAX_PAGE_BYTES", 1000)
    r = run("new-source", PAGES / "border-shelling.html", "--id", "big")
    assert r.exit_code == 1 and "larger than the limit" in r.output and not (workdir / "data" / "big.yaml").exists()


def test_new_source_without_the_web_extra_says_what_to_install(workdir, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    r = run("new-source", PAGES / "border-shelling.html", "--id", "x")
    assert r.exit_code == 1 and "pip install 'actorgraph[web]'" in r.output
    assert not (workdir / "data" / "x.yaml").exists()


# -- the user's lexicon and gazetteer ------------------------------------------------------------------


def test_mistakes_in_the_users_lexicon_and_gazetteer_are_located(workdir):
    (workdir / "lex.yaml").write_text(
        "cues:\n  - {cue: snub, type: SNUB}\n  - {cue: x, type: REJECT, mode: nope}\n", encoding="utf-8"
    )
    (workdir / "gaz.yaml").write_text(
        "offices:\n  PAK:\n    - {id: PAK X, name: Y}\nmovements:\n  - {name: Z}\n", encoding="utf-8"
    )
    (workdir / "t.txt").write_text("Iran snubbed Pakistan.", encoding="utf-8")
    r = run("draft", "t.txt", "--lexicon", "lex.yaml")
    assert r.exit_code == 2 and "lex.yaml:2:23: unknown type 'SNUB'" in r.output
    assert "lex.yaml:3:34: REJECT has no mode 'nope'" in r.output
    r = run("draft", "t.txt", "--gazetteer", "gaz.yaml")
    assert r.exit_code == 2 and "gaz.yaml:3:12: id 'PAK X'" in r.output and "gaz.yaml:5:5: missing 'id'" in r.output
    assert not (workdir / "drafts").exists()
    with pytest.raises(LexiconError) as e:
        draft("Iran snubbed Pakistan.", DS, lexicon=workdir / "lex.yaml")
    assert e.value.problems[0].line == 2
    with pytest.raises(GazetteerError):
        draft("Iran snubbed Pakistan.", DS, gazetteer=workdir / "gaz.yaml")
    (workdir / "gaz2.yaml").write_text(
        "movements:\n  - {id: SOME-FRONT, name: Some Front, kind: armed_group}\n", encoding="utf-8"
    )
    r = draft("Iran armed the Some Front.", DS, gazetteer=workdir / "gaz2.yaml")
    assert [(c.subject, c.object) for c in r.claims] == [("IRN", "SOME-FRONT")]


def test_a_text_that_is_no_text():
    with pytest.raises(DraftError):
        draft("   ", DS)


# -- the gold set -----------------------------------------------------------------------------------


def test_the_news_gold_is_split_and_valid():
    halves = {h: sorted((ROOT / "benchmarks" / "draft_news" / h).glob("*.yaml")) for h in ("dev", "test")}
    assert len(halves["dev"]) == len(halves["test"]) == 12
    counts = {h: sum(len(graph.load(p).relations()) for p in paths) for h, paths in halves.items()}
    assert counts["dev"] + counts["test"] >= 250
    for paths in halves.values():
        for p in paths:
            assert "constructed example" in p.read_text(encoding="utf-8").lower()
            assert "Constructed example written for actorgraph" in p.with_suffix(".txt").read_text(encoding="utf-8")
