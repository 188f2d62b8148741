"""HTML tables and entity names for the analyses' reports (text tables and plurals: graph.words)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..words import _cell, plural, text_table

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["text_table", "html_table", "entity_name", "plural"]


def entity_name(ds: Dataset, eid: str) -> str:
    """The display name of entity *eid* (its id when the entity is not in *ds*, nor in the dataset of a view)."""
    e = ds.entities.get(eid) or getattr(ds, "all_entities", {}).get(eid)
    return e.name if e is not None else str(eid)


def html_table(rows: Iterable[Sequence[object]], headers: Iterable[str], caption: str | None = None) -> str:
    """Rows as an escaped HTML table (for notebooks).

    >>> html_table([["<b>"]], ["x"])
    '<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(c))}</td>" for c in r) + "</tr>" for r in rows)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
