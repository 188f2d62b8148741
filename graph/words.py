"""Putting things in words: counts with their plural, cut strings, did-you-mean hints, aligned text tables.

>>> plural(1, "claim"), plural(3, "entity", "entities")
('1 claim', '3 entities')
>>> short("Pakistan says the talks will go on", 20)
'Pakistan says the...'
>>> suggest("PAKISTN", ["PAK", "USA"])
" (did you mean 'PAK'?)"
>>> print(text_table([["PAK", 0.5]], ["id", "score"]))
id   score
---  -----
PAK  0.500
"""

from __future__ import annotations

import difflib
from functools import lru_cache

__all__ = ["plural", "short", "suggest", "text_table"]


def plural(n, word, many=None):
    """``'1 claim'``, ``'2 claims'``; *n* may be a number or a collection; *many* for irregular plurals."""
    if not isinstance(n, (int, float)):
        n = len(n)
    return f"{n} {word if n == 1 else (many or word + 's')}"


def short(v, n=60):
    """*v* as text, cut to *n* characters with '...'."""
    s = str(v)
    return s if len(s) <= n else s[: n - 3] + "..."


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v).replace("\n", " ")


def text_table(rows, headers, widths=None):
    """Rows as an aligned text table; cells longer than *widths* are cut with '…'; floats show 3 decimals."""
    rows = [[_cell(c) for c in r] for r in rows]
    widths = widths or [None] * len(headers)
    cols = []
    for i, h in enumerate(headers):
        w = max([len(h)] + [len(r[i]) for r in rows])
        cols.append(min(w, widths[i]) if widths[i] else w)

    def cut(s, w):
        return s if len(s) <= w else s[: w - 1] + "…"

    lines = [
        "  ".join(h.ljust(w) for h, w in zip(headers, cols, strict=True)).rstrip(),
        "  ".join("-" * w for w in cols),
    ]
    lines += ["  ".join(cut(c, w).ljust(w) for c, w in zip(r, cols, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def suggest(word, choices, n=3):
    """Return `` (did you mean 'X'?)`` for close matches of *word*, or ``''``.

    Matching ignores case. The answer for a short list of *choices* (a vocabulary) is
    remembered: a million records with the same misspelt type cost one search.

    >>> suggest("PAKISTN", ["PAK", "USA"])
    " (did you mean 'PAK'?)"
    >>> suggest("ACUSE", ["ACCUSE", "AID"])
    " (did you mean 'ACCUSE'?)"
    >>> suggest("zzz", ["PAK"])
    ''
    """
    choices = tuple(str(c) for c in choices)
    if len(choices) <= 64:
        return _suggest_remembered(str(word), choices, n)
    return _suggest(str(word), choices, n)


def _suggest(word, choices, n):
    by_lower = {}
    for c in choices:
        by_lower.setdefault(c.lower(), c)
    lower = word.lower()
    hits = [by_lower[m] for m in difflib.get_close_matches(lower, list(by_lower), n=n, cutoff=0.6)]
    # a prefix match (PAKISTN -> PAK) is a good hint too when nothing closer exists
    if not hits:
        hits = [c for low, c in by_lower.items() if len(low) >= 2 and lower.startswith(low)][:n]
    if not hits:
        return ""
    return " (did you mean " + " or ".join(f"'{h}'" for h in hits) + "?)"


_suggest_remembered = lru_cache(maxsize=4096)(_suggest)
