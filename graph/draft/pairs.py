"""Who acts on whom in one clause: the cue hits that count, then the pairing rules, in steps.

:func:`clause_pairs` reads a clause (its tokens and its groups of :class:`Participant`) and
finds its pairs: the cue hits that can be acts (:func:`_hits`), then for each hit who acts on
whom (:func:`_pair_cue`), the agents of passives (:func:`_passive_agents`), two actors and no
pair (:func:`_default_pair`) and the actor carried over from the clause before
(:func:`_carried`). The rules are listed in :mod:`graph.draft.clause`, which makes the
candidates of the pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import CueHit
from .syntax import (
    ADDRESSED,
    AUX,
    DETERMINERS,
    LOCATIVE,
    SUBORDINATE,
    after,
    demonym_place,
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
class Participant:
    """An actor named in a clause: entity id, char span, token span in the clause, how found."""

    entity: str
    start: int
    end: int
    ti: int
    tj: int
    how: str


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
    lows: list = field(default_factory=list)
    hits: list = field(default_factory=list)
    asked: dict = field(default_factory=dict)  # REQUEST cue -> where what is asked begins
    denials: list = field(default_factory=list)
    acc_words: set = field(default_factory=set)
    rels: list = field(default_factory=list)
    pairs: dict = field(default_factory=dict)
    speaker_p: Participant | None = None

    def in_rel(self, k):
        return next((r for r in self.rels if r[0] <= k < r[1]), None)

    def add(self, s, o, hit, how, conf, left_at, rule):
        if s.entity == o.entity:
            return
        self.pairs[(s.entity, o.entity, hit.i if hit else None)] = (s, o, hit, how, conf, left_at, rule)


def clause_pairs(
    toks, groups, lexicon, focus, content, speaker_name, phrase=None, recent=(), same=None, home=None, kinds=None
) -> Clause:
    """The :class:`Clause` of the tokens *toks* with its pairs found (the arguments as
    :func:`graph.draft.clause.clause_candidates`)."""
    c = Clause(toks, groups, lexicon, content, speaker_name, recent, same or (lambda a, b: a == b), home, kinds)
    c.lows = [t.lower for t in toks]
    c.denials = denial_verbs(toks, lexicon)
    c.acc_words = {p[0] for p in lexicon.modality.get("accusation", ())}
    c.rels = rel_spans(toks)
    _hits(c, phrase)
    if speaker_name and content:
        c.speaker_p = Participant(speaker_name, 0, 0, 0, 0, "the speaker")
    brokered, inner = _brokered(c), _inner(c)
    for n_hit, hit in enumerate(c.hits):
        _pair_cue(c, n_hit, hit, brokered, inner)
    _passive_agents(c)
    _default_pair(c)
    _carried(c, focus)
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
    c.hits, c.asked = hits, asked


def _objects(c, hit, right):
    """The groups *right* after a cue that can be its object."""
    toks, lows, asked = c.toks, c.lows, c.asked
    if hit.i in asked:
        right = [g for g in right if g[-1].tj <= asked[hit.i]]
    # "... pressure and pleading since the Taliban returned": a new clause begins, with its own actors
    # (and "after"/"before"/"when": "using gas as a weapon after Gazprom halted ...", but a passive's agent may
    # follow them: "were killed when militants attacked")
    cut = SUBORDINATE if passive(hit, toks) else SUBORDINATE | {"after", "before", "when", "once"}
    sub = next(
        (
            k
            for k in range(hit.j, len(toks))
            if lows[k] in cut
            and not (
                k > 0
                and lows[k - 1]
                in ("day", "days", "week", "weeks", "month", "months", "shortly", "hours", "soon", "just")
            )
        ),
        None,
    )
    if sub is not None:
        right = [g for g in right if g[0].ti < sub]
    nominal = not verb_form(hit) or (hit.i > 0 and lows[hit.i - 1] in DETERMINERS)
    if nominal and hit.entry.get("reciprocal"):
        # "under a 1973 treaty, a charge Kabul rejects": a noun's partner does not come after a comma
        comma = next((k for k in range(hit.j, len(toks)) if lows[k] in (",", ";", ":")), None)
        if comma is not None:
            right = [g for g in right if g[0].ti < comma]
    if nominal and hit.j < len(toks) and lows[hit.j] == "of" and hit.entry["type"] == "CONSULT":
        right = [g for g in right if g[0].ti > hit.j + 3]  # "at a meeting of the OIC": whose meeting
    # "trade through Afghanistan": a route, not a partner; "into the desert along the Libyan and Algerian
    # borders": where, not whom
    right = [g for g in right if not after(g, toks, {"through", "via"}) and not demonym_place(g, toks)]
    if hit.entry["type"] in ADDRESSED:
        # "a meeting ... held in Kyrgyzstan", "interference in Afghanistan's affairs": where, not whom
        right = [g for g in right if not after(g, toks, LOCATIVE)]
    if lows[hit.i] in ("refuse", "refuses", "refused", "refusing") and hit.j < len(toks) and lows[hit.j] == "to":
        right = []  # "refuses to act against the TTP": whom it refuses is not named
    return right


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


def _pair_cue(c, n_hit, hit, brokered, inner):
    """Who acts on whom by the cue *hit* (the *n_hit*-th of the clause)."""
    toks, lows, hits, groups, lexicon, content = c.toks, c.lows, c.hits, c.groups, c.lexicon, c.content
    speaker_name, speaker_p, recent, same, home, kinds = (
        c.speaker_name,
        c.speaker_p,
        c.recent,
        c.same,
        c.home,
        c.kinds,
    )
    acc_words, add, in_rel = c.acc_words, c.add, c.in_rel
    r = in_rel(hit.i)
    if hit.i in inner:
        for s_ in inner[hit.i]:
            for o in inner[hit.i]:
                add(s_, o, hit, "actors named inside a reciprocal cue", 0.6, inner[hit.i][0].ti, "reciprocal")
        return
    later = [h for h in hits[n_hit + 1 :] if h.i not in brokered and h.i not in inner]
    nxt = later[0].i if later else len(toks)
    if hit.i in brokered:
        if brokered[hit.i] is None:
            return
        hit = brokered[hit.i]

    def possessor(g):
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
        return  # "refineries accused of buying": a passive, the accuser unnamed
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
        if g[0].ti >= hit.i + 1 and (not left or g is not left[-1]) and (r is None or g[0].ti < r[1]) and g[0].ti < nxt
    ]
    right = _objects(c, hit, right)
    nominal = not verb_form(hit) or (hit.i > 0 and lows[hit.i - 1] in DETERMINERS)
    if passive(hit, toks) and not (hit.j < len(toks) and lows[hit.j] == "by") and left:
        # "six soldiers were killed when militants attacked": the one named before is acted upon
        if right:
            left, right = [right[0]], [left[-1]]
        else:
            return
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
        return
    # "accusations by the EU that S": the accuser follows "by"
    if hit.entry["type"] == "ACCUSE" and hit.j < len(toks) and lows[hit.j] == "by" and right:
        by, rest = right[0], right[1:]
        if rest:
            for s in by:
                for o in rest[0]:
                    add(s, o, hit, "the accuser after 'by'", 0.7, by[0].ti, "cue")
        return
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
    if hit.i in brokered:
        return  # the broker acts on them with its own cue
    if (
        nominal
        and n_hit > 0
        and hit.i > 0
        and lows[hit.i - 1] in ("the", "this", "that")
        and hits[n_hit - 1].j <= hit.i - 1
        and left
        and hits[n_hit - 1].i > left[-1][-1].tj - 1
    ):
        return  # "Qatar and Oman welcomed the agreement": the object of another verb, not their act
    if hit.entry.get("reciprocal") and left and len(left[-1]) > 1 and not (right and right[0][0].ti - hit.j <= 2):
        for s in left[-1]:
            for o in left[-1]:
                add(s, o, hit, "actors named together, a reciprocal cue", 0.6, left[-1][0].ti, "reciprocal")
        return
    if left and not right and hit.entry["type"] in ("ASSAULT", "COERCE", "THREATEN", "MOBILIZE") and n_hit > 0:
        # "Iran accused Pakistan of shelling two villages", "... of deploying troops": the accuser is the
        # one attacked, or the one troops are sent against
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
        return
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
            return
    if left and not right and hit.words.lower().startswith("claim") and hit.entry["type"] == "ASSAULT":
        # "the TTP claimed responsibility for Wednesday's raid": on whom the last attack was, else the home state
        last = next((r.object for r in reversed(recent) if r.type == "ASSAULT"), home)
        if last is not None:
            for s_ in left[-1]:
                add(
                    s_,
                    Participant(last, 0, 0, 0, 0, "focus"),
                    hit,
                    f"the attack claimed was on {last}",
                    0.5,
                    left[-1][0].ti,
                    "implicit",
                )
        return
    if (
        left
        and not right
        and hit.entry["type"] == "ASSAULT"
        and verb_form(hit)
        and not passive(hit, toks)
        and hit.j < len(toks)
        and (toks[hit.j].text.islower() or toks[hit.j].text[:1].isdigit())
        and lows[hit.j] not in ("by", "that", "to", "and", ",")
    ):
        # "shelled a camp outside El Fasher", "struck a vehicle near Sinune": whoever the place belongs to is
        # attacked, the one who complains (the speaker) or else the home state
        victim = speaker_name if content is not None and speaker_name else home
        if victim is not None and (kinds or {}).get(victim) == "person":
            victim = None  # a person who speaks is not the one attacked
        if victim is not None and not any(same(p.entity, victim) for p in left[-1]):
            for s_ in left[-1]:
                add(
                    s_,
                    Participant(victim, 0, 0, 0, 0, "focus"),
                    hit,
                    f"the one attacked not named: {victim}, "
                    + ("the speaker" if victim == speaker_name else "the home state"),
                    0.3,
                    left[-1][0].ti,
                    "victim",
                )
        return
    if (
        left
        and not right
        and hit.entry["type"] == "ACCUSE"
        and recent
        and hit.j + 1 < len(toks)
        and lows[hit.j] in ("the", "this", "that", "these", "those", "its")
        and any(c.entry["type"] == "ASSAULT" for c in lexicon.find_cues(toks[hit.j + 1 : hit.j + 3]))
    ):
        # "France and Italy condemned the attack": who attacked, told before (an attack told with that
        # word first: "the raid" is the one told as a raid, not an ongoing fight told since)
        told = [
            r
            for r in reversed(recent)
            if r.type == "ASSAULT"
            and r.modality in ("reported", "claimed")
            and not any(same(p.entity, r.subject) for p in left[-1])
        ]
        noun = lows[hit.j + 1][:5]
        last = next((r for r in told if noun in " ".join(map(str, r.why)).lower()), told[0] if told else None)
        if last is not None:
            for s_ in left[-1]:
                add(
                    s_,
                    Participant(last.subject, 0, 0, 0, 0, "focus"),
                    hit,
                    f"the attack condemned was {last.subject}'s",
                    0.5,
                    left[-1][0].ti,
                    "implicit",
                )
        return
    if not left or not right:
        return
    a, b = left[-1], right[0]
    if len(right) > 1 and lows[right[0][-1].tj : right[0][-1].tj + 2] in (["and", "with"], ["and", "to"]):
        b = right[0] + right[1]  # "held talks with Baig and with Russian Defence Minister Zorin"
    if hit.entry.get("reverse"):
        a, b = b, a
    for s in a:
        for o in b:
            ref = any(p.how.startswith("'") for p in (s, o))
            add(s, o, hit, "", 0.55 if ref else 0.7, a[0].ti, "cue-ref" if ref else "cue")


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
            if hit is not None and (names_place(first, toks) or not _objects(c, hit, [g])):
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
