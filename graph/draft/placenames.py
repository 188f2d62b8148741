"""The name one side gives a disputed place is a place's name: "the islets, which Japan calls Takeshima".

News on a territorial row names the place as one side does and gives the other side's name in a clause:
"the islets, which Japan calls Takeshima", "Scarborough Shoal, known in China as Huangyan Dao",
"Huangyan Dao, as China calls the shoal". That name is where, not who: a place, so no claim takes it for
an actor.

>>> from graph.draft.names import NewName
>>> text = "Ships neared the islets, which Ruritania calls Vrodna Rocks. Its coast guard patrols Kesk Reef."
>>> rocks, reef = NewName("Vrodna Rocks", spans=[(47, 59)]), NewName("Kesk Reef", spans=[(85, 94)])
>>> [(n.name, n.kind) for n in called_places(text, [rocks, reef])]
[('Vrodna Rocks', 'place'), ('Kesk Reef', None)]
"""

from __future__ import annotations

import re

__all__ = ["called_places"]

_PLACE_NOUN = (
    r"(?:islets?|islands?|isles?|archipelago|shoal|reef|rocks?|atoll|cay|sea|strait|straits|gulf|bay|waters|"
    r"territory|region|area|enclave|province|town|city|village|valley|river|lake|mountains?|peninsula|border|zone)"
)
# "<place>, which <Actor> calls <Name>" / "<place>, known in <Actor> as <Name>"
_BEFORE = re.compile(
    rf"\b{_PLACE_NOUN},?\s+(?:which|that|what)\s+(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:calls|call|names|refers to as)\s+$"
    rf"|\b{_PLACE_NOUN},?\s+(?:known|called)\s+(?:in|to|by)\s+(?:[A-Z][\w'’.-]*\s+){{1,4}}as\s+$",
    re.I,
)
# "<Name>, as <Actor> calls the shoal"
_AFTER = re.compile(rf",?\s+as\s+(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:calls|call|names)\s+the\s+{_PLACE_NOUN}\b")


def called_places(text, plain):
    """*plain* with the names given to a place in such a clause (and of no kind yet) made places."""
    for n in plain:
        if n.kind is not None or not n.spans:
            continue
        if any(_BEFORE.search(text[max(0, s - 90) : s]) or _AFTER.match(text, e) for s, e in n.spans):
            n.kind = "place"
    return plain
