"""Candidate claims of a text: sentence by sentence, who does what to whom, said by whom, and when.

For each sentence of the body (page furniture left out; the headline read as sentences of its
own, cut at ";"): the actors named in it (and "he"/"she" for the last person named, "it" for the
last actor that spoke or acted), its attribution (:mod:`graph.draft.attribution`: the speaker
becomes ``asserted_by`` of what is said, and is never an actor of it), then for each clause the
candidates of :mod:`graph.draft.clause`. A denial that points back ("the Taliban have always
denied the charge") denies the claims of the clause it points to. "Each"/"Both" opening a sentence
and "both sides", "the two countries", "they" before a reciprocal cue... stand for the last group
named (or the speakers named together); "we"/"our" for the source's perspective entity. Each
candidate's ``when`` is the date the text gives for it
(:mod:`graph.draft.dates`): in its clause, not a date of the speaking ("said on Tuesday") when it
is what was said. Last, the candidates are merged: one per (subject, type, object, modality,
claimant), with every quote that supports it.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: IRN, name: Iran, kind: state}
...   - {id: IRQ, name: Iraq, kind: state}
...   - {id: SYR, name: Syria, kind: state}
... ''')
>>> r = draft("Tehran accused Baghdad and Syria of shelling. Iraq denied that it attacked Iran.", ds)
>>> for c in r.claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
IRN ACCUSE IRQ reported None
IRN ACCUSE SYR reported None
IRQ ASSAULT IRN claimed IRN
SYR ASSAULT IRN claimed IRN
IRQ ASSAULT IRN denied IRQ

A passive without its agent is acted upon ("were killed when X stormed"); the same actor's same act
with its object left implicit is on that act's last object ("Moscow denied targeting civilians"):

>>> ds = loads('''
... entities:
...   - {id: RUS, name: Russia, kind: state}
...   - {id: UKR, name: Ukraine, kind: state}
...   - {id: TAL, name: Taliban, kind: de_facto_authority}
...   - {id: IRN, name: Iran, kind: state}
... ''')
>>> r = draft("Russian drones hit Ukraine's port, Kyiv said. Moscow denied targeting civilians. "
...           "Six Iranian soldiers were killed when Taliban fighters stormed a post.", ds)
>>> for c in r.claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
RUS ASSAULT UKR claimed UKR
RUS ASSAULT UKR denied RUS
TAL ASSAULT IRN reported None
"""

from __future__ import annotations

import bisect
import re

from .attribution import denial_pointer, speech
from .candidate import Candidate, merge, when_of
from .clause import CARRIED, Participant, Raw, clause_candidates, group, opens
from .pointed import pointed
from .pronouns import pronouns
from .sides import two_sides
from .structure import sentence_rules
from .syntax import SEATED, possessive_appositions, posted_to, subordinate_cuts
from .tokens import Token, clauses, sentences, tokenise
from .unnamed import we_quoted
from .verdicts import verdicts

__all__ = ["Candidate", "Participant", "candidates"]

_FIRST_PERSON = {"we", "our", "us", "ours", "ourselves"}
_EACH = {"each", "both"}
# the sentences "the two sides of the story told so far" are read from (a long text is many stories: bounded, so
# the work of a sentence does not grow with the text)
_STORY = 60
_BOTH = re.compile(
    # ("the two NATO allies", "both Gulf states": a proper adjective or two may come between)
    r"(?:\b(?:both|the two|its two|their two|the rival|all three|each of the)\s+(?:[A-Z][\w-]*\s+){0,2}(?:sides|"
    r"countries|neighbours|neighbors|governments|states|parties|capitals|nations|giants|powers|rivals|armies|of them|"
    r"presidents|leaders|camps|administrations|militaries|allies|(?:prime |foreign |defen[cs]e )?ministers)\b"
    # "The neighbours fought a war", "an agreement between the two could be signed": a bare plural or
    # "the two" before a verb or a clause's end
    r"|\bthe (?:two|neighbou?rs|rivals|former foes)\b(?=\s+(?:had|have|has|could|would|will|are|were|fought|met|"
    r"held|struck|made|began|broke|sought|took|[a-z]+ed)\b|[.,;])"
    r")",
    re.I,
)
_NOT_VERB = {"of", "for", "with", "among", "between", "to", "from", "by", "on", "in", "at", "and", "all", "both"}
_AFFILIATION = {"spokesman", "spokeswoman", "spokesperson"}
_TITLE_START = {
    "deputy",
    "secretary",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "president",
    "prime",
    "ambassador",
    "envoy",
    "special",
    "senior",
    "chief",
    "official",
    "commander",
    "general",
}
_TITLE_WORDS = _TITLE_START | {"of", "state", "affairs", "for", "the", "to", ",", "gen", ".", "col", "brig"}


