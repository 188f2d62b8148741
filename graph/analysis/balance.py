"""Signed-network structural balance among the entities of a dataset.

Structural balance reads a signed network the way "the enemy of my enemy is my
friend" does: a triangle of entities is *balanced* when it has an even number
of negative ties (+ + +, + - -) and *unbalanced* otherwise (+ + -, - - -). A
network is balanced when its entities split into two camps with every positive
tie inside a camp and every negative tie across; the ties that no split can
place that way are *frustrated*. It is an aid to reading the claims -- which
alignments the sources' claims make consistent and which they strain -- not a
prediction of what the actors will do.

The sign rule
-------------
Each unordered pair of entities gets at most one sign, from the relations
between them in either direction:

* only relations whose modality is *counted* take part: ``reported`` and
  ``claimed`` by default (what the sources state as fact or attribute to an
  actor); pass ``modality=`` to widen it (e.g. add ``recommended``);
* structural types (``HOLDS``, ``PART_OF``...) and relations of polarity 0
  (e.g. ``REQUEST``) carry no sign and do not count;
* a ``denied`` relation, when counted, counts with its polarity reversed (a
  denied concession strains a tie, a denied attack eases it);
* rule ``"sum"`` (default): the sign of the sum of the polarities, so one
  ``AID`` (+10) outweighs one ``ACCUSE`` (-3); rule ``"majority"``: the sign
  of (number of positive relations - number of negative ones), each claim
  counting once;
* a pair whose relations cancel out exactly is *ambivalent*: it is listed but
  carries no sign.

Only *actors* take part by default: friend and enemy are said of states,
movements, organisations, offices, people and collectives, not of the things
claims are about (kinds ``agreement``, ``asset``, ``place``: seizing
equipment is not enmity with it). Pass ``actors_only=False`` to sign every
pair. With ``merge_parts=True`` an entity that is ``part_of`` another (an
office of a state) is counted as that entity.

The two camps
-------------
The split minimises the number of frustrated ties (positive across, negative
within); among equally good splits it prefers the one whose frustrated ties
weigh least (sum of ``|score|``). Entities with no path of signed ties between
them are independent: each connected group is split on its own and its larger
side goes to the first camp. A group of up to ``exact_limit`` (default 20)
entities is solved exactly by enumerating all ``2**(n-1)`` splits in Gray-code
order (each step flips one entity and updates the count from its ties only);
a larger group uses a heuristic: a spectral start (the sign pattern of the
leading eigenvector of the signed adjacency matrix, by power iteration) and
``restarts`` random starts (seeded, so results repeat), each improved by
single-entity moves until no move helps; the best is kept. The heuristic is
not guaranteed optimal and the report says so.

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

import random
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import QueryError
from ..vocab import MODALITIES
from ._report import entity_name, html_table, plural

__all__ = ["balance", "signed_ties", "Balance", "Tie", "Triangle", "COUNTED_MODALITIES", "RULES",
           "EXACT_LIMIT", "NOTE", "THING_KINDS"]

COUNTED_MODALITIES = ("reported", "claimed")
RULES = ("sum", "majority")
EXACT_LIMIT = 20
THING_KINDS = ("agreement", "asset", "place")
"""Entity kinds that are not actors: left out of balance unless ``actors_only=False``."""
NOTE = ("Structural balance is an aid to reading the claims, not a prediction: it shows which "
        "alignments the sources' claims make consistent and which they strain, under the sign rule stated.")


@dataclass(frozen=True)
class Tie:
    """The signed tie between entities ``a < b`` and the relations behind it."""

    a: str
    b: str
    sign: int          # +1 or -1 (0 only for an ambivalent pair)
    score: float       # sum of polarities ("sum") or positive minus negative count ("majority")
    relations: tuple   # ids of the relations that counted, in data order

    @property
    def pair(self):
        return (self.a, self.b)

    def to_dict(self):
        return {"pair": [self.a, self.b], "sign": self.sign, "score": self.score,
                "relations": list(self.relations)}


@dataclass(frozen=True)
class Triangle:
    """Three entities joined pairwise by signed ties."""

    nodes: tuple
    ties: tuple

    @property
    def negatives(self) -> int:
        return sum(t.sign < 0 for t in self.ties)

    @property
    def balanced(self) -> bool:
        """True when the triangle has an even number of negative ties."""
        return self.negatives % 2 == 0

    def to_dict(self):
        return {"nodes": list(self.nodes), "balanced": self.balanced, "negative_ties": self.negatives,
                "ties": [t.to_dict() for t in self.ties]}


@dataclass(repr=False)
class Balance:
    """The result of :func:`balance`; ``to_dict()`` is what ``--json`` prints."""

    ties: dict                 # (a, b) -> Tie, a < b
    ambivalent: list           # Ties whose relations cancel out (sign 0)
    triangles: list            # every Triangle, sorted by nodes
    camps: tuple               # (list of ids, list of ids)
    frustrated: list           # Ties the split frustrates
    method: str                # "exact" or "heuristic"
    method_detail: str
    optimal_splits: int | None  # how many splits reach the minimum (exact only)
    rule: str
    modalities: tuple
    merge_parts: bool
    actors_only: bool = True
    components: list = field(default_factory=list)   # groups of entities linked by signed ties
    groups: list = field(default_factory=list)       # per component: (larger side, smaller side)
    relations: dict = field(default_factory=dict, repr=False)   # id -> Relation behind the ties
    names: dict = field(default_factory=dict, repr=False)       # id -> display name

    def __repr__(self):
        frac = "n/a" if self.balanced_fraction is None else f"{self.balanced_fraction:.2f}"
        return (f"<Balance: {len(self.ties)} signed ties, {len(self.triangles)} triangles (balanced {frac}), "
                f"camps of {len(self.camps[0])} and {len(self.camps[1])}, {len(self.frustrated)} frustrated, "
                f"{self.method}>")

    @property
    def entities(self) -> list:
        """The entities that have at least one signed tie, sorted."""
        return sorted({x for t in self.ties.values() for x in t.pair})

    @property
    def unbalanced(self) -> list:
        return [t for t in self.triangles if not t.balanced]

    @property
    def balanced_fraction(self):
        """Balanced triangles / all triangles; ``None`` when there is no triangle."""
        if not self.triangles:
            return None
        return sum(t.balanced for t in self.triangles) / len(self.triangles)

    @property
    def frustrated_pairs(self) -> list:
        return [list(t.pair) for t in self.frustrated]

    def to_dict(self) -> dict:
        return {
            "balanced_fraction": self.balanced_fraction,
            "triangles": [t.to_dict() for t in self.triangles],
            "camps": [list(c) for c in self.camps],
            "frustrated": self.frustrated_pairs,
            "frustrated_ties": [t.to_dict() | {"why": self._why(t)} for t in self.frustrated],
            "frustration": len(self.frustrated),
            "method": self.method,
            "method_detail": self.method_detail,
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
        how = ("the sign of the sum of their polarities" if self.rule == "sum" else
               "the sign of (positive relations - negative relations)")
        return (f"a pair's sign is {how}, over the {_join(self.modalities)} relations between the two "
                "(either direction); structural types and polarity-0 relations do not count"
                + ("; a denied relation counts reversed" if "denied" in self.modalities else "")
                + ("; offices count as the entity they are part of"
                                               if self.merge_parts else "")
                + ("; agreements, assets and places are left out" if self.actors_only else ""))

    def _camp_of(self, eid):
        return 0 if eid in self.camps[0] else 1

    def _why(self, t):
        if t.sign > 0:
            return "positive tie across the camps"
        return f"negative tie within camp {self._camp_of(t.a) + 1}"

    def _rel_line(self, rid):
        r = self.relations.get(rid)
        if r is None:
            return rid
        mode = f"/{r.mode}" if r.mode else ""
        when = f", {r.when}" if r.when else ""
        return f"{rid}: {r.subject} {r.type}{mode} {r.object} ({r.modality}{when}, {r.polarity:+g})"

    def _tie_lines(self, t, indent):
        sym = "+" if t.sign > 0 else ("-" if t.sign < 0 else "0")
        head = f"{indent}{t.a} -- {t.b}  {sym}  (score {t.score:+g})"
        return [head] + [f"{indent}    {self._rel_line(rid)}" for rid in t.relations]

    def __str__(self) -> str:
        ties = list(self.ties.values())
        pos = sum(t.sign > 0 for t in ties)
        out = [f"Structural balance among {plural(len(self.entities), 'entity', 'entities')} with signed ties: "
               f"{plural(len(ties), 'tie')} ({pos} positive, {len(ties) - pos} negative)",
               f"Rule: {self.rule_text}."]
        if self.ambivalent:
            out.append("Ambivalent pairs (relations cancel out, no sign): "
                       + ", ".join(f"{t.a}--{t.b}" for t in self.ambivalent))
        out.append("")
        if not self.triangles:
            out.append("Triangles: none (no three entities are tied pairwise), so no balanced fraction.")
        else:
            nb = sum(t.balanced for t in self.triangles)
            out.append(f"Triangles: {len(self.triangles)}; balanced: {nb} of {len(self.triangles)} "
                       f"({self.balanced_fraction:.0%})")
            for i, tri in enumerate(self.unbalanced, 1):
                signs = " ".join("+" if t.sign > 0 else "-" for t in tri.ties)
                out.append(f"\n  unbalanced {i}: {', '.join(tri.nodes)}  ({signs}: "
                           f"{plural(tri.negatives, 'negative tie')})")
                for t in tri.ties:
                    out.extend(self._tie_lines(t, "    "))
        out.append("")
        if ties:
            if self.method == "exact":
                how = "exact: every split examined"
                if self.optimal_splits and self.optimal_splits > 1:
                    how += f"; {self.optimal_splits} splits are equally good, the least weighty is shown"
            else:
                how = self.method_detail
            out.append(f"Two camps ({how}):")
            for i, camp in enumerate(self.camps, 1):
                out.append(f"  camp {i}: " + (", ".join(f"{e} ({self.names.get(e, e)})" for e in camp) or "-"))
            if len(self.groups) > 1:
                out.append(f"  The signed ties form {len(self.groups)} groups with no signed path between them; each "
                           "is split on its own (its larger side in camp 1), so how the groups line up is arbitrary:")
                for i, (x, y) in enumerate(self.groups, 1):
                    out.append(f"    group {i}: {', '.join(x)}  |  {', '.join(y) or '-'}")
            if len(ties) == len(self.entities) - len(self.components):
                out.append("  (the signed ties form no cycle, so some split always satisfies every tie: here the "
                           "camps only restate the ties, they do not test them)")
            out.append(f"\nFrustrated ties ({len(self.frustrated)}):"
                       + (" none: the signed ties are balanced" if not self.frustrated else ""))
            for t in self.frustrated:
                out.append(f"  {t.a} -- {t.b}: {self._why(t)}")
                out.extend(self._tie_lines(t, "    ")[1:])
        else:
            out.append("No signed ties: nothing to split into camps.")
        out.append("\n" + NOTE)
        return "\n".join(out)

    def _repr_html_(self):
        frac = "n/a" if self.balanced_fraction is None else f"{self.balanced_fraction:.0%}"
        parts = [f"<p><b>Balanced triangles:</b> {frac} of {len(self.triangles)}. "
                 f"<b>Camps</b> ({self.method}): {', '.join(self.camps[0])} | {', '.join(self.camps[1])}. "
                 f"<b>Frustrated ties:</b> {len(self.frustrated)}.</p>"]
        rows = [[", ".join(t.nodes), "yes" if t.balanced else "no",
                 "; ".join(f"{x.a}-{x.b} {'+' if x.sign > 0 else '-'} ({', '.join(x.relations)})" for x in t.ties)]
                for t in self.triangles]
        if rows:
            parts.append(html_table(rows, ["triangle", "balanced", "ties (relations)"]))
        if self.frustrated:
            parts.append(html_table([[f"{t.a} -- {t.b}", "+" if t.sign > 0 else "-", self._why(t),
                                      ", ".join(t.relations)] for t in self.frustrated],
                                    ["frustrated tie", "sign", "why", "relations"]))
        import html as _html
        parts.append(f"<p><i>{_html.escape(NOTE)}</i></p>")
        return "".join(parts)


def _join(words):
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _check_modalities(modality):
    if modality is None:
        return COUNTED_MODALITIES
    if isinstance(modality, str):
        modality = [modality]
    out = []
    for m in modality:
        if m not in MODALITIES:
            raise QueryError(f"unknown modality '{m}'; expected one of: " + ", ".join(MODALITIES))
        if m not in out:
            out.append(m)
    if not out:
        raise QueryError("give at least one modality to count")
    return tuple(out)


def _root(ds, eid):
    seen = {eid}
    cur = eid
    while True:
        e = ds.entities.get(cur)
        parent = e.part_of if e is not None else None
        if parent is None or parent in seen:
            return cur
        seen.add(parent)
        cur = parent


def effective_polarity(r) -> float:
    """The polarity a relation contributes: reversed when the relation is denied."""
    return -r.polarity if r.modality == "denied" else r.polarity


def _pair_ties(ds, modality, rule, merge_parts, actors_only=True):
    if rule not in RULES:
        raise QueryError(f"unknown sign rule '{rule}'; expected one of: " + ", ".join(RULES))
    modality = _check_modalities(modality)
    acc = defaultdict(list)
    for r in ds.relations():
        if r.modality not in modality or r.quad == "structural" or r.polarity == 0:
            continue
        a, b = r.subject, r.object
        if actors_only and any(getattr(ds.entities.get(x), "kind", None) in THING_KINDS for x in (a, b)):
            continue
        if merge_parts:
            a, b = _root(ds, a), _root(ds, b)
        if a == b:
            continue
        acc[(a, b) if a < b else (b, a)].append(r)
    ties, ambivalent, rels = {}, [], {}
    for (a, b), rs in sorted(acc.items()):
        pols = [effective_polarity(r) for r in rs]
        if rule == "sum":
            score = round(sum(pols), 9)
        else:
            score = float(sum(p > 0 for p in pols) - sum(p < 0 for p in pols))
        sign = (score > 0) - (score < 0)
        tie = Tie(a, b, sign, score, tuple(r.id for r in rs))
        for r in rs:
            rels[r.id] = r
        (ties.__setitem__((a, b), tie) if sign else ambivalent.append(tie))
    return ties, ambivalent, rels, modality


def signed_ties(ds, *, modality=None, rule="sum", merge_parts=False, actors_only=True) -> dict:
    """The signed tie of each pair of entities, by the sign rule of this module.

    Parameters
    ----------
    ds : Dataset
        A dataset or a view of one.
    modality : str or list of str, optional
        The modalities that count; default ``("reported", "claimed")``.
    rule : {"sum", "majority"}
        How the relations of a pair make its sign (see the module docs).
    merge_parts : bool
        Count an entity that is ``part_of`` another as that entity.
    actors_only : bool
        Leave out agreements, assets and places (:data:`THING_KINDS`).

    Returns
    -------
    dict
        ``(a, b) -> Tie`` with ``a < b``, for pairs with a non-zero sign.

    Raises
    ------
    QueryError
        For an unknown modality or rule.

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s, title: T}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}
    ...   - {id: r2, subject: B, object: A, type: ACCUSE, modality: reported, evidence: [{source: s, quote: q}]}
    ...   - {id: r3, subject: B, object: A, type: ACCUSE, modality: claimed, evidence: [{source: s, quote: q}]}
    ... ''')
    >>> signed_ties(ds)[("A", "B")]
    Tie(a='A', b='B', sign=1, score=4.0, relations=('r1', 'r2', 'r3'))
    >>> signed_ties(ds, rule="majority")[("A", "B")].sign
    -1
    >>> signed_ties(ds, modality="claimed")[("A", "B")].score
    -3.0
    """
    return _pair_ties(ds, modality, rule, merge_parts, actors_only)[0]


# -- the two camps ----------------------------------------------------------------

def _weight(score):
    return int(round(abs(score) * 1000))


def _components(adj):
    seen, comps = set(), []
    for start in sorted(adj):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            n = stack.pop()
            comp.append(n)
            for m in adj[n]:
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        comps.append(sorted(comp))
    return comps


def _index(comp, adj):
    idx = {v: i for i, v in enumerate(comp)}
    return [[(idx[w], s, wt) for w, (s, wt) in sorted(adj[v].items())] for v in comp]


def _cost(side, nbrs):
    c = w = 0
    for i, lst in enumerate(nbrs):
        for k, s, wt in lst:
            if k > i and (side[i] == side[k]) != (s > 0):
                c += 1
                w += wt
    return c, w


def _exact(nbrs):
    """Minimum (frustrated count, weight) over all 2**(n-1) splits; Gray-code enumeration."""
    n = len(nbrs)
    side = [0] * n
    count, weight = _cost(side, nbrs)
    best, best_side, n_best = (count, weight), side[:], 1
    for i in range(1, 1 << (n - 1)):
        j = (i & -i).bit_length()          # lowest set bit + 1: node 0 stays in place
        sj = side[j]
        dc = dw = 0
        for k, s, wt in nbrs[j]:
            if (side[k] == sj) == (s > 0):  # satisfied now, frustrated after the flip
                dc += 1
                dw += wt
            else:
                dc -= 1
                dw -= wt
        side[j] = 1 - sj
        count += dc
        weight += dw
        if count < best[0]:
            best, best_side, n_best = (count, weight), side[:], 1
        elif count == best[0]:
            n_best += 1
            if weight < best[1]:
                best, best_side = (count, weight), side[:]
    return best_side, best, n_best


def _local_search(side, nbrs):
    """Flip the single entity that lowers (count, weight) most, until none does."""
    n = len(nbrs)
    while True:
        best_gain, best_j = (0, 0), None
        for j in range(n):
            dc = dw = 0
            sj = side[j]
            for k, s, wt in nbrs[j]:
                if (side[k] == sj) == (s > 0):
                    dc += 1
                    dw += wt
                else:
                    dc -= 1
                    dw -= wt
            if (dc, dw) < best_gain:
                best_gain, best_j = (dc, dw), j
        if best_j is None:
            return side
        side[best_j] = 1 - side[best_j]


def _spectral_start(nbrs, iterations=300):
    """Sign pattern of the leading eigenvector of the signed adjacency (shifted power iteration)."""
    n = len(nbrs)
    shift = max(len(lst) for lst in nbrs) + 1
    x = [1.0 + (i % 7) / 10 for i in range(n)]   # not orthogonal to the leading vector in practice
    for _ in range(iterations):
        y = [shift * x[i] + sum(s * x[k] for k, s, _ in nbrs[i]) for i in range(n)]
        norm = max(abs(v) for v in y) or 1.0
        x = [v / norm for v in y]
    return [0 if v >= 0 else 1 for v in x]


def _heuristic(nbrs, restarts, seed):
    rng = random.Random(seed)
    starts = [_spectral_start(nbrs)] + [[rng.randint(0, 1) for _ in nbrs] for _ in range(restarts)]
    best, best_side = None, None
    for s in starts:
        side = _local_search(s, nbrs)
        cost = _cost(side, nbrs)
        if best is None or cost < best:
            best, best_side = cost, side[:]
    return best_side, best


def _split(ties, exact_limit, restarts, seed):
    adj = defaultdict(dict)
    for t in ties.values():
        w = _weight(t.score)
        adj[t.a][t.b] = (t.sign, w)
        adj[t.b][t.a] = (t.sign, w)
    comps = _components(adj)
    camps = ([], [])
    groups = []
    exact, n_optimal = True, 1
    for comp in comps:
        nbrs = _index(comp, adj)
        if len(comp) <= exact_limit:
            side, _, n_best = _exact(nbrs)
            n_optimal *= n_best
        else:
            side, _ = _heuristic(nbrs, restarts, seed)
            exact = False
        ones = [v for v, s in zip(comp, side) if s == 1]
        zeros = [v for v, s in zip(comp, side) if s == 0]
        if len(ones) > len(zeros) or (len(ones) == len(zeros) and comp[0] in ones):
            big, small = ones, zeros
        else:
            big, small = zeros, ones
        camps[0].extend(big)
        camps[1].extend(small)
        groups.append((sorted(big), sorted(small)))
    in_first = set(camps[0])
    frustrated = [t for t in ties.values() if ((t.a in in_first) == (t.b in in_first)) != (t.sign > 0)]
    return (sorted(camps[0]), sorted(camps[1])), groups, frustrated, comps, exact, (n_optimal if exact else None)


def _triangles(ties):
    adj = defaultdict(set)
    for a, b in ties:
        adj[a].add(b)
        adj[b].add(a)
    out = []
    for u in sorted(adj):
        for v in sorted(x for x in adj[u] if x > u):
            for w in sorted(x for x in adj[u] & adj[v] if x > v):
                out.append(Triangle((u, v, w), (ties[(u, v)], ties[(u, w)], ties[(v, w)])))
    return out


def balance(ds, *, modality=None, rule="sum", merge_parts=False, actors_only=True,
            exact_limit=EXACT_LIMIT, restarts=50, seed=0) -> Balance:
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
        Leave out agreements, assets and places (:data:`THING_KINDS`).
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
    ties, ambivalent, rels, modality = _pair_ties(ds, modality, rule, merge_parts, actors_only)
    if exact_limit < 1:
        raise QueryError("exact_limit must be at least 1")
    camps, groups, frustrated, comps, exact, n_opt = _split(ties, exact_limit, max(0, restarts), seed)
    if exact:
        detail = "exact: all 2^(n-1) splits of each group of linked entities examined"
    else:
        detail = (f"heuristic (a group has more than {exact_limit} entities): spectral start and {restarts} "
                  f"seeded random starts, each improved by single-entity moves; not guaranteed optimal")
    names = {e: entity_name(ds, e) for t in ties.values() for e in t.pair}
    return Balance(ties=ties, ambivalent=ambivalent, triangles=_triangles(ties), camps=camps,
                   frustrated=sorted(frustrated, key=lambda t: t.pair), method="exact" if exact else "heuristic",
                   method_detail=detail, optimal_splits=n_opt, rule=rule, modalities=modality,
                   merge_parts=merge_parts, actors_only=actors_only, components=comps, groups=groups,
                   relations=rels, names=names)
