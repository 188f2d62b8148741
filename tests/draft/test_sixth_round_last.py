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


# --- 2. cues of general news English ----------------------------------------------------------------


def test_pushing_or_moving_deeper_into_a_state_is_taking_its_land():
    assert ("ETH", "COERCE", "SDN") in pairs("Ethiopian troops pushed deeper into Sudan on Tuesday.")
    assert ("ETH", "COERCE", "KEN") in pairs(
        "Kenya says Ethiopian troops moved boundary posts deeper into its territory."
    )


def test_moving_units_into_a_state_is_a_mobilisation_against_it():
    assert ("ETH", "MOBILIZE", "SDN") in pairs("Ethiopia moved two brigades into Sudan.")


def test_beating_and_throwing_stones_are_assaults():
    assert ("KEN", "ASSAULT", "SDN") in pairs("Kenyan police beat Sudanese migrants at the border.")
    # a coordinated gerund goes on with the accusation: the accused throws the stones, the accuser claims it
    text = (
        "Kenya accused Ethiopian border guards of escorting migrants to the fence and throwing stones at "
        "Kenyan soldiers."
    )
    assert ("ETH", "ASSAULT", "KEN", "claimed", "KEN") in claims(text)


def test_a_refusal_to_act_denies_the_act():
    assert ("EGY", "AID", "SDN", "denied", None) in claims("Egypt has so far refused to send weapons to Sudan.")
    assert ("KEN", "SUPPORT", "SDN", "denied", None) in claims("Kenya refused to recognise Sudan's new government.")


def test_letting_forces_train_lending_and_sending_guards_are_aid():
    assert ("KEN", "AID", "ETH") in pairs("Kenya is allowing Ethiopian forces to train on its soil.")
    assert ("TUR", "AID", "EGY") in pairs("Turkey extended a 2 billion dollar credit to Egypt.")
    assert ("KEN", "AID", "ETH") in pairs("Kenya sent 200 border guards to Ethiopia to help with the floods.")


def test_people_detained_by_others_are_not_the_ones_who_act():
    # a guard on the rule that a hostile act with no object named is against the other side
    text = (
        "Kenya accused Sudan of shelling a border post. Sudan said two Kenyan traders detained by its police "
        "had been released."
    )
    assert ("KEN", "COERCE", "SDN") not in pairs(text)


# --- 3. denials without "deny" that point back --------------------------------------------------------

ACCUSED = "Kenya accused Sudan of shelling a border village. "


def test_a_charge_called_a_fabrication_is_denied():
    for denial in (
        "Khartoum called the report 'a fabrication'.",
        'Khartoum described the accusations as "pure fiction".',
        "Khartoum rejected the account.",
    ):
        assert ("SDN", "ASSAULT", "KEN", "denied", "SDN") in claims(ACCUSED + denial), denial


def test_calling_a_report_something_else_denies_nothing():
    # a guard: a characterisation that is no denial
    assert not any(c[3] == "denied" for c in claims(ACCUSED + "Khartoum called the report a first step."))


# --- 4. a document's finding ----------------------------------------------------------------------------


def test_a_headline_finding_of_a_report_is_claimed_by_its_author():
    text = "Sudan shelled Kenyan border villages, IAEA report finds\n\nNAIROBI - The shelling went on for a week."
    assert ("SDN", "ASSAULT", "KEN", "claimed", "IAEA") in claims(text)


def test_a_report_that_found_or_concluded_something_claims_it():
    assert ("SDN", "ASSAULT", "KEN", "claimed", "IAEA") in claims(
        "An IAEA report found that Sudan shelled Kenyan villages."
    )
    assert ("SDN", "ASSAULT", "KEN", "claimed", "IAEA") in claims(
        "The IAEA report concluded that Sudan shelled Kenyan villages."
    )


def test_who_is_barred_is_named_before_from_not_after_it():
    assert ("EGY", "COERCE", "TUR") in pairs("Egypt barred Turkish trucks from the border crossing.")
    assert not pairs("Egypt barred trucks from Sudan.")
    # a guard: what is sought or withdrawn from is still the one after "from"
    assert ("KEN", "REQUEST", "EGY") in pairs("Kenya sought aid from Egypt.")
