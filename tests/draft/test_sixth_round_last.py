"""The sixth round's last pass (issue 20): a preposition that is part of a cue ("hit out at", "called in")
does not make its object a place; cues of general news English the structure helpers found missing;
denials without "deny" that point back ("called the report a fabrication"); a document's finding in a
headline or after "according to" is claimed by the body that wrote it.

Every sentence here is a constructed example written for these tests (invented events, officials and
places; real states and bodies only as actors).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft

STATES = {
    "KEN": "Kenya",
    "SDN": "Sudan",
    "EGY": "Egypt",
    "TUR": "Turkey",
    "ETH": "Ethiopia",
    "IRN": "Iran",
    "PAK": "Pakistan",
    "AFG": "Afghanistan",
    "POL": "Poland",
    "UKR": "Ukraine",
    "RUS": "Russia",
    "BLR": "Belarus",
}
DS = graph.loads(
    json.dumps(
        {
            "entities": [
                *({"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()),
                {
                    "id": "IAEA",
                    "name": "International Atomic Energy Agency",
                    "aliases": ["IAEA"],
                    "kind": "organisation",
                },
            ]
        }
    )
)


def claims(text, ds=DS):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, ds).claims}


def pairs(text, ds=DS):
    return {(c.subject, c.type, c.object) for c in draft(text, ds).claims}


# --- 1. a preposition inside a cue ----------------------------------------------------------------


def test_the_preposition_of_a_cue_does_not_make_its_object_a_place():
    assert ("KEN", "ACCUSE", "SDN") in pairs("Kenya hit out at Sudan on Monday over the border raid.")
    assert ("KEN", "ACCUSE", "SDN") in pairs("Kenya lashed out at Sudan after the talks failed.")


def test_a_place_after_a_preposition_of_its_own_is_still_a_place():
    # a guard: "in Sudan" after the cue's object is where, not whom
    assert ("KEN", "ACCUSE", "SDN") not in pairs("Kenya hit out at the raid in Sudan.")


def test_calling_in_an_ambassador_is_a_protest_at_the_ambassadors_state():
    assert ("EGY", "ACCUSE", "TUR") in pairs("Egypt called in Turkey's ambassador on Monday.")
    assert ("EGY", "ACCUSE", "TUR") in pairs("Cairo is calling in the Turkish envoy to protest.")
    assert not pairs("Egypt called in troops to guard the dam.")
