"""Roll-up and merged claims: the one meaning of ``--roll-up``, and a claim repeated in one source counted once.

**Roll-up.** With ``roll_up`` an entity counts as the top of its ``part_of``
chain -- an office or a person as the state or organisation it belongs to,
through the whole chain (a spokesperson of the White House, part of the
United States, counts as the United States). :func:`rolled` gives the one
function every analysis uses for it (subjects, objects and claimants alike);
the original ids stay on each claim, one click (or one key) away.

**Merged claims.** Claims with the same subject, type, object, modality and
claimant in one source are one claim said several times (a claimant's claim
coded once per quote): analyses count it once, with all its quotes.
:func:`merged_claims` gives these units; the data files keep what they hold
(``actorgraph validate --warn-duplicates`` points at such pairs).

The claimant of a claim is each entity in its ``asserted_by``, or, when it
has none, the source's own voice: ``"author"`` (:data:`~graph.filters.AUTHOR`);
:func:`voice` names it ``author:SOURCE_ID`` where claimants of several
sources are compared (the discourse network, ``compare --by claimant``).

>>> import graph
>>> ds = graph.loads('''
... sources: [{id: s, title: T}]
... entities:
...   - {id: USA, name: United States, kind: state}
...   - {id: WH, name: White House, kind: office, part_of: USA}
...   - {id: SPOX, name: A spokesperson, kind: person, part_of: WH}
...   - {id: AFG, name: Afghanistan, kind: state}
... relations:
...   - {id: q1, subject: WH, object: AFG, type: RETREAT, modality: reported, asserted_by: SPOX,
...      evidence: [{source: s, quote: first words}]}
...   - {id: q2, subject: USA, object: AFG, type: RETREAT, modality: reported, asserted_by: SPOX,
...      evidence: [{source: s, quote: second words}]}
... ''')
>>> up = rolled(ds)
>>> up("SPOX"), up("AFG"), rolled(ds, False)("SPOX")
('USA', 'AFG', 'SPOX')
>>> [(c.key, c.claimant, c.relations) for c in merged_claims(ds)]
[(('WH', 'RETREAT', 'AFG'), 'SPOX', ('q1',)), (('USA', 'RETREAT', 'AFG'), 'SPOX', ('q2',))]
>>> [(c.key, c.claimant, c.relations, c.quotes) for c in merged_claims(ds, roll_up=True)]
[(('USA', 'RETREAT', 'AFG'), 'USA', ('q1', 'q2'), ('first words', 'second words'))]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..filters import AUTHOR
from ..model import tops

if TYPE_CHECKING:
    from ..dataset import Dataset
    from ..model import Relation

__all__ = [
    "rolled",
    "roll_up_map",
    "claimants_of",
    "voice",
    "MergedClaim",
    "merged_claims",
    "count_once",
    "duplicate_pairs",
    "duplicate_warnings",
    "AUTHOR",
]


Up = Callable[[str], str]
"""What each entity id counts as (:func:`rolled`)."""


def _same(eid: str) -> str:
    return eid


def rolled(ds: Dataset, roll_up: bool = True) -> Up:
    """The function giving each entity id of *ds* what it counts as: the top of its ``part_of``
    chain with *roll_up*, itself without (``"author"`` and unknown ids stay as they are)."""
    if not roll_up:
        return _same
    return tops(getattr(ds, "all_entities", ds.entities))


def roll_up_map(ds: Dataset) -> dict[str, str]:
    """``{entity id: the id it counts as}`` for every entity of *ds* that is part of another (the page's
    roll-up: an entity not listed counts as itself).

    >>> import graph
    >>> roll_up_map(graph.example())
    {'PAK-FO': 'PAK'}
    """
    up = rolled(ds)
    return {eid: up(eid) for eid in ds.entities if up(eid) != eid}


def claimants_of(r: Relation, up: Up = _same) -> tuple[str, ...]:
    """The claimants of claim *r*, rolled by *up*, once each: its ``asserted_by`` entities, or ``("author",)``."""
    if not r.claimants:
        return (AUTHOR,)
    return tuple(dict.fromkeys(up(c) for c in r.claimants))


def voice(claimant: str, source: str) -> str:
    """The claimant's name across sources: an entity id, or ``author:SOURCE_ID`` for a source's own voice.

    >>> voice("PAK-FO", "s1"), voice("author", "s1")
    ('PAK-FO', 'author:s1')
    """
    return f"{AUTHOR}:{source}" if claimant == AUTHOR else claimant


@dataclass(frozen=True)
class MergedClaim:
    """One claim as analyses count it: a claimant's claim in one source, with every relation and quote behind it."""

    subject: str
    type: str
    object: str
    modality: str
    claimant: str  # an entity id (rolled up with roll-up) or "author"
    source: str
    relations: tuple  # relation ids, data order
    quotes: tuple  # the quotes (or dataset records) of those relations in this source, in order
    claimants: tuple = ()  # the original claimant ids behind ``claimant`` (differ from it only with roll-up)

    @property
    def key(self) -> tuple[str, str, str]:
        """The claim group: ``(subject, type, object)``."""
        return (self.subject, self.type, self.object)

    @property
    def voice(self) -> str:
        """The claimant, an author named by its source (:func:`voice`)."""
        return voice(self.claimant, self.source)