def _spans_in(items, s, e, starts=None):
    """The items (sorted by start) that lie within [s, e); *starts* their start offsets, for bisect."""
    if starts is None:
        return [x for x in items if x[0] >= s and x[1] <= e]
    lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
    return [x for x in items[lo:hi] if x[1] <= e]


def _tok_index(toks, start, end):
    """The tokens [ti, tj) that the span covers (a token it covers in part counts: "US" of "US-South")."""
    ti = next((k for k, t in enumerate(toks) if t.end > start), None)
    tj = next((k for k, t in reversed(list(enumerate(toks))) if t.start < end), None)
    return ti, (tj + 1 if tj is not None else None)


def _asides(toks, end):
    """The token ranges [a, b) before *end* of relative clauses set off by commas (", which Mali left in 2025,").

    >>> from graph.draft.tokens import tokenise
    >>> t = "The US, which backed Peru, urged both sides."
    >>> toks = tokenise(t, 0, len(t))
    >>> [" ".join(x.text for x in toks[a:b]) for a, b in _asides(toks, 8)]
    ['which backed Peru']
    """
    out = []
    for k in range(1, end):
        if toks[k].lower in ("which", "who", "whose", "whom") and toks[k - 1].lower == ",":
            b = next((j for j in range(k + 1, end) if toks[j].lower == ","), None)
            if b is not None:
                out.append((k, b))
    return out


class _Context:
    """What carries from sentence to sentence: the last person, the last actor that spoke or acted,
    the focus, the last group named, the candidates of the last sentence (for denials), the denials told before
    their charge (:mod:`graph.draft.denials`)."""

    def __init__(self):
        self.ahead = []
        self.person = None
        self.said = None  # who last spoke or put out a statement ("The statement accused ...": its author)
        self.thing = None
        self.focus = (None, None)
        self.last_group = None
        self.prev = []
        self.history = []
        self.pair = None
        self.same = lambda a, b: a == b
        self.kinds = {}
        self.home = None
        self.owner = {}


