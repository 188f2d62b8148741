"""Relative clauses whose object is fronted: "Bolivia, which Peru accuses of arming the rebels" (Peru
ACCUSEs Bolivia, and Bolivia's arming the rebels is claimed by Peru), "the rebels, whom the junta blames
for the bombing", "the pact that Chile brokered", "the group, which Lima accuses La Paz of sheltering"
(La Paz shelters the group, claimed by Lima); used by :mod:`graph.draft.claims` for each sentence.

The relative's subject is the actor right after "which"/"whom"/"that" (or after "the"); its verb a
type cue after at most three auxiliaries or adverbs, and its object missing (what follows the verb
is a preposition, a time or the clause's end): the antecedent, the actor just before the pronoun (or
the possessor of the noun before it: "Chile's new port, which Peru has protested"). The charge is then what
the sentence's own denial denies ("..., rejected the charge", :mod:`graph.draft.pointed`).

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: PER, name: Peru, kind: state}
...   - {id: BOL, name: Bolivia, kind: state}
...   - {id: FLR, name: Frente Litoral, kind: armed_group}
... ''')
>>> r = draft("Bolivia, which Peru accuses of arming the Frente Litoral, rejected the charge.", ds)
>>> for c in r.claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
PER ACCUSE BOL reported None
BOL AID FLR claimed PER
BOL AID FLR denied BOL
"""

from __future__ import annotations

import bisect

from .clause import Raw

__all__ = ["fronted", "actor_tokens"]

_PRONOUNS = {"which", "whom", "that"}
_BETWEEN = {"has", "have", "had", "is", "was", "long", "repeatedly", "also", "now", "since", "already"}
_BETWEEN |= {"reportedly", "previously", "earlier", "once", "often", "openly", "last", "year", "week", "month"}
_NEG = {"not", "never", "no", "n't"}
# what may follow a verb whose object was fronted: a preposition, a time, the clause's end
_GAP = {",", ".", ";", ":", "in", "on", "at", "since", "for", "of", "as", "with", "during", "last", "this"}
_GAP |= {"before", "after", "until", "from", "over", "under", "through", "years", "decades", "months", "—"}
_GAP |= {"-", ")", "and", "but", "'", '"', "“", "”", "’", "earlier", "twice", "repeatedly", "to", "into", "by"}
_GAP |= {"along", "\0", "together", "jointly", "alongside"}
_ACCUSE_PREPS = {"of", "for"}
_DETS = {"the", "its", "their"}
# words a relative "that" may follow an actor after ("the talks with Russia that"), unlike a verb ("warned
# India that", a complement clause)
_BEFORE_THAT = {"the", "a", "an", "with", "by", "to", "from", "of", "against", "between", "and", "on", "for"}
_PLACE_PREPS = {"on", "in", "at", "near", "along", "across", "over", "inside"}
# a state that "protested" a thing disapproves of it (no street protest)
_DISAPPROVE = {"type": "ACCUSE", "mode": "disapprove"}
# nouns of a move someone made, and verbs that pass a verdict on it ("a move Lima called 'untenable'": rejected)
_MOVES = {"move", "step", "decision", "measure", "demand", "request", "concession", "change", "policy", "plan"}
_MOVES |= {"gesture", "offer", "proposal", "action", "deal", "arrangement", "shift", "reversal", "u-turn"}
_JUDGE = {"called", "calls", "described", "describes", "termed", "terms", "branded", "brands", "dubbed"}
_REJECT = {"type": "REJECT", "mode": None}
_HOSTILE = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"}
# a pact and its making ("a deal Lima signed with Santiago")
_PACTS = {"deal", "agreement", "accord", "pact", "treaty", "memorandum", "statement", "declaration", "ceasefire"}
_PACTS |= {"truce", "arrangement", "contract", "deals", "agreements", "accords", "understanding", "protocol"}
_MAKE = {"signed", "reached", "struck", "concluded", "initialled", "initialed", "sealed", "negotiated", "agreed"}
_AGREE = {"type": "AGREE", "mode": "settle"}


