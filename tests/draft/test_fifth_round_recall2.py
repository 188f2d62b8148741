"""The fifth round of drafting rules (issue 20), recall, second pass: general mechanisms, not phrases of
one text. Condemnation told as a verdict on an act ("called the expulsion 'a provocation'", "Such actions
are unacceptable"), ...

Every text here is a constructed example written for these tests (invented events and people).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft

STATES = {
    "EST": "Estonia",
    "RUS": "Russia",
    "PAK": "Pakistan",
    "IRN": "Iran",
    "COL": "Colombia",
    "VEN": "Venezuela",
    "IND": "India",
    "BGD": "Bangladesh",
    "JPN": "Japan",
    "CHN": "China",
    "ISR": "Israel",
    "SAU": "Saudi Arabia",
    "FRA": "France",
}
ENTITIES = [{"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()]
ENTITIES += [
    {"id": "RUS-MFA", "name": "Russian Foreign Ministry", "kind": "office", "part_of": "RUS"},
    {"id": "PAK-FO", "name": "Foreign Office", "kind": "office", "part_of": "PAK"},
    {"id": "ELN", "name": "National Liberation Army", "aliases": ["ELN"], "kind": "armed_group"},
    {"id": "UNMIS", "name": "United Nations Mission in Sudan", "kind": "organisation"},
]
DS = graph.loads(json.dumps({"entities": ENTITIES}))


def claims(text, ds=DS, **kw):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, ds, **kw).claims}


def pairs(text, ds=DS):
    return {(c.subject, c.type, c.object) for c in draft(text, ds).claims}


# --- a verdict on an act is a condemnation of whoever did it --------------------------------------------


def test_calling_an_act_names_a_verdict_on_its_doer():
    first = "Estonia expelled two Russian diplomats on Monday. "
    for second in (
        'The Russian Foreign Ministry called the expulsion "a provocation".',
        'Moscow described the move as "a provocation".',
        "Russia branded the decision illegal.",
    ):
        got = claims(first + second)
        assert ("EST", "SANCTION", "RUS", "reported", None) in got
        assert any(s in ("RUS", "RUS-MFA") and t == "ACCUSE" and o == "EST" for s, t, o, *_ in got), second


def test_a_speakers_verdict_on_an_act_and_whom_it_is_against():
    # the speaker judges ("Such actions are unacceptable," X told ...), not the source
    got = claims(
        "Pakistan lodged a protest with Iran on Monday. "
        '"Such actions are unacceptable," Foreign Office spokeswoman Mira Kasuri told the weekly briefing.'
    )
    assert ("MIRA-KASURI", "ACCUSE", "IRN", "reported", None) in got
    got = claims(
        "Chinese vessels entered Japanese waters on Monday. "
        'Japanese spokesman Ken Oda said the incursion was "absolutely unacceptable".'
    )
    assert ("KEN-ODA", "ACCUSE", "CHN", "reported", None) in got


def test_condemning_an_act_inside_what_is_said_is_claimed_by_the_speaker():
    got = claims(
        'The ELN attacked a Colombian army base. Lin Wei told a briefing that China "strongly condemns" the attack.'
    )
    assert ("CHN", "ACCUSE", "ELN", "claimed", "LIN-WEI") in got


def test_no_verdict_on_a_rapprochement_or_by_an_actor_inside_a_relative_clause():
    # a friendly act is not what a verdict is passed on (unless its noun names it)
    got = pairs("Saudi Arabia and Iran agreed to restore flights. Israel has criticised the rapprochement.")
    assert not any(t == "ACCUSE" for _, t, _ in got)
    # the one who condemns is the main verb's subject, not the actor of the relative clause
    got = pairs(
        "The ELN attacked a Colombian army base. France, which funds the United Nations Mission in Sudan, "
        "condemned the attack."
    )
    assert ("UNMIS", "ACCUSE", "ELN") not in got and ("FRA", "ACCUSE", "ELN") in got


# --- the agent of an act told as a noun follows "by" ------------------------------------------------------


def test_the_agent_of_an_act_told_as_a_noun_follows_by():
    got = pairs("Dhaka condemned the killing of two Bangladeshi villagers by Indian troops near the frontier.")
    assert ("IND", "ASSAULT", "BGD") in got
    got = pairs("Islamabad protested after the shelling of a Pakistani village by Iranian forces.")
    assert ("IRN", "ASSAULT", "PAK") in got and ("PAK", "ASSAULT", "IRN") not in got
    assert ("IRN", "ASSAULT", "PAK") in pairs("The attack on Pakistan by Iran was condemned.")


def test_an_attack_by_an_agent_with_no_one_named_is_on_the_home_state_and_no_charge():
    # the dateline's state is the one attacked; the accusation before "after" does not reach the attack
    got = claims(
        "BOGOTÁ — Colombia accused Venezuela on Tuesday of sheltering ELN commanders, after a car bomb attack "
        "by the ELN killed seven soldiers at an army base at the weekend."
    )
    assert ("ELN", "ASSAULT", "COL", "reported", None) in got
    assert ("COL", "ASSAULT", "ELN") not in {x[:3] for x in got}
    assert ("VEN", "AID", "ELN", "claimed", "COL") in got
