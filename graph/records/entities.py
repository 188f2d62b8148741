"""Building the entities: fields, codes, extensions from other files, one entity per name, part_of.

>>> from graph.read.base import RecordLocator, Piece
>>> from graph.records import Records, Options
>>> out = Records()
>>> build_entities([Piece("entities", {"id": "USA", "name": "United States", "kind": "state"},
...                       RecordLocator("a.jsonl", 1)),
...                 Piece("entities", {"id": "USA", "extend": True, "aliases": ["America"]},
...                       RecordLocator("b.jsonl", 1))], out, Options())
>>> out.entities["USA"].aliases
('America',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import Problem
from ..model import Entity
from ..read.base import Piece
from ..vocab import ENTITY_KINDS
from ..words import short
from .extend import Extension, extension_of, plain_records, same_value
from .fields import choice, kind_of, list_of_text, text
from .ids import Ids, foreign_char, skeleton
from .known import check_fields
from .refs import unknown_entity

if TYPE_CHECKING:
    from . import Options, Records

__all__ = ["build_entities"]

_CODE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_QID = re.compile(r"Q[1-9][0-9]*\Z")
# what an extension may add to an entity; the other fields it may only repeat
_EXTENDS = ("id", "extend", "aliases", "codes", "description")


def _aliases(ctx):
    """``[(alias, keys)]``: the non-empty aliases with the keys that locate each."""
    values = list_of_text(ctx, "aliases")
    listed = isinstance(ctx.values.get("aliases"), list)
    out = []
    for i, a in enumerate(values):
        keys = ("aliases", i) if listed else ("aliases",)
        if not a.strip():
            ctx.report(keys, f"alias {i + 1} is empty: remove it")
        else:
            out.append((a, keys))
    return out


def _codes(ctx):
    cv = ctx.values.get("codes")
    codes: dict[str, str] = {}
    if cv is None:
        return codes
    if not isinstance(cv, dict):
        ctx.report(("codes",), f"'codes' must be a mapping such as {{wikidata: Q843, iso3: PAK}}, found {kind_of(cv)}")
        return codes
    for k, v in cv.items():
        if not _CODE_KEY.match(str(k)):
            ctx.report(
                ("codes", k),
                f"bad code name '{short(k)}': a code name is a word of ASCII letters, digits "
                "and _ starting with a letter (wikidata, iso3, cameo, ...)",
                key=True,
            )
            continue
        if v is None or isinstance(v, (dict, list)):
            ctx.report(("codes", k), f"code '{k}' must be text, found {kind_of(v)}")
            continue
        v = str(v)
        if k == "wikidata" and not _QID.match(v):
            ctx.report(("codes", k), f"a Wikidata id looks like Q843, found '{short(v)}'")
            continue
        codes[str(k)] = v
    return codes


def _extend(ctx, rid, out, names, described):
    """Add an extension's aliases, codes and missing description to the entity it names."""
    base = extension_of(ctx, rid, out.entities, out.invalid_entities, "entity", out)
    if base is None:
        return
    check_fields(ctx, "entities")
    same = [
        same_value(ctx, f, getattr(base, f), base.where, "it may only add aliases, codes and a missing description")
        for f in ("name", "kind", "part_of")
        if f in ctx.values
    ]
    if not all(same):
        return
    known, added = set(base.aliases), []  # (a set: 30,000 aliases cost linear time, not quadratic)
    known.add(base.name)
    for a, keys in _aliases(ctx):
        if a not in known:
            known.add(a)
            added.append(a)
            names.append((a, rid, ctx.locator, keys))
    if added:
        base.aliases = base.aliases + tuple(added)
    for k, v in _codes(ctx).items():
        if k in base.codes and base.codes[k] != v:
            ctx.report(
                ("codes", k),
                f"code '{k}' is '{short(base.codes[k])}' in the entity's own record; an "
                "extension may add codes, not change them",
            )
        else:
            base.codes[k] = v
    desc = text(ctx, "description")
    if desc is not None and desc != base.description:
        first = described.get(rid)
        if first is not None:
            ctx.report(
                ("description",),
                f"another extension already gives this entity a description (at "
                f"{first[0]}:{first[1]}:{first[2]}); an entity has one description",
            )
        elif base.description is not None:
            ctx.report(
                ("description",),
                "the entity already has a description in its own record (at "
                f"{base.where[0]}:{base.where[1]}:{base.where[2]}); an extension only adds a missing one",
            )
        else:
            base.description = desc
            described[rid] = ctx.locator.where()[:1] + ctx.at("description")


