"""The sixth round of drafting rules (issue 20), structural: a pair named as one ("the neighbours", "the
two", "both sides") acting on itself, the makers of "the ceasefire they signed", and speakers named
together ("A, B and C said ... and urged Y") each acting and claiming for themselves.

Every text here is a constructed example written for these tests (invented events and people).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft

STATES = {"TCD": "Chad", "NER": "Niger", "SRB": "Serbia", "PAK": "Pakistan", "CHL": "Chile", "PER": "Peru"}
DS = graph.loads(
    json.dumps({"entities": [{"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()]})
)


def claims(text, ds=DS, **kw):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, ds, **kw).claims}


def pairs(text):
    return {(s, t, o) for s, t, o, _, _ in claims(text)}


def test_the_neighbours_with_no_object_act_on_each_other():
    text = (
        "SANTIAGO — Chile and Peru held talks on Monday about the fishing dispute.\n\n"
        "The neighbours fought a short war in 1879, and signed a peace agreement in 1883."
    )
    got = pairs(text)
    assert {("CHL", "ASSAULT", "PER"), ("PER", "ASSAULT", "CHL")} <= got
    assert {("CHL", "AGREE", "PER"), ("PER", "AGREE", "CHL")} <= got


def test_an_agreement_between_the_two_is_theirs():
    text = (
        "SANTIAGO — Chile and Peru held talks on Monday about the fishing dispute.\n\n"
        "A fisheries agreement between the two could be signed within months, officials said."
    )
    got = pairs(text)
    assert {("CHL", "AGREE", "PER"), ("PER", "AGREE", "CHL")} <= got


def test_the_ceasefire_they_signed_is_its_makers_also_inside_a_request():
    text = (
        "NDJAMENA — Serbia called on Chad and Niger on Friday to respect the ceasefire they signed in Belgrade "
        "last year."
    )
    got = pairs(text)
    assert {("TCD", "RETREAT", "NER"), ("NER", "RETREAT", "TCD")} <= got
    assert not any(s == "SRB" and o in ("TCD", "NER") and t == "RETREAT" for s, t, o in got)


def test_talks_a_third_state_hosts_between_the_two_sides_are_not_theirs():
    text = (
        "SANTIAGO — Chile and Peru traded accusations on Monday over the fishing dispute.\n\n"
        "Serbia could host fresh talks between the two sides."
    )
    got = pairs(text)
    assert ("CHL", "CONSULT", "PER") not in got and ("PER", "CONSULT", "CHL") not in got


def test_a_pair_named_as_one_does_not_act_on_itself_in_a_purpose_clause():
    text = (
        "SANTIAGO — Chile and Peru held talks on Monday.\n\n"
        "The two governments signed a security agreement in 2023 to fight smuggling along the coast."
    )
    got = pairs(text)
    assert ("CHL", "ASSAULT", "PER") not in got and ("PER", "ASSAULT", "CHL") not in got


def test_speakers_named_together_each_urge():
    text = (
        "BELGRADE — Chad, Niger and Serbia said in a joint statement on Tuesday that the inspectors had been "
        "turned away, and urged Pakistan to restore full access without delay."
    )
    got = claims(text)
    for state in ("TCD", "NER", "SRB"):
        assert (state, "REQUEST", "PAK", "reported", None) in got


def test_speakers_named_together_each_claim_their_own_act():
    text = (
        "NIAMEY — Chad and Niger, which with Serbia make up a regional bloc, said in a joint statement that "
        "they stood with Belgrade and would also recall their ambassadors from Islamabad."
    )
    got = claims(text)
    assert ("TCD", "SANCTION", "PAK", "claimed", "TCD") in got
    assert ("NER", "SANCTION", "PAK", "claimed", "NER") in got
    assert not any(s == "SRB" and t == "SANCTION" for s, t, _, _, _ in got)
