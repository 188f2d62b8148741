"""Finding a quote in a text (private fallback until ``graph/texts.py`` provides these).

Offsets are in the raw text; the comparison is after normalising quotes, dashes
and spacing as :mod:`graph.textnorm` does. :func:`quote_mismatch` says, for a quote
that is not there, which passage comes closest, on which line, and where the two
first differ.

>>> text = "Line one.\\nPakistan’s leaders  met – twice."
>>> s, e = find_quote(text, "Pakistan's leaders met - twice")
>>> text[s:e]
'Pakistan’s leaders  met – twice'
>>> find_quote(text, "Pakistan's leader met") is None
True
>>> print(quote_mismatch(text, "Pakistan's leaders met thrice"))
closest passage, line 2: "Pakistan’s leaders  met – twice"
  they differ at character 24 of the quote: "thrice" where the text has "- twice."
"""

from __future__ import annotations

import difflib

from ..textnorm import _TABLE

__all__ = ["find_quote", "quote_mismatch"]


def _normalised(text):
    """(normalised text, offset in *text* of each normalised character)."""
    out, where, space = [], [], False
    for i, ch in enumerate(text):
        t = ch.translate(_TABLE)
        if not t:
            continue
        if t.isspace():
            if out and not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for c in t:
            out.append(c)
            where.append(i)
    return "".join(out), where


def find_quote(text: str, quote: str):
    """``(start, end)`` of *quote* in *text* (raw offsets), or None."""
    n, where = _normalised(text)
    q, _ = _normalised(quote)
    q = q.strip()
    if not q:
        return None
    k = n.find(q)
    if k == -1:
        return None
    return where[k], where[k + len(q) - 1] + 1


def quote_mismatch(text: str, quote: str) -> str:
    """The closest passage of *text* to *quote*, its line, and where they first differ."""
    n, where = _normalised(text)
    q = _normalised(quote)[0].strip()
    if not q or not n:
        return "the quote is empty" if not q else "the text is empty"
    sm = difflib.SequenceMatcher(None, n, q, autojunk=False)
    best = max(sm.get_matching_blocks(), key=lambda b: b.size)
    w0 = max(0, best.a - best.b - len(q))
    window = n[w0:best.a + 2 * len(q)]
    blocks = [b for b in difflib.SequenceMatcher(None, window, q, autojunk=False).get_matching_blocks() if b.size]
    first, last = blocks[0], blocks[-1]
    start = max(0, w0 + first.a - first.b)
    stop = w0 + last.a + last.size + (len(q) - last.b - last.size)
    cand = n[start:max(stop, start + len(q)) + 2]
    k = next((i for i, (a, b) in enumerate(zip(cand, q)) if a != b), min(len(cand), len(q)))
    raw_s = where[start] if start < len(where) else len(text)
    raw_e = where[min(max(stop, start + 1), len(where)) - 1] + 1
    line = text.count("\n", 0, raw_s) + 1
    passage = text[raw_s:raw_e].strip()
    there = cand[k:k + 12].strip() or "the end of the text"
    return (f'closest passage, line {line}: "{passage}"\n'
            f'  they differ at character {k + 1} of the quote: "{q[k:k + 12].strip()}" where the text has "{there}"')
