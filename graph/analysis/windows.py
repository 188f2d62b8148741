"""Time windows: spans such as ``1y``, ``6m``, ``2w`` or ``10d``, and the moving windows over a period.

A window is ``[start, start + width)`` (both ends shown inclusive: its last day); successive windows
start ``step`` apart (a step shorter than the width makes them overlap, as DNA's moving time
windows). They keep to the calendar: a step of months that divides a year (1, 2, 3, 4, 6 or 12
months, or whole years) starts them on its boundaries counted from January 1 (6m: January and
July; 1y: January), the last boundary on or before the earliest date; another step in months
starts them on the first of the earliest date's month, a step in weeks or days on that day.
Windows follow until one starts after the latest date.

>>> parse_span("6m"), parse_span("1y"), parse_span("2w")
((6, 'm'), (12, 'm'), (14, 'd'))
>>> from datetime import date
>>> [(str(a), str(b)) for a, b in windows(date(2021, 8, 31), date(2022, 9, 1), "1y", "6m")]
[('2021-07-01', '2022-06-30'), ('2022-01-01', '2022-12-31'), ('2022-07-01', '2023-06-30')]
>>> [(str(a), str(b)) for a, b in windows(date(2021, 8, 31), date(2022, 9, 1), "1y")]
[('2021-01-01', '2021-12-31'), ('2022-01-01', '2022-12-31')]
>>> parse_span("soon")
Traceback (most recent call last):
...
graph.errors.QueryError: 'soon' is not a time span: write a number and a unit, e.g. 1y, 6m, 2w or 30d
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..errors import QueryError

__all__ = ["parse_span", "windows", "add_span"]

_SPAN = re.compile(r"\s*([0-9]+)\s*([ymwd])\s*\Z", re.I)


def parse_span(text: str) -> tuple[int, str]:
    """``(n, "m")`` (months) or ``(n, "d")`` (days) for ``Ny``, ``Nm``, ``Nw``, ``Nd``."""
    m = _SPAN.match(str(text))
    if not m or int(m.group(1)) < 1:
        raise QueryError(f"'{text}' is not a time span: write a number and a unit, e.g. 1y, 6m, 2w or 30d")
    n, unit = int(m.group(1)), m.group(2).lower()
    return {"y": (n * 12, "m"), "m": (n, "m"), "w": (n * 7, "d"), "d": (n, "d")}[unit]


def add_span(d: date, span: tuple[int, str]) -> date:
    """*d* plus the span ``(n, unit)`` (a month's day kept, or the month's last day when it is shorter)."""
    n, unit = span
    if unit == "d":
        return d + timedelta(days=n)
    months = d.year * 12 + d.month - 1 + n
    y, m = divmod(months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def windows(first: date, last: date, width: str, step: str | None = None) -> list[tuple[date, date]]:
    """``[(start, end)]``: the windows of *width* every *step* (default: *width*, no overlap) from
    *first* to *last* (dates); see the module docs for where the first one starts."""
    w = parse_span(width)
    s = parse_span(step) if step is not None else w
    if s[1] == "m" and (12 % s[0] == 0 or s[0] % 12 == 0):
        k = min(s[0], 12)
        start = date(first.year, (first.month - 1) // k * k + 1, 1)
    elif s[1] == "m":
        start = date(first.year, first.month, 1)
    else:
        start = first
    out = []
    while start <= last:
        out.append((start, add_span(start, w) - timedelta(days=1)))
        start = add_span(start, s)
    return out
