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
  several sources and denied by none (corroborated).

>>> import graph
>>> from graph import analysis
>>> sorted(analysis.KINDS)
['balance', 'centrality', 'claimants', 'compare', 'contested', 'timeline']
"""

from __future__ import annotations

from .balance import Balance, Tie, Triangle, balance, signed_ties
from .centrality import Centrality, centrality
from .claimants import Claimants, claimants
from .compare import Comparison, compare
from .contested import ClaimGroup, Contested, contested
from .timeline import Timeline, timeline

__all__ = ["centrality", "balance", "signed_ties", "timeline", "claimants", "compare", "contested",
           "Centrality", "Balance", "Tie", "Triangle", "Timeline", "Claimants", "Comparison", "Contested",
           "ClaimGroup", "KINDS"]

KINDS = {
    "centrality": centrality,
    "balance": balance,
    "timeline": timeline,
    "claimants": claimants,
    "compare": compare,
    "contested": contested,
}
