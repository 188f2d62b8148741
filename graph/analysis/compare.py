"""Compare sources: which asserts, denies or omits each claim, and where they disagree.

Two or more sources: a *matrix* with one row per claim group (subject, type,
object) and one cell per source: ``asserts`` (reported or claimed),
``denies`` (denied), ``asserts and denies`` (the source holds both),
``other`` (only recommended or speculated) or ``omits``. A group that holds an
assertion and a denial among the compared sources -- across them or within
one -- is flagged *contested*, also when each side holds both.

With ``by="claimant"`` the columns are the claimants of the sources (an entity of
``asserted_by``, or ``author:SOURCE_ID``): who asserts and who denies each group. With
``roll_up`` groups and claimants roll up (an office or person counts as its state:
:func:`graph.analysis.merge.rolled`).

For two sources the report also lists what one states and the other does not:

A claim belongs to a source when one of its evidence items cites that source
(a claim with evidence from both belongs to both). Two claims *match* when
they have the same subject, object and type (direction matters: "A accuses
B" does not match "B accuses A"); the modality may differ, and the report
shows it when it does (one source reports what the other only recommends, or
denies).

Two sources *disagree in polarity* on a pair of entities when the net sign of
what each says about the pair (either direction) is opposite: the sign of the
sum of the polarities of its claims about the pair, over the counted
modalities (``reported``, ``claimed`` and ``denied`` by default; a denied
claim counts reversed, so "A attacked B" against "A did not attack B" is a
disagreement), structural and polarity-0 claims left out -- the same rule as
:mod:`graph.analysis.balance`.

Examples
--------
>>> import graph
>>> from graph.analysis import compare
>>> ds = graph.loads('''
... sources: [{id: sa, title: Paper A}, {id: sb, title: Paper B}]
... entities:
...   - {id: X, name: X, kind: state}
...   - {id: Y, name: Y, kind: state}
...   - {id: Z, name: Z, kind: state}
... relations:
...   - {id: a1, subject: X, object: Y, type: ASSAULT, modality: reported, evidence: [{source: sa, quote: q}]}
...   - {id: b1, subject: X, object: Y, type: ASSAULT, modality: denied, evidence: [{source: sb, quote: q}]}
...   - {id: a2, subject: X, object: Z, type: AID, modality: reported, evidence: [{source: sa, quote: q}]}
...   - {id: b2, subject: Y, object: Z, type: CONSULT, modality: reported, evidence: [{source: sb, quote: q}]}
... ''')
>>> c = compare(ds, "sa", "sb")
>>> c.only_a, c.only_b
(['a2'], ['b2'])
>>> [(m["type"], m["a"], m["b"], m["modality_differs"], m["contested"]) for m in c.shared]
[('ASSAULT', ['a1'], ['b1'], True, True)]
>>> [(d["pair"], d["a_sign"], d["b_sign"]) for d in c.disagreements]
[(['X', 'Y'], -1, 1)]
>>> [(g["type"], g["cells"]["sa"]["stance"], g["cells"]["sb"]["stance"]) for g in c.groups]
[('ASSAULT', 'asserts', 'denies'), ('AID', 'asserts', 'omits'), ('CONSULT', 'omits', 'asserts')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import QueryError
from ..filters import AUTHOR
from ._report import entity_name
from .claims import check_modalities, effective_polarity, grouped_by, stance
from .compare_result import Comparison
from .merge import merged_claims, rolled

if TYPE_CHECKING:
    from ..dataset import Dataset
    from ..model import Relation

__all__ = ["compare", "Comparison", "COMPARED_MODALITIES"]

COMPARED_MODALITIES = ("reported", "claimed", "denied")


def _cell(rels):
    """A source's stance on a claim group, from its claims in the group."""
    stances = {stance(r) for r in rels}
    if not rels:
        return "omits"
    if {"asserted", "denied"} <= stances:
        return "asserts and denies"
    if "asserted" in stances:
        return "asserts"
    if "denied" in stances:
        return "denies"
    return "other"


def _net(rels, modalities, up):
    acc: defaultdict[tuple, list[Any]] = defaultdict(lambda: [0.0, []])  # pair -> [polarity sum, relation ids]
    for r in rels:
        a, b = up(r.subject), up(r.object)
        if r.modality not in modalities or r.quad == "structural" or r.polarity == 0 or a == b:
            continue
        pair = tuple(sorted((a, b)))
        acc[pair][0] += effective_polarity(r)
        acc[pair][1].append(r.id)
    return {p: (round(s, 9), ids) for p, (s, ids) in acc.items()}


