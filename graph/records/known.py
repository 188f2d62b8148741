"""The fields each kind of record may have, and the message for one it may not.

>>> from graph.read.base import RecordLocator
>>> from graph.records.fields import Ctx
>>> problems = []
>>> check_fields(Ctx({"id": "PAK", "nmae": "Pakistan"}, RecordLocator("e.jsonl", 2), "entity 'PAK'", problems),
...              "entities")
>>> print(problems[0])  # doctest: +NORMALIZE_WHITESPACE
e.jsonl:2: entity 'PAK': unknown field 'nmae' (did you mean 'name'?);
an entity has the fields: id, name, kind, aliases, codes, part_of, description, extend
"""

from __future__ import annotations

from ..model import FIELDS
from ..words import short, suggest
from .fields import Ctx

__all__ = ["check_fields", "ALLOWED", "SINGULAR"]

SINGULAR = {"sources": "source", "entities": "entity", "relations": "relation"}
_ARTICLE = {"sources": "a", "entities": "an", "relations": "a"}
# entities and relations may extend a record of the same id defined in another file
ALLOWED = {
    "sources": FIELDS["sources"],
    "entities": FIELDS["entities"] + ("extend",),
    "relations": FIELDS["relations"] + ("extend",),
}


MAX_REPORTED = 20
"""Unknown fields reported one by one in a record; the rest are counted in one more problem."""


def check_fields(ctx: Ctx, kind: str) -> None:
    """Report each field of the record that its kind does not have (the first
    :data:`MAX_REPORTED` of a record, then how many more: a record with 300,000 keys costs no
    more than one with 20)."""
    allowed = ALLOWED[kind]
    unknown = 0
    for k in ctx.values:
        if k not in allowed:
            unknown += 1
            if unknown <= MAX_REPORTED:
                ctx.report(
                    (k,),
                    f"unknown field '{short(k)}'{suggest(k, allowed)}; "
                    f"{_ARTICLE[kind]} {SINGULAR[kind]} has the fields: " + ", ".join(allowed),
                    key=True,
                )
    if unknown > MAX_REPORTED:
        ctx.report(
            (),
            f"... and {unknown - MAX_REPORTED:,} more unknown fields in this record; "
            f"{_ARTICLE[kind]} {SINGULAR[kind]} has the fields: " + ", ".join(allowed),
        )
