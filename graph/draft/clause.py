"""The candidate claims of one clause: who does what to whom, with the cue that says so.

Called by :func:`graph.draft.claims.candidates` for each clause, with the clause's actors grouped
("China, Russia and Iran" is one group). :mod:`graph.draft.pairs` finds who acts on whom, in steps;
this module makes each pair a candidate, with its modality. The rules, each naming itself in the
candidate's ``cue``:

1. a type cue of the lexicon between two groups: the group before it acts on the group after it
   (``reverse`` cues the other way round); a ``reciprocal`` cue after one group ("A and B held
   talks"): its members act on each other; a relative clause (", which hosted talks,") acts for
   the group it follows, and the main verb after it does too;
2. a passive agent, "left behind by X": X acts on the group before it; a passive without one, "six
   soldiers were killed when militants attacked": the group before it is acted upon;
3. two groups and only a verb between them ("Iran snubbed Syria"): the first acts on the other (the
   default type, low confidence);
4. one group only, and a type cue: the other actor is the focus carried over from the clause before;
   or, for the same actor's same act with its object left implicit ("Moscow denied targeting
   civilians"), the object of its last such act;
5. "X warned that Y could ...": Y acts on the speaker X;
6. actors named inside a reciprocal cue act on each other ("joint US-South Korean drills"); "brokered
   the ceasefire between A and B": the broker mediates with both, and A and B agree;
7. an act whose other side is told elsewhere: "claimed responsibility for the raid" (on the last one
   attacked, else the home state), "condemned the attack" (whoever attacked just before), "shelled a
   camp outside El Fasher" (on the speaker who reports it, else the home state; low confidence).

A place does not act ("the war in Yemen by selling arms", "using Afghan soil to back"); where is not
whom ("a meeting held in Kyrgyzstan", "trade through Afghanistan"); what "urged Y to" asks, a new
clause ("since the Taliban returned") and "refuses to act against X" give no object.

Then, for each candidate: what follows "accused Y of" / "X's accusation that" / "accusations by X
that" is *claimed* by the accuser; what follows a verb of denial ("denied supplying", "rejected ...
claims that") is *denied* by the denier (both, when a denial rejects an accusation); after "urged Y
to" the rest is what Y is asked, not an event; other modality from :mod:`graph.draft.modality`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .modality import modality_of
from .pairfilters import drop_pair, shared_subject
from .pairs import CARRIED, Participant, clause_pairs
from .syntax import BEYOND, group, opens, verb_form

__all__ = ["Participant", "Raw", "clause_candidates", "group", "opens", "CARRIED"]


@dataclass
class Raw:
    """A candidate before merging: the pair, the cue entry, modality, claimant, where and why."""

    subject: str
    object: str
    type: str
    mode: str | None
    modality: str
    asserted_by: str | None
    start: int
    end: int
    cue_at: int | None
    why: list
    confidence: float
    rule: str
    content: bool = False
    when: str | None = None
    when_why: str | None = None
    phrase: tuple | None = None
    marks: tuple = ()  # where the clause's verbs (type cues, denials) are


def clause_candidates(
    text,
    cs,
    ce,
    toks,
    groups,
    lexicon,
    focus,
    content,
    speaker_name,
    phrase=None,
    recent=(),
    same=None,
    home=None,
    kinds=None,
    owner=None,
    together=(),
):
    """The :class:`Raw` candidates of the clause ``text[cs:ce]`` (tokens *toks*, *groups* of participants).

    *focus* is (focus, focus_obj) carried from before; *content* the span of what an attributed
    sentence says (None: not attributed), whose speaker is *speaker_name* (an entity id or None);
    *recent* the candidates of the sentences before (an act's object left implicit is its last
    object), *same(a, b)* whether two entities are one side (an office and its state).
    """
    c = clause_pairs(
        toks, groups, lexicon, focus, content, speaker_name, phrase, recent, same, home, kinds, owner, together
    )
    denials, hits, asked, speaker_p = c.denials, c.hits, c.asked, c.speaker_p
    out = []
    # where the verbs are, for the dates (:func:`graph.draft.claims._when`): "denial" or "verb"
    marks = sorted(
        {(toks[d].start, "denial") for d in denials}
        | {(toks[h.i].start, "verb") for h in hits if verb_form(h)}
        | {(toks[k].start, "asked") for k in asked.values() if k < len(toks)}
    )
    for s, o, hit, how, conf, left_at, rule in c.pairs.values():
        if drop_pair(toks, groups, s, o, hit, rule, owner, how):
            continue
        s = shared_subject(toks, groups, s, hit, rule) or s  # ("X denies V-ing Y after Z, accuses W")
        pos = toks[hit.i].start if hit is not None else (o.start if o.how != "focus" else s.start)
        speech = content is not None and content[0] <= pos < content[1]
        if speaker_p is not None and (s is speaker_p or s in c.speakers):
            speech = False  # the speaker's own act, told by the source
        raws = _make(
            text,
            cs,
            ce,
            toks,
            s,
            o,
            hit,
            lexicon,
            how,
            conf,
            left_at,
            speech,
            s.entity if s.entity in together else speaker_name,  # (each of the speakers named together for itself)
            rule,
            groups,
            denials,
            c.acc_words,
        )
        for r in raws:
            r.marks = marks
        out += raws
    return out


def _who_before(groups, k):
    """The entity of the last group ending before token *k* (the subject of a verb), or None."""
    g = [g for g in groups if g[-1].tj <= k]
    return g[-1][0].entity if g else None


def _make(
    text, cs, ce, toks, s, obj, hit, lexicon, how, conf, left_at, speech, speaker, rule, groups, denials, acc_words
):
    entry = hit.entry if hit is not None else lexicon.default
    skip = range(hit.i, hit.j) if hit is not None else ()
    cue_at = hit.i if hit is not None else None
    obj_at = obj.ti if obj.how != "focus" else (left_at or 0)
    lows = [t.lower for t in toks]
    modality, mcue = modality_of(
        toks, lexicon, subject_at=left_at, cue_at=cue_at, object_at=obj_at, speech=speech, skip=skip
    )
    if modality == "speculated" and mcue == "would" and speech:
        modality, mcue = "claimed", None  # reported speech: "said Pakistan would seek" is a backshifted "will"
    why = [
        how if hit is None else f"'{hit.words}' -> {entry['type']}" + (f"/{entry['mode']}" if entry.get("mode") else "")
    ]
    if hit is not None and how:
        why.append(how)
    claimant = speaker if speech else None
    if hit is not None and entry["type"] == "ASSAULT" and hit.words.lower().startswith("claim") and not speech:
        if modality == "reported":
            # "the group claimed responsibility for the raid": the attack is the claimer's word
            modality, mcue, claimant = "claimed", toks[hit.i].text, s.entity
    out_mods = []
    at = cue_at if cue_at is not None else obj_at
    # what an accusation says: "accused Y of V-ing O", "X's accusation that S", "accusations by X that S"
    accuser, accused_at = None, None
    if hit is None or entry["type"] != "ACCUSE":
        for k in range(min(at, len(toks)) - 1, -1, -1):
            w = lows[k]
            if w in ("accuse", "accused", "accuses", "accusing", "blamed", "blames", "blame") or w in acc_words:
                tail = lows[k + 1 : at]
                if w in acc_words and not ({"that", "of"} & set(tail)):
                    continue
                if w not in acc_words and not ({"of", "for"} & set(tail)):
                    continue
                if any(x in BEYOND and x not in ("said", "says", "told") for x in tail):
                    break  # "accused Y of S after a bomb attack by Z killed ...": a new clause, not what is charged
                if w in acc_words and k + 1 < len(lows) and lows[k + 1] == "by":
                    accuser = next((g[0].entity for g in groups if g[0].ti > k), None)
                elif k > 0 and lows[k - 1] == "'s":
                    accuser = _who_before(groups, k)
                else:
                    accuser = _who_before(groups, k)
                    if accuser is None and speech:
                        accuser = speaker
                    if w not in acc_words:  # (where the accused is named: "accused Y of")
                        accused_at = (k, k + 1 + next(x for x, t in enumerate(tail) if t in ("of", "for")))
                break
    denier = None
    # a denial reaches its own clause only ("denied supplying drones ..., a day after the US said it had seized")
    d_before = [d for d in denials if d < at and not any(w in BEYOND for w in lows[d + 1 : at])]
    if hit is not None and entry["type"] == "ACCUSE" and hit.words.lower() in acc_words:
        d_before = []  # "dismissed accusations by the EU that S": the accusing is not denied, S is
    if d_before:
        d = d_before[-1]
        denier = _who_before(groups, d) or speaker
        if denier == s.entity and accuser is None and d > (left_at or 0):
            denier = s.entity
    subject = s.entity
    if accuser and accuser == s.entity and accused_at is not None and 0 <= at - accused_at[1] <= 1:
        # "Peru accused Chile's rulers of sheltering the rebels": the accused acts, not the accuser
        g = next((g for g in groups if accused_at[0] < g[0].ti < accused_at[1]), None)
        if g is not None and g[0].entity not in (accuser, obj.entity):
            subject = g[0].entity
            why.append(f"the accused, {subject}, acts")
    if accuser and accuser not in (subject,):
        out_mods.append(("claimed", accuser, f"accused by {accuser}"))
    if denier and (d_before and (modality in ("reported", "claimed") or modality == "denied")):
        out_mods.append(("denied", denier, f"'{toks[d_before[-1]].text}' -> denied by {denier}"))
    if not out_mods:
        if mcue:
            why.append(f"'{mcue}' -> {modality}")
        elif modality == "claimed":
            why.append("speech cue -> claimed")
        out_mods.append((modality, claimant if modality != "reported" else None, None))
    out = []
    for mod, by, note in out_mods:
        w = why + ([note] if note else [])
        pos = toks[cue_at].start if cue_at is not None else None
        out.append(
            Raw(
                subject,
                obj.entity,
                entry["type"],
                entry.get("mode"),
                mod,
                by,
                cs,
                ce,
                pos,
                w,
                round(conf, 2),
                rule,
                content=bool(speech or mod in ("claimed", "denied") and by),
            )
        )
    return out
