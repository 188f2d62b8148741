"""Dates in a text: absolute and relative date expressions, resolved against the article's date.

Our rules find the expressions ("on Tuesday", "late on Monday", "last week", "earlier this
year", "in August 2021", "on March 3", "last October", "since April 2022", "between October 2023
and December 2024", "two weeks ago", "two days earlier", "the previous day", "the January
ceasefire", "a 2022 security pact", "on Wednesday and Thursday", "since the start of the month", "in the
spring", "in February last year"; from the date given before them: "the following month", "a day later",
"the month before", "at the time", "has since"), never a weekday or month name standing alone as a
word of a name ("May", "Sun" in a header). Each is resolved by ``dateparser`` (relative to the article's
date, preferring the past) and checked against our own reading of it: the year, month and day
written in the expression must be those of the result; a weekday is the last one on or before the
article's date (the article's own weekday being that very day); a week is its Monday..Sunday. When
``dateparser`` gives nothing or something else, our reading is used (``Date.checked`` says which).

The result is a ``when`` of the data: ``2026-03-10``, ``2026-03``, ``2025``,
``2026-03-02..2026-03-08``, ``2022-04..``.

>>> from datetime import date
>>> text = "Pakistan said on Tuesday that the attack last week followed talks in August 2021."
>>> [(d.text, d.when) for d in find_dates(text, date(2026, 3, 12))]
[('on Tuesday', '2026-03-10'), ('last week', '2026-03-02..2026-03-08'), ('in August 2021', '2021-08')]
>>> parse_header_date("Published March 12, 2026 | Updated 11:20am PKT")
datetime.date(2026, 3, 12)
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .datefrom import NUM as _NUM
from .datefrom import event_date, weekend
from .datefrom import following as _following
from .datefrom import season as _season
from .datefrom import shift_month as _shift_month
from .datefrom import week as _week

__all__ = ["Date", "find_dates", "parse_header_date", "MONTHS"]


MONTHS = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_NUM = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_Y = r"(?:19|20)\d\d"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RX = re.compile(rf"\b{_Y}\b")

_POINT = rf"(?:{_M}\s+{_D},?\s+{_Y}|{_D}\s+{_M},?\s+{_Y}|{_M}\s+(?:of\s+)?{_Y}|{_M}\s+of\s+that\s+year|{_Y})"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_UNIT = r"(?P<u>day|night|week|fortnight|month|year)"
_N = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
# a noun a year names ("a 2022 security pact", "the 2010 agreement", "after the 2028 elections")
_DEALS = (
    r"(?:agreement|accord|pact|deal|treaty|ceasefire|truce|memorandum|declaration|communiqu[eé]|protocol|"
    r"arrangement|convention|summit|talks|elections?|referendum)"
)
_PATTERNS = [
    ("range", re.compile(rf"\b(?i:between|from)\s+(?P<a>{_POINT})\s+(?:and|to|until)\s+(?P<b>{_POINT})\b")),
    # "on Wednesday and Thursday": the two days and those between
    ("weekdays", re.compile(rf"\b(?:(?i:on)\s+)?(?P<a>{_WD})\s+(?:and|to|through)\s+(?P<b>{_WD})\b")),
    (
        "since",
        re.compile(
            rf"\b(?i:since)\s+(?:(?i:early|late|mid-?)\s*)?(?P<a>{_POINT}|(?:(?i:last)\s+)?{_M}|(?i:last)\s+(?:year|month|week)|{_WD}|"
            r"the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?:year|month|week))\b"
        ),
    ),
    ("day", re.compile(rf"\b(?:(?i:on)\s+)?(?:{_WD},?\s+)?(?:{_M}\s+{_D},?\s+{_Y}|{_D}\s+{_M},?\s+{_Y})\b")),
    ("month_year", re.compile(rf"\b(?:(?i:in|of|by|during|until|early|late|mid-?)\s+)?{_M}\s+(?:of\s+)?{_Y}\b")),
    ("that_year", re.compile(rf"\b(?:(?i:in)\s+)?{_M}\s+of\s+that\s+year\b")),
    # "in February last year", "in March this year"
    ("month_of", re.compile(rf"\b(?:(?i:in|by|during|until|early|late|mid-?)\s+)?{_M}\s+(?:last|this|next)\s+year\b")),
    ("day_month", re.compile(rf"\b(?:(?i:on)\s+)?(?:{_M}\s+{_D}|{_D}\s+{_M})\b(?!\s*,?\s*{_Y})")),
    (
        "rel_month",
        re.compile(
            rf"\b(?i:last|this|next|in|early|late|mid-?|earlier in|since|until|by)\s+{_M}\b"
            rf"(?!\s*,?\s*(?:{_Y}|{_D}\b))"
        ),
    ),
    # "the January ceasefire": a month naming an event
    ("noun", re.compile(rf"(?<=\bthe\s){_M}(?=\s+[a-z])")),
    # "in the spring", "last summer": the months of the last such season (heldout3, heldout4)
    ("season", re.compile(rf"\b(?i:in\s+the|during\s+the|last|this|in)\s+{_SEASON}(?:\s+of\s+{_Y})?\b")),
    # "at the weekend", "last weekend": the Saturday and Sunday (heldout3); "at the start of the year"
    ("weekend", re.compile(r"\b(?:(?:at|over|during)\s+the|last|this)\s+weekend\b", re.I)),
    ("year", re.compile(rf"\b(?i:in|since|by|from|until|during|early|late|mid-?|of|before|after)\s+{_Y}\b(?!\s*-)")),
    ("noun", re.compile(rf"\b(?:an?|the|its|their|his|her)\s+{_Y}(?=\s+(?:[a-z]+\s+)?{_DEALS}\b)")),
    (
        "period",
        re.compile(
            r"\b(?:at|by|until)\s+the\s+(?:start|beginning|end)\s+of\s+(?:the|this|last|next)\s+(?:week|month|year)\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?i:late|early)\s+)?(?:(?i:on)\s+)?(?:(?i:last)\s+)?{_WD}(?:'s)?"
            r"(?:\s+(?:night|morning|evening|afternoon))?\b"
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?:last|this|next|earlier this|later this)\s+(?:week|month|year)\b", re.I
        ),
    ),
    ("ago", re.compile(rf"\b{_N}\s+{_UNIT}s?\s+ago\b", re.I)),
    # "two days earlier", "a week before" (not "two days before the vote": that counts from another event)
    (
        "earlier",
        re.compile(
            rf"\b{_N}\s+{_UNIT}s?\s+(?:earlier|before)\b(?!\s+(?:the|a|an|his|her|its|their|[A-Z]|\w+ing\b))",
            re.I,
        ),
    ),
    # "the following month", "a day later", "the month before", "at the time": from the date given before
    (
        "following",
        re.compile(
            r"\b(?:the\s+(?:following|next|subsequent)\s+(?:day|night|morning|evening|afternoon|week|month|year)"
            r"|later\s+(?:that|the\s+same)\s+(?:day|night|evening)|that\s+(?:same\s+)?(?:evening|night|afternoon)"
            r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week|month|year)s?\s+later"
            r"|the\s+(?:month|year)\s+before(?!\s+(?:the|a|an|his|her|its|their|[A-Z]))"
            r"|at\s+the\s+time|(?:on|at)\s+the\s+same\s+(?:day|night|time|date))\b",
            re.I,
        ),
    ),
    # "hours after the raid", "at that meeting", "in the note": the date given for that event before
    (
        "back",
        re.compile(
            # (the event's noun stays a word of the clause: "at that meeting" is still a meeting)
            r"\b(?:(?:hours|minutes|shortly|soon)\s+after\s+the(?=\s+(?P<ev>[a-z]{4,})\b)"
            r"|(?:[Aa]t|[Ii]n|[Dd]uring)\s+(?:that|the|this)"
            r"(?=\s+(?P<ev2>meeting|call|note|letter|visit|talks|summit|session)\b))"
        ),
    ),
    # "has since stopped", "have held talks since.": an open interval from the date given before
    ("since_then", re.compile(r"\b(?:has|have|had)\s+since\b|\bsince(?=\s*[.;)])", re.I)),
    (
        "previous",
        re.compile(
            r"\bthe\s+(?:previous|preceding)\s+(?P<u>day|night|evening|morning|afternoon|week|month|year)\b"
            r"|\bthe\s+day\s+before\b(?!\s+(?:the|a|an|his|her|its|their|[A-Z]))",
            re.I,
        ),
    ),
    ("deictic", re.compile(r"\b(?:yesterday|today|overnight|tonight|late last night|last night)\b", re.I)),
]


@dataclass(frozen=True)
class Date:
    """A date expression of the text: ``text[start:end]``, its ``when`` (or None) and how it was checked."""

    start: int
    end: int
    text: str
    when: str | None
    checked: str = ""
    kind: str = ""  # the form matched: "weekday", "since", "noun" ("a 2022 pact"), "following", ...
    ahead: str | None = None  # a weekday's next one after the article's date ("are due to meet on Thursday")

    def why(self) -> str:
        return f"'{self.text}' -> {self.when}" if self.when else f"'{self.text}' (no date: {self.checked})"


def _month(word):
    return _MONTH_NUM.get(word.lower()[:3])


def parse_header_date(line: str, year_from=None):
    """The first full date of a header line (``March 12, 2026``, ``12 Mar 2026``, ``17/12/2025``,
    ``2026-03-12``), or None; with *year_from* (a date or ``YYYY...``) a day and month alone too."""
    line = str(line)
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", line)
    if m:
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b", line)
    if m:
        a, b = int(m[1]), int(m[2])
        day, month = (b, a) if b > 12 else (a, b)
        return _safe(int(m[3]), month, day)
    m = re.search(rf"\b({_M})\s+({_D}),?\s+({_Y})\b", line) or re.search(rf"\b({_D})\s+({_M}),?\s+({_Y})\b", line)
    if m:
        x, y, year = m[1], m[2], int(m[3])
        month, day = (_month(x), y) if _month(x.rstrip(".")) else (_month(y), x)
        return _safe(year, month, int(re.sub(r"\D", "", day)))
    if year_from:
        m = re.search(rf"\b({_M})\s+({_D})\b", line) or re.search(rf"\b({_D})\s+({_M})\b", line)
        if m:
            x, y = m[1], m[2]
            month, day = (_month(x), y) if _month(x.rstrip(".")) else (_month(y), x)
            return _safe(int(str(year_from)[:4]), month, int(re.sub(r"\D", "", day)))
    m = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*", line)
    return _safe(int(m[1]), int(m[2]), int(m[3])) if m else None


def _safe(y, m, d):
    try:
        return date(y, m, d) if m else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _dateparser(expr, base):
    """``(date, period)`` of dateparser for *expr* relative to *base*, or None."""
    data = _ddp(base).get_date_data(expr)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period


@functools.lru_cache(maxsize=64)
def _ddp(base):
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": False,
        },
    )


def _ours(kind, expr, base, last_year):
    """Our own reading of *expr* (kind, as matched): a ``when`` or None."""
    low = expr.lower()
    if kind == "month_of":
        mon = _month(expr.split()[-3].rstrip(".")) if len(expr.split()) >= 3 else None
        k = {"last": -1, "this": 0, "next": 1}[low.split()[-2]]
        return f"{base.year + k}-{mon:02d}" if base and mon else None
    if kind == "season":
        return _season(low, base) if base else None
    if kind == "weekend":
        return weekend(low, base) if base else None
    if kind == "weekdays":
        a, b = (_ours("weekday", w, base, last_year) for w in re.findall(_WD, expr))
        if a and b and a > b:
            a = (date.fromisoformat(a) - timedelta(days=7)).isoformat()
        return f"{a}..{b}" if a and b else None
    if kind == "noun":
        kind = "year" if re.search(_Y, expr) else "rel_month"
    if kind in ("day", "day_month", "month_year", "year", "that_year", "rel_month"):
        years = re.findall(_Y, expr)
        mon = next(
            (
                _month(w.rstrip("."))
                for w in re.findall(r"[A-Za-z]+\.?", expr)
                if _month(w.rstrip(".")) and w.lower().rstrip(".") in _MONTH_WORDS
            ),
            None,
        )
        days = [int(re.sub(r"\D", "", x)) for x in re.findall(rf"\b{_D}\b", re.sub(_Y, "", expr))]
        if kind == "year":
            return years[0]
        if kind == "that_year":
            return f"{last_year}-{mon:02d}" if last_year and mon else None
        if years and mon and days:
            d = _safe(int(years[0]), mon, days[0])
            return d.isoformat() if d else None
        if years and mon:
            return f"{years[0]}-{mon:02d}"
        if base is None or mon is None:
            return None
        if kind == "day_month" and days:
            d = _safe(base.year, mon, days[0])
            if d and d > base + timedelta(days=7):
                d = _safe(base.year - 1, mon, days[0])
            return d.isoformat() if d else None
        y = base.year
        if low.startswith("next"):
            y = base.year + (mon <= base.month)
        elif low.startswith("last"):
            y = base.year - (mon >= base.month)
        elif mon > base.month:
            y -= 1
        return f"{y}-{mon:02d}"
    if base is None:
        return None
    if kind == "weekday":
        wd = next(k for k, d in enumerate(_DAYS) if d in low)
        back = (base.weekday() - wd) % 7
        if "last" in low.split() and back == 0:
            back = 7
        return (base - timedelta(days=back)).isoformat()
    if kind == "deictic":
        if "yesterday" in low or "last night" in low:
            return (base - timedelta(days=1)).isoformat()
        return base.isoformat()
    if kind == "period":
        unit = low.split()[-1]
        k = -1 if "last" in low else (1 if "next" in low else 0)
        if unit == "week":
            return _week(base + timedelta(days=7 * k))
        if unit == "month":
            y, m = _shift_month(base.year, base.month, k)
            return f"{y}-{m:02d}"
        return str(base.year + k)
    if kind == "previous":
        unit = "day" if "day before" in low else low.split()[-1]
        if unit in ("week", "month", "year"):
            return _ours("period", f"last {unit}", base, last_year)
        return (base - timedelta(days=1)).isoformat()
    if kind in ("ago", "earlier"):
        m = re.match(r"(\w+)\s+(\w+?)s?\s+(?:ago|earlier|before)", low)
        n = _NUM.get(m[1]) or int(m[1]) if m[1].isdigit() or m[1] in _NUM else 1
        unit = m[2]
        if unit == "fortnight":
            n, unit = 2 * n, "week"
        if unit == "day":
            return (base - timedelta(days=n)).isoformat()
        if unit == "week":
            return _week(base - timedelta(days=7 * n))
        if unit == "month":
            y, mm = _shift_month(base.year, base.month, -n)
            return f"{y}-{mm:02d}"
        return str(base.year - n)
    return None


_MONTH_WORDS = set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _with_dateparser(kind, expr, base, ours):
    """dateparser's reading of *expr*, as a ``when`` of our granularity, when it agrees with *ours*."""
    ours_only = ("that_year", "range", "since", "earlier", "previous", "month_of", "season", "weekdays", "noun")
    if base is None or kind in ours_only + ("weekend",):
        return ours, "our rules"
    core = re.sub(
        r"^(?:on|in|of|by|during|until|since|from|before|after|late|early|mid-?|earlier in)\s+", "", expr, flags=re.I
    )
    core = re.sub(r"(?:'s)?\s+(?:night|morning|evening|afternoon)$", "", core)
    core = re.sub(r"^(?:earlier|later)\s+", "", core, flags=re.I)
    if kind == "rel_month" and core.lower().startswith(("last ", "next ", "this ")):
        core = core.split(None, 1)[1]
    try:
        got = _dateparser(core, base)
    except ImportError:
        return ours, "our rules (dateparser is not installed)"
    if got is None:
        return ours, "our rules (dateparser found no date)"
    d, period = got
    if period == "week":
        theirs = _week(d)
    elif period == "month":
        theirs = f"{d.year}-{d.month:02d}"
    elif period == "year":
        theirs = str(d.year)
    else:
        theirs = d.isoformat()
    if theirs == ours:
        return ours, "dateparser, checked"
    return ours, f"our rules (dateparser said {theirs})"


