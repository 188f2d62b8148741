"""The records of a dataset: sources, entities and relations (claims).

Records are plain dataclasses built by the loader after validation. Each
keeps ``where``: the ``(file, line, column)`` it was defined at.
``to_dict`` gives the record as YAML-style plain values (dates as text), the
form used by every export.

Examples
--------
>>> e = Entity(id="PAK", name="Pakistan", kind="state", aliases=("Islamabad",))
>>> to_dict(e)["aliases"]
['Islamabad']
>>> r = Relation(id="r1", subject="USA", object="TAL", type="REQUEST",
...              modality="reported", polarity=0.0,
...              evidence=(Evidence("src", "tying potential financial assistance"),))
>>> r.quad, r.sign
('verbal conflict', 0)
>>> to_dict(r)["evidence"]
[{'source': 'src', 'quote': 'tying potential financial assistance'}]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from .vocab import RELATION_TYPES
from .when import When

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = [
    "Source",
    "Entity",
    "Relation",
    "Evidence",
    "to_dict",
    "relation_dict",
    "edge_dict",
    "FIELDS",
    "top_of",
    "tops",
]


@dataclass(frozen=True)
class Evidence:
    """What a source says for a relation: a verbatim ``quote`` from a text
    source, or, for a ``dataset`` source, the ``record`` (event id or URL)
    the relation was read from."""

    source: str
    quote: str | None = None
    record: str | None = None


@dataclass
class Source:
    """A document that states things."""

    id: str
    title: str | None = None
    kind: str | None = None
    published: When | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    perspective: str | None = None
    text: str | None = None  # path as written in the YAML
    note: str | None = None  # e.g. "the stored text is a partial excerpt"
    where: tuple = field(default=("", 0, 0), compare=False, repr=False)
    text_path: str | None = field(default=None, compare=False, repr=False)  # resolved path


@dataclass
class Entity:
    """An actor (state, movement, office, person...) or a thing claims are about."""

    id: str
    name: str
    kind: str
    aliases: tuple = ()
    codes: dict = field(default_factory=dict)
    part_of: str | None = None
    description: str | None = None
    where: tuple = field(default=("", 0, 0), compare=False, repr=False)


@dataclass
class Relation:
    """One claim a source makes: *subject* does *type* to *object*."""

    id: str
    subject: str
    object: str
    type: str
    modality: str
    polarity: float
    mode: str | None = None
    context: tuple = ()
    asserted_by: str | None = None  # the (first) claimant; None: the source's author
    when: When | None = None
    evidence: tuple = ()
    attributes: dict = field(default_factory=dict)
    note: str | None = None
    where: tuple = field(default=("", 0, 0), compare=False, repr=False)
    #: every entity that makes the claim, in order (``()``: the source's author); ``asserted_by`` is the first
    claimants: tuple = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.claimants:
            self.claimants = tuple(self.claimants)
            self.asserted_by = self.claimants[0]
        elif self.asserted_by is not None:
            self.claimants = (self.asserted_by,)

    @property
    def quad(self) -> str:
        """The PLOVER quad class of the type, or ``'structural'``."""
        return RELATION_TYPES[self.type].quad

    @property
    def sign(self) -> int:
        """+1 cooperation, -1 conflict, 0 neutral."""
        return (self.polarity > 0) - (self.polarity < 0)

    @property
    def sources(self) -> tuple:
        """The ids of the sources its evidence comes from, in order, once each."""
        return tuple(dict.fromkeys(e.source for e in self.evidence))


# The YAML field names of each record kind, in the order they are written.
FIELDS = {
    "sources": ("id", "title", "kind", "published", "author", "outlet", "url", "perspective", "text", "note"),
    "entities": ("id", "name", "kind", "aliases", "codes", "part_of", "description"),
    "relations": (
        "id",
        "subject",
        "object",
        "type",
        "mode",
        "context",
        "polarity",
        "modality",
        "asserted_by",
        "when",
        "evidence",
        "attributes",
        "note",
    ),
}


def _plain(v):
    if isinstance(v, When):
        return v.text
    if isinstance(v, Evidence):
        return {"source": v.source, "record": v.record} if v.quote is None else {"source": v.source, "quote": v.quote}
    if isinstance(v, (tuple, list)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return v


_NAMES: dict[type, tuple[str, ...]] = {}
_SCALARS = (str, int, float, bool, type(None))


def _names(cls):
    """The names of a record class's YAML fields, in order (looked up once per class)."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls) if f.name not in ("where", "text_path", "claimants"))
    return names


