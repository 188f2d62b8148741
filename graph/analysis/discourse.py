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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from ..errors import QueryError
from ._report import entity_name, html_table, plural, text_table
from .camps import EXACT_LIMIT, split
from .claims import ASSERTING, DENYING
from .merge import merged_claims
from .ties import Tie
from .windows import windows as _windows

if TYPE_CHECKING:
    import pandas as pd

    from ..dataset import Dataset
    from .merge import MergedClaim

__all__ = ["discourse", "Discourse", "DiscourseWindows", "NORMALIZE", "STANCE"]

NORMALIZE = ("none", "jaccard", "cosine")
STANCE = {**{m: 1 for m in ASSERTING}, **{m: -1 for m in DENYING}}
"""The stance each modality takes: +1 asserts, -1 denies (the others take none)."""

RULE = (
    "a claimant (an entity in asserted_by, or author:SOURCE for a source's own voice) takes the stance "
    "+1 on a claim group (subject, type, object) when it asserts it (reported, claimed) and -1 when it "
    "denies it (denied); recommended and speculated claims take none. Congruence: the groups on which "
    "two claimants take the same stance; conflict: those on which they take opposite stances."
)


@dataclass(repr=False)
class Discourse:
    """One discourse network (see the module docs); ``to_dict()`` is what ``--json`` prints."""

    claimants: list  # sorted ids
    edges: list  # {"a", "b", "congruence", "conflict", "groups", ["weight"]}, sorted by (a, b)
    stances: dict  # claimant -> {group: (stance, ...)} (the two-mode matrix)
    claims: dict = field(repr=False, default_factory=dict)  # (claimant, group) -> [MergedClaim]
    names: dict = field(repr=False, default_factory=dict)
    normalize: str = "none"
    roll_up: bool = False
    camps: tuple = ((), ())  # (sorted ids, sorted ids)
    unplaced: list = field(default_factory=list)
    exact: bool = True
    optimal_splits: int | None = None
    against: list = field(default_factory=list)  # edges that go against the split
    start: str | None = None  # the window, ISO dates (None: every claim)
    end: str | None = None

    def __repr__(self) -> str:
        span = f" {self.start}..{self.end}" if self.start else ""
        return (
            f"<Discourse{span}: {len(self.claimants)} claimants, {len(self.edges)} pairs, camps of "
            f"{len(self.camps[0])} and {len(self.camps[1])}>"
        )

    @property
    def groups(self) -> list:
        """The claim groups on which some claimant takes a stance, sorted."""
        return sorted({g for s in self.stances.values() for g in s})

    @property
    def method(self) -> str:
        return "exact" if self.exact else "heuristic"

    def to_dict(self) -> dict:
        return {"claimants": list(self.claimants), "edges": self.edges}

    def camp_of(self, claimant: str) -> int | None:
        """1 or 2, or None for a claimant not placed."""
        return 1 if claimant in self.camps[0] else 2 if claimant in self.camps[1] else None

    def split_score(self) -> dict:
        """What the camps hold: congruence and conflict inside them and across."""
        out = {"congruence_inside": 0, "conflict_inside": 0, "congruence_across": 0, "conflict_across": 0}
        for e in self.edges:
            ca, cb = self.camp_of(e["a"]), self.camp_of(e["b"])
            if ca is None or cb is None:
                continue
            where = "inside" if ca == cb else "across"
            out["congruence_" + where] += e["congruence"]
            out["conflict_" + where] += e["conflict"]
        return out

    def _name(self, c):
        n = self.names.get(c, c) if not c.startswith("author:") else c
        return f"{n} ({c})" if n != c else c

    def _edge_lines(self, e):
        head = f"  {self._name(e['a'])} -- {self._name(e['b'])}: congruence {e['congruence']}, conflict {e['conflict']}"
        if "weight" in e:
            head += f", weight {e['weight']:+.3f}"
        return [head] + [f"      {s} {t} {o}" for s, t, o in e["groups"]]

    def strongest(self, kind: str, top: int = 5) -> list[dict]:
        """The *top* edges with the most ``"congruence"`` or ``"conflict"`` (then fewest of the other)."""
        other = "conflict" if kind == "congruence" else "congruence"
        ranked = sorted((e for e in self.edges if e[kind]), key=lambda e: (-e[kind], e[other], e["a"], e["b"]))
        return ranked[:top]

    def __str__(self) -> str:
        span = f" from {self.start} to {self.end}" if self.start else ""
        how = "an office or person counted as the state it is part of" if self.roll_up else "exact entities"
        out = [
            f"Discourse network{span}: {plural(self.claimants, 'claimant')}, "
            f"{plural(self.groups, 'claim group')} with a stance, {plural(self.edges, 'pair')} ({how})",
            RULE,
            "",
        ]
        for kind in ("congruence", "conflict"):
            best = self.strongest(kind)
            out.append(f"Strongest {kind}" + (":" if best else ": none"))
            for e in best:
                out.extend(self._edge_lines(e))
        out.append("")
        out.extend(self._camps_lines())
        return "\n".join(out)

    def _camps_lines(self):
        if not (self.camps[0] or self.camps[1]):
            return ["Two camps: none (no pair leans to congruence or conflict)"]
        method = (
            "exact: every split examined"
            if self.exact
            else "heuristic: not guaranteed optimal (groups larger than the exact limit)"
        )
        out = [f"Two camps ({method}), the split with the most congruence inside and conflict across:"]
        for i, camp in enumerate(self.camps, 1):
            out.append(f"  camp {i}: " + (", ".join(self._name(c) for c in camp) or "(none)"))
        sc = self.split_score()
        out.append(
            f"  inside: congruence {sc['congruence_inside']}, conflict {sc['conflict_inside']}; "
            f"across: conflict {sc['conflict_across']}, congruence {sc['congruence_across']}"
        )
        if self.optimal_splits and self.optimal_splits > 1:
            out.append(
                f"  ({self.optimal_splits} splits are as good; the one whose pairs against it are fewest is shown)"
            )
        if self.unplaced:
            out.append("  not placed (no pair leans either way): " + ", ".join(self._name(c) for c in self.unplaced))
        if self.against:
            out.append(f"Pairs against the split ({len(self.against)}):")
            for e in self.against:
                where = "across the camps" if self.camp_of(e["a"]) != self.camp_of(e["b"]) else "inside a camp"
                lean = "more congruence" if e["congruence"] > e["conflict"] else "more conflict"
                out.append(
                    f"  {e['a']} -- {e['b']}: {lean} {where} (congruence {e['congruence']}, conflict {e['conflict']})"
                )
        return out

    def _repr_html_(self):
        rows = [
            [
                e["a"],
                e["b"],
                e["congruence"],
                e["conflict"],
                e.get("weight", ""),
                "; ".join(" ".join(g) for g in e["groups"]),
            ]
            for e in self.edges
        ]
        return html_table(
            rows,
            ["a", "b", "congruence", "conflict", "weight", "groups"],
            caption="Discourse network: "
            + "; ".join(f"camp {i}: {', '.join(c)}" for i, c in enumerate(self.camps, 1) if c),
        )

    def rows(self) -> list:
        """The edges as flat rows (a table: :meth:`to_pandas`)."""
        return [
            {
                "start": self.start,
                "end": self.end,
                "a": e["a"],
                "b": e["b"],
                "congruence": e["congruence"],
                "conflict": e["conflict"],
                "weight": e.get("weight"),
                "camp_a": self.camp_of(e["a"]),
                "camp_b": self.camp_of(e["b"]),
                "groups": [" ".join(g) for g in e["groups"]],
            }
            for e in self.edges
        ]

    def to_pandas(self) -> pd.DataFrame:
        """The edges as a pandas DataFrame (one row per pair; needs pandas: ``actorgraph[pandas]``)."""
        from ..tables import frame

        return frame(
            self.rows(), ["start", "end", "a", "b", "congruence", "conflict", "weight", "camp_a", "camp_b", "groups"]
        )

    def stance_rows(self) -> list:
        """The two-mode matrix as long rows: ``{"claimant", "subject", "type", "object", "stance"}``
        (stance +1, -1, or 0 when the claimant holds both)."""
        return [
            {"claimant": c, "subject": g[0], "type": g[1], "object": g[2], "stance": _cell(st)}
            for c in self.claimants
            for g, st in sorted(self.stances[c].items())
        ]

    def evidence(self, a: str, b: str) -> list[dict]:
        """What an edge stands on: per group, each side's stances with their claims (sources, relations,
        quotes) -- what a click on the edge shows."""
        e = next((x for x in self.edges if (x["a"], x["b"]) == tuple(sorted((a, b)))), None)
        if e is None:
            return []
        out = []
        for g in map(tuple, e["groups"]):
            sa, sb = set(self.stances[e["a"]][g]), set(self.stances[e["b"]][g])
            kind = "both" if sa & sb and _opposed(sa, sb) else "congruence" if sa & sb else "conflict"
            out.append(
                {
                    "group": list(g),
                    "kind": kind,
                    **{
                        side: [
                            {
                                "stance": STANCE[m.modality],
                                "source": m.source,
                                "relations": list(m.relations),
                                "quotes": list(m.quotes),
                                "coded": list(m.claimants),
                            }
                            for m in self.claims.get((c, g), [])
                        ]
                        for side, c in (("a", e["a"]), ("b", e["b"]))
                    },
                }
            )
        return out