def compare(
    ds: Dataset,
    *sources: str,
    modality: str | Iterable[str] | None = COMPARED_MODALITIES,
    by: str = "source",
    roll_up: bool = False,
) -> Comparison:
    """Compare what two or more sources state (or, with ``by="claimant"``, what their claimants state).

    Parameters
    ----------
    ds : Dataset
        A dataset (or view) holding the sources.
    *sources : str
        Two or more source ids (or one list of them); with two, the first is A, the second B.
        With ``by="claimant"`` any number: none means every source of *ds*.
    modality : list of str
        The modalities whose claims count for polarity disagreements
        (default reported, claimed, denied). Every claim counts for
        what one states and the other does not.
    by : ``"source"`` (default) or ``"claimant"``
        The matrix's columns: each source, or each claimant in the sources
        (an entity of ``asserted_by``, or ``author:SOURCE_ID`` for a source's own
        voice): who asserts and who denies each claim group.
    roll_up : bool, default False
        Group claims (and claimants) with an office or person counted as the
        state or organisation at the top of its ``part_of`` chain.

    Returns
    -------
    Comparison
        ``groups`` (the matrix: per claim group, each column's stance and
        claims, and whether it is contested), ``disagreements`` (entity pairs
        on which the net signs differ); for two sources also ``only_a``,
        ``only_b`` (relation ids) and ``shared`` (matched claims).

    Raises
    ------
    UnknownSourceError
        For a source that does not exist.
    QueryError
        For fewer than two distinct sources, or an unknown modality.

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s1, title: T}, {id: s2, title: U}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s1, quote: q}]}
    ...   - {id: r2, subject: B, object: A, type: SANCTION, modality: reported, evidence: [{source: s2, quote: q}]}
    ... ''')
    >>> c = compare(ds, "s1", "s2")
    >>> c.only_a, c.only_b, c.disagreements[0]["pair"]
    (['r1'], ['r2'], ['A', 'B'])
    >>> compare(ds, "s1", "s1")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: compare two different sources (both are 's1')
    >>> c = compare(ds, by="claimant")
    >>> c.claimants, [g["cells"]["author:s2"]["stance"] for g in c.groups]
    (('author:s1', 'author:s2'), ['omits', 'asserts'])
    """
    if len(sources) == 1 and isinstance(sources[0], (list, tuple)):
        sources = tuple(sources[0])
    if by not in ("source", "claimant"):
        raise QueryError(f"unknown column '{by}' to compare by; expected source or claimant")
    if by == "claimant" and not sources:
        sources = tuple(ds.sources)
    ids = [ds.source(s).id for s in sources]
    if len(ids) < 2 and by == "source":
        raise QueryError("compare needs two or more sources")
    if len(set(ids)) < len(ids):
        twice = next(s for s in ids if ids.count(s) > 1)
        if len(ids) == 2:
            raise QueryError(f"compare two different sources (both are '{twice}')")
        raise QueryError(f"source '{twice}' is named twice")
    modality = check_modalities(modality)
    up = rolled(ds, roll_up)
    if by == "claimant":
        return _by_claimant(ds, ids, modality, up, roll_up)
    if len(ids) > 2:
        return _compare_many(ds, ids, modality, up, roll_up)
    a, b = ids
    rels_a = [r for r in ds.relations() if a in r.sources]
    rels_b = [r for r in ds.relations() if b in r.sources]

    def groups(rels):
        return grouped_by(rels, lambda r: (up(r.subject), up(r.object), r.type))

    ga, gb = groups(rels_a), groups(rels_b)
    only_a = [r.id for r in rels_a if (up(r.subject), up(r.object), r.type) not in gb]
    only_b = [r.id for r in rels_b if (up(r.subject), up(r.object), r.type) not in ga]
    shared = []
    for key, ra in ga.items():
        if key in gb:
            rb = gb[key]
            stances = {stance(r) for r in ra + rb}
            shared.append(
                {
                    "subject": key[0],
                    "object": key[1],
                    "type": key[2],
                    "a": [r.id for r in ra],
                    "b": [r.id for r in rb],
                    "modality_differs": {r.modality for r in ra} != {r.modality for r in rb},
                    # also when each side holds both a claim and its denial (same modalities)
                    "contested": {"asserted", "denied"} <= stances,
                }
            )
    na, nb = _net(rels_a, modality, up), _net(rels_b, modality, up)
    disagreements = []
    for pair in sorted(set(na) & set(nb)):
        (sa, ia), (sb, ib) = na[pair], nb[pair]
        if sa * sb < 0:
            disagreements.append(
                {
                    "pair": list(pair),
                    "a_sign": 1 if sa > 0 else -1,
                    "a_score": sa,
                    "a_relations": ia,
                    "b_sign": 1 if sb > 0 else -1,
                    "b_score": sb,
                    "b_relations": ib,
                }
            )
    relations = {r.id: r for r in rels_a + rels_b}
    titles = {s: ds.sources[s].title for s in (a, b)}
    return Comparison(
        a,
        b,
        only_a,
        only_b,
        shared,
        disagreements,
        modality,
        relations,
        titles,
        (a, b),
        _matrix(ds.relations(), {a: rels_a, b: rels_b}, up),
        roll_up=roll_up,
    )


