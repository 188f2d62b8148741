"""The ninth round, second wave, vocabulary: the matching of multi-word cues (a plural last word, an adverb
inside) and verb families that gave no cue. Constructed sentences, invented people."""

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
"""
)


def _claims(text):
    return {(c.subject.split("-")[0], c.type, c.object.split("-")[0]) for c in draft(text, DS).claims}


def _cues(text):
    return [h.words for h in Lexicon.load().find_cues(tokenise(text))]


@pytest.mark.parametrize(
    "text, words",
    [
        # the last word of a multi-word cue in the plural
        ("Lima handed over two protest notes on Friday.", "protest notes"),
        ("The navies began joint patrols in the strait.", "joint patrols"),
        ("The two armies held a joint exercise near the border.", "joint exercise"),
        ("Santiago has sent three diplomatic notes since May.", "diplomatic notes"),
        # an adverb inside a phrase
        ("Quito had invested heavily in the port.", "invested heavily in"),
        ("Peru stood firmly by its neighbour.", "stood firmly by"),
    ],
)
def test_cue_phrase_forms(text, words):
    assert words in _cues(text)


@pytest.mark.parametrize(
    "text, words",
    [
        # a phrase ending in a function word takes no plural; a capitalised "-ly" word is no adverb
        ("Chile will stand withs nobody.", "stand withs"),
        ("Chile stood Italy by nothing.", "stood Italy by"),
        # a noun in "-ly" is no adverb
        ("Chile stood rally by nothing.", "stood rally by"),
    ],
)
def test_cue_phrase_guards(text, words):
    assert words not in _cues(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Argentina and Uruguay began joint naval patrols on Monday.", ("ARG", "COOPERATE", "URY")),
        ("Bolivia has invested heavily in Peru since 2015.", ("BOL", "COOPERATE", "PER")),
    ],
)
def test_claims_from_phrase_forms(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, words",
    [
        # a gap of five or six words
        (
            "Lima will share the port's radar logs and tide data with Quito.",
            "share the port's radar logs and tide data with",
        ),
        (
            "La Paz held about 300 of the striking miners in prisons.",
            "held about 300 of the striking miners in prisons",
        ),
    ],
)
def test_longer_gap(text, words):
    assert words in _cues(text)


def test_gap_still_bounded():
    text = "Lima will share the reports of the commission on the river and its data with Quito."
    assert not any(w.startswith("share") for w in _cues(text))


def test_of_two_cues_as_long_the_first_closing_wins():
    hits = Lexicon.load().find_cues(tokenise("Peru sent 400 more soldiers and combat engineers to Bolivia."))
    assert [(h.words, h.entry["type"]) for h in hits][0] == ("sent 400 more soldiers", "AID")


@pytest.mark.parametrize(
    "text, claim",
    [
        # arms passed on; arms received from a supplier named after the cue
        ("Bolivia channelled rifles and weapons to Peru through the Andes.", ("BOL", "AID", "PER")),
        ("Uruguay has been funnelling arms to Peru for a year.", ("URY", "AID", "PER")),
        ("Peru received dozens of weapons from Chile last year.", ("CHL", "AID", "PER")),
        ("Peru bought attack drones from Chile in March.", ("CHL", "AID", "PER")),
        # a deadline to leave
        ("Chile gave Peru's consul 72 hours to leave the country.", ("CHL", "SANCTION", "PER")),
        # curbs eased, a mandate renewed
        ("Chile eased its curbs on Peru's trucks.", ("CHL", "CONCEDE", "PER")),
        ("Argentina loosened its sanctions on Bolivia.", ("ARG", "CONCEDE", "BOL")),
        # written protests, a case brought, a ruling against, a treaty torn up, a rebuff
        ("Peru sent a note verbale to Chile on Friday.", ("PER", "ACCUSE", "CHL")),
        ("Uruguay sent a letter of protest to Argentina.", ("URY", "ACCUSE", "ARG")),
        ("Bolivia brought a case against Chile at the court.", ("BOL", "ACCUSE", "CHL")),
        ("Chile tore up its fishing agreement with Peru.", ("CHL", "SANCTION", "PER")),
        ("Peru shrugged off Chile's warning.", ("PER", "REJECT", "CHL")),
    ],
)
def test_verb_families(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # the reversed cue needs the supplier after it: Peru is no supplier here
        ("Peru received a delegation from Chile.", ("CHL", "AID", "PER")),
        # leaving on one's own is no expulsion
        ("The Chilean consul left Peru after 72 hours.", ("PER", "SANCTION", "CHL")),
    ],
)
def test_verb_families_guards(text, claim):
    assert claim not in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # forces moved, rushed or redeployed towards an actor; a presence stepped up; an advance
        ("Chile moved tanks and artillery towards Peru's border on Sunday.", ("CHL", "MOBILIZE", "PER")),
        ("Bolivia has redeployed two brigades of troops to its border with Peru.", ("BOL", "MOBILIZE", "PER")),
        ("Argentina stepped up naval patrols near Uruguay's coast.", ("ARG", "MOBILIZE", "URY")),
        ("Chile has beefed up its naval presence near Bolivia.", ("CHL", "MOBILIZE", "BOL")),
        ("Peruvian units advanced into Chile overnight.", ("PER", "MOBILIZE", "CHL")),
        # a boat boarded, a barrier erected, a veiled threat, forces joined
        ("Chile's coast guard boarded a Peruvian trawler off Arica.", ("CHL", "COERCE", "PER")),
        ("Argentina hinted at military action against Uruguay.", ("ARG", "THREATEN", "URY")),
        ("Bolivia joined forces with Peru against the smugglers.", ("BOL", "COOPERATE", "PER")),
    ],
)
def test_mobilise_and_other_families(text, claim):
    assert claim in _claims(text)


def test_a_boarded_plane_is_no_seizure():
    assert ("CHL", "COERCE", "PER") not in _claims("Chile's minister boarded a plane to Peru.")


@pytest.mark.parametrize(
    "text, claim",
    [
        # money earmarked or set aside; the largest lender; a corridor for weapons; weapons escorted
        ("Argentina has earmarked $30 million for Uruguay's flood defences.", ("ARG", "AID", "URY")),
        ("Chile set aside 12 million dollars for Bolivia last year.", ("CHL", "AID", "BOL")),
        ("Argentina is the largest creditor of Uruguay.", ("ARG", "AID", "URY")),
        ("Bolivia has become a corridor for Peru's weapons.", ("BOL", "AID", "PER")),
        ("Argentina's soldiers escorted trucks carrying weapons to Uruguay.", ("ARG", "AID", "URY")),
        ("Chile remains the largest trading partner of Peru.", ("CHL", "COOPERATE", "PER")),
    ],
)
def test_money_and_weapon_routes(text, claim):
    assert claim in _claims(text)


def test_a_donor_conference_is_no_aid():
    assert ("CHL", "AID", "PER") not in _claims("Chile hosted a donor conference on Peru.")


@pytest.mark.parametrize(
    "text, claim",
    [
        # access allowed, ports opened, territory handed back, troops evacuated, drills called off
        ("Chile will allow Peruvian trucks to cross at Chacalluta.", ("CHL", "RETREAT", "PER")),
        ("Argentina opened its ports to Uruguayan ships on Monday.", ("ARG", "RETREAT", "URY")),
        ("Peru handed back the two islets to Bolivia.", ("PER", "RETREAT", "BOL")),
        ("Chile called off the naval drills near Peru.", ("CHL", "RETREAT", "PER")),
        # a stance softened, concessions made, a deal hammered out, talks ruled out
        ("Bolivia has softened its stance towards Chile.", ("BOL", "CONCEDE", "CHL")),
        ("Uruguay made several concessions to Argentina.", ("URY", "CONCEDE", "ARG")),
        ("Chile ruled out any talks with Bolivia.", ("CHL", "REJECT", "BOL")),
    ],
)
def test_access_returns_and_concessions(text, claim):
    assert claim in _claims(text)


def test_handed_back_is_no_support():
    assert ("PER", "SUPPORT", "BOL") not in _claims("Peru handed back the two islets to Bolivia.")


@pytest.mark.parametrize(
    "text, claim",
    [
        # fire lobbed into a territory; executions; hacking; boats driven off; pressure; veiled warnings
        ("Bolivia lobbed mortar rounds into Peru overnight.", ("BOL", "ASSAULT", "PER")),
        ("Chile's navy drove off two Peruvian patrol boats.", ("CHL", "COERCE", "PER")),
        ("Argentina has leaned on Uruguay for months.", ("ARG", "COERCE", "URY")),
        ("Chile cautioned Bolivia against any move on the lake.", ("CHL", "THREATEN", "BOL")),
        ("Peru charged that Chile had hidden the data.", ("PER", "ACCUSE", "CHL")),
        ("Uruguay faulted Argentina for the delay.", ("URY", "ACCUSE", "ARG")),
    ],
)
def test_force_pressure_and_warning_families(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Chile invested $5 million in Peru last year.", ("CHL", "COOPERATE", "PER")),
        ("Argentina's minister huddled with Uruguay's minister in Salto.", ("ARG", "CONSULT", "URY")),
        ("Chile set up a hotline with Peru after the incident.", ("CHL", "COOPERATE", "PER")),
        ("Argentina forgave Bolivia's debt in 2021.", ("ARG", "AID", "BOL")),
        ("Peru denied visas to Chile's negotiators.", ("PER", "SANCTION", "CHL")),
        ("Uruguay airdropped food to Bolivia's flooded towns.", ("URY", "AID", "BOL")),
    ],
)
def test_contact_help_and_visa_families(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Peru took aim at Chile over the fishing quotas.", ("PER", "ACCUSE", "CHL")),
        ("Uruguay's minister railed against Argentina on Tuesday.", ("URY", "ACCUSE", "ARG")),
        ("Chile took issue with Bolivia over the river.", ("CHL", "ACCUSE", "BOL")),
        ("Bolivia waved away Chile's concerns.", ("BOL", "REJECT", "CHL")),
        ("Argentina played down Uruguay's complaint.", ("ARG", "REJECT", "URY")),
        ("Peru came to Bolivia's defence at the summit.", ("PER", "SUPPORT", "BOL")),
        ("Chile championed Peru's bid for the seat.", ("CHL", "SUPPORT", "PER")),
    ],
)
def test_rebuke_rebuff_and_backing_families(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Argentina prodded Uruguay to reopen the bridge.", ("ARG", "REQUEST", "URY")),
        ("Chile granted Peru's request for more water.", ("CHL", "CONCEDE", "PER")),
        ("Bolivia heeded Chile's repeated calls for calm.", ("BOL", "CONCEDE", "CHL")),
    ],
)
def test_urging_and_requests_granted(text, claim):
    assert claim in _claims(text)


def test_a_granted_request_is_no_aid():
    assert ("CHL", "AID", "PER") not in _claims("Chile granted Peru's request for more water.")


@pytest.mark.parametrize(
    "text",
    [
        "Argentina put the treaty with Bolivia in abeyance.",
        "Argentina put the river treaty with Bolivia on hold.",
        "Argentina has held the 1998 treaty with Bolivia in abeyance since May.",
    ],
)
def test_a_treaty_held_in_abeyance_is_a_sanction(text):
    claims = _claims(text)
    assert ("ARG", "SANCTION", "BOL") in claims and ("ARG", "AGREE", "BOL") not in claims


def test_declared_before_a_date_drafts():
    # "declared" stays a verb of speech: as an act it would send a date right after it down a path of
    # attach.py that expects a speech phrase (a TypeError there)
    draft("Argentina declared the 1998 treaty with Bolivia in abeyance.", DS)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Argentina disbursed $12 million to Bolivia in March.", ("ARG", "AID", "BOL")),
        ("Chile passed the intelligence to Peru within hours.", ("CHL", "COOPERATE", "PER")),
        ("Uruguay tipped off Argentina about the shipment.", ("URY", "COOPERATE", "ARG")),
        ("Chile turned away 300 Peruvian migrants at the border.", ("CHL", "COERCE", "PER")),
    ],
)
def test_money_intelligence_and_migrants(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Chile and Peru struck an accord on the river in May.", ("CHL", "AGREE", "PER")),
        ("Argentina and Uruguay reached a broad consensus on the bridge.", ("ARG", "AGREE", "URY")),
        ("Bolivia and Peru held a videoconference on Monday.", ("BOL", "CONSULT", "PER")),
    ],
)
def test_accords_struck_and_consensus(text, claim):
    assert claim in _claims(text)


@pytest.mark.parametrize("pact", ["pact", "deal"])
def test_a_strike_after_a_pact_or_deal_stays_an_attack(pact):
    claims = _claims(f"Chile struck the rebel camps in Peru days after the {pact}.")
    assert ("CHL", "ASSAULT", "PER") in claims and ("CHL", "AGREE", "PER") not in claims
    assert ("CHL", "AGREE", "PER") in _claims("Chile struck a new deal with Peru.")
