"""The candidate claims of one clause: who does what to whom, with the cue that says so.

Called by :func:`graph.draft.claims.candidates` for each clause, with the clause's actors grouped
("China, Russia and Iran" is one group). The rules, each naming itself in the candidate's ``cue``:

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
5. "X warned that Y could ...": Y acts on the speaker X.

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
from .syntax import (
    ADDRESSED,
    AUX,
    BEYOND,
    DETERMINERS,
    LOCATIVE,
    SUBORDINATE,
    after,
    denial_verbs,
    group,
    names_place,
    opens,
    participle_before,
    passive,
    rel_spans,
    verb_form,
)

__all__ = ["Participant", "Raw", "clause_candidates", "group", "opens", "CARRIED"]

CARRIED = "one actor in the clause; the other"
_PROPOSALS = {
    "criticism",
    "offer",
    "proposal",
    "demand",
    "demands",
    "request",
    "call",
    "calls",
    "plan",
    "remarks",
    "statement",
    "ultimatum",
    "invitation",
    "pledge",
}


@dataclass
class Participant:
    """An actor named in a clause: entity id, char span, token span in the clause, how found."""

    entity: str
    start: int
    end: int
    ti: int
    tj: int
    how: str


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
    text, cs, ce, toks, groups, lexicon, focus, content, speaker_name, phrase=None, recent=(), same=None
):
    """The :class:`Raw` candidates of the clause ``text[cs:ce]`` (tokens *toks*, *groups* of participants).

    *focus* is (focus, focus_obj) carried from before; *content* the span of what an attributed
    sentence says (None: not attributed), whose speaker is *speaker_name* (an entity id or None);
    *recent* the candidates of the sentences before (an act's object left implicit is its last
    object), *same(a, b)* whether two entities are one side (an office and its state).
    """
    same = same or (lambda a, b: a == b)
    parts = [p for g in groups for p in g]
    lows = [t.lower for t in toks]
    hits = [h for h in lexicon.find_cues(toks) if not any(p.ti <= h.i < p.tj for p in parts)]
    if phrase is not None and content is not None and phrase[0] >= content[1]:
        # ", the agency reported, in the second such clash": the words after a closing attribution add nothing
        hits = [h for h in hits if not (phrase[0] <= toks[h.i].start < phrase[1])]
    denials = denial_verbs(toks, lexicon)
    acc_words = {p[0] for p in lexicon.modality.get("accusation", ())}
    rels = rel_spans(toks)
    pairs = {}

    def in_rel(k):
        return next((r for r in rels if r[0] <= k < r[1]), None)

    def add(s, o, hit, how, conf, left_at, rule):
        if s.entity == o.entity:
            return
        pairs[(s.entity, o.entity, hit.i if hit else None)] = (s, o, hit, how, conf, left_at, rule)

    # "the banned TTP", "the disputed region", "its frozen reserves": a participle before a noun is no verb
    hits = [
        h
        for h in hits
        if not (h.j - h.i == 1 and lows[h.i].endswith(("ed", "en")) and h.i > 0 and lows[h.i - 1] in DETERMINERS)
    ]

    # a denial verb's own words ("rejected the allegations") are no type cue
    # (but "dismissed accusations by the EU that S", "rejected Pakistan's accusation that S" name an accuser)
    def named_accuser(h):
        return h.j < len(toks) and (lows[h.j] == "by" or (h.i > 0 and lows[h.i - 1] == "'s" and lows[h.j] == "that"))

    hits = [
        h
        for h in hits
        if h.i not in denials
        and not (
            h.entry["type"] == "ACCUSE"
            and h.words.lower() in acc_words
            and any(d < h.i for d in denials)
            and not named_accuser(h)
        )
    ]
    # after "urged Y to" / "called on Y to": what Y is asked to do is not an event
    blocked = len(toks)
    asked = {}  # REQUEST cue -> where what is asked begins
    for h in hits:
        if h.entry["type"] == "REQUEST":
            g = next((g for g in groups if g[0].ti >= h.j), None)
            if g is not None and g[-1].tj < len(toks) and lows[g[-1].tj] == "to":
                blocked = min(blocked, g[-1].tj)
                asked[h.i] = g[-1].tj
            else:
                # "urged the administration to suspend aid", "invited his Saudi counterpart to visit"
                to = next((k for k in range(h.j, min(h.j + 6, len(toks))) if lows[k] == "to"), None)
                if to is not None and all(
                    lows[k] not in AUX and lows[k] not in (",", "and", "that") for k in range(h.j, to)
                ):
                    blocked = min(blocked, to)
                    asked[h.i] = to
    hits = [h for h in hits if h.i <= blocked or h.entry["type"] == "REQUEST" and h.i < blocked]
    # "did not say whether Washington would ask": an indirect question states nothing
    hits = [h for h in hits if "whether" not in lows[max(0, h.i - 6) : h.i]]
    if phrase is not None and content is not None and phrase[1] <= content[0]:
        # "Fitch warned last month that S": the speech verb of the sentence is no act of its own
        hits = [
            h
            for h in hits
            if not (
                phrase[0] <= toks[h.i].start < phrase[1] and "that" in [w for w in lows[h.j : h.j + 4] if w != "\0"][:1]
            )
        ]

    def objects(hit, right):
        """The groups after a cue that can be its object."""
        if hit.i in asked:
            right = [g for g in right if g[-1].tj <= asked[hit.i]]
        # "... pressure and pleading since the Taliban returned": a new clause begins, with its own actors
        sub = next((k for k in range(hit.j, len(toks)) if lows[k] in SUBORDINATE), None)
        if sub is not None:
            right = [g for g in right if g[0].ti < sub]
        nominal = not verb_form(hit) or (hit.i > 0 and lows[hit.i - 1] in DETERMINERS)
        if nominal and hit.j < len(toks) and lows[hit.j] == "of" and hit.entry["type"] == "CONSULT":
            right = [g for g in right if g[0].ti > hit.j + 3]  # "at a meeting of the OIC": whose meeting
        # "trade through Afghanistan": a route, not a partner
        right = [g for g in right if not after(g, toks, {"through", "via"})]
        if hit.entry["type"] in ADDRESSED:
            # "a meeting ... held in Kyrgyzstan", "interference in Afghanistan's affairs": where, not whom
            right = [g for g in right if not after(g, toks, LOCATIVE)]
        if lows[hit.i] in ("refuse", "refuses", "refused", "refusing") and hit.j < len(toks) and lows[hit.j] == "to":
            right = []  # "refuses to act against the TTP": whom it refuses is not named
        return right

    speaker_p = None
    if speaker_name and content:
        speaker_p = Participant(speaker_name, 0, 0, 0, 0, "the speaker")
    for n_hit, hit in enumerate(hits):
        r = in_rel(hit.i)
        nxt = hits[n_hit + 1].i if n_hit + 1 < len(hits) else len(toks)

        def possessor(g, hit=hit):
            return g[-1].tj < len(toks) and lows[g[-1].tj] == "'s" and hit.i != g[-1].tj + 1

        left = [g for g in groups if g[-1].tj <= hit.i and (in_rel(g[0].ti) is None or in_rel(g[0].ti) == r)]
        # "the war in Yemen by selling arms", "using Afghan soil to back": a place is not who acts
        left = [g for g in left if not names_place(g, toks)]
        # "accused the government of conceding territory": what the accusation says, the accuser did not do
        acc = next(
            (
                h
                for h in reversed(hits[:n_hit])
                if h.entry["type"] == "ACCUSE" and h.j < hit.i and "of" in lows[h.j : hit.i]
            ),
            None,
        )
        if acc is not None and hit.entry["type"] != "ACCUSE" and left and left[-1][-1].tj <= acc.i:
            left = []
        # "took Pakistan's concerns seriously and ... cooperation with": a possessor acts only for lack of another
        if len(left) > 1 and possessor(left[-1]):
            left = [g for g in left if not possessor(g)] or left
        if hit.entry["type"] == "ACCUSE" and hit.j < len(toks) and lows[hit.j] == "of" and lows[hit.i] != "accusations":
            continue  # "refineries accused of buying": a passive, the accuser unnamed
        # "X accused Y of ... and urged Z": the coordinated verb has the clause's subject
        if (
            hit.i > 0
            and lows[hit.i - 1] == "and"
            and groups
            and any(h.i < hit.i for h in hits)
            and left
            and left[-1] is not groups[0]
            and groups[0][-1].tj <= min(h.i for h in hits)
        ):
            left = [groups[0]]
        right = [
            g
            for g in groups
            if g[0].ti >= hit.i + 1
            and (not left or g is not left[-1])
            and (r is None or g[0].ti < r[1])
            and g[0].ti < nxt
        ]
        right = objects(hit, right)
        nominal = not verb_form(hit) or (hit.i > 0 and lows[hit.i - 1] in DETERMINERS)
        if passive(hit, toks) and not (hit.j < len(toks) and lows[hit.j] == "by") and left:
            # "six soldiers were killed when militants attacked": the one named before is acted upon
            if right:
                left, right = [right[0]], [left[-1]]
            else:
                continue
        # "X said S and accused Y of ...": the speaker does the coordinated verb
        if (
            speaker_p is not None
            and hit.i > 0
            and lows[hit.i - 1] == "and"
            and toks[hit.i].start >= content[0]
            and hit.entry["type"] in ("ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT")
        ):
            left = [[speaker_p]]
        # "Pakistan's accusation that it harbours ...": the possessor accuses the subject of what follows
        if (
            hit.entry["type"] == "ACCUSE"
            and hit.words.lower() in acc_words
            and hit.i > 0
            and lows[hit.i - 1] == "'s"
            and hit.j < len(toks)
            and lows[hit.j] == "that"
            and left
            and right
        ):
            for s_ in left[-1]:
                for o in right[0]:
                    add(s_, o, hit, "the accuser before the accusation", 0.7, left[-1][0].ti, "cue")
            continue
        # "accusations by the EU that S": the accuser follows "by"
        if hit.entry["type"] == "ACCUSE" and hit.j < len(toks) and lows[hit.j] == "by" and right:
            by, rest = right[0], right[1:]
            if rest:
                for s in by:
                    for o in rest[0]:
                        add(s, o, hit, "the accuser after 'by'", 0.7, by[0].ti, "cue")
            continue
        if (
            hit.entry.get("reciprocal")
            and right
            and len(right[0]) > 1
            and hit.j < len(toks)
            and lows[hit.j] == "between"
            and right[0][0].ti == hit.j + 1 + (lows[hit.j + 1] == "the")
        ):
            # "the Doha talks between the United States and the Taliban": they talk to each other
            for s in right[0]:
                for o in right[0]:
                    add(s, o, hit, "actors named after 'between', a reciprocal cue", 0.6, right[0][0].ti, "reciprocal")
        if (
            nominal
            and n_hit > 0
            and hit.i > 0
            and lows[hit.i - 1] in ("the", "this", "that")
            and hits[n_hit - 1].j <= hit.i - 1
            and left
            and hits[n_hit - 1].i > left[-1][-1].tj - 1
        ):
            continue  # "Qatar and Oman welcomed the agreement": the object of another verb, not their act
        if hit.entry.get("reciprocal") and left and len(left[-1]) > 1 and not (right and right[0][0].ti - hit.j <= 2):
            for s in left[-1]:
                for o in left[-1]:
                    add(s, o, hit, "actors named together, a reciprocal cue", 0.6, left[-1][0].ti, "reciprocal")
            continue
        if left and not right and hit.entry["type"] in ("ASSAULT", "COERCE", "THREATEN") and n_hit > 0:
            # "Iran accused Pakistan of shelling two villages": the accuser is the one attacked
            acc = hits[n_hit - 1]
            if (
                acc.entry["type"] == "ACCUSE"
                and acc.j < hit.i
                and "of" in lows[acc.j : hit.i]
                and [g for g in groups if g[-1].tj <= acc.i]
            ):
                accuser = [g for g in groups if g[-1].tj <= acc.i][-1]
                for s_ in left[-1]:
                    for o in accuser:
                        add(s_, o, hit, "the accuser taken as the one attacked", 0.4, left[-1][0].ti, "accuser")
            continue
        if (
            left
            and not right
            and recent
            and not hit.entry.get("reciprocal")
            and nxt > hit.j + 1 - (nxt == len(toks))
            and (verb_form(hit) or (hit.i > 0 and lows[hit.i - 1] in AUX | {"to"}))
        ):
            # "Moscow denies targeting civilians", "its forces had hit military infrastructure": the same
            # actor's same act, its object left implicit, is on the object of its last such act
            last = next(
                (
                    r
                    for r in reversed(recent)
                    if r.type == hit.entry["type"]
                    and any(same(p.entity, r.subject) for p in left[-1])
                    and not any(same(p.entity, r.object) for p in left[-1])
                ),
                None,
            )
            if last is not None:
                for s_ in left[-1]:
                    add(
                        s_,
                        Participant(last.object, 0, 0, 0, 0, "focus"),
                        hit,
                        f"the object left implicit: {last.object}, of the last {last.type} by {last.subject}",
                        0.5,
                        left[-1][0].ti,
                        "implicit",
                    )
                continue
        if not left or not right:
            continue
        a, b = left[-1], right[0]
        if len(right) > 1 and lows[right[0][-1].tj : right[0][-1].tj + 2] in (["and", "with"], ["and", "to"]):
            b = right[0] + right[1]  # "held talks with Baig and with Russian Defence Minister Zorin"
        if hit.entry.get("reverse"):
            a, b = b, a
        for s in a:
            for o in b:
                ref = any(p.how.startswith("'") for p in (s, o))
                add(s, o, hit, "", 0.55 if ref else 0.7, a[0].ti, "cue")
    for g in groups:
        # "the agreement was signed ... by the Ministry of Railways and the China Development Bank"
        k = g[0].ti - 1 - (g[0].ti >= 2 and lows[g[0].ti - 1] == "the")
        hit = next((h for h in reversed(hits) if h.j <= k), None)
        if (
            len(g) > 1
            and k > 0
            and lows[k] == "by"
            and hit is not None
            and hit.entry.get("reciprocal")
            and (passive(hit, toks) or participle_before(toks, k))
        ):
            for s in g:
                for o in g:
                    add(s, o, hit, "agents of a passive, a reciprocal cue", 0.5, g[0].ti, "passive")
    for g_prev, g in zip(groups, groups[1:], strict=False):
        between = toks[g_prev[-1].tj : g[0].ti]
        if len(between) >= 2 and between[-1].lower == "by" and participle_before(between, len(between) - 1):
            hit = next((h for h in hits if g_prev[-1].tj <= h.i < g[0].ti), None)
            for s in g:
                for o in g_prev:
                    for k in [k for k in pairs if k[0] == o.entity and k[1] == s.entity]:
                        pairs.pop(k)
                    add(
                        s,
                        o,
                        hit,
                        f"passive agent '{' '.join(t.text for t in between)} {s.entity}'",
                        0.6,
                        g_prev[0].ti,
                        "passive",
                    )
    paired = {p.entity for k in pairs for p in pairs[k][:2]}
    if len(groups) >= 2 and not pairs and "whether" not in lows:
        first = groups[0]
        for g in groups[1:2]:
            if all(p.entity in paired for p in g) and all(p.entity in paired for p in first):
                continue
            hit = next((h for h in hits if first[-1].tj <= h.i < g[0].ti), None)
            between = lows[first[-1].tj : g[0].ti]
            if hit is None and (
                not lexicon.default.get("type")
                or not 0 < len(between) <= 3
                or any(not w.isalpha() or w in ("'s", "of", "and", "in") for w in between)
                or (content is not None and speaker_name)
            ):
                continue  # no cue word: only "Iran snubbed Syria" (a verb between the two) gets the default
            if hit is not None and (names_place(first, toks) or not objects(hit, [g])):
                continue  # the same limits as above: what is asked, where, a route
            for s in first:
                for o in g:
                    add(
                        s,
                        o,
                        hit,
                        "two actors in one clause, the first acts"
                        + ("" if hit else f" (no cue word: default type {lexicon.default['type']})"),
                        0.3,
                        first[0].ti,
                        "cue" if hit else "default",
                    )
    f, f_obj = focus
    if len(groups) == 1 and f_obj and all(p.entity == f for p in groups[0]):
        f = f_obj
    # "Tokyo rejected the criticism": what is rejected came from the actor before
    rejects = [
        h
        for h in hits
        if h.entry["type"] == "REJECT"
        and h.j < len(toks)
        and lows[h.j] in ("the", "this", "that")
        and h.j + 1 < len(toks)
        and lows[h.j + 1] in _PROPOSALS
    ]
    if (
        len(groups) == 1
        and f
        and rejects
        and all(p.entity != f for p in groups[0])
        and not pairs
        and groups[0][-1].tj <= rejects[0].i
    ):
        for p in groups[0]:
            add(
                p,
                Participant(f, 0, 0, 0, 0, "focus"),
                rejects[0],
                f"{CARRIED}, {f}, made what is rejected",
                0.4,
                p.ti,
                "carried",
            )
    if (
        len(groups) == 1
        and f
        and hits
        and all(p.entity != f for p in groups[0])
        and not pairs
        and not opens(groups[0], toks, lexicon)
        and hits[0].i < groups[0][0].ti
        and not after(groups[0], toks, {"by"})
        and not (hits[0].i > 0 and lows[hits[0].i - 1] in DETERMINERS)
    ):
        # the clause names its object only ("urged both sides ..."): the actor before is the subject
        g = groups[0]
        op = False
        hit = next((h for h in hits if (h.i >= g[-1].tj if op else h.i < g[0].ti)), None) or hits[0]
        how = f"{CARRIED}, {f}, is carried over from the clause before"
        fp = Participant(f, 0, 0, 0, 0, "focus")
        for p in g:
            if op:
                add(p, fp, hit, how, 0.25, p.ti, "carried")
            else:
                add(fp, p, hit, how, 0.25, None, "carried")
    out = []
    # where the verbs are, for the dates (:func:`graph.draft.claims._when`): "denial" or "verb"
    marks = sorted(
        {(toks[d].start, "denial") for d in denials}
        | {(toks[h.i].start, "verb") for h in hits if verb_form(h)}
        | {(toks[k].start, "asked") for k in asked.values() if k < len(toks)}
    )
    for s, o, hit, how, conf, left_at, rule in pairs.values():
        pos = toks[hit.i].start if hit is not None else (o.start if o.how != "focus" else s.start)
        speech = content is not None and content[0] <= pos < content[1]
        if speaker_p is not None and s is speaker_p:
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
            speaker_name,
            rule,
            groups,
            denials,
            acc_words,
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
    out_mods = []
    at = cue_at if cue_at is not None else obj_at
    # what an accusation says: "accused Y of V-ing O", "X's accusation that S", "accusations by X that S"
    accuser = None
    if hit is None or entry["type"] != "ACCUSE":
        for k in range(min(at, len(toks)) - 1, -1, -1):
            w = lows[k]
            if w in ("accuse", "accused", "accuses", "accusing", "blamed", "blames", "blame") or w in acc_words:
                tail = lows[k + 1 : at]
                if w in acc_words and not ({"that", "of"} & set(tail)):
                    continue
                if w not in acc_words and not ({"of", "for"} & set(tail)):
                    continue
                if w in acc_words and k + 1 < len(lows) and lows[k + 1] == "by":
                    accuser = next((g[0].entity for g in groups if g[0].ti > k), None)
                elif k > 0 and lows[k - 1] == "'s":
                    accuser = _who_before(groups, k)
                else:
                    accuser = _who_before(groups, k)
                    if accuser is None and speech:
                        accuser = speaker
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
    if accuser and accuser not in (s.entity,):
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
                s.entity,
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