def _attributes(a, share=False):
    for v in a.values():
        if type(v) not in _SCALARS:
            return _plain(a)
    return a if share else dict(a)


def _evidence(ev):
    return [
        {"source": e.source, "record": e.record} if e.quote is None else {"source": e.source, "quote": e.quote}
        for e in ev
    ]


def relation_dict(r: Relation, share: bool = False) -> dict:
    """:func:`to_dict` of a :class:`Relation` (the same dict, made faster: one per edge of the graph).

    With *share*, an ``attributes`` mapping of plain values is the relation's own, not a copy
    (the graph's edges: a million claims are not held twice).
    """
    when = r.when
    return {
        "id": r.id,
        "subject": r.subject,
        "object": r.object,
        "type": r.type,
        "modality": r.modality,
        "polarity": r.polarity,
        "mode": r.mode,
        "context": list(r.context),
        "asserted_by": list(r.claimants) if len(r.claimants) > 1 else r.asserted_by,
        "when": None if when is None else when.text,
        "evidence": _evidence(r.evidence),
        "attributes": _attributes(r.attributes, share) if r.attributes else {},
        "note": r.note,
    }


def relation_row(r: Relation) -> list:
    """The values of ``to_dict(r, drop_empty=True)`` in the order of ``FIELDS["relations"]``, an
    empty field ``None`` (a row of the page's claim table, made without the dict)."""
    when, cs = r.when, r.claimants
    return [
        r.id,
        r.subject,
        r.object,
        r.type,
        r.mode,
        list(r.context) or None,
        r.polarity,
        r.modality,
        list(cs) if len(cs) > 1 else r.asserted_by,
        None if when is None else when.text,
        _evidence(r.evidence) or None,
        _attributes(r.attributes) if r.attributes else None,
        r.note,
    ]


def entity_row(e: Entity) -> list:
    """The values of ``to_dict(e, drop_empty=True)`` for an :class:`Entity`, in the order of
    ``FIELDS["entities"]``, an empty field ``None`` (as :func:`relation_row`)."""
    return [
        e.id,
        e.name,
        e.kind,
        [_plain(a) for a in e.aliases] or None,
        _plain(e.codes) or None,
        e.part_of,
        e.description,
    ]


def edge_dict(r: Relation) -> dict:
    """The data of a relation's edge in the dataset's graph: its fields (plain attributes shared,
    see :func:`relation_dict`) and its ``quad``."""
    d = relation_dict(r, share=True)
    d["quad"] = RELATION_TYPES[r.type].quad
    return d


def to_dict(record: DataclassInstance, *, drop_empty: bool = False) -> dict:
    """The record's YAML fields as plain JSON-able values (``where`` left out)."""
    if type(record) is Relation:
        d = relation_dict(record)
        return {k: v for k, v in d.items() if not (v is None or v == [] or v == {})} if drop_empty else d
    return _fields_dict(record, drop_empty)


def _fields_dict(record, drop_empty):
    out = {}
    for name in _names(type(record)):
        v = getattr(record, name)
        if type(v) not in _SCALARS:
            v = _plain(v)
        if name == "asserted_by" and len(record.claimants) > 1:
            v = list(record.claimants)
        if drop_empty and (v is None or v == [] or v == {}):
            continue
        out[name] = v
    return out


def top_of(entities: Mapping[str, Entity], eid: str) -> str:
    """The top of *eid*'s ``part_of`` chain among *entities* (itself when it is part of nothing; a
    loop stops where it closes).

    >>> top_of({"FO": Entity(id="FO", name="Foreign Office", kind="office", part_of="PAK"),
    ...         "PAK": Entity(id="PAK", name="Pakistan", kind="state")}, "FO")
    'PAK'
    """
    seen, cur = {eid}, eid
    while True:
        e = entities.get(cur)
        parent = e.part_of if e is not None else None
        if parent is None or parent in seen:
            return cur
        seen.add(parent)
        cur = parent


def tops(entities: Mapping[str, Entity]) -> Callable[[str], str]:
    """The function giving each entity id what it counts as (:func:`top_of`), each worked out once."""
    memo: dict[str, str] = {}

    def up(eid: str) -> str:
        found = memo.get(eid)
        if found is None:
            found = memo[eid] = top_of(entities, eid)
        return found

    return up