def actor_tokens(stoks, in_sentence):
    """(ti, tj, entity) of each actor span of the sentence, in token indexes.

    >>> from graph.draft.tokens import tokenise
    >>> t = "Peru warned Chile"
    >>> actor_tokens(tokenise(t, 0, len(t)), [(0, 4, "PER", "", "state"), (12, 17, "CHL", "", "state")])
    [(0, 1, 'PER'), (2, 3, 'CHL')]
    """
    out = []
    ends = [t.end for t in stoks]
    begins = [t.start for t in stoks]
    for s, e, ent, _how, _kind in in_sentence:
        ti = bisect.bisect_right(ends, s)  # the first token ending after s
        tj = bisect.bisect_left(begins, e) - 1  # the last token starting before e
        if ti < len(stoks) and tj >= ti:
            out.append((ti, tj + 1, ent))
    return sorted(out)


def _placed(stoks, ti):
    """Whether the actor at token *ti* follows a preposition of place, past a determiner ("on the Loa")."""
    x = ti - 1
    if x >= 0 and stoks[x].lower in ("the", "a", "an"):
        x -= 1
    return x >= 0 and stoks[x].lower in _PLACE_PREPS


def _antecedent(stoks, acts, k):
    """The actor the relative pronoun at *k* stands for (or whose thing it is), or None."""
    j = k
    if j > 0 and stoks[j - 1].lower == ",":
        j -= 1
    if j > 0 and stoks[j - 1].text == ")":  # "the Economic Community of West African States (ECOWAS), which"
        o = next((x for x in range(j - 2, max(-1, j - 8), -1) if stoks[x].text == "("), None)
        if o is not None:
            j = o
    ends = [a for a in acts if a[1] == j]
    if ends and not _placed(stoks, ends[-1][0]):
        return ends[-1][2]
    if stoks[k].lower != "which" or j == k:
        return None
    # "Beijing's own dam on the river, which": the possessor of the noun before the comma
    places = {x for a in acts if _placed(stoks, a[0]) for x in range(a[0], a[1])}
    for x in range(j - 1, max(-1, j - 11), -1):
        if x in places:
            continue  # "on the Yarlung river": a place, not whose thing it is
        if stoks[x].lower in (",", ";", "which", "who", "that") or any(a[0] <= x < a[1] for a in acts):
            own = [a for a in acts if a[0] <= x < a[1] and a[1] < len(stoks) and stoks[a[1]].lower == "'s"]
            return own[-1][2] if own else None
    return None


def _raw(s, o, entry, mod, by, start, end, at, why, rule="fronted object"):
    return Raw(s, o, entry["type"], entry.get("mode"), mod, by, start, end, at, why, 0.55, rule, content=bool(by))


