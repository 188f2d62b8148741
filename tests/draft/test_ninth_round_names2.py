"""The ninth round's second wave of name rules (issue 20), on constructed sentences with invented bodies.

Constructed examples: a movement's name with "and" or "in <Place>" closed by its abbreviation ("the Front
for Unity and Justice in Mali (FUJM)"), the demonym that only says where a named body is from ("the Malian
rebel Front ..."), "the rebels" for a movement whose name says it fights ("the Azawad Liberation Front").
"""

from graph import loads
from graph.draft import draft

DS = loads(
    """
entities:
  - {id: MLI, name: Mali, kind: state, codes: {iso3: MLI}}
  - {id: SYL, name: Syldavia, kind: state, codes: {iso3: SYL}}
  - {id: TCD, name: Chad, kind: state, codes: {iso3: TCD}}
"""
)


def run(text):
    r = draft(text, DS)
    return r, {n.name for n in r.all_names}, {(c.subject, c.type, c.object) for c in r.claims}


def test_a_name_closed_by_its_abbreviation_keeps_its_and_and_its_place():
    # constructed example
    r, names, claims = run("Mali accused Syldavia of arming the Front for Change and Concord in Chad (FACT).")
    assert "Front for Change and Concord in Chad" in names
    assert ("SYL", "AID", "FRONT-FOR-CHANGE-AND-CONCORD-IN-CHAD") in claims


def test_no_abbreviation_no_longer_name():
    # constructed guard: "in Mali" is where the army is, and "and" joins two bodies
    r, names, claims = run("Syldavia accused the Sahel Tigers in Mali of attacks. Hamas and Islamic Jihad (PIJ) met.")
    assert not any(n.endswith("in Mali") for n in names)
    assert not any("Hamas and" in n for n in names)


def test_a_demonym_before_a_named_body_is_no_actor():
    # constructed example: the object is the movement, not Mali
    r, names, claims = run("Mali accused Syldavia of arming the Malian rebel Front for Change and Concord (FCCM).")
    assert ("SYL", "AID", "MLI") not in claims
    assert ("SYL", "AID", "FRONT-FOR-CHANGE-AND-CONCORD") in claims


def test_a_demonym_before_troops_is_still_the_state():
    # constructed guard
    r, names, claims = run("Syldavia accused Malian troops of shelling the border town of Vrodna.")
    assert any(c[0] == "SYL" and c[2] == "MLI" for c in claims)


def test_the_rebels_stand_for_a_liberation_front():
    # constructed example: a "Front" name gives an organisation, but "Liberation" says it fights
    r, names, claims = run(
        "BAMAKO, March 3 — The Azawad Liberation Front said on Monday it had seized two army posts. "
        "The rebels accused Mali of bombing civilians."
    )
    assert ("AZAWAD-LIBERATION-FRONT", "ACCUSE", "MLI") in claims


def test_the_rebels_need_a_fighting_name():
    # constructed guard: a trade union is not "the rebels"
    r, names, claims = run(
        "BAMAKO, March 3 — The Azawad Traders Union said on Monday prices had risen. "
        "The rebels accused Mali of bombing civilians."
    )
    assert not any(c[0] == "AZAWAD-TRADERS-UNION" for c in claims)


def test_a_breakaway_republic_named_after_a_state_is_a_name_of_its_own():
    # constructed example: "Republic" makes a longer name of a state's name and a compass adjective
    r, names, claims = run("Syldavia alone recognises the breakaway Syldavian Republic of Western Chad.")
    assert "Syldavian Republic of Western Chad" in names
    assert ("SYL", "SUPPORT", "SYLDAVIAN-REPUBLIC-OF-WESTERN-CHAD") in claims


def test_the_republic_of_a_state_stays_the_state():
    # constructed guard: no name "Republic of Chad"
    r, names, claims = run("Syldavia recognised the Republic of Chad in 1961.")
    assert not any("Chad" in n for n in names)


