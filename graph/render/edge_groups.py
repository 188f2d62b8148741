"""Group a dataset's claims per (subject, object, quad, period) into weighted edges, for large pages.

A period comes from the claim's ``when``: the month (``"2024-03"``) or year
(``"2024"``) of ``when.start`` (of ``when.end`` when the start is open), or
``"undated"`` for a claim without a date; ``by="all"`` puts every claim in one
period, ``"all"``. Each :class:`EdgeGroup` carries the count, the mean
polarity (of the claims that are not denials: a denial's polarity is that of
the event it denies; of the denials when there is nothing else), the sources
(ids, first seen first), the claim ids (in the dataset's order) and the
modalities and types present.

>>> ds = graph.loads('''
... sources: [{id: s1, title: A, kind: op-ed}, {id: s2, title: B, kind: op-ed}]
... entities:
...   - {id: PAK, name: Pakistan, kind: state}
...   - {id: AFG, name: Afghanistan, kind: state}
... relations:
...   - {id: r1, subject: PAK, object: AFG, type: ACCUSE, polarity: -2, modality: reported, when: 2024-03,
...      evidence: [{source: s1, quote: q}]}
...   - {id: r2, subject: PAK, object: AFG, type: THREATEN, polarity: -4, modality: claimed, when: 2024-11-02,
...      evidence: [{source: s2, quote: q}]}
...   - {id: r3, subject: PAK, object: AFG, type: ACCUSE, polarity: -3, modality: reported,
...      evidence: [{source: s1, quote: q}]}
... ''')
>>> [(g.period, g.count, g.mean_polarity, g.sources, g.claims) for g in aggregate(ds, by="year")]
[('2024', 2, -3.0, ('s1', 's2'), ('r1', 'r2')), ('undated', 1, -3.0, ('s1',), ('r3',))]
>>> [g.period for g in aggregate(ds, by="month")]
['2024-03', '2024-11', 'undated']
>>> g, = aggregate(ds, by="all")
>>> g.key, g.count, g.modalities, g.types, g.denied_only
(('PAK', 'AFG', 'verbal conflict', 'all'), 3, ('reported', 'claimed'), ('ACCUSE', 'THREATEN'), False)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..analysis.claims import grouped_by

__all__ = ["aggregate", "grouped", "mean_polarity", "EdgeGroup", "period_of", "PERIODS", "UNDATED"]

#: the ways of cutting time (``all``: one period)
PERIODS = ("month", "year", "all")

#: the period of a claim without a date
UNDATED = "undated"


def period_of(when, by) -> str:
    """The period of a claim dated *when* (a :class:`~graph.when.When` or None), cut *by* month/year/all.

    >>> from graph.when import parse_when
    >>> period_of(parse_when("2021-08-15"), "month"), period_of(parse_when("2021-08"), "year")
    ('2021-08', '2021')
    >>> period_of(parse_when("..2020-05"), "month"), period_of(None, "year"), period_of(None, "all")
    ('2020-05', 'undated', 'all')
    """
    if by == "all":
        return "all"
    if by not in PERIODS:
        raise ValueError(f"aggregate by one of {', '.join(PERIODS)}, not {by!r}")
    if when is None:
        return UNDATED
    d = when.start if when.start != date.min else when.end
    if d in (date.min, date.max):
        return UNDATED
    return f"{d.year:04d}-{d.month:02d}" if by == "month" else f"{d.year:04d}"


@dataclass(frozen=True)
class EdgeGroup:
    """The claims of one (subject, object, quad, period): one weighted edge of an aggregated page."""

    subject: str
    object: str
    quad: str
    period: str
    claims: tuple  # claim (relation) ids, in the dataset's order
    mean_polarity: float  # of the claims that are not denials (else of the denials), rounded to 2 decimals
    sources: tuple  # source ids, first seen first
    modalities: tuple  # present, first seen first
    types: tuple  # present, first seen first

    @property
    def key(self) -> tuple:
        return (self.subject, self.object, self.quad, self.period)

    @property
    def count(self) -> int:
        return len(self.claims)

    @property
    def denied_only(self) -> bool:
        """Every claim of the group is a denial (drawn in the denied style)."""
        return self.modalities == ("denied",)


def aggregate(ds, by="year") -> list:
    """The :class:`EdgeGroup` of every (subject, object, quad, period) of *ds*'s claims.

    *by*: ``"month"``, ``"year"`` or ``"all"``. Groups come in the order of
    their first claim in ``ds.relations()``; a claim's polarity counts as 0
    when it has none.
    """
    out = []
    for (subject, object_, quad, period), rels in grouped(ds.relations(), by).items():
        srcs, mods, types = {}, {}, {}
        for r in rels:
            for ev in r.evidence:  # (its sources, in order: the dict keeps each once)
                srcs[ev.source] = None
            mods[r.modality] = None
            types[r.type] = None
        out.append(
            EdgeGroup(
                subject=subject,
                object=object_,
                quad=quad,
                period=period,
                claims=tuple(r.id for r in rels),
                mean_polarity=mean_polarity(rels),
                sources=tuple(srcs),
                modalities=tuple(mods),
                types=tuple(types),
            )
        )
    return out


def grouped(rels, by) -> dict:
    """``{(subject, object, quad, period): [relation, ...]}`` of the relations *rels*, cut *by*
    month, year or all: the groups in the order of their first relation, each in the order of *rels*."""
    if by not in PERIODS:
        raise ValueError(f"aggregate by one of {', '.join(PERIODS)}, not {by!r}")
    periods = {}  # a date text has one When (graph.when.parse_when): its period is worked out once
    quads = {}  # a type's quad, looked up once

    def key(r):
        w = r.when
        period = periods.get(id(w))
        if period is None:
            period = periods[id(w)] = period_of(w, by)
        t = r.type
        quad = quads.get(t)
        if quad is None:
            quad = quads[t] = r.quad
        return (r.subject, r.object, quad, period)

    return grouped_by(rels, key)


def mean_polarity(rels) -> float:
    """The mean polarity of the claims *rels* that are not denials (of the denials when every one
    is), rounded to 2 decimals; a claim without a polarity counts as 0."""
    if len(rels) == 1:
        return round(float(rels[0].polarity or 0), 2)
    total = n = denied = 0.0
    for r in rels:
        if r.modality == "denied":
            denied += float(r.polarity or 0)
        else:
            total += float(r.polarity or 0)
            n += 1
    return round(total / n if n else denied / len(rels), 2)
