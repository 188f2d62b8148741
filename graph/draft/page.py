"""A news page as a page: headline, byline, desk, timestamp, dateline and furniture, and its date.

A text copied from a web page starts with its *header* (a section label such as "OPINION",
the headline, a byline or desk, a timestamp) and often ends with *furniture* ("Share",
"Related: ...", "Follow us on X", "Topics: ...", "The writer is ..."). The first paragraph of the
body may open with a *dateline* ("ISLAMABAD:", "KABUL, Nov 4 —"). :func:`read_page` finds them:
furniture (header lines other than the headline, the dateline, trailing lines) is kept out of
names and claims; the headline is read as a sentence of its own; the article's date comes from
the timestamp, else the dateline, else the date given (``published``), and relative dates
("on Tuesday", "last week") are resolved against it.

>>> text = '''Kabul sheltering fighters, says FO
... Web Desk
... Published March 12, 2026 | Updated 11:20am PKT
...
... ISLAMABAD: Pakistan on Thursday accused Kabul.
...
... Share'''
>>> p = read_page(text)
>>> text[p.headline[0]:p.headline[1]], str(p.date), p.date_from, p.dateline
('Kabul sheltering fighters, says FO', '2026-03-12', 'timestamp', 'ISLAMABAD')
>>> [text[s:e] for s, e in p.furniture]
['Web Desk', 'Published March 12, 2026 | Updated 11:20am PKT', 'ISLAMABAD:', 'Share']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import MONTHS, parse_header_date

__all__ = ["Page", "read_page"]

_DESKS = re.compile(
    r"^(?:(?:web|news|staff|business|foreign|national|city|sports|gulf|europe|asia|world|online|digital|"
    r"international|political|diplomatic|monitoring|metro)\s+desk|(?:our\s+)?(?:staff\s+)?(?:reporter|"
    r"correspondent)|(?:our|a)\s+(?:special\s+)?correspondent|special\s+correspondent|staff\s+writer|agencies|"
    r"news\s+agencies|(?:from\s+)?our\s+(?:own\s+)?correspondents?|[a-z]+\s+bureau|reuters|afp|ap|app|pti|ani|ians|"
    r"editorial|opinion|op-ed|comment|analysis|editorial\s+board|the\s+editorial\s+board)$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|reporter:|written by|story by|report by)\s+(.+)$", re.I)
_SECTION = re.compile(
    r"^(?:opinion|op-ed|comment|analysis|editorial|columns?|world|business|politics|"
    r"pakistan|india|asia|region|national|international)\s*(?:\||:|—|-)\s*",
    re.I,
)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b|\b(?:PKT|IST|EST|EDT|GMT|UTC|"
    r"CET|CEST|EET|EEST|BST|PST|PDT|ET|PT|AST|MSK|JST|KST)\b|\bhours? ago\b|\bminutes? ago\b",
    re.I,
)
_STAMP_WORDS = re.compile(r"^(?:published|updated|last updated|posted|first published|modified)\b", re.I)
_TRAILING = re.compile(
    r"^(?:share(?:\s+this)?(?:\s+(?:article|story))?|follow us\b.*|related(?:\s+stories)?:?.*|"
    r"also read\b.*|read more\b.*|"
    r"more on this\b.*|topics?:.*|tags?:.*|advertisement|sponsored|most read|most popular|trending|"
    r"sign up\b.*|subscribe\b.*|copyright\b.*|©.*|all rights reserved.*|reporting by\b.*|editing by\b.*|"
    r"additional reporting\b.*|this (?:story|article) (?:has been|was) (?:updated|corrected)\b.*|"
    r"the writer is\b.*|the author is\b.*|the writer\b.*|views (?:are|expressed)\b.*|"
    r"\(.*\)|\[.*\]|.*\|.*)$",
    re.I,
)
_DATELINE = re.compile(
    r"(?P<place>(?:[A-Z][A-Z'.-]+)(?:[ /][A-Z][A-Z'.-]+)*)"  # ISLAMABAD, MOSCOW/BRUSSELS
    r"(?:,\s*(?P<date>(?:" + MONTHS + r")\.?\s+\d{1,2}|\d{1,2}\s+(?:" + MONTHS + r")\.?)(?:,\s*\d{4})?)?"  # , Nov 4
    r"(?:\s*\([^)]{1,40}\))?"  # (Agency)
    r"\s*(?::|—|–|--|-)\s+"
)


@dataclass
class Page:
    """What :func:`read_page` found: character spans in the text, the article's date and dateline."""

    headline: tuple | None = None
    body: int = 0
    furniture: list = field(default_factory=list)
    date: date | None = None
    date_from: str | None = None  # 'timestamp', 'dateline', 'published' or None
    date_text: str | None = None
    dateline: str | None = None
    byline: str | None = None

    def in_furniture(self, start, end=None) -> bool:
        """Whether the span [start, end) lies in page furniture."""
        end = start + 1 if end is None else end
        return any(s <= start and end <= e for s, e in self.furniture)


