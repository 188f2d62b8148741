"""Analyses of a dataset (or a view of one): plain functions, networkx style.

Each takes a :class:`~graph.Dataset` -- filter first with ``ds.view(...)`` --
and returns a small result object that prints as a readable report
(``str(result)``), displays as a table in a notebook, and gives plain JSON
data with ``result.to_dict()`` (what ``actorgraph analyze KIND --json``
prints).

* :func:`centrality` -- degree, in/out, betweenness, eigenvector, ranked;
* :func:`balance` -- signed structural balance: triangles, two camps,
  frustrated ties;
* :func:`timeline` -- the dated claims about an actor or a pair, in order;
* :func:`claimants` -- claims by who asserts them and by source;
* :func:`compare` -- which sources assert, deny or omit each claim, and where
  they disagree in polarity;
* :func:`contested` -- claims asserted and denied (contested), or asserted by
  several sources and denied by none (corroborated);
* :func:`discourse` -- the discourse network: claimants tied by congruence (the
  claim groups they take the same stance on) and conflict (opposite stances),
  over time windows, split into two camps.

``roll_up=True`` (``--roll-up``) means one thing in every analysis: an office or a
person counts as the state or organisation at the top of its ``part_of`` chain
(:func:`graph.analysis.merge.rolled`); and a claim repeated in one source (same
subject, type, object, modality and claimant) counts once, with all its quotes
(:func:`graph.analysis.merge.merged_claims`).

>>> import graph
>>> from graph import analysis
>>> sorted(analysis.KINDS)
['balance', 'centrality', 'claimants', 'compare', 'contested', 'discourse', 'timeline']
"""

from __future__ import annotations

from .balance import Balance, Tie, Triangle, balance, signed_ties
from .centrality import Centrality, centrality
from .claimants import Claimants, claimants
from .compare import Comparison, compare
from .contested import ClaimGroup, Contested, contested
from .discourse import Discourse, DiscourseWindows, discourse
from .timeline import Timeline, timeline

__all__ = [
    "centrality",
    "balance",
    "signed_ties",
    "timeline",
    "claimants",
    "compare",
    "contested",
    "Centrality",
    "Balance",
    "Tie",
    "Triangle",
    "Timeline",
    "Claimants",
    "Comparison",
    "Contested",
    "ClaimGroup",
    "discourse",
    "Discourse",
    "DiscourseWindows",
    "KINDS",
]

KINDS = {
    "centrality": centrality,
    "balance": balance,
    "timeline": timeline,
    "claimants": claimants,
    "compare": compare,
    "contested": contested,
    "discourse": discourse,
}
