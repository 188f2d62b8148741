"""Tokens, sentences and clauses of a plain text, with their offsets in the text.

Rule-based and dependency-free: a word is a run of letters and digits (with inner
hyphens and apostrophes, and dotted abbreviations such as ``U.S.``); a possessive
``'s`` or ``’s`` is a token of its own, so "Pakistan’s" is matched as "Pakistan".
Sentences end at ``.``, ``!`` or ``?`` followed by a capital (not after a title
such as "Mr." or an initial), and at every line break. A clause is a part of a
sentence cut at ``;`` and ``:``, before ", but", ", while", ", whereas", ", yet" and
", and the/it/they..." (a new subject), and at the comma closing a leading
subordinate clause ("While X, Y" and "Ever since X, Y" give two clauses).

>>> [t.text for t in tokenise("Pakistan’s U.S.-made jets, Mr. Khan said.")]
['Pakistan', '’s', 'U.S.-made', 'jets', ',', 'Mr', '.', 'Khan', 'said', '.']
>>> text = "Mr. Khan spoke. While China waited, Iran left; Russia stayed.\\nNew line"
>>> [text[s:e] for s, e in sentences(text)]
['Mr. Khan spoke.', 'While China waited, Iran left; Russia stayed.', 'New line']
>>> [text[s:e] for s, e in clauses(text, 16, 61)]
['While China waited', 'Iran left', 'Russia stayed.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Token", "tokenise", "sentences", "clauses", "norm", "wrapped_break"]

_L = r"[^\W_]"
_WORD = re.compile(
    rf"(?:[A-Z]\.){{2,}}(?:-{_L}+)*"  # U.S., U.N., U.S.-made
    rf"|{_L}+(?:[-'’]{_L}+)*"  # words, N'Djamena, Guinea-Bissau
    r"|\S"
)
_POSS = re.compile(r"['’]s$", re.I)


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark: its text, offsets and lowercased form."""

    text: str
    start: int
    end: int
    lower: str


def norm(word: str) -> str:
    """Lowercase with typographic apostrophes made straight."""
    return word.lower().replace("’", "'").replace("‘", "'")


def tokenise(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` (offsets in the whole text)."""
    out = []
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        w, s = m.group(), m.start()
        p = _POSS.search(w)
        if p and len(w) > 2:
            cut = s + p.start()
            out.append(Token(w[: p.start()], s, cut, norm(w[: p.start()])))
            out.append(Token(w[p.start() :], cut, m.end(), "'s"))
        else:
            out.append(Token(w, s, m.end(), norm(w)))
    return out


_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "prof",
    "st",
    "sen",
    "rep",
    "gov",
    "no",
    "vs",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "jr",
    "sr",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")


_WRAP_WORDS = frozenset(
    "a an the of to in on at by for from with near into over under about against between and or but nor "
    "that which who whose whom as than if while after before since because its his her their our "
    "is are was were be been has have had will would".split()
)


def wrapped_break(text: str, a: int, b: int) -> bool:
    """Whether the white space ``text[a:b]``, holding one line break, is the break of a hard-wrapped
    line inside a sentence (a text copied from a mail, a PDF or a plain-text wire): the line breaks after
    a comma or a word such as "of", "the", "that", the next line goes on in lowercase, or, in a text
    hard-wrapped at a width, the line is full and ends no sentence (:func:`_filled`).

    >>> t = "Officials said that\\nthe envoy left.\\nAdvertisement"
    >>> wrapped_break(t, 19, 20), wrapped_break(t, 36, 37)
    (True, False)
    """
    gap = text[a:b]
    if gap.count("\n") != 1 or gap.strip() or a == 0 or b >= len(text):
        return False
    before = text[max(0, a - 30) : a].rstrip()
    last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
    return before.endswith(",") or last in _WRAP_WORDS or text[b].islower() or _filled(text, a, b)


def _filled(text: str, a: int, b: int) -> bool:
    """In a text hard-wrapped at a width (:func:`_wrap_width`), the line ending at *a* is full: the next
    line's first word would not have fitted on it, and it does not end a sentence.

    >>> t = "\\n".join(["Officials in the capital said on Monday that the talks would resume"] * 6)
    >>> t += "\\nsoon. The foreign ministry spokesman Hamid Rahimi called the expulsions\\n\\"unjustified\\"."
    >>> _filled(t, t.index("expulsions") + 10, t.index("expulsions") + 11)
    True
    """
    width = _wrap_width(text)
    if width is None:
        return False
    line = text[text.rfind("\n", 0, a) + 1 : a].rstrip()
    if re.search(r"[.!?][\"'”’)\]]*$", line):
        return False
    word = re.match(r"\S*", text[b:]).group()
    return len(line) + 1 + len(word) > width - 3


@lru_cache(maxsize=8)
def _wrap_width(text: str) -> int | None:
    """The width a plain text is hard-wrapped at (a wire copied as text, a mail), or None: most of its
    lines of 30 or more characters end within 15 characters of the longest of them (the 90th
    percentile), at most 100.

    >>> _wrap_width("\\n".join(["word " * 14] * 8)), _wrap_width("One paragraph.\\nAnother one.")
    (69, None)
    """
    lengths = sorted(len(line.rstrip()) for line in text.split("\n") if len(line.rstrip()) >= 30)
    if len(lengths) < 6:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(width - 15 <= n <= width for n in lengths)
    return width if width <= 100 and near >= len(lengths) / 2 else None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, stripped of surrounding white space; a line break ends one unless
    it wraps a line inside it (:func:`wrapped_break`)."""
    spans, start = [], 0
    for m in _END.finditer(text):
        if m.group() == "\n" and wrapped_break(text, m.start(), m.end()):
            continue
        if m.group().startswith("."):
            before = re.search(r"(\w+)$", text[start : m.start()])
            word = before.group(1) if before else ""
            if word.lower() in _TITLES or (len(word) == 1 and word.isupper()):
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        s2 = s + len(seg) - len(seg.lstrip())
        e2 = e - (len(seg) - len(seg.rstrip()))
        if e2 > s2:
            out.append((s2, e2))
    return out


_LEAD = re.compile(r"(?:ever since|since|while|whereas|although|though|after|before|when|if|as|because)\b", re.I)


_CUT = re.compile(r";\s*|:\s+|,\s+(?=(?:but|while|whereas|yet)\s)|,\s+(?=and\s)")
_NEW_SUBJECT = re.compile(r"and\s+(?:the|it|they|he|she|we|its|their|[A-Z])")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each clause of the sentence ``text[start:end]``."""
    seps = []
    m = _LEAD.match(text, start)
    if m:
        comma = text.find(", ", m.end(), end)
        if comma != -1:
            seps.append((comma, comma + 2))
    for sc in _CUT.finditer(text, start, end):
        a, b = sc.start(), sc.end()
        if text.startswith("and", b):
            # ", and X" starts a new clause only after a long segment ("A, B, and C" is a list)
            prev = max([start] + [x for _, x in seps if x <= a] + [k + 1 for k in range(start, a) if text[k] == ","])
            if not _NEW_SUBJECT.match(text, b) or len(text[prev:a].split()) <= 3:
                continue
        seps.append((a, b))
    seps.sort()
    out, pos = [], start
    for a, b in seps:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if end > pos:
        out.append((pos, end))
    return out