def _lines(text):
    pos = 0
    for line in text.split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        pos += len(line) + 1
        yield s, e


def _is_stamp(line):
    return bool(_STAMP_WORDS.match(line)) or (
        parse_header_date(line) is not None and len(line.split()) <= 12 and not line.rstrip().endswith(".")
    )


def _is_byline(line):
    return bool(_DESKS.match(line.strip(" .")) or _BYLINE.match(line))


def _is_headerish(line):
    return _is_stamp(line) or _is_byline(line) or bool(_TIME.search(line) and len(line.split()) <= 8)


def read_page(text: str, published=None) -> Page:
    """The page structure of *text*; *published* (a date or ``YYYY[-MM[-DD]]``) is the fallback date."""
    page = Page()
    lines = [(s, e) for s, e in _lines(text) if e > s]
    # the header: the lines before the first one that reads as a paragraph of the body
    k = 0
    header = []
    while k < len(lines) and k < 8:
        s, e = lines[k]
        line = text[s:e]
        words = len(line.split())
        if (
            words > 25
            or (words > 12 and line.endswith((".", '"', "”")) and not _is_headerish(line))
            or (_DATELINE.match(text, s, e) and not _is_headerish(line))
        ):
            break
        header.append((s, e))
        k += 1
    if not any(_is_headerish(text[s:e]) or _SECTION.match(text[s:e]) for s, e in header):
        # no byline, desk or timestamp: at most a title line opens the text
        k = 1 if header and not text[header[0][0] : header[0][1]].endswith((".", "!", "?")) and len(lines) > 1 else 0
        header = header[:k]
    for s, e in header:
        line = text[s:e]
        m = _SECTION.match(line)
        if m and page.headline is None and e - s > m.end() + 3 and not _is_headerish(line):
            page.furniture.append((s, s + m.end()))
            s = s + m.end()
            line = text[s:e]
        if _is_stamp(line) or (_TIME.search(line) and len(line.split()) <= 8 and page.headline is not None):
            page.furniture.append((s, e))
            if page.date is None:
                d = parse_header_date(line)
                if d is not None:
                    page.date, page.date_from, page.date_text = d, "timestamp", line
        elif _is_byline(line) or _SECTION.fullmatch(line + " |"):
            page.furniture.append((s, e))
            b = _BYLINE.match(line)
            if b:
                page.byline = b.group(1)
        elif page.headline is None:
            page.headline = (s, e)
        else:
            # a short line after the headline: a byline that is only a name ("Ayesha Qureshi")
            words = line.split()
            if len(words) <= 4 and all(w[:1].isupper() for w in words) and not line.endswith("."):
                page.furniture.append((s, e))
                page.byline = page.byline or line
            else:
                break
    page.body = lines[k][0] if k < len(lines) else len(text)
    # the dateline opening the body
    if k < len(lines):
        s, e = lines[k]
        m = _DATELINE.match(text, s, e)
        if m and m.group("place") and len(m.group("place")) >= 3 and m.group("place").replace("/", "").isupper():
            page.furniture.append((s, m.end() - 1 if text[m.end() - 1] == " " else m.end()))
            page.furniture[-1] = (s, s + len(text[s : m.end()].rstrip()))
            page.dateline = m.group("place").split("/")[0]
            if page.date is None and m.group("date"):
                d = parse_header_date(m.group("date"), year_from=published)
                if d is not None:
                    page.date, page.date_from, page.date_text = d, "dateline", m.group("date")
    # furniture at the end: short lines after the last paragraph of the body
    for s, e in reversed(lines[k + 1 :]):
        line = text[s:e]
        if _TRAILING.match(line) or (len(line.split()) <= 3 and not line.endswith((".", '"', "”"))):
            page.furniture.append((s, e))
        else:
            break
    if page.date is None and published:
        d = parse_header_date(str(published))
        if d is not None:
            page.date, page.date_from, page.date_text = d, "published", str(published)
    page.furniture.sort()
    return page
