"""A news page as a page: headline, byline, desk, timestamp, dateline and furniture, and its date.

A text copied from a web page starts with its *header* (a section label such as "OPINION",
the headline, a byline or desk, a timestamp) and often ends with *furniture* ("Share",
"Related: ...", "Follow us on X", "Topics: ...", "The writer is ..."); furniture sits in the body too
("Advertisement", captions, link lists), known by its shape: a line that does not end like a
sentence (:func:`body_furniture`). The first paragraph of the body may open with a *dateline*
("ISLAMABAD:", "KABUL, Nov 4 —"). :func:`read_page` finds them: furniture (header lines other
than the headline, the dateline, body lines of that shape) is kept out of names and claims; the
headline is read as a sentence of its own; the article's date comes from the timestamp, else the
dateline, else the date given (``published``), and relative dates ("on Tuesday", "last week") are
resolved against it.

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

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from .dates import MONTHS, parse_header_date
from .tokens import wrapped_break

__all__ = ["Page", "read_page", "body_furniture"]

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
    r"(?P<place>(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+)(?:[ /][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+)*)"  # ISLAMABAD, MOSCOW/KYIV, LOMÉ
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
    _starts: list | None = field(default=None, repr=False, compare=False)

    def in_furniture(self, start, end=None) -> bool:
        """Whether the span [start, end) lies in page furniture."""
        end = start + 1 if end is None else end
        if self._starts is None or len(self._starts) != len(self.furniture):
            self.furniture.sort()
            self._starts = [s for s, _ in self.furniture]
        k = bisect.bisect_right(self._starts, start)
        return any(s <= start and end <= e for s, e in self.furniture[max(0, k - 3) : k])


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


_SEPARATORS = re.compile(r"\s(?:\||›|»|·|/|>|•)\s|›|»")
_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}\s*:\s")
_TERMINAL = (".", "!", "?", '"', "”", "'", "’", ")", "]", "…")


def _label_shaped(line):
    """A header line that is a label, not a headline: no lowercase letter ("AFRICA › SAHEL", "OPINION"),
    items between separators ("Share | Tweet | Email", "Home / World / Africa"), one or two words
    ("Pacific"), a "Label: ..." line ("Photo: ...")."""
    words = line.split()
    return (
        not any(c.islower() for c in line)
        or bool(_SEPARATORS.search(line))
        or len(words) <= 2
        or bool(_LABEL.match(line))
    )


def _deck(line):
    """Whether a header line right under the headline is its deck, a second headline read as a sentence
    ("Moscow dismisses 'paranoid fantasy', accuses Helsinki of serving NATO"): five words or more, no label,
    byline, timestamp or call to act ("Listen to this article", "Sign up for our newsletter").

    >>> _deck("Abidjan says the gendarmes were abducted on its side"), _deck("Listen to this article")
    (True, False)
    """
    words = line.split()
    return (
        len(words) >= 5
        and not _label_shaped(line)
        and not _is_headerish(line)
        and not _CALL.match(line)
        and any(c.islower() for c in line)
    )


_CALL = re.compile(r"(?:Listen|Sign up|Subscribe|Follow|Read|Watch|Click|Download|Get|Join|Share)\b")


def _split_section(line):
    """The length of the section prefix of "Section | Headline": the short items before the last separator
    of a line whose last item reads as a headline (four words or more), else None."""
    parts = list(_SEPARATORS.finditer(line))
    if not parts:
        return None
    last = parts[-1]
    rest = line[last.end() :].strip()
    if len(rest.split()) >= 4 and all(len(x.split()) <= 3 for x in _SEPARATORS.split(line[: last.start()])):
        return last.end() + (len(line[last.end() :]) - len(line[last.end() :].lstrip()))
    return None


def body_furniture(line):
    """Whether a line of the body is furniture by its shape: a paragraph of a report ends with a full
    stop, a question or exclamation mark or a closing quote; a line that does not ("Advertisement",
    "Story continues below", "Most read", the items of a link list, "Photo: ... / File", "Key
    points:", "Related Topics: A | B") is no sentence of the report (a long one, of more than 40 words,
    is; so is one that ends in a stray mark, "... our security. *").

    >>> body_furniture("M23 rebels seize Bukavu airport"), body_furniture("Kigali denied it.")
    (True, False)
    """
    line = line.strip().rstrip("*■□◆◇●▪~# ")
    return bool(line) and not line.endswith(_TERMINAL) and len(line.split()) <= 40


def _wrapped(text, lines):
    """The indexes (into *lines*) of the lines of a hard-wrapped paragraph: a line that breaks inside a
    sentence (:func:`~graph.draft.tokens.wrapped_break`) and the line that goes on after it. Such a line
    is part of a sentence, not furniture, whatever its end.

    >>> t = "KABUL: Officials said that\\nthe envoy left for\\nconsultations.\\nAdvertisement"
    >>> sorted(_wrapped(t, [(0, 26), (27, 45), (46, 61), (62, 75)]))
    [0, 1, 2]
    """
    out = set()
    for i in range(len(lines) - 1):
        if wrapped_break(text, lines[i][1], lines[i + 1][0]):
            out.update((i, i + 1))
    return out


def read_page(text: str, published=None) -> Page:
    """The page structure of *text*; *published* (a date or ``YYYY[-MM[-DD]]``) is the fallback date."""
    page = Page()
    lines = [(s, e) for s, e in _lines(text) if e > s]
    # the header: the lines before the first one that reads as a paragraph of the body
    k = 0
    header = []
    while k < len(lines) and k < 12:
        s, e = lines[k]
        line = text[s:e]
        words = len(line.split())
        if (
            words > 25
            or (words > 12 and line.endswith((".", '"', "”")) and not _is_headerish(line))
            or (_DATELINE.match(text, s, e) and not _is_headerish(line))
            # a hard-wrapped paragraph after the byline or timestamp: "The Navy arrested 14 fishermen and seized
            # two\nbottom trawlers ..." (a wrapped headline above them is none)
            or (
                words > 8
                and k + 1 < len(lines)
                and wrapped_break(text, e, lines[k + 1][0])
                and not _is_headerish(line)
                and any(_is_headerish(text[a:b]) for a, b in header)
            )
        ):
            break
        header.append((s, e))
        k += 1
    if not any(_is_headerish(text[s:e]) or _SECTION.match(text[s:e]) for s, e in header):
        # no byline, desk or timestamp: at most a title line opens the text
        k = 1 if header and not text[header[0][0] : header[0][1]].endswith((".", "!", "?")) and len(lines) > 1 else 0
        header = header[:k]
    head_at = None
    for idx, (s, e) in enumerate(header):
        line = text[s:e]
        if page.headline is None:
            m = _SECTION.match(line)
            cut = m.end() if m and e - s > m.end() + 3 and not _is_headerish(line) else _split_section(line)
            if cut:
                page.furniture.append((s, s + cut))
                s = s + cut
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
        elif page.headline is None and not (_label_shaped(line) and len(header) > 1):
            page.headline, head_at = (s, e), idx
        elif head_at is not None and idx == head_at + 1 and wrapped_break(text, page.headline[1], s):
            page.headline = (page.headline[0], e)  # a headline wrapped over two lines
        elif head_at is not None and idx == head_at + 1 and _deck(line):
            continue  # a deck under the headline ("GCC backs Kuwait; Baghdad calls vote 'internal matter'"): read
        else:
            # a label before the headline, or any line after it (a byline that is only a name, "Photo: ...",
            # "Share | Tweet | Email", "Listen to this article", "5 min read"): page furniture
            page.furniture.append((s, e))
            words = line.split()
            if (
                page.headline is not None
                and len(words) <= 4
                and all(w[:1].isupper() for w in words)
                and not line.endswith(".")
            ):
                page.byline = page.byline or line
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
    # furniture in the body: the lines after its first that are no paragraph ("Advertisement", link lists,
    # captions), and at the end, short lines after the last paragraph ("Share", "(Reporting by ...)")
    wrapped = _wrapped(text, lines[k:])
    for i, (s, e) in enumerate(lines[k + 1 :], 1):
        if i not in wrapped and body_furniture(text[s:e]):
            page.furniture.append((s, e))
            b = _BYLINE.match(text[s:e])  # a byline under a deck: "By Lena Hartmann"
            if b and page.byline is None:
                page.byline = b.group(1)
    for s, e in reversed(lines[k + 1 :]):
        line = text[s:e]
        if _TRAILING.match(line) or (len(line.split()) <= 3 and not line.endswith((".", '"', "”"))):
            if (s, e) not in page.furniture:
                page.furniture.append((s, e))
        else:
            break
    if page.date is None and published:
        d = parse_header_date(str(published))
        if d is not None:
            page.date, page.date_from, page.date_text = d, "published", str(published)
    page.furniture.sort()
    return page