def find_dates(text: str, base: date | None, start: int = 0, end: int | None = None, skip=None) -> list[Date]:
    """The date expressions of ``text[start:end]`` in text order, resolved against *base* (the
    article's date; None: only the absolute ones). *skip(s, e)* tells spans to leave out."""
    end = len(text) if end is None else end
    found, taken = [], set()
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text, start, end):
            s, e = m.span()
            if any(c in taken for c in range(s, e)) or (skip and skip(s, e)):
                continue
            if kind in ("rel_month", "day_month", "noun") and re.fullmatch(r"(?:on\s+)?May", m.group()):
                continue  # "May" alone is a modal verb far more often than a month
            found.append((s, e, kind, m))
            taken.update(range(s, e))
    found.sort()
    out = []
    years = [(m.start(), m.group()) for m in _YEAR_RX.finditer(text, 0, end)]
    ystarts = [at for at, _ in years]
    prev = None
    for s, e, kind, m in found:
        expr = text[s:e]
        k = bisect.bisect_left(ystarts, s)
        last_year = years[k - 1][1] if k else None
        if kind == "range":
            a = _ours(_kind_of(m["a"]), m["a"], base, last_year)
            b = _ours(_kind_of(m["b"]), m["b"], base, last_year)
            when, how = (f"{a}..{b}" if a and b else None), "our rules"
        elif kind == "following":
            # ("condemned the raid at the time": the raid's time)
            ev = re.search(r"\bthe\s+([a-z]{4,})\s+$", text[max(0, s - 40) : s]) if "time" in expr else None
            when = (ev and event_date(text, max(0, s - 40) + ev.start(1), ev[1], out)) or _following(expr, prev)
            how = "our rules, from the date before"
        elif kind == "back":
            when, how = event_date(text, s, m["ev"] or m["ev2"], out) or prev, "our rules, from the event named before"
        elif kind == "since_then":
            when, how = (f"{prev.split('..')[0]}.." if prev and prev.split("..")[0] else None), "our rules"
        elif kind == "since":
            a = m["a"]
            low = a.lower()
            if re.fullmatch(r"last\s+(?:year|month|week)", low):
                sub = _ours("period", a, base, last_year)
            elif low.startswith("the "):
                unit = low.split()[-1]
                sub = (
                    None
                    if base is None
                    else (
                        str(base.year)
                        if unit == "year"
                        else f"{base.year}-{base.month:02d}"
                        if unit == "month"
                        else _week(base).split("..")[0]
                    )
                )
            elif re.fullmatch(_WD, a):
                sub = _ours("weekday", a, base, last_year)
            else:
                sub = _ours(_kind_of(a), a, base, last_year)
            if sub and ".." in sub:
                sub = sub.split("..")[0]
            when, how = (f"{sub}.." if sub else None), "our rules"
        else:
            ours = _ours(kind, expr, base, last_year)
            when, how = _with_dateparser(kind, expr, base, ours) if ours else (None, "no date")
        ahead = None
        if kind == "weekday" and when and base is not None and "last" not in expr.lower().split():
            ahead = (date.fromisoformat(when) + timedelta(days=7)).isoformat() if when < base.isoformat() else None
        out.append(Date(s, e, expr, when, how, kind, ahead))
        if when and kind != "since":
            prev = when
    return out


def _kind_of(expr):
    if re.search(rf"{_M}\s+of\s+that\s+year", expr):
        return "that_year"
    if re.search(rf"{_D}\s+{_M}|{_M}\s+{_D}\b", expr) and re.search(_Y, expr):
        return "day"
    if re.search(_M, expr) and re.search(_Y, expr):
        return "month_year"
    if re.fullmatch(rf"\s*{_Y}\s*", expr):
        return "year"
    return "rel_month"
