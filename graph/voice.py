"""How a claim is put in words: who asserts, claims, recommends or denies it.

One rule for every place a claim is said (the CLI's ``--long``, the reports of
the analyses, the page's tooltips): a claim is *verb-ed by* its claimants --
``asserted_by`` (one entity or several; left out, the source's author). A
denial with claimants is said "denied by X" (X denies that it happened);
a denial without claimants is the source's own: "denied by the source (it
says this did not happen)".

>>> from graph.model import Relation, Evidence
>>> names = {"WH-KIRBY": "John Kirby", "US-REP": "Jane Roe"}.get
>>> r = Relation(id="r", subject="USA", object="AFG", type="RETREAT", modality="denied", polarity=6.5,
...              claimants=("WH-KIRBY",), evidence=(Evidence("s", "q"),))
>>> voiced(r, names)
'denied by John Kirby'
>>> voiced(Relation(id="r2", subject="USA", object="AFG", type="RETREAT", modality="denied", polarity=6.5), names)
'denied by the source (it says this did not happen)'
>>> voiced(Relation(id="r3", subject="USA", object="AFG", type="RETREAT", modality="claimed", polarity=6.5,
...                 claimants=("WH-KIRBY", "US-REP")), names)
'claimed by John Kirby and Jane Roe'
>>> voiced(Relation(id="r4", subject="USA", object="AFG", type="RETREAT", modality="reported", polarity=6.5), names)
'reported by the author'
"""

from __future__ import annotations

__all__ = ["voiced", "who", "join_names", "AUTHOR_WORDS", "SOURCE_DENIES"]

AUTHOR_WORDS = "the author"
"""How the source's own voice is named (a claim without ``asserted_by``)."""

SOURCE_DENIES = "the source (it says this did not happen)"
"""Who denies a denied claim without ``asserted_by``."""


def join_names(names) -> str:
    """``'A'``, ``'A and B'``, ``'A, B and C'``.

    >>> join_names(["A"]), join_names(["A", "B"]), join_names(["A", "B", "C"])
    ('A', 'A and B', 'A, B and C')
    """
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def who(r, name=None, *, author=AUTHOR_WORDS) -> str:
    """Who makes claim *r*, by name: its claimants (*name* maps an id to a name), else *author*.

    A denial without claimants is the source's own: :data:`SOURCE_DENIES`.

    >>> from graph.model import Relation
    >>> who(Relation(id="r", subject="A", object="B", type="AID", modality="claimed", polarity=10, asserted_by="A"))
    'A'
    """
    name = name or (lambda x: x)
    if r.claimants:
        return join_names(name(c) or c for c in r.claimants)
    return SOURCE_DENIES if r.modality == "denied" else author


def voiced(r, name=None, *, author=AUTHOR_WORDS) -> str:
    """Claim *r*'s modality and who makes it, in words: ``'denied by John Kirby'``.

    *name* maps an entity id to its name (default: the id itself); *author*
    names the source's own voice.
    """
    return f"{r.modality} by {who(r, name, author=author)}"
