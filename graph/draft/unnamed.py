"""An act told by its doer with the doer left unnamed: "Lima said its vessels had driven away a Chilean
boat", "the army said soldiers had arrested three Chilean fishermen", "officials said 40 Chileans had
been detained": the speaker (its forces, its officers) acts; used by :mod:`graph.draft.claims` for
each attributed sentence.

The content's subject is a noun of forces or agents ("soldiers", "its vessels", "the bomber", "our
troops") with no actor named before the verb; the object, the first actor after it. A passive without
an agent ("had been detained", "were deported") of a coercive act is the speaker's, on the actor
before it.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: PER, name: Peru, kind: state}
...   - {id: CHL, name: Chile, kind: state}
... ''')
>>> for c in draft("Peru said on Monday that soldiers had arrested three Chilean fishermen.", ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
PER COERCE CHL claimed PER
"""

from __future__ import annotations

from .clause import Raw
from .relatives import actor_tokens
from .syntax import passive

__all__ = ["unnamed_doer", "we_quoted"]

# nouns of forces or agents a government or group speaks of as its own
_AGENTS = {"soldiers", "troops", "forces", "police", "policemen", "officers", "guards", "vessels", "ships"}
_AGENTS |= {"boats", "aircraft", "jets", "planes", "drones", "fighters", "units", "bomber", "bombers", "commandos"}
_AGENTS |= {"personnel", "patrol", "patrols", "agents", "gendarmes", "servicemen", "pilots", "frigate", "warship"}
_AGENTS |= {"warships", "helicopters", "operatives", "militiamen", "mujahideen", "squad", "team", "teams"}
_AGENTS |= {"minister", "government", "authorities", "army", "navy", "military", "ministry", "officials"}
_AGENTS |= {"it", "we"}  # ("said on Sunday it had deported": the speaker itself, the pronoun left unread)
_OPEN = {"that", "the", "its", "our", "their", "his", "her", "security", "border", "special", "coast", "naval"}
_OPEN |= {"army", "navy", "military", "government", "federal", "national", "two", "three", "four", "five", "six"}
_OPEN |= {"several", "some", "elite", "armed", "local", "\0", ","}
_AUX = {"had", "has", "have", "were", "was", "would", "later", "then", "also", "successfully", "been"}
# acts a speaker's side does to those it holds ("had been detained"): the passive's agent is the speaker
_COERCIVE = {"COERCE", "SANCTION"}
_NOT_AFTER = {"by"}
_QUOTES = {'"', "'", "“", "”", "‘", "’"}
_OBLIQUE = {"for", "by", "with", "to", "in", "on", "at", "from", ",", "and", "that", "which", "who"}


def _subject_words(lows, a, b, agents):
    """Whether tokens [a, b) are an unnamed agent phrase ("that its vessels had"): openers, an agent noun,
    auxiliaries."""
    words = [w for w in lows[a:b] if w]
    k = len(words)
    while k > 0 and words[k - 1] in _AUX:
        k -= 1
    if k == 0 or words[k - 1] not in agents:
        return False  # (the head noun, right before the auxiliaries, names an agent)
    return all(w in _OPEN or w.isdigit() for w in words[: k - 1])


def unnamed_doer(text, stoks, in_sentence, lexicon, sp, kinds, owner, taken):
    """The :class:`Raw` candidates of the sentence's acts whose doer is the unnamed speaker's own; *taken*:
    the character offsets of cues that have a candidate already."""
    if sp is None or not sp.speaker or sp.content[1] - sp.content[0] < 10:
        return []
    if len(sp.together) > 1:  # "Estonia and Latvia said they backed ...": each of the speakers
        return [
            r
            for e in sp.together
            for r in _doer(text, stoks, in_sentence, lexicon, sp, kinds, owner, taken, e, {"they", "we"})
        ]
    return _doer(text, stoks, in_sentence, lexicon, sp, kinds, owner, taken, sp.speaker, _AGENTS)


