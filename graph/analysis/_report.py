"""Small helpers shared by the analyses: text tables, HTML tables, names."""

from __future__ import annotations

import html

__all__ = ["text_table", "html_table", "entity_name", "plural"]


def plural(n, word, many=None):
    """``'1 claim'``, ``'2 claims'``; *many* for irregular plurals.

    >>> plural(1, "claim"), plural(3, "entity", "entities")
    ('1 claim', '3 entities')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def entity_name(ds, eid):
    """The display name of entity *eid* (its id when the entity is not in *ds*)."""
    e = ds.entities.get(eid)
    return e.name if e is not None else str(eid)


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v).replace("\n", " ")


def text_table(rows, headers, widths=None):
    """Rows as an aligned text table; cells longer than *widths* are cut with '…'.

    >>> print(text_table([["PAK", 0.5]], ["id", "score"]))
    id   score
    ---  -----
    PAK  0.500
    """
    rows = [[_cell(c) for c in r] for r in rows]
    widths = widths or [None] * len(headers)
    cols = []
    for i, h in enumerate(headers):
        w = max([len(h)] + [len(r[i]) for r in rows])
        cols.append(min(w, widths[i]) if widths[i] else w)

    def cut(s, w):
        return s if len(s) <= w else s[: w - 1] + "…"

    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, cols)).rstrip(),
             "  ".join("-" * w for w in cols)]
    lines += ["  ".join(cut(c, w).ljust(w) for c, w in zip(r, cols)).rstrip() for r in rows]
    return "\n".join(lines)


def html_table(rows, headers, caption=None):
    """Rows as an escaped HTML table (for notebooks).

    >>> html_table([["<b>"]], ["x"])
    '<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(c))}</td>" for c in r) + "</tr>" for r in rows)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
