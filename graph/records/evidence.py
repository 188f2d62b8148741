"""A relation's evidence: for a text source a verbatim quote, for a dataset source the event's record.

A quote is checked against the source's stored text (quote marks, dashes and
spacing normalised, nothing else); when it is not there, the message shows
the closest passage and where the two first differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Evidence
from ..texts import normalise, quote_mismatch
from ..words import short, suggest
from .fields import Ctx, kind_of
from .ids import close_ids

if TYPE_CHECKING:
    from . import Records

__all__ = ["evidence"]

_NEEDED = "a relation needs evidence: at least one {source, quote} whose quote is verbatim in the source"
_FIELDS = ("source", "quote", "record")


def _source(ctx, ev, i, out):
    """The evidence item's source id when it is known, else ``None`` (reported unless left unchecked)."""
    src = ev.get("source")
    if src is None or isinstance(src, (dict, list)):
        ctx.report(
            ("evidence", i) + (("source",) if src is not None else ()),
            f"evidence item {i + 1} needs 'source': the id of a source",
        )
        return None
    src = str(src)
    if src in out.invalid_sources:
        return None
    if src not in out.sources:
        if out.incomplete:
            out.unchecked += 1
        else:
            ctx.report(
                ("evidence", i, "source"),
                f"unknown source '{short(src)}' in evidence{close_ids(out, src, out.sources, 'source')}",
            )
        return None
    return src


def _item(ctx, ev, i, out):
    """One evidence item as :class:`Evidence`, or ``None`` (reported)."""
    for k in ev:
        if k not in _FIELDS:
            ctx.report(
                ("evidence", i, k),
                f"unknown field '{short(k)}' in evidence{suggest(k, _FIELDS)}; "
                "evidence has the fields: source, quote (from a text), record (from a dataset)",
                key=True,
            )
    src = _source(ctx, ev, i, out)
    quote, record = ev.get("quote"), ev.get("record")
    dataset = src is not None and out.sources[src].kind == "dataset"
    if dataset:
        if record is None or isinstance(record, (dict, list)) or not str(record).strip():
            ctx.report(
                ("evidence", i) + (("record",) if record is not None else ()),
                f"evidence item {i + 1} is from the dataset '{src}': it needs 'record', the id (or URL) "
                "of the event it was read from",
            )
            return None
        return Evidence(src, None if quote is None else str(quote), str(record))
    if record is not None and "record" in ev:
        ctx.report(
            ("evidence", i, "record"),
            "'record' is for evidence from a dataset source (kind: dataset); evidence from a text gives the 'quote'",
            key=True,
        )
    if quote is None or isinstance(quote, (dict, list)) or not str(quote).strip():
        ctx.report(
            ("evidence", i) + (("quote",) if quote is not None else ()),
            f"evidence item {i + 1} needs 'quote': the source's own words, verbatim",
        )
        return None
    if src is None:
        return None
    quote = str(quote)
    stored = out.texts.get(src)
    if stored is not None and normalise(quote) not in stored:
        ctx.report(
            ("evidence", i, "quote"),
            f"quote is not verbatim in the text of source '{src}': {quote_mismatch(out.raw_texts[src], quote)}",
        )
    return Evidence(src, quote)


def evidence(ctx: Ctx, out: Records) -> tuple[Evidence, ...]:
    """The record's ``evidence`` as a tuple of :class:`Evidence` (empty when none is valid)."""
    v = ctx.values.get("evidence")
    if v is None:
        ctx.report(("evidence",) if "evidence" in ctx.values else (), _NEEDED, key=True)
        return ()
    if not isinstance(v, list) or not v:
        ctx.report(
            ("evidence",),
            _NEEDED if isinstance(v, list) else f"'evidence' must be a list of {{source, quote}}, found {kind_of(v)}",
        )
        return ()
    found = []
    for i, ev in enumerate(v):
        if not isinstance(ev, dict):
            ctx.report(
                ("evidence", i), f"evidence item {i + 1} must be a mapping {{source, quote}}, found {kind_of(ev)}"
            )
            continue
        item = _item(ctx, ev, i, out)
        if item is not None:
            found.append(item)
    return tuple(found)
