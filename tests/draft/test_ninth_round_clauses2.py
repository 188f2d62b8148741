"""The ninth round, second wave, clause structure: an attack whose responsibility is claimed is the
claimer's word ("the Frente Litoral claimed responsibility for the raid": claimed, by the Frente); "claim"
after a name used as a modifier is a noun, not a verb of speech ("summons envoy over Tacna claim");
"announced"/"declared" with an object is an act, not speech ("declared war on Peru"); a relative clause
before a denial is told as fact ("X, which has fought Y since 2023, denied the charge"); where an envoy is
posted is no actor ("Bolivia's ambassador to the UN accused Peru"); a participle's agent after "by the"
acts ("a Peruvian trawler was seized by the Bolivian navy"); "The statement accused Y" is its author's act.
Constructed sentences, invented people."""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: PER, name: Peru, kind: state, aliases: [Lima]}
  - {id: BOL, name: Bolivia, kind: state}
  - {id: CHL, name: Chile, kind: state}
  - {id: FLR, name: Frente Litoral, kind: armed_group}
  - {id: UN, name: United Nations, kind: organisation}
"""
)


def _claims(text):
    return {(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in draft(text, DS).claims}


def test_claimed_responsibility_is_claimed_by_the_claimer():
    got = _claims(
        "Gunmen attacked a Peruvian border post on Sunday. "
        "The Frente Litoral claimed responsibility for the raid in a message to reporters."
    )
    assert any(s == "FLR" and t == "ASSAULT" and m == "claimed" and by == "FLR" for s, t, _, m, by in got), got


def test_claims_responsibility_in_the_present_too():
    got = _claims("Bolivia shelled a village in Peru on Monday. The Frente Litoral claims responsibility for it.")
    assert any(s == "FLR" and t == "ASSAULT" and m == "claimed" and by == "FLR" for s, t, _, m, by in got), got


def test_a_plain_attack_stays_reported():
    # guard: an attack told as fact keeps its modality
    got = _claims("The Frente Litoral attacked a Peruvian border post on Sunday.")
    assert ("FLR", "ASSAULT", "PER", "reported", None) in got, got


def test_a_headline_claim_after_a_name_is_a_noun():
    got = _claims("Lima summons Bolivian defence attache over Tacna claim in white paper")
    assert ("PER", "ACCUSE", "BOL", "reported", None) in got, got


def test_a_claim_after_a_possessive_name_is_a_noun():
    got = _claims("Peru on Monday summoned the Bolivian ambassador over La Paz's claim to the Tacna valley.")
    assert ("PER", "ACCUSE", "BOL", "reported", None) in got, got


def test_a_name_that_claims_mid_sentence_still_speaks():
    # guard: "while the Frente Litoral claims that S": the Frente says S
    got = _claims("Bolivia denies any role, while the Frente Litoral claims that Bolivia attacked a Peruvian post.")
    assert any(s == "BOL" and t == "ASSAULT" and m == "claimed" and by == "FLR" for s, t, _, m, by in got), got


def test_declared_with_an_object_is_an_act():
    assert ("BOL", "ASSAULT", "PER", "reported", None) in _claims("Bolivia on Tuesday declared war on Peru.")
    got = _claims("Chile declared a Bolivian consul persona non grata on Friday.")
    assert ("CHL", "SANCTION", "BOL", "reported", None) in got, got


def test_announced_with_an_object_is_an_act():
    got = _claims("Chile announced new sanctions against Bolivian officials on Monday.")
    assert ("CHL", "SANCTION", "BOL", "reported", None) in got, got


def test_announced_that_is_still_speech():
    # guard: "announced on Monday that S", "..., X declared": S is claimed by X
    got = _claims("Chile announced on Monday that it had imposed sanctions on Bolivia.")
    assert ("CHL", "SANCTION", "BOL", "claimed", "CHL") in got, got
    got = _claims("Bolivian troops attacked a Peruvian post, Peru declared.")
    assert ("BOL", "ASSAULT", "PER", "claimed", "PER") in got, got


def test_a_relative_before_a_denial_is_told_as_fact():
    got = _claims(
        "Peru accused Bolivia of bombing a bridge. "
        "The Frente Litoral, which has fought Chile since 2023, denied the charge."
    )
    assert ("FLR", "ASSAULT", "CHL", "reported", None) in got, got
    # guard: the denial still reaches the charge of the sentence before
    assert ("BOL", "ASSAULT", "PER", "denied", "FLR") in got, got


def test_a_denial_without_a_relative_keeps_nothing_of_its_own_clause():
    # guard: "Chile, fighting ..., denied the charge" has no relative: nothing of the clause is told as fact
    got = _claims("Peru accused Bolivia of bombing a bridge. Chile denied the charge.")
    assert not any(s == "CHL" and m == "reported" for s, _, _, m, _ in got), got


def test_where_an_envoy_is_posted_is_no_actor():
    got = _claims("Bolivia's ambassador to the United Nations accused Peru of lying about the border.")
    assert ("BOL", "ACCUSE", "PER", "reported", None) in got, got
    got = _claims("The Chilean envoy to Bolivia accused Peru of lying about the border.")
    assert ("CHL", "ACCUSE", "PER", "reported", None) in got, got


def test_an_envoy_sent_to_a_state_still_names_it():
    # guard: "sent an envoy to Bolivia": Bolivia is the one Peru engages
    assert ("PER", "CONSULT", "BOL", "reported", None) in _claims("Peru sent an envoy to Bolivia for talks.")


def test_the_agent_after_by_the_acts():
    got = _claims("Two Chilean trawlers were seized by the Bolivian navy off Arica.")
    assert ("BOL-NAVY", "COERCE", "CHL", "reported", None) in got, got
    got = _claims("The Chilean patrol, ambushed by a Frente Litoral unit near Arica, lost two men.")
    assert any(s == "FLR" and o == "CHL" for s, _, o, _, _ in got), got
    assert not any(s == "CHL" and o == "FLR" for s, _, o, _, _ in got), got


def test_an_active_verb_before_by_the_keeps_its_subject():
    # guard: the object is named before "by the"
    got = _claims("Bolivian troops attacked Chile by the lake on Sunday.")
    assert ("BOL", "ASSAULT", "CHL", "reported", None) in got, got


def test_the_statement_is_its_authors_act():
    got = _claims(
        "Chile's government issued a statement on Monday about the border. "
        "The statement accused Bolivia of arming the Frente Litoral."
    )
    assert any(s == "CHL" and t == "ACCUSE" and o == "BOL" for s, t, o, _, _ in got), got
    assert any(s == "BOL" and t == "AID" and o == "FLR" and m == "claimed" for s, t, o, m, _ in got), got


def test_what_the_statement_says_is_not_its_authors_act():
    # guard: "The statement said the troops were fighting alongside Y": the troops are not the author's
    got = _claims(
        "Chile said on Monday that Bolivia had sent troops to the border. "
        "The statement said the troops were fighting alongside the Frente Litoral."
    )
    assert not any(s == "CHL" and o == "FLR" for s, _, o, _, _ in got), got
