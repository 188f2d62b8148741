"""Claims in order: by when it happened, when it was said (the source's ``published``), or by source.

Every order is stable and total -- claims of the same date keep one order, run after run:

* ``when``: by when the thing happened (start, then end), then by when it was said, then id;
  undated claims last;
* ``said``: by when the claim was made -- the ``published`` date of its earliest source --
  a date placed at its last day and, within one last day, the more precise first, so a source of
  ``2023-09-14`` comes before one of ``2023-09`` (which may be as late as the 30th), and either
  before ``2023-10``; then by when it happened, then id; claims of undated sources last;
* ``source``: the sources in order of ``said``, each with its claims by ``when`` (a claim cited
  by several sources comes under the first).

>>> import graph
>>> ds = graph.loads('''
... sources:
...   - {id: late, title: L, published: 2023-11}
...   - {id: month, title: M, published: 2023-09}
...   - {id: day, title: D, published: 2023-09-14}
... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
... relations:
...   - {id: r1, subject: A, object: B, type: AID, modality: reported, when: 2020, evidence: [{source: late, quote: q}]}
...   - {id: r2, subject: A, object: B, type: AID, modality: reported, when: 2019,
...      evidence: [{source: month, quote: q}]}
...   - {id: r3, subject: A, object: B, type: AID, modality: reported, evidence: [{source: day, quote: q}]}
... ''')
>>> [r.id for r in sort_relations(ds, ds.relations(), "said")]
['r3', 'r2', 'r1']
>>> [r.id for r in sort_relations(ds, ds.relations(), "when")]
['r2', 'r1', 'r3']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ..errors import QueryError

if TYPE_CHECKING:
    from ..dataset import Dataset
    from ..model import Relation
    from ..when import When

__all__ = ["sort_relations", "said_key", "SORTS"]

SORTS = ("when", "said", "source")
_LAST = (1, date.max, 0, date.max)


def said_key(w: When | None) -> tuple:
    """The sort key of a ``published`` date *w* (a When, or None: last): its last day, then the more precise."""
    if w is None:
        return _LAST
    return (0, w.end, (w.end - w.start).days, w.start)


def _when_key(w):
    return (1, date.max, date.max) if w is None else (0, w.start, w.end)


def sort_relations(ds: Dataset, relations: Iterable[Relation], by: str) -> list[Relation]:
    """*relations* (claims of *ds*) in the order *by* (``"when"``, ``"said"``, ``"source"``; see the module docs)."""
    if by not in SORTS:
        raise QueryError(f"unknown order '{by}'; expected one of: " + ", ".join(SORTS))
    pub = {sid: said_key(s.published) for sid, s in ds.sources.items()}

    def said(r):
        return min((pub.get(s, _LAST) for s in r.sources), default=_LAST)

    if by == "when":
        return sorted(relations, key=lambda r: (_when_key(r.when), said(r), r.id))
    if by == "said":
        return sorted(relations, key=lambda r: (said(r), _when_key(r.when), r.id))
    order = {sid: i for i, sid in enumerate(sorted(ds.sources, key=lambda s: (pub[s], s)))}
    first = {r.id: min((order[s] for s in r.sources if s in order), default=len(order)) for r in relations}
    return sorted(relations, key=lambda r: (first[r.id], _when_key(r.when), said(r), r.id))
