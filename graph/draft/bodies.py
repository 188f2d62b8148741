"""The gazetteer of bodies: offices of states, de facto authorities, armed movements, organisations.

``bodies.yaml`` (read it for the format) lists the offices every state has (foreign, defence,
interior and finance ministries, head of government, armed forces, navy, air force, coast guard,
intelligence, legislature, central bank: ``PAK-MOD``, "Pakistani defence ministry"), the offices
with names of their own (the Pentagon, the State Department, ISPR, the Kremlin...), the de facto
authorities and armed movements (the Taliban and its other names, TTP, ...), international
organisations, and the cities datelines name. A user file of the same sections extends it
(:func:`load_bodies`); its mistakes are reported as ``FILE:LINE:COL``.

>>> g = load_bodies()
>>> g.bodies["USA-DOD"].part_of, g.bodies["USA-DOD"].kind, "Pentagon" in g.bodies["USA-DOD"].names
('USA', 'office', True)
>>> g.bodies["PAK-MOD"].name, "Pakistani defence ministry" in g.bodies["PAK-MOD"].names
('Ministry of Defence of Pakistan', True)
>>> g.bodies["TAL"].kind, "Kabul's rulers" in g.bodies["TAL"].names
('de_facto_authority', True)
>>> g.bare[("foreign", "ministry")], g.city_state("Peshawar"), g.city_state("ISLAMABAD")
('MFA', 'PAK', 'PAK')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GazetteerError, Problem
from ..vocab import ENTITY_KINDS
from .gazetteer import states
from .tokens import tokenise
from .userfile import read_located

__all__ = ["Body", "Bodies", "load_bodies", "BODIES_PATH"]

BODIES_PATH = Path(__file__).with_name("bodies.yaml")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


@dataclass(frozen=True)
class Body:
    """One office, movement or organisation: its id, name, kind, state and the names news uses."""

    id: str
    name: str
    kind: str
    part_of: str | None = None
    state: str | None = None
    generic: str | None = None
    names: tuple = ()


@dataclass
class Bodies:
    """Every body by id, the bare office names ("foreign ministry" -> 'MFA') and the dateline cities."""

    bodies: dict = field(default_factory=dict)
    bare: dict = field(default_factory=dict)
    cities: dict = field(default_factory=dict)
    generic: dict = field(default_factory=dict)  # (state, key) -> body id

    def city_state(self, place):
        """The state code of a dateline's city or capital (any case), or None."""
        return self.cities.get(" ".join(str(place).lower().split()))

    def office(self, state, key):
        """The body id of *state*'s office of generic *key* ('MFA'), or None."""
        return self.generic.get((state, key))


def _words(name):
    return tuple(t.lower for t in tokenise(name))


def _build(raw, path, where, problems, into=None):
    g = into or Bodies()
    sts = states()
    for code, s in sts.items():
        g.cities.setdefault(s.capital.lower(), code)
    for key, spec in (raw.get("generic") or {}).items():
        names = [str(n) for n in spec.get("names") or []]
        for code, s in sts.items():
            dems = list(s.demonyms) or [s.name]
            forms = []
            for n in names:
                forms += [n.format(name=s.name, dem=d) for d in dems] if "{dem}" in n else [n.format(name=s.name)]
            bid = f"{code}-{key}"
            g.bodies[bid] = Body(bid, spec["name"].format(name=s.name), "office", code, code, key, tuple(forms))
            g.generic[(code, key)] = bid
        for n in spec.get("bare") or []:
            g.bare[_words(n)] = key
    for code, entries in (raw.get("offices") or {}).items():
        if code not in sts:
            problems.append(
                Problem(
                    path,
                    *where("offices", code, key=True),
                    f"unknown state code {code!r}: "
                    "offices are listed under the ISO 3166 alpha-3 code of their state (PAK, USA)",
                )
            )
            continue
        for k, e in enumerate(entries or []):
            if not _entry_ok(
                e, path, where, ("offices", code, k), problems, ("id", "name", "generic", "aliases", "kind")
            ):
                continue
            key = e.get("generic")
            old = g.bodies.pop(g.generic.get((code, key)), None) if key else None
            names = tuple(old.names if old else ()) + tuple(str(a) for a in e.get("aliases") or []) + (str(e["name"]),)
            g.bodies[e["id"]] = Body(e["id"], str(e["name"]), e.get("kind", "office"), code, code, key, names)
            if key:
                g.generic[(code, key)] = e["id"]
    for section, kind in (("movements", "armed_group"), ("organisations", "organisation")):
        for k, e in enumerate(raw.get(section) or []):
            if not _entry_ok(
                e, path, where, (section, k), problems, ("id", "name", "kind", "aliases", "state", "part_of")
            ):
                continue
            state = e.get("state")
            if state is not None and state not in sts:
                problems.append(Problem(path, *where(section, k, "state"), f"unknown state code {state!r}"))
                continue
            names = tuple(str(a) for a in e.get("aliases") or []) + (str(e["name"]),)
            g.bodies[e["id"]] = Body(e["id"], str(e["name"]), e.get("kind", kind), e.get("part_of"), state, None, names)
    for code, cities in (raw.get("cities") or {}).items():
        if code not in sts:
            problems.append(Problem(path, *where("cities", code, key=True), f"unknown state code {code!r}"))
            continue
        for c in cities or []:
            g.cities[str(c).lower()] = code
    return g


