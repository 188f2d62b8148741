"""Claimants: who asserts which claims, and in which source.

A claim is asserted either by the source's own author (``asserted_by``
left out: the source's voice) or by the entities the source quotes or
paraphrases (``asserted_by: PAK-FO``, or a list: two officials saying the
same thing are one claim, counted for each of them). A claimant of a
``denied`` claim denies it: the report says "denies that ...". Telling the two apart is the first
question about any text: what does the author say, and what does the author
report others as saying?

Examples
--------
>>> import graph
>>> from graph.analysis import claimants
>>> ds = graph.loads('''
... sources: [{id: s1, title: An op-ed, author: J. Doe}, {id: s2, title: A report}]
... entities:
...   - {id: A, name: Aland, kind: state}
...   - {id: B, name: B, kind: state}
...   - {id: A-FO, name: Aland Foreign Office, kind: office, part_of: A}
... relations:
...   - {id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s1, quote: q}]}
...   - {id: r2, subject: B, object: A, type: ACCUSE, modality: claimed, asserted_by: A-FO,
...      evidence: [{source: s1, quote: q}, {source: s2, quote: q}]}
...   - {id: r3, subject: A, object: B, type: CONSULT, modality: recommended, evidence: [{source: s2, quote: q}]}
... ''')
>>> c = claimants(ds)
>>> [(g["claimant"], g["count"]) for g in c.by_claimant]
[('author', 2), ('A-FO', 1)]
>>> c.by_claimant[0]["modalities"]
{'reported': 1, 'recommended': 1}
>>> [(s["source"], s["claimants"]) for s in c.by_source]
[('s1', {'author': ['r1'], 'A-FO': ['r2']}), ('s2', {'author': ['r3'], 'A-FO': ['r2']})]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..filters import AUTHOR
from ._report import entity_name, html_table, plural, text_table
from .merge import claimants_of, count_once, rolled

if TYPE_CHECKING:
    import pandas as pd

    from ..dataset import Dataset
    from ..model import Relation

__all__ = ["claimants", "Claimants"]


@dataclass(repr=False)
class Claimants:
    """Claims grouped by who asserts them (``by_claimant``) and by source (``by_source``)."""

    by_claimant: list
    by_source: list
    relations: dict
    grouped_by_source: bool = False
    names: dict | None = None
    titles: dict | None = None

    def to_dict(self) -> dict:
        return {"by_claimant": self.by_claimant, "by_source": self.by_source}

    def to_pandas(self) -> pd.DataFrame:
        """One row per claimant: ``claimant``, ``name``, ``count`` (merged claims), ``modalities``, ``types``,
        ``relations`` and ``as`` (with roll-up: the ids coded), as a pandas DataFrame."""
        from ..tables import frame

        return frame(self.by_claimant, ["claimant", "name", "count", "modalities", "types", "relations", "as"])

    def __repr__(self) -> str:
        return "<Claimants: " + ", ".join(f"{g['claimant']} {g['count']}" for g in self.by_claimant) + ">"

    def _claim_line(self, rid):
        r = self.relations[rid]
        mode = f"/{r.mode}" if r.mode else ""
        claim = f"{r.subject} {r.type}{mode} {r.object}"
        return f"{_VERBS.get(r.modality, r.modality)} {claim}" if r.modality in _VERBS else f"{claim} ({r.modality})"

    def _name(self, who):
        if who == AUTHOR:
            return "the author"
        n = (self.names or {}).get(who, who)
        return f"{n} ({who})" if n != who else who

    def _by_source_report(self):
        out = ["Claims by source, and in each by who asserts them ('author' = the source's own voice):"]
        for s in self.by_source:
            title = f" -- {s['title']}" if s["title"] else ""
            author = f" (author: {s['author']})" if s["author"] else ""
            pub = f", published {s['published']}" if s["published"] else ""
            out.append(f"\n{s['source']}{title}{author}{pub}: {plural(s['count'], 'claim')}")
            if s.get("note"):
                out.append(f"  note: {s['note']}")
            for who, ids in s["claimants"].items():
                out.append(f"  {self._name(who)}:")
                out.extend(f"    {rid}: {self._claim_line(rid)}" for rid in ids)
        return "\n".join(out)

    def __str__(self) -> str:
        if self.grouped_by_source:
            return self._by_source_report()
        out = ["Claims by who asserts them ('author' = the source's own voice):", ""]
        rows = [
            [g["claimant"], g["name"], g["count"], ", ".join(f"{k} {v}" for k, v in g["modalities"].items())]
            for g in self.by_claimant
        ]
        out.append(text_table(rows, ["claimant", "name", "claims", "modalities"], [16, 34, 6, 70]))
        for g in self.by_claimant:
            if g["claimant"] == AUTHOR:
                continue
            out.append(f"\n{g['claimant']} ({g['name']}) makes {plural(g['count'], 'claim')}:")
            for rid in g["relations"]:
                srcs = ", ".join(self.relations[rid].sources)
                out.append(f"  {rid}: {self._claim_line(rid)} (in {srcs})")
        out.append("\nBy source:")
        for s in self.by_source:
            title = f" -- {s['title']}" if s["title"] else ""
            author = f" (author: {s['author']})" if s["author"] else ""
            out.append(f"\n  {s['source']}{title}{author}: {plural(s['count'], 'claim')}")
            for who, ids in s["claimants"].items():
                out.append(f"    {who}: {len(ids)}")
        return "\n".join(out)

    def _repr_html_(self):
        rows = [
            [
                g["claimant"],
                g["name"],
                g["count"],
                ", ".join(f"{k} {v}" for k, v in g["modalities"].items()),
                "; ".join(f"{rid} ({self._claim_line(rid)})" for rid in g["relations"])
                if g["claimant"] != AUTHOR
                else f"{g['count']} claims in the source's own voice",
            ]
            for g in self.by_claimant
        ]
        return html_table(
            rows, ["claimant", "name", "claims", "modalities", "claims asserted"], caption="Claims by who asserts them"
        )


_VERBS = {
    "reported": "reports",
    "claimed": "claims",
    "recommended": "recommends",
    "speculated": "speculates",
    "denied": "denies that",
}


def claimants(ds: Dataset, *, by_source: bool = False, roll_up: bool = False) -> Claimants:
    """Group the claims of *ds* by who asserts them and by source.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view of one.
    by_source : bool, default False
        The report lists each source, and in it each claimant's claims
        (``actorgraph analyze claimants --by-source``); the data is the same.
    roll_up : bool, default False
        Count an office or a person as the state or organisation at the top of its
        ``part_of`` chain (:func:`graph.analysis.merge.rolled`); ``"as"`` lists the ones coded.

    Returns
    -------
    Claimants
        ``by_claimant``: one dict per claimant (``"author"`` for the
        source's own voice, else an entity id) with ``name``, ``count``,
        ``modalities`` (count by modality), ``types`` and ``relations`` (ids),
        most claims first; a claim repeated in one source (same subject, type,
        object, modality and claimant) counts once (``count``, ``modalities``,
        ``types``), while ``relations`` lists every relation; ``by_source``: one dict per source with ``title``,
        ``author``, ``count`` and ``claimants`` (claimant -> relation ids).

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: AID, modality: claimed, asserted_by: B,
    ...      evidence: [{source: s, quote: q}]}
    ... ''')
    >>> claimants(ds).by_claimant[0]["claimant"], claimants(ds).by_claimant[0]["types"]
    ('B', {'AID': 1})

    Two claimants of one claim: it counts for each of them.

    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities:
    ...   - {id: A, name: A, kind: state}
    ...   - {id: K, name: Kirby, kind: person}
    ...   - {id: P, name: Price, kind: person}
    ... relations:
    ...   - {id: r1, subject: A, object: A, type: AID, modality: denied, asserted_by: [K, P],
    ...      evidence: [{source: s, quote: q}]}
    ... ''')
    >>> [(g["claimant"], g["relations"]) for g in claimants(ds).by_claimant]
    [('K', ['r1']), ('P', ['r1'])]
    >>> print(claimants(ds, by_source=True))
    Claims by source, and in each by who asserts them ('author' = the source's own voice):
    <BLANKLINE>
    s -- T: 1 claim
      Kirby (K):
        r1: denies that A AID A
      Price (P):
        r1: denies that A AID A
    """
    grouped_by_source = bool(by_source)
    up = rolled(ds, roll_up)
    rels = ds.relations()
    groups: dict[str, list[Relation]] = {}
    coded: dict[str, dict[str, None]] = {}  # (a dict: the ids coded as each claimant, in order, each once)
    for r in rels:
        for c in r.claimants or (AUTHOR,):
            who = up(c)
            coded.setdefault(who, {}).setdefault(c, None)
            g = groups.setdefault(who, [])
            if not g or g[-1] is not r:
                g.append(r)

    def units(r):  # what makes a claim the same claim of one claimant: its group, modality and source
        return {(up(r.subject), r.type, up(r.object), r.modality, sid) for sid in r.sources}

    by_claimant: list[dict[str, Any]] = []
    for who, all_rels in groups.items():
        counted = count_once(all_rels, units)
        row = {
            "claimant": who,
            "name": "the source's author" if who == AUTHOR else entity_name(ds, who),
            "count": len(counted),
            "modalities": dict(Counter(r.modality for r in counted).most_common()),
            "types": dict(Counter(r.type for r in counted).most_common()),
            "relations": [r.id for r in all_rels],
        }
        if list(coded[who]) != [who]:
            row["as"] = list(coded[who])  # with roll-up: the offices and people coded
        by_claimant.append(row)
    by_claimant.sort(key=lambda g: (-g["count"], g["claimant"] != AUTHOR, g["claimant"]))
    source_rows = []
    for sid, src in ds.sources.items():
        here = [r for r in rels if sid in r.sources]
        per: dict[str, list] = {}
        for r in here:
            for who in claimants_of(r, up):
                per.setdefault(who, []).append(r.id)
        count = len(
            count_once(
                here, lambda r: {(up(r.subject), r.type, up(r.object), r.modality, who) for who in claimants_of(r, up)}
            )
        )
        order = sorted(per, key=lambda w: (w != AUTHOR, -len(per[w]), w))
        source_rows.append(
            {
                "source": sid,
                "title": src.title,
                "author": src.author,
                "published": str(src.published) if src.published else None,
                "note": src.note,
                "count": count,
                "claimants": {w: per[w] for w in order},
            }
        )
    names = {g["claimant"]: g["name"] for g in by_claimant}
    return Claimants(
        by_claimant,
        source_rows,
        {r.id: r for r in ds.relations()},
        grouped_by_source,
        names,
        {sid: s.title for sid, s in ds.sources.items()},
    )