def candidates(
    text, named, lexicon, *, perspective=None, page=None, dates=(), titles=None, part_of=None, home=None
) -> list[Candidate]:
    """Candidate claims of *text*; *named*: (start, end, entity, how, kind) of every actor name; *page*:
    :func:`graph.draft.page.read_page`; *dates*: its date expressions; *part_of*: the entity each office
    or person is part of; *home*: the home state (whom an attack claimed with no target named was on)."""
    named = sorted(named)
    starts = [x[0] for x in named]
    raws: list[Raw] = []
    ctx = _Context()
    owner = part_of or {}
    ctx.kinds = {x[2]: x[4] for x in named}
    ctx.home = home
    ctx.owner = owner
    ctx.same = lambda a, b: (
        a == b or owner.get(a) == b or owner.get(b) == a or (a in owner and owner[a] == owner.get(b))
    )
    for ss, se in sentences(text):
        if page is not None:
            if page.in_furniture(ss, se):
                continue
            for fs, fe in page.furniture:
                if fs <= ss < fe < se:
                    ss = fe
                    while ss < se and text[ss].isspace():
                        ss += 1
        headline = page is not None and page.headline is not None and page.headline[0] <= ss < page.headline[1]
        parts_ = [(ss, se)]
        if headline:
            cuts = [m.end() for m in re.finditer(r";\s*", text[ss:se])]
            bounds = [ss] + [ss + c for c in cuts] + [se]
            parts_ = [
                (bounds[k], bounds[k + 1] - (1 if k + 1 < len(bounds) - 1 else 0)) for k in range(len(bounds) - 1)
            ]
        for ps, pe in parts_:
            raws += _sentence(text, ps, pe, named, starts, lexicon, ctx, perspective, headline, titles, dates)
    found, dates = dates, [d for d in dates if d.when]
    dstarts = [d.start for d in dates]
    for r in raws:
        lo, hi = bisect.bisect_left(dstarts, r.start), bisect.bisect_right(dstarts, r.end + 1)
        r.when, r.when_why = when_of(r, dates[lo:hi])
    return merge(text, raws, found)


def _locative(text, x):
    """Whether a name is the place where, not an actor: a capital after "in"/"at" ("talks in
    Washington", but not "its embassy in Kabul")."""
    if "capital" not in x[3] and "city" not in x[3]:
        return False
    before = text[max(0, x[0] - 30) : x[0]].lower().split()
    if len(before) >= 2 and before[-2] in ("embassy", "consulate", "mission", "ambassador", "envoy"):
        return False
    raw = text[max(0, x[0] - 40) : x[0]].split()
    if len(before) >= 2 and before[-2] in SEATED and not (len(raw) >= 3 and raw[-3][:1].isupper() and raw[-3] != "The"):
        return False  # "the government in Juba", "the de facto authorities in Kabul": the rulers seated there
    return bool(before) and before[-1] in ("in", "at", "near")


_STATEMENT = {"statement", "communique", "communiqué", "letter", "note", "declaration", "readout"}
_AUTHOR = "'the statement' (its author)"
_SAID = {"said", "says", "added", "adds", "noted", "notes", "stated", "states", "read", "reads", "claimed", "claims"}


def _the_statement(stoks, in_sentence, ctx):
    """A sentence opened by "The statement" (letter, communiqué, note) and a verb: its author, the one who last
    spoke or put out a statement, acts ("... said the border stays shut. The statement also urged Y to ...")."""
    if ctx.said is None or len(stoks) < 4 or stoks[0].lower != "the" or stoks[1].lower not in _STATEMENT:
        return []
    if not stoks[2].text.islower() or stoks[2].lower in ("of", "by", "from", "issued", "that", "on", "in", ","):
        return []  # ("The statement by X", "The statement issued by X"): its author named
    if any(x[0] < stoks[2].start for x in in_sentence):
        return []
    v = stoks[3] if stoks[2].lower in ("also", "further", "then") else stoks[2]
    if v.lower in _SAID:
        return []  # ("The statement said the troops were ..."): what it says, not an act of its author
    return [(stoks[0].start, stoks[1].end, ctx.said, _AUTHOR, ctx.kinds.get(ctx.said))]


