"""One exception hierarchy, rooted at :class:`ActorgraphError`.

Examples
--------
>>> p = Problem("data/a.yaml", 3, 5, "unknown entity 'PAKISTN' (did you mean 'PAK'?)")
>>> str(p)
"data/a.yaml:3:5: unknown entity 'PAKISTN' (did you mean 'PAK'?)"
>>> err = DataError([p])
>>> isinstance(err, ActorgraphError), len(err.problems)
(True, 1)
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "ActorgraphError",
    "DataError",
    "Problem",
    "UnknownEntityError",
    "UnknownSourceError",
    "OutputError",
    "QueryError",
    "suggest",
]


class ActorgraphError(Exception):
    """Base class of every error actorgraph raises on purpose."""


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in the data: ``FILE:LINE:COL: message`` (1-based);
    ``FILE:LINE: message`` for a row or record (``col`` 0), ``FILE: message``
    for a whole file (``line`` 0)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # about a whole file or folder
            return f"{self.path}: {self.message}"
        if self.col <= 0:  # a row or a record of a bulk file
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class DataError(ActorgraphError):
    """The data is invalid; ``problems`` lists every problem found, sorted."""

    def __init__(self, problems):
        self.problems = sorted(problems)  # by file, line, column and message: the order of Problem
        n = len(self.problems)
        head = "\n".join(str(p) for p in self.problems[:20])
        more = f"\n... and {n - 20} more" if n > 20 else ""
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the data:\n{head}{more}")


class UnknownEntityError(ActorgraphError, KeyError):
    """No entity has this id or alias."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else "unknown entity"


class UnknownSourceError(ActorgraphError, KeyError):
    """No source has this id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown source"


class OutputError(ActorgraphError):
    """An output file cannot or must not be written."""


def suggest(word, choices, n=3):
    """Return `` (did you mean 'X'?)`` for close matches of *word*, or ``''``.

    Matching ignores case. The answer for a short list of *choices* (a vocabulary) is
    remembered: a million records with the same misspelt type cost one search.

    >>> suggest("PAKISTN", ["PAK", "USA"])
    " (did you mean 'PAK'?)"
    >>> suggest("ACUSE", ["ACCUSE", "AID"])
    " (did you mean 'ACCUSE'?)"
    >>> suggest("zzz", ["PAK"])
    ''
    """
    choices = tuple(str(c) for c in choices)
    if len(choices) <= 64:
        return _suggest_remembered(str(word), choices, n)
    return _suggest(str(word), choices, n)


def _suggest(word, choices, n):
    by_lower = {}
    for c in choices:
        by_lower.setdefault(c.lower(), c)
    lower = word.lower()
    hits = [by_lower[m] for m in difflib.get_close_matches(lower, list(by_lower), n=n, cutoff=0.6)]
    # a prefix match (PAKISTN -> PAK) is a good hint too when nothing closer exists
    if not hits:
        hits = [c for low, c in by_lower.items() if len(low) >= 2 and lower.startswith(low)][:n]
    if not hits:
        return ""
    return " (did you mean " + " or ".join(f"'{h}'" for h in hits) + "?)"


_suggest_remembered = lru_cache(maxsize=4096)(_suggest)


class QueryError(ActorgraphError, ValueError):
    """A query names a value that does not exist (an unknown type, modality...)."""
