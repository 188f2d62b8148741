"""Stored source texts: kept inside the data folder, read safely, normalised, and quotes found in them.

A source's ``text`` names the file that holds its full text, relative to the
data file. :func:`resolve_text` keeps that file inside the data folder being
loaded (after following symbolic links); :func:`read_text` reads it as UTF-8
within the size limit. :func:`find_quote` finds a quote in a text the way the
validator checks it (quote marks, dashes and spacing normalised, nothing
else), and :func:`quote_mismatch` says, for a quote that is not there, which
passage comes closest and where the two first differ. :func:`normalise` is that
normalising: typographic quotes become straight ones, dashes and minus signs
``-``, the ellipsis character ``...``, non-breaking and other spaces a plain
space, and runs of white space fold into one; nothing else changes (case and
words must match exactly).

Examples
--------
>>> normalise("Pakistan\u2019s security crisis \u2013 stemming")
"Pakistan's security crisis - stemming"
>>> normalise("  a\\n\\n  b ")
'a b'
>>> text = "The minister spoke during aninterview on Friday.\\nTalks go on."
>>> find_quote(text, "Talks  go on")
(49, 60)
>>> find_quote(text, "during an interview") is None
True
>>> print(quote_mismatch(text, "during an interview on Friday"))  # doctest: +NORMALIZE_WHITESPACE
the text has 'aninterview' where the quote has 'an interview' (a space that the text does not have);
the closest passage, at line 1: "during aninterview on Friday"
"""

from __future__ import annotations

import difflib
import os
import re

from .read.safe import MAX_BYTES, ReadProblem, decode_utf8, read_limited
from .words import short

__all__ = [
    "normalise",
    "resolve_text",
    "inside",
    "read_text",
    "find_quote",
    "quote_mismatch",
    "normalised_with_offsets",
    "Passages",
]


_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
_WS = re.compile(r"\s+")
# printable ASCII with single inner spaces: what normalising leaves as it is (most quotes)
_SETTLED = re.compile(r"[!-~]+(?: [!-~]+)*\Z")


def normalise(text: str) -> str:
    """Return *text* with quotes, dashes and white space normalised."""
    if text.isascii() and _SETTLED.match(text):
        return text
    return _WS.sub(" ", text.translate(_TABLE)).strip()


class Passages:
    """A normalised source text that answers ``quote in passages`` fast when asked many times.

    ``in`` on a long text reads it from the start for every quote (14 us for 37 kB);
    after :attr:`EAGER` questions, the start of every run of :attr:`K` characters
    is indexed once, and a quote is looked for only where its first (or last) K
    characters stand; a quote asked again is answered from memory (up to
    :attr:`MAX_REMEMBERED` of them). The answer is always the one ``quote in text`` gives.

    >>> p = Passages("the border was closed; the border reopened")
    >>> [q in p for q in ("border reopened", "order was", "closed", "borders")] * 1
    [True, True, True, False]
    """

    K = 8
    EAGER = 32
    MAX_INDEXED = 4_000_000  # characters; a longer text is always searched from the start
    MAX_REMEMBERED = 200_000  # answers kept: several claims often quote the same words

    __slots__ = ("text", "asked", "starts", "answers")

    def __init__(self, text):
        self.text, self.asked, self.starts, self.answers = text, 0, None, {}

    def __contains__(self, quote):
        answers = self.answers
        known = answers.get(quote)
        if known is None:
            known = self._find(quote)
            if len(answers) < self.MAX_REMEMBERED:
                answers[quote] = known
        return known

    def _find(self, quote):
        text, k = self.text, self.K
        if len(quote) < k or len(text) > self.MAX_INDEXED:
            return quote in text
        starts = self.starts
        if starts is None:
            self.asked += 1
            if self.asked <= self.EAGER:
                return quote in text
            starts = self.starts = {}
            for i in range(len(text) - k + 1):
                run = text[i : i + k]
                found = starts.get(run)
                if found is None:
                    starts[run] = [i]
                else:
                    found.append(i)
        places = starts.get(quote[:k])
        if places is None:
            return False
        j = len(quote) - k
        if len(places) > 8 and j >= k:  # a common start: the quote's last run may be rarer
            last = starts.get(quote[j:])
            if last is None:
                return False
            if len(last) < len(places):
                return any(text.startswith(quote, i - j) for i in last if i >= j)
        if len(places) > 64:  # common runs: one search from the first place is cheaper
            return text.find(quote, places[0]) >= 0
        return any(text.startswith(quote, i) for i in places)


