"""Tenth round (implicit10b): denials whose charge was told as "accused X of allowing Y to V"."""

from graph import loads
from graph.draft import draft

DS = loads(
    "entities: [{id: ARD, name: Ardenia, kind: state}, {id: BRL, name: Borland, kind: state},"
    " {id: CST, name: Costa, kind: state}, {id: RHF, name: Red Hand Front, kind: armed_group}]"
)


def _claims(text):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, DS).claims}


def test_allowing_a_state_to_act_is_cooperation_denied_later():
    got = _claims(
        "Ardenia accused Borland of allowing Costa to fly drones over its territory. Borland rejected the charge."
    )
    assert ("BRL", "COOPERATE", "CST", "claimed", "ARD") in got
    assert ("BRL", "COOPERATE", "CST", "denied", "BRL") in got


def test_allowing_the_group_is_aid_to_the_armed_group_named_before():
    got = _claims(
        "Ardenia said the Red Hand Front had attacked its post, and accused Borland of allowing the group to "
        "recruit in its border towns. Borland rejected the allegation."
    )
    assert ("BRL", "AID", "RHF", "claimed", "ARD") in got
    assert ("BRL", "AID", "RHF", "denied", "BRL") in got


def test_a_claim_the_accused_has_always_rejected_in_the_same_sentence():
    got = _claims(
        "Ardenia accused Borland of allowing Costa to fly drones over its territory,"
        " a claim Borland has always rejected."
    )
    assert ("BRL", "COOPERATE", "CST", "denied", "BRL") in got


def test_allowing_with_no_one_named_charges_nothing():
    got = _claims("Ardenia accused Borland of allowing smugglers to cross. Borland rejected the charge.")
    assert not any(t in ("AID", "COOPERATE") for _, t, *_ in got)
