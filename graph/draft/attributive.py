"""A demonym that describes a body named right after it ("the Chadian rebel Front for Change") is no actor.

News introduces a movement, a company or a party by its country's adjective and a common noun before its
name: "the Chadian rebel Front for Change and Concord", "the Malian separatist Azawad Movement", "the
Russian energy firm Volgaprom". The demonym says where the body is from; the actor is the body, so the
demonym is no mention of the state (which would otherwise take the body's place as a claim's party).

>>> from graph.draft.mentions import Mention
>>> from graph.draft.names import NewName
>>> text = "Sudan hosts the Chadian rebel Front for Change, and Chadian troops left."
>>> found = [Mention("TCD", "Chadian", 16, 23, "gazetteer: demonym", False),
...          Mention("TCD", "Chadian", 48, 55, "gazetteer: demonym", False)]
>>> front = NewName("Front for Change", 1, "organisation", "FRONT-FOR-CHANGE", spans=[(30, 46)])
>>> [m.start for m in drop_attributive(found, [front], text)]
[48]
"""

from __future__ import annotations

import re

__all__ = ["drop_attributive"]

# up to two lowercase words between the demonym and the name ("rebel", "separatist", "state-owned oil")
_BETWEEN = re.compile(r"\s+(?:[a-z][a-z-]*\s+){1,2}")
_BODIES = ("organisation", "armed_group", "party")
# a named ship after its flag's demonym is the ship ("the Greek research ship Thetis", "a Chinese trawler Hai Long")
_VESSEL = re.compile(
    r"(?:ship|vessel|tanker|trawler|freighter|frigate|boat|carrier|destroyer|cutter|corvette|ferry|yacht)\s+$"
)


def drop_attributive(found, names, text):
    """*found* without the demonyms written before a common noun and a new name of a body in *names*."""
    starts = {s for n in names if n.kind in _BODIES for s, _ in n.spans}
    unkinded = {s for n in names if n.kind is None for s, _ in n.spans}
    if not starts and not unkinded:
        return found
    out = []
    for m in found:
        if m.via == "gazetteer: demonym" and not m.text.endswith("s"):  # not "Afghans holding Proof of ..."
            gap = _BETWEEN.match(text, m.end)
            if gap and (gap.end() in starts or gap.end() in unkinded and _VESSEL.search(gap.group())):
                continue
        out.append(m)
    return out
