"""Dates of claims: a year, a month, a day, or an interval between two of them.

``when`` says when the thing happened (not when it was written). Written as
``2021``, ``2021-08``, ``2021-08-15`` or ``START..END`` (either end may be
left open: ``2021..``, ``..2025-01``).

Examples
--------
>>> w = parse_when("2021-08..2025-01")
>>> w.start, w.end
(datetime.date(2021, 8, 1), datetime.date(2025, 1, 31))
>>> str(w)
'2021-08..2025-01'
>>> parse_when("2024").overlaps(parse_when("2024-06-01"))
True
>>> parse_when("2023-02-30")
Traceback (most recent call last):
...
ValueError: '2023-02-30' is not a real date
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["When", "parse_when", "iso_span", "FORMATS"]

FORMATS = "YYYY, YYYY-MM, YYYY-MM-DD, or an interval START..END (e.g. 2021-08..2025-01)"

_POINT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
MIN, MAX = date.min, date.max


@dataclass(frozen=True, order=True)
class When:
    """A time span with the text it was written as; ``start``/``end`` are inclusive."""

    start: date
    end: date
    text: str

    def __str__(self) -> str:
        return self.text

    def overlaps(self, other: When) -> bool:
        """True when the two spans share at least one day."""
        return self.start <= other.end and other.start <= self.end


def iso_span(when):
    """``(start, end)`` of a ``when`` as ISO dates; an open end (and an undated claim) gives None.

    The one place dates become text for the exports, the page and the reports.

    >>> iso_span(parse_when("2021-08..")), iso_span(parse_when("2025")), iso_span(None)
    (('2021-08-01', None), ('2025-01-01', '2025-12-31'), (None, None))
    """
    if when is None:
        return None, None
    return (when.start.isoformat() if when.start != MIN else None, when.end.isoformat() if when.end != MAX else None)


def _point(text, whole):
    m = _POINT.match(text)
    if not m:
        raise ValueError(f"'{whole}' is not a date: write {FORMATS}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if y < 1:
        raise ValueError(f"'{whole}' is not a real date")
    if mo is None:
        return date(y, 1, 1), date(y, 12, 31)
    mo = int(mo)
    if not 1 <= mo <= 12:
        raise ValueError(f"'{whole}' is not a real date (month {mo:02d})")
    if d is None:
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    try:
        day = date(y, mo, int(d))
    except ValueError:
        raise ValueError(f"'{whole}' is not a real date") from None
    return day, day


def parse_when(text) -> When:
    """Parse a ``when`` (or ``published``) value; raise ValueError saying what is wrong.

    A :class:`When` is immutable: the same text gives the same object (a million
    claims share a few thousand dates).
    """
    text = str(text)
    found = _PARSED.get(text)
    if found is None:
        found = _parse_when(text)
        if len(_PARSED) < 100_000:
            _PARSED[text] = found
    return found


_PARSED: dict = {}


def _parse_when(text):
    text = text.strip()
    if ".." in text:
        a, _, b = text.partition("..")
        a, b = a.strip(), b.strip()
        if not a and not b:
            raise ValueError(f"'{text}' is not a date: write {FORMATS}")
        start = _point(a, text)[0] if a else MIN
        end = _point(b, text)[1] if b else MAX
        if start > end:
            raise ValueError(f"'{text}' ends before it starts")
        return When(start, end, text)
    start, end = _point(text, text)
    return When(start, end, text)
