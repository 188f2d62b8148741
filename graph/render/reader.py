"""The reader panel's data: each source's stored text and where every quote of every claim is in it.

Quotes are found as the validator checks them: after normalising quote
marks, dashes and white space (:func:`graph.texts.normalise`), so a
quote written with straight quotes is found in a text with typographic ones.
Offsets are in UTF-16 code units, the way JavaScript counts a string.

>>> text = "The spokesman said: \u201cwe did not leave it.\u201d  Later,  a lawmaker disagreed."
>>> marks, missing = find_marks(text, [("r1", '"we did not leave it."'), ("r2", "a lawmaker"), ("r3", "absent")])
>>> [(text[s:e], rid) for s, e, rid in marks]
[('\u201cwe did not leave it.\u201d', 'r1'), ('a lawmaker', 'r2')]
>>> missing
['r3']
"""

from __future__ import annotations

import os

from ..texts import normalise, normalised_with_offsets

__all__ = ["find_marks", "reader_data", "MAX_TEXT_CHARS"]

MAX_TEXT_CHARS = 5_000_000
"""A stored text longer than this is not embedded in the page (the reader says so)."""


def _utf16(text):
    """A function from code-point offsets of *text* to UTF-16 offsets."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    prefix = [0]
    for c in text:
        prefix.append(prefix[-1] + (2 if ord(c) >= 0x10000 else 1))
    return prefix.__getitem__


def find_marks(text, quotes):
    """Where each ``(key, quote)`` of *quotes* is in *text*: ``(marks, missing)``.

    ``marks``: ``(start, end, key)`` of the first place each quote is found,
    sorted by start, longer first (UTF-16 offsets into *text*); ``missing``:
    the keys whose quote is not in the text.
    """
    marks, missing = [], []
    for key, span in _located(text, quotes):
        if span is None:
            missing.append(key)
        else:
            marks.append((span[0], span[1], key))
    marks.sort(key=lambda m: (m[0], -m[1]))
    return marks, missing


def _located(text, quotes):
    """``(key, (start, end) or None)`` for each ``(key, quote)`` of *quotes*, in order (UTF-16
    offsets); each distinct quote is looked for once (several claims often quote the same words)."""
    norm, where = normalised_with_offsets(text)
    to16 = _utf16(text)
    found = {}
    out = []
    for key, quote in quotes:
        try:
            span = found[quote]
        except KeyError:
            q = normalise(quote or "")
            pos = norm.find(q) if q else -1
            span = found[quote] = None if pos < 0 else (to16(where[pos]), to16(where[pos + len(q) - 1] + 1))
        out.append((key, span))
    return out


def _read(path):
    try:
        if os.path.getsize(path) > 4 * MAX_TEXT_CHARS:
            return None
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError):
        return None
    return text if len(text) <= MAX_TEXT_CHARS else None


def reader_data(ds, relations, texts=None) -> dict:
    """``{source id: {"text", "marks", "missing"}}`` for every source of *ds* with a stored text.

    *texts* maps source ids to their text (default: each source's stored
    file, ``Source.text_path``, as the loader resolved it). ``marks`` are
    ``[start, end, relation id, evidence index]``.
    """
    out = {}
    by_source = {}  # source id -> [((relation id, evidence index), quote)], in the relations' order
    for r in relations:
        for k, ev in enumerate(r.evidence):
            if ev.quote:
                by_source.setdefault(ev.source, []).append(((r.id, k), ev.quote))
    for sid, s in ds.sources.items():
        text = (texts or {}).get(sid)
        if text is None and s.text_path:
            text = _read(s.text_path)
        if text is None:
            continue
        marks, missing = find_marks(text, by_source.get(sid, []))
        out[sid] = {
            "text": text,
            "marks": [[a, b, key[0], key[1]] for a, b, key in marks],
            "missing": list(dict.fromkeys(key[0] for key in missing)),
        }
    return out
