"""The sixth round of drafting rules (issue 20), structural, second pass: a hostile act reported with no
object named (a seizure, a deployment, not only an attack) is on the state of the one who reports it, and
an office or a person who speaks or accuses stands for its state, never for the one attacked itself.

Every text here is a constructed example written for these tests (invented events and people).
"""

from __future__ import annotations

import json

import graph
from graph.draft import draft

STATES = {"TCD": "Chad", "NER": "Niger", "SRB": "Serbia", "CHL": "Chile", "PER": "Peru"}
DS = graph.loads(
    json.dumps(
        {
            "entities": [{"id": k, "name": v, "kind": "state", "codes": {"iso3": k}} for k, v in STATES.items()]
            + [{"id": "PER-MFA", "name": "Peruvian foreign ministry", "kind": "office", "part_of": "PER"}]
        }
    )
)


def claims(text, ds=DS, **kw):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, ds, **kw).claims}


def test_a_seizure_reported_with_no_object_is_on_the_speaker():
    got = claims("Chad said Nigerien troops had seized two villages near the lake on Monday.")
    assert ("NER", "COERCE", "TCD", "claimed", "TCD") in got


def test_a_deployment_reported_with_no_object_is_against_the_speaker():
    got = claims("Chad said Nigerien troops had deployed near the border.")
    assert ("NER", "MOBILIZE", "TCD", "claimed", "TCD") in got


def test_an_office_that_speaks_stands_for_its_state():
    got = claims("The Peruvian foreign ministry said Chilean troops had seized a hill near the border post.")
    assert ("CHL", "COERCE", "PER", "claimed", "PER-MFA") in got
    assert not any(o == "PER-MFA" for _, _, o, _, _ in got)


def test_an_office_that_accuses_stands_for_its_state():
    got = claims("The Peruvian foreign ministry accused Chilean troops of shelling houses in the valley.")
    assert ("CHL", "ASSAULT", "PER", "claimed", "PER-MFA") in got
    assert not any(o == "PER-MFA" and t == "ASSAULT" for _, t, o, _, _ in got)


def test_a_person_of_no_known_state_is_not_the_one_attacked():
    got = claims("Minister Luis Quispe accused Chilean troops of shelling houses in the valley.")
    assert any(t == "ACCUSE" and o == "CHL" for _, t, o, _, _ in got)
    assert not any(s == "CHL" and t == "ASSAULT" for s, t, _, _, _ in got)


def test_the_soldiers_own_side_is_not_the_one_seized():
    # (guard) the speaker's own troops: no act on itself, and the other side of the story stays the object
    text = (
        "Chile and Peru traded accusations over the border post on Sunday.\n\n"
        "Chile's army chief, General Tomas Vidal, said Chilean troops had retaken the hill."
    )
    got = claims(text)
    assert not any(s == "CHL" and o == "CHL" for s, _, o, _, _ in got)
