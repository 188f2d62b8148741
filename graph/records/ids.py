"""Record ids: their form, look-alike letters, duplicates across files, and close ids to suggest.

>>> suggest_id("oped-2025-equipment", ["oped-2025-us-equipment-afghanistan", "news-2025-kirby"])
" (did you mean 'oped-2025-us-equipment-afghanistan'?)"
>>> skeleton("Рakistan") == "Pakistan"      # a Cyrillic Р
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from ..errors import Problem
from ..read.base import Locator, Piece
from ..words import short, suggest
from .fields import Ctx, kind_of, missing

if TYPE_CHECKING:
    from . import Records

__all__ = [
    "ID_PATTERN",
    "read_id",
    "begin",
    "skeleton",
    "foreign_char",
    "Ids",
    "suggest_id",
    "close_ids",
    "SUGGESTIONS",
]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")

# Letters of other scripts that look like Latin ones (the usual suspects of copy and paste).
_LOOKALIKE = str.maketrans(
    "АВЕКМНОРСТХУІЈЅаеорсухіјѕԁһӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧονρ", "ABEKMHOPCTXYIJSaeopcyxijsdhlABEZHIKMNOPTYXovp"
)


def skeleton(v: object) -> str:
    """*v* with look-alike letters of other scripts mapped to Latin ones, NFKC-folded."""
    return unicodedata.normalize("NFKC", str(v)).translate(_LOOKALIKE)


def foreign_char(v: object) -> str | None:
    """Describe the first non-ASCII character of *v*, or return None."""
    for i, ch in enumerate(str(v)):
        if ord(ch) > 127:
            return f"the character '{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')}) at position {i + 1}"
    return None


def read_id(ctx: Ctx) -> str | None:
    """The record's ``id`` when it is well formed, else ``None`` (reported with the reason)."""
    v = ctx.values.get("id")
    if v is None:
        missing(ctx, "id")
        return None
    if isinstance(v, (dict, list)):
        ctx.report(("id",), f"'id' must be text, found {kind_of(v)}")
        return None
    v = str(v)
    if not ID_PATTERN.match(v):
        rule = "an id starts with a letter or digit and holds only ASCII letters, digits and - _ . :"
        foreign = foreign_char(v)
        if v.strip() != v and ID_PATTERN.match(v.strip()):
            why = "remove the spaces around it"
        elif foreign:
            why = f"it holds {foreign}, which is not an ASCII character (even if it looks like one)"
        elif not v:
            why = "it is empty"
        else:
            if not ID_PATTERN.match(v[:1]):
                bad, pos = v[0], 1
            else:
                pos, bad = next((i + 1, c) for i, c in enumerate(v) if not ID_PATTERN.match("a" + c))
            why = f"it holds {'a space' if bad == ' ' else repr(bad)} at position {pos}"
        ctx.report(("id",), f"bad id '{short(v)}': {why}; {rule}")
        return None
    return v


def begin(
    piece: Piece, what: str, problems: list[Problem], invalid: set[str] | None = None
) -> tuple[Ctx, str | None] | tuple[None, None]:
    """``(ctx, id)`` of one record, labelled ``what 'id'`` in messages; ``(None, None)`` when it
    holds something refused while reading (already reported): its id then goes into *invalid*,
    so that references to it are not reported as unknown."""
    if piece.tainted:
        rid = piece.values.get("id")
        if invalid is not None and isinstance(rid, str) and ID_PATTERN.match(rid):
            invalid.add(rid)
        return None, None
    ctx = Ctx(piece.values, piece.locator, what, problems)
    rid = read_id(ctx)
    if rid is not None:
        ctx.label = f"{what} '{short(rid)}'"
    return ctx, rid


def _at(where):
    return f"{where[0]}:{where[1]}:{where[2]}" if where[2] else f"{where[0]}:{where[1]}"


class Ids:
    """The ids of one kind of record seen so far, valid or not, for the duplicate checks.

    A duplicate is reported at *both* definitions, each naming the other.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.first: dict[str, tuple[Locator, str]] = {}  # id -> (where, label) of its first definition
        self.lower: dict[str, str] = {}  # lower-cased id -> id

    def claim(self, rid: str | None, ctx: Ctx) -> bool:
        """Note *rid* (right after it is read); return False, reported, when it is taken."""
        if rid is None:
            return False
        if rid in self.first:
            locator, label = self.first[rid]
            ctx.report(
                ("id",),
                f"duplicate {self.what} id '{rid}' (also defined at {_at(locator.where())}); "
                "ids must be unique across all files",
            )
            ctx.problems.append(
                locator.problem(
                    ("id",),
                    f"{label}: duplicate {self.what} id '{rid}' (also "
                    f"defined at {_at(ctx.where())}); ids must be unique across "
                    "all files",
                )
            )
            return False
        other = self.lower.get(rid.lower())
        if other is not None:
            ctx.report(
                ("id",),
                f"{self.what} id '{rid}' differs from '{other}' only in case; ids are matched "
                "without case, so give them different names",
            )
            return False
        self.first[rid] = (ctx.locator, ctx.label)
        self.lower[rid.lower()] = rid
        return True


def suggest_id(word: str, ids: Iterable[str], n: int = 3) -> str:
    """Close ids for a message: edit distance, and ids that hold *word* or start like it
    (source ids are long, so a part of one is the usual slip)."""
    word = str(word)
    low = word.lower()
    close = suggest(word, ids, n)
    if close:
        return close
    hits = []
    for c in ids:
        cl = str(c).lower()
        if len(low) >= 3 and (low in cl or cl in low or cl.startswith(low[: max(3, len(low) // 2)])):
            hits.append(str(c))
    if not hits:
        return ""
    return " (did you mean " + " or ".join(f"'{h}'" for h in sorted(hits)[:n]) + "?)"


SUGGESTIONS = 200_000
"""How many ids, in all, the did-you-means of one load may read: each search for the ids close to an
unknown one reads every id of the data, so 20,000 unknown ids against 20,000 entities would read
400 million. Past this budget, messages name the unknown id without a did-you-mean (a search costs
nothing when the same id is unknown again: its answer is remembered)."""


def close_ids(
    out: Records, word: str, ids: Collection[str], kind: str, how: Callable[[str, Collection[str]], str] | None = None
) -> str:
    """``how(word, ids)`` (default :func:`suggest_id`), remembered per load in ``out.suggestions``,
    within the budget of :data:`SUGGESTIONS` ids read (then ``''``)."""
    memo = out.suggestions
    key = (kind, word)
    found = memo.get(key)
    if found is None:
        spent = memo.get(None, 0) + len(ids)
        if spent > SUGGESTIONS:
            return ""
        memo[None] = spent
        found = memo[key] = (how or suggest_id)(word, ids)
    return found