def _unique_names(names, out):
    """Every name and alias points at one entity; look-alike spellings are refused."""
    seen: dict[str, str] = {}
    skeletons: dict[str, tuple[str, str, str]] = {}
    for a, eid, locator, keys in names:
        low = a.strip().lower()
        prev = seen.get(low)
        if prev is not None and prev != eid:
            out.problems.append(
                locator.problem(
                    keys,
                    f"entity '{eid}': the name or alias '{short(a)}' also names "
                    f"entity '{prev}'; every name must point at one entity",
                )
            )
            continue
        seen[low] = eid
        skel = skeleton(low).lower()
        other = skeletons.get(skel)
        if other is not None and other[0] != eid and other[1] != low:
            path, line, col = out.entities[eid].where
            out.problems.append(
                Problem(
                    path,
                    line,
                    col,
                    f"entity '{eid}': the name or alias '{short(a)}' looks the same as "
                    f"'{short(other[2])}' of entity '{other[0]}' but is written with other "
                    f"characters ({foreign_char(a) or foreign_char(other[2])}); retype it, "
                    "or remove one of them",
                )
            )
        else:
            skeletons.setdefault(skel, (eid, low, a))
    out.names = seen


def _check_part_of(pending, out):
    for ctx, ent in pending:
        if ent.part_of in out.invalid_entities:
            continue
        if ent.part_of not in out.entities:
            msg = unknown_entity(ent.part_of, "part_of", out)
            if msg is not None:
                ctx.report(("part_of",), msg)
        elif ent.part_of == ent.id:
            ctx.report(("part_of",), "an entity cannot be part of itself")
        else:
            chain, up = [ent.id], ent.part_of
            while up in out.entities and up not in chain:
                chain.append(up)
                up = out.entities[up].part_of
            if up == ent.id:
                ctx.report(
                    ("part_of",),
                    "part_of goes round in a circle: "
                    + " -> ".join(chain + [up])
                    + "; one of them must not be part of the other",
                )


def build_entities(pieces: Iterable[Piece], out: Records, options: Options) -> None:
    """Validate the entity *pieces* into ``out.entities`` (and ``out.names``)."""
    ids = Ids("entity")
    names: list[tuple] = []
    pending: list[tuple] = []
    extensions: list[Extension] = []
    for ctx, rid in plain_records(pieces, "entity", out.problems, extensions, out.invalid_entities):
        fresh = ids.claim(rid, ctx)
        check_fields(ctx, "entities")
        name = text(ctx, "name", required=True)
        kind = choice(ctx, "kind", ENTITY_KINDS, "entity kind", required=True)
        aliases = _aliases(ctx)
        ent = Entity(
            id=rid or "",
            name=name or "",
            kind=kind or "",
            aliases=tuple(a for a, _ in aliases),
            codes=_codes(ctx),
            part_of=text(ctx, "part_of"),
            description=text(ctx, "description"),
            where=ctx.where(),
        )
        if ent.part_of is not None:
            pending.append((ctx, ent))
        if rid is not None and name is not None and kind is not None:
            if fresh:
                out.entities[rid] = ent
                names.append((rid, rid, ctx.locator, ("id",)))
                names.append((name, rid, ctx.locator, ("name",)))
                names.extend((a, rid, ctx.locator, keys) for a, keys in aliases)
        elif rid is not None:
            out.invalid_entities.add(rid)  # reported here; references to it are not reported again
    described: dict[str, str] = {}
    for ctx, rid in extensions:
        _extend(ctx, rid, out, names, described)
    _unique_names(names, out)
    _check_part_of(pending, out)
