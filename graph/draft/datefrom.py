"""Dates given from another: a week, a month shifted, a season, "the following month" from the date before.

>>> from datetime import date
>>> season("last summer", date(2026, 3, 12)), following("the following month", "2024-02")
('2025-06..2025-08', '2024-03')
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["week", "shift_month", "season", "weekend", "following", "event_date", "NUM"]

NUM = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "an": 1,
}


def week(d):
    monday = d - timedelta(days=d.weekday())
    return f"{monday.isoformat()}..{(monday + timedelta(days=6)).isoformat()}"


def shift_month(y, m, k):
    n = y * 12 + m - 1 + k
    return n // 12, n % 12 + 1


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def season(low, base):
    """``YYYY-MM..YYYY-MM`` of "in the spring" (the last spring begun by *base*), "last summer" (the last one
    ended before it), "this autumn" (the one of its year)."""
    m = re.search(r"(spring|summer|autumn|fall|winter)(?:\s+of\s+(\d{4}))?", low)
    if m[2]:  # "in the autumn of 2024"
        low, base = f"in {m[1]}", date(int(m[2]), 12, 31)
    a, b = _SEASONS[m[1]]
    y = base.year
    if low.startswith("this"):
        y = base.year - (a == 12 and base.month <= 2)
    else:
        if (base.year * 12 + base.month) < (y * 12 + a):
            y -= 1  # not begun yet this year
        if low.startswith("last") and (base.year * 12 + base.month) <= (y * 12 + b):
            y -= 1  # not over yet
    ey, em = shift_month(y, b, 0) if b <= 12 else (y + 1, b - 12)
    return f"{y}-{a:02d}..{ey}-{em:02d}"


def weekend(low, base):
    """``YYYY-MM-DD..YYYY-MM-DD`` of "at the weekend" (the last Saturday and Sunday), "last weekend" (the one
    before the article's own), "this weekend" (the coming one on a weekday)."""
    sun = base - timedelta(days=(base.weekday() - 6) % 7)
    if low.startswith("last") and base.weekday() >= 5:
        sun -= timedelta(days=7)
    if low.startswith("this") and base.weekday() < 5:
        sun += timedelta(days=7)
    return f"{(sun - timedelta(days=1)).isoformat()}..{sun.isoformat()}"


def following(expr, prev):
    """A date given from the one before it (*prev*, a ``when``): "the following month", "a day later",
    "the month before", "at the time"."""
    low = expr.lower()
    if prev is None:
        return None
    if "time" in low or "same" in low or low.startswith(("later", "that")):
        return prev if "day" in low or "time" in low or "same" in low or len(prev) == 10 else None
    point = prev.split("..")[0]
    if not point:
        return None
    m = re.search(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|year)s?\s+later", low)
    n, unit = (
        (NUM.get(m[1]) or int(m[1]), m[2]) if m else (1, low.split()[-1] if "before" not in low else low.split()[1])
    )
    if "before" in low:
        n = -n
    unit = "day" if unit in ("night", "morning", "evening", "afternoon") else unit
    if unit in ("day", "week"):
        if len(point) != 10:
            return None
        d = date.fromisoformat(point) + timedelta(days=n * (7 if unit == "week" else 1))
        return d.isoformat() if unit != "week" else week(d)
    if unit == "month":
        if len(point) < 7:
            return None
        y, mm = shift_month(int(point[:4]), int(point[5:7]), n)
        return f"{y}-{mm:02d}"
    return str(int(point[:4]) + n)


def event_date(text, s, noun, dates):
    """The date given near the last mention of *noun* before *s* that has one ("the raid ... in April 2024")."""
    stem = noun[:5]
    at = s
    for _ in range(6):
        at = text.rfind(stem, 0, at)
        if at < 0:
            return None
        near = [d for d in dates if d.when and abs(d.start - at) <= 120 and d.kind not in ("back", "since")]
        if near:
            # (the one after the noun first, "the raid on the embassy in April 2024", but not a period that
            # sets the event among others: "an ambush on Monday ..., the deadliest attack this year")
            return min(near, key=lambda d: (d.kind == "period", d.start < at, abs(d.start - at))).when
    return None
