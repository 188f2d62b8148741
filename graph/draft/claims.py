"""Candidate claims: for each clause that names two actors, who does what to whom.

Within a clause the actors are grouped ("China, Russia, and Iran" is one group:
never a claim between its members); a possessor naming the actor after it
("Pakistan's Foreign Office") and the affiliation of a spokesman ("a Taliban
spokesman") are not actors of their own; the speaker's own name ("..., the
Emirati foreign ministry said") is left out when two other actors remain. Then,
each rule saying in ``cue`` why:

1. a type cue of the lexicon between two groups: the group before it acts on the
   group after it (``reverse`` cues, "threats from X", the other way round); a
   ``reciprocal`` cue after one group ("A and B held talks"): its members act on
   each other;
2. a passive agent, "left behind by X": X acts on the group before it;
3. two groups and no cue between them: the first acts on the other (the default
   type of the lexicon, low confidence);
4. one group only, and a type cue: the other actor is the focus carried over from
   the clause before (the subject of its last candidate; when that is the same
   actor, the one it acted on), as subject or object depending on whether the
   group opens the clause ("the Taliban has ...");
5. "X warned that Y could ...": Y acts on the speaker X.

References: "Each"/"Both" opening a sentence and "both sides", "the two
countries"... anywhere stand for the last group named; "we"/"our" stand for the
source's perspective entity, when one is given.

Modality and speaker come from :mod:`graph.draft.modality`.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: IRN, name: Iran, kind: state}
...   - {id: IRQ, name: Iraq, kind: state}
...   - {id: SYR, name: Syria, kind: state}
... ''')
>>> r = draft("Tehran accused Baghdad and Syria of shelling. Iraq denied that it attacked Iran.", ds)
>>> [(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in r.claims]
[('IRN', 'ACCUSE', 'IRQ', 'reported', None), ('IRN', 'ACCUSE', 'SYR', 'reported', None), ('IRQ', 'ASSAULT', 'IRN', 'denied', 'IRQ')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .modality import modality_of, speech_cues
from .tokens import clauses, sentences, tokenise

__all__ = ["Candidate", "Participant", "candidates"]

_LIST = {",", "and", "or", "as", "well", "the", "&"}
_AUX = set("""has have had is are was were will would should must could can may might did does do
said says told chose gave took made went came began sought met held left sent struck won lost saw
remains remained""".split())
_FIRST_PERSON = {"we", "our", "us", "ours", "ourselves"}
_EACH = {"each", "both"}
_BOTH = re.compile(r"(?:\b(?:both|the two|all three|each of the)\s+(?:sides|countries|neighbours|neighbors|"
                   r"governments|states|parties|capitals|nations|giants|powers|rivals|of them)\b)", re.I)
_AFFILIATION = {"spokesman", "spokeswoman", "spokesperson"}
_PRONOUNS = {"it", "they", "he", "she", "we", "its", "their"}


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
class Candidate:
    """One candidate claim (see the JSON of :func:`graph.draft.draft`)."""

    subject: str
    object: str
    type: str
    mode: str | None
    modality: str
    asserted_by: str | None
    quote: str
    start: int
    end: int
    cue: str
    confidence: float

    def to_json(self) -> dict:
        return {"subject": self.subject, "object": self.object, "type": self.type, "mode": self.mode,
                "modality": self.modality, "asserted_by": self.asserted_by, "quote": self.quote,
                "cue": self.cue, "confidence": self.confidence}


def _spans_in(items, s, e, starts=None):
    """The items (sorted by start) that lie within [s, e); *starts* their start offsets, for bisect."""
    if starts is None:
        return [x for x in items if x[0] >= s and x[1] <= e]
    lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
    return [x for x in items[lo:hi] if x[1] <= e]


def _tok_index(toks, start, end):
    ti = next((k for k, t in enumerate(toks) if t.start >= start), None)
    tj = next((k for k, t in reversed(list(enumerate(toks))) if t.end <= end), None)
    return ti, (tj + 1 if tj is not None else None)


def _groups(parts, toks):
    groups = []
    for p in parts:
        if groups:
            prev = groups[-1][-1]
            between = [t.lower for t in toks[prev.tj:p.ti]]
            if (prev.ti, prev.tj) == (p.ti, p.tj):      # "Each": the members of one group
                groups[-1].append(p)
                continue
            if prev.tj <= p.ti and all(w in _LIST for w in between) and ("," in between or "and" in between
                                                                        or "or" in between):
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups


def _quote(text, s, e):
    q = text[s:e].rstrip()
    q2 = q.rstrip(".!?;:,")
    e = s + len(q2 if q2 else q)
    return text[s:e], s, e


def candidates(text, named, lexicon, *, perspective=None) -> list[Candidate]:
    """Candidate claims of *text*; *named* are (start, end, entity, how) of every actor name."""
    named = sorted(named)
    starts = [x[0] for x in named]
    out: list[Candidate] = []
    focus, focus_obj, last_group = None, None, None
    for ss, se in sentences(text):
        stoks = tokenise(text, ss, se)
        in_sentence = _spans_in(named, ss, se, starts)
        said_by, speech, after_that = _speaker(text, stoks, in_sentence, lexicon)
        speaker = said_by[2] if said_by else None
        affiliation = []
        sentence_cands, sentence_parts, groups_seen = [], [], []
        for cs, ce in clauses(text, ss, se):
            toks = [t for t in stoks if t.start >= cs and t.end <= ce]
            if not toks:
                continue
            parts = []
            for s, e, ent, how in _spans_in(in_sentence, cs, ce):
                ti, tj = _tok_index(toks, s, e)
                if ti is not None and tj is not None and tj > ti:
                    parts.append(Participant(ent, s, e, ti, tj, how))
            for k, t in enumerate(toks):
                if perspective and t.lower in _FIRST_PERSON and t.text in (t.lower, t.lower.capitalize()):
                    parts.append(Participant(perspective, t.start, t.end, k, k + 1, f"'{t.text}' (the source's perspective)"))
            refs = []
            if toks[0].lower in _EACH and cs == ss:
                refs.append((0, 1))
            for m in _BOTH.finditer(text, cs, ce):
                ti, tj = _tok_index(toks, m.start(), m.end())
                if ti is not None and tj is not None:
                    refs.append((ti, tj))
            for ti, tj in refs if last_group else ():
                words = text[toks[ti].start:toks[tj - 1].end]
                for p in last_group:
                    parts.append(Participant(p.entity, toks[ti].start, toks[tj - 1].end, ti, tj,
                                             f"'{words}' (the actors named together last)"))
            # "Pakistan's Foreign Office": the possessor is part of the name, not an actor of its own
            parts = [p for p in parts if not any(q.ti == p.tj + 1 and toks[p.tj].lower == "'s" for q in parts)]
            for p in parts:
                if p.tj < len(toks) and toks[p.tj].lower in _AFFILIATION:
                    affiliation.append(p.entity)
            parts = [p for p in parts if not (p.tj < len(toks) and toks[p.tj].lower in _AFFILIATION)]
            parts.sort(key=lambda p: (p.ti, p.entity))
            sentence_parts += parts
            # the speaker's own name ("..., the Foreign Office said") is not an actor of the claim
            others = {p.entity for p in parts if p.entity != speaker}
            if said_by and len(others) >= 2:
                parts = [p for p in parts if not (p.start < said_by[1] and said_by[0] < p.end)]
            groups = _groups(parts, toks)
            groups_seen += [g for g in groups if len(g) > 1]
            cands = _clause(text, cs, ce, toks, groups, lexicon, (focus, focus_obj),
                            speaker or (affiliation[:1] or [None])[0], speech, after_that)
            sentence_cands += cands
            own = [c for c in cands if _CARRIED not in c.cue]
            if own:
                focus, focus_obj = own[-1].subject, own[-1].object
            elif len(groups) == 1 and _opens(groups[0], toks, lexicon) and groups[0][0].entity != focus:
                focus, focus_obj = groups[0][0].entity, focus
        out += sentence_cands
        if groups_seen:
            last_group = [p for p in groups_seen[-1] if not p.how.startswith("'")] or last_group
    return out


_SPEAKER_AFTER = {"spokesman", "spokeswoman", "spokesperson", "statement from", "statement by", "according to"}


def _closing(stoks, j, words):
    """Whether the speech cue ending at token *j* closes the sentence ("..., a diplomat said on
    Friday.", "..., according to a statement from Doha."): it then covers the whole sentence."""
    return len(stoks) - j <= (7 if words.lower() == "according to" else 4)


def _adjacent(text, end, start):
    """Whether a name ending at *end* speaks through the cue at *start*: at most three words
    between ("the Emirati foreign ministry said"), no comma but one just before the cue."""
    gap = text[end:start]
    return len(gap.split()) <= 3 and "," not in gap.rstrip().rstrip(",") and "." not in gap


def _speaker(text, stoks, named, lexicon):
    """(speaker entity or None, whether the sentence has a speech cue or an explicit denial,
    what opens the reported clause: 'pronoun', an entity id, or None)."""
    hits = speech_cues(stoks, lexicon) + lexicon.find_phrases(lexicon.modality.get("denied_explicit", ()), stoks)
    if not hits:
        return None, False, None
    for i, j, words in sorted(hits):
        before = [x for x in named if x[1] <= stoks[i].start]
        after = [x for x in named if x[0] >= stoks[j - 1].end]
        nxt = j + (j < len(stoks) and stoks[j].lower == "that")
        opens = None
        if nxt < len(stoks):
            if stoks[nxt].lower in _PRONOUNS:
                opens = "pronoun"
            else:
                opens = next((x[2] for x in named if x[0] <= stoks[nxt].start < x[1] or
                              (x[0] >= stoks[nxt].start and x[0] - stoks[nxt].start < 6)), None)
        where = (stoks[i].start, _closing(stoks, j, words))
        if words.lower() in _SPEAKER_AFTER:
            if after and after[0][0] - stoks[j - 1].end < 40:
                return after[0], where, None
            continue
        if before and _adjacent(text, before[-1][1], stoks[i].start):
            return before[-1], where, opens
        if after and after[0][0] - stoks[j - 1].end < 30:
            return after[0], where, None
    i, j, words = sorted(hits)[0]
    return None, (stoks[i].start, _closing(stoks, j, words)), None


def _make(text, cs, ce, toks, subj, obj, hit, lexicon, how, conf, left_at, speaker, speech):
    entry = hit.entry if hit is not None else lexicon.default
    skip = range(hit.i, hit.j) if hit is not None else ()
    cue_at = hit.i if hit is not None else None
    obj_at = obj.ti if hasattr(obj, "ti") else (left_at or 0)
    # speech covers what is said after its cue, or the whole sentence when it closes it
    speech = bool(speech) and (speech[1] or hit is None or speech[0] < toks[hit.i].start)
    modality, mcue = modality_of(toks, lexicon, subject_at=left_at, cue_at=cue_at, object_at=obj_at,
                                 speech=speech, skip=skip)
    quote, qs, qe = _quote(text, cs, ce)
    why = [how if hit is None else f"'{hit.words}' -> {entry['type']}" + (f"/{entry['mode']}" if entry.get("mode") else "")]
    if mcue:
        why.append(f"'{mcue}' -> {modality}")
    elif modality == "claimed":
        why.append("speech cue -> claimed")
    if hit is not None and how:
        why.append(how)
    return Candidate(subj, obj.entity if hasattr(obj, "entity") else obj, entry["type"], entry.get("mode"),
                     modality, speaker if speech else None, quote, qs, qe, "; ".join(why), round(conf, 2))


_CARRIED = "one actor in the clause; the other"


def _opens(g, toks, lexicon):
    """Whether the group is the clause's subject: followed by a verb ("the Taliban has")."""
    nxt = toks[g[-1].tj].lower if g[-1].tj < len(toks) else ""
    return nxt in _AUX or nxt.endswith("ed") or (nxt in lexicon.by_first and not nxt.endswith("s'"))


def _clause(text, cs, ce, toks, groups, lexicon, focus, speaker, speech, after_that=None):
    parts = [p for g in groups for p in g]
    hits = [h for h in lexicon.find_cues(toks)
            if not any(p.ti <= h.i < p.tj for p in parts)]
    pairs = {}

    def add(s, o, hit, how, conf, left_at):
        if s.entity == o.entity:
            return
        key = (s.entity, o.entity)
        pairs[key] = (s, o, hit, how, conf, left_at)

    if (speaker and after_that and after_that != "pronoun" and after_that != speaker
            and {p.entity for p in parts} == {speaker, after_that}):
        # "Critics in Cairo warned that Ethiopia could ...": the one reported on acts on the speaker
        s_ = next(p for p in parts if p.entity == after_that)
        o_ = next(p for p in parts if p.entity == speaker)
        hit = next((h for h in hits if h.i > s_.ti), None)
        pairs[(s_.entity, o_.entity)] = (s_, o_, hit, "the speaker taken as the one acted upon", 0.3, s_.ti)
        groups = []
    for hit in hits:
        left = [g for g in groups if g[-1].tj <= hit.i]
        right = [g for g in groups if g[0].ti >= hit.i + 1 and (not left or g is not left[-1])]
        if hit.entry.get("reciprocal") and left and len(left[-1]) > 1 and not right:
            for s in left[-1]:
                for o in left[-1]:
                    add(s, o, hit, "actors named together, a reciprocal cue", 0.6, left[-1][0].ti)
            continue
        if not left or not right:
            continue
        a, b = left[-1], right[0]
        if hit.entry.get("reverse"):
            a, b = b, a
        for s in a:
            for o in b:
                add(s, o, hit, "", 0.7 if not any(p.how.startswith("'") for p in (s, o)) else 0.55, a[0].ti)
    for g_prev, g in zip(groups, groups[1:]):
        between = toks[g_prev[-1].tj:g[0].ti]
        if (len(between) >= 2 and between[-1].lower == "by"
                and any(re.search(r"(ed|en|wn|ft)$", t.lower) for t in between[:-1])):
            hit = next((h for h in hits if g_prev[-1].tj <= h.i < g[0].ti), None)
            for s in g:
                for o in g_prev:
                    pairs.pop((o.entity, s.entity), None)
                    add(s, o, hit, f"passive agent '{' '.join(t.text for t in between)} {s.entity}'", 0.6, g_prev[0].ti)
    paired = {p.entity for k in pairs for p in pairs[k][:2]}
    if len(groups) >= 2 and not (len(groups) == 2 and len(groups[0]) > 1 and pairs and
                                 all(k[0] in {p.entity for p in groups[0]} and k[1] in {p.entity for p in groups[0]}
                                     for k in pairs)):
        first = groups[0]
        for g in groups[1:]:
            if all(p.entity in paired for p in g) and all(p.entity in paired for p in first):
                continue
            hit = next((h for h in hits if first[-1].tj <= h.i < g[0].ti), None)
            for s in first:
                for o in g:
                    if (s.entity, o.entity) not in pairs and (o.entity, s.entity) not in pairs:
                        add(s, o, hit, "two actors in one clause, the first acts" + ("" if hit else
                            f" (no cue word: default type {lexicon.default['type']})"), 0.3, first[0].ti)
    focus, focus_obj = focus
    if len(groups) == 1 and focus_obj and all(p.entity == focus for p in groups[0]):
        focus = focus_obj     # the same actor again: the other is the one it acted on before
    if len(groups) >= 2:
        pass
    elif len(groups) == 1 and focus and hits and all(p.entity != focus for p in groups[0]):
        g = groups[0]
        opens = _opens(g, toks, lexicon)
        hit = next((h for h in hits if (h.i >= g[-1].tj if opens else h.i < g[0].ti)), None)
        hit = hit or hits[0]
        how = f"{_CARRIED}, {focus}, is carried over from the clause before"
        fp = Participant(focus, 0, 0, 0, 0, "focus")
        for p in g:
            if opens:
                add(p, fp, hit, how, 0.25, p.ti)
            else:
                add(fp, p, hit, how, 0.25, None)
    out = []
    for s, o, hit, how, conf, left_at in pairs.values():
        out.append(_make(text, cs, ce, toks, s.entity, o, hit, lexicon, how, conf, left_at, speaker, speech))
    return out
