"""The tenth round: parties a clause leaves implicit (a warning whose content names the warner's own side, a
condemned attack never told as an act) and denials that point back (a charge told in the denier's own sentence,
a report that charges no one). Constructed sentences, invented states and people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARD, name: Ardenia, kind: state, aliases: [Ardenian]}
  - {id: BRL, name: Borland, kind: state, aliases: [Borlandian]}
  - {id: CSV, name: Castavia, kind: state}
  - {id: DRM, name: Dromia, kind: state}
  - {id: ARD-MFA, name: Ardenia's foreign ministry, kind: office, part_of: ARD}
  - {id: TOLL, name: Mira Toll, kind: person, part_of: ARD-MFA}
"""
)


def _draft(text):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, DS).claims}


def _pairs(text):
    return {(s, t, o) for s, t, o, _, _ in _draft(text)}


# -- a warning whose content names the warner's own side -----------------------------------------------------


def test_a_warning_that_the_warners_own_state_would_respond_is_against_the_other_side():
    got = _pairs(
        "Borland expelled two diplomats of Ardenia on Wednesday. "
        "Ardenia called the expulsions unjustified and warned that Ardenia would respond reciprocally."
    )
    assert ("ARD", "THREATEN", "BRL") in got
    assert not any(s == "ARD" and o == "ARD" for s, _, o in got)


# -- a condemned attack never told as an act -----------------------------------------------------------------


def test_condemning_a_raid_no_act_tells_holds_to_account_the_one_the_story_accuses():
    got = _pairs(
        "Borland demanded on Monday that Ardenia apologise for the raid on its embassy. "
        "Borland broke off relations with Ardenia hours after the raid. "
        "Castavia and Dromia condemned the raid at the time."
    )
    assert ("CSV", "ACCUSE", "ARD") in got
    assert ("DRM", "ACCUSE", "ARD") in got


def test_condemning_a_raid_once_complained_of_names_no_one():
    got = _pairs("Borland demanded that Ardenia apologise. Castavia condemned the raid.")
    assert not any(s == "CSV" for s, _, _ in got)


# -- denials that point back ---------------------------------------------------------------------------------


def test_a_denial_denies_the_charge_its_own_sentence_tells_against_the_denier():
    got = _draft(
        "Borland accused Ardenia of shelling its villages. "
        "Castavia, which Borland accuses of arming Ardenia, has denied the charge."
    )
    assert ("CSV", "AID", "ARD", "denied", "CSV") in got
    assert ("ARD", "ASSAULT", "BRL", "denied", "CSV") not in got


def test_a_report_called_a_lie_denies_no_deal_of_others():
    got = _draft("Borland and Castavia signed a defence pact, Borland said. Ardenia called the report a lie.")
    assert not any(m == "denied" and t == "AGREE" for _, t, _, m, _ in got)
