"""The result of :func:`graph.analysis.compare.compare`: which source (or claimant) asserts, denies or
omits each claim group, as a matrix, the two-source report, JSON, rows and a notebook table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._report import html_table, plural, text_table
from .claims import claim_line as _line

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Comparison"]


_SHORT = {"asserts": "asserts", "denies": "denies", "asserts and denies": "both", "other": "other", "omits": "-"}


@dataclass(repr=False)
class Comparison:
    """The result of :func:`compare`; ``to_dict()`` is what ``--json`` prints."""

    a: str | None  # the first source (None: none given)
    b: str | None  # the last
    only_a: list  # relation ids stated by A and not matched in B
    only_b: list
    shared: list  # {"subject", "object", "type", "a": [ids], "b": [ids], "modality_differs", "contested"}
    disagreements: list  # {"pair", "a_sign", "a_score", "a_relations", "b_sign", ...} (two sources)
    modalities: tuple
    relations: dict
    titles: dict
    sources: tuple = ()
    #: one row per claim group: {"subject", "type", "object", "contested", "cells": {column: {"stance", "relations"}}}
    groups: list = field(default_factory=list)
    by: str = "source"  # the columns: "source" (``sources``) or "claimant" (``claimants``)
    claimants: tuple = ()  # with by="claimant": entity ids and ``author:SOURCE_ID``, the columns
    names: dict | None = None  # claimant -> display name
    roll_up: bool = False

    @property
    def columns(self) -> tuple:
        """The matrix's columns: the sources, or with ``by="claimant"`` the claimants."""
        return self.claimants if self.by == "claimant" else self.sources

    def __repr__(self) -> str:
        if self.by == "claimant":
            return (
                f"<Comparison of {len(self.claimants)} claimants in {len(self.sources)} sources: "
                f"{len(self.groups)} claim groups, {sum(g['contested'] for g in self.groups)} contested>"
            )
        if len(self.sources) > 2:
            return (
                f"<Comparison of {len(self.sources)} sources: {len(self.groups)} claim groups, "
                f"{sum(g['contested'] for g in self.groups)} contested, {len(self.disagreements)} disagreements>"
            )
        return (
            f"<Comparison {self.a} vs {self.b}: {len(self.only_a)} only in A, {len(self.only_b)} only in B, "
            f"{len(self.shared)} shared, {len(self.disagreements)} disagreements>"
        )

    def to_dict(self) -> dict:
        out: dict[str, Any] = {
            "sources": list(self.sources),
            "groups": self.groups,
            "modalities": list(self.modalities),
        }
        if self.by == "claimant":
            out = {"by": "claimant", "claimants": list(self.claimants), **out}
        elif len(self.sources) == 2:
            out.update({"a": self.a, "b": self.b, "only_a": self.only_a, "only_b": self.only_b, "shared": self.shared})
        out["disagreements"] = self.disagreements
        return out

    def rows(self) -> list:
        """The matrix as long rows: one per claim group and column (source or claimant)."""
        return [
            {
                "subject": g["subject"],
                "type": g["type"],
                "object": g["object"],
                "contested": g["contested"],
                self.by: col,
                "stance": cell["stance"],
                "relations": cell["relations"],
            }
            for g in self.groups
            for col, cell in g["cells"].items()
        ]

    def to_pandas(self) -> pd.DataFrame:
        """:meth:`rows` as a pandas DataFrame; ``df.pivot(index=["subject", "type", "object"], columns=by,
        values="stance")`` gives the matrix."""
        from ..tables import frame

        return frame(self.rows(), ["subject", "type", "object", "contested", self.by, "stance", "relations"])

    def matrix_text(self) -> str:
        """The matrix as a text table: one row per claim group, one column per source (or claimant)."""
        cols = self.columns
        labels = [f"{'C' if self.by == 'claimant' else 'S'}{i + 1}" for i in range(len(cols))]
        rows = [
            [f"{g['subject']} {g['type']} {g['object']}"]
            + [_SHORT[g["cells"][s]["stance"]] for s in cols]
            + ["contested" if g["contested"] else ""]
            for g in self.groups
        ]
        about = self.titles if self.by == "source" else (self.names or {})
        key = [
            f"{lab} = {s}" + (f" ({about[s]})" if about.get(s) and about[s] != s else "")
            for lab, s in zip(labels, cols, strict=True)
        ]
        return "\n".join(
            key
            + [
                "",
                text_table(rows, ["claim group"] + labels + ["flag"], [60] + [7] * len(labels) + [9]),
                "",
                "asserts: reported or claimed; denies: denied; both: asserts and denies; "
                "other: only recommended or speculated; -: omits",
            ]
        )

    def __str__(self) -> str:
        if len(self.sources) > 2 or self.by == "claimant":
            return self._many_text()
        return self._two_text() + "\n\nClaim groups by source:\n" + self.matrix_text()

    def _many_text(self):
        n = sum(g["contested"] for g in self.groups)
        how = "; an office or person counted as the state it is part of" if self.roll_up else ""
        what = (
            f"{plural(len(self.claimants), 'claimant')} in {plural(len(self.sources), 'source')}"
            if self.by == "claimant"
            else f"{len(self.sources)} sources"
        )
        out = [
            f"{what} compared: {plural(len(self.groups), 'claim group')} "
            f"(same subject, type and object{how}), {n} contested (asserted and denied)",
            "",
            self.matrix_text(),
            "",
        ]
        out.append(
            f"Disagreements in polarity ({len(self.disagreements)}; net sign over "
            f"{', '.join(self.modalities)} claims about each pair)" + (":" if self.disagreements else ": none")
        )
        for d in self.disagreements:
            x, y = d["pair"]
            signs = ", ".join(f"{s} {'+' if d['signs'][s] > 0 else '-'} ({d['scores'][s]:+g})" for s in d["signs"])
            out.append(f"  {x} -- {y}: {signs}")
        return "\n".join(out)

    def _two_text(self) -> str:
        ta, tb = (f" ({self.titles[x]})" if self.titles.get(x) else "" for x in (self.a, self.b))
        out = [
            f"A = {self.a}{ta}",
            f"B = {self.b}{tb}",
            "claims match when they have the same subject, type and object",
            "",
        ]
        for label, ids in (
            (f"Stated by A only ({len(self.only_a)})", self.only_a),
            (f"Stated by B only ({len(self.only_b)})", self.only_b),
        ):
            out.append(label + (":" if ids else ": none"))
            out.extend(f"  {rid}: {_line(self.relations[rid])}" for rid in ids)
            out.append("")
        out.append(f"Stated by both ({len(self.shared)})" + (":" if self.shared else ": none"))
        for m in self.shared:
            mods_a = "/".join(sorted({self.relations[i].modality for i in m["a"]}))
            mods_b = "/".join(sorted({self.relations[i].modality for i in m["b"]}))
            flag = (
                "   <- asserted and denied"
                if m["contested"]
                else "   <- modality differs"
                if m["modality_differs"]
                else ""
            )
            out.append(
                f"  {m['subject']} {m['type']} {m['object']}: A {', '.join(m['a'])} ({mods_a}); "
                f"B {', '.join(m['b'])} ({mods_b}){flag}"
            )
        out.append("")
        out.append(
            f"Disagreements in polarity ({len(self.disagreements)}; net sign over "
            f"{', '.join(self.modalities)} claims about each pair)" + (":" if self.disagreements else ": none")
        )
        for d in self.disagreements:
            x, y = d["pair"]
            out.append(
                f"  {x} -- {y}: A {'+' if d['a_sign'] > 0 else '-'} ({d['a_score']:+g}), "
                f"B {'+' if d['b_sign'] > 0 else '-'} ({d['b_score']:+g})"
            )
            for side in ("a", "b"):
                for rid in d[f"{side}_relations"]:
                    out.append(f"    {side.upper()}: {rid}: {_line(self.relations[rid])}")
        return "\n".join(out)

    def _repr_html_(self):
        if len(self.sources) > 2 or self.by == "claimant":
            rows = [
                [f"{g['subject']} {g['type']} {g['object']}"]
                + [g["cells"][s]["stance"] for s in self.columns]
                + ["contested" if g["contested"] else ""]
                for g in self.groups
            ]
            return html_table(rows, ["claim group", *self.columns, "flag"], caption=f"Claim groups by {self.by}")
        rows = (
            [["A only", rid, _line(self.relations[rid])] for rid in self.only_a]
            + [["B only", rid, _line(self.relations[rid])] for rid in self.only_b]
            + [["both", ", ".join(m["a"] + m["b"]), f"{m['subject']} {m['type']} {m['object']}"] for m in self.shared]
            + [
                [
                    "disagree",
                    ", ".join(d["a_relations"] + d["b_relations"]),
                    f"{d['pair'][0]} -- {d['pair'][1]}: A {d['a_score']:+g}, B {d['b_score']:+g}",
                ]
                for d in self.disagreements
            ]
        )
        return html_table(rows, ["where", "relations", "claim"], caption=f"{self.a} (A) against {self.b} (B)")
