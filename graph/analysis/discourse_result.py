"""The result of :func:`graph.analysis.discourse.discourse`: a discourse network (or one per time
window) as a report, JSON, rows, a notebook table, and the evidence of a pair."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._report import html_table, plural, text_table
from .claims import ASSERTING, DENYING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Discourse", "DiscourseWindows", "STANCE", "RULE"]

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
            kind = "both" if sa & sb and at_odds(sa, sb) else "congruence" if sa & sb else "conflict"
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


def at_odds(sa: Collection[int], sb: Collection[int]) -> bool:
    """True when two stance lists take opposite stances (one asserts where the other denies)."""
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