def fronted(text, stoks, in_sentence, lexicon, sp=None):
    """(raws, spans): the :class:`Raw` candidates of the sentence's fronted-object relatives, and the
    character spans of their verbs' clauses (other readings of those words are wrong)."""
    lows = [t.lower for t in stoks]
    if not ((_PRONOUNS | _MOVES | _PACTS) & set(lows)):
        return [], []
    acts = actor_tokens(stoks, in_sentence)
    starts = {a[0] for a in acts}
    keys = _PRONOUNS | _MOVES | _PACTS
    if not any(w in keys and ({k + 1, k + 2, k + 3} & starts) for k, w in enumerate(lows)):
        return [], []  # (no actor right after a pronoun or a noun of a move or a pact)
    hits = lexicon.find_cues(stoks)
    at_hit = {h.i: h for h in hits}
    n = len(stoks)
    raws, spans = [], []
    for k, w in enumerate(lows):
        if w not in _PRONOUNS or k == 0:
            continue
        if w == "that" and lows[k - 1] == ",":
            continue
        s0 = k + 1 + (1 if k + 1 < n and lows[k + 1] in _DETS else 0)
        subj = next((a for a in acts if a[0] in (k + 1, s0)), None)
        if subj is None:
            continue
        v = subj[1]
        while v < n and v - subj[1] < 3 and v not in at_hit and lows[v] in _BETWEEN:
            v += 1
        hit = at_hit.get(v)
        if hit is None or any(x in _NEG for x in lows[subj[1] : v]):
            continue
        ant = _antecedent(stoks, acts, k)
        if ant is None or ant == subj[2]:
            continue
        end = next((x for x in range(hit.j, n) if lows[x] in (",", ";")), n)
        after = next((x for x in range(hit.j, n) if lows[x] != "\0"), n)  # (a date's words skipped)
        nxt = lows[after] if after < n else "."
        accused, embedded_obj_is_ant = ant, False
        if nxt not in _GAP:
            # "which Lima accuses La Paz of sheltering": the accused is named, the antecedent is what is charged
            other = next((a for a in acts if a[0] == after), None)
            if hit.entry["type"] != "ACCUSE" or other is None:
                continue
            p = next((x for x in range(other[1], min(other[1] + 3, n)) if lows[x] in _ACCUSE_PREPS), None)
            if p is None:
                continue
            accused, embedded_obj_is_ant, nxt = other[2], True, lows[p]
        if w == "that":
            a_ = next((a for a in acts if a[1] == k), None)
            if a_ is None or (a_[0] > 0 and lows[a_[0] - 1] not in _BEFORE_THAT):
                continue  # "said that Peru had ...", "warned India that": a complement clause, not a relative one
        start, stop = stoks[max(0, k - 1)].start, stoks[end - 1].end
        ant_at = next((a for a in acts if a[2] == ant and a[1] <= k), None)
        if ant_at is not None:
            start = stoks[ant_at[0]].start
        in_speech = sp is not None and sp.speaker and sp.content[0] <= stoks[hit.i].start < sp.content[1]
        mod, by = ("claimed", sp.speaker) if in_speech else ("reported", None)
        entry = _DISAPPROVE if hit.entry.get("mode") == "demonstrate" else hit.entry
        why = [f"'{hit.words}' -> {entry['type']}", f"'{stoks[k].text}': the object fronted"]
        raws.append(_raw(subj[2], accused, entry, mod, by, start, stop, stoks[hit.i].start, why))
        spans.append((stoks[k].start, stop))
        if hit.entry["type"] == "ACCUSE" and nxt in _ACCUSE_PREPS:
            inner = next((h for h in hits if hit.j <= h.i < end and h.entry["type"] != "ACCUSE"), None)
            if inner is None:
                continue
            if embedded_obj_is_ant:
                s_, o_ = accused, ant
            else:
                o = next((a for a in acts if inner.j <= a[0] < end), None)
                if o is None:
                    continue
                s_, o_ = ant, o[2]
            if s_ == o_:
                continue
            why2 = [f"'{inner.words}' -> {inner.entry['type']}", f"accused by {subj[2]}"]
            raws.append(_raw(s_, o_, inner.entry, "claimed", subj[2], start, stop, stoks[inner.i].start, why2))
    more, drops = _act_relatives(stoks, lows, acts, at_hit)
    pacts, pdrops = _pact_relatives(stoks, lows, acts, at_hit, sp)
    return raws + more + pacts, spans + drops + pdrops


