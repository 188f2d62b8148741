"""Tests over the seed graph: the op-ed in data/texts/000_e8862f374e2db2d8.txt.

They check that the data says what the article says: its actors (with verified
Wikidata QIDs), the article's names for them, every claim with its modality and
who makes it, the quantities, and verbatim evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

import graph
from tests.conftest import DATA  # noqa: E402  (a copy of the seed: never the user's data/)

SOURCE = "oped-2025-us-equipment-afghanistan"
TEXT = DATA / "texts" / "000_e8862f374e2db2d8.txt"


@pytest.fixture(scope="module")
def ds():
    return graph.load(DATA)


def _norm(s: str) -> str:
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def _ids(rels):
    return {r.id for r in rels}


def _us_side(ds):
    """The United States and its offices (the Biden and the new administration)."""
    return ["USA"] + [e.id for e in ds.entities.values() if e.part_of == "USA"]


# -- entities -------------------------------------------------------------------


@pytest.mark.parametrize(
    "eid, name, qid",
    [
        ("PAK", "Pakistan", "Q843"),
        ("USA", "United States", "Q30"),
        ("CHN", "China", "Q148"),
        ("RUS", "Russia", "Q159"),
        ("IRN", "Iran", "Q794"),
        ("IND", "India", "Q668"),
        ("AFG", "Afghanistan", "Q889"),
    ],
)
def test_states_have_verified_qids(ds, eid, name, qid):
    e = ds.entity(eid)
    assert e.name == name
    assert e.kind == "state"
    assert e.codes["wikidata"] == qid
    assert e.codes["iso3"] == eid


def test_taliban_is_its_own_de_facto_authority_without_guessed_qid(ds):
    tal = ds.entity("Taliban")
    assert tal.id == "TAL"
    assert tal.kind == "de_facto_authority"
    assert "August 2021" in tal.description
    assert "wikidata" not in tal.codes  # not verified: left out rather than guessed


def test_only_verified_qids_are_used(ds):
    verified = {"Q843", "Q30", "Q148", "Q159", "Q794", "Q668", "Q889"}
    used = {e.codes["wikidata"] for e in ds.entities.values() if "wikidata" in e.codes}
    assert used <= verified


@pytest.mark.parametrize(
    "alias, eid",
    [
        ("Washington", "USA"),
        ("US", "USA"),
        ("the US", "USA"),
        ("American", "USA"),
        ("Islamabad", "PAK"),
        ("islamabad", "PAK"),
        ("Pakistan's leadership", "PAK"),
        ("Kabul", "KABUL"),
        ("Balochistan", "BALOCHISTAN"),
        ("the Taliban", "TAL"),
        ("the Biden regime", "USA-BIDEN"),
        ("the new administration", "USA-TRUMP"),
        ("the Trump line", "USA-TRUMP"),
        ("the Foreign Office", "PAK-FO"),
        ("Pakistan's foreign office", "PAK-FO"),
        ("treasure trove", "US-EQUIPMENT"),
        ("American military hardware", "US-EQUIPMENT"),
        ("these weapons", "US-EQUIPMENT"),
        ("the Doha Agreement", "DOHA-AGREEMENT"),
        ("the global powers", "GLOBAL-POWERS"),
    ],
)
def test_article_names_resolve(ds, alias, eid):
    assert ds.entity(alias).id == eid


def test_unknown_name_raises(ds):
    with pytest.raises(graph.UnknownEntityError):
        ds.entity("Kandahar")
    with pytest.raises(KeyError):
        ds.entity("Kandahar")


def test_trump_the_person_is_not_an_alias_of_his_administration(ds):
    assert "Trump" not in ds.entity("USA-TRUMP").aliases
    with pytest.raises(graph.UnknownEntityError):
        ds.entity("Trump")


@pytest.mark.parametrize(
    "eid, parent",
    [
        ("PAK-FO", "PAK"),
        ("USA-BIDEN", "USA"),
        ("USA-TRUMP", "USA"),
        ("BALOCHISTAN", "PAK"),
        ("KABUL", "AFG"),
    ],
)
def test_part_of(ds, eid, parent):
    assert ds.entity(eid).part_of == parent


def test_non_actor_kinds(ds):
    assert ds.entity("US-EQUIPMENT").kind == "asset"
    assert ds.entity("DOHA-AGREEMENT").kind == "agreement"
    assert ds.entity("Balochistan").kind == "place"
    assert ds.entity("GLOBAL-POWERS").kind == "collective"
    assert ds.entity("TERROR-GROUPS").kind == "armed_group"


# -- the source -------------------------------------------------------------------


def test_source_is_stored_in_the_project_and_nothing_is_invented(ds):
    src = ds.source(SOURCE)
    assert src.kind == "op-ed"
    assert str(src.published) == "2025"
    assert src.perspective.startswith("Pakistani")
    assert src.author is None and src.outlet is None and src.url is None
    assert Path(src.text_path).resolve() == TEXT.resolve()
    assert TEXT.read_text(encoding="utf-8").startswith("Ever since the Taliban recaptured Kabul")


def test_every_relation_has_verbatim_evidence(ds):
    text = _norm(TEXT.read_text(encoding="utf-8"))
    rels = ds.relations()
    assert len(rels) == 42
    for r in rels:
        assert r.evidence, r.id
        for ev in r.evidence:
            assert ev.source == SOURCE
            assert _norm(ev.quote) in text, (r.id, ev.quote)
    assert _ids(ds.relations(source=SOURCE)) == _ids(rels)


# -- the claims -------------------------------------------------------------------


def test_modalities_present(ds):
    counts = Counter(r.modality for r in ds.relations())
    for m in ("reported", "claimed", "recommended", "speculated", "denied"):
        assert counts[m] >= 1, m
    assert counts["reported"] > counts["recommended"] > counts["claimed"]
    assert counts == {"reported": 24, "recommended": 9, "speculated": 6, "claimed": 2, "denied": 1}


def test_background_knowledge_stays_out_of_the_relations(ds):
    # The article names the Doha Agreement but not its parties: they are in the description only.
    assert not ds.relations(type="PARTY_TO")
    doha = ds.entity("the Doha Agreement")
    assert "2020" in doha.description and "background knowledge" in doha.description
    assert ds.graph.degree("DOHA-AGREEMENT") == 0
    assert {r.id for r in ds.relations() if r.attributes.get("agreement") == "DOHA-AGREEMENT"} == {
        "pak-persuades-global-powers-recommended",
        "global-powers-enforce-doha-on-tal-recommended",
    }
    # nor does the article say where the equipment is (it was used in Balochistan, too)
    assert not ds.relations(type="LOCATED_IN")


def test_inferred_relations_are_marked_and_say_what_is_read_into_them(ds):
    inferred = {r.id for r in ds.relations() if r.attributes.get("inferred") is True}
    assert inferred == {
        "usa-withdraws-from-afg-2021-08",
        "pak-neighbour-of-afg",
        "pak-worries-about-afg",
        "pak-engages-usa-trump-recommended",
        "terror-groups-hold-us-equipment",
        "tal-endangers-pak-security",
    }
    for rid in inferred:
        assert "read into" in ds.relation(rid).note.lower(), rid
    assert all(r.attributes.get("inferred", False) in (True, False) for r in ds.relations())


@pytest.mark.parametrize(
    "rid",
    [
        "usa-withdraws-from-afg-2021-08",
        "usa-origin-of-us-equipment",
        "tal-captures-us-equipment",
        "tal-holds-us-equipment",
        "terror-groups-hold-us-equipment",
        "terror-groups-attack-balochistan-with-us-weapons",
        "usa-dialogue-with-pak-speculated",
        "usa-pressure-on-tal-speculated",
        "pak-worries-about-afg",
    ],
)
def test_no_date_where_the_article_gives_none(ds, rid):
    assert ds.relation(rid).when is None


def test_taliban_recaptured_kabul_in_august_2021(ds):
    [r] = ds.relations(subject="Taliban", object="Kabul")
    assert (r.type, r.mode, r.modality) == ("COERCE", "seize", "reported")
    assert r.when.text == "2021-08"
    # the claims the article's words date to (or through) August 2021; nothing else is given that date
    assert _ids(ds.relations(start="2021-08-15", end="2021-08-15")) == {
        r.id,
        "pak-blames-us-equipment-for-terror-surge",
        "us-equipment-fuels-terror-groups-pak-claim",
        "usa-biden-dismisses-pak-concerns",
        "terror-groups-attack-pak-decade",
    }


def test_us_forces_left_the_equipment_which_the_taliban_captured_and_holds(ds):
    [origin] = ds.relations(subject="American forces", object="treasure trove", type="ORIGIN_OF")
    assert origin.modality == "reported" and "inferred" not in origin.attributes
    [withdrawal] = ds.relations(subject="US", object="Afghanistan", type="RETREAT")
    assert withdrawal.mode == "withdraw" and withdrawal.modality == "reported"
    assert withdrawal.attributes["inferred"] is True  # 'left behind by American forces'
    assert "left behind by American forces" in withdrawal.evidence[0].quote
    tal_eq = {r.type for r in ds.relations(subject="TAL", object="US-EQUIPMENT")}
    assert {"COERCE", "HOLDS", "MOBILIZE"} <= tal_eq
    showcase = ds.relations(subject="TAL", object="US-EQUIPMENT", type="MOBILIZE")[0]
    assert "victory celebrations" in showcase.evidence[0].quote


def test_what_the_us_demands_of_the_taliban(ds):
    demands = ds.relations(subject=_us_side(ds), object="Taliban", type="REQUEST")
    assert len(demands) == 1
    [d] = demands
    assert d.mode == "return"
    assert d.modality == "reported"
    assert d.asserted_by is None
    assert d.attributes["value"] == "$7 billion"
    assert d.attributes["value_usd"] == 7_000_000_000
    assert "return" in d.attributes["demand"]
    assert d.when.text == "2025"
    assert any("its return" in ev.quote for ev in d.evidence)
    # ... tied to potential financial assistance, which the Taliban has not complied with
    cond = ds.relations(subject=_us_side(ds), object="TAL", type="THREATEN", modality="reported")
    assert [r.mode for r in cond] == ["aid"]
    potential = ds.relations(subject=_us_side(ds), object="TAL", type="AID")
    assert [r.modality for r in potential] == ["speculated"]
    [refusal] = ds.relations(subject="TAL", object=_us_side(ds), type="CONCEDE")
    assert refusal.modality == "denied"
    assert "no indication of compliance" in refusal.evidence[0].quote
    # ... which complicates efforts for diplomatic engagement (between whom, the article does not say)
    assert refusal.attributes["consequence"] == "complicating efforts for diplomatic engagement"
    assert "complicating efforts for diplomatic engagement" in refusal.evidence[0].quote


def test_new_administration_acknowledges_7_billion(ds):
    # the author reports the acknowledgement; it is not a claim of the administration's own
    [ack] = ds.relations(subject="the new administration", object="treasure trove")
    assert (ack.type, ack.mode, ack.modality) == ("SUPPORT", "acknowledge", "reported")
    assert ack.asserted_by is None
    assert ack.polarity == 0  # acknowledging that equipment exists is not support
    assert ack.attributes["value"] == "$7 billion"
    assert ack.attributes["value_usd"] == 7_000_000_000
    assert "acknowledged the existence" in ack.evidence[0].quote
    assert not ds.relations(asserted_by="USA")  # neither the US nor its administrations claim anything
    assert not ds.relations(subject="USA-TRUMP", object="PAK")  # Pakistan's concerns: not acknowledged


def test_biden_administration_dismissed_pakistans_concerns(ds):
    [r] = ds.relations(subject="the Biden regime", object="Pakistan")
    assert (r.type, r.mode, r.modality) == ("REJECT", "dismiss", "reported")
    assert r.when.text == "2021-08..2025-01"
    assert r.polarity < 0


def test_attacks_on_pakistan_quantities(ds):
    attacks = ds.relations(object="Pakistan", type="ASSAULT", modality="reported")
    by_year = {r.when.text: r for r in attacks if r.when is not None}
    assert by_year["2023"].attributes["count"] == 650
    assert by_year["2024"].attributes["count"] == 1600
    assert "last year" in by_year["2024"].note.lower()
    values = [v for r in ds.relations() for v in r.attributes.values()]
    assert 650 in values and 1600 in values
    assert all(r.subject == "TERROR-GROUPS" for r in attacks)


def test_weapons_used_in_balochistan(ds):
    [r] = ds.relations(object="Balochistan")
    assert r.type == "ASSAULT" and r.modality == "reported"
    assert r.attributes["asset"] == "US-EQUIPMENT"
    assert "these weapons" in r.evidence[0].quote


def test_pakistans_claims_versus_the_authors(ds):
    pakistani = ds.relations(asserted_by=["PAK", "Foreign Office"])
    authors = ds.relations(asserted_by="author")
    assert pakistani and authors
    assert not _ids(pakistani) & _ids(authors)
    assert all(r.modality == "claimed" for r in pakistani)
    assert {r.asserted_by for r in pakistani} == {"PAK", "PAK-FO"}
    # Pakistan's claim: the equipment fuels the terrorists
    [fuels] = ds.relations(asserted_by="Pakistan", parts=False)
    # by default an actor's parts count too: Pakistan's claims include its Foreign Office's
    assert _ids(ds.relations(asserted_by="Pakistan")) == _ids(pakistani)
    assert (fuels.subject, fuels.object) == ("US-EQUIPMENT", "TERROR-GROUPS")
    assert "catalyst" in fuels.evidence[0].quote
    # The Foreign Office: Islamabad is ready to strengthen ties with the US
    [ties] = ds.relations(asserted_by="PAK-FO")
    assert (ties.subject, ties.object) == ("PAK", "USA")
    # exactly these claims are attributed to someone other than the author, and by whom
    attributed = {(r.id, r.asserted_by) for r in ds.relations() if r.asserted_by is not None}
    assert attributed == {
        ("us-equipment-fuels-terror-groups-pak-claim", "PAK"),
        ("pak-ready-to-strengthen-ties-usa-fo-claim-2025", "PAK-FO"),
    }
    assert {r.id for r in ds.relations(modality="claimed")} == {rid for rid, _ in attributed}
    assert len(authors) == 40


def test_who_pakistan_is_urged_to_court(ds):
    recs = ds.relations(subject="Pakistan", modality="recommended")
    assert {"CHN", "RUS", "IRN"} <= {r.object for r in recs}
    for state in ("China", "Russia", "Iran"):
        [r] = ds.relations(subject="PAK", object=state, modality="recommended")
        assert r.type == "COOPERATE" and r.polarity > 0
        assert r.asserted_by is None
        # ... because each faces threats from Afghanistan's violence, and potential spillover
        threats = ds.relations(subject="Afghanistan", object=state)
        assert {x.modality for x in threats} == {"reported", "speculated"}
        # a threat posed, and potential spillover: neither is an attack
        assert {(x.type, x.mode) for x in threats} == {("THREATEN", "violence")}
        [spill] = [x for x in threats if x.modality == "speculated"]
        assert "potential spillover effects" in spill.evidence[0].quote


def test_recommendations_to_the_foreign_office_and_on_the_taliban(ds):
    fo = ds.relations(subject="Foreign Office", modality="recommended")
    assert {(r.type, r.object) for r in fo} == {("ACCUSE", "TAL"), ("REQUEST", "INTL-COMMUNITY")}
    doha = ds.relations(subject="the global powers", object="Taliban", modality="recommended")
    assert doha and doha[0].attributes["agreement"] == "DOHA-AGREEMENT"
    assert ds.relations(subject="Pakistan", object="the global powers", modality="recommended")
    room = ds.relations(object="Taliban", type="COERCE", modality="recommended")
    assert any("any more room" in r.evidence[0].quote for r in room)


def test_what_could_happen_in_washington(ds):
    spec = ds.relations(subject="Washington", modality="speculated", parts=False)
    assert {(r.type, r.object) for r in spec} == {("CONSULT", "PAK"), ("COERCE", "TAL")}
    assert all(r.when is None for r in spec)


def test_pakistans_leadership_must_reevaluate_its_strategy(ds):
    [r] = ds.relations(subject="Pakistan's leadership", object="the Trump line", parts=False)
    assert (r.type, r.mode, r.modality) == ("CONSULT", "engage", "recommended")
    assert r.asserted_by is None
    assert r.attributes["inferred"] is True  # the article names no counterpart
    quotes = " ".join(ev.quote for ev in r.evidence)
    assert "must reevaluate its international strategy" in quotes
    assert "toe the Trump line" in quotes


def test_pakistan_is_right_to_worry_about_its_neighbour(ds):
    [worry] = ds.relations(subject="PAK", object="AFG", type="ACCUSE", parts=False)
    assert (worry.mode, worry.modality, worry.polarity) == ("disapprove", "reported", -2)
    assert worry.attributes["author_judgement"] == "well within its rights"
    assert "worry about its problematic neighbour" in worry.evidence[0].quote
    [nb] = ds.relations(subject="PAK", object="AFG", type="NEIGHBOUR_OF")
    assert nb.attributes == {"characterised_as": "problematic", "inferred": True}


def test_the_taliban_endangers_pakistans_security_by_presupposition(ds):
    [r] = ds.relations(subject="TAL", object="PAK", type="THREATEN")
    assert r.modality == "reported" and r.attributes["inferred"] is True
    assert "any more room" in r.evidence[0].quote


def test_india_toed_the_trump_line(ds):
    [r] = ds.relations(subject="India")
    assert (r.type, r.mode, r.object) == ("CONCEDE", "comply", "USA-TRUMP")
    assert "migration" in r.context
    assert r.attributes["motive"] == "to avoid diplomatic isolation"


def test_growing_global_recognition(ds):
    [r] = ds.relations(subject="INTL-COMMUNITY", object="PAK", type="SUPPORT")
    assert r.modality == "reported" and r.mode == "recognize"
    assert r.polarity == 2  # awareness, weaker than SUPPORT's default +5


# -- the graph --------------------------------------------------------------------


def test_graph_is_a_multidigraph_keyed_by_relation_id(ds):
    g = ds.graph
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(ds.entities)
    assert g.number_of_edges() == len(ds.relations())
    assert g.has_edge("USA-TRUMP", "TAL", key="usa-trump-requests-tal-return-equipment-2025")
    # parallel edges between the same pair are kept
    assert g.number_of_edges("TAL", "US-EQUIPMENT") == 3
    assert g.number_of_edges("USA-TRUMP", "TAL") == 3
