"""How the load cache writes values and records as JSON: text written without quotes told apart from
quoted text, records with their place in their file (see :mod:`graph.cache`).

>>> encode_values({"id": "PAK", "n": 3, "names": ["x"]}) == {"id": "sPAK", "n": 3, "names": ["sx"]}
True
>>> decode_values(encode_values({"a": [None, 2.5, True]}))
{'a': [None, 2.5, True]}
"""

from __future__ import annotations

from .model import Entity, Source, to_dict
from .read.base import Plain
from .when import parse_when

__all__ = ["encode_values", "decode_values", "record_json", "source_of", "entity_of"]


# -- plain values <-> JSON (text written without quotes stays told apart) -------------------


def encode_values(v):
    """Plain values as JSON values: text becomes ``"s..."``, text written without quotes ``"p..."``."""
    if isinstance(v, str):
        return ("p" if isinstance(v, Plain) else "s") + v
    if isinstance(v, dict):
        return {k: encode_values(x) for k, x in v.items()}
    if isinstance(v, list):
        return [encode_values(x) for x in v]
    return v


def decode_values(v):
    """The inverse of :func:`encode_values`."""
    if isinstance(v, str):
        return Plain(v[1:]) if v[:1] == "p" else v[1:]
    if isinstance(v, dict):
        return {k: decode_values(x) for k, x in v.items()}
    if isinstance(v, list):
        return [decode_values(x) for x in v]
    return v


# -- records <-> JSON ---------------------------------------------------------------------------


def record_json(r, files):
    d = to_dict(r)
    d["where"] = [files.setdefault(r.where[0], len(files)), *r.where[1:]]
    if isinstance(r, Source):
        d["text_path"] = r.text_path
    return d


def _when(v):
    return None if v is None else parse_when(v)


def _where(w, files):
    return (files[w[0]], w[1], w[2])


def source_of(d, files):
    return Source(**{**d, "published": _when(d["published"]), "where": _where(d["where"], files)})


def entity_of(d, files):
    return Entity(**{**d, "aliases": tuple(d["aliases"]), "where": _where(d["where"], files)})
