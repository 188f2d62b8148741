"""Claims in groups: the stance of a claim (asserts, denies, neither), group keys, shared checks.

A *claim group* is (subject, type, object). In a group, ``reported`` and
``claimed`` claims *assert*; ``denied`` claims *deny*; ``recommended`` and
``speculated`` claims do neither (they are "other"). With ``roll_up`` the
subject and object are each replaced by the top of their ``part_of`` chain
(an office or a person counts as its state).

>>> from graph.model import Relation
>>> r = Relation(id="r", subject="A", object="B", type="AID", modality="denied", polarity=10)
>>> stance(r), effective_polarity(r)
('denied', -10)
>>> check_modalities(["reported", "reported", "denied"])
('reported', 'denied')
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, TypeVar

from ..errors import QueryError
from ..model import top_of
from ..vocab import MODALITIES

if TYPE_CHECKING:
    from ..dataset import Dataset
    from ..model import Relation

__all__ = [
    "ASSERTING",
    "DENYING",
    "stance",
    "effective_polarity",
    "check_modalities",
    "root",
    "group_key",
    "grouped_by",
    "claim_line",
]

ASSERTING = ("reported", "claimed")
"""The modalities that assert a claim."""

DENYING = ("denied",)
"""The modalities that deny it."""


def stance(r: Relation) -> str:
    """``'asserted'``, ``'denied'`` or ``'other'`` (recommended, speculated)."""
    if r.modality in ASSERTING:
        return "asserted"
    if r.modality in DENYING:
        return "denied"
    return "other"


def effective_polarity(r: Relation) -> float:
    """The polarity a relation contributes: reversed when the relation is denied."""
    return -r.polarity if r.modality == "denied" else r.polarity


def check_modalities(
    modality: str | Iterable[str] | None, default: Iterable[str] = ("reported", "claimed")
) -> tuple[str, ...]:
    """*modality* (one or a list) as a tuple without repeats; *default* when None.

    Raises :class:`~graph.errors.QueryError` for an unknown modality or an empty list.
    """
    if modality is None:
        return tuple(default)
    if isinstance(modality, str):
        modality = [modality]
    out = []
    for m in modality:
        if m not in MODALITIES:
            raise QueryError(f"unknown modality '{m}'; expected one of: " + ", ".join(MODALITIES))
        if m not in out:
            out.append(m)
    if not out:
        raise QueryError("give at least one modality to count")
    return tuple(out)


def root(ds: Dataset, eid: str) -> str:
    """The top of *eid*'s ``part_of`` chain in *ds* (itself when it is part of nothing); in a view, the
    chain of the whole dataset (an office a view leaves out still leads to its state).

    >>> import graph
    >>> root(graph.example(), "PAK-FO")
    'PAK'
    """
    return top_of(getattr(ds, "all_entities", ds.entities), eid)


def group_key(ds: Dataset, r: Relation, roll_up: bool = False) -> tuple[str, str, str]:
    """The claim group of *r*: ``(subject, type, object)``, rolled up to states with *roll_up*."""
    if roll_up:
        return (root(ds, r.subject), r.type, root(ds, r.object))
    return (r.subject, r.type, r.object)


_K = TypeVar("_K", bound=Hashable)


def grouped_by(claims: Iterable[Relation], key: Callable[[Relation], _K]) -> dict[_K, list[Relation]]:
    """``{key(claim): [claim, ...]}``: the groups in the order of their first claim, each in the
    order of *claims*.

    >>> from graph.model import Relation
    >>> rs = [Relation(id=i, subject=s, object="B", type="AID", modality="reported", polarity=1)
    ...       for i, s in (("r1", "A"), ("r2", "C"), ("r3", "A"))]
    >>> {k: [r.id for r in g] for k, g in grouped_by(rs, lambda r: r.subject).items()}
    {'A': ['r1', 'r3'], 'C': ['r2']}
    """
    acc: dict[_K, list[Relation]] = {}
    for c in claims:
        k = key(c)
        group = acc.get(k)
        if group is None:
            acc[k] = [c]
        else:
            group.append(c)
    return acc


def claim_line(r: Relation) -> str:
    """``'X ASSAULT/mode Z (reported, 2022-03)'``: a claim on one line."""
    mode = f"/{r.mode}" if r.mode else ""
    when = f", {r.when}" if r.when else ""
    return f"{r.subject} {r.type}{mode} {r.object} ({r.modality}{when})"
