"""The fifth round of drafting rules for names (issue 20), general rather than tuned to phrases: a draft
proposes the names its candidates use and keeps the others apart; words for peoples, faiths and regions
are no names (a demonym of a new name is that name); long names stay whole; common English words that
open a sentence, a caption or a label are no names; a state named in passing is not proposed.

Every text here is a constructed example written for these tests (invented events and people).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft
from graph.draft.output import draft_document

STATES = {"GEO": "Georgia", "KEN": "Kenya", "PAK": "Pakistan", "IRN": "Iran", "CHN": "China", "PAN": "Panama"}
DS = graph.loads(
    json.dumps({"entities": [{"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()]})
)


def found(text, ds=DS):
    """Every new name of the text, proposed or only mentioned."""
    return {n.name: n for n in draft(text, ds).all_names}


def test_the_office_of_a_proposed_speaker_is_proposed_with_them():
    # a guard: the office that titles a claimant stays proposed (it was before this round too)
    text = "Iran accused Pakistan of shelling a border post, foreign ministry spokesman Dariush Vahidi said."
    r = draft(text, DS)
    ids = {n.id for n in r.new_names}
    assert "DARIUSH-VAHIDI" in ids and "IRN-MFA" in ids


def test_a_draft_proposes_the_names_its_candidates_use_and_keeps_the_others_apart():
    text = (
        "TBILISI — Georgia accused Pakistan of arming rebels, government spokeswoman Tamar Ruadze said on "
        "Monday. The lawyer Nodar Keshelava, who lives in Batumi, was not available."
    )
    r = draft(text, DS)
    proposed = {n.name for n in r.new_names}
    assert "Tamar Ruadze" in proposed  # the claimant
    assert not proposed & {"Batumi", "Nodar Keshelava"}  # in no candidate
    other = {n.name: n for n in r.mentioned}
    assert {"Batumi", "Nodar Keshelava"} <= set(other)
    assert all(text[s:e] for n in other.values() for s, e in n.spans)
    out = r.to_json()
    assert {n["name"] for n in out["mentioned"]} == set(other)
    assert [text[s:e] for n in out["mentioned"] if n["name"] == "Batumi" for s, e in n["spans"]] == ["Batumi"]
    # the draft file: the other names in its header, never as suggested entities
    doc = draft_document(r, source_id="s1", text_path="t.txt", known=DS.entities)
    assert {e["name"] for e in doc["entities"]} == proposed
    assert {n["name"] for n in doc["draft"]["mentioned"]} == set(other)


def test_words_for_peoples_faiths_and_regions_are_no_names():
    text = (
        "Local Muslims and Hutu farmers fled the valley, Kenya said. Central Asians watched closely, and a "
        "Southeast Asian diplomat called for calm. The Muslim Brotherhood of Zarnia denied any role."
    )
    got = found(text)
    assert not set(got) & {"Muslims", "Hutu", "Central Asians", "Southeast Asian", "Muslim", "Southeast"}
    assert "Muslim Brotherhood of Zarnia" in got  # a head noun after it: an organisation's name


def test_a_demonym_of_a_new_name_is_that_name():
    text = (
        "West Zemblan border guards detained two farmers from Georgia on Tuesday. West Zembla says the "
        "farmers crossed the line."
    )
    r = draft(text, DS)
    names = {n.name: n for n in r.all_names}
    assert "West Zemblan" not in names
    assert "West Zemblan" in names["West Zembla"].aliases
    assert any(c.subject == names["West Zembla"].id and c.object == "GEO" for c in r.claims)


def test_long_names_are_kept_whole():
    text = (
        "Kenya opened the Grand Kenyan Lakeside Dam on Monday. Rebels attacked a post in Varna and Koslo "
        "province. China criticised a Port Ellery-based company."
    )
    got = found(text)
    assert got["Grand Kenyan Lakeside Dam"].kind == "place"
    assert "Grand" not in got and "Lakeside Dam" not in got
    assert "Varna and Koslo" in got and "Varna" not in got and "Koslo" not in got
    assert "Port Ellery" in got and "Port" not in got
    # the state's demonym inside the dam's name is no actor of the sentence
    assert not any(c.object == "KEN" for c in draft(text, DS).claims)


def test_common_words_opening_a_sentence_caption_or_dateline_are_no_names():
    text = (
        "QUETTA / KARACHI: Gunmen attacked a convoy near the border, Pakistan said.\n\n"
        "Photo: Soldiers on patrol near the crossing. Image: File\n\n"
        "Outside powers could help. Peace talks resumed on Friday, said Omar Baloch, who chairs the committee."
    )
    got = found(text)
    assert not set(got) & {"Gunmen", "File", "Outside", "Peace"}
    assert "Omar Baloch" in got
    # a word the text also capitalises inside a sentence stays a name
    also = text + " Lina Ortez leads Peace, a civic movement, in Karachi."
    assert "Peace" in found(also)


def test_a_state_named_in_passing_is_not_proposed_and_one_a_claim_uses_is_a_state():
    text = "Georgia accused Belgium of hosting the rebels. The talks had been held in Malaysia."
    r = draft(text, DS)
    proposed = {n.name: n for n in r.new_names}
    assert (proposed["Belgium"].kind, proposed["Belgium"].id) == ("state", "BEL")
    assert "Malaysia" not in proposed and "Malaysia" in {n.name for n in r.mentioned}
