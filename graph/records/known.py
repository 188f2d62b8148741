"""The fields each kind of record may have, and the message for one it may not.

>>> from graph.read.base import RecordLocator
>>> from graph.records.fields import Ctx
>>> problems = []
>>> check_fields(Ctx({"id": "PAK", "nmae": "Pakistan"}, RecordLocator("e.jsonl", 2), "entity 'PAK'", problems),
...              "entities")
>>> print(problems[0])
e.jsonl:2: entity 'PAK': unknown field 'nmae' (did you mean 'name'?); an entity has the fields: id, name, kind, aliases, codes, part_of, description, extend
"""

from __future__ import annotations

from ..errors import suggest
from ..model import FIELDS
from ..words import short

__all__ = ["check_fields", "ALLOWED", "SINGULAR"]

SINGULAR = {"sources": "source", "entities": "entity", "relations": "relation"}
_ARTICLE = {"sources": "a", "entities": "an", "relations": "a"}
# entities and relations may extend a record of the same id defined in another file
ALLOWED = {"sources": FIELDS["sources"], "entities": FIELDS["entities"] + ("extend",),
           "relations": FIELDS["relations"] + ("extend",)}


def check_fields(ctx, kind):
    """Report every field of the record that its kind does not have."""
    allowed = ALLOWED[kind]
    for k in ctx.values:
        if k not in allowed:
            ctx.report((k,), f"unknown field '{short(k)}'{suggest(k, allowed)}; "
                       f"{_ARTICLE[kind]} {SINGULAR[kind]} has the fields: " + ", ".join(allowed), key=True)
