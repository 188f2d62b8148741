"""Eighth round, names: an office named by all its fields is one office under the text's own name.

Constructed sentences with invented people (no outlet's text)."""

from graph import loads
from graph.draft import draft

DS = loads(
    "entities: [{id: ARG, name: Argentina, kind: state, codes: {iso3: ARG}},"
    " {id: GBR, name: United Kingdom, kind: state, codes: {iso3: GBR}},"
    " {id: ECU, name: Ecuador, kind: state, codes: {iso3: ECU}},"
    " {id: MEX, name: Mexico, kind: state, codes: {iso3: MEX}}]"
)


def test_comma_field_list_is_one_office_under_its_own_name():
    text = (
        "BUENOS AIRES — Argentina's Ministry of Foreign Affairs, International Trade and Worship on Tuesday "
        "lodged a protest with the United Kingdom, spokeswoman Marta Quiroga Lenz said."
    )
    r = draft(text, DS)
    names = {n.name: n for n in r.new_names}
    assert "Worship" not in names and "International Trade" not in names
    office = names["Ministry of Foreign Affairs, International Trade and Worship"]
    assert office.kind == "office" and office.part_of == "ARG"
    assert "Ministry of Foreign Affairs of Argentina" in office.aliases
    assert any(c.subject == office.id and c.object == "GBR" for c in r.claims)


def test_and_field_after_bare_ministry_is_no_name_of_its_own():
    text = (
        "QUITO — Mexico demanded an apology from Ecuador. Its Ministry of Foreign Affairs and Human Mobility "
        "rejected the demand on Monday, said Tomas Arrieta Vell, a spokesman."
    )
    r = draft(text, DS)
    names = [n.name for n in r.new_names + r.mentioned]
    assert "Human Mobility" not in names
    assert "Ministry of Foreign Affairs of Mexico" not in [n.name for n in r.new_names]


def test_a_state_after_and_is_no_field():
    text = "The Ministry of Defence and Mexico signed a deal, said Ana Pell Rivas."
    r = draft(text, DS)
    spans = [text[a:b] for n in r.new_names + r.mentioned for a, b in n.spans]
    spans += [m.text for m in r.mentions]
    assert "Mexico" in spans and not any("and Mexico" in s for s in spans)
