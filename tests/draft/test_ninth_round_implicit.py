"""The ninth round: implicit parties and denials that point back (a denial whose pointer the lexicon does not
list, an account that contradicts a charge, the other side of a one-actor act). Constructed sentences,
invented states and people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARD, name: Ardenia, kind: state, aliases: [Ardenian]}
  - {id: BRL, name: Borland, kind: state, aliases: [Borlandian]}
  - {id: CSV, name: Castavia, kind: state}
  - {id: DRM, name: Dromia, kind: state}
  - {id: BRL-MOD, name: Borland's defence ministry, kind: office, part_of: BRL}
  - {id: VOSK, name: Ilse Vosk, kind: person, part_of: BRL-MOD}
"""
)


def _draft(text):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, DS).claims}


# -- a denial whose pointer the lexicon does not list --------------------------------------------------------


def test_a_denial_of_both_charges_denies_the_charges_against_the_denier():
    got = _draft(
        "Ardenia accused Borland of massing troops on the frontier and of shelling two villages. "
        "Borland rejected both charges on Tuesday."
    )
    assert ("BRL", "MOBILIZE", "ARD", "denied", "BRL") in got


def test_that_account_and_those_claims_point_back():
    for pointer in ("that account", "those claims", "the latest allegations"):
        got = _draft(f"Ardenia said Borland had deployed tanks along the Ardenian border. Borland dismissed {pointer}.")
        assert ("BRL", "MOBILIZE", "ARD", "denied", "BRL") in got, pointer


def test_calling_a_claim_propaganda_denies_it():
    got = _draft(
        'Ardenia said on Monday that Borland had shelled its border posts. Borland called that claim "pure propaganda".'
    )
    assert ("BRL", "ASSAULT", "ARD", "denied", "BRL") in got


def test_a_pointer_denies_no_act_done_to_the_denier():
    # the act told before was done to Borland, not by it: rejecting "that account" denies no such act
    got = _draft("Ardenia expelled two Borlandian diplomats on Monday. Borland rejected that account.")
    assert not any(m == "denied" for _, _, _, m, _ in got)


def test_rejecting_a_proposal_is_no_denial():
    got = _draft("Ardenia said Borland had deployed tanks along the Ardenian border. Borland rejected the proposal.")
    assert not any(m == "denied" and t == "MOBILIZE" for _, t, _, m, _ in got)


def test_a_denial_points_past_the_protest_to_the_charge():
    # "the charge" is what Borland was said to have done, not Ardenia's summons of its envoy
    got = _draft(
        "Ardenia said a Borlandian helicopter had entered its airspace on Sunday. "
        "Ardenia summoned Borland's envoy over the incident, its foreign ministry said. "
        'Borland dismissed the charge as "paranoid fantasy".'
    )
    assert ("BRL", "MOBILIZE", "ARD", "denied", "BRL") in got
    assert ("ARD", "ACCUSE", "BRL", "denied", "BRL") not in got


# -- an account that contradicts a charge ----------------------------------------------------------------------


def test_nothing_to_do_with_denies_the_charge():
    got = _draft(
        "Ardenia said Borland had shelled its border villages. Borland said it had nothing to do with the fire."
    )
    assert ("BRL", "ASSAULT", "ARD", "denied", "BRL") in got


def test_a_routine_patrol_inside_its_own_airspace_denies_the_incursion():
    got = _draft(
        "Ardenia said Borlandian jets had entered its airspace on Friday. "
        'Ilse Vosk said the jets had flown a routine patrol "strictly within Borlandian airspace".'
    )
    assert ("BRL", "MOBILIZE", "ARD", "denied", "VOSK") in got


def test_an_account_by_a_spokesman_speaks_for_the_side_his_title_names():
    got = _draft(
        "Ardenia said Borlandian jets had entered its airspace on Friday. "
        "Borland's defence ministry spokesman Tomas Reyl said the jets had flown "
        '"strictly within Borlandian airspace".'
    )
    assert any((s, t, o, m) == ("BRL", "MOBILIZE", "ARD", "denied") for s, t, o, m, _ in got)


def test_a_contradiction_by_someone_not_charged_denies_nothing():
    # Castavia was not charged: its "never" contradicts no charge against it
    got = _draft(
        "Ardenia said Borland had shelled its border villages. "
        "Castavia said it had never sold artillery to anyone in the region."
    )
    assert not any(m == "denied" for _, _, _, m, _ in got)


def test_an_account_without_a_contradiction_denies_nothing():
    got = _draft("Ardenia said Borland had shelled its border villages. Borland said it would answer any attack.")
    assert ("BRL", "ASSAULT", "ARD", "denied", "BRL") not in got


