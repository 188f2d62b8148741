"""A permission between two actors: "X let the rebels smuggle arms", "Y permitted Z to use its airfields": the
one who allows helps the one allowed (AID when that is an armed group, else COOPERATE). Only where the clause
rules left the pair without a candidate; a permission an accusation charges ("accused Baku of allowing Israel
to fly drones") is :mod:`graph.draft.letcharges`'s, with the denials that answer it. Used by
:mod:`graph.draft.structure`.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: PER, name: Peru, kind: state}
...   - {id: CHL, name: Chile, kind: state}
...   - {id: BOL, name: Bolivia, kind: state}
... ''')
>>> t = "Peru said Chile let Bolivia store fuel at its port."
>>> for c in draft(t, ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
CHL COOPERATE BOL claimed PER
"""

from __future__ import annotations

from .clause import Raw
from .relatives import actor_tokens

__all__ = ["permissions"]

_PERMIT = {"allow", "allows", "allowed", "allowing", "let", "lets", "letting", "permit", "permits", "permitted"}
_PERMIT |= {"permitting"}
_BARE = {"let", "lets", "letting"}  # "let Y smuggle": no "to"
_ACCUSE = {"accuse", "accused", "accuses", "accusing", "blamed", "blames", "blaming"}
_NOT = {"not", "never", "n't", "no", "nor", "refused", "refuses", "refusing"}
_DETS = {"the", "its", "their", "his", "her"}
_ARMED = {"armed_group"}


def _allowed(stoks, lows, acts, k):
    """(entity, token after its phrase) of the actor allowed by the verb at *k*, or None."""
    x = k + 1
    a = next((a for a in acts if a[0] == x or (a[0] == x + 1 and lows[x] in _DETS)), None)
    if a is None:
        return None
    y = a[1]
    # ("Israel to fly", "TPNPB fighters to shelter", "the rebels smuggle")
    while y < len(lows) and y - a[1] < 2 and stoks[y].text.isalpha() and stoks[y].text.islower():
        if lows[y] == "to" or lows[k] in _BARE:
            break
        y += 1
    if y >= len(lows):
        return None
    if lows[y] == "to" and y + 1 < len(lows) and stoks[y + 1].text.isalpha() and stoks[y + 1].text.islower():
        return a[2], y
    if lows[k] in _BARE and stoks[y].text.isalpha() and stoks[y].text.islower():
        return a[2], y
    return None


def permissions(text, stoks, in_sentence, sp, kinds, out):
    """*out* with the permissions of the sentence (see the module) added."""
    lows = [t.lower for t in stoks]
    if not (_PERMIT & set(lows)):
        return out
    acts = actor_tokens(stoks, in_sentence)
    add = []
    for k, w in enumerate(lows):
        if w not in _PERMIT or _NOT & set(lows[max(0, k - 3) : k]):
            continue
        if k > 0 and lows[k - 1] in ("to", "into"):
            continue  # "pressed X to let Y build", "pressure X into letting Y": what is asked, not done
        got = _allowed(stoks, lows, acts, k)
        if got is None:
            continue
        allowed, _ = got
        # the one who allows: the nearest actor before the verb ("accused X of allowing Y to V" is a charge, read
        # with the denials that answer it by :mod:`graph.draft.letcharges`)
        if lows[k - 1] == "of" and _ACCUSE & set(lows[max(0, k - 8) : k]):
            continue
        before = [a for a in acts if a[1] <= k and k - a[1] <= 3]
        if not before or any(x in (",", ";", "which", "who", "that") for x in lows[before[-1][1] : k]):
            continue
        allower = before[-1][2]
        at = stoks[k].start
        if allower == allowed or any(
            (c.subject, c.object) == (allower, allowed) or (c.cue_at == at and c.object == allowed) for c in out + add
        ):
            continue  # (the clause rules read it already: "allow Y to operate" is a cue)
        kind = kinds.get(allowed, "")
        typ, mode = ("AID", "military") if kind in _ARMED else ("COOPERATE", None)
        speech = sp is not None and sp.speaker is not None and sp.content[0] <= at < sp.content[1]
        mod, by = ("claimed", sp.speaker) if speech else ("reported", None)
        why = [f"'{stoks[k].text}' {allowed} -> {typ} (a permission)"]
        add.append(
            Raw(
                allower,
                allowed,
                typ,
                mode,
                mod,
                by,
                stoks[0].start,
                stoks[-1].end,
                at,
                why,
                0.55,
                "cue",
                content=mod == "claimed",
            )
        )
    return out + add
