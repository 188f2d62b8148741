"""Which new names a draft proposes: the ones its candidate claims use, and what those are part of.

A claims graph gains nothing from a name no claim uses, and every proposed name is one more thing
the reviewer must check; the other names found in the text are kept apart as *mentioned* (with their
spans), for a reviewer who adds a claim by hand.

>>> from graph.draft.names import NewName
>>> from types import SimpleNamespace as C
>>> office = NewName("Interior Ministry of Utopia", id="UTO-MOI", part_of="UTO")
>>> names = [NewName("Utopia", id="UTO"), office, NewName("Rita Moss", id="RITA-MOSS")]
>>> names.append(NewName("Ann Lee", id="ANN-LEE"))
>>> used, other = split_names(names, [C(subject="UTO-MOI", object="XX", asserted_by="RITA-MOSS")])
>>> [n.id for n in used], [n.id for n in other]
(['UTO', 'UTO-MOI', 'RITA-MOSS'], ['ANN-LEE'])
>>> text = "Foreign Ministry spokeswoman Rita Moss accused Ann Lee."
>>> office = NewName("Foreign Ministry of Utopia", kind="office", id="UTO-MFA", spans=[(0, 16)])
>>> rita = NewName("Rita Moss", kind="person", id="RITA-MOSS", spans=[(29, 38)])
>>> [n.id for n in split_names([office, rita], [C(subject="RITA-MOSS", object="ANN-LEE", asserted_by=None)], text)[0]]
['UTO-MFA', 'RITA-MOSS']

"""

from __future__ import annotations

import re

__all__ = ["split_names", "own_name"]

# a capitalised office name that lists its fields: "Ministry of Foreign Affairs and Human Mobility"
_OWN = re.compile(r"(?:[A-Z][\w'’-]*|of|for|the|and|,)(?:\s*(?:[A-Z][\w'’-]*|of|for|the|and|,))*")
_TITLE_GAP = re.compile(r"[\s,]*(?:[a-z]+[\s,]+){0,3}")  # "Kremlin spokesman Arkady Belov", "X's deputy chief Y"


def split_names(names, claims, text=""):
    """(*names* some claim uses as subject, object or claimant, or that such a name is part of, or an office
    that titles a person so used, "Interior Ministry spokesman Rita Moss"; the others)."""
    for n in names:
        own_name(n, text)
    up = {n.id: n.part_of for n in names if n.part_of}
    used = set()

    def use(x):
        while x and x not in used:
            used.add(x)
            x = up.get(x)

    for c in claims:
        for x in (c.subject, c.object, c.asserted_by):
            use(x)
    people = [s for n in names if n.kind == "person" and n.id in used for s, _ in n.spans]
    for n in names:
        if n.kind == "office" and n.id not in used:
            if any(0 <= p - e <= 40 and _TITLE_GAP.fullmatch(text[e:p]) for _, e in n.spans for p in people):
                use(n.id)
    return [n for n in names if n.id in used], [n for n in names if n.id not in used]


def own_name(n, text):
    """Name the office *n* by the text's own name of it when the text writes one that lists its fields
    ("Argentina's Ministry of Foreign Affairs, International Trade and Worship"): that name, without the
    owner's possessive, becomes its name, the gazetteer's generic name ("Ministry of Foreign Affairs of
    Argentina") an alias.

    >>> from graph.draft.names import NewName
    >>> text = "Utopia's Ministry of Foreign Affairs, Trade and Worship protested."
    >>> n = NewName("Ministry of Foreign Affairs of Utopia", kind="office", spans=[(0, 55)])
    >>> own_name(n, text); n.name, n.aliases
    ('Ministry of Foreign Affairs, Trade and Worship', ['Ministry of Foreign Affairs of Utopia'])
    """
    if n.kind != "office":
        return
    for s, e in n.spans:
        words = re.sub(r"^(?:the\s+)?(?:[A-Z][\w'’ -]*?['’]s\s+)?", "", text[s:e])
        if ("," in words or " and " in words) and words != n.name and _OWN.fullmatch(words):
            n.aliases = [n.name] + [a for a in n.aliases if a != words]
            n.name = words
            return