def resolve_text(text, base_dir, root, *, allow_outside=False):
    """The path of the stored text *text* (as written in a data file in *base_dir*).

    Returns ``(path, problem)``: *problem* is a message when the file lies
    outside the folder *root* (the data folder being loaded) after following
    symbolic links, unless *allow_outside*.

    >>> print(resolve_text("../../../../../../../../etc/hostname", "data/seed", "data")[1])
    ... # doctest: +NORMALIZE_WHITESPACE
    the stored text '../../../../../../../../etc/hostname' is outside the data folder 'data':
    keep stored texts inside the data folder, or allow it on purpose with --allow-texts-outside
    """
    path = os.path.normpath(os.path.join(base_dir or ".", text))
    if allow_outside:
        return path, None
    real = os.path.realpath(path)
    if inside(path, root or "."):
        return path, None
    link = f" (a symbolic link to {real})" if real != os.path.abspath(path) else ""
    return path, (
        f"the stored text '{short(text)}' is outside the data folder '{root or '.'}'{link}: keep stored "
        "texts inside the data folder, or allow it on purpose with --allow-texts-outside"
    )


def inside(path, folder):
    """True when *path* lies in *folder* (or is it), after following symbolic links.

    >>> inside("data/texts/a.txt", "data"), inside("data/../etc/hostname", "data")
    (True, False)
    """
    top = os.path.realpath(folder)
    real = os.path.realpath(path)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def read_text(path, max_bytes=MAX_BYTES, what="the stored text"):
    """The text of the stored text file *path*, as read (not normalised); raise ValueError.

    Only a regular file of at most *max_bytes* is read (never a pipe or a device).
    """
    try:
        data = read_limited(path, max_bytes, what=what)
    except ReadProblem as exc:
        raise ValueError(str(exc)) from None
    text, problem = decode_utf8(data, path)
    if problem is not None:
        where = f"line {problem.line}, column {problem.col}: " if problem.line else ""
        raise ValueError(f"{what}: {where}{problem.message}".replace("the file", "it"))
    return text


_SPECIAL = re.compile(r"\s+|[" + re.escape("".join(chr(k) for k in _TABLE)) + "]")


def normalised_with_offsets(text):
    """``(normalised text, offsets)``: :func:`normalise` of *text*, and for
    each of its characters the index of the character of *text* it comes from.

    Runs of ordinary characters are copied whole; only white space and the characters
    :func:`normalise` translates are looked at one by one.

    >>> normalised_with_offsets("a \u2014  b ")
    ('a - b', [0, 1, 2, 3, 5])
    """
    out, where = [], []
    pos, space = 0, True  # leading white space is dropped, runs fold into one
    for m in _SPECIAL.finditer(text):
        a, b = m.span()
        if a > pos:
            out.append(text[pos:a])
            where.extend(range(pos, a))
            space = False
        tok = m.group()
        if tok[0].isspace():
            if not space:
                out.append(" ")
                where.append(a)
                space = True
        else:
            t = tok.translate(_TABLE)
            if t:
                out.append(t)
                where.extend([a] * len(t))
                space = False
        pos = b
    if pos < len(text):
        out.append(text[pos:])
        where.extend(range(pos, len(text)))
    norm = "".join(out)
    if norm.endswith(" "):
        norm = norm[:-1]
        where.pop()
    return norm, where


def find_quote(text, quote, start=0):
    """``(start, end)`` offsets in *text* of the first place from *start* that holds *quote*
    (quote marks, dashes and spacing normalised), or ``None``."""
    norm, offsets = normalised_with_offsets(text)
    q = normalise(quote)
    if not q:
        return None
    lo = next((k for k, o in enumerate(offsets) if o >= start), len(offsets))
    i = norm.find(q, lo)
    if i < 0:
        return None
    return offsets[i], offsets[i + len(q) - 1] + 1


_WORD = re.compile(r"\S+")
LONG = 1000
"""Quotes longer than this (in characters) are matched to the text by their longest start or end
found in it, not word by word: the comparison of two texts word by word (difflib) takes time that
grows with the product of their lengths, and a 30 kB quote would take minutes."""
_ANCHOR = 16
_WORDS_COMPARED = 64


def _longest(norm, q, suffix=False):
    """``(length, start)``: the longest start (or end) of *q* found in *norm*, and where it begins.
    Binary search over the length: ``find`` is linear, so this costs O(len(norm) * log(len(q)))."""
    lo, hi, at = 0, len(q), 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        i = norm.find(q[len(q) - mid :] if suffix else q[:mid])
        if i >= 0:
            lo, at = mid, i
        else:
            hi = mid - 1
    return lo, at


def _anchored(norm, q):
    """``(start, end)`` of the passage a long quote lines up with, by its longest start or end found
    in the text; ``None`` when neither is long enough to tell."""
    n, at = _longest(norm, q)
    if n >= _ANCHOR:
        return at, min(len(norm), at + len(q))
    n, at = _longest(norm, q, suffix=True)
    if n >= _ANCHOR:
        return max(0, at + n - len(q)), at + n
    return None


