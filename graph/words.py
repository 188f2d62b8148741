"""Putting things in words: counts with their plural, cut strings, aligned text tables.

>>> plural(1, "claim"), plural(3, "entity", "entities")
('1 claim', '3 entities')
>>> short("Pakistan says the talks will go on", 20)
'Pakistan says the...'
>>> print(text_table([["PAK", 0.5]], ["id", "score"]))
id   score
---  -----
PAK  0.500
"""

from __future__ import annotations

__all__ = ["plural", "short", "text_table"]


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