def _sentence(text, ss, se, named, starts, lexicon, ctx, perspective, headline, titles, dates=()):
    stoks = tokenise(text, ss, se)
    if not stoks:
        return []
    lo = bisect.bisect_left(dates, ss, key=lambda d: d.start) if dates else 0
    spans = []
    for d in dates[lo:]:
        if d.start >= se:
            break
        spans.append((d.start, d.end))
    if spans:  # a date's words are no cues ("in May 2023" is no "may")
        stoks = [Token(t.text, t.start, t.end, "\0") if any(a <= t.start < b for a, b in spans) else t for t in stoks]
    in_sentence = [x for x in _spans_in(named, ss, se, starts) if not _locative(text, x)]
    in_sentence = sorted(in_sentence + pronouns(stoks, in_sentence, ctx) + _the_statement(stoks, in_sentence, ctx))
    sp = speech(text, stoks, in_sentence, lexicon, headline=headline)
    if sp is not None and sp.speaker is None and sp.form == "headline" and titles:
        sp.speaker = titles(text[sp.phrase[0] : sp.phrase[1]])
    if sp is not None and sp.speaker is None and sp.form == "open":
        first = in_sentence[0] if in_sentence and in_sentence[0][0] < sp.phrase[0] else None
        if first and first[0] == stoks[0].start:
            sp.speaker = first[2]
    out, groups_seen = [], []
    pointer = denial_pointer(stoks, lexicon)
    for cs, ce in subordinate_cuts(text, clauses(text, ss, se)):
        toks = [t for t in stoks if t.start >= cs and t.end <= ce]
        if not toks:
            continue
        parts = []
        for s, e, ent, how, _kind in _spans_in(in_sentence, cs, ce):
            if (
                sp is not None
                and sp.phrase[0] <= s < sp.phrase[1]
                and not (sp.content[0] <= s < sp.content[1])
                and not sp.subject
            ):
                continue  # the speaker phrase's actors are not actors of what is said
            ti, tj = _tok_index(toks, s, e)
            if ti is not None and tj is not None and tj > ti and not posted_to(toks, ti):
                parts.append(Participant(ent, s, e, ti, tj, how))
        for k, t in enumerate(toks):
            if t.lower not in _FIRST_PERSON or t.text not in (t.lower, t.lower.capitalize()):
                continue
            # '"Our troops did not fire first," X said': the speaker's side
            quoted = we_quoted(text, ss, t.start, sp, ctx.owner, in_sentence, ctx.kinds)
            if quoted:
                parts.append(Participant(quoted, t.start, t.end, k, k + 1, f"'{t.text}' (the speaker quoted)"))
            elif perspective:
                parts.append(
                    Participant(perspective, t.start, t.end, k, k + 1, f"'{t.text}' (the source's perspective)")
                )
        refs = []
        both_at = [m for m in _BOTH.finditer(text, cs, ce)]
        if toks[0].lower in _EACH and cs == ss and not any(m.start() == toks[0].start for m in both_at):
            refs.append((0, 1, False))
        for m in both_at:
            ti, tj = _tok_index(toks, m.start(), m.end())
            if ti is not None and tj is not None:
                refs.append((ti, tj, True))
        # "a peace treaty they initialled", "their troops clashed": "they" before a reciprocal cue are the actors
        # named together last
        recips = [h.i for h in lexicon.find_cues(toks) if h.entry.get("reciprocal")]
        for k, t in enumerate(toks):
            if (
                t.lower in ("they", "their")
                and any(0 < i - k <= 3 for i in recips)
                and not any(p.ti <= k < p.tj for p in parts)
            ):
                refs.append((k, k + 1, False))
            elif (
                t.lower == "they"
                and any(0 < k - i <= 2 for i in recips)
                and k + 1 < len(toks)
                and toks[k + 1].text.islower()
                and not any(p.ti <= k < p.tj for p in parts)
            ):
                # "the ceasefire they signed", "the peace agreement they reached": a reciprocal noun's makers
                refs.append((k, k + 1, False))
            elif t.lower == "them" and k > 0 and toks[k - 1].text.isalpha() and toks[k - 1].lower not in _NOT_VERB:
                refs.append((k, k + 1, None))  # "urged them", "to shadow them": the actors named together last
        for ti, tj, both in refs:
            words = text[toks[ti].start : toks[tj - 1].end]
            # (not the actors of a relative clause before it: "The US, which backed Ecuador, urged both countries")
            aside = _asides(toks, ti)
            mains = [p for p in parts if not any(a <= p.ti < b for a, b in aside)]
            here, inset = (
                [g for g in group(sorted(ps, key=lambda p: (p.ti, p.entity)), toks) if len(g) > 1 and g[-1].tj <= ti]
                for ps in (mains, [p for p in parts if p not in mains])
            )
            # (but a pair "between" two actors is one: "China, which brokered a truce between X and Y, urged both")
            here += [
                g for g in inset if len(g) == 2 and "between" in [t.lower for t in toks[max(0, g[0].ti - 2) : g[0].ti]]
            ]
            # "Pakistan and Qatar urged both sides": the subject of the clause is not "both sides"
            here = [g for g in here if g[0].ti > 0 and not (g[0].ti <= 1 and opens(g, toks, lexicon))]
            # (or the speakers named together: "India and China said their troops clashed")
            said = [
                x
                for x in in_sentence
                if sp is not None
                and sp.phrase[0] <= x[0] < sp.phrase[1]
                and not (sp.content[0] <= x[0] < sp.content[1])
                and x[4] != "person"
            ]
            said = [Participant(x[2], 0, 0, 0, 0, "speaker") for x in said] if len(said) > 1 else None
            last = (
                # (a description among them counts when it makes the pair: "the government and the rebels")
                ([p for p in here[-1] if not p.how.startswith("'")] if len(here[-1]) > 2 else here[-1])
                if here
                else (said or (groups_seen[-1] if groups_seen else None))
            )
            if not last and both:
                # the last two named together, or the two sides of the story told so far ("The African Union
                # urged both governments")
                sides = two_sides(
                    words,
                    ctx.history[-_STORY:],
                    ctx.kinds,
                    ctx.owner,
                    {p.entity for p in mains if p.ti < ti},
                    [p.entity for p in (inset[-1] if inset else ctx.last_group or ())],
                )
                last = [Participant(e, 0, 0, 0, 0, "pair") for e in sides] if sides else None
            last = last or ctx.last_group
            if not last and ctx.pair:
                # no actors named together yet: the two of the last claim between two actors (two
                # states for "both countries", "the two neighbours")
                pair = ctx.pair
                if re.search(r"countries|states|neighbou?rs|nations|capitals", words, re.I):
                    pair = next(
                        (
                            (r.subject, r.object)
                            for rs in reversed(ctx.history[-4:])
                            for r in reversed(rs)
                            if ctx.kinds.get(r.subject) == "state" and ctx.kinds.get(r.object) == "state"
                        ),
                        pair,
                    )
                last = [Participant(e, 0, 0, 0, 0, "pair") for e in pair]
            if both is None:  # (not the verb's own subject: "whose envoy, Ana Ruiz, urged them")
                mine = max((p for p in parts if p.tj <= ti), key=lambda p: p.ti, default=None)
                last = [p for p in last or () if mine is None or p.entity != mine.entity]
                if len(last) < 2:
                    continue
            parts = [p for p in parts if not ti <= p.ti < tj]  # "the two NATO allies": NATO is no actor here
            for p in last or ():
                parts.append(
                    Participant(
                        p.entity,
                        toks[ti].start,
                        toks[tj - 1].end,
                        ti,
                        tj,
                        f"'{words}' ({'each of ' if both else ''}the actors named together last)",
                    )
                )
        # "Pakistan's Foreign Office": the possessor is part of the name, not an actor of its own
        parts = [p for p in parts if not any(q.ti == p.tj + 1 and toks[p.tj].lower == "'s" for q in parts)]
        parts = [p for p in parts if not (p.tj < len(toks) and toks[p.tj].lower in _AFFILIATION)]
        # "Uruguay, Peru's closest ally, accused Chile": the apposition's possessor is no actor of the clause
        appos = possessive_appositions(toks) if "'s" in {t.lower for t in toks} else []
        parts = [p for p in parts if not any(a <= p.ti < b for a, b in appos)]
        # "US Deputy Secretary of State Richard Hale": a state before a person's title is the person's
        persons = {x[0] for x in in_sentence if x[4] == "person"}
        parts = [
            p
            for p in parts
            if not (
                p.tj < len(toks)
                and toks[p.tj].lower in _TITLE_START
                and any(
                    q.start in persons
                    and 0 < q.ti - p.tj <= 6
                    and all(t.lower in _TITLE_WORDS for t in toks[p.tj : q.ti])
                    for q in parts
                )
            )
        ]
        parts.sort(key=lambda p: (p.ti, p.entity))
        groups = group(parts, toks)
        groups_seen += [g for g in groups if len(g) > 1]
        speaker = sp.speaker if sp is not None else None
        # (not a doer guessed twice over, the state of an office's unnamed forces)
        recent = [r for rs in ctx.history[-6:] for r in rs if r.rule != "unnamed doer, the state"] + out
        cands = clause_candidates(
            text,
            cs,
            ce,
            toks,
            groups,
            lexicon,
            ctx.focus,
            sp.content if sp else None,
            speaker,
            sp.phrase if sp else None,
            recent=recent,
            same=ctx.same,
            home=ctx.home,
            kinds=ctx.kinds,
            owner=ctx.owner,
            together=sp.together if sp else (),
        )
        if pointer is not None and toks[0].start <= stoks[pointer[0]].start < toks[-1].end + 1:
            at = stoks[pointer[1]].start
            # (not the acts of a relative clause before the denial: "X, which has fought Y since 2023, denied
            # the charge": the fighting is told as fact, not what X denies)
            v = next((k for k, t in enumerate(toks) if t.start >= stoks[pointer[0]].start), len(toks))
            told = [(toks[a].start, toks[b - 1].end) for a, b in _asides(toks, v)]
            cands = [
                c
                for c in cands
                if c.cue_at is not None
                and ((pointer[2] == "before" and c.cue_at < at) or any(a <= c.cue_at < b for a, b in told))
            ]
        out += cands
        own = [c for c in cands if c.rule != "carried"]
        if own:
            ctx.focus = (own[-1].subject, own[-1].object)
            ctx.pair = (own[-1].subject, own[-1].object)
        elif len(groups) == 1 and opens(groups[0], toks, lexicon) and groups[0][0].entity != ctx.focus[0]:
            ctx.focus = (groups[0][0].entity, ctx.focus[0])
    out = sentence_rules(text, stoks, in_sentence, lexicon, sp, ctx, out)  # fronted objects, unnamed doers ...
    if pointer is not None:
        out += pointed(text, stoks, pointer, in_sentence, out, ctx, sp)
    out += verdicts(text, stoks, in_sentence, out, ctx, sp, lexicon)
    # what carries to the next sentence
    lows = {t.lower for t in stoks}
    if sp is not None and sp.speaker:
        ctx.said = sp.speaker
    elif _STATEMENT & lows and in_sentence and in_sentence[0][3] != _AUTHOR:
        ctx.said = in_sentence[0][2]  # "X issued a statement on Monday."
    persons = [x for x in in_sentence if x[4] == "person"]
    if persons:
        ctx.person = persons[-1][2]
    things = [x for x in in_sentence if x[4] != "person" and not x[3].startswith("'")]
    lead = next((x for x in in_sentence if x[4] != "person"), None)
    if sp is not None and sp.speaker and not any(x[2] == sp.speaker and x[4] == "person" for x in in_sentence):
        ctx.thing = sp.speaker
    elif lead is not None and lead[3].lower().startswith("'it'"):
        ctx.thing = lead[2]  # "It should file a note with the UN. It must ...": the same actor as before
    elif things:
        ctx.thing = things[0][2]
    if groups_seen:
        ctx.last_group = [p for p in groups_seen[-1] if not p.how.startswith("'")] or ctx.last_group
    ctx.prev = out or ctx.prev
    if out:
        ctx.history.append(out)
    for r in out:
        r.phrase = sp.phrase if sp is not None else None
    return out


__all__ += ["CARRIED"]
