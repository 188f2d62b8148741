"""Actors of event data onto entities: existing states by their codes or names, new entities for the rest.

:class:`Actors` holds the entities of the data folder an import goes into (if
any) and the ones the import creates. A country code (ISO 3166 alpha-3 or
CAMEO, ``PAK``) is matched against the ``codes.iso3`` / ``codes.cameo`` and the
ids of existing entities; a full CAMEO actor code (``PAKGOV``) against
``codes.cameo``; a name (ICEWS, ACLED, POLECAT) against names and aliases.
What matches nothing becomes a new entity carrying its codes: a country is a
``state`` (id = the code, or a slug of its name), an actor of a country with a
role is ``part_of`` that country.

Names are matched as the validator compares them: without case, and with look-alike
letters (full-width ``ＰＡＫＩＳＴＡＮ``, a Cyrillic ``Р``) read as the letters they look
like. A new entity's name is cleaned (NFKC-folded, control characters and runs of spaces
made one space) and kept distinct from every other entity's names: when its name is taken
(two codes named ``PAKISTAN``), its code is added, ``Pakistan (PAKMIL)``.

>>> a = Actors([{"id": "PAK", "name": "Pakistan", "kind": "state", "codes": {"iso3": "PAK"}}])
>>> a.country("PAK", "PAKISTAN"), a.country("AFG", "AFGHANISTAN")
('PAK', 'AFG')
>>> a.coded("PAKGOV", "PAK", "GOV", "PAKISTANI GOVERNMENT")
'PAKGOV'
>>> [(e["id"], e["kind"], e.get("part_of")) for e in a.created]
[('AFG', 'state', None), ('PAKGOV', 'office', 'PAK')]
>>> a.named("Pakistan"), a.named("Citizen (India)", country="India"), a.named("ＰＡＫＩＳＴＡＮ")
('PAK', 'CITIZEN-INDIA', 'PAK')
>>> a.coded("PAKMIL", "PAK", "MIL", "ＰＡＫＩＳＴＡＮ"), a.created[-1]["name"]
('PAKMIL', 'Pakistan (PAKMIL)')
"""

from __future__ import annotations

import re
import unicodedata

from ...read.base import CONTROL
from ...records.ids import skeleton
from .cameo import role_kind

__all__ = ["Actors", "slug"]

_SLUG = re.compile(r"[^A-Za-z0-9]+")


def slug(text) -> str:
    """An id made from a name: ASCII letters and digits, upper case, words joined by '-'.

    >>> slug("Military Forces of Pakistan (2018-)")
    'MILITARY-FORCES-OF-PAKISTAN-2018'
    """
    return _SLUG.sub("-", str(text)).strip("-").upper() or "UNNAMED"


def _title(name):
    return name.title() if name and name.isupper() else name


def _clean(name):
    """A name as an entity may hold it: NFKC-folded, control characters and runs of spaces made one space."""
    return " ".join(CONTROL.sub(" ", unicodedata.normalize("NFKC", str(name))).split())


def _key(name):
    """How the validator tells names apart: without case, look-alike letters read as Latin ones."""
    return skeleton(str(name).strip()).lower()


class Actors:
    """Actor codes and names -> entity ids, creating entities as needed (``created``, in order)."""

    def __init__(self, existing=()):
        self.ids = set()
        self.by_code = {}  # codes.cameo / codes.iso3 / id -> entity id
        self.by_name = {}  # lower-case name or alias -> entity id
        self.created = []
        for e in existing:
            self._know(e)

    def _know(self, e):
        eid = e["id"]
        self.ids.add(eid)
        codes = e.get("codes") or {}
        for k in ("cameo", "iso3"):
            if codes.get(k):
                self.by_code.setdefault(str(codes[k]).upper(), eid)
        self.by_code.setdefault(eid.upper(), eid)
        for n in (eid, e.get("name"), *(e.get("aliases") or ())):
            if n:
                self.by_name.setdefault(_key(n), eid)

    def _new(self, eid, name, kind, codes=None, part_of=None):
        base, n = eid, 2
        while eid in self.ids:  # an id taken by an entity that did not match: a new one
            eid, n = f"{base}-{n}", n + 1
        name = _clean(name or "") or eid
        if self.by_name.get(_key(name), eid) != eid:  # another entity's name: told apart by the id
            plain, name, n = name, f"{name} ({eid})", 2
            while _key(name) in self.by_name:
                name, n = f"{plain} ({eid}-{n})", n + 1
        e = {"id": eid, "name": name, "kind": kind}
        if codes:
            e["codes"] = codes
        if part_of:
            e["part_of"] = part_of
        self.created.append(e)
        self._know(e)
        return eid

    def country(self, code, name=None) -> str:
        """The entity of a country code, an existing one or a new state."""
        code = code.upper()
        found = self.by_code.get(code)
        if found is not None:
            return found
        return self._new(code, _title(name) or code, "state", {"cameo": code})

    def coded(self, code, country=None, role=None, name=None) -> str:
        """The entity of a CAMEO actor code (``PAKGOV``): by ``codes.cameo``, else a new one."""
        code = code.upper()
        found = self.by_code.get(code)
        if found is not None:
            return found
        if country and code == country.upper():
            return self.country(code, name)
        parent = self.country(country) if country else None
        kind = role_kind(role) if role else "collective"
        return self._new(
            code, _title(name) or code, kind, {"cameo": code}, part_of=parent if kind == "office" else None
        )

    def named(self, name, country=None, kind=None) -> str:
        """The entity of an actor name (ICEWS, ACLED, POLECAT): by name or alias, else a new one;
        a name equal to its *country* is a state, otherwise an actor of *kind* (default collective)."""
        name = str(name).strip()
        found = self.by_name.get(_key(name))
        if found is not None:
            return found
        if country and _key(name) == _key(country):
            return self._new(slug(name), name, "state")
        parent = self.named(country, country) if country and kind == "office" else None
        return self._new(slug(name), name, kind or "collective", part_of=parent)
