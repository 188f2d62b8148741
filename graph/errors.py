"""One exception hierarchy, rooted at :class:`ActorgraphError`: every error actorgraph raises on purpose.

Examples
--------
>>> p = Problem("data/a.yaml", 3, 5, "unknown entity 'PAKISTN' (did you mean 'PAK'?)")
>>> str(p)
"data/a.yaml:3:5: unknown entity 'PAKISTN' (did you mean 'PAK'?)"
>>> err = DataError([p])
>>> isinstance(err, ActorgraphError), len(err.problems)
(True, 1)
>>> str(Conflict("another save is running")), Conflict("x").code
('another save is running', 1)
>>> issubclass(UsageError, DatabaseError), issubclass(ReadProblem, ActorgraphError)
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

# did-you-mean hints live with the other word helpers; dataset.py still imports suggest from here
from .words import suggest as suggest

__all__ = [
    "ActorgraphError",
    "DataError",
    "Problem",
    "UnknownEntityError",
    "UnknownSourceError",
    "OutputError",
    "QueryError",
    "ReadProblem",
    "NotJson",
    "DraftError",
    "DraftFileError",
    "GazetteerError",
    "LexiconError",
    "ReviewError",
    "Conflict",
    "JournalError",
    "DatabaseError",
    "UsageError",
    "BulkValueError",
    "BadRequest",
    "TooLong",
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


class QueryError(ActorgraphError, ValueError):
    """A query names a value that does not exist (an unknown type, modality...)."""


# -- reading files ---------------------------------------------------------------------------


class ReadProblem(ActorgraphError):
    """A file cannot be read; the message says why and what to do."""


class NotJson(ActorgraphError, ValueError):
    """The line is not one JSON value that a data file may hold; the message says why (and where)."""


# -- drafting and reviewing claims from texts ----------------------------------------------


class DraftError(ActorgraphError):
    """A text that cannot be drafted from: not UTF-8, empty, too large."""


class DraftFileError(ActorgraphError):
    """A draft file that cannot be read (invalid YAML, not a draft)."""


class GazetteerError(ActorgraphError):
    """A gazetteer file with mistakes; ``problems`` are located (FILE:LINE:COL)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class LexiconError(ActorgraphError):
    """A lexicon file that cannot be read or does not follow the format; ``problems`` are located
    (``FILE:LINE:COL: message``) when it is the user's file."""

    def __init__(self, message, problems=()):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) if self.problems else message)


class ReviewError(ActorgraphError):
    """A draft that cannot be reviewed; *code* is the exit code (1 bad file, 2 bad usage)."""

    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


class Conflict(ReviewError):
    """A request that cannot be done now: the page is behind the draft, or another save runs."""


class JournalError(ActorgraphError):
    """A journal that cannot be replayed (it names files this draft may not write)."""


# -- graph databases -----------------------------------------------------------------------


class DatabaseError(ActorgraphError):
    """The database cannot be reached or refused a statement; the message is one line for the user."""


class UsageError(DatabaseError):
    """The request itself is wrong (a bad URL, a write without ``write=True``...): exit code 2 in the CLI."""


class BulkValueError(ActorgraphError, ValueError):
    """A value the bulk format cannot carry; the message names the record and the field."""


# -- the local server of large datasets (actorgraph serve) ---------------------------------


class BadRequest(ActorgraphError):
    """A request the server cannot answer as asked (HTTP 400): the message says what to change."""


class TooLong(ActorgraphError):
    """A question that takes longer than the server allows (HTTP 503): narrow it."""
