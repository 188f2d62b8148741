"""Building the relations (claims): who does what to whom, who says so, and the evidence.

>>> from graph.read.base import RecordLocator, Piece
>>> from graph.records import Records, Options
>>> out = Records()
>>> _ = build_relations([Piece("relations", {"id": "r1", "subject": "PAK", "object": "USA", "type": "ACUSE",
...                                          "modality": "reported"}, RecordLocator("r.jsonl", 3))], out, Options())
>>> for p in out.problems: print(p)  # doctest: +NORMALIZE_WHITESPACE
r.jsonl:3: relation 'r1': unknown entity 'PAK' in 'subject'
r.jsonl:3: relation 'r1': unknown entity 'USA' in 'object'
r.jsonl:3: relation 'r1': unknown type 'ACUSE' (did you mean 'ACCUSE'?); expected one of: AGREE, CONSULT, SUPPORT,
CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT,
HOLDS, PARTY_TO, PART_OF, NEIGHBOUR_OF, LOCATED_IN, ORIGIN_OF
r.jsonl:3: relation 'r1': a relation needs evidence: at least one {source, quote} whose quote is verbatim
in the source
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Relation
from ..read.base import Piece
from ..vocab import CONTEXTS, MODALITIES, POLARITY_RANGE, RELATION_TYPES
from ..words import short, suggest
from .evidence import evidence
from .extend import Extension, extension_of, plain_records, same_value
from .fields import choice, kind_of, list_of_text, number, scalar_value, text, when
from .ids import Ids
from .known import check_fields
from .refs import entity_ref

if TYPE_CHECKING:
    from . import Options, Records

__all__ = ["build_relations", "extend_relations"]

_POLARITY_MEANING = "-10 conflict, 0 neutral, +10 cooperation"


def _claimants(ctx, out):
    """``asserted_by`` as a tuple of known entity ids: one id, or a list of them, none twice."""
    v = ctx.values.get("asserted_by")
    if not isinstance(v, list):
        one = entity_ref(ctx, "asserted_by", out)
        return (one,) if one else ()
    found: dict[str, None] = {}  # (a dict: the claimants in order, each once)
    for i, item in enumerate(v):
        if item is None or isinstance(item, (dict, list)):
            ctx.report(("asserted_by", i), f"'asserted_by' item {i + 1} must be an entity id, found {kind_of(item)}")
            continue
        eid = entity_ref(ctx, "asserted_by", out, value=str(item), keys=("asserted_by", i))
        if eid is None:
            continue
        if eid in found:
            ctx.report(("asserted_by", i), f"'{eid}' is named twice in 'asserted_by': name each claimant once")
            continue
        found[eid] = None
    return tuple(found)


def _mode(ctx, rtype):
    mode = text(ctx, "mode")
    if mode is not None and rtype is not None:
        modes = RELATION_TYPES[rtype].modes
        if mode not in modes:
            allowed = ", ".join(modes) if modes else "none (leave 'mode' out)"
            ctx.report(
                ("mode",),
                f"unknown mode '{short(mode)}' for type {rtype}{suggest(mode, modes)}; expected one of: {allowed}",
            )
            return None
    return mode if mode is None else sys.intern(mode)


def _context(ctx):
    context = list_of_text(ctx, "context")
    for i, c in enumerate(context):
        if c not in CONTEXTS:
            keys = ("context", i) if isinstance(ctx.values.get("context"), list) else ("context",)
            ctx.report(
                keys, f"unknown context '{short(c)}'{suggest(c, CONTEXTS)}; expected one of: " + ", ".join(CONTEXTS)
            )
    return tuple(sys.intern(c) for c in context if c in CONTEXTS)


def _attributes(ctx):
    attrs = ctx.values.get("attributes")
    if attrs is None:
        return {}
    if not isinstance(attrs, dict):
        ctx.report(
            ("attributes",), f"'attributes' must be a mapping such as {{value: \"$7 billion\"}}, found {kind_of(attrs)}"
        )
        return {}
    return scalar_value(attrs)


def _extend(ctx, rid, out, added):
    """Gather an extension's evidence for the relation it names into *added* (id -> evidence)."""
    base = extension_of(ctx, rid, out.relations, out.invalid_relations, "relation", out)
    if base is None:
        return
    check_fields(ctx, "relations")
    conflicts = 0
    for f in ("subject", "object", "type", "mode", "modality", "asserted_by", "polarity", "context", "when"):
        if f in ctx.values:
            value = list(base.claimants) if f == "asserted_by" and len(base.claimants) > 1 else getattr(base, f)
            if f == "polarity" and value is not None:
                given = ctx.values.get(f)
                try:
                    if float(given) == value:
                        continue
                except (TypeError, ValueError):
                    pass
            conflicts += not same_value(ctx, f, value, base.where, "it may only add evidence")
    if conflicts:
        return
    if "evidence" not in ctx.values:
        ctx.report((), "an extension of a relation adds evidence: give 'evidence'")
        return
    gathered = added.setdefault(rid, (base, dict.fromkeys(base.evidence)))[1]
    gathered.update(dict.fromkeys(evidence(ctx, out)))


def build_relations(
    pieces: Iterable[Piece], out: Records, options: Options, ids: Ids | None = None, extend: bool = True
) -> list[Extension]:
    """Validate the relation *pieces* into ``out.relations``; return the extensions found, as
    ``(ctx, id)``, applied (unless not *extend*: then by :func:`extend_relations`).

    *ids* (an :class:`~graph.records.ids.Ids`) holds the relation ids seen so far, valid or not:
    a fresh one when not given.
    """
    ids = Ids("relation") if ids is None else ids
    extensions: list[Extension] = []
    for ctx, rid in plain_records(pieces, "relation", out.problems, extensions, consume=options.consume):
        fresh = ids.claim(rid, ctx)
        check_fields(ctx, "relations")
        subject = entity_ref(ctx, "subject", out, required=True)
        obj = entity_ref(ctx, "object", out, required=True)
        rtype = choice(ctx, "type", RELATION_TYPES, "type", required=True)
        mode = _mode(ctx, rtype)
        context = _context(ctx)
        polarity = number(
            ctx, "polarity", POLARITY_RANGE, RELATION_TYPES[rtype].polarity if rtype else 0.0, _POLARITY_MEANING
        )
        modality = choice(ctx, "modality", MODALITIES, "modality", required=True)
        claimants = _claimants(ctx, out)
        happened = when(ctx, "when")
        found = evidence(ctx, out)
        attrs = _attributes(ctx)
        note = text(ctx, "note")
        if rid is None or subject is None or obj is None or rtype is None or modality is None or not found:
            if rid is not None:
                out.invalid_relations.add(rid)
            continue
        rel = Relation(
            id=rid,
            subject=subject,
            object=obj,
            type=rtype,
            modality=modality,
            polarity=polarity,
            mode=mode,
            context=context,
            claimants=claimants,
            when=happened,
            evidence=found,
            attributes=attrs,
            note=note,
            where=ctx.where(),
        )
        if fresh:
            out.relations[rid] = rel
    if extend:
        extend_relations(extensions, out)
    return extensions


def extend_relations(extensions: Iterable[Extension], out: Records) -> None:
    """Add the evidence of each extension ``(ctx, id)`` to the relation of ``out.relations`` it names
    (each piece of evidence once, in order: 30,000 extensions of one claim cost linear time)."""
    added: dict[str, tuple[Relation, list]] = {}
    for ctx, rid in extensions:
        _extend(ctx, rid, out, added)
    for base, gathered in added.values():
        base.evidence = tuple(gathered)
