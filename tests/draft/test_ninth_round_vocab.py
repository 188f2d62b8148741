"""The ninth round, vocabulary: verb families of news English that gave no cue (or a cue of the wrong type)
although both actors were recognised. Constructed sentences, invented people."""

import pytest

from graph import loads
from graph.draft import draft
from graph.draft.lexicon import Lexicon
from graph.draft.tokens import tokenise

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: URY, name: Uruguay, kind: state}
  - {id: BRA, name: Brazil, kind: state}
"""
)


def _claims(text):
    # an office of a state ("PER-CG", the Peruvian coast guard) counts as its state here
    return {(c.subject.split("-")[0], c.type, c.object.split("-")[0]) for c in draft(text, DS).claims}


def _modes(text):
    return {(c.subject, c.type, c.mode, c.object) for c in draft(text, DS).claims}


@pytest.mark.parametrize(
    "text, claim",
    [
        # people sent to train or advise another's forces; training offered; refugees taken in
        ("Uruguay has sent military instructors to Bolivia.", ("URY", "AID", "BOL")),
        ("Brazil will send a dozen military advisers to Bolivia next month.", ("BRA", "AID", "BOL")),
        ("Argentina sent a team of trainers to Uruguay in May.", ("ARG", "AID", "URY")),
        ("Peru has taken in more than 150,000 Chilean asylum seekers since 2019.", ("PER", "AID", "CHL")),
        ("Brazil took in thousands of migrants from Bolivia.", ("BRA", "AID", "BOL")),
        # talking to, contacts with, taking a matter up with
        ("Bolivia has held informal contacts with Peru since last year.", ("BOL", "CONSULT", "PER")),
        ("The Peruvian embassy said it had taken up the matter with Chilean officials.", ("PER", "CONSULT", "CHL")),
        ("Argentina took the issue up with Brazil on Monday.", ("ARG", "CONSULT", "BRA")),
        # sharing findings or data with, joint patrols, suspects handed over, a deal signed with
        ("Brazil had shared the findings of an inquiry with Chilean prosecutors.", ("BRA", "COOPERATE", "CHL")),
        ("Uruguay should resume sharing fisheries data with Argentina.", ("URY", "COOPERATE", "ARG")),
        ("Argentina and Brazil hold joint patrols with Chile.", ("ARG", "COOPERATE", "CHL")),
        ("Peru hands over four suspects to Chile.", ("PER", "COOPERATE", "CHL")),
        ("Bolivia handed the fugitives over to Peru.", ("BOL", "COOPERATE", "PER")),
        ("A deal Bolivia signed with Peru in 2023 is under review.", ("BOL", "AGREE", "PER")),
        # ships escorted or driven out, shadowed, a barrier laid; water cannon
        ("The Peruvian coast guard escorted two Chilean trawlers out of its waters.", ("PER", "COERCE", "CHL")),
        ("The Chilean navy said it had driven away the Peruvian vessel.", ("CHL", "COERCE", "PER")),
        ("A Chilean patrol boat shadowed the Peruvian research ship for six hours.", ("CHL", "COERCE", "PER")),
        ("Chile laid a floating barrier across the mouth of the Peruvian lagoon.", ("CHL", "COERCE", "PER")),
        ("Chilean ships water-cannon Peruvian fishing boat", ("CHL", "ASSAULT", "PER")),
        # standing firmly with; diplomats called in or ordered out; a trial
        ("Peru stands firmly with Chile.", ("PER", "SUPPORT", "CHL")),
        ("Chile called in the deputy chief of mission of the Peruvian embassy.", ("CHL", "ACCUSE", "PER")),
        ("Peru ordered the Chilean consul in Arica to leave the country within 72 hours.", ("PER", "SANCTION", "CHL")),
        ("Three Peruvian soldiers will be tried before a Chilean military court.", ("CHL", "SANCTION", "PER")),
        # demands dropped; detainees held in prison; a group crushed; soldiers setting foot; protests not accepted
        ("Bolivia must drop its insistence that Peru pay compensation.", ("BOL", "CONCEDE", "PER")),
        ("The Chilean government still holds hundreds of Peruvian fishermen in prisons.", ("CHL", "COERCE", "PER")),
        ("Peruvian forces had crushed the Chilean rebels.", ("PER", "ASSAULT", "CHL")),
        ("No Chilean soldier has set foot in Peru.", ("CHL", "MOBILIZE", "PER")),
        ("Chile cannot accept Peru's protest.", ("CHL", "REJECT", "PER")),
    ],
)
def test_a_verb_family_gives_its_type(text, claim):
    assert claim in _claims(text)


def test_talking_to_an_actor_is_a_consultation_cue_not_the_default():
    assert ("CHL", "CONSULT", "engage", "PER") in _modes("Chile should talk to Peru about the dispute.")


def test_water_cannon_fired_at_a_boat_is_an_assault_by_force_not_by_firearms():
    assert ("CHL", "ASSAULT", "beat", "PER") in _modes("Chilean ships fired water cannon at a Peruvian boat.")


def test_training_offered_is_military_aid():
    assert ("BRA", "AID", "military", "BOL") in _modes("Brazil offered to train Bolivian pilots.")


def test_a_gap_counts_a_number_with_separators_as_one_word():
    hits = Lexicon.load().find_cues(tokenise("Peru took in more than 150,000 Chilean refugees"))
    assert [h.entry["type"] for h in hits] == ["AID"]


@pytest.mark.parametrize(
    "text, claim",
    [
        # a relation or a trade ended; a listing lifted; sanctions ended
        ("Peru suspended its cooperation with Chile in March.", ("PER", "SANCTION", "CHL")),
        ("Bolivia suspended imports of Peruvian sugar last week.", ("BOL", "SANCTION", "PER")),
        ("Uruguay has since stopped buying Argentine wheat.", ("URY", "SANCTION", "ARG")),
        ("The Peruvian council paused its work with Chile in 2021.", ("PER", "SANCTION", "CHL")),
        ("Chile still restricts exports of dual-use goods to Bolivia.", ("CHL", "SANCTION", "BOL")),
        ("Peru removed Chile from its list of hostile states in 2020.", ("PER", "CONCEDE", "CHL")),
        ("In May Brazil ended its Bolivia sanctions programme.", ("BRA", "CONCEDE", "BOL")),
        # fighting alongside, bases, vessels given, troops sent into
        ("Peru accused Chilean troops of fighting alongside Bolivian rebels.", ("CHL", "COOPERATE", "BOL")),
        ("Brazil, which keeps a military base in Uruguay, called for calm.", ("BRA", "COOPERATE", "URY")),
        ("Brazil has given Uruguay three patrol vessels.", ("BRA", "AID", "URY")),
        ("Chile said Peru could send troops into Bolivia.", ("PER", "MOBILIZE", "BOL")),
        # invitations, meetings sought, partnerships signed, talks boycotted
        ("Chile should invite Peru to invest in the port.", ("CHL", "COOPERATE", "PER")),
        ("Peru said it had sought a flag meeting with Chile.", ("PER", "REQUEST", "CHL")),
        ("Bolivia signed a partnership with Brazil on lithium in 2021.", ("BOL", "AGREE", "BRA")),
        ("Bolivia boycotted talks with Peru in Lima.", ("BOL", "PROTEST", "PER")),
        # ships pursued, blocked, expelled; people handed back; a neighbour taken to a world court
        ("Chilean patrol boats pursued a Peruvian fishing boat for an hour.", ("CHL", "COERCE", "PER")),
        ("Chilean ships blocked the Peruvian vessel's path.", ("CHL", "COERCE", "PER")),
        ("The Chilean navy said it had expelled a Peruvian boat from its waters.", ("CHL", "COERCE", "PER")),
        ("Peru said it would hand the soldiers back to Chile.", ("PER", "RETREAT", "CHL")),
        ("Bolivia took Chile to the International Court of Justice.", ("BOL", "ACCUSE", "CHL")),
    ],
)
def test_a_verb_family_of_the_second_list_gives_its_type(text, claim):
    assert claim in _claims(text)


def test_expelling_a_diplomat_stays_a_sanction():
    assert ("PER", "SANCTION", "CHL") in _claims("Peru expelled a Chilean diplomat on Monday.")


def test_inviting_a_leader_to_a_ceremony_is_not_talks():
    assert not any(t == "CONSULT" for _, t, _ in _claims("Peru invited Chile to the ceremony."))


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Under the new rules Peru stopped accepting Chilean rail shipments.", ("PER", "SANCTION", "CHL")),
        ("Analysts said Chile could respond by slowing Peruvian lorries at its border.", ("CHL", "COERCE", "PER")),
        ("Chile accused Peru of backing the Bolivian rebels.", ("PER", "AID", "BOL")),
        ("Peru should open the river data to Chile.", ("PER", "COOPERATE", "CHL")),
    ],
)
def test_goods_stopped_groups_backed_and_data_opened(text, claim):
    assert claim in _claims(text)


def test_backing_a_neighbour_stays_support():
    assert ("BRA", "SUPPORT", "ARG") in _claims("Brazil backed Argentina in the dispute.")


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Chile eased its export controls on Peru in 2019.", ("CHL", "CONCEDE", "PER")),
        ("Brazil is distributing food to Bolivian families at the border.", ("BRA", "AID", "BOL")),
        ("Chile's navy would send additional ships to the Peruvian coast.", ("CHL", "MOBILIZE", "PER")),
        ("The Chilean navy stages drills near Peru twice a year.", ("CHL", "MOBILIZE", "PER")),
        # the same families in other words
        ("Brazil will provide military training to Bolivia's army.", ("BRA", "AID", "BOL")),
        ("Peru accused Chile of arming the Bolivian rebels.", ("CHL", "AID", "BOL")),
        ("Uruguay reached out to Argentina after the vote.", ("URY", "CONSULT", "ARG")),
        ("Peru and Chile launched a joint operation against smugglers.", ("PER", "COOPERATE", "CHL")),
        ("Chilean ships radioed the Peruvian trawlers to leave.", ("CHL", "COERCE", "PER")),
        ("Chilean sailors boarded the Peruvian vessel on Monday.", ("CHL", "COERCE", "PER")),
        ("A Chilean frigate tailed the Peruvian vessel for a day.", ("CHL", "COERCE", "PER")),
        ("Chile refused entry to Peruvian lorries.", ("CHL", "COERCE", "PER")),
        ("Brazil threw its weight behind Argentina.", ("BRA", "SUPPORT", "ARG")),
        ("Chile suspended its participation in the fisheries pact with Peru.", ("CHL", "SANCTION", "PER")),
        ("Peru withdrew from the fisheries treaty with Chile.", ("PER", "SANCTION", "CHL")),
        ("Bolivia pulled out of the transit agreement with Peru.", ("BOL", "SANCTION", "PER")),
        ("Peruvian troops have fortified their positions near Chile.", ("PER", "MOBILIZE", "CHL")),
    ],
)
def test_the_families_in_other_words(text, claim):
    assert claim in _claims(text)


def test_a_navy_warning_a_ship_off_stays_a_threat_not_a_coercion():
    assert not any(t == "COERCE" for _, t, _ in _claims("Peru's navy warned off the Chilean ship."))


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Peru closes two more crossings with Chile.", ("PER", "COERCE", "CHL")),
        ("Peru could close the border with Chile next week.", ("PER", "COERCE", "CHL")),
        ("Chilean firms signed contracts with Bolivia in August.", ("CHL", "AGREE", "BOL")),
        ("Chile said Peru had sent military engineers into Chilean territory.", ("PER", "MOBILIZE", "CHL")),
        ("Brazil should appoint an envoy to work alongside Uruguay's negotiator.", ("BRA", "COOPERATE", "URY")),
    ],
)
def test_crossings_contracts_engineers_and_working_alongside(text, claim):
    assert claim in _claims(text)


def test_troops_close_to_a_border_are_not_a_closure():
    got = _claims("Chile moved troops close to the Peruvian border.")
    assert not any(t == "COERCE" for _, t, _ in got)


def test_a_closure_asked_for_is_not_done():
    assert ("CHL", "COERCE", "BOL") not in _claims("Peru urged Chile to close the border with Bolivia.")


def test_a_quotation_mark_inside_a_cue_is_no_word_of_it():
    lex = Lexicon.load()
    hits = lex.find_cues(tokenise('The gang operated "with the protection" of Bolivian soldiers'))
    assert [h.entry["type"] for h in hits] == ["AID"]
    hits = lex.find_cues(tokenise("Chile said its ships had \u2018driven away\u2019 the Peruvian vessel"))
    assert [h.entry["type"] for h in hits] == ["COERCE"]


def test_a_smuggling_gang_under_a_states_protection_is_aided_by_it():
    got = _claims('Peru said the Frontera gang operated "with the protection" of Bolivian soldiers.')
    assert any(s == "BOL" and t == "AID" for s, t, _ in got)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Brazil deployed a team of military advisers to Bolivia.", ("BRA", "AID", "BOL")),
        ("Argentina will dispatch instructors to Uruguay next year.", ("ARG", "AID", "URY")),
        ("The Chilean navy rescued 12 Peruvian fishermen on Sunday.", ("CHL", "AID", "PER")),
    ],
)
def test_advisers_deployed_and_people_rescued_are_aid(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Brazil pledged $20 million to help Bolivia rebuild its bridges.", ("BRA", "AID", "BOL")),
        ("Argentina has sent 80 border guards to help Uruguay patrol the frontier.", ("ARG", "AID", "URY")),
    ],
)
def test_money_pledged_or_people_sent_to_help_are_aid(text, claim):
    assert claim in _claims(text)


def test_helping_alone_stays_cooperation():
    assert ("PER", "COOPERATE", "CHL") in _claims("Peru helped Chile in the search for the missing plane.")


def test_hosting_an_armed_groups_leaders_is_aid_but_hosting_a_summit_is_not():
    assert ("PER", "AID", "BOL") in _claims("Chile accused Peru of hosting leaders of the Bolivian rebel front.")
    assert not any(t == "AID" for _, t, _ in _claims("Peru hosts the leaders of Chile and Bolivia at a summit."))


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Brazil, which has chaired talks between Chile and Peru since 2020, urged calm.", ("BRA", "AGREE", "PER")),
        (
            "Uruguay, which has chaired the dialogue between Bolivia and its creditors, spoke first.",
            ("URY", "AGREE", "BOL"),
        ),
        ("Brazil, which mediated talks between Chile and Peru in 2023, urged calm.", ("BRA", "AGREE", "CHL")),
        ("Peru must drop its demands on Chile.", ("PER", "CONCEDE", "CHL")),
        ("Brazil said it valued its ties with Argentina.", ("BRA", "SUPPORT", "ARG")),
        ("Brazil could lend its experience to Bolivia and Peru.", ("BRA", "CONSULT", "BOL")),
        ("Brazil offered its good offices to Bolivia.", ("BRA", "CONSULT", "BOL")),
    ],
)
def test_mediators_demands_dropped_and_ties_valued(text, claim):
    assert claim in _claims(text)


def test_an_offer_to_mediate_stays_a_consultation():
    got = _claims("Brazil offered to mediate between Chile and Peru.")
    assert ("BRA", "CONSULT", "CHL") in got and ("BRA", "AGREE", "CHL") not in got


def test_talks_chaired_between_two_are_not_the_twos_own_consultation():
    got = _claims("Brazil, which has chaired talks between Chile and Peru since 2020, urged calm.")
    assert ("CHL", "CONSULT", "PER") not in got


def test_money_released_for_an_actor_is_aid_and_prisoners_released_are_not():
    lex = Lexicon.load()
    assert [h.entry["type"] for h in lex.find_cues(tokenise("Brazil will release $150 million for Peru"))] == ["AID"]
    assert [h.entry["type"] for h in lex.find_cues(tokenise("Chile will release the Peruvian fishermen"))] == [
        "RETREAT"
    ]


def test_support_for_rebels_is_aid_and_support_for_a_bid_stays_support():
    assert ("PER", "AID", "BOL") in _claims("Chile accused Peru of support for Bolivian rebels.")
    assert ("PER", "SUPPORT", "CHL") in _claims("Peru voiced support for Chile's bid.")


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Peru ordered the Chilean ships to leave its waters.", ("PER", "COERCE", "CHL")),
        ("The Peruvian coast guard forced the Chilean vessel to leave.", ("PER", "COERCE", "CHL")),
        ("Peru's navy chased off a Chilean trawler.", ("PER", "COERCE", "CHL")),
        ("Peru ordered the Chilean diplomat to leave the country.", ("PER", "SANCTION", "CHL")),
    ],
)
def test_ships_ordered_out_are_pressed_and_diplomats_ordered_out_are_expelled(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Peru conducted military exercises near Chile.", ("PER", "MOBILIZE", "CHL")),
        ("Peru held naval exercises with Chile.", ("PER", "COOPERATE", "CHL")),
        ("Peruvian protesters rallied outside the Chilean embassy in Lima.", ("PER", "PROTEST", "CHL")),
        ("Peru delivered howitzers to Chile.", ("PER", "AID", "CHL")),
        ("Peru shipped fuel to Bolivia after the floods.", ("PER", "AID", "BOL")),
    ],
)
def test_exercises_rallies_and_deliveries(text, claim):
    assert claim in _claims(text)


def test_a_protest_note_delivered_stays_a_protest():
    got = _claims("Peru delivered a protest note to Chile.")
    assert ("PER", "ACCUSE", "CHL") in got and not any(t == "AID" for _, t, _ in got)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Peru extended the gas deal with Chile.", ("PER", "AGREE", "CHL")),
        ("Peru eased visa rules for Chileans.", ("PER", "CONCEDE", "CHL")),
        ("Chile gave Peru a 48-hour ultimatum.", ("CHL", "THREATEN", "PER")),
        ("Chile sent doctors to Peru.", ("CHL", "AID", "PER")),
        ("Chile's president received Peru's foreign minister.", ("CHL", "CONSULT", "PER")),
    ],
)
def test_deals_extended_rules_eased_ultimatums_doctors_and_ministers_received(text, claim):
    assert claim in _claims(text)


# --- guards: what must not change ----------------------------------------------------------------


def test_sharing_a_border_is_not_cooperation():
    assert not any(t == "COOPERATE" for _, t, _ in _claims("Peru shares a long border with Chile."))


def test_data_shared_from_a_place_has_no_cue_without_with():
    hits = Lexicon.load().find_cues(tokenise("Peru has not shared flood forecasts from its stations on the river"))
    assert not hits


def test_fighters_scrambled_to_shadow_bombers_are_a_mobilisation_not_a_shadowing():
    got = _claims("Chile's air force scrambled fighters to shadow Peruvian bombers.")
    assert ("CHL", "MOBILIZE", "PER") in got and not any(t == "COERCE" for _, t, _ in got)


def test_handing_over_territory_stays_a_return():
    assert ("PER", "RETREAT", "CHL") in _claims("Peru handed over the disputed island to Chile.")