_AUTHORS = (AUTHOR,)


def merged_claims(
    ds: Dataset, *, roll_up: bool = False, relations: Iterable[Relation] | None = None
) -> list[MergedClaim]:
    """The merged claims of *ds* (or of *relations*, claims of *ds*), in data order of their first relation.

    A relation with two claimants or two sources gives one unit per claimant and source; relations
    with the same subject, type, object (rolled up with *roll_up*), modality, claimant and source
    give one unit together. Relations without evidence name no source and give none.
    """
    up = rolled(ds, roll_up) if roll_up else None
    # (subject, type, object, modality, claimant, source) -> (relation ids, quotes, original claimants)
    units: dict[tuple[str, str, str, str, str, str], tuple[list[str], list[str | None], list[str]]] = {}
    for r in ds.relations() if relations is None else relations:
        ev = r.evidence
        if not ev:
            continue
        subject, obj = (r.subject, r.object) if up is None else (up(r.subject), up(r.object))
        sources = (ev[0].source,) if len(ev) == 1 else r.sources
        rid, head = r.id, (subject, r.type, obj, r.modality)
        for c in r.claimants or _AUTHORS:
            who = c if up is None or c == AUTHOR else up(c)
            for sid in sources:
                key = (*head, who, sid)
                u = units.get(key)
                if u is None:
                    u = units[key] = ([], [], [])
                if rid not in u[0]:
                    u[0].append(rid)
                    u[1].extend(e.quote if e.quote is not None else e.record for e in ev if e.source == sid)
                if c not in u[2]:
                    u[2].append(c)
    return [MergedClaim(*key, tuple(ids), tuple(quotes), tuple(orig)) for key, (ids, quotes, orig) in units.items()]


def count_once(rels: Iterable[Relation], units: Callable[[Relation], set]) -> list[Relation]:
    """The relations of *rels* that count (in order): a relation whose units (``units(r)``: a set)
    share one with a relation already counted repeats it, and is left out.

    >>> count_once(["a", "b", "c"], lambda r: {"x"} if r in "ab" else {"y"})
    ['a', 'c']
    """
    seen: set = set()
    out: list[Relation] = []
    for r in rels:
        u = units(r)
        if not (u & seen):
            out.append(r)
        seen |= u
    return out


def duplicate_pairs(ds: Dataset) -> list[tuple[Relation, Relation, str, str]]:
    """``[(first, repeat, claimant, source)]``: each relation that repeats an earlier one -- same subject,
    type, object, modality and claimant, in one source (exact entities) -- with the first relation it
    repeats (Relation objects), once per pair: what ``actorgraph validate --warn-duplicates`` lists.

    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: x}]}
    ...   - {id: r2, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: y}]}
    ... ''')
    >>> [(a.id, b.id, who, sid) for a, b, who, sid in duplicate_pairs(ds)]
    [('r1', 'r2', 'author', 's')]
    """
    out: list[tuple[Relation, Relation, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for m in merged_claims(ds):
        first = m.relations[0]
        for rid in m.relations[1:]:
            if (first, rid) not in seen:
                seen.add((first, rid))
                out.append((ds.relation(first), ds.relation(rid), m.claimant, m.source))
    return out


def _at(r):
    f, line, col = r.where
    return f"{f}:{line}:{col}" if f else r.id


def duplicate_warnings(ds: Dataset) -> list[str]:
    """The lines of ``actorgraph validate --warn-duplicates``: one warning per repeating pair, at the
    repeat, naming the claim it repeats and where that one is, then a count (none: an empty list).

    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: AID, modality: reported, when: 2020,
    ...      evidence: [{source: s, quote: x}]}
    ...   - {id: r2, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: y}]}
    ... ''')
    >>> print("\\n".join(duplicate_warnings(ds)))  # doctest: +NORMALIZE_WHITESPACE
    <string>:7:5: warning: claim 'r2' repeats claim 'r1' (<string>:5:5): A AID B, reported, by the author, in source s
    (when: 2020 and none); analyses count them once
    1 warning: claims repeated in one source (the data is valid; merge them, or keep them if they are different events)
    """
    out = []
    for first, rep, who, sid in duplicate_pairs(ds):
        by = "by the author" if who == AUTHOR else f"by {who}"
        when = ""
        if first.when != rep.when:
            when = f" (when: {first.when or 'none'} and {rep.when or 'none'})"
        out.append(
            f"{_at(rep)}: warning: claim '{rep.id}' repeats claim '{first.id}' ({_at(first)}): "
            f"{rep.subject} {rep.type} {rep.object}, {rep.modality}, {by}, in source {sid}{when}; "
            "analyses count them once"
        )
    if out:
        n = len(out)
        out.append(
            f"{n} warning{'s' if n != 1 else ''}: claims repeated in one source (the data is valid; merge "
            "them, or keep them if they are different events)"
        )
    return out
