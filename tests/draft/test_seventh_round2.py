"""The seventh round (issue 20), lexicon and denials, second pass: intelligence given to an actor is aid,
recruiting fighters from a group is cooperation, keeping a crossing closed and a closure of one are
coercion, halting transit and scrapping a pact, treaty or communiqué are sanctions; and a denial that
points back ("denied the charge") denies the charge made against the denier's own side, not merely the
last accusation told.

Every sentence here is a constructed example written for these tests (invented events, officials and
places; real states and bodies only as actors).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft

STATES = {"PER": "Peru", "CHL": "Chile", "BOL": "Bolivia", "ARG": "Argentina", "BRA": "Brazil"}
DS = graph.loads(
    json.dumps(
        {
            "entities": [
                *({"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()),
                {"id": "FLF", "name": "Free Lowland Front", "aliases": ["FLF"], "kind": "armed_group"},
                {"id": "CHL-MOD", "name": "Chilean Ministry of Defence", "kind": "office", "part_of": "CHL"},
            ]
        }
    )
)


def claims(text):
    return {(c.subject, c.type, c.object, c.modality) for c in draft(text, DS, published="2026-05-06").claims}


def test_intelligence_given_is_aid():
    got = claims("Brazil, which gave Argentina intelligence and spare parts during the war, now stays neutral.")
    assert ("BRA", "AID", "ARG", "reported") in got


def test_recruiting_fighters_from_a_group_is_cooperation_in_an_accusation():
    got = claims("Chile accused Peru on Monday of recruiting fighters from the Free Lowland Front.")
    assert ("CHL", "ACCUSE", "PER", "reported") in got
    assert ("PER", "COOPERATE", "FLF", "claimed") in got


def test_keeping_a_crossing_closed_and_its_closure_are_coercion():
    assert ("PER", "COERCE", "CHL", "claimed") in claims(
        "Chile accused Peru of keeping the Arica crossing closed for a third week."
    )
    assert ("CHL", "ACCUSE", "PER", "reported") in claims("Chile condemned Peru's closure of the Arica crossing.")


def test_halting_transit_and_scrapping_a_pact_are_sanctions():
    assert ("PER", "SANCTION", "BOL", "reported") in claims("Peru halted the transit of fuel to Bolivia in June.")
    assert ("ARG", "SANCTION", "BRA", "reported") in claims("Argentina scrapped the communiqué with Brazil in March.")
    got = claims("Peru scraps border pact with Chile")
    assert ("PER", "SANCTION", "CHL", "reported") in got
    assert ("PER", "AGREE", "CHL", "reported") not in got


def test_a_denial_pointing_back_denies_the_charge_against_the_deniers_side():
    # the last accusation told is Chile's against Peru; the Chilean ministry denies the charge against Chile
    got = claims(
        "LIMA — Chile accused Peru of shelling a village near Tacna on Tuesday. "
        "Peruvian officials said Chilean troops had fired on a border post on Thursday night. "
        "A spokesman for the Chilean Ministry of Defence denied the charge."
    )
    assert ("CHL", "ASSAULT", "PER", "denied") in got
    assert ("PER", "ASSAULT", "CHL", "denied") not in got
