"""The gazetteer of the world's states: the names news uses for each (shipped as data).

``gazetteer.yaml`` lists every state by its ISO 3166-1 alpha-3 code with its name,
capital, demonyms and other names (short forms, seats of government such as "the
Kremlin"). :func:`state_names` gives, for one code, every name to look for,
each with how it names the state ("capital", "demonym"...), plurals of demonyms
included ("Afghans").

>>> names = dict(state_names("CHN"))
>>> names["Beijing"], names["Chinese"], names["China"]
('capital', 'demonym', 'name')
>>> dict(state_names("AFG"))["Afghans"]
'demonym'
>>> state("PAK").capital
'Islamabad'
>>> len(states()) > 190
True
>>> shared_names()["congolese"]
('COG', 'COD')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["State", "states", "state", "state_names", "shared_names", "GAZETTEER_PATH"]

GAZETTEER_PATH = Path(__file__).with_name("gazetteer.yaml")


@dataclass(frozen=True)
class State:
    """One state of the gazetteer."""

    code: str
    name: str
    capital: str
    demonyms: tuple
    other: tuple


@functools.lru_cache(maxsize=1)
def states() -> dict:
    """Every state of the gazetteer, by ISO alpha-3 code."""
    raw = yaml.safe_load(GAZETTEER_PATH.read_text(encoding="utf-8"))["states"]
    return {
        code: State(code, str(v[0]), str(v[1]), tuple(map(str, v[2])), tuple(map(str, v[3]))) for code, v in raw.items()
    }


def state(code: str) -> State | None:
    """The state of ISO alpha-3 *code* (any case), or None."""
    return states().get(str(code).upper())


def _plural(word: str) -> str | None:
    if word.endswith(("ese", "ss", "sh", "ch", "i", "x")) or word in ("Swiss", "Thai", "Lao"):
        return None
    return word + "s"


def state_names(code: str) -> list[tuple[str, str]]:
    """``(name, how)`` for every name of the state *code*; [] when it is not in the gazetteer."""
    s = state(code)
    if s is None:
        return []
    out = [(s.name, "name"), (s.capital, "capital")]
    for d in s.demonyms:
        out.append((d, "demonym"))
        p = _plural(d)
        if p:
            out.append((p, "demonym"))
    out += [(o, "other name") for o in s.other]
    return out


@functools.lru_cache(maxsize=1)
def shared_names() -> dict:
    """The names (lowercased) that more than one state of the gazetteer has ("Congolese"), with their codes."""
    codes: dict = {}
    for code in states():
        for name, _how in state_names(code):
            got = codes.setdefault(name.lower(), [])
            if code not in got:
                got.append(code)
    return {k: tuple(v) for k, v in codes.items() if len(v) > 1}
