"""The one validator: records from any reader (plain values + locator) -> sources, entities, relations.

:func:`build_records` takes what the readers found (:class:`~graph.read.base.FileRead`
of every file, whatever its format) and returns the sources, entities and
relations, plus every problem found (never stopping at the first). Each
problem is located through the record's locator (``FILE:LINE:COL`` for YAML,
``FILE:ROW:COLUMN`` for a table, ``FILE:RECORD`` for a bulk file) and says what
was expected and what was found.

Examples
--------
>>> from graph.read.yaml import read_yaml_text
>>> read = read_yaml_text('''
... entities:
...   - {id: PAK, name: Pakistan, kind: state}
... relations:
...   - id: r1
...     subject: PAKISTN
...     object: PAK
...     type: ACUSE
...     modality: reported
...     evidence: []
... ''', "a.yaml")
>>> recs = build_records([read])
>>> for p in sorted(recs.problems): print(p)  # doctest: +NORMALIZE_WHITESPACE
a.yaml:6:14: relation 'r1': unknown entity 'PAKISTN' in 'subject' (did you mean 'PAK'?)
a.yaml:8:11: relation 'r1': unknown type 'ACUSE' (did you mean 'ACCUSE'?); expected one of: AGREE, CONSULT, SUPPORT,
CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT,
HOLDS, PARTY_TO, PART_OF, NEIGHBOUR_OF, LOCATED_IN, ORIGIN_OF
a.yaml:10:15: relation 'r1': a relation needs evidence: at least one {source, quote} whose quote is verbatim
in the source
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..read.base import FileRead, Piece
from ..read.relation_table import RelationTable
from ..read.safe import MAX_BYTES
from ..words import plural
from .columnar import build_relations_by_columns
from .entities import build_entities
from .fields import scalar_value
from .ids import ID_PATTERN
from .relations import build_relations
from .sources import build_sources

__all__ = ["build_records", "Records", "Options", "ID_PATTERN", "scalar_value"]


@dataclass(frozen=True)
class Options:
    """How records are built: the data folder (``root``) that stored texts must lie in,
    unless ``allow_texts_outside``; the largest stored text read; whether the pieces may be
    consumed."""

    root: str | None = None
    allow_texts_outside: bool = False
    max_text_bytes: int = MAX_BYTES
    #: let each relation's piece values go once it is built (for reads nobody looks at again)
    consume: bool = False


@dataclass
class Records:
    """What :func:`build_records` found: records by id, and the problems."""

    sources: dict = field(default_factory=dict)
    entities: dict = field(default_factory=dict)
    # relation id -> Relation while records are built; for bulk files or the load cache a graph.columns.LazyRelations
    # (and, while extensions of bulk files' relations are applied, a view of both): any mapping of relations by id
    relations: Any = field(default_factory=dict)
    problems: list = field(default_factory=list)
    names: dict = field(default_factory=dict)  # lower-cased id/name/alias -> entity id
    texts: dict = field(default_factory=dict)  # source id -> normalised stored text (texts.Passages)
    raw_texts: dict = field(default_factory=dict)  # source id -> stored text as read
    files: list = field(default_factory=list)  # the data files read
    invalid_entities: set = field(default_factory=set)  # ids of entities reported invalid
    invalid_sources: set = field(default_factory=set)  # ids of sources reported invalid
    invalid_relations: set = field(default_factory=set)  # ids of relations reported invalid
    incomplete: list = field(default_factory=list)  # files that could not be read in full
    unchecked: int = 0  # references left unchecked because of them
    suggestions: dict = field(default_factory=dict)  # (kind, unknown id) -> did-you-mean (ids.close_ids)


def _unchecked_problem(out):
    first, rest = out.incomplete[0], len(out.incomplete) - 1
    also = f" (and {plural(rest, 'other file')})" if rest else ""
    return Problem(
        first,
        0,
        0,
        f"{plural(out.unchecked, 'reference')} to entities or sources {'was' if out.unchecked == 1 else 'were'} "
        "left unchecked, because "
        f"this file{also} could not be read in full and may define them; fix this file first",
    )


def build_records(reads: Iterable[FileRead], options: Options | None = None) -> Records:
    """Validate every record that the readers found and build the model.

    *reads* is a list of :class:`~graph.read.base.FileRead`. Files are taken
    in the order of their paths, so the result does not depend on the order
    of *reads*. Returns :class:`Records` with ``problems`` unsorted.
    """
    options = options or Options()
    out = Records()
    by_kind: dict[str, list[Piece]] = {"sources": [], "entities": [], "relations": []}
    # the relations of each file: (path, pieces), or (path, table) of a bulk file's
    groups: list[tuple[str, list[Piece] | RelationTable]] = []
    reads = sorted(reads, key=lambda r: r.path)
    for read in reads:
        if not read.complete:
            out.incomplete.append(read.path)
        table = getattr(read.pieces, "table", None)
        if table is not None:
            groups.append((read.path, table))
            continue
        for piece in read.pieces:
            by_kind[piece.kind].append(piece)
        groups.append((read.path, [p for p in read.pieces if p.kind == "relations"]))
    build_sources(by_kind["sources"], out, options)
    build_entities(by_kind["entities"], out, options)
    if any(not isinstance(g, list) for _, g in groups):
        build_relations_by_columns(groups, out, options, [r.path for r in reads])
    else:
        build_relations(by_kind["relations"], out, options)
    if out.unchecked:
        out.problems.append(_unchecked_problem(out))
    return out