def _matrix(rels, members, up):
    """One row per claim group of *rels* (data order), one cell per column of *members* (column ->
    relations): the column's stance and claims; contested groups first, then in data order."""
    cols_of = defaultdict(list)
    for col, rs in members.items():
        for r in rs:
            cols_of[r.id].append(col)
    rows: dict[tuple[str, str, str], dict[str, list[Relation]]] = {}
    for r in rels:
        if r.id not in cols_of:
            continue
        row = rows.setdefault((up(r.subject), r.type, up(r.object)), {c: [] for c in members})
        for col in cols_of[r.id]:
            row[col].append(r)
    out = []
    for (subj, typ, obj), cells in rows.items():
        stances = {stance(r) for rs in cells.values() for r in rs}
        out.append(
            {
                "subject": subj,
                "type": typ,
                "object": obj,
                "contested": {"asserted", "denied"} <= stances,
                "cells": {s: {"stance": _cell(rs), "relations": [r.id for r in rs]} for s, rs in cells.items()},
            }
        )
    out.sort(key=lambda g: not g["contested"])  # contested first, then data order
    return out


def _disagreements(members, modality, up):
    nets = {s: _net(rels, modality, up) for s, rels in members.items()}
    out = []
    for pair in sorted({p for n in nets.values() for p in n}):
        have = {s: nets[s][pair] for s in members if pair in nets[s] and nets[s][pair][0] != 0}
        signs = {s: (1 if v[0] > 0 else -1) for s, v in have.items()}
        if len(set(signs.values())) > 1:
            out.append(
                {
                    "pair": list(pair),
                    "signs": signs,
                    "scores": {s: have[s][0] for s in have},
                    "relations": {s: have[s][1] for s in have},
                }
            )
    return out


def _compare_many(ds, ids, modality, up, roll_up):
    members = {s: [r for r in ds.relations() if s in r.sources] for s in ids}
    relations = {r.id: r for rels in members.values() for r in rels}
    titles = {s: ds.sources[s].title for s in ids}
    return Comparison(
        ids[0],
        ids[-1],
        [],
        [],
        [],
        _disagreements(members, modality, up),
        modality,
        relations,
        titles,
        tuple(ids),
        _matrix(ds.relations(), members, up),
        roll_up=roll_up,
    )


def _by_claimant(ds, ids, modality, up, roll_up):
    wanted = set(ids)
    rels = [r for r in ds.relations() if wanted.intersection(r.sources)]
    found: dict[str, dict[str, Relation]] = {}
    for m in merged_claims(ds, roll_up=roll_up, relations=rels):
        if m.source in wanted:
            found.setdefault(m.voice, {}).update((rid, ds.relation(rid)) for rid in m.relations)
    order = sorted(
        found,
        key=lambda c: (
            c.startswith(AUTHOR + ":"),
            ids.index(c.split(":", 1)[1]) if c.startswith(AUTHOR + ":") else 0,
            c,
        ),
    )
    members = {c: list(found[c].values()) for c in order}
    names = {c: c if c.startswith(AUTHOR + ":") else entity_name(ds, c) for c in order}
    titles = {s: ds.sources[s].title for s in ids}
    return Comparison(
        ids[0] if ids else None,
        ids[-1] if ids else None,
        [],
        [],
        [],
        _disagreements(members, modality, up),
        modality,
        {r.id: r for r in rels},
        titles,
        tuple(ids),
        _matrix(rels, members, up),
        by="claimant",
        claimants=tuple(order),
        names=names,
        roll_up=roll_up,
    )