def test_an_account_does_not_deny_what_an_implicit_object_guessed():
    # Borland's promise of a response is no charge: "nothing to do with the damage" does not deny it
    got = _draft(
        "Ardenia expelled a Borlandian diplomat on Monday. Borland called the expulsion a provocation and "
        "promised a response. Ilse Vosk said Borland had nothing to do with the damage to the cable."
    )
    assert not any(m == "denied" and t == "THREATEN" for _, t, _, m, _ in got)


# -- a protest, a demand, a rejection or a threat addressed to the other side of the story --------------------


def _pairs(text):
    return {(s, t, o) for s, t, o, _, _ in _draft(text)}


def test_a_protest_with_no_addressee_is_to_the_other_side():
    got = _pairs(
        "Borland shelled two Ardenian border villages in March. Borland accused Ardenia of sheltering rebels. "
        "Ardenia protested at the time."
    )
    assert ("ARD", "ACCUSE", "BRL") in got


def test_a_demand_with_no_addressee_is_to_the_other_side():
    got = _pairs(
        "Borland has kept 1,500 troops in Ardenia since 1999, and Ardenia has repeatedly demanded their withdrawal."
    )
    assert ("ARD", "REQUEST", "BRL") in got


def test_a_demand_in_a_reduced_relative_clause_is_not_addressed():
    # "a step Borland had sought": the clause is about Castavia's ban, not a demand of Borland's to Ardenia
    got = _pairs(
        "Borland shelled two Ardenian villages. Castavia banned the militia in 2024, a step Borland had sought."
    )
    assert ("BRL", "REQUEST", "ARD") not in got


def test_a_demand_to_an_unnamed_addressee_is_not_to_the_other_side():
    got = _pairs(
        "Borland shelled two Ardenian villages. Ardenia had asked the caretaker government to hand over the gunmen."
    )
    assert ("ARD", "REQUEST", "BRL") not in got


def test_a_condemned_attack_with_a_quoted_word_is_the_attackers():
    got = _pairs('Borland shelled two Ardenian villages on Monday. Castavia condemned the "cowardly" attack.')
    assert ("CSV", "ACCUSE", "BRL") in got


def test_rejected_concerns_and_offers_are_of_whoever_raised_or_made_them():
    got = _pairs("Ardenia urged Borland to stop building the dam. Borland dismissed those concerns.")
    assert ("BRL", "REJECT", "ARD") in got
    got = _pairs("Ardenia offered Borland a loan for the dam in 2019. Borland has rejected every such offer since.")
    assert ("BRL", "REJECT", "ARD") in got


# -- the border of the two sides of the story --------------------------------------------------------------------


def test_a_third_party_leaving_the_border_area_leaves_both_sides():
    got = _pairs(
        "Ardenia accused Borland of shelling its border villages. "
        "Castavia pulled its peacekeepers out of the border area in 2017."
    )
    assert ("CSV", "RETREAT", "ARD") in got and ("CSV", "RETREAT", "BRL") in got


def test_a_side_reopening_the_border_opens_it_to_the_other():
    got = _pairs("Ardenia accused Borland of shelling its border villages. Borland must reopen the border to traders.")
    assert ("BRL", "RETREAT", "ARD") in got


def test_a_base_form_verb_after_its_subject_is_a_verb():
    got = _pairs("Ardenia accused Borland of shelling its border villages. Borland shut the crossing on Friday.")
    assert ("BRL", "COERCE", "ARD") in got


def test_a_border_named_with_its_neighbour_is_no_implicit_border():
    got = _pairs(
        "Ardenia accused Borland of shelling its border villages. Castavia reopened its border with Dromia on Monday."
    )
    assert ("CSV", "RETREAT", "ARD") not in got and ("CSV", "RETREAT", "BRL") not in got


def test_villagers_detained_by_border_guards_are_not_a_border_act():
    got = _pairs(
        "Ardenia accused Borland of shelling its border villages. "
        "Borland said two Ardenian villagers detained by its border guards had been released."
    )
    assert ("ARD", "COERCE", "BRL") not in got


# -- pronouns and descriptions as the other side -------------------------------------------------------------


def test_accused_it_of_is_the_actor_named_before_the_accuser():
    got = _pairs("Borland expelled Ardenia's attaché in April after Ardenian officials accused it of complicity.")
    assert ("ARD", "ACCUSE", "BRL") in got


def test_the_kingdom_is_the_state_named_before():
    got = _draft(
        "Castavia has held talks with Dromia since 2023. "
        "The kingdom airlifted 64 Borlandian fighters it held to Ardenia on Thursday."
    )
    assert any(s == "CSV" and o == "BRL" for s, _, o, _, _ in got)
    assert not any(s == "DRM" and o == "BRL" for s, _, o, _, _ in got)


# -- a host or broker of talks whose parties the clause does not name ---------------------------------------


