"""Contested and corroborated claims: who asserts a claim, who denies it, in which source.

Claims are grouped on (subject, type, object) -- exact entities, or with
``roll_up=True`` an office or person counted as the state it is ``part_of``.
In a group each claim *asserts* (``reported``, ``claimed``), *denies*
(``denied``) or neither (``recommended``, ``speculated``: listed as
"other"). Each claim is listed once per claimant and source: by whom
(``asserted_by``, or ``"author"``, the source's own voice) and in which source; a claim
repeated in one source (same subject, type, object, modality and claimant: coded once per quote)
is listed once, with all its relations and quotes (:mod:`graph.analysis.merge`). With
``roll_up`` the claimants roll up too (``"by"``), and ``"as"`` names the office or person coded.

A group is **contested** when it holds an assertion and a denial (whoever
makes them, in one source or across sources), or, for an event type, when
its assertions disagree in the sign of their polarity. Structural types
(HOLDS, ORIGIN_OF...) count like any other for assertion against denial. A
group asserted by two or more distinct sources and denied by none (nor
contested by the sign of its assertions) is **corroborated**.

Examples
--------
>>> import graph
>>> from graph.analysis import contested
>>> ds = graph.loads('''
... sources: [{id: wh, title: Briefing}, {id: hill, title: Hearing}, {id: op, title: Op-ed}]
... entities:
...   - {id: USA, name: United States, kind: state}
...   - {id: AFG, name: Afghanistan, kind: state}
...   - {id: KIRBY, name: John Kirby, kind: person, part_of: USA}
...   - {id: ROE, name: Jane Roe, kind: person}
... relations:
...   - {id: left, subject: USA, object: AFG, type: RETREAT, modality: claimed, asserted_by: ROE,
...      evidence: [{source: hill, quote: q}]}
...   - {id: not-left, subject: USA, object: AFG, type: RETREAT, modality: denied, asserted_by: KIRBY,
...      evidence: [{source: wh, quote: q}]}
...   - {id: talks, subject: USA, object: AFG, type: CONSULT, modality: reported,
...      evidence: [{source: op, quote: q}, {source: hill, quote: q}]}
... ''')
>>> c = contested(ds)
>>> [(g.key, g.contested, g.corroborated) for g in c.groups]
[(('USA', 'RETREAT', 'AFG'), True, False), (('USA', 'CONSULT', 'AFG'), False, True)]
>>> c.groups[0].to_dict()["denied"]
[{'by': 'KIRBY', 'source': 'wh', 'relations': ['not-left'], 'modality': 'denied', 'quotes': ['q']}]
>>> print(str(c).splitlines()[4])
  United States (USA) RETREAT Afghanistan (AFG): asserted and denied
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..filters import AUTHOR
from ..voice import SOURCE_DENIES
from ._report import entity_name, html_table, plural
from .claims import ASSERTING, DENYING, group_key, grouped_by
from .merge import merged_claims

if TYPE_CHECKING:
    import pandas as pd

    from ..dataset import Dataset
    from ..model import Relation

__all__ = ["contested", "verdicts", "Contested", "ClaimGroup"]


@dataclass(repr=False)
class ClaimGroup:
    """One claim group: its key, its verdicts and its claims by stance.

    ``asserted``, ``denied`` and ``other`` are lists of merged claims
    ``{"by", "source", "relations", "modality", "quotes"}`` (and ``"as"``: the claimants coded,
    when rolled up to ``"by"``); ``reasons`` says why the
    group is contested (``"asserted and denied"``, ``"assertions disagree in
    polarity sign"``).
    """

    subject: str
    type: str
    object: str
    asserted: list = field(default_factory=list)
    denied: list = field(default_factory=list)
    other: list = field(default_factory=list)
    contested: bool = False
    corroborated: bool = False
    reasons: list = field(default_factory=list)
    relations: list = field(default_factory=list)  # relation ids, data order

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.type, self.object)

    def __repr__(self) -> str:
        verdict = "contested" if self.contested else "corroborated" if self.corroborated else "single"
        return f"<ClaimGroup {self.subject} {self.type} {self.object}: {verdict}>"

    def to_dict(self) -> dict:
        return {
            "subject": self.subject,
            "type": self.type,
            "object": self.object,
            "contested": self.contested,
            "corroborated": self.corroborated,
            "asserted": self.asserted,
            "denied": self.denied,
            "other": self.other,
        }


def _entry(m, roll_up):
    """A merged claim as an entry of a group: by whom, in which source, its relations and quotes."""
    e = {
        "by": m.claimant,
        "source": m.source,
        "relations": list(m.relations),
        "modality": m.modality,
        "quotes": list(m.quotes),
    }
    if roll_up and list(m.claimants) != [m.claimant]:
        e["as"] = list(m.claimants)  # who said it, as coded: an office or person of "by"
    return e


@dataclass(repr=False)
class Contested:
    """The result of :func:`contested`: every claim group, contested first, then corroborated."""

    groups: list
    names: dict
    titles: dict
    roll_up: bool = False

    @property
    def contested(self) -> list[ClaimGroup]:
        return [g for g in self.groups if g.contested]

    @property
    def corroborated(self) -> list[ClaimGroup]:
        return [g for g in self.groups if g.corroborated]

    def __iter__(self) -> Iterator[ClaimGroup]:
        return iter(self.groups)

    def __len__(self) -> int:
        return len(self.groups)

    def __repr__(self) -> str:
        return (
            f"<Contested: {len(self.groups)} groups, {len(self.contested)} contested, "
            f"{len(self.corroborated)} corroborated>"
        )

    def to_dict(self) -> dict:
        return {"groups": [g.to_dict() for g in self.groups]}

    def rows(self) -> list:
        """One row per merged claim of every group: the group, its verdict, the stance, who, where, which."""
        return [
            {
                "subject": g.subject,
                "type": g.type,
                "object": g.object,
                "contested": g.contested,
                "corroborated": g.corroborated,
                "stance": stance,
                "by": e["by"],
                "as": e.get("as"),
                "source": e["source"],
                "modality": e["modality"],
                "relations": e["relations"],
                "quotes": e["quotes"],
            }
            for g in self.groups
            for stance in ("asserted", "denied", "other")
            for e in getattr(g, stance)
        ]

    def to_pandas(self) -> pd.DataFrame:
        """:meth:`rows` as a pandas DataFrame (``actorgraph[pandas]``)."""
        from ..tables import frame

        return frame(
            self.rows(),
            [
                "subject",
                "type",
                "object",
                "contested",
                "corroborated",
                "stance",
                "by",
                "as",
                "source",
                "modality",
                "relations",
                "quotes",
            ],
        )

    def _name(self, eid):
        n = self.names.get(eid)
        return f"{n} ({eid})" if n and n != eid else str(eid)

    def _who(self, entry, denial=False):
        if entry["by"] == AUTHOR:
            return SOURCE_DENIES if denial else "the author"
        return self.names.get(entry["by"], entry["by"])

    def _said(self, entries, denial=False):
        parts = []
        for e in entries:
            extra = "" if e["modality"] in ("reported", "claimed", "denied") else f"{e['modality']}: "
            via = f" (as {', '.join(self.names.get(c, c) for c in e['as'])})" if e.get("as") else ""
            parts.append(f"{extra}{self._who(e, denial)}{via}, in {e['source']} ({', '.join(e['relations'])})")
        return parts

    def _group_lines(self, g):
        head = f"  {self._name(g.subject)} {g.type} {self._name(g.object)}"
        lines = [head + (": " + "; ".join(g.reasons) if g.reasons else "")]
        for label, entries, denial in (
            ("asserted by", g.asserted, False),
            ("denied by", g.denied, True),
            ("also (neither)", g.other, False),
        ):
            for i, text in enumerate(self._said(entries, denial)):
                lines.append(f"    {label if i == 0 else '':<14} {text}")
        return lines

    def __str__(self) -> str:
        how = "an office or person counted as the state it is part of" if self.roll_up else "exact entities"
        out = [
            f"Contested and corroborated claims: {plural(len(self.groups), 'claim group')} "
            f"(subject, type, object; {how})",
            "reported and claimed claims assert, denied claims deny; recommended and speculated do neither",
            "",
        ]
        cont, corr = self.contested, self.corroborated
        out.append(f"Contested ({len(cont)})" + (":" if cont else ": none"))
        for g in cont:
            out.extend(self._group_lines(g))
        out.append("")
        out.append(
            f"Corroborated: asserted by two or more sources, denied by none ({len(corr)})" + (":" if corr else ": none")
        )
        for g in corr:
            out.extend(self._group_lines(g))
        rest = len(self.groups) - len(cont) - len(corr)
        out.append("")
        out.append(
            f"{plural(rest, 'other group')}: neither contested nor corroborated (one source, or nothing asserted)"
        )
        cited = list(dict.fromkeys(e["source"] for g in cont + corr for e in g.asserted + g.denied + g.other))
        if cited:
            out.append("")
            out.append("Sources:")
            out.extend(f"  {sid}: {self.titles.get(sid) or '(no title)'}" for sid in cited)
        return "\n".join(out)

    def _repr_html_(self):
        rows = [
            [
                f"{g.subject} {g.type} {g.object}",
                "contested" if g.contested else "corroborated" if g.corroborated else "",
                "; ".join(self._said(g.asserted)),
                "; ".join(self._said(g.denied, True)),
                "; ".join(self._said(g.other)),
            ]
            for g in self.groups
        ]
        return html_table(
            rows, ["claim", "verdict", "asserted by", "denied by", "other"], caption="Contested and corroborated claims"
        )


_STANCE = (
    {m: "asserted" for m in ASSERTING}
    | {m: "denied" for m in DENYING}
    | {"recommended": "other", "speculated": "other"}
)


def _grouped(ds: Dataset, roll_up: bool = False) -> dict[tuple[str, str, str], list[Relation]]:
    """``{(subject, type, object): [relation, ...]}``, keys and claims in data order."""
    if roll_up:
        return grouped_by(ds.relations(), lambda r: group_key(ds, r, True))
    return grouped_by(ds.relations(), lambda r: (r.subject, r.type, r.object))


def _verdict(members: Sequence[Relation]) -> tuple[list[str], bool]:
    """``(reasons, corroborated)`` of one claim group (*members*: its relations): why it is
    contested (none: it is not), and whether two or more sources assert it uncontested."""
    if len(members) == 1:  # one claim contests nothing; it is corroborated by its own sources
        r = members[0]
        return [], r.modality in ASSERTING and len(r.sources) >= 2
    asserting = [r for r in members if r.modality in ASSERTING]
    reasons = []
    # a claim is listed once per source: one without evidence asserts or denies in none
    if any(r.evidence for r in asserting) and any(r.modality in DENYING and r.evidence for r in members):
        reasons.append("asserted and denied")
    signs = {r.sign for r in asserting if r.sign != 0}
    if asserting and asserting[0].quad != "structural" and len(signs) > 1:
        reasons.append("assertions disagree in polarity sign")
    # denied by none, and not contested by a sign either: a group is one or the other
    corroborated = not reasons and len({sid for r in asserting for sid in r.sources}) >= 2
    return reasons, corroborated


def verdicts(ds: Dataset, *, roll_up: bool = False) -> list[tuple]:
    """The contested and corroborated claim groups of *ds*, in :func:`contested`'s order, without
    the lists of who says what: ``[(key, contested, corroborated, reasons, relation ids), ...]``.
    What a page needs of :func:`contested`, at a fraction of its cost on a large dataset.

    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: a, title: A}, {id: b, title: B}]
    ... entities: [{id: X, name: X, kind: state}, {id: Y, name: Y, kind: state}]
    ... relations:
    ...   - {id: r1, subject: X, object: Y, type: AID, modality: reported, evidence: [{source: a, quote: q}]}
    ...   - {id: r2, subject: X, object: Y, type: AID, modality: denied, evidence: [{source: b, quote: q}]}
    ... ''')
    >>> verdicts(ds)
    [(('X', 'AID', 'Y'), True, False, ['asserted and denied'], ['r1', 'r2'])]
    """
    out = []
    for key, members in _grouped(ds, roll_up).items():
        reasons, corroborated = _verdict(members)
        if reasons or corroborated:
            out.append((key, bool(reasons), corroborated, reasons, [r.id for r in members]))
    out.sort(key=lambda v: (not v[1], not v[2], v[0]))
    return out


def contested(ds: Dataset, *, roll_up: bool = False) -> Contested:
    """Group the claims of *ds* on (subject, type, object); mark contested and corroborated groups.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view of one (filter first with ``ds.view(...)``).
    roll_up : bool, default False
        Count an office or a person as the state it is ``part_of`` (the top of
        its chain), so "the White House denies" and "the US did" fall in one group.

    Returns
    -------
    Contested
        ``groups``: every :class:`ClaimGroup`, contested ones first, then
        corroborated, then the rest (each part in order of subject, type,
        object); ``to_dict()`` is what ``actorgraph analyze contested --json`` prints.

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: a, title: A}, {id: b, title: B}]
    ... entities: [{id: X, name: X, kind: state}, {id: Y, name: Y, kind: state}]
    ... relations:
    ...   - {id: r1, subject: X, object: Y, type: AID, modality: reported, evidence: [{source: a, quote: q}]}
    ...   - {id: r2, subject: X, object: Y, type: AID, modality: reported, polarity: -2,
    ...      evidence: [{source: b, quote: q}]}
    ... ''')
    >>> g = contested(ds).groups[0]
    >>> g.contested, g.corroborated, g.reasons
    (True, False, ['assertions disagree in polarity sign'])
    """
    groups = {}
    for key, members in _grouped(ds, roll_up).items():
        g = groups[key] = ClaimGroup(*key)
        g.relations = [r.id for r in members]
        g.reasons, g.corroborated = _verdict(members)
        g.contested = bool(g.reasons)
    for m in merged_claims(ds, roll_up=roll_up):  # a claim repeated in one source is listed once
        getattr(groups[m.key], _STANCE[m.modality]).append(_entry(m, roll_up))
    ordered = sorted(groups.values(), key=lambda g: (not g.contested, not g.corroborated, g.key))
    names = {eid: entity_name(ds, eid) for g in ordered for eid in (g.subject, g.object)}
    names.update({c: entity_name(ds, c) for r in ds.relations() for c in r.claimants})
    names.update({e["by"]: entity_name(ds, e["by"]) for g in ordered for e in g.asserted + g.denied + g.other})
    titles = {sid: s.title for sid, s in ds.sources.items()}
    return Contested(ordered, names, titles, roll_up)