def _pact_relatives(stoks, lows, acts, at_hit, sp):
    """ "a deal Lima signed with Santiago", "the accord that Peru reached with Chile": the two agree (each
    with the other)."""
    raws, drops, n = [], [], len(stoks)
    for m, w in enumerate(lows):
        if w not in _PACTS:
            continue
        r = m + 1 + (1 if m + 1 < n and lows[m + 1] in ("that", "which") else 0)
        subj = next((a for a in acts if a[0] in (r, r + 1) and (a[0] == r or lows[r] in _DETS)), None)
        if subj is None:
            continue
        v = subj[1]
        while v < n and v - subj[1] < 2 and lows[v] in ("had", "has", "have", "\0"):
            v += 1
        if v + 1 >= n or lows[v] not in _MAKE or lows[v + 1] != "with":
            continue
        other = next((a for a in acts if a[0] in (v + 2, v + 3) and (a[0] == v + 2 or lows[v + 2] in _DETS)), None)
        if other is None or other[2] == subj[2]:
            continue
        hit = at_hit.get(m)
        entry = hit.entry if hit is not None and hit.entry["type"] == "AGREE" else _AGREE
        end = next((x for x in range(other[1], n) if lows[x] in (",", ";")), n)
        start, stop = stoks[m].start, stoks[end - 1].end
        in_speech = sp is not None and sp.speaker and sp.content[0] <= stoks[v].start < sp.content[1]
        mod, by = ("claimed", sp.speaker) if in_speech else ("reported", None)
        why = [f"'{stoks[m].text} ... {stoks[v].text} with' -> AGREE", "the makers of the pact agree"]
        for a, b in ((subj[2], other[2]), (other[2], subj[2])):
            raws.append(_raw(a, b, entry, mod, by, start, stop, stoks[m].start, why, "pact relative"))
        drops.append(("pair", (subj[2], other[2]), stoks[m].start, stop))
    return raws, drops


def _act_relatives(stoks, lows, acts, at_hit):
    """ ", a step Brazil had sought for years", ", a move Lima called 'regrettable'": the actor of the
    relative acts on the one who made the move (the first actor of the clause before the comma)."""
    raws, drops, n = [], [], len(stoks)
    for c, w in enumerate(lows):
        if w != "," or c + 3 >= n or lows[c + 1] not in ("a", "an", "the"):
            continue
        m = c + 2 + (1 if lows[c + 2] not in _MOVES and c + 3 < n and lows[c + 3] in _MOVES else 0)
        if lows[m] not in _MOVES:
            continue
        r = m + 1 + (1 if m + 1 < n and lows[m + 1] in ("that", "which") else 0)
        subj = next((a for a in acts if a[0] in (r, r + 1) and (a[0] == r or lows[r] in _DETS)), None)
        if subj is None:
            continue
        v = subj[1]
        while v < n and v - subj[1] < 3 and v not in at_hit and lows[v] in _BETWEEN:
            v += 1
        if v >= n or any(x in _NEG for x in lows[subj[1] : v]):
            continue
        hit = at_hit.get(v)
        lo = max([x + 1 for x in range(c) if lows[x] in (";", ":")] + [0])
        # (", and in 2017 Jakarta renamed the zone, a move ...": the last clause's actor made the move)
        lo = max([x + 2 for x in range(lo, c - 2) if lows[x] == "," and lows[x + 1] in ("and", "but")] + [lo])
        entry = hit.entry if hit is not None else (_REJECT if lows[v] in _JUDGE else None)
        if entry is None:
            continue
        if entry is _REJECT and any(h.entry["type"] in _HOSTILE for i, h in at_hit.items() if lo <= i < c):
            entry = _DISAPPROVE  # a verdict on a hostile act condemns it ("seized the mine, a move X called 'theft'")
        after = v + (hit.j - hit.i if hit is not None else 1)
        if lows[v] not in _JUDGE and after < n and lows[after] not in _GAP:
            continue
        mover = next((a for a in acts if lo <= a[0] < c and a[2] != subj[2]), None)
        if mover is None:
            continue
        end = next((x for x in range(after, n) if lows[x] in (",", ";")), n)
        start, stop = stoks[lo].start, stoks[end - 1].end
        mod, by = "reported", None  # (the writer's note on the move, even after what a speaker said)
        why = [f"'{stoks[v].text}' -> {entry['type']}", f"'{stoks[m].text}': the act of {mover[2]}"]
        raws.append(_raw(subj[2], mover[2], entry, mod, by, start, stop, stoks[v].start, why, "act relative"))
        # (the main verb does not act on the relative's subject: "Uruguay left the pact, a move Brazil ...")
        drops.append(("object", subj[2], stoks[lo].start, stoks[c].start))
    return raws, drops