def test_a_host_of_talks_with_no_parties_named_hosts_the_two_sides():
    for host in ("has offered to host talks", "could host a trilateral meeting in June"):
        got = _pairs(f"Ardenia accused Borland of shelling villages. Castavia {host}.")
        assert ("CSV", "CONSULT", "ARD") in got and ("CSV", "CONSULT", "BRL") in got, host


def test_a_host_of_talks_with_a_named_party_or_a_regional_meeting_is_not_the_two_sides():
    got = _pairs("Ardenia accused Borland of shelling villages. Castavia hosted talks with Dromia in June.")
    assert ("CSV", "CONSULT", "ARD") not in got
    got = _pairs("Ardenia accused Borland of shelling villages. Castavia is expected to host a regional meeting.")
    assert ("CSV", "CONSULT", "ARD") not in got


# -- verdicts on an act told without a determiner, in an aside, or with its doer after "by" -----------------


def test_a_headline_verdict_without_a_determiner():
    got = _pairs("Borland freezes Ardenian assets; Ardenia calls move 'economic aggression'")
    assert ("ARD", "ACCUSE", "BRL") in got


def test_a_move_the_judge_called_bad_judges_the_act_of_the_sentence():
    got = _pairs('Borland\'s parliament approved a new map of the border region, a move Ardenia called "untenable".')
    assert ("ARD", "ACCUSE", "BRL") in got
    got = _pairs('Borland\'s parliament approved a new map of the border region, a move Ardenia called "historic".')
    assert ("ARD", "ACCUSE", "BRL") not in got


def test_a_verdict_in_a_participle_is_the_subjects_and_judges_the_doer_after_by():
    got = _pairs(
        "Ardenia's foreign ministry said it had ordered the Borlandian consul to leave, "
        'calling the expulsion of its diplomats by Borland "an unfriendly step".'
    )
    assert ("ARD-MFA", "ACCUSE", "BRL") in got
    assert not any(s == "BRL" and t == "ACCUSE" for s, t, _ in got)


def test_a_bare_denial_denies_the_charge_just_told():
    got = _draft("Ardenia accused Borland on Monday of arming Dromia. Borland denies, saying its border is sealed.")
    assert ("BRL", "AID", "DRM", "denied", "BRL") in got


def test_says_it_is_the_one_who_says_and_a_role_x_denies_denies_it():
    got = _draft(
        "Ardenia accused Borland of shelling villages. Castavia says it brokered the truce, a role Borland denies."
    )
    assert ("CSV", "AGREE", "BRL", "claimed", "CSV") in got
    assert ("CSV", "AGREE", "BRL", "denied", "BRL") in got


def test_the_denier_is_not_an_actor_of_a_relative_clause():
    got = _draft(
        "Ardenia said Borland had shelled two border villages. "
        "Borland, which Castavia has long accused of arming Dromia, denied the charge."
    )
    assert ("BRL", "ASSAULT", "ARD", "denied", "BRL") in got
    assert not any(m == "denied" and b in ("CSV", "DRM") for _, _, _, m, b in got)


def test_one_of_its_bases_is_the_owner_named_before_and_does_not_act():
    got = _pairs(
        "Castavia has kept peacekeepers in the region since 2019. "
        "In March, Borlandian troops shelled one of its bases, wounding two Dromian soldiers."
    )
    assert ("BRL", "ASSAULT", "CSV") in got
    assert ("CSV", "ASSAULT", "DRM") not in got


def test_its_own_embassy_or_border_is_no_object():
    got = _pairs("Castavia reopened its embassy in Borland in June. Ardenia closed its border with Dromia.")
    assert ("CSV", "COOPERATE", "CSV") not in got and not any(s == o for s, _, o in got)


def test_a_host_after_two_actors_urged_together_hosts_those_two():
    got = _pairs(
        "Ardenia accused Borland of shelling villages. Borland accused Ardenia of arming rebels. "
        "Castavia urged Dromia and Borland to talk, and it has offered to host a meeting."
    )
    assert ("CSV", "CONSULT", "DRM") in got and ("CSV", "CONSULT", "BRL") in got
    assert ("CSV", "CONSULT", "ARD") not in got


def test_a_rejection_of_criticism_in_general_is_addressed_to_no_one():
    got = _pairs("Ardenia accused Borland of shelling villages. Borland has rejected criticism of its policies.")
    assert ("BRL", "REJECT", "ARD") not in got


def test_an_account_names_the_side_that_had_nothing_to_do_with_it():
    got = _draft(
        "Ardenia said Borland's defence ministry had shelled its border villages. "
        "Ilse Vosk said Borland had nothing to do with the fire."
    )
    assert ("BRL", "ASSAULT", "ARD", "denied", "VOSK") in got


# -- acts told again by reference ---------------------------------------------------------------------------


def test_did_the_same_is_the_act_just_told_by_another():
    got = _draft("Ardenia expelled two Borlandian diplomats in May. Castavia did the same a week later.")
    assert ("CSV", "SANCTION", "BRL", "reported", None) in got


