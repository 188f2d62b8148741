"""The tenth round, names: words that are no actor's name (a sentence-opening modifier of a plural noun,
a people's adjective before one, a language's demonym), and names the run cuts short or takes for an
actor (a vessel's number, an agreement named by a place, a place named by its geographic noun).
Constructed sentences, invented people, vessels and agreements."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
"""
)


def _names(text):
    r = draft(text, DS)
    return {n.name: n.kind for n in r.all_names}


def _actors(text):
    return {x for c in draft(text, DS).claims for x in (c.subject, c.object)}


def test_a_sentence_opening_modifier_of_a_plural_noun_is_no_name():
    text = "Radar images show that Chile has since built four outposts on the ridge, Argentina said."
    assert "Radar" not in _names(text)
    assert "RADAR" not in _actors(text)


def test_a_sentence_opening_name_before_a_word_for_fighters_stays_a_name():
    text = "Sendero fighters attacked a Peruvian army post on Monday, Peru said."
    assert "Sendero" in _names(text)


def test_a_peoples_adjective_before_a_plural_noun_is_no_name():
    text = "Peruvian soldiers crossed the border in pursuit of East Tolian fighters, Bolivia said."
    assert not any("Tolian" in n for n in _names(text))


def test_a_vessels_number_is_part_of_its_name_and_the_vessel_no_actor():
    text = "Chile protested on Monday. The Peruvian vessel, the Lucero Azul 12, docked at Arica on Tuesday."
    names = _names(text)
    assert names.get("Lucero Azul 12") == "asset"
    assert "Lucero Azul" not in names
    assert "LUCERO-AZUL-12" not in _actors(text)


def test_a_place_before_a_word_for_a_deal_names_the_agreement():
    text = (
        "Chile accuses Peru of 'blackmail', says it respects Tacora deal.\n\n"
        "The Tacora Agreement, signed by Chile and Peru in 2018, ended the dispute."
    )
    names = _names(text)
    assert "Tacora" not in names
    assert names.get("Tacora Agreement") == "agreement"
    assert "TACORA" not in _actors(text) and "TACORA-AGREEMENT" not in _actors(text)


def test_a_place_before_its_geographic_noun_is_a_place_and_no_actor():
    text = (
        "Chilean troops stopped a road crew on the Quiroga plateau in 2017. "
        "Argentina will back any deal Chile reaches, provided Quiroga is not traded away."
    )
    assert _names(text).get("Quiroga") == "place"
    assert "QUIROGA" not in _actors(text)


def test_a_demonym_naming_a_language_is_no_state():
    ds = loads("entities: [{id: CHL, name: Chile, kind: state}, {id: PER, name: Peru, kind: state}]")
    r = draft("The mission, known by its French acronym MINUCHI, said Peru had detained its patrol.", ds)
    assert "France" not in {n.name for n in r.all_names}
    assert "FRA" not in {x for c in r.claims for x in (c.subject, c.object, c.asserted_by)}
