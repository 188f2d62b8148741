"""Signed-network structural balance among the entities of a dataset.

Structural balance reads a signed network the way "the enemy of my enemy is my
friend" does: a triangle of entities is *balanced* when it has an even number
of negative ties (+ + +, + - -) and *unbalanced* otherwise (+ + -, - - -). A
network is balanced when its entities split into two camps with every positive
tie inside a camp and every negative tie across; the ties that no split can
place that way are *frustrated*. It is an aid to reading the claims -- which
alignments the sources' claims make consistent and which they strain -- not a
prediction of what the actors will do.

The sign rule (:mod:`graph.analysis.ties`): each unordered pair of entities
gets at most one sign, from its relations in either direction -- by default the
sign of the sum of the polarities of its ``reported`` and ``claimed``
relations, a counted ``denied`` relation reversed, structural and polarity-0
relations left out, and only actors taking part. The two camps
(:mod:`graph.analysis.camps`): the split that frustrates fewest ties, exact for
groups of up to 20 linked entities, a heuristic beyond. The triangles
(:mod:`graph.analysis.triangles`) are counted with sparse matrix products and
listed while there are at most 10,000 of them.

Examples
--------
A known unbalanced triangle: A and B cooperate, both are hostile to C...
balanced; then C and A cooperate too, which makes it unbalanced.

>>> import graph
>>> from graph.analysis import balance
>>> ds = graph.loads('''
... sources: [{id: s, title: T}]
... entities:
...   - {id: A, name: A, kind: state}
...   - {id: B, name: B, kind: state}
...   - {id: C, name: C, kind: state}
... relations:
...   - {id: ab, subject: A, object: B, type: COOPERATE, modality: reported, evidence: [{source: s, quote: q}]}
...   - {id: ac, subject: A, object: C, type: ACCUSE, modality: reported, evidence: [{source: s, quote: q}]}
...   - {id: bc, subject: B, object: C, type: ASSAULT, modality: reported, evidence: [{source: s, quote: q}]}
... ''')
>>> b = balance(ds)
>>> b.balanced_fraction, b.camps, b.frustrated_pairs
(1.0, (['A', 'B'], ['C']), [])
>>> ds2 = graph.loads('''
... sources: [{id: s, title: T}]
... entities:
...   - {id: A, name: A, kind: state}
...   - {id: B, name: B, kind: state}
...   - {id: C, name: C, kind: state}
... relations:
...   - {id: ab, subject: A, object: B, type: COOPERATE, modality: reported, evidence: [{source: s, quote: q}]}
...   - {id: ca, subject: C, object: A, type: SUPPORT, modality: claimed, evidence: [{source: s, quote: q}]}
...   - {id: bc, subject: B, object: C, type: ASSAULT, modality: reported, evidence: [{source: s, quote: q}]}
... ''')
>>> b = balance(ds2)
>>> b.balanced_fraction
0.0
>>> [t.nodes for t in b.unbalanced]
[('A', 'B', 'C')]
>>> len(b.frustrated), b.method
(1, 'exact')
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import QueryError
from ..vocab import THING_KINDS
from ._report import entity_name, html_table, plural
from .camps import EXACT_LIMIT, FULL_RESTARTS_UP_TO, split
from .ties import COUNTED_MODALITIES, RULES, Tie, pair_ties, signed_ties
from .triangles import LIST_LIMIT, Triangle, count_triangles, list_triangles

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "balance",
    "signed_ties",
    "Balance",
    "Tie",
    "Triangle",
    "COUNTED_MODALITIES",
    "RULES",
    "EXACT_LIMIT",
    "NOTE",
    "THING_KINDS",
]

SHOW = 50
"""Unbalanced triangles and frustrated ties printed at most in the text report (JSON has them all)."""
NOTE = (
    "Structural balance is an aid to reading the claims, not a prediction: it shows which "
    "alignments the sources' claims make consistent and which they strain, under the sign rule stated."
)


@dataclass(repr=False)
class Balance:
    """The result of :func:`balance`; ``to_dict()`` is what ``--json`` prints."""

    ties: dict  # (a, b) -> Tie, a < b
    ambivalent: list  # Ties whose relations cancel out (sign 0)
    triangles: list  # every Triangle, sorted by nodes (only unbalanced ones past LIST_LIMIT)
    camps: tuple  # (list of ids, list of ids)
    frustrated: list  # Ties the split frustrates
    method: str  # "exact" or "heuristic"
    method_detail: str
    optimal_splits: int | None  # how many splits reach the minimum (exact only)
    rule: str
    modalities: tuple
    merge_parts: bool
    actors_only: bool = True
    components: list = field(default_factory=list)  # groups of entities linked by signed ties
    groups: list = field(default_factory=list)  # per component: (larger side, smaller side)
    relations: dict = field(default_factory=dict, repr=False)  # id -> Relation behind the ties
    names: dict = field(default_factory=dict, repr=False)  # id -> display name
    n_triangles: int | None = None  # how many triangles (None: len(triangles))
    n_balanced: int | None = None  # how many of them are balanced
    triangles_complete: bool = True  # False: ``triangles`` lists only (some of) the unbalanced ones

    def __post_init__(self) -> None:
        if self.n_triangles is None:
            self.n_triangles = len(self.triangles)
            self.n_balanced = sum(t.balanced for t in self.triangles)

    def __repr__(self) -> str:
        frac = "n/a" if self.balanced_fraction is None else f"{self.balanced_fraction:.2f}"
        return (
            f"<Balance: {len(self.ties)} signed ties, {self.n_triangles} triangles (balanced {frac}), "
            f"camps of {len(self.camps[0])} and {len(self.camps[1])}, {len(self.frustrated)} frustrated, "
            f"{self.method}>"
        )

    @property
    def entities(self) -> list:
        """The entities that have at least one signed tie, sorted."""
        return sorted({x for t in self.ties.values() for x in t.pair})

    @property
    def unbalanced(self) -> list:
        return [t for t in self.triangles if not t.balanced]

    @property
    def balanced_fraction(self) -> float | None:
        """Balanced triangles / all triangles; ``None`` when there is no triangle."""
        if not self.n_triangles:
            return None
        return (self.n_balanced or 0) / self.n_triangles  # (n_balanced is set whenever n_triangles is)

    @property
    def frustrated_pairs(self) -> list:
        return [list(t.pair) for t in self.frustrated]

    def to_dict(self) -> dict:
        return {
            "balanced_fraction": self.balanced_fraction,
            "triangles": [t.to_dict() for t in self.triangles],
            "triangle_count": self.n_triangles,
            "balanced_count": self.n_balanced,
            "triangles_complete": self.triangles_complete,
            "camps": [list(c) for c in self.camps],
            "frustrated": self.frustrated_pairs,
            "frustrated_ties": [t.to_dict() | {"why": self._why(t)} for t in self.frustrated],
            "frustration": len(self.frustrated),
            "method": self.method,
            "method_detail": self.method_detail,
            "approximate": self.method != "exact",
            "optimal_splits": self.optimal_splits,
            "entities": self.entities,
            "components": [list(c) for c in self.components],
            "ties": [t.to_dict() for t in self.ties.values()],
            "ambivalent": [t.to_dict() for t in self.ambivalent],
            "rule": self.rule,
            "rule_text": self.rule_text,
            "modalities": list(self.modalities),
            "merge_parts": self.merge_parts,
            "actors_only": self.actors_only,
            "groups": [[list(x), list(y)] for x, y in self.groups],
            "note": NOTE,
        }

    @property
    def rule_text(self) -> str:
        how = (
            "the sign of the sum of their polarities"
            if self.rule == "sum"
            else "the sign of (positive relations - negative relations)"
        )
        return (
            f"a pair's sign is {how}, over the {_join(self.modalities)} relations between the two "
            "(either direction); structural types and polarity-0 relations do not count"
            + ("; a denied relation counts reversed" if "denied" in self.modalities else "")
            + ("; offices count as the entity they are part of" if self.merge_parts else "")
            + ("; agreements, assets and places are left out" if self.actors_only else "")
        )

    def _camp_of(self, eid):
        return 0 if eid in self.camps[0] else 1

    def _why(self, t):
        if t.sign > 0:
            return "positive tie across the camps"
        return f"negative tie within camp {self._camp_of(t.a) + 1}"

    def __str__(self) -> str:
        return balance_text(self)

    def _repr_html_(self):
        frac = "n/a" if self.balanced_fraction is None else f"{self.balanced_fraction:.0%}"
        parts = [
            f"<p><b>Balanced triangles:</b> {frac} of {self.n_triangles}. "
            f"<b>Camps</b> ({self.method}): {', '.join(self.camps[0])} | {', '.join(self.camps[1])}. "
            f"<b>Frustrated ties:</b> {len(self.frustrated)}.</p>"
        ]
        rows = [
            [
                ", ".join(t.nodes),
                "yes" if t.balanced else "no",
                "; ".join(f"{x.a}-{x.b} {'+' if x.sign > 0 else '-'} ({', '.join(x.relations)})" for x in t.ties),
            ]
            for t in self.triangles[:SHOW]
        ]
        if rows:
            parts.append(html_table(rows, ["triangle", "balanced", "ties (relations)"]))
        if self.frustrated:
            parts.append(
                html_table(
                    [
                        [f"{t.a} -- {t.b}", "+" if t.sign > 0 else "-", self._why(t), ", ".join(t.relations)]
                        for t in self.frustrated[:SHOW]
                    ],
                    ["frustrated tie", "sign", "why", "relations"],
                )
            )
        parts.append(f"<p><i>{_html.escape(NOTE)}</i></p>")
        return "".join(parts)


# -- the report: str(balance(ds)), what `actorgraph analyze balance` prints -------------------------


def balance_text(b: Balance) -> str:
    """The report of the :class:`Balance` *b*: its ties, triangles, two camps and frustrated ties."""
    ties = list(b.ties.values())
    out = _tie_counts(b, ties) + [""] + _triangle_lines(b) + [""]
    out += _camp_lines(b, ties) if ties else ["No signed ties: nothing to split into camps."]
    out.append("\n" + NOTE)
    return "\n".join(out)


def _tie_counts(b: Balance, ties: list[Tie]) -> list[str]:
    pos = sum(t.sign > 0 for t in ties)
    out = [
        f"Structural balance among {plural(len(b.entities), 'entity', 'entities')} with signed ties: "
        f"{plural(len(ties), 'tie')} ({pos} positive, {len(ties) - pos} negative)",
        f"Rule: {b.rule_text}.",
    ]
    if b.ambivalent:
        out.append(
            "Ambivalent pairs (relations cancel out, no sign): " + ", ".join(f"{t.a}--{t.b}" for t in b.ambivalent)
        )
    return out


def _triangle_lines(b: Balance) -> list[str]:
    if not b.n_triangles:
        return ["Triangles: none (no three entities are tied pairwise), so no balanced fraction."]
    nb, nt = b.n_balanced or 0, b.n_triangles
    out = [f"Triangles: {nt}; balanced: {nb} of {nt} ({b.balanced_fraction:.0%})"]
    unbalanced = b.unbalanced
    if len(unbalanced) > SHOW:
        out.append(
            f"  (the first {SHOW} of {nt - nb} unbalanced triangles; --json lists "
            + (f"{len(unbalanced)})" if not b.triangles_complete or len(unbalanced) < nt - nb else "them all)")
        )
    elif not b.triangles_complete:
        out.append(f"  (over {LIST_LIMIT:,} triangles: only the unbalanced ones are listed)")
    for i, tri in enumerate(unbalanced[:SHOW], 1):
        signs = " ".join("+" if t.sign > 0 else "-" for t in tri.ties)
        out.append(f"\n  unbalanced {i}: {', '.join(tri.nodes)}  ({signs}: {plural(tri.negatives, 'negative tie')})")
        for t in tri.ties:
            out.extend(_tie_lines(b, t, "    "))
    return out


def _camp_lines(b: Balance, ties: list[Tie]) -> list[str]:
    if b.method == "exact":
        how = "exact: every split examined"
        if b.optimal_splits and b.optimal_splits > 1:
            how += f"; {b.optimal_splits} splits are equally good, the least weighty is shown"
    else:
        how = b.method_detail
    out = [f"Two camps ({how}):"]
    for i, camp in enumerate(b.camps, 1):
        out.append(f"  camp {i}: " + (", ".join(f"{e} ({b.names.get(e, e)})" for e in camp) or "-"))
    if len(b.groups) > 1:
        out.append(
            f"  The signed ties form {len(b.groups)} groups with no signed path between them; each "
            "is split on its own (its larger side in camp 1), so how the groups line up is arbitrary:"
        )
        for i, (x, y) in enumerate(b.groups, 1):
            out.append(f"    group {i}: {', '.join(x)}  |  {', '.join(y) or '-'}")
    if len(ties) == len(b.entities) - len(b.components):
        out.append(
            "  (the signed ties form no cycle, so some split always satisfies every tie: here the "
            "camps only restate the ties, they do not test them)"
        )
    out.append(
        f"\nFrustrated ties ({len(b.frustrated)}):"
        + (" none: the signed ties are balanced" if not b.frustrated else "")
    )
    for t in b.frustrated[:SHOW]:
        out.append(f"  {t.a} -- {t.b}: {b._why(t)}")
        out.extend(_tie_lines(b, t, "    ")[1:])
    if len(b.frustrated) > SHOW:
        out.append(f"  ... and {len(b.frustrated) - SHOW} more (--json lists them all)")
    return out


def _tie_lines(b: Balance, t: Tie, indent: str) -> list[str]:
    """A tie, then each relation behind it on a line."""
    sym = "+" if t.sign > 0 else ("-" if t.sign < 0 else "0")
    head = f"{indent}{t.a} -- {t.b}  {sym}  (score {t.score:+g})"
    return [head] + [f"{indent}    {_relation_line(b, rid)}" for rid in t.relations]


def _relation_line(b: Balance, rid: str) -> str:
    r = b.relations.get(rid)
    if r is None:
        return rid
    mode = f"/{r.mode}" if r.mode else ""
    when = f", {r.when}" if r.when else ""
    return f"{rid}: {r.subject} {r.type}{mode} {r.object} ({r.modality}{when}, {r.polarity:+g})"


def _join(words):
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def balance(
    ds: Dataset,
    *,
    modality: str | Iterable[str] | None = None,
    rule: str = "sum",
    merge_parts: bool = False,
    actors_only: bool = True,
    exact_limit: int = EXACT_LIMIT,
    restarts: int = 50,
    seed: int = 0,
) -> Balance:
    """Structural balance of the signed ties among the entities of *ds*.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view (``ds.view(...)``) of one.
    modality : str or list of str, optional
        The modalities that count; default ``("reported", "claimed")``.
    rule : {"sum", "majority"}
        How a pair's relations make its sign; see the module docs.
    merge_parts : bool
        Count an office (``part_of``) as the entity it belongs to.
    actors_only : bool
        Leave out agreements, assets and places (:data:`~graph.vocab.THING_KINDS`).
    exact_limit : int
        Largest group of linked entities split exactly (``2**(n-1)`` splits).
    restarts, seed : int
        Random restarts of the heuristic used above *exact_limit*, and their seed.

    Returns
    -------
    Balance
        With ``balanced_fraction``, ``triangles``, ``unbalanced``, ``camps``,
        ``frustrated`` (Ties), ``method``; ``to_dict()`` for JSON, ``str()``
        for a report.

    Raises
    ------
    QueryError
        For an unknown modality or rule.

    Examples
    --------
    Three mutual enemies form an unbalanced triangle (- - -): any split leaves
    one negative tie inside a camp.

    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities:
    ...   - {id: A, name: A, kind: state}
    ...   - {id: B, name: B, kind: state}
    ...   - {id: C, name: C, kind: state}
    ... relations:
    ...   - {id: ab, subject: A, object: B, type: THREATEN, modality: reported, evidence: [{source: s, quote: q}]}
    ...   - {id: bc, subject: B, object: C, type: ASSAULT, modality: reported, evidence: [{source: s, quote: q}]}
    ...   - {id: ca, subject: C, object: A, type: ACCUSE, modality: reported, evidence: [{source: s, quote: q}]}
    ... ''')
    >>> b = balance(ds)
    >>> b.balanced_fraction, b.triangles[0].negatives
    (0.0, 3)
    >>> b.frustrated_pairs, b.optimal_splits
    ([['A', 'C']], 3)
    >>> d = b.to_dict()
    >>> d["camps"], d["frustrated"], d["balanced_fraction"]
    ([['A', 'C'], ['B']], [['A', 'C']], 0.0)
    """
    ties, ambivalent, rels, modality = pair_ties(ds, modality, rule, merge_parts, actors_only)
    if exact_limit < 1:
        raise QueryError("exact_limit must be at least 1")
    restarts = max(0, restarts)
    s = split(ties, exact_limit, restarts, seed)
    if s.exact:
        detail = "exact: all 2^(n-1) splits of each group of linked entities examined"
    else:
        starts = f"{restarts} seeded random starts"
        if s.restarts_used is not None and s.restarts_used < restarts:
            starts += (
                f" ({s.restarts_used} for the largest group, of {s.largest_heuristic:,} entities: groups of "
                f"over {FULL_RESTARTS_UP_TO:,} get fewer, to bound the time)"
            )
        detail = (
            f"heuristic (a group has more than {exact_limit} entities): spectral start and {starts}, "
            "each improved by single-entity moves; not guaranteed optimal"
        )
    n_tri, n_bal = count_triangles(ties)
    complete = n_tri <= LIST_LIMIT
    triangles = list_triangles(ties, LIST_LIMIT, unbalanced_only=not complete)
    names = {e: entity_name(ds, e) for t in ties.values() for e in t.pair}
    return Balance(
        ties=ties,
        ambivalent=ambivalent,
        triangles=triangles,
        camps=s.camps,
        frustrated=sorted(s.frustrated, key=lambda t: t.pair),
        method="exact" if s.exact else "heuristic",
        method_detail=detail,
        optimal_splits=s.optimal_splits,
        rule=rule,
        modalities=modality,
        merge_parts=merge_parts,
        actors_only=actors_only,
        components=s.components,
        groups=s.groups,
        relations=rels,
        names=names,
        n_triangles=n_tri,
        n_balanced=n_bal,
        triangles_complete=complete,
    )
