"""Reading one field of a record: text, a choice from the vocabulary, a list, a date, a number.

Each reader takes a :class:`Ctx` (the record being built: its values, its
locator and its label) and reports what is wrong at the field's location.

>>> from graph.read.base import Plain, TableLocator
>>> problems = []
>>> ctx = Ctx({"kind": "sate", "polarity": Plain("12")}, TableLocator("e.csv", 3, {"kind": 3, "polarity": 5}),
...           "entity 'RUS'", problems)
>>> choice(ctx, "kind", {"state": "", "person": ""}, "entity kind") is None
True
>>> print(problems[0])
e.csv:3:3: entity 'RUS': unknown entity kind 'sate' (did you mean 'state'?); expected one of: state, person
>>> number(ctx, "polarity", (-10, 10), 0.0, "-10 conflict, 0 neutral, +10 cooperation")
0.0
>>> print(problems[1])
e.csv:3:5: entity 'RUS': polarity 12 is outside -10..10 (-10 conflict, 0 neutral, +10 cooperation)
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Collection
from typing import Any

from ..errors import Problem
from ..read.base import Locator, Plain, kind_of
from ..when import FORMATS, When, parse_when
from ..words import short, suggest

__all__ = ["Ctx", "kind_of", "text", "choice", "list_of_text", "when", "number", "scalar_value", "missing"]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_MAX_EXACT = 2**53

Keys = tuple[str | int, ...]
"""Where a value is inside a record: mapping keys and list indexes (``("evidence", 0, "quote")``)."""


class Ctx:
    """The record being built: its ``values``, ``locator``, ``label`` and the problem list."""

    __slots__ = ("values", "locator", "label", "problems")

    def __init__(self, values: dict[str, Any], locator: Locator, label: str, problems: list[Problem]) -> None:
        self.values, self.locator, self.label, self.problems = values, locator, label, problems

    def at(self, *keys: str | int, key: bool = False) -> tuple[int, int]:
        """1-based ``(line, column)`` of the value at *keys* (of its key, with *key*)."""
        return self.locator.locate(*keys, key=key)

    def report(self, keys: Keys, message: str, key: bool = False) -> None:
        """Add the problem *message*, labelled with the record and located at *keys*."""
        self.problems.append(self.locator.problem(keys, f"{self.label}: {message}", key=key))

    def where(self) -> tuple:
        """``(path, line, column)`` of the record."""
        return self.locator.where()


def scalar_value(v: Any) -> Any:
    """YAML 1.2 core typing of a plain scalar; quoted text stays text.

    >>> scalar_value(Plain("650")), scalar_value(Plain("2.5")), scalar_value("650")
    (650, 2.5, '650')
    >>> scalar_value(Plain("NO")), scalar_value(Plain("true")), scalar_value(Plain("010"))
    ('NO', True, '010')
    >>> scalar_value(Plain("1e999")), scalar_value(Plain("123456789012345678901"))
    ('1e999', '123456789012345678901')
    """
    if isinstance(v, Plain):
        if _INT.match(v):
            # beyond 2**53 a number is not exact in JSON readers (and JavaScript): keep the text
            return int(v) if len(v) <= 20 and abs(int(v)) <= _MAX_EXACT else str(v)
        if FLOAT.match(v):
            x = float(v)
            return x if math.isfinite(x) else str(v)
        if v in ("true", "True", "TRUE"):
            return True
        if v in ("false", "False", "FALSE"):
            return False
        return str(v)
    if isinstance(v, list):
        return [scalar_value(x) for x in v]
    if isinstance(v, dict):
        return {k: scalar_value(x) for k, x in v.items()}
    return v


def missing(ctx: Ctx, name: str) -> None:
    """Report a required field that is absent (at the record) or empty (at its key)."""
    if name in ctx.values:
        ctx.report((name,), f"required field '{name}' is empty: give it a value", key=True)
    else:
        ctx.report((), f"missing required field '{name}'")


def text(ctx: Ctx, name: str, required: bool = False) -> str | None:
    """The field as text, or ``None`` (reported when it is required, or not text)."""
    v = ctx.values.get(name)
    if type(v) is str and (not required or v[:1].strip() or v.strip()):  # (the common case)
        return v
    if v is None:
        if required:
            missing(ctx, name)
        return None
    if isinstance(v, (dict, list)):
        ctx.report((name,), f"'{name}' must be text, found {kind_of(v)}")
        return None
    v = str(v)
    if required and not v.strip():
        ctx.report((name,), f"'{name}' must not be empty")
        return None
    return v


def choice(ctx: Ctx, name: str, allowed: Collection[str], what: str, required: bool = False) -> str | None:
    """The field when it is one of *allowed*, else ``None`` (reported with suggestions)."""
    v = text(ctx, name, required)
    if v is None:
        return None
    if v not in allowed:
        ctx.report((name,), f"unknown {what} '{short(v)}'{suggest(v, allowed)}; expected one of: " + ", ".join(allowed))
        return None
    return sys.intern(v)  # vocabulary words: one string object for a million records


def list_of_text(ctx: Ctx, name: str) -> tuple[str, ...]:
    """The field as a tuple of text (one text is a list of one)."""
    v = ctx.values.get(name)
    if v is None:
        return ()
    if isinstance(v, str):
        return (str(v),)
    if not isinstance(v, list):
        ctx.report((name,), f"'{name}' must be a list of text, found {kind_of(v)}")
        return ()
    out = []
    for i, x in enumerate(v):
        if x is None or isinstance(x, (dict, list)):
            ctx.report((name, i), f"'{name}' item {i + 1} must be text, found {kind_of(x)}")
        else:
            out.append(str(x))
    return tuple(out)


def when(ctx: Ctx, name: str) -> When | None:
    """The field as a :class:`~graph.when.When`, or ``None``."""
    v = text(ctx, name)
    if v is None:
        return None
    try:
        return parse_when(v)
    except ValueError as exc:
        msg = str(exc)
        ctx.report((name,), f"bad '{name}': {msg}" + ("" if FORMATS in msg else f"; expected {FORMATS}"))
        return None


def number(ctx: Ctx, name: str, bounds: tuple[float, float], default: float, meaning: str) -> float:
    """The field as a number within *bounds*, else *default* (reported)."""
    v = ctx.values.get(name)
    if v is None:
        return default
    lo, hi = bounds
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        x = float(v)
    elif isinstance(v, Plain) and FLOAT.match(v):
        x = float(v)
    else:
        hint = ""
        if isinstance(v, str) and not isinstance(v, Plain) and FLOAT.match(v.strip()):
            hint = " (written as text, in quotes or with !!str: write the bare number)"
        ctx.report((name,), f"'{name}' must be a number from {lo:g} to {hi:g}, found {kind_of(v)}{hint}")
        return default
    if lo <= x <= hi and not math.isnan(x):
        return x
    ctx.report((name,), f"{name} {short(str(v), 40)} is outside {lo:g}..{hi:g} ({meaning})")
    return default
