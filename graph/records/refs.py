"""References from one record to another: unknown entities, with what was probably meant.

When a file could not be read in full, a reference that it might have
defined is not reported: it is counted in ``out.unchecked``, and one line
says how many were left unchecked and why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..words import short, suggest
from .fields import Ctx, Keys, text
from .ids import close_ids, foreign_char, skeleton

if TYPE_CHECKING:
    from . import Records

__all__ = ["unknown_entity", "entity_ref"]


def unknown_entity(value: object, fieldname: str, out: Records) -> str | None:
    """The message for an unknown entity in *fieldname*, or ``None`` when it is left unchecked."""
    if out.incomplete:
        out.unchecked += 1
        return None
    value = str(value)
    head = f"unknown entity '{short(value)}' in '{fieldname}'"
    stripped = value.strip()
    if stripped != value and stripped in out.entities:
        return f"{head} (did you mean '{stripped}'? remove the spaces around it)"
    target = out.names.get(stripped.lower())
    if target is not None:  # another case, or a name or alias of the entity
        return f"{head} (did you mean '{target}'?)"
    foreign = foreign_char(value)
    if foreign:
        skel = skeleton(stripped)
        eid = skel if skel in out.entities else out.names.get(skel.lower())
        if eid is not None and eid.lower() == skel.lower():
            return (
                f"{head} (did you mean '{eid}'? it holds {foreign}, which only looks like a Latin "
                "letter: retype the id)"
            )
        return f"{head}: it holds {foreign}; ids are ASCII{close_ids(out, skel, out.entities, 'entity', suggest)}"
    return head + close_ids(out, value, out.entities, "entity", suggest)


def entity_ref(
    ctx: Ctx, name: str, out: Records, required: bool = False, value: str | None = None, keys: Keys | None = None
) -> str | None:
    """The entity id in field *name* (or the given *value*, located at *keys*) when it is known."""
    v = text(ctx, name, required) if value is None else value
    if v is None:
        return None
    if v not in out.entities:
        if v not in out.invalid_entities:
            msg = unknown_entity(v, name, out)
            if msg is not None:
                ctx.report(keys or (name,), msg)
        return None
    return out.entities[v].id  # the entity's own id string: one object for all its relations
