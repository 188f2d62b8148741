"""CAMEO codes onto the vocabulary: event codes to PLOVER types and modes, actor roles to entity kinds.

Event codes: the root code (the first two digits, ``01``..``20``) gives the
PLOVER type through the CAMEO roots in :mod:`graph.vocab` (``03`` AGREE ...
``18``/``19``/``20`` ASSAULT); root ``02`` (appeal) is REQUEST, as PLOVER merges
CAMEO's appeals and demands; root ``08`` is split by its base code: returns and
releases (``084``), humanitarian access (``086``) and military de-escalation
(``087``) are RETREAT, the other concessions CONCEDE. Root ``01`` (public
statements) has no PLOVER type: such events are left out, and counted. A few
base codes also give a mode (``042`` CONSULT/visit, ``072`` AID/military...).

Actor codes (``USAGOV``: a country and role codes): the role (``Type1Code``)
gives the kind of an entity created for the code: government, military,
police, judiciary, legislature, intelligence -> ``office`` (``part_of`` its
country); rebels, insurgents, separatists, unaligned armed forces ->
``armed_group``; intergovernmental and non-governmental organisations and
companies -> ``organisation``; any other role -> ``collective``.

>>> event_type("042"), event_type("0874"), event_type("085"), event_type("190"), event_type("010")
(('CONSULT', 'visit'), ('RETREAT', 'withdraw'), ('CONCEDE', None), ('ASSAULT', None), None)
>>> bad_code("21"), bad_code("04x"), bad_code("1"), bad_code("0874")
('root 21 is not a CAMEO root code (01-20)', 'not digits', 'too short', None)
>>> role_kind("GOV"), role_kind("REB"), role_kind("IGO"), role_kind("CVL")
('office', 'armed_group', 'organisation', 'collective')
"""

from __future__ import annotations

import re

from ...vocab import RELATION_TYPES

__all__ = ["event_type", "bad_code", "role_kind", "ROOT_TYPES", "NO_TYPE_ROOTS"]

ROOT_TYPES = {code: name for name, t in RELATION_TYPES.items() for code in t.cameo if code != "08"}
ROOT_TYPES["02"] = "REQUEST"
NO_TYPE_ROOTS = ("01",)
"""Roots without a PLOVER type (public statements): left out of an import."""
_RETREAT_08 = {"084": "return", "086": "access", "087": "ceasefire"}
_MODES = {
    "041": "phone",
    "042": "visit",
    "043": "host",
    "044": "third-party",
    "061": "economic",
    "062": "military",
    "063": "judicial",
    "064": "intelligence",
    "071": "economic",
    "072": "military",
    "073": "humanitarian",
    "075": "asylum",
    "0871": "ceasefire",
    "0872": "access",
    "0873": "disarm",
    "0874": "withdraw",
    "091": "investigate",
    "092": "investigate",
    "093": "investigate",
    "094": "investigate",
    "111": "disapprove",
    "112": "allege",
    "138": "violence",
    "137": "violence",
    "139": "violence",
    "141": "demonstrate",
    "143": "strike",
    "144": "obstruct",
    "151": "police",
    "152": "troops",
    "153": "troops",
    "161": "withdraw",
    "162": "discontinue",
    "164": "expel",
    "166": "expel",
    "171": "seize",
    "173": "arrest",
    "174": "deport",
    "180": None,
    "183": "explosives",
    "195": "aerial",
    "190": None,
    "193": "firearms",
}
_CODE = re.compile(r"[0-9]+\Z")
_ROLES = {
    "office": ("GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "PTY"),
    "armed_group": ("REB", "INS", "SEP", "UAF", "MOD"),
    "organisation": ("IGO", "NGO", "NGM", "MNC", "BUS", "IMG"),
}


def bad_code(code) -> str | None:
    """Why *code* is not a CAMEO event code (2 to 4 digits, root 01-20), or None when it is one."""
    code = str(code)
    if not _CODE.match(code):
        return "not digits"
    if len(code) < 2:
        return "too short"
    if len(code) > 4:
        return "too long"
    if not "01" <= code[:2] <= "20":
        return f"root {code[:2]} is not a CAMEO root code (01-20)"
    return None


def event_type(code) -> tuple | None:
    """``(PLOVER type, mode or None)`` of a valid CAMEO event code; None for a root without a type."""
    root = code[:2]
    if root in NO_TYPE_ROOTS:
        return None
    if root == "08":
        base = code[:3]
        name = "RETREAT" if base in _RETREAT_08 else "CONCEDE"
        mode = _MODES.get(code) or _RETREAT_08.get(base)
        return name, (mode if mode in RELATION_TYPES[name].modes else None)
    name = ROOT_TYPES[root]
    mode = _MODES.get(code[:4]) or _MODES.get(code[:3])
    return name, (mode if mode in RELATION_TYPES[name].modes else None)


def role_kind(role) -> str:
    """The entity kind of a CAMEO actor role code (``GOV``, ``REB``...)."""
    for kind, roles in _ROLES.items():
        if role in roles:
            return kind
    return "collective"
