"""The fifth round of drafting rules (issue 20), recall: general mechanisms, not phrases of one text. The
acts of armies, border forces, coast guards and police (a broad lexicon of verbs of action), whom "both
sides" and "both governments" stand for, ...

Every text here is a constructed example written for these tests (invented events and people).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft

STATES = {
    "MLI": "Mali",
    "DZA": "Algeria",
    "BFA": "Burkina Faso",
    "NER": "Niger",
    "THA": "Thailand",
    "KHM": "Cambodia",
    "JPN": "Japan",
    "CHN": "China",
    "RUS": "Russia",
    "IRN": "Iran",
    "PAK": "Pakistan",
    "IND": "India",
    "UZB": "Uzbekistan",
    "TJK": "Tajikistan",
}
ENTITIES = [{"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()]
ENTITIES.append({"id": "AU", "name": "African Union", "kind": "organisation"})
DS = graph.loads(json.dumps({"entities": ENTITIES}))


def claims(text, ds=DS, **kw):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, ds, **kw).claims}


def pairs(text, ds=DS):
    return {(c.subject, c.type, c.object) for c in draft(text, ds).claims}


def test_acts_of_armies_border_forces_and_coast_guards_have_cues():
    assert ("DZA", "ASSAULT", "MLI") in pairs("Algerian forces shot down a Malian drone on Sunday.")
    assert ("IRN", "ASSAULT", "PAK") in pairs("Iranian border guards returned fire at Pakistani troops on Monday.")
    assert ("KHM", "ASSAULT", "THA") in pairs("Cambodian troops laid new mines on the Thai side of the border.")
    assert ("CHN-CCG", "MOBILIZE", "JPN") in pairs(
        "Two Chinese coast guard vessels entered Japanese waters on Tuesday."
    )
    assert ("MLI", "MOBILIZE", "DZA") in pairs("Malian drones violated Algerian airspace twice last week.")
    assert ("IRN", "AID", "PAK") in pairs("Iran gave refuge to Pakistani dissidents for years.")
    got = pairs("Chinese and Russian bombers flew a joint patrol over the sea on Sunday.")
    assert {("CHN", "COOPERATE", "RUS"), ("RUS", "COOPERATE", "CHN")} <= got
    got = pairs("Thailand and Cambodia traded blame over the blast.")
    assert {("THA", "ACCUSE", "KHM"), ("KHM", "ACCUSE", "THA")} <= got
    got = pairs("Burkina Faso and Niger recalled their ambassadors from Algeria on Monday.")
    assert {("BFA", "SANCTION", "DZA"), ("NER", "SANCTION", "DZA")} <= got


def test_words_that_look_like_acts_but_are_not():
    # "close to the border" is where; "crossed a red line" and "violating its sovereignty" are figures of speech
    assert pairs("India had moved more troops close to the Pakistani border, Islamabad said.") <= {
        ("IND", "MOBILIZE", "PAK")
    }
    assert not any(t == "MOBILIZE" for _, t, _ in pairs("Iran has crossed a red line with Pakistan, he said."))


def test_both_governments_are_the_two_sides_of_the_story_not_the_allies_named_last():
    text = (
        "BAMAKO — Mali accused Algeria on Monday of shooting down a Malian drone. Algeria accused Mali of "
        "violating its airspace. Burkina Faso and Niger recalled their ambassadors from Algeria in solidarity.\n\n"
        "The African Union urged both governments to exercise restraint."
    )
    got = pairs(text)
    assert {("AU", "REQUEST", "MLI"), ("AU", "REQUEST", "DZA")} <= got
    assert not {("AU", "REQUEST", "BFA"), ("AU", "REQUEST", "NER")} & got


def test_the_two_sides_are_states_not_the_persons_who_met():
    text = (
        "TASHKENT — Uzbekistan on Tuesday asked Tajikistan to slow the filling of the reservoir. Deputy Foreign "
        "Minister Olim Rashidov raised the issue with the Tajik energy minister, Farrukh Nazarov, during a visit "
        "to Dushanbe last week. The two sides agreed to set up a joint working group on water sharing."
    )
    got = pairs(text)
    assert {("UZB", "AGREE", "TJK"), ("TJK", "AGREE", "UZB")} <= got


def test_an_act_against_no_one_named_is_against_the_other_side_of_the_story():
    text = (
        "BANGKOK — Cambodia accused Thailand on Monday of shelling a border village, and Thailand accused "
        "Cambodia of laying new mines. Army spokeswoman Sok Dara said Thai troops had crossed the boundary at "
        "night. The Thai army closed the main checkpoint until further notice."
    )
    got = claims(text)
    assert ("THA", "MOBILIZE", "KHM", "claimed", "SOK-DARA") in got
    assert any(s.startswith("THA") and t == "COERCE" and o == "KHM" for s, t, o, *_ in got)


def test_them_after_a_verb_is_the_actors_named_together_last_not_the_verbs_subject():
    got = pairs(
        "Chinese and Russian bombers flew a joint patrol over the sea on Sunday, and Japan scrambled fighters "
        "to shadow them."
    )
    assert {("JPN", "MOBILIZE", "CHN"), ("JPN", "MOBILIZE", "RUS")} <= got
    got = pairs(
        "Thailand and Cambodia traded accusations over the border on Sunday. Regional envoy Budi Santoso urged "
        "them on Monday to settle the dispute through talks."
    )
    assert {("BUDI-SANTOSO", "REQUEST", "THA"), ("BUDI-SANTOSO", "REQUEST", "KHM")} <= got