def test_followed_suit_needs_an_actor_right_before():
    got = _draft("Ardenia expelled two Borlandian diplomats in May. Others followed suit.")
    assert not any(s not in ("ARD",) for s, *_ in got)


def test_as_it_did_tells_the_act_of_the_sentence_as_done():
    got = _draft("Borland could send troops into Ardenia, as it did in Castavia in 2019.")
    assert ("BRL", "MOBILIZE", "CSV", "reported", None) in got or ("BRL", "AID", "CSV", "reported", None) in got


# -- modality: a subject that is denied ------------------------------------------------------------------------


def test_no_soldier_had_crossed_is_a_denial_by_the_speaker():
    got = _draft("Ilse Vosk said no Borlandian soldier had crossed into Ardenia.")
    assert any((s, o, m) == ("BRL", "ARD", "denied") for s, _, o, m, _ in got)
    got = _draft("Ilse Vosk said not a single Borlandian unit had crossed into Ardenia.")
    assert any((s, o, m) == ("BRL", "ARD", "denied") for s, _, o, m, _ in got)


def test_a_sanction_with_no_target_named_is_on_the_other_side():
    got = _pairs(
        "Ardenia accused Borland of shelling villages. Borland halted the transit of sanctioned goods in June."
    )
    assert ("BRL", "SANCTION", "ARD") in got


def test_crossed_into_a_demonym_territory_is_on_its_owner():
    got = _draft(
        "Ardenia said on Tuesday that it had arrested three Borlandian gendarmes who crossed into Ardenian territory. "
        "Borland rejected that account."
    )
    assert ("BRL", "MOBILIZE", "ARD", "claimed", "ARD") in got
    assert ("BRL", "MOBILIZE", "ARD", "denied", "BRL") in got


def test_a_demonym_place_after_a_preposition_of_its_own_is_still_where():
    got = _pairs("Borland said the rebels had attacked a convoy and fled into the desert along the Ardenian border.")
    assert not any(o == "ARD" and t == "MOBILIZE" for _, t, o in got)


def test_the_speaker_who_accuses_after_saying_is_the_one_attacked():
    got = _draft(
        "Ardenian police said on Wednesday they had arrested three men over the blast, and accused Borlandian "
        "security services of organising the attack. Borland rejected the accusation."
    )
    assert ("BRL", "ASSAULT", "ARD", "claimed", "ARD") in got
    assert ("BRL", "ASSAULT", "ARD", "denied", "BRL") in got


def test_a_spokesman_of_no_known_side_goes_on_with_the_denial_just_told():
    got = _draft(
        "Ardenia said Borlandian jets had entered its airspace on Friday. Borland rejected that account. "
        'Government spokesman Tomas Reyl said the jets had flown a routine patrol "well inside Borlandian airspace".'
    )
    assert any((s, t, o, m) == ("BRL", "MOBILIZE", "ARD", "denied") and b != "BRL" for s, t, o, m, b in got)


def test_the_one_said_to_be_armed_receiving_nothing_denies_the_aid():
    got = _draft(
        "Ardenia said Borland had sent weapons to Dromia. "
        'Dromia said in a statement that it "receives no weapons from any state".'
    )
    assert ("BRL", "AID", "DRM", "denied", "DRM") in got


def test_only_illegal_migrants_were_sent_home_contradicts_the_expulsion_charge():
    got = _draft(
        "Ardenia said Borland had expelled 3,000 Ardenian refugees. "
        'Ilse Vosk said only "illegal foreigners" were being sent home, in line with Borlandian law.'
    )
    assert ("BRL", "SANCTION", "ARD", "denied", "VOSK") in got


def test_a_denial_before_the_charge_denies_the_charge_told_after_it():
    got = _draft("Borland denies involvement.\n\nArdenia accused Borland on Monday of shelling two border villages.")
    assert ("BRL", "ASSAULT", "ARD", "denied", "BRL") in got
    got = _draft("Borland denies involvement.\n\nArdenia accused Castavia on Monday of shelling two border villages.")
    assert not any(m == "denied" for _, _, _, m, _ in got)


def test_a_condemned_attack_is_judged_once():
    got = _pairs(
        "Dromia said the bombing had killed nine people in Borland. Borland shelled two Ardenian villages on Monday. "
        "Castavia condemned the attack."
    )
    assert {o for s, t, o in got if s == "CSV" and t == "ACCUSE"} == {"BRL"}


def test_the_city_of_an_embassy_does_not_judge():
    got = _pairs("Borland shelled two villages in Dromia. Castavia's embassy in Ardenia condemned the attack.")
    assert ("CSV", "ACCUSE", "BRL") in got and ("ARD", "ACCUSE", "BRL") not in got
