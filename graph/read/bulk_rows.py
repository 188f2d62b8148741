"""One row of a bulk file as a record's fields: nulls dropped, flat evidence and dotted columns nested.

The columns of a bulk file are the data format's field names, plus, for flat
tables, ``source`` with ``quote`` or ``record`` (one evidence item) and
``codes.NAME`` / ``attributes.NAME`` (one key of ``codes`` / ``attributes``);
:func:`record_values` makes the record of one row, as the YAML reader would have
read it, and :func:`columns_of` which column each field is located at.

>>> record_values({"id": "r1", "source": "s", "record": "ev-1", "attributes.n": 3, "note": None}, "relations")
({'id': 'r1', 'attributes': {'n': 3}, 'evidence': [{'source': 's', 'record': 'ev-1'}]}, None)
>>> columns_of(["id", "source", "record", "attributes.n"], "relations")
{'id': 1, 'evidence': 2, 'attributes': 4}
"""

from __future__ import annotations

import datetime as _dt

from ..words import short
from .base import Plain

__all__ = ["record_values", "columns_of", "EVIDENCE_COLUMNS"]

EVIDENCE_COLUMNS = ("source", "quote", "record")
"""Flat evidence columns: one evidence item per row."""
_NESTED = ("codes", "attributes")


_EXACT = 10**20


_AS_THEY_ARE = frozenset((str, float, bool, type(None)))


def _plain(v):
    t = type(v)
    if t in _AS_THEY_ARE:
        return v
    if t is int and not -_EXACT < v < _EXACT:
        return Plain(str(v))  # an integer past 20 digits: its text (as YAML keeps it)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, list):
        if v and all(isinstance(x, tuple) and len(x) == 2 for x in v):  # a Parquet map
            return {str(k): _plain(x) for k, x in v}
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items() if x is not None}
    return v


def record_values(row: dict, kind: str):
    """``(values, clash)``: one row's cells as the record's fields (nulls dropped, flat evidence and
    dotted columns nested, integers past 20 digits made text, as YAML keeps them), and a message when a
    field is given twice -- as a whole and by dotted columns (``codes`` and ``codes.iso3``) -- else ``None``
    (the first one given is kept).

    >>> record_values({"id": "E", "codes": "x", "codes.iso3": "EEE"}, "entities")
    ({'id': 'E', 'codes': 'x'}, "'codes' is given twice, whole and as 'codes.iso3': give it once")
    """
    out, ev, dotted, clash = {}, {}, set(), None
    flat = kind == "relations" and "evidence" not in row
    for k, v in row.items():
        if type(v) not in _AS_THEY_ARE:
            v = _plain(v)
        if v is None:
            continue
        if "." not in k:
            head = dot = None
        else:
            head, dot, tail = k.partition(".")
        if dot and head in _NESTED:
            if head in out and head not in dotted:
                clash = clash or f"'{head}' is given twice, whole and as '{short(k)}': give it once"
                continue
            out.setdefault(head, {})[tail] = v
            dotted.add(head)
        elif flat and k in EVIDENCE_COLUMNS:
            ev[k] = v
        elif k in dotted:
            clash = clash or f"'{k}' is given twice, whole and as '{k}.NAME' columns: give it once"
        else:
            out[k] = v
    if ev:
        out["evidence"] = [ev]
    return out, clash


def columns_of(names, kind):
    """Field -> the 1-based number of the (first) column it is read from."""
    cols = {}
    for i, name in enumerate(names, 1):
        head = name.partition(".")[0]
        key = "evidence" if kind == "relations" and name in EVIDENCE_COLUMNS else head
        cols.setdefault(key, i)
    return cols
