"""The discourse network: who sides with whom, from who asserts and who denies which claim group.

As the Discourse Network Analyzer (DNA) builds actor congruence and conflict networks from
statements, this builds them from claims:

* a **claimant** is an entity in a claim's ``asserted_by``, or, when the claim has none, the
  source's author, named ``author:SOURCE_ID`` (one claimant per source);
* a claimant's **stance** on a claim group (subject, type, object) is +1 when it asserts the
  claim (``reported``, ``claimed``) and -1 when it denies it (``denied``); ``recommended`` and
  ``speculated`` claims take no stance. A claimant that asserts a group and also denies it
  (in two sources, or at two times) holds both stances;
* between two claimants, **congruence** is the number of groups on which they take the same
  stance and **conflict** the number on which they take opposite stances (a group on which one
  of them holds both stances counts for both);
* with ``roll_up`` the groups *and* the claimants roll up (an office or a person counts as the
  state or organisation at the top of its ``part_of`` chain: :func:`graph.analysis.merge.rolled`);
* ``normalize`` adds a ``weight`` to each edge: (congruence - conflict) over the groups either
  claimant takes a stance on (``jaccard``), or over the square root of the product of their
  numbers (``cosine``): +1 when they agree on all they say, -1 when they disagree on all;
* ``window`` / ``step`` give one network per time window (:mod:`graph.analysis.windows`), a claim
  placed at when it was made: the ``published`` date of its source. A claim counts in every
  window its source's date overlaps (a source dated "2025" in every window that meets 2025);
  claims of undated sources are in no window (``undated`` says how many).

**Camps**: the split of the claimants into two that maximises the congruence inside the camps
plus the conflict across them -- the same as the split that leaves the least *net* congruence
across and *net* conflict inside (each pair weighs congruence - conflict). Groups of up to
``exact_limit`` linked claimants are split exactly (every split examined); larger ones by the
heuristic of :mod:`graph.analysis.camps` (not guaranteed optimal), and the result says which.
Claimants with no pair that leans either way are not placed.

Examples
--------
>>> import graph
>>> from graph.analysis import discourse
>>> ds = graph.loads('''
... sources: [{id: s1, title: One, published: 2021}, {id: s2, title: Two, published: 2022}]
... entities:
...   - {id: A, name: A, kind: state}
...   - {id: B, name: B, kind: state}
...   - {id: P, name: P, kind: person}
...   - {id: Q, name: Q, kind: person}
... relations:
...   - {id: r1, subject: A, object: B, type: AID, modality: claimed, asserted_by: P,
...      evidence: [{source: s1, quote: q}]}
...   - {id: r2, subject: A, object: B, type: AID, modality: denied, asserted_by: Q, evidence: [{source: s2, quote: q}]}
...   - {id: r3, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s2, quote: q}]}
... ''')
>>> discourse(ds).to_dict()  # doctest: +NORMALIZE_WHITESPACE
{'claimants': ['P', 'Q', 'author:s2'],
 'edges': [{'a': 'P', 'b': 'Q', 'congruence': 0, 'conflict': 1, 'groups': [['A', 'AID', 'B']]},
           {'a': 'P', 'b': 'author:s2', 'congruence': 1, 'conflict': 0, 'groups': [['A', 'AID', 'B']]},
           {'a': 'Q', 'b': 'author:s2', 'congruence': 0, 'conflict': 1, 'groups': [['A', 'AID', 'B']]}]}
>>> discourse(ds).camps
(['P', 'author:s2'], ['Q'])
>>> [(w["start"], w["claimants"]) for w in discourse(ds, window="1y").to_dict()]
[('2021-01-01', ['P']), ('2022-01-01', ['Q', 'author:s2'])]
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any, overload

from ..errors import QueryError
from ._report import entity_name
from .camps import EXACT_LIMIT, split
from .discourse_result import STANCE, Discourse, DiscourseWindows, at_odds
from .merge import merged_claims
from .ties import Tie
from .windows import windows as _windows

if TYPE_CHECKING:
    from ..dataset import Dataset
    from .merge import MergedClaim

__all__ = ["discourse", "Discourse", "DiscourseWindows", "NORMALIZE", "STANCE"]

NORMALIZE = ("none", "jaccard", "cosine")


def _stances(claims):
    # claimant -> {claim group: its stances}; (claimant, claim group) -> the claims behind them
    stances: defaultdict[str, dict[tuple, list[int]]] = defaultdict(dict)
    support: defaultdict[tuple[str, tuple], list[MergedClaim]] = defaultdict(list)
    for m in claims:
        st = STANCE.get(m.modality)
        if st is None:
            continue
        voice, key = m.voice, m.key
        mine = stances[voice]
        have = mine.get(key)
        if have is None:
            mine[key] = [st]
        elif st not in have:
            have.append(st)
            have.sort(reverse=True)
        support[(voice, key)].append(m)
    return {c: dict(g) for c, g in stances.items()}, dict(support)


def _network(stances, normalize):
    by_group: defaultdict[tuple, list[str]] = defaultdict(list)
    for c, groups in stances.items():
        for g in groups:
            by_group[g].append(c)
    # (a, b) -> [congruence, conflict, the claim groups]
    pairs: defaultdict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, 0, []])
    for g, cs in by_group.items():
        if len(cs) < 2:
            continue
        cs.sort()
        for i, a in enumerate(cs):
            sa = stances[a][g]
            for b in cs[i + 1 :]:
                sb = stances[b][g]
                same, opposed = bool(set(sa) & set(sb)), at_odds(sa, sb)
                if same or opposed:
                    p = pairs[(a, b)]
                    p[0] += same
                    p[1] += opposed
                    p[2].append(g)
    edges = []
    for (a, b), (cong, conf, groups) in sorted(pairs.items()):
        e = {"a": a, "b": b, "congruence": cong, "conflict": conf, "groups": [list(g) for g in sorted(groups)]}
        if normalize != "none":
            # two stances on one group are always the same or opposed: the pair's groups are all they share
            na, nb, shared = len(stances[a]), len(stances[b]), len(groups)
            denom = (na + nb - shared) if normalize == "jaccard" else math.sqrt(na * nb)
            e["weight"] = round((cong - conf) / denom, 6)
        edges.append(e)
    return edges


def _camps(edges, claimants, exact_limit, restarts, seed):
    ties = {}
    for e in edges:
        d = e["congruence"] - e["conflict"]
        if d:
            ties[(e["a"], e["b"])] = Tie(e["a"], e["b"], 1 if d > 0 else -1, float(d), ())
    if not ties:
        return ((), ()), list(claimants), True, None, []
    s = split(ties, exact_limit=exact_limit, restarts=restarts, seed=seed, weight_first=True)
    placed = set(s.camps[0]) | set(s.camps[1])
    against = [e for e in edges if (e["a"], e["b"]) in {t.pair for t in s.frustrated}]
    return s.camps, [c for c in claimants if c not in placed], s.exact, s.optimal_splits, against


def _build(claims, ds, normalize, roll_up, exact_limit, restarts, seed, start=None, end=None):
    stances, support = _stances(claims)
    claimants = sorted(stances)
    edges = _network(stances, normalize)
    camps, unplaced, exact, n_opt, against = _camps(edges, claimants, exact_limit, restarts, seed)
    names = {
        c: (f"the author of {c.split(':', 1)[1]}" if c.startswith("author:") else entity_name(ds, c)) for c in claimants
    }
    return Discourse(
        claimants,
        edges,
        stances,
        support,
        names,
        normalize,
        roll_up,
        tuple(camps),
        unplaced,
        exact,
        n_opt,
        against,
        start,
        end,
    )


@overload
def discourse(
    ds: Dataset,
    *,
    roll_up: bool = ...,
    window: None = None,
    step: str | None = ...,
    normalize: str = ...,
    exact_limit: int = ...,
    restarts: int = ...,
    seed: int = ...,
) -> Discourse: ...
@overload
def discourse(
    ds: Dataset,
    *,
    roll_up: bool = ...,
    window: str,
    step: str | None = ...,
    normalize: str = ...,
    exact_limit: int = ...,
    restarts: int = ...,
    seed: int = ...,
) -> DiscourseWindows: ...
def discourse(
    ds: Dataset,
    *,
    roll_up: bool = False,
    window: str | None = None,
    step: str | None = None,
    normalize: str = "none",
    exact_limit: int = EXACT_LIMIT,
    restarts: int = 50,
    seed: int = 0,
) -> Discourse | DiscourseWindows:
    """The discourse network of *ds* (see the module docs): claimants tied by congruence and conflict.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view of one (filter first: ``ds.view(type="AID")``).
    roll_up : bool, default False
        Roll up the claim groups and the claimants (an office or person counts as its state).
    window, step : str, optional
        ``"1y"``, ``"6m"``, ``"2w"``, ``"30d"``: one network per window of that width, every
        *step* (default: the width), on the sources' ``published`` dates.
    normalize : ``"none"``, ``"jaccard"`` or ``"cosine"``
        Add a ``weight`` to each edge (see the module docs).
    exact_limit, restarts, seed
        How the camps are found: groups of linked claimants up to *exact_limit* exactly, larger
        ones by the heuristic with *restarts* seeded random starts.

    Returns
    -------
    Discourse, or DiscourseWindows with *window*
        ``claimants``, ``edges``, ``camps``...; ``to_dict()`` for JSON, ``to_pandas()`` for a table.

    Raises
    ------
    QueryError
        For an unknown normalisation or a bad window, or a step without a window.
    """
    if normalize not in NORMALIZE:
        raise QueryError(f"unknown normalisation '{normalize}'; expected one of: " + ", ".join(NORMALIZE))
    if step is not None and window is None:
        raise QueryError("a step needs a window (e.g. window='1y', step='6m')")
    claims = merged_claims(ds, roll_up=roll_up)
    args = (ds, normalize, roll_up, exact_limit, restarts, seed)
    if window is None:
        return _build(claims, *args)
    made = {}
    for m in claims:
        src = ds.sources.get(m.source)
        if src is not None and src.published is not None:
            made[m] = src.published
    dated = [w for w in made.values()]
    spans = []
    if dated:
        first = min(w.start for w in dated)
        last = max(w.end if w.end.year < 9999 else w.start for w in dated)
        spans = _windows(first, last, window, step)
    networks = [
        _build(
            [m for m in claims if m in made and made[m].start <= hi and lo <= made[m].end],
            *args,
            start=lo.isoformat(),
            end=hi.isoformat(),
        )
        for lo, hi in spans
    ]
    undated = len({rid for m in claims if m not in made and m.modality in STANCE for rid in m.relations})
    return DiscourseWindows(networks, str(window), str(step or window), undated)
