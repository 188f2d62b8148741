"""Who acts on whom in one clause: the cue hits that count, then the pairing rules, in steps.

:func:`clause_pairs` reads a clause (its tokens and its groups of :class:`Participant`) and
finds its pairs: the cue hits that can be acts (:func:`_hits`), then for each hit who acts on
whom (:func:`_pair_cue`), the agents of passives (:func:`_passive_agents`), two actors and no
pair (:func:`_default_pair`) and the actor carried over from the clause before
(:func:`_carried`). The rules are listed in :mod:`graph.draft.clause`, which makes the
candidates of the pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .collective import (
    appositive,
    co_agents,
    coordinated,
    each_other,
    mediator_on_sides,
    mutual_between,
    participle_subject,
    speaker_participle,
    speakers_they,
    stand_for,
    their_mutual,
)
from .cue_pairs import Participant, cue_pairs, objects_of
from .lexicon import CueHit
from .mutual import fought_with
from .syntax import (
    AUX,
    DETERMINERS,
    after,
    denial_verbs,
    names_place,
    opens,
    participle_before,
    passive,
    rel_spans,
    verb_form,
)

__all__ = ["Participant", "clause_pairs", "CARRIED"]

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
class Clause:
    """One clause being read: its tokens and groups, what the steps found (the cue hits that count,
    the denials, what a request asks) and the pairs, ``{(subject, object, cue at): (s, o, hit, how,
    confidence, left at, rule)}``."""

    toks: list
    groups: list
    lexicon: object
    content: tuple | None
    speaker_name: str | None
    recent: tuple
    same: object
    home: str | None
    kinds: dict | None
    owner: dict = field(default_factory=dict)  # what each office or person is part of
    lows: list = field(default_factory=list)
    hits: list = field(default_factory=list)
    asked: dict = field(default_factory=dict)  # REQUEST cue -> where what is asked begins
    denials: list = field(default_factory=list)
    acc_words: set = field(default_factory=set)
    rels: list = field(default_factory=list)
    pairs: dict = field(default_factory=dict)
    speaker_p: Participant | None = None
    speakers: list = field(default_factory=list)  # the speakers named together, each a Participant

    def in_rel(self, k):
        return next((r for r in self.rels if r[0] <= k < r[1]), None)

    def add(self, s, o, hit, how, conf, left_at, rule):
        kinds = self.kinds or {}
        if s.entity == o.entity or (
            kinds.get(s.entity) == "office" and kinds.get(o.entity) == "state" and self.same(s.entity, o.entity)
        ):
            return  # (an office does not act on its own state: "the ministry said it entered Chinese waters")
        self.pairs[(s.entity, o.entity, hit.i if hit else None)] = (s, o, hit, how, conf, left_at, rule)


def clause_pairs(
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
) -> Clause:
    """The :class:`Clause` of the tokens *toks* with its pairs found (the arguments as
    :func:`graph.draft.clause.clause_candidates`)."""
    c = Clause(
        toks, groups, lexicon, content, speaker_name, recent, same or (lambda a, b: a == b), home, kinds, owner or {}
    )
    c.groups = groups = stand_for(groups, kinds or {}, owner or {}, recent, toks)
    c.lows = [t.lower for t in toks]
    c.denials = denial_verbs(toks, lexicon)
    c.acc_words = {p[0] for p in lexicon.modality.get("accusation", ())}
    c.rels = rel_spans(toks)
    _hits(c, phrase)
    coordinated(c)
    appositive(c)
    if speaker_name and content:
        c.speaker_p = Participant(speaker_name, 0, 0, 0, 0, "the speaker")
        c.speakers = [c.speaker_p] + [Participant(e, 0, 0, 0, 0, "the speaker") for e in together if e != speaker_name]
    brokered, inner = _brokered(c), _inner(c)
    for n_hit, hit in enumerate(c.hits):
        cue_pairs(c, n_hit, hit, brokered, inner)
    _between_pair(c, brokered)
    speakers_they(c)
    mutual_between(c, CueHit)
    each_other(c)
    their_mutual(c, CueHit)
    participle_subject(c)
    speaker_participle(c)
    _passive_agents(c)
    mediator_on_sides(c)
    _default_pair(c)
    _carried(c, focus)
    co_agents(c)
    fought_with(c)
    return c


def _hits(c, phrase):
    """The cue hits of the clause that can be acts (``c.hits``), and where what each request asks
    begins (``c.asked``)."""
    toks, lows, groups, lexicon, content, denials, acc_words = (
        c.toks,
        c.lows,
        c.groups,
        c.lexicon,
        c.content,
        c.denials,
        c.acc_words,
    )
    parts = [p for g in groups for p in g]

    hits = [h for h in lexicon.find_cues(toks) if not any(p.ti <= h.i < p.tj for p in parts)]
    if phrase is not None and content is not None and phrase[0] >= content[1]:
        # ", the agency reported, in the second such clash": the words after a closing attribution add nothing
        hits = [h for h in hits if not (phrase[0] <= toks[h.i].start < phrase[1])]
    # "the banned TTP", "the disputed region", "its frozen reserves": a participle before a noun is no verb
    hits = [
        h
        for h in hits
        if not (h.j - h.i == 1 and lows[h.i].endswith(("ed", "en")) and h.i > 0 and lows[h.i - 1] in DETERMINERS)
    ]
    # "the destabilising impact": an -ing word between an article and a noun is an adjective ("the killing of" is
    # an event)
    hits = [
        h
        for h in hits
        if not (
            h.j - h.i == 1
            and lows[h.i].endswith("ing")
            and h.i > 0
            and h.j < len(toks)
            and lows[h.i - 1] in ("the", "a", "an")
            and toks[h.j].text.isalpha()
            and toks[h.j].text.islower()
            and lows[h.j] not in ("of", "by", "and", "in", "on")
        )
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
    # (but "to respect the ceasefire they signed": a reciprocal noun whose makers follow in the past tense is
    # an act told, not asked)
    hits = [
        h
        for h in hits
        if h.i <= blocked
        or (h.entry["type"] == "REQUEST" and h.i < blocked)
        or (
            h.entry.get("reciprocal")
            and lows[h.j : h.j + 1] == ["they"]
            and lows[h.j + 1 : h.j + 2] != [""]
            and h.j + 1 < len(toks)
            and lows[h.j + 1].endswith("ed")
        )
    ]
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
    c.hits, c.asked = hits, asked


def _brokered(c) -> dict:
    """ "brokered the January ceasefire between A and B": what is brokered is the agreement of A and B
    (``{cue at: the agreement's hit}``; None for mediated talks, which are the mediator's)."""
    hits, lows = c.hits, c.lows
    brokered = {}
    for a, b in zip(hits, hits[1:], strict=False):
        if (
            a.entry.get("mode") in ("mediate", "third-party")
            and not (verb_form(b) and lows[b.i - 1] not in DETERMINERS)
            and b.entry.get("reciprocal")
            and b.i - a.j <= 3
            and all(w in DETERMINERS or w == "\0" for w in lows[a.j : b.i])
        ):
            # (mediated talks are the mediator's; a brokered ceasefire or deal is also the two sides' agreement)
            brokered[b.i] = (
                None
                if b.entry["type"] == "CONSULT"
                else CueHit(b.i, b.j, b.words, {**b.entry, "type": "AGREE", "mode": "settle"})
            )
    return brokered


def _between_pair(c, brokered):
    """ "brokered a peace agreement between the two governments": the pair after "between" agree with each other
    (named as one, so :func:`cue_pairs` leaves them when another's cue comes first); "the agreement between
    the two neighbours that Qatar brokered", "talks between them which Oman hosted": the broker after
    "that"/"which" acts on each."""
    toks, lows, groups, add = c.toks, c.lows, c.groups, c.add
    for h in c.hits:
        if not (h.entry.get("reciprocal") and h.j + 1 < len(toks) and lows[h.j] == "between"):
            continue
        g = next((g for g in groups if g[0].ti in (h.j + 1, h.j + 1 + (lows[h.j + 1] == "the")) and len(g) > 1), None)
        if g is None:
            continue
        # (a broker's cue just before: "brokered a peace agreement", "mediated the January truce")
        agreed = brokered.get(h.i) or next(
            (
                CueHit(h.i, h.j, h.words, {**h.entry, "type": "AGREE", "mode": "settle"})
                for m in c.hits
                if m.entry.get("mode") in ("mediate", "third-party")
                and m.j <= h.i <= m.j + 3
                and h.entry["type"] != "CONSULT"
            ),
            None,
        )
        if agreed is not None and len({(p.ti, p.tj) for p in g}) == 1:
            for s in g:
                for o in g:
                    add(s, o, agreed, "the pair after 'between', a brokered reciprocal cue", 0.6, g[0].ti, "reciprocal")
        k = g[-1].tj
        if k + 1 < len(toks) and lows[k] in ("that", "which"):
            m = next((m for m in groups if m[0].ti == k + 1 + (lows[k + 1] == "the")), None)
            hit = m and next(
                (
                    x
                    for x in c.hits
                    if x.entry.get("mode") in ("mediate", "third-party", "host") and 0 <= x.i - m[-1].tj <= 2
                ),
                None,
            )
            if not hit:
                continue
            act = (
                h
                if h.entry["type"] == "CONSULT"
                else CueHit(h.i, h.j, h.words, {**h.entry, "type": "AGREE", "mode": "settle"})
            )
            for s in m:
                for o in g:
                    add(s, o, act, f"the broker of a reciprocal cue, '{lows[k]} ... {hit.words}'", 0.6, s.ti, "cue")


def _inner(c) -> dict:
    """ "joint US-South Korean air drills": actors named inside a reciprocal cue act on each other (and only they)."""
    hits, groups = c.hits, c.groups
    return {
        h.i: g
        for h in hits
        if h.entry.get("reciprocal") and h.j - h.i > 2
        for g in groups
        if len(g) > 1 and h.i < g[0].ti and g[-1].tj <= h.j
    }


def _passive_agents(c):
    """ "the agreement was signed ... by X and Y", "left behind by X": the agents of a passive."""
    toks, lows, hits, groups, pairs, add = c.toks, c.lows, c.hits, c.groups, c.pairs, c.add
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
            part = next(
                (k for k in range(g[0].ti - 2, g_prev[-1].tj - 1, -1) if re.search(r"(ed|en|wn|ft)$", lows[k])), None
            )
            if hit is not None and part is not None and part - hit.j > 2:
                # "released prisoners in an exchange brokered by Chile": the agent of the participle's cue
                hit = next((h for h in hits if h.i <= part < h.j), None)
                if hit is None:
                    continue
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


def _default_pair(c):
    """Two groups and no pair: the first acts on the other, by the cue between them or the default type."""
    toks, lows, hits, groups, lexicon, content, pairs = c.toks, c.lows, c.hits, c.groups, c.lexicon, c.content, c.pairs
    speaker_name, add = c.speaker_name, c.add
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
            if hit is not None and (names_place(first, toks) or not objects_of(c, hit, [g])):
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


def _carried(c, focus):
    """One group only: the other actor is the *focus* carried over from the clause before."""
    toks, lows, hits, groups, lexicon, pairs, add = c.toks, c.lows, c.hits, c.groups, c.lexicon, c.pairs, c.add
    f, f_obj = focus
    if len(groups) == 1 and f_obj and all(p.entity == f for p in groups[0]):
        f = f_obj
    # "Tokyo rejected the criticism": what is rejected came from the actor before
    rejects = [
        h
        for h in hits
        if h.entry["type"] == "REJECT"
        and h.j < len(toks)
        and lows[h.j] in ("the", "this", "that", "every", "any", "such", "these", "those")
        and any(w in _PROPOSALS for w in lows[h.j + 1 : h.j + 3])
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
