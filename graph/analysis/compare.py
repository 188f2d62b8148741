"""Compare two sources: what one states that the other does not, and where they disagree.

A claim belongs to a source when one of its evidence items cites that source
(a claim with evidence from both belongs to both). Two claims *match* when
they have the same subject, object and type (direction matters: "A accuses
B" does not match "B accuses A"); the modality may differ, and the report
shows it when it does (one source reports what the other only recommends, or
denies).

Two sources *disagree in polarity* on a pair of entities when the net sign of
what each says about the pair (either direction) is opposite: the sign of the
sum of the polarities of its claims about the pair, over the counted
modalities (``reported``, ``claimed`` and ``denied`` by default; a denied
claim counts reversed, so "A attacked B" against "A did not attack B" is a
disagreement), structural and polarity-0 claims left out -- the same rule as
:mod:`graph.analysis.balance`.

Examples
--------
>>> import graph
>>> from graph.analysis import compare
>>> ds = graph.loads('''
... sources: [{id: sa, title: Paper A}, {id: sb, title: Paper B}]
... entities:
...   - {id: X, name: X, kind: state}
...   - {id: Y, name: Y, kind: state}
...   - {id: Z, name: Z, kind: state}
... relations:
...   - {id: a1, subject: X, object: Y, type: ASSAULT, modality: reported, evidence: [{source: sa, quote: q}]}
...   - {id: b1, subject: X, object: Y, type: ASSAULT, modality: denied, evidence: [{source: sb, quote: q}]}
...   - {id: a2, subject: X, object: Z, type: AID, modality: reported, evidence: [{source: sa, quote: q}]}
...   - {id: b2, subject: Y, object: Z, type: CONSULT, modality: reported, evidence: [{source: sb, quote: q}]}
... ''')
>>> c = compare(ds, "sa", "sb")
>>> c.only_a, c.only_b
(['a2'], ['b2'])
>>> [(m["type"], m["a"], m["b"], m["modality_differs"]) for m in c.shared]
[('ASSAULT', ['a1'], ['b1'], True)]
>>> [(d["pair"], d["a_sign"], d["b_sign"]) for d in c.disagreements]
[(['X', 'Y'], -1, 1)]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..errors import QueryError
from ._report import html_table
from .claims import check_modalities as _check_modalities, effective_polarity

__all__ = ["compare", "Comparison", "COMPARED_MODALITIES"]

COMPARED_MODALITIES = ("reported", "claimed", "denied")


def _line(r):
    mode = f"/{r.mode}" if r.mode else ""
    when = f", {r.when}" if r.when else ""
    return f"{r.subject} {r.type}{mode} {r.object} ({r.modality}{when})"


@dataclass(repr=False)
class Comparison:
    """The result of :func:`compare`; ``to_dict()`` is what ``--json`` prints."""

    a: str
    b: str
    only_a: list          # relation ids stated by A and not matched in B
    only_b: list
    shared: list          # {"subject", "object", "type", "a": [ids], "b": [ids], "modality_differs"}
    disagreements: list   # {"pair", "a_sign", "a_score", "a_relations", "b_sign", ...}
    modalities: tuple
    relations: dict
    titles: dict

    def __repr__(self):
        return (f"<Comparison {self.a} vs {self.b}: {len(self.only_a)} only in A, {len(self.only_b)} only in B, "
                f"{len(self.shared)} shared, {len(self.disagreements)} disagreements>")

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "only_a": self.only_a, "only_b": self.only_b,
                "shared": self.shared, "disagreements": self.disagreements,
                "modalities": list(self.modalities)}

    def __str__(self) -> str:
        ta, tb = (f" ({self.titles[x]})" if self.titles.get(x) else "" for x in (self.a, self.b))
        out = [f"A = {self.a}{ta}", f"B = {self.b}{tb}",
               "claims match when they have the same subject, type and object", ""]
        for label, ids in ((f"Stated by A only ({len(self.only_a)})", self.only_a),
                           (f"Stated by B only ({len(self.only_b)})", self.only_b)):
            out.append(label + (":" if ids else ": none"))
            out.extend(f"  {rid}: {_line(self.relations[rid])}" for rid in ids)
            out.append("")
        out.append(f"Stated by both ({len(self.shared)})" + (":" if self.shared else ": none"))
        for m in self.shared:
            mods_a = "/".join(sorted({self.relations[i].modality for i in m["a"]}))
            mods_b = "/".join(sorted({self.relations[i].modality for i in m["b"]}))
            flag = "   <- modality differs" if m["modality_differs"] else ""
            out.append(f"  {m['subject']} {m['type']} {m['object']}: A {', '.join(m['a'])} ({mods_a}); "
                       f"B {', '.join(m['b'])} ({mods_b}){flag}")
        out.append("")
        out.append(f"Disagreements in polarity ({len(self.disagreements)}; net sign over "
                   f"{', '.join(self.modalities)} claims about each pair)" + (":" if self.disagreements else ": none"))
        for d in self.disagreements:
            x, y = d["pair"]
            out.append(f"  {x} -- {y}: A {'+' if d['a_sign'] > 0 else '-'} ({d['a_score']:+g}), "
                       f"B {'+' if d['b_sign'] > 0 else '-'} ({d['b_score']:+g})")
            for side in ("a", "b"):
                for rid in d[f"{side}_relations"]:
                    out.append(f"    {side.upper()}: {rid}: {_line(self.relations[rid])}")
        return "\n".join(out)

    def _repr_html_(self):
        rows = ([["A only", rid, _line(self.relations[rid])] for rid in self.only_a]
                + [["B only", rid, _line(self.relations[rid])] for rid in self.only_b]
                + [["both", ", ".join(m["a"] + m["b"]), f"{m['subject']} {m['type']} {m['object']}"]
                   for m in self.shared]
                + [["disagree", ", ".join(d["a_relations"] + d["b_relations"]),
                    f"{d['pair'][0]} -- {d['pair'][1]}: A {d['a_score']:+g}, B {d['b_score']:+g}"]
                   for d in self.disagreements])
        return html_table(rows, ["where", "relations", "claim"], caption=f"{self.a} (A) against {self.b} (B)")


def _net(rels, modalities):
    acc = defaultdict(lambda: [0.0, []])
    for r in rels:
        if r.modality not in modalities or r.quad == "structural" or r.polarity == 0 or r.subject == r.object:
            continue
        pair = tuple(sorted((r.subject, r.object)))
        acc[pair][0] += effective_polarity(r)
        acc[pair][1].append(r.id)
    return {p: (round(s, 9), ids) for p, (s, ids) in acc.items()}


def compare(ds, source_a, source_b, *, modality=COMPARED_MODALITIES) -> Comparison:
    """Compare what sources *source_a* and *source_b* state.

    Parameters
    ----------
    ds : Dataset
        A dataset (or view) holding both sources.
    source_a, source_b : str
        Source ids.
    modality : list of str
        The modalities whose claims count for polarity disagreements
        (default reported, claimed, denied). Every claim counts for
        what one states and the other does not.

    Returns
    -------
    Comparison
        ``only_a``, ``only_b`` (relation ids), ``shared`` (matched claims),
        ``disagreements`` (pairs with opposite net sign).

    Raises
    ------
    UnknownSourceError
        For a source that does not exist.
    QueryError
        When both are the same source, or for an unknown modality.

    Examples
    --------
    >>> import graph
    >>> ds = graph.loads('''
    ... sources: [{id: s1, title: T}, {id: s2, title: U}]
    ... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
    ... relations:
    ...   - {id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s1, quote: q}]}
    ...   - {id: r2, subject: B, object: A, type: SANCTION, modality: reported, evidence: [{source: s2, quote: q}]}
    ... ''')
    >>> c = compare(ds, "s1", "s2")
    >>> c.only_a, c.only_b, c.disagreements[0]["pair"]
    (['r1'], ['r2'], ['A', 'B'])
    >>> compare(ds, "s1", "s1")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: compare two different sources (both are 's1')
    """
    a, b = ds.source(source_a).id, ds.source(source_b).id
    if a == b:
        raise QueryError(f"compare two different sources (both are '{a}')")
    modality = _check_modalities(modality)
    rels_a = [r for r in ds.relations() if a in r.sources]
    rels_b = [r for r in ds.relations() if b in r.sources]

    def groups(rels):
        g = {}
        for r in rels:
            g.setdefault((r.subject, r.object, r.type), []).append(r)
        return g

    ga, gb = groups(rels_a), groups(rels_b)
    only_a = [r.id for r in rels_a if (r.subject, r.object, r.type) not in gb]
    only_b = [r.id for r in rels_b if (r.subject, r.object, r.type) not in ga]
    shared = []
    for key, ra in ga.items():
        if key in gb:
            rb = gb[key]
            shared.append({"subject": key[0], "object": key[1], "type": key[2],
                           "a": [r.id for r in ra], "b": [r.id for r in rb],
                           "modality_differs": {r.modality for r in ra} != {r.modality for r in rb}})
    na, nb = _net(rels_a, modality), _net(rels_b, modality)
    disagreements = []
    for pair in sorted(set(na) & set(nb)):
        (sa, ia), (sb, ib) = na[pair], nb[pair]
        if sa * sb < 0:
            disagreements.append({"pair": list(pair), "a_sign": 1 if sa > 0 else -1, "a_score": sa,
                                  "a_relations": ia, "b_sign": 1 if sb > 0 else -1, "b_score": sb,
                                  "b_relations": ib})
    relations = {r.id: r for r in rels_a + rels_b}
    titles = {s: ds.sources[s].title for s in (a, b)}
    return Comparison(a, b, only_a, only_b, shared, disagreements, modality, relations, titles)