def _doer(text, stoks, in_sentence, lexicon, sp, kinds, owner, taken, doer, agents):
    """The candidates of :func:`unnamed_doer` with *doer* the speaker, *agents* the nouns that name it."""
    if kinds.get(doer) == "person":
        doer = owner.get(doer)
        if doer is None:
            return []
    cs, ce = sp.content
    lows = [t.lower for t in stoks]
    inside = [k for k, t in enumerate(stoks) if cs <= t.start < ce]
    if not inside:
        return []
    c0, c1 = inside[0], inside[-1] + 1
    acts = [a for a in actor_tokens(stoks, in_sentence) if c0 <= a[0] < c1]
    out = []
    for hit in lexicon.find_cues(stoks[c0:c1]):
        i, j = hit.i + c0, hit.j + c0
        doer_here = doer
        if stoks[i].start in taken:
            continue
        before = [a for a in acts if a[1] <= i]
        if passive(hit, stoks[c0:c1]):
            if agents is not _AGENTS:
                continue
            if hit.entry["type"] not in _COERCIVE or (j < c1 and lows[j] in _NOT_AFTER) or not before:
                continue
            if any(a[0] > i and j < c1 and a[0] <= j + 1 for a in acts):
                continue
            obj = before[-1]
            if before[-1][1] < i - 6 or any(w in (",", ";") for w in lows[obj[1] : i]):
                continue
            why = f"'{hit.words}' (a passive, no agent) -> the speaker's act"
        else:
            if before or not _subject_words(lows, c0, i, agents):
                continue
            end = next((k for k in range(j, c1) if lows[k] in (",", ";")), c1)
            obj = next((a for a in acts if j <= a[0] < end), None)
            gap = [w for w in lows[j : obj[0]] if w not in _QUOTES] if obj is not None else []
            if obj is None or len(gap) > 4 or _OBLIQUE & set(gap):
                continue  # (its direct object: "detained three Chilean fishermen", not "the boats of a Chilean firm")
            why = f"'{hit.words}': its doer unnamed -> the speaker's"
            own = {"its", "our", "it", "we", "minister", "ministry", "officials"}  # (the office itself)
            if kinds.get(doer) == "office" and owner.get(doer) and not own & set(lows[c0:i]):
                doer_here = owner[doer]  # "the media wing said security forces killed ...": the state's forces
        if obj[2] in (doer, doer_here) or owner.get(obj[2]) == doer or owner.get(doer) == obj[2]:
            continue
        if "thing" in (kinds.get(doer_here), kinds.get(obj[2])):
            continue  # (a name of no known kind is no sure actor: "the Somair mine")
        entry = hit.entry
        out.append(
            Raw(
                doer_here,
                obj[2],
                entry["type"],
                entry.get("mode"),
                "claimed",
                sp.speaker if agents is _AGENTS else doer,  # (each of the speakers named together for itself)
                stoks[c0].start,
                stoks[c1 - 1].end,
                stoks[i].start,
                [f"'{hit.words}' -> {entry['type']}", why],
                0.5,
                "unnamed doer" if doer_here == doer else "unnamed doer, the state",
                content=True,
            )
        )
    return out


def we_quoted(text, ss, at, sp, owner, in_sentence=(), kinds=None):
    """Whom "we"/"our" at *at* stands for when it is inside a quotation the sentence attributes
    ('"Our troops did not fire first," the army said'): the speaker's side, the top of its ``part_of``
    chain (a spokesman's state); None when it is no quoted speech.

    >>> from graph.draft.attribution import Speech
    >>> t = '"Our troops held," the army said.'
    >>> sp = Speech("PER-ARMY", (19, 32), (0, 17), "said", "close")
    >>> we_quoted(t, 0, 1, sp, {"PER-ARMY": "PER"}, kinds={"PER-ARMY": "office", "PER": "state"})
    'PER'
    """
    if sp is None or not sp.speaker or not (sp.content[0] <= at < sp.content[1]):
        return None
    if not any(q in text[max(ss, sp.content[0] - 1) : at] for q in _QUOTES):
        return None
    who, seen = sp.speaker, set()
    if who not in owner:
        # a person of no known side: the office or state named in the speaker phrase ("X, spokesman for the
        # Ministry of Commerce"), else no one
        named = [x for x in in_sentence if sp.phrase[0] <= x[0] < sp.phrase[1] and x[4] not in ("person", "thing")]
        if any(x[2] == who and x[4] == "person" for x in in_sentence) or not any(x[2] == who for x in in_sentence):
            if not named:
                return None
            who = named[0][2]
    while who in owner and who not in seen:
        seen.add(who)
        who = owner[who]
    return None if (kinds or {}).get(who) in ("office", "person", "thing") else who  # (a side, not an office)
