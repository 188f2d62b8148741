"""What every reader gives the validator: records as plain values, each with a locator.

A *reader* turns one input file into a :class:`FileRead`: the records it holds
(:class:`Piece`: which kind, its fields as plain values, and a *locator*),
plus the problems found while reading. The one validator
(:mod:`graph.records`) builds and checks :class:`~graph.model.Source`,
:class:`~graph.model.Entity` and :class:`~graph.model.Relation` from pieces,
whatever format they came from, and reports problems through the locator.

Plain values are ``str``, :class:`Plain` (text written without quotes that a
field may read as a number or a truth value, see :func:`plain`), ``int``, ``float``, ``bool``, ``None``, lists and
dicts of them.

Examples
--------
>>> loc = TableLocator("relations.csv", 7, {"subject": 2, "type": 4})
>>> str(loc.problem(("type",), "unknown type 'ACUSE'"))
"relations.csv:7:4: unknown type 'ACUSE'"
>>> str(RecordLocator("events.jsonl", 12).problem(("subject",), "unknown entity 'X'"))
"events.jsonl:12: unknown entity 'X'"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem
from ..words import short

__all__ = [
    "Plain",
    "plain",
    "kind_of",
    "Locator",
    "TableLocator",
    "RecordLocator",
    "Piece",
    "FileRead",
    "KINDS",
    "MAX_DEPTH",
    "CONTROL",
    "control_message",
]

KINDS = ("sources", "entities", "relations")
"""The kinds of record, in the order they are built (relations refer to the other two)."""

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings a data file or a bulk record may use, in every format
(the format needs 5 in YAML, 3 in a JSON Lines record); deeper is refused with a located problem."""


# Characters no text of the data may hold, whatever the reader: control characters (they garble
# a terminal -- ESC starts an escape sequence -- and make XML exports unreadable), the two
# non-characters U+FFFE and U+FFFF, and lone surrogates (no UTF-8 output can hold them). Tab,
# CR, LF and U+0085 stay (YAML itself allows them).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def control_message(ch, how=""):
    """What to say about the character *ch* of :data:`CONTROL` found in a text (*how*: how it
    was written, or where).

    >>> print(control_message("\x1b"))  # doctest: +NORMALIZE_WHITESPACE
    the text holds the control character U+001B; text may hold tabs and line breaks, but no other control characters:
    remove it
    """
    code = ord(ch)
    what = (
        "half of a UTF-16 surrogate pair (no character on its own)"
        if 0xD800 <= code <= 0xDFFF
        else "a non-character"
        if code in (0xFFFE, 0xFFFF)
        else "the control character"
    )
    return (
        f"the text holds {what} U+{code:04X}{how}; text may hold tabs and line breaks, but "
        "no other control characters: remove it"
    )


class Plain(str):
    """A string that was written without quotes (so a field may read it as a number)."""

    __slots__ = ()


# the first characters of text a field may read as a number or a truth value (true, False...)
_MAYBE = frozenset("+-.0123456789tTfF")


def plain(text):
    """Text written without quotes: a :class:`Plain` when a field could read it as a number or a
    truth value, else the ``str`` itself (the only difference a field makes; a million records
    need not carry the mark on every name).

    >>> type(plain("650")).__name__, type(plain("Pakistan")).__name__
    ('Plain', 'str')
    """
    return Plain(text) if text and text[0] in _MAYBE else text


def kind_of(v):
    """What the plain value *v* is, for a message: ``a mapping``, ``a list``, ``nothing`` or the value itself.

    >>> kind_of({}), kind_of(None), kind_of("Pakistan")
    ('a mapping', 'nothing', "'Pakistan'")
    """
    if v is None:
        return "nothing"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    return f"'{short(v)}'"


class Locator:
    """Turns a path of keys inside one record into a location in its file.

    Subclasses give :meth:`locate`; ``(line, 0)`` reads as ``FILE:LINE`` (a
    row or a record number) and ``(0, 0)`` as the whole file.
    """

    __slots__ = ("path",)

    def __init__(self, path):
        self.path = path

    def locate(self, *keys, key=False) -> tuple:
        """1-based ``(line, column)`` of the value at *keys* (mapping keys and list indexes)."""
        return (0, 0)

    def problem(self, keys, message, key=False) -> Problem:
        line, col = self.locate(*keys, key=key)
        return Problem(self.path, line, col, message)

    def where(self) -> tuple:
        """``(path, line, column)`` of the record itself (kept as ``record.where``)."""
        return (self.path, *self.locate())


class TableLocator(Locator):
    """A row of a table: ``FILE:ROW:COLUMN`` (row as the line number in the file,
    column as the 1-based position of the field's column; the row alone when the
    field has no column)."""

    __slots__ = ("row", "columns")

    def __init__(self, path, row, columns):
        super().__init__(path)
        self.row, self.columns = row, columns  # columns: field name -> 1-based column number

    def locate(self, *keys, key=False):
        if keys and keys[0] in self.columns:
            return (self.row, self.columns[keys[0]])
        return (self.row, 0)


class RecordLocator(Locator):
    """The N-th record of a bulk file: ``FILE:RECORD``."""

    __slots__ = ("n",)

    def __init__(self, path, n):
        super().__init__(path)
        self.n = n

    def locate(self, *keys, key=False):
        return (self.n, 0)


@dataclass(slots=True)
class Piece:
    """One record to build: its kind, its fields and where it is."""

    kind: str  # "sources", "entities" or "relations"
    values: dict  # the record's fields as plain values
    locator: Locator
    base_dir: str | None = None  # the folder a source's relative ``text`` path starts from
    tainted: bool = False  # it holds something refused while reading (already reported): not validated


@dataclass
class FileRead:
    """What a reader found in one file."""

    path: str
    pieces: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    #: False when the file could not be read in full (a syntax error...): the records it
    #: might define are unknown, so references to them are not reported as unknown
    complete: bool = True
