"""The seventh round (issue 20), structure: two actors named together who free prisoners exchange them
(each frees the other's), a war fought or a communiqué signed by a pair is each on the other, the agent
after "by" belongs to its own participle ("an exchange brokered by X", not the release), and allowing
fighters to regroup or to use a territory is aid (what an accusation says).

Every sentence here is a constructed example written for these tests (invented events, officials and
places; real states and bodies only as actors).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft

STATES = {"NOR": "Norway", "SWE": "Sweden", "CHL": "Chile", "PAK": "Pakistan", "FIN": "Finland"}
DS = graph.loads(
    json.dumps(
        {
            "entities": [
                *({"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()),
                {"id": "TAL", "name": "Taliban", "aliases": ["Islamic Emirate"], "kind": "de_facto_authority"},
                {"id": "TTP", "name": "Tehreek-e-Taliban Pakistan", "aliases": ["TTP"], "kind": "armed_group"},
                {"id": "ICRC", "name": "International Committee of the Red Cross", "kind": "organisation"},
            ]
        }
    )
)


def claims(text):
    return {(c.subject, c.type, c.object, c.modality) for c in draft(text, DS, published="2026-05-06").claims}


def test_two_actors_who_release_prisoners_exchange_them():
    got = claims(
        "OSLO — Norway and Sweden released more than 300 prisoners on Wednesday in their largest exchange "
        "in a decade, with aircraft chartered by the International Committee of the Red Cross carrying them home."
    )
    assert ("NOR", "RETREAT", "SWE", "reported") in got
    assert ("SWE", "RETREAT", "NOR", "reported") in got
    # the Red Cross chartered the aircraft: it is neither freed nor freeing
    assert not any("ICRC" in (s, o) for s, _, o, _ in got)


def test_one_actor_who_releases_prisoners_of_another_is_no_exchange():
    got = claims("Norway released 40 Swedish fishermen on Monday, the ministry said.")
    assert not any(s == "SWE" and t == "RETREAT" for s, t, _, _ in got)


def test_a_broker_after_by_is_the_agent_of_its_own_participle():
    got = claims("Norway and Sweden freed 120 detainees on Tuesday in a swap brokered by Chile.")
    assert ("CHL", "AGREE", "NOR", "reported") in got
    assert ("CHL", "AGREE", "SWE", "reported") in got
    assert not any(s == "CHL" and t == "RETREAT" for s, t, _, _ in got)


def test_a_war_fought_by_a_pair_and_a_communique_signed_by_the_two():
    got = claims(
        "Norway and Sweden fought a brief war in 1905. In 2016 the two governments signed a joint communiqué "
        "on fishing rights in the Skagerrak."
    )
    assert {("NOR", "ASSAULT", "SWE", "reported"), ("SWE", "ASSAULT", "NOR", "reported")} <= got
    assert {("NOR", "AGREE", "SWE", "reported"), ("SWE", "AGREE", "NOR", "reported")} <= got


def test_a_war_fought_with_another_stays_one_way_when_told_so():
    got = claims("Finland fought a war with Sweden in 1808, the historian Lasse Virta wrote.")
    assert ("FIN", "ASSAULT", "SWE", "claimed") in got or ("FIN", "ASSAULT", "SWE", "reported") in got


def test_allowing_fighters_to_regroup_is_aid_and_its_denial_points_back():
    got = claims(
        "Islamabad accused the Taliban on Monday of allowing TTP fighters to regroup in Kunar province, "
        "a charge the Islamic Emirate has always rejected."
    )
    assert ("TAL", "AID", "TTP", "claimed") in got
    assert ("TAL", "AID", "TTP", "denied") in got
