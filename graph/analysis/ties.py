"""Signed ties between entities, made from the claims by the sign rule.

Each unordered pair of entities gets at most one sign, from the relations
between them in either direction:

* only relations whose modality is *counted* take part: ``reported`` and
  ``claimed`` by default (what the sources state as fact or attribute to an
  actor); pass ``modality=`` to widen it (e.g. add ``recommended``);
* structural types (``HOLDS``, ``PART_OF``...) and relations of polarity 0
  (e.g. ``REQUEST``) carry no sign and do not count;
* a ``denied`` relation, when counted, counts with its polarity reversed (a
  denied concession strains a tie, a denied attack eases it);
* rule ``"sum"`` (default): the sign of the sum of the polarities, so one
  ``AID`` (+10) outweighs one ``ACCUSE`` (-3); rule ``"majority"``: the sign
  of (number of positive relations - number of negative ones), each claim
  counting once;
* a pair whose relations cancel out exactly is *ambivalent*: it is listed but
  carries no sign.

Only *actors* take part by default (:data:`~graph.vocab.ACTOR_KINDS`): friend
and enemy are said of states, movements, organisations, offices, people and
collectives, not of the things claims are about (kinds ``agreement``,
``asset``, ``place``). Pass ``actors_only=False`` to sign every pair. With
``merge_parts=True`` an entity that is ``part_of`` another (an office of a
state) is counted as that entity.

Examples
--------
>>> check_modalities(None), check_modalities(["denied", "reported", "denied"])
(('reported', 'claimed'), ('denied', 'reported'))
>>> check_modalities("rumoured")  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
graph.errors.QueryError: unknown modality 'rumoured';
expected one of: reported, claimed, recommended, speculated, denied
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import QueryError
from ..vocab import THING_KINDS
from .claims import check_modalities, effective_polarity, root

if TYPE_CHECKING:
    from ..dataset import Dataset
    from ..model import Relation

__all__ = ["Tie", "signed_ties", "pair_ties", "COUNTED_MODALITIES", "RULES"]

COUNTED_MODALITIES = ("reported", "claimed")
"""The modalities that count by default: what the sources state as fact or attribute to an actor."""
RULES = ("sum", "majority")


@dataclass(frozen=True)
class Tie:
    """The signed tie between entities ``a < b`` and the relations behind it."""

    a: str
    b: str
    sign: int  # +1 or -1 (0 only for an ambivalent pair)
    score: float  # sum of polarities ("sum") or positive minus negative count ("majority")
    relations: tuple  # ids of the relations that counted, in data order

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)

    def to_dict(self) -> dict:
        return {"pair": [self.a, self.b], "sign": self.sign, "score": self.score, "relations": list(self.relations)}


def pair_ties(
    ds: Dataset,
    modality: str | Iterable[str] | None = None,
    rule: str = "sum",
    merge_parts: bool = False,
    actors_only: bool = True,
) -> tuple[dict[tuple[str, str], Tie], list[Tie], dict[str, Relation], tuple[str, ...]]:
    """``(ties, ambivalent, relations, modalities)``: the signed ties (``(a, b) -> Tie``, sorted by
    pair), the ambivalent Ties, the relations behind them by id, and the modalities counted."""
    if rule not in RULES:
        raise QueryError(f"unknown sign rule '{rule}'; expected one of: " + ", ".join(RULES))
    modality = check_modalities(modality)
    acc: defaultdict[tuple[str, str], list[Relation]] = defaultdict(list)
    things = {eid for eid, e in ds.entities.items() if e.kind in THING_KINDS} if actors_only else set()
    roots: dict[str, str] = {}
    for r in ds.relations():
        if r.modality not in modality or r.polarity == 0 or r.quad == "structural":
            continue
        a, b = r.subject, r.object
        if a in things or b in things:
            continue
        if merge_parts:
            a = roots[a] if a in roots else roots.setdefault(a, root(ds, a))
            b = roots[b] if b in roots else roots.setdefault(b, root(ds, b))
        if a == b:
            continue
        acc[(a, b) if a < b else (b, a)].append(r)
    ties: dict[tuple[str, str], Tie] = {}
    ambivalent: list[Tie] = []
    rels: dict[str, Relation] = {}
    for (a, b), rs in sorted(acc.items()):
        pols = [effective_polarity(r) for r in rs]
        if rule == "sum":
            score = round(sum(pols), 9)
        else:
            score = float(sum(p > 0 for p in pols) - sum(p < 0 for p in pols))
        sign = (score > 0) - (score < 0)
        tie = Tie(a, b, sign, score, tuple(r.id for r in rs))
        for r in rs:
            rels[r.id] = r
        if sign:
            ties[(a, b)] = tie
        else:
            ambivalent.append(tie)
    return ties, ambivalent, rels, modality


def signed_ties(
    ds: Dataset,
    *,
    modality: str | Iterable[str] | None = None,
    rule: str = "sum",
    merge_parts: bool = False,
    actors_only: bool = True,
) -> dict[tuple[str, str], Tie]:
    """The signed tie of each pair of entities, by the sign rule of this module.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view of one.
    modality : str or list of str, optional
        The modalities that count; default ``("reported", "claimed")``.
    rule : {"sum", "majority"}
        How the relations of a pair make its sign (see the module docs).
    merge_parts : bool
        Count an entity that is ``part_of`` another as that entity.
    actors_only : bool
        Leave out agreements, assets and places (:data:`~graph.vocab.THING_KINDS`).

    Returns
    -------
    dict
        ``(a, b) -> Tie`` with ``a < b``, for pairs with a non-zero sign.

    Raises
    ------
    QueryError
        For an unknown modality or rule.

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}
    ...   - {id: r2, subject: B, object: A, type: ACCUSE, modality: reported, evidence: [{source: s, quote: q}]}
    ...   - {id: r3, subject: B, object: A, type: ACCUSE, modality: claimed, evidence: [{source: s, quote: q}]}
    ... ''')
    >>> signed_ties(ds)[("A", "B")]
    Tie(a='A', b='B', sign=1, score=4.0, relations=('r1', 'r2', 'r3'))
    >>> signed_ties(ds, rule="majority")[("A", "B")].sign
    -1
    >>> signed_ties(ds, modality="claimed")[("A", "B")].score
    -3.0
    """
    return pair_ties(ds, modality, rule, merge_parts, actors_only)[0]