def _cell(st):
    return 0 if len(st) > 1 else st[0]


def _opposed(sa, sb):
    return (1 in sa and -1 in sb) or (-1 in sa and 1 in sb)


@dataclass(repr=False)
class DiscourseWindows:
    """One :class:`Discourse` per time window; ``to_dict()`` is the list ``--json`` prints."""

    networks: list
    window: str
    step: str
    undated: int = 0  # claims whose source has no date: in no window

    def __iter__(self) -> Iterator[Discourse]:
        return iter(self.networks)

    def __len__(self) -> int:
        return len(self.networks)

    def __getitem__(self, i: int) -> Discourse:
        return self.networks[i]

    def __repr__(self) -> str:
        return f"<DiscourseWindows: {len(self.networks)} windows of {self.window} every {self.step}>"

    def to_dict(self) -> list:
        return [{"start": n.start, "end": n.end, **n.to_dict()} for n in self.networks]

    def __str__(self) -> str:
        out = [
            f"Discourse networks in {plural(self.networks, 'time window')} of {self.window} every {self.step} "
            "(a claim placed at its source's published date)"
        ]
        if self.undated:
            out.append(f"{plural(self.undated, 'claim')} of undated sources left out")
        rows = [
            [
                f"{n.start}..{n.end}",
                len(n.claimants),
                len(n.edges),
                sum(e["congruence"] for e in n.edges),
                sum(e["conflict"] for e in n.edges),
                " / ".join(", ".join(c) for c in n.camps if c),
            ]
            for n in self.networks
        ]
        out += [
            "",
            text_table(
                rows, ["window", "claimants", "pairs", "congruence", "conflict", "camps"], [23, 9, 5, 10, 8, 90]
            ),
        ]
        for n in self.networks:
            if n.edges:
                out += ["", "=" * 3 + f" {n.start}..{n.end}", str(n).split("\n", 2)[2]]
        return "\n".join(out)

    def rows(self) -> list:
        return [row for n in self.networks for row in n.rows()]

    def to_pandas(self) -> pd.DataFrame:
        """Every window's edges in one DataFrame (``start``, ``end`` name the window)."""
        from ..tables import frame

        return frame(
            self.rows(), ["start", "end", "a", "b", "congruence", "conflict", "weight", "camp_a", "camp_b", "groups"]
        )


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
                same, opposed = bool(set(sa) & set(sb)), _opposed(sa, sb)
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
