"""Two passives whose actor is not the one before the verb: an envoy summoned ("Chile's ambassador in Lima
was summoned to the foreign ministry" is Peru, the host, protesting to Chile) and forces deployed
("Chilean troops have been deployed in Peru" is Chile moving into Peru); used by
:mod:`graph.draft.structure` for each sentence.

The host is the state of the capital the envoy serves in ("in Lima"), else the side of an office named
after "summoned to" that is not the envoy's own, else the speaker, else the text's home state.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: PER, name: Peru, kind: state}
...   - {id: CHL, name: Chile, kind: state}
... ''')
>>> for c in draft("Chile's ambassador in Lima was summoned to the foreign ministry on Monday.", ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
PER ACCUSE CHL reported None
"""

from __future__ import annotations

from .clause import Raw
from .relatives import actor_tokens

__all__ = ["summoned", "deployed"]

_ENVOYS = {"ambassador", "envoy", "chargé", "charge", "diplomat", "diplomats", "attaché", "attache", "consul"}
_ENVOYS |= {"commissioner", "representative", "emissary", "nuncio", "head"}
_BE = {"was", "were", "had", "has", "have", "been", "being", "is", "are"}
_SUMMONED = {"summoned", "called", "invited"}
_DISAPPROVE = {"type": "ACCUSE", "mode": "disapprove"}


def _side(e, owner):
    seen = set()
    while e in owner and e not in seen:
        seen.add(e)
        e = owner[e]
    return e


def summoned(text, stoks, in_sentence, sp, kinds, owner, home):
    """The :class:`Raw` candidates of the sentence's envoys summoned in the passive (and the character
    offsets of their verbs)."""
    lows = [t.lower for t in stoks]
    if "summoned" not in lows:
        return [], set()
    acts = actor_tokens(stoks, in_sentence)
    out, at = [], set()
    n = len(stoks)
    for v, w in enumerate(lows):
        if w != "summoned" or v == 0 or lows[v - 1] not in _BE:
            continue
        end = next((x for x in range(v + 1, n) if lows[x] in (",", ";")), n)
        if {"back", "home", "consultations"} & set(lows[v + 1 : end]):
            continue  # "summoned back to Santiago for consultations": called home by its own side
        # back over the auxiliaries and the envoy's post ("in Lima") to the envoy noun and its possessor
        k = v - 1
        while k > 0 and lows[k] in _BE:
            k -= 1
        host = None
        post = next((a for a in acts if a[1] == k + 1 and a[0] >= 2 and lows[a[0] - 1] == "in"), None)
        if post is not None:
            host = _side(post[2], owner)
            k = post[0] - 2
        e = next((x for x in range(k, max(-1, k - 4), -1) if lows[x] in _ENVOYS), None)
        if e is None:
            continue
        poss = next((a for a in acts if a[1] < n and lows[a[1]] == "'s" and 0 < e - a[1] <= 4), None)
        demonym = next((a for a in acts if a[1] == e or (a[1] == e - 1 and lows[e - 1] != "'s")), None)
        envoy = poss or demonym
        if envoy is None:
            continue
        side = _side(envoy[2], owner)
        if host is None:
            to = [a for a in acts if v < a[0] < end and _side(a[2], owner) != side]
            if to:
                host = to[0][2]
            elif sp is not None and sp.speaker and _side(sp.speaker, owner) != side:
                host = sp.speaker
            elif home and home != side:
                host = home
        if host is None or _side(host, owner) == side or kinds.get(host) in ("person", "thing"):
            continue
        start, stop = stoks[envoy[0]].start, stoks[end - 1].end
        in_speech = sp is not None and sp.speaker and sp.content[0] <= stoks[v].start < sp.content[1]
        mod, by = ("claimed", sp.speaker) if in_speech else ("reported", None)
        why = ["'summoned' (an envoy, in the passive) -> ACCUSE/disapprove", f"the host: {host}"]
        out.append(
            Raw(host, envoy[2], "ACCUSE", "disapprove", mod, by, start, stop, stoks[v].start, why, 0.55, "envoy")
        )
        at.add(stoks[v].start)
    return out, at


_FORCES = {"troops", "soldiers", "forces", "warships", "ships", "vessels", "jets", "aircraft", "units", "battalions"}
_FORCES |= {"brigades", "fighters", "drones", "helicopters", "tanks", "personnel", "peacekeepers", "marines"}
_PASSIVE = {"was", "were", "been", "being", "is", "are", "be"}
_INTO = {"in", "to", "into", "inside", "on", "across", "near", "along"}


def deployed(stoks, in_sentence, lexicon, owner, sp=None):
    """The :class:`Raw` candidates of forces moved in the passive ("Ugandan troops have been deployed in South
    Sudan", "two Chilean warships were sent to Peruvian waters"): the forces' side MOBILIZEs into the place's
    (and the character offsets of their verbs).

    >>> from graph import loads
    >>> from graph.draft import draft
    >>> ds = loads("entities: [{id: PER, name: Peru, kind: state}, {id: CHL, name: Chile, kind: state}]")
    >>> for c in draft("Chilean troops have been deployed in Peru since March.", ds).claims:
    ...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
    CHL MOBILIZE PER reported None
    """
    lows = [t.lower for t in stoks]
    if not (_FORCES & set(lows)):
        return [], set()
    acts = actor_tokens(stoks, in_sentence)
    out, at = [], set()
    n = len(stoks)
    for h in lexicon.find_cues(stoks):
        v = h.i
        if h.entry["type"] != "MOBILIZE" or v < 2 or lows[v - 1] not in _PASSIVE or not lows[v].endswith(("ed", "nt")):
            continue
        k = v - 1
        while k > 0 and lows[k] in _BE:
            k -= 1
        f = next((x for x in range(k, max(-1, k - 3), -1) if lows[x] in _FORCES), None)
        if f is None:
            continue
        mover = next((a for a in acts if a[1] <= f and f - a[1] <= 2), None)
        if mover is None:
            continue
        end = next((x for x in range(h.j, n) if lows[x] in (",", ";", "by")), n)
        if end < n and lows[end] == "by":
            continue  # ("were sent by Lima"): an agent named
        place = next(
            (a for a in acts if h.j <= a[0] < end and lows[a[0] - 1] in _INTO | {"the"} and a[2] != mover[2]), None
        )
        if place is None or _side(place[2], owner) == _side(mover[2], owner):
            continue
        start, stop = stoks[mover[0]].start, stoks[end - 1].end
        why = [f"'{h.words}' (forces, in the passive) -> MOBILIZE", f"the forces' side, {mover[2]}, moves"]
        in_speech = sp is not None and sp.speaker and sp.content[0] <= stoks[v].start < sp.content[1]
        mod, by = ("claimed", sp.speaker) if in_speech else ("reported", None)
        mode = h.entry.get("mode")
        out.append(
            Raw(mover[2], place[2], "MOBILIZE", mode, mod, by, start, stop, stoks[v].start, why, 0.55, "deployed")
        )
        at.add(stoks[v].start)
    return out, at
