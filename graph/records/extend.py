"""Records that extend a record of the same id defined in another file (``extend: true``).

An extension adds to a record without editing its file: aliases, codes and a
missing description to an entity; evidence to a relation. It never changes
who did what to whom: any other field it gives must repeat the record's own
value.

>>> from graph.read.base import RecordLocator
>>> from graph.records.fields import Ctx
>>> problems = []
>>> is_extension(Ctx({"id": "USA", "extend": "yes"}, RecordLocator("b.jsonl", 4), "entity 'USA'", problems)) is None
True
>>> print(problems[0])  # doctest: +NORMALIZE_WHITESPACE
b.jsonl:4: entity 'USA': 'extend' must be true (this record adds to the record of the same id in another file),
or be left out
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from ..errors import Problem
from ..model import to_dict
from ..read.base import Piece
from ..words import short
from .fields import Ctx
from .ids import begin, close_ids

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from . import Records

#: an extension found: the record that extends (its values, where it is) and the id it extends
Extension = tuple[Ctx, str | None]

__all__ = ["is_extension", "plain_records", "extension_of", "same_value"]

_TRUE = (True, "true", "True", "TRUE")
_FALSE = (False, "false", "False", "FALSE")


def is_extension(ctx: Ctx) -> bool | None:
    """True when the record says ``extend: true``, False when it does not, ``None`` (reported) when
    ``extend`` holds something else: the record is then left out, since it is neither."""
    v = ctx.values.get("extend")
    if v is None or v in _FALSE:
        return False
    if v in _TRUE:
        return True
    ctx.report(
        ("extend",),
        "'extend' must be true (this record adds to the record of the same id in another file), or be left out",
    )
    return None


def plain_records(
    pieces: Iterable[Piece],
    what: str,
    problems: list[Problem],
    extensions: list[Extension],
    invalid: set[str] | None = None,
    consume: bool = False,
) -> Iterator[tuple[Ctx, str | None]]:
    """``(ctx, id)`` of each record of *pieces* that is not an extension, in order; the
    extensions are appended to *extensions* (to be applied once every record is built), and
    records refused while reading or with a bad ``extend`` are left out (already reported).
    With *consume*, a record's values are let go once it is built (the loader's own reads:
    a million claims are not held twice)."""
    for piece in pieces:
        ctx, rid = begin(piece, what, problems, invalid)
        if ctx is None:
            continue
        extension = is_extension(ctx)
        if extension:
            extensions.append((ctx, rid))
        elif extension is not None:
            yield ctx, rid
            if consume:
                piece.values = ctx.values = None  # type: ignore[assignment]  # (let go: nothing reads them again)


def extension_of(
    ctx: Ctx, rid: str | None, records: Mapping[str, Any], invalid: set[str], what: str, out: Records
) -> Any:
    """The record that *ctx* extends, or ``None`` (reported when no file defines it)."""
    if rid is None:
        return None
    base = records.get(rid)
    if base is not None:
        return base
    if rid in invalid:
        return None
    if out.incomplete:
        out.unchecked += 1
        return None
    ctx.report(
        ("id",),
        f"this extends {what} '{short(rid)}', but no file defines {what} '{short(rid)}'"
        f"{close_ids(out, rid, records, what)}; an extension needs the record itself in another file",
    )
    return None


def _text_of(v):
    if isinstance(v, (list, tuple)):
        return [_text_of(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _text_of(x) for k, x in v.items()}
    return None if v is None else str(v)


def same_value(ctx: Ctx, name: str, value: object, where: tuple, what_it_may: str) -> bool:
    """Report the field *name* of the extension when it differs from the record's own *value*."""
    given = ctx.values.get(name)
    mine = _text_of(to_dict_value(value))
    if _text_of(given) == mine or (given is None and mine in (None, [], {})):
        return True
    shown = short(mine if not isinstance(mine, list) else ", ".join(map(str, mine)))
    ctx.report(
        (name,),
        f"an extension cannot change '{name}' (it is '{shown}' in the record itself, at "
        f"{where[0]}:{where[1]}:{where[2]}); {what_it_may}",
    )
    return False


def to_dict_value(value: object) -> object:
    """A record field's value as the plain value a data file would hold."""
    if hasattr(value, "text") and hasattr(value, "start"):  # a When
        return value.text
    if isinstance(value, tuple):
        return [to_dict_value(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return to_dict(cast("DataclassInstance", value))
    return value