def _entry_ok(e, path, where, keys, problems, allowed):
    if not isinstance(e, dict):
        problems.append(Problem(path, *where(*keys), "each entry must be a mapping such as {id: X, name: Y}"))
        return False
    ok = True
    for need in ("id", "name"):
        if not isinstance(e.get(need), str) or not e.get(need).strip():
            problems.append(Problem(path, *where(*keys), f"missing '{need}' (text)"))
            ok = False
    if isinstance(e.get("id"), str) and not _ID.match(e["id"]):
        problems.append(
            Problem(path, *where(*keys, "id"), f"id {e['id']!r}: ids are ASCII letters, digits and - _ . :")
        )
        ok = False
    for k in e:
        if k not in allowed:
            problems.append(
                Problem(path, *where(*keys, k, key=True), f"unknown key {k!r}; expected one of: " + ", ".join(allowed))
            )
            ok = False
    if "kind" in e and e["kind"] not in ENTITY_KINDS:
        problems.append(
            Problem(
                path, *where(*keys, "kind"), f"unknown kind {e['kind']!r}; expected one of: " + ", ".join(ENTITY_KINDS)
            )
        )
        ok = False
    if "aliases" in e and not (isinstance(e["aliases"], list) and all(isinstance(a, str) for a in e["aliases"])):
        problems.append(Problem(path, *where(*keys, "aliases"), "aliases must be a list of names"))
        ok = False
    return ok


@functools.lru_cache(maxsize=1)
def _shipped():
    import yaml

    raw = yaml.load(BODIES_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    problems = []
    g = _build(raw, str(BODIES_PATH), lambda *k, key=False: (0, 0), problems)
    if problems:  # pragma: no cover - the shipped file is checked by the tests
        raise GazetteerError(problems)
    return g


def load_bodies(extra=None) -> Bodies:
    """The shipped gazetteer of bodies, extended by the user's YAML file *extra* (same sections)."""
    if extra is None:
        return _shipped()
    problems = []
    raw, where = read_located(extra, problems, "gazetteer")
    if raw is not None:
        for k in raw:
            if k not in ("offices", "movements", "organisations", "cities"):
                problems.append(
                    Problem(
                        str(extra),
                        *where(k, key=True),
                        f"unknown section {k!r}; expected one of: offices, movements, organisations, cities",
                    )
                )
    if problems:
        raise GazetteerError(problems)
    import copy

    g = copy.deepcopy(_shipped())
    for cached in ("_table", "_maxlen", "_firsts"):  # the names' table is built again, with the user's
        g.__dict__.pop(cached, None)
    _build({k: v for k, v in raw.items() if k != "generic"}, str(extra), where, problems, into=g)
    if problems:
        raise GazetteerError(problems)
    return g
