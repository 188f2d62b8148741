"""The eighth round, second part: implicit objects and pairs ("both countries" after an aside, "the two NATO
allies", ...). Constructed sentences, invented people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: ARG, name: Argentina, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: PER, name: Peru, kind: state}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: URY, name: Uruguay, kind: state}
  - {id: BRA, name: Brazil, kind: state}
  - {id: GRC, name: Greece, kind: state}
  - {id: TUR, name: Turkey, kind: state}
  - {id: NATO, name: NATO, kind: organisation}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object) for c in draft(text, DS).claims}


def test_both_countries_after_a_relative_clause_are_the_two_sides_of_the_story():
    # the actors of ", which backed Chile's navy," are not the clause's own: both countries are Peru and Chile
    got = _claims(
        "Peru accused Chile of seizing its fishing boats. Bolivia and Uruguay condemned the seizure. "
        "Brazil, which has backed Chile's navy with patrol aircraft, urged both countries to settle the dispute."
    )
    assert {o for s, t, o in got if s == "BRA" and t == "REQUEST"} == {"PER", "CHL"}


def test_a_pair_between_two_actors_in_an_aside_is_both_sides():
    got = _claims(
        "Peru accused Chile of seizing its fishing boats. Argentina, which brokered a truce between Bolivia "
        "and Uruguay, urged both sides to return to talks."
    )
    assert {o for s, t, o in got if s == "ARG" and t == "REQUEST"} == {"BOL", "URY"}


def test_the_two_with_a_proper_adjective_are_the_pair_of_the_story():
    got = _claims(
        "Greece accused Turkey of violating its airspace on Monday. "
        "The two NATO allies signed a declaration on friendly relations in 2023."
    )
    assert ("GRC", "AGREE", "TUR") in got and ("TUR", "AGREE", "GRC") in got
    assert not any("NATO" in (s, o) for s, _, o in got)


def test_the_two_countries_signed_an_arrangement():
    got = _claims("Chile and Peru fought a short war in 1879. The two countries signed a fishing arrangement in 2016.")
    assert ("CHL", "AGREE", "PER") in got and ("PER", "AGREE", "CHL") in got


def test_a_rejected_demand_is_on_whoever_made_it():
    got = _claims(
        "Peru urged Chile on Monday to return the seized boats. Chile and Brazil signed a trade pact last week. "
        "Chile rejected the demand on Tuesday."
    )
    assert ("CHL", "REJECT", "PER") in got
    assert ("CHL", "REJECT", "BRA") not in got


def test_a_rejected_objection_is_first_on_who_asked_the_rejector():
    got = _claims(
        "Bolivia objected to the pact between Chile and Argentina. Bolivia had urged Chile to reopen talks on "
        "access to the sea. Chile rejected the objection."
    )
    assert {o for s, t, o in got if s == "CHL" and t == "REJECT"} == {"BOL"}