def _closest(norm, q):
    """``(start, end)`` in *norm* of the passage that best matches *q*, or ``None``."""
    if len(q) > LONG:
        found = _anchored(norm, q)
        if found is not None:
            return found
    spans = [m.span() for m in _WORD.finditer(norm)]
    words = [norm[a:b] for a, b in spans]
    qwords = q.split(" ")
    # (the first words suffice to line the quote up; more would cost their number times the text's)
    sm = difflib.SequenceMatcher(None, qwords[:_WORDS_COMPARED], words, autojunk=False)
    i, j, k = sm.find_longest_match(0, min(len(qwords), _WORDS_COMPARED), 0, len(words))
    if k == 0:
        # not one whole word in common: look for the longest common run of characters (of its start)
        head = q[:_WORDS_COMPARED]
        sm = difflib.SequenceMatcher(None, head, norm, autojunk=False)
        i, j, k = sm.find_longest_match(0, len(head), 0, len(norm))
        if k < 4:
            return None
        return max(0, j - i), min(len(norm), j - i + len(q))
    # the words that line up with the quote, one more on each side (a word the text splits or merges)
    first = max(0, j - i - 1)
    last = min(len(words), j - i + len(qwords) + 1)
    a, b = spans[first][0], spans[last - 1][1]
    if len(q) > LONG:
        return a, b
    # crop the window to what lines up with the quote, ignoring chance matches of a letter or two
    blocks = difflib.SequenceMatcher(None, norm[a:b], q, autojunk=False).get_matching_blocks()
    blocks = [bl for bl in blocks if bl.size >= 3] or [bl for bl in blocks if bl.size]
    if not blocks:
        return None
    start = a + max(0, blocks[0].a - blocks[0].b)
    end = a + min(b - a, blocks[-1].a + blocks[-1].size + (len(q) - blocks[-1].b - blocks[-1].size))
    return start, end


def _word_around(s, i, j):
    """The words of *s* that the span i..j touches (at least the word at *i*)."""
    a = i
    while a > 0 and not s[a - 1].isspace():
        a -= 1
    b = max(j, i)
    while b < len(s) and not s[b].isspace():
        b += 1
    return s[a:b].strip() or s[a:b]


def _difference(passage, q):
    """How *passage* and the quote *q* first differ, in words.

    >>> _difference("mediate between the two sides", "mediate between both sides")
    "the text has 'the two' where the quote has 'both'"
    """
    if max(len(passage), len(q)) > LONG:  # compare around where they first differ, not the whole
        k = max(0, len(os.path.commonprefix([passage, q])) - 200)
        passage, q = passage[k : k + LONG], q[k : k + LONG]
    ops = [op for op in difflib.SequenceMatcher(None, passage, q, autojunk=False).get_opcodes()]
    first = next((k for k, op in enumerate(ops) if op[0] != "equal"), None)
    if first is None:
        return "the quote and the passage differ"
    tag, i1, i2, j1, j2 = ops[first]
    # one difference: changes joined by runs of fewer than 3 equal characters (letters of chance)
    k = first + 1
    while k + 1 < len(ops) and ops[k][0] == "equal" and ops[k][2] - ops[k][1] < 3:
        i2, j2 = ops[k + 1][2], ops[k + 1][4]
        k += 2
    has, wants = _word_around(passage, i1, i2), _word_around(q, j1, j2)
    why = ""
    if k == first + 1 and tag == "delete" and not passage[i1:i2].strip():
        why = " (a space that the quote does not have)"
    elif k == first + 1 and tag == "insert" and not q[j1:j2].strip():
        why = " (a space that the text does not have)"
    if has == wants:  # the difference is at an edge of a word
        has, wants = passage[max(0, i1 - 10) : i2 + 10], q[max(0, j1 - 10) : j2 + 10]
    return f"the text has '{short(has, 50)}' where the quote has '{short(wants, 50)}'{why}"


def quote_mismatch(text, quote):
    """Why *quote* is not verbatim in *text*: the closest passage, its line, and the first difference."""
    norm, offsets = normalised_with_offsets(text)
    q = normalise(quote)
    where = _closest(norm, q) if q else None
    if where is None:
        return "no passage of the text comes close to it"
    start, end = where
    while start > 0 and norm[start - 1].isalnum():
        start -= 1
    while end < len(norm) and norm[end].isalnum():
        end += 1
    passage = norm[start:end]
    line = text.count("\n", 0, offsets[start]) + 1 if offsets else 1
    return f'{_difference(passage, q)}; the closest passage, at line {line}: "{short(passage, 200)}"'
