"""Timeline: the dated claims about an actor, or between two actors, in order.

Claims are ordered by when the thing happened (``when``), earliest start
first, then the earlier end (a month before the year that contains it), then
id. Undated claims cannot be placed: they are kept apart in ``undated`` and
the report says how many there are. With ``time="made"`` claims are placed
at when they were *made* (the earliest ``published`` date of their sources);
with ``time="happened-or-made"`` at when they happened, and an undated claim
at when it was made, marked as such (``(made)`` in the report, ``"time":
"made"`` in the JSON).

Examples
--------
>>> import graph
>>> from graph.analysis import timeline
>>> ds = graph.loads('''
... sources: [{id: s, title: T}]
... entities:
...   - {id: A, name: A, kind: state}
...   - {id: B, name: B, kind: state}
...   - {id: C, name: C, kind: state}
... relations:
...   - {id: late, subject: A, object: B, type: ACCUSE, modality: reported, when: 2024-05,
...      evidence: [{source: s, quote: q}]}
...   - {id: early, subject: B, object: A, type: AID, modality: reported, when: 2021, evidence: [{source: s, quote: q}]}
...   - {id: other, subject: A, object: C, type: CONSULT, modality: reported, when: 2022,
...      evidence: [{source: s, quote: q}]}
...   - {id: nodate, subject: A, object: B, type: CONSULT, modality: reported, evidence: [{source: s, quote: q}]}
... ''')
>>> t = timeline(ds, "A", "B")
>>> [r.id for r in t], [r.id for r in t.undated]
(['early', 'late'], ['nodate'])
>>> [r.id for r in timeline(ds, "A")]
['early', 'other', 'late']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import QueryError, UnknownEntityError
from ..filters import AUTHOR, TIMES
from ..traverse import time_key
from ._report import html_table, plural, text_table
from .merge import claimants_of, rolled

if TYPE_CHECKING:
    import pandas as pd

    from ..dataset import Dataset
    from ..model import Relation

__all__ = ["timeline", "Timeline"]


def _row(r, placed=None, up=None):
    ev = r.evidence[0] if r.evidence else None
    w, how = placed if placed else (r.when, "happened")
    row = {
        "when": str(w) if w else None,
        "start": w.start.isoformat() if w else None,
        "end": w.end.isoformat() if w else None,
        "time": how if w else None,
        "id": r.id,
        "subject": r.subject,
        "type": r.type,
        "mode": r.mode,
        "object": r.object,
        "modality": r.modality,
        "polarity": r.polarity,
        "asserted_by": r.asserted_by or AUTHOR,
        "claimants": list(r.claimants) or [AUTHOR],
        "source": ev.source if ev else None,
        "quote": ev.quote if ev else None,
    }
    if up is not None:  # rolled up; the ids coded in the data one key away
        row["coded"] = {"subject": r.subject, "object": r.object, "claimants": row["claimants"]}
        row["subject"], row["object"] = up(r.subject), up(r.object)
        row["claimants"] = list(claimants_of(r, up))
        row["asserted_by"] = row["claimants"][0]
    return row


@dataclass(repr=False)
class Timeline:
    """The dated claims in time order (``relations``), and the ``undated`` ones."""

    relations: list
    undated: list
    actors: tuple = ()
    names: dict = field(default_factory=dict, repr=False)
    #: relation id -> (When, "happened" or "made"): the time each dated claim is placed at
    placed: dict = field(default_factory=dict, repr=False)
    time: str = "happened"
    #: with roll-up, the function giving each entity what it counts as (None: exact entities)
    up: Callable[[str], str] | None = field(default=None, repr=False)

    def __iter__(self) -> Iterator[Relation]:
        return iter(self.relations)

    def __len__(self) -> int:
        return len(self.relations)

    def __repr__(self) -> str:
        return (
            f"<Timeline of {', '.join(self.actors) or 'all'}: {len(self.relations)} dated, {len(self.undated)} undated>"
        )

    def to_dict(self) -> dict:
        return {
            "actors": list(self.actors),
            "time": self.time,
            "roll_up": self.up is not None,
            "dated": [_row(r, self.placed.get(r.id), self.up) for r in self.relations],
            "undated": [_row(r, (None, None), self.up) for r in self.undated],
        }

    def to_pandas(self) -> pd.DataFrame:
        """The rows of :meth:`to_dict` (dated in order, then undated) as a pandas DataFrame."""
        from ..tables import frame

        d = self.to_dict()
        rows = d["dated"] + d["undated"]
        return frame(rows, list(rows[0]) if rows else ["when", "id"])

    def _title(self):
        if not self.actors:
            return "Timeline of all dated claims" + (" (rolled up)" if self.up else "")
        who = " and ".join(f"{a} ({self.names.get(a, a)})" for a in self.actors)
        if self.up is not None:
            about = "about or made by" if len(self.actors) == 1 else "between"
            return (
                f"Timeline of the claims {about} {who}, an office or person counted as the state or "
                "organisation it is part of"
            )
        return f"Timeline of the claims {'about' if len(self.actors) == 1 else 'between'} {who}"

    def _when(self, r):
        w, how = self.placed.get(r.id, (None, None))
        if w is None:
            return "undated"
        return f"{w} (made)" if how == "made" and self.time == "happened-or-made" else str(w)

    def _rows(self, rels):
        up = self.up or (lambda e: e)
        return [
            [
                self._when(r),
                up(r.subject),
                r.type + (f"/{r.mode}" if r.mode else ""),
                up(r.object),
                r.modality,
                ", ".join(claimants_of(r, up)),
                r.evidence[0].quote if r.evidence else "",
            ]
            for r in rels
        ]

    def __str__(self) -> str:
        headers = [
            "said" if self.time == "made" else "when",
            "subject",
            "type",
            "object",
            "modality",
            "said by",
            "quote",
        ]
        widths = [25, 14, 22, 14, 11, 11, 70]
        out = [self._title()]
        if self.time == "made":
            out.append("(placed at when each claim was made: the publication date of its source)")
        elif self.time == "happened-or-made":
            out.append("(placed at when it happened; an undated claim at when it was made, marked '(made)')")
        out.append("")
        if self.relations:
            out.append(text_table(self._rows(self.relations), headers, widths))
        else:
            out.append("no dated claims")
        if self.undated:
            why = "no dated source" if self.time == "made" else "no 'when'"
            out.append(
                f"\n{plural(len(self.undated), 'undated claim')} ({why}, so not placed in time): "
                + ", ".join(r.id for r in self.undated)
            )
        return "\n".join(out)

    def _repr_html_(self):
        return html_table(
            self._rows(self.relations + self.undated),
            ["when", "subject", "type", "object", "modality", "said by", "quote"],
            caption=self._title(),
        )


def _actor_id(ds, name):
    """The id of actor *name* in *ds*; in a view, also an entity left out of it whose parts are in it.

    A view keeps only the entities its relations touch: in ``ds.view(type="REQUEST")`` the
    United States may be missing while its administration (``part_of: USA``) is there.
    """
    try:
        return ds.entity(name).id
    except UnknownEntityError:
        wanted = str(name).strip().lower()
        for e in ds.entities.values():
            if e.part_of and e.part_of.lower() == wanted:
                return e.part_of
        raise


def timeline(
    ds: Dataset,
    actor: str | None = None,
    other: str | None = None,
    *,
    parts: bool = True,
    time: str = "happened",
    roll_up: bool = False,
    **filters: Any,
) -> Timeline:
    """The dated claims about *actor* (or between *actor* and *other*), in time order.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view of one.
    actor : str, optional
        An actor's id, name or alias: the claims where it is subject or object.
        Without it, every claim of *ds*.
    other : str, optional
        A second actor: only the claims between the two, in either direction.
    time : ``"happened"`` (default), ``"made"`` or ``"happened-or-made"``
        Place each claim at when it happened (``when``), when it was made
        (the earliest ``published`` of its sources), or when it happened and,
        for an undated claim, when it was made (marked). A ``start``/``end``
        filter uses the same time.
    parts : bool, default True
        Include the claims of the entities that are ``part_of`` an actor (a
        state's offices), as :meth:`Dataset.relations` does.
    roll_up : bool, default False
        Count an office or a person as the state or organisation at the top of
        its ``part_of`` chain (:func:`graph.analysis.merge.rolled`): the actor
        stands for that top entity and all its parts, which it *is*, so its
        timeline holds the claims about it **and the claims it makes** (those
        asserted by any of its parts: what US officials said, whoever the
        claim is about); the report shows the rolled-up ids, with the coded
        ones in ``to_dict()`` (``"coded"``).
    **filters
        Relation filters of :meth:`Dataset.relations` (``type``, ``modality``,
        ``source``, ``start``...): only the claims that match them. Prefer them to
        a view: a view keeps only the entities its relations touch, so an actor
        named by its name or alias whose claims all come from its offices is not
        in it (its id still works: the offices say what they are part of).

    Returns
    -------
    Timeline
        ``relations`` (dated, in order) and ``undated`` (data order);
        ``to_dict()`` for JSON.

    Raises
    ------
    UnknownEntityError
        For an actor that does not exist (with close matches).
    QueryError
        For a bad filter value.

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities: [{id: A, name: Aland, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r2, subject: A, object: B, type: AID, modality: reported, when: 2021-08..2022,
    ...      evidence: [{source: s, quote: q}]}
    ...   - {id: r1, subject: A, object: B, type: ACCUSE, modality: reported, when: 2021-08,
    ...      evidence: [{source: s, quote: q}]}
    ... ''')
    >>> [(str(r.when), r.id) for r in timeline(ds, "Aland")]
    [('2021-08', 'r1'), ('2021-08..2022', 'r2')]
    >>> [r.id for r in timeline(ds, "A", type="AID")]
    ['r2']
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T, published: 2023-05}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: dated, subject: A, object: B, type: AID, modality: reported, when: 2024,
    ...      evidence: [{source: s, quote: q}]}
    ...   - {id: undated, subject: A, object: B, type: ACCUSE, modality: reported, evidence: [{source: s, quote: q}]}
    ... ''')
    >>> t = timeline(ds, "A", time="happened-or-made")
    >>> [(r.id, t._when(r)) for r in t]
    [('undated', '2023-05 (made)'), ('dated', '2024')]
    >>> [r.id for r in timeline(ds, "A", time="made")], [r.id for r in timeline(ds, "A", end="2023", time="made")]
    (['dated', 'undated'], ['dated', 'undated'])
    """
    if actor is None and other is not None:
        actor, other = other, None
    up = rolled(ds, roll_up)
    actors = tuple(up(_actor_id(ds, x)) for x in (actor, other) if x is not None)
    sides = [ds.with_parts({a}) if parts or roll_up else {a} for a in actors]
    if time not in TIMES:
        raise QueryError(f"unknown time '{time}'; expected one of: " + ", ".join(TIMES))
    if "start" in filters or "end" in filters:
        filters["time"] = time
    rels = ds.relations(**filters, parts=parts) if filters else ds.relations()
    if len(sides) == 1:
        side = sides[0]
        rels = [
            r
            for r in rels
            if r.subject in side or r.object in side or (roll_up and any(c in side for c in r.claimants))
        ]
    elif len(sides) == 2:
        a, b = sides
        rels = [r for r in rels if (r.subject in a and r.object in b) or (r.subject in b and r.object in a)]
    placed = {}
    for r in rels:
        times = ds.claim_times(r, time)
        if times:
            placed[r.id] = times[0]
    if time == "happened":
        dated = sorted((r for r in rels if r.id in placed), key=time_key)
    else:
        dated = sorted(
            (r for r in rels if r.id in placed), key=lambda r: (placed[r.id][0].start, placed[r.id][0].end, r.id)
        )
    undated = [r for r in rels if r.id not in placed]
    names = {a: ds.entities[a].name if a in ds.entities else a for a in actors}
    return Timeline(dated, undated, actors, names, placed, time, up if roll_up else None)
