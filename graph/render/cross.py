"""The page's cross-source data, compact: the roll-up map, the claim groups rolled up, the discourse networks.

:func:`cross_data` gives what the page's roll-up toggle, its cross-source panels and its "who sides
with whom" view need that the page cannot work out from the records (graph/render/static/cross.js
works out the rest: merged claims, claims counted once, what a pair stands on):

* ``roll_up``: ``{entity id: the id it counts as}`` (:func:`graph.analysis.merge.roll_up_map`): the
  one meaning of ``--roll-up``;
* ``groups`` (only when something rolls up): the contested and corroborated claim groups rolled up,
  as the page data's ``groups`` (:func:`graph.analysis.contested.verdicts` with ``roll_up``);
* ``discourse``: ``exact`` and, when something rolls up, ``rolled`` (else the same as ``exact``): the
  discourse network (:func:`graph.analysis.discourse`, ``normalize="jaccard"``) as tables of indexes --
  ``claimants`` ``[[id, camp (1, 2, or 0: not placed)]]``, ``groups`` ``[[subject, type, object]]``,
  ``edges`` ``[[a, b, congruence, conflict, weight, [group, ...]]]`` (claimant and group indexes)
  and ``claims`` ``[[claimant, group, stance, source, [relation id, ...]]]``: the merged claims by
  which a claimant takes its stance on a group of one of its pairs (their quotes are in the
  records); ``method``: how the camps were found (``exact`` or ``heuristic``).

Quotes are not repeated: a pair's groups, each side's claims and their quotes come out of
``claims`` and the records, as :meth:`graph.analysis.discourse.Discourse.evidence` gives them.

>>> import graph
>>> d = cross_data(graph.example())
>>> d["roll_up"], sorted(d), sorted(d["discourse"])
({'PAK-FO': 'PAK'}, ['discourse', 'groups', 'roll_up'], ['exact', 'rolled'])
>>> d["discourse"]["exact"]["claimants"], d["discourse"]["exact"]["edges"]
([['PAK-FO', 0], ['author:s1', 1], ['author:s2', 1]], [[1, 2, 1, 0, 0.333333, [0]]])
"""

from __future__ import annotations

from ..analysis.contested import verdicts
from ..analysis.discourse import STANCE, discourse
from ..analysis.merge import roll_up_map

__all__ = ["cross_data", "network_data", "group_rows"]


def group_rows(shown) -> list:
    """Claim groups (:func:`graph.analysis.contested.verdicts`) as the page data's ``groups``."""
    return [
        {"key": list(key), "contested": c, "corroborated": k, "reasons": reasons, "relations": rids}
        for key, c, k, reasons, rids in shown
    ]


def network_data(net) -> dict:
    """A :class:`~graph.analysis.discourse.Discourse` as the page's tables (see the module docs).

    >>> import graph
    >>> from graph.analysis import discourse
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities:
    ...   - {id: A, name: A, kind: state}
    ...   - {id: P, name: P, kind: person}
    ...   - {id: Q, name: Q, kind: person}
    ... relations:
    ...   - {id: r1, subject: A, object: A, type: AID, modality: claimed, asserted_by: P,
    ...      evidence: [{source: s, quote: x}]}
    ...   - {id: r2, subject: A, object: A, type: AID, modality: denied, asserted_by: Q,
    ...      evidence: [{source: s, quote: y}]}
    ... ''')
    >>> n = network_data(discourse(ds, normalize="jaccard"))
    >>> n["claimants"], n["groups"], n["edges"]
    ([['P', 1], ['Q', 2]], [['A', 'AID', 'A']], [[0, 1, 0, 1, -1.0, [0]]])
    >>> n["claims"]
    [[0, 0, 1, 's', ['r1']], [1, 0, -1, 's', ['r2']]]
    """
    index = {c: i for i, c in enumerate(net.claimants)}
    groups = sorted({tuple(g) for e in net.edges for g in e["groups"]})
    gi = {g: i for i, g in enumerate(groups)}
    edges, wanted = [], set()
    for e in net.edges:
        keys = [tuple(g) for g in e["groups"]]
        edges.append(
            [index[e["a"]], index[e["b"]], e["congruence"], e["conflict"], e.get("weight"), [gi[g] for g in keys]]
        )
        wanted.update((c, g) for g in keys for c in (e["a"], e["b"]))
    claims = [
        [index[c], gi[g], STANCE[m.modality], m.source, list(m.relations)]
        for (c, g), ms in net.claims.items()
        if (c, g) in wanted
        for m in ms
    ]
    return {
        "claimants": [[c, net.camp_of(c) or 0] for c in net.claimants],
        "groups": [list(g) for g in groups],
        "edges": edges,
        "claims": claims,
        "method": net.method,
    }


def cross_data(ds) -> dict:
    """The page's cross-source data for *ds* (see the module docs)."""
    up = roll_up_map(ds)
    out = {"roll_up": up, "discourse": {"exact": network_data(discourse(ds, normalize="jaccard"))}}
    if up:  # else rolling up changes nothing: the page uses the exact groups and network
        out["groups"] = group_rows(verdicts(ds, roll_up=True))
        out["discourse"]["rolled"] = network_data(discourse(ds, roll_up=True, normalize="jaccard"))
    return out