def test_a_states_mission_abroad_is_named_with_its_state():
    # constructed example: "Chad's High Commission in Bamako" is Chad's, and named so
    r, names, claims = run(
        "BAMAKO, March 3 — Chad's High Commission in Bamako said it had taken up the matter with Mali."
    )
    n = next(n for n in r.all_names if "High Commission" in n.name)
    assert n.name == "High Commission of Chad in Bamako" and n.part_of == "TCD"
    assert "Chad's High Commission" in n.aliases


def test_an_embassy_without_a_possessive_keeps_its_name():
    # constructed guard
    r, names, claims = run("BAMAKO, March 3 — The Embassy in Bamako of the Vrodna Trading Company closed on Monday.")
    assert not any(" of Syldavia" in n or " of Mali" in n for n in names)


def test_the_separatists_stand_for_the_armed_group_named_before():
    # constructed example
    r, names, claims = run(
        "BAMAKO, March 3 — The Azawad Liberation Army seized a post on Monday. "
        "The UN called on the separatists to spare civilians."
    )
    assert ("UN", "REQUEST", "AZAWAD-LIBERATION-ARMY") in claims


def test_the_separatists_with_no_armed_group_are_no_actor():
    # constructed guard
    r, names, claims = run("BAMAKO, March 3 — The UN called on the separatists to spare civilians in Mali.")
    assert not any(c[1] == "REQUEST" and c[2] != "MLI" for c in claims)


def test_a_named_ship_after_its_flags_demonym_is_the_object():
    # constructed example: the ship is shadowed, not Mali
    r, names, claims = run("Chadian patrol boats shadowed the Malian research ship Vrodna Explorer on Monday.")
    assert ("TCD", "COERCE", "VRODNA-EXPLORER") in claims
    assert ("TCD", "COERCE", "MLI") not in claims


def test_a_demonym_before_a_place_stays_the_state():
    # constructed guard: no vessel noun, the Malian town is no named ship
    r, names, claims = run("Chadian troops shelled the Malian border town Vrodna Heights on Monday.")
    assert any(c[0] == "TCD" and c[2] == "MLI" for c in claims)


def test_the_name_one_side_gives_a_disputed_place_is_a_place():
    # constructed example: no claim takes "Vrodna Rocks" for an actor
    for text in (
        "Chad renewed its claim to the islets, which Mali calls Vrodna Rocks, on Monday.",
        "Chadian boats entered the waters of Vrodna Rocks, as Mali calls the islets, on Monday.",
    ):
        r, names, claims = run(text)
        n = next(n for n in r.all_names if n.name == "Vrodna Rocks")
        assert n.kind == "place"
        assert not any("VRODNA-ROCKS" in c for c in claims)


def test_a_body_named_in_a_clause_about_no_place_keeps_its_kind():
    # constructed guard: "the movement, which Chad calls ..." is no place
    r, names, claims = run(
        "Mali hosts the movement, which Chad calls Vrodna Brotherhood, and Chad accused Vrodna Brotherhood."
    )
    assert all(n.kind != "place" for n in r.all_names if n.name == "Vrodna Brotherhood")
    r, names, claims = run("Mali hosts Vrodna Brotherhood, as Chad calls the movement, and Chad accused it.")
    assert all(n.kind != "place" for n in r.all_names if n.name == "Vrodna Brotherhood")


def test_a_linked_or_backed_compound_before_an_arabic_name_is_no_word_of_it():
    # constructed example: "al-Qaeda-linked" reads like "al-Obeidi" but is an adjective; "wal-" joins the name
    r, names, claims = run(
        "Gunmen killed nine Malian soldiers on Friday in an attack claimed by the al-Qaeda-linked "
        "Jama'at Ansar al-Sahel wal-Maghrib (JASM)."
    )
    assert "Jama'at Ansar al-Sahel wal-Maghrib" in names
    assert not any("linked" in n for n in names)
    # constructed guard: a name of that form stays a name
    r, names, claims = run("Syldavia accused al-Shabaab of attacks in Mali.")
    assert "al-Shabaab" in names
