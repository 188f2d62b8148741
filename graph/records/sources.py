"""Building the sources: their fields, and their stored texts (inside the data folder, read once).

>>> from graph.read.base import RecordLocator, Piece
>>> from graph.records import Records, Options
>>> out = Records()
>>> build_sources([Piece("sources", {"id": "s1", "title": "T", "url": "ftp://x"}, RecordLocator("s.jsonl", 1))],
...               out, Options())
>>> print(out.problems[0])
s.jsonl:1: source 's1': 'url' must be a web address starting with http:// or https://, found 'ftp://x'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Source
from ..read.base import Piece
from ..texts import Passages, normalise, read_text, resolve_text
from ..vocab import SOURCE_KINDS
from ..words import short
from .fields import choice, text, when
from .ids import Ids, begin
from .known import check_fields

if TYPE_CHECKING:
    from . import Options, Records

__all__ = ["build_sources"]

_URL = re.compile(r"https?://[^\s]+\Z", re.I)


def _stored_text(ctx, piece, out, options, cache):
    """The stored text's path (and its text in *cache*), reporting what keeps it from being read."""
    value = text(ctx, "text")
    if value is None:
        return None, None
    if not value.strip():
        ctx.report(
            ("text",),
            "'text' is empty: give the path of the stored text (relative to this data file), or leave 'text' out",
        )
        return None, None
    path, outside = resolve_text(value, piece.base_dir, options.root, allow_outside=options.allow_texts_outside)
    if outside:
        ctx.report(("text",), outside)
        return value, None
    if path not in cache:
        try:
            cache[path] = read_text(path, options.max_text_bytes, what=f"the stored text '{short(value)}'")
        except ValueError as exc:
            cache[path] = None
            msg = str(exc)
            if "no such file" in msg:
                msg += f" (looked for {path}: the path is relative to this data file)"
            ctx.report(("text",), msg)
    return value, path


def build_sources(pieces: Iterable[Piece], out: Records, options: Options) -> None:
    """Validate the source *pieces* into ``out.sources`` (and their texts into ``out.texts``)."""
    ids = Ids("source")
    cache: dict[str, str | None] = {}  # stored text path -> its text (None: unreadable, reported)
    for piece in pieces:
        ctx, rid = begin(piece, "source", out.problems, out.invalid_sources)
        if ctx is None:
            continue
        fresh = ids.claim(rid, ctx)
        check_fields(ctx, "sources")
        title = text(ctx, "title")
        kind = choice(ctx, "kind", SOURCE_KINDS, "source kind")
        published = when(ctx, "published")
        url = text(ctx, "url")
        if url is not None and not _URL.match(url):
            ctx.report(("url",), f"'url' must be a web address starting with http:// or https://, found '{short(url)}'")
            url = None
        stored, path = _stored_text(ctx, piece, out, options, cache)
        src = Source(
            id=rid or "",
            title=title,
            kind=kind,
            published=published,
            author=text(ctx, "author"),
            outlet=text(ctx, "outlet"),
            url=url,
            perspective=text(ctx, "perspective"),
            text=stored,
            note=text(ctx, "note"),
            where=ctx.where(),
            text_path=path,
        )
        if fresh:
            out.sources[rid] = src
            stored = cache.get(path) if path else None
            if stored is not None:
                out.raw_texts[rid] = stored
                out.texts[rid] = Passages(normalise(stored))
        elif rid is not None:
            out.invalid_sources.add(rid)
