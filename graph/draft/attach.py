"""Which date of the text a drafted claim takes: the one of its own verb, read in the whole sentence.

A date dates the verb it stands by ("Pakistan on Tuesday lodged a protest"), and two verbs joined share
it ("met late on Sunday and urged ...", "lodged a protest and summoned the envoy on Tuesday", "pledged in
March to fund"); not a verb past a subordinator ("... on Sunday, since they agreed ..."), but a "when"
clause is the same moment ("were killed when militants attacked late on Monday"); not the main verb
across an aside (", which has fought the army since April 2023,") nor the aside's verb across it; a
sentence's opening date ("In 2016, ...", "Since 2019, ...") dates its first clause; a year or a month
naming a deal ("a 2022 security pact", "the January ceasefire") dates that deal only; an act named by a
noun takes no date of the verb before it ("on Tuesday sent notes objecting to their agreement"), unless
in a phrase of time ("agreed last week, during a visit by ..."). What is said is not dated by the saying
("said on Tuesday it had seized"), but a speaker's own accusation or request is ("urged both sides ...,
according to a statement issued late on Wednesday"), and so is "X also accused ..." after X's dated
remarks; an act an accusation is about is not dated by the accusation ("accused X on Monday of
deploying"); an act done takes no date to come, an act to come takes a weekday's next one ("are due to
meet on Thursday"); an attack a group claims takes the date given for the attack.

>>> from datetime import date
>>> from graph.draft.dates import find_dates
>>> from graph.draft.clause import Raw
>>> text = "Burundi, which has backed Kinshasa since 2023, closed its border with Rwanda on Sunday."
>>> r = Raw("BDI", "RWA", "COERCE", None, "reported", None, 0, len(text) - 1, text.index("closed"), [], 0.5, "cue")
>>> attach(text, [r], find_dates(text, date(2026, 1, 26)))
>>> r.when
'2026-01-25'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .datefrom import event_date
from .tokens import sentences

__all__ = ["attach"]

# words that open another clause: a date across one is that clause's
_SUB = re.compile(
    r"\b(?:since|(?:after|before)(?!\s+(?:dawn|midnight|noon|sunrise|sunset|nightfall|dark)\b)|because|"
    r"although|though|until|unless|if|whereas|while|which|who|whom|whose|where)\b|;|—|–",
    re.I,
)
# a non-restrictive relative clause between commas: ", which ... ," / ", whose ... ,"
# (a list of names inside it is no end: ", which chaired talks between Egypt, Ethiopia and Sudan since 2020,")
_ASIDE = re.compile(r",\s*(?:which|who|whose|whom|where)\b[^;]*?(?:,\s(?![A-Z])|$)")

# types whose act is the speaking: dated by the speech, not by what is said
SPEECH_ACTS = {"ACCUSE", "REQUEST", "THREATEN", "REJECT"}
# what an accusation or a request is about starts here: "accused X of V-ing", "urged X to V", "said that"
_COMPLEMENT = re.compile(r"\bof\s+\w+ing\b|\bthat\b|\bto\s+(?!the\b|an?\b|its\b|their\b|his\b|her\b)[a-z]+\b")
_SPOKE = re.compile(
    r"\b(?:said|says|told|tells|added|wrote|stated|declared|announced|insisted|quoted)\b|according to", re.I
)
_LEAD = re.compile(r"[\s\"“(]*(?:(?:and|but|so|yet)\s+)?", re.I)


def _blocked(text, a, b, marks, content=False, since=False):
    if content and (_SPOKE.search(text, a, b) or (since and re.search(r"\bthat\b", text[a:b]))):
        return True  # "... since 1954, and that India remained open", "... on Sunday, and said it would ask"
    if any(a <= m < b for m, k in marks if k == "denial"):
        return True
    subs = list(_SUB.finditer(text, a, b))
    # (a subordinate clause closed by ", and" leaves the main verb: "detained two men who were spying, and
    # accused Budapest ...")
    return bool(subs) and not re.search(r",\s+and\s", text[subs[-1].end() : b])


# "accused X on Monday of deploying ...", "blamed X for shelling ...": the act an accusation is about
_ACCUSED = re.compile(r"\b(?:accus|blam|charg)\w*\b[^.;]*\b(?:of|for)\s+$", re.I)
_NOUN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|its|their|his|her|this|these|those)\s+(?:[A-Z][\w-]*\s+|[a-z]+(?:al|ic|an|ese|ish|ary|ive)\s+)?$"
)
_AND_END = re.compile(r"\s(?:and|,\s*and)\s+(?:then\s+|also\s+|later\s+)?$")
# "claimed responsibility for the attack", "claimed the bombing": the attack has the date given for it before
_CLAIMED = re.compile(
    r"\bclaimed\s+(?:responsibility(?:\s+for\s+(?:the|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|"
    r"Friday's|Saturday's|Sunday's)\s+(?P<ev>[a-z]+))?|the\s+(?P<ev2>attack|bombing|ambush|raid|killing|strike|"
    r"assault|blast|explosion|kidnapping|abduction)s?)\b"
)
# an act in a phrase of time of the verb before it: "agreed last week, during a visit to Delhi by ..."
_DURING = re.compile(
    r"\b(?:during|in\s+the\s+course\s+of|on\s+the\s+sidelines\s+of)\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+)?$"
)
# "He also accused ...", "Kazemi also urged ..." at the start of a sentence
_ALSO = re.compile(r"[\"“]?(?:[A-Z][\w'-]*\s+){1,4}also\s+")
# what is to come: "will close", "would meet", "are due to meet", "is expected to visit"
_TO_COME = re.compile(
    r"\b(?:will|would|shall|may|might|could|due\s+to|expected\s+to|set\s+to|plans?\s+to|scheduled\s+to)\s+(?:\w+\s+)?$"
)
# "met the minister on Thursday and urged ...": the date of the first of two verbs joined is the second's too
# ("pledged in March to fund new posts": the verb the act hangs on)
_AND = re.compile(r"\s*,?\s*and\s+(?:then\s+|also\s+|later\s+)?|\s+to\s+")
_FUTURE = re.compile(r"\b(?:next|later\s+this|tomorrow|coming)\b", re.I)
# a verb of a past act at the cue: "had agreed", "has signed", "agreed"
_PAST = re.compile(r"[A-Za-z]+ed\b")
# "said on Tuesday", "told reporters on Tuesday": the date of the speaking
_SAID = re.compile(
    r"\b(?:said|says|told(?:\s+[\w-]+){0,3}|announced|added|wrote|stated|insisted|declared|"
    r"said\s+in\s+a\s+statement)\s*$",
    re.I,
)


def _pick(text, r, sdates, ss, se, asides):
    """The date of one raw claim from the dates of its sentence, or None."""
    d = _pick1(text, r, sdates, ss, se, asides)
    if d is None:
        return None
    at = r.cue_at if r.cue_at is not None else r.start
    if d.kind == "since" and d.end <= at and re.match(r",\s*when\b", text[d.end : at]):
        return replace(d, when=d.when.rstrip("."))  # "frozen since 2016, when Beijing cut off contact"
    if d.ahead and d.start > at and _TO_COME.search(text, max(ss, at - 30), at):
        # "are due to meet on Thursday", "would meet on Saturday": the next such day; "from Monday": from it on
        frm = re.search(r"\bfrom\s+$", text[max(ss, d.start - 6) : d.start])
        return replace(d, when=d.ahead + (".." if frm else ""))
    return d


def _pick1(text, r, sdates, ss, se, asides):
    """:func:`_pick` before the forms that change the date found (an interval's "when", a weekday to come)."""
    at = r.cue_at if r.cue_at is not None else r.start
    marks = getattr(r, "marks", ()) or ()
    phrase = getattr(r, "phrase", None)
    mine = next((a for a in asides if a[0] <= at < a[1]), None)

    def ok(d):
        if mine is not None:
            return mine[0] <= d.start < mine[1]
        return not any(a[0] <= d.start < a[1] for a in asides)

    clause = [d for d in sdates if r.start <= d.start and d.end <= r.end + 1]
    # "In 2016, the two governments ...", "Since 2019, the SADC has ...": the sentence's opening date
    lead = [
        d
        for d in sdates
        if d.end <= r.start and _LEAD.fullmatch(text, ss, d.start) and re.fullmatch(r"[\s,]*", text[d.end : r.start])
    ]
    cands = [d for d in lead + clause if ok(d)]
    # "a 2022 security pact": the year dates the pact only
    cands = [
        d
        for d in cands
        if d.kind != "noun"
        or (d.end <= at and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", text[d.end : at]))
        or (
            d.start > at and re.fullmatch(r"[\w-]+\s+(?:[\w-]+\s+)?", text[at : d.start])
        )  # "brokered the January truce"
    ]
    if phrase:  # (with a date right after it: "Mexico's navy said on Tuesday it had seized ...")
        phrase = (phrase[0], max([phrase[1]] + [d.end for d in cands if phrase[1] <= d.start <= phrase[1] + 1]))
    said = [d for d in cands if _SAID.search(text, max(ss, d.start - 40), d.start)]
    # (and the sentence's opening date right before it: "Two days earlier, the agency quoted X as saying")
    in_phrase = [
        d
        for d in cands
        if (
            phrase
            and (phrase[0] <= d.start < phrase[1] or (d in lead and re.fullmatch(r"[\s,]*", text[d.end : phrase[0]])))
        )
        or d in said
    ]
    if r.content:
        cands = [d for d in cands if d not in in_phrase]
    # (a cue that is a noun is no verb: "boycotted a Cambodian briefing on the canal in March")
    verbs = [m for m, k in marks if not _NOUN.search(text, max(ss, m - 30), m)]
    # (what is asked is no verb of its own: "urged X to ease its blockade the following year")
    acts = [m for m, k in marks if k != "asked" and not _NOUN.search(text, max(ss, m - 30), m)]
    # (a clause of "when" is the same moment: "were killed when militants attacked a post late on Monday")
    end = next((m for m in acts if m > at and not re.search(r"\bwhen\b", text[at:m])), None)
    if end is not None and _AND_END.search(text, at, end):
        # "had lodged a protest and summoned the envoy on Tuesday": the date of the last of two verbs joined
        end = next((m for m in acts if m > end), None)
    if r.modality not in ("speculated", "recommended") and _PAST.match(text, at):
        # an act done does not take a date to come ("had agreed to resume the pilgrimage next month")
        cands = [d for d in cands if not _FUTURE.search(d.text)]
    after = [
        d for d in cands if d.start >= at and (end is None or d.start < end) and not _blocked(text, at, d.start, marks)
    ]
    if r.type in SPEECH_ACTS and not r.content:
        after = [d for d in after if d.kind == "following" or not _COMPLEMENT.search(text, at + 1, d.start)]
    if not after:
        # "holding trucks at the border since the crossings first closed last month": from that date on
        since = [
            d
            for d in cands
            if d.start > at
            and d.kind not in ("since", "since_then")
            and (subs := list(_SUB.finditer(text, at, d.start)))
            and subs[-1].group().lower() == "since"
            and len(subs) == 1
            and d.start - subs[-1].end() <= 80
            and not _SPOKE.search(text, at, d.start)
        ]
        if since:
            d = min(since, key=lambda d: d.start)
            after = [replace(d, when=d.when.split("..")[0] + "..", text=f"since ... {d.text}")]
    if _ACCUSED.search(text, max(ss, at - 200), at):
        return min(after, key=lambda d: d.start) if after else None
    # (before the act with no other verb between, or in a closing attribution: "urged both sides ..., according
    # to a statement issued late on Wednesday")
    own = [
        d
        for d in in_phrase
        if (d.end <= at and not any(d.end <= m < at for m in verbs))
        or (phrase is not None and phrase[0] > at and phrase[1] >= se - 2)
    ]
    if r.content and r.type in SPEECH_ACTS and own and r.asserted_by in (r.subject, None):
        return max(own, key=lambda d: d.start)  # the speaker's own accusation or request
    if r.content and phrase is None:  # what an accusation is about ("accused X on Monday of deploying")
        return min(after, key=lambda d: d.start) if after else None
    if r.content:
        # (what is said: after the speaker's phrase when it comes first; "forces advanced on Wednesday, set up
        # checkpoints and detained three shepherds")
        low = phrase[1] if phrase and phrase[1] <= at else ss
        before = [
            d
            for d in cands
            if low <= d.start and d.end <= at and not _blocked(text, d.end, at, marks, True, d.kind == "since")
        ]
        return min(after, key=lambda d: d.start) if after else (max(before, key=lambda d: d.start) if before else None)
    if _NOUN.search(text, max(ss, at - 30), at):
        # a noun's act takes no date of the verb before it ("on Tuesday sent notes objecting to their agreement")
        # (but a sentence's opening date, or one a "when" clause hangs on, is the whole sentence's)
        cands = [
            d
            for d in cands
            if d.start >= at
            or _LEAD.fullmatch(text, ss, d.start)
            or _DURING.search(text, max(ss, at - 40), at)
            or re.fullmatch(r"[\s\w'-]{0,12}", text[d.end : at])
            or re.match(r",\s*when\b", text[d.end : at])
        ]
    # (a date after another verb is that verb's: "fought a war from 1998 to 2000 ..., and signed a peace in 2018")
    before = [
        d
        for d in cands
        if d.end <= at
        and (
            not any(m < d.start for m in verbs)
            or d.kind == "noun"  # "brokered the January ceasefire": the month names the ceasefire
            or _fronted(text, ss, d, at, verbs)  # "In a report released on Monday, the department urged"
            or _DURING.search(text, max(ss, at - 40), at)  # "agreed last week, during a visit by ..."
            or (_AND.fullmatch(text, d.end, at) and _main(text, verbs, d, ss))
            or re.match(r",\s*when\b", text[d.end : at])  # "frozen since 2016, when Beijing cut off contact"
        )
        and not _blocked(text, d.end, at, marks)
    ]
    first = min(after, key=lambda d: d.start) if after else None
    if first is not None and first.kind == "following" and all(any(m < d.start for m in verbs) for d in before):
        return first  # "extended credits in 2022 and lobbied the IMF the following year": not the other verb's
    return max(before, key=lambda d: d.start) if before else (min(after, key=lambda d: d.start) if after else None)


_FRONT = re.compile(r"[\"“]?(?:In|At|During|Through|With|Under)\b[^,;.]*,\s")


def _fronted(text, ss, d, at, verbs):
    """Whether date *d* is in a sentence's opening phrase ("In a report to Congress released on Monday,") that
    the clause of the cue follows, no other verb between."""
    m = _FRONT.match(text, ss)
    return bool(m) and d.end <= m.end() <= at and not any(m.end() <= v < at for v in verbs)


def _main(text, verbs, d, ss):
    """Whether the verb before date *d* is a main verb, not one of "accused X of deporting ...", "the
    explosives that damaged ...", "to reopen ..."."""
    m = max(m for m in verbs if m < d.start)
    past = [w.start() for w in re.finditer(r"\b[a-z]+ed\b", text[ss : d.start])]
    m = max(m, ss + past[-1]) if past else m
    return not re.search(r"\b(?:of|that|which|who|to|for|after|since|when)\s+(?:\w+ly\s+)?$", text[max(ss, m - 30) : m])


def _spoken(text, sdates, ss, se):
    """The date of the remarks a sentence reports ("X told reporters on Tuesday"), or None."""
    said = [d for d in sdates if _SAID.search(text, max(ss, d.start - 40), d.start)]
    return said[-1] if said else None


def attach(text, raws, dates) -> None:
    """Set ``when`` and ``when_why`` of each raw claim from *dates* (every date of *text*)."""
    dates = sorted((d for d in dates if d.when), key=lambda d: d.start)
    starts = [d.start for d in dates]
    sents = sentences(text)
    sstarts = [s for s, _ in sents]
    cache = {}
    for r in raws:
        k = bisect.bisect_right(sstarts, r.start) - 1
        ss, se = sents[k] if k >= 0 else (0, len(text))
        if k not in cache:
            sdates = dates[bisect.bisect_left(starts, ss) : bisect.bisect_left(starts, se)]
            asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, ss, se)]
            cache[k] = sdates, asides
        sdates, asides = cache[k]
        d = _pick(text, r, sdates, ss, se, asides)
        at = r.cue_at if r.cue_at is not None else r.start
        if d is None and r.type in SPEECH_ACTS and not r.content and k > 0 and _ALSO.fullmatch(text, ss, at):
            # "Kazemi told reporters on Tuesday ... Kazemi also accused ...": dated by the remarks before (heldout8)
            for ps, pe in reversed(sents[max(0, k - 3) : k]):
                d = _spoken(text, dates[bisect.bisect_left(starts, ps) : bisect.bisect_left(starts, pe)], ps, pe)
                if d is not None:
                    break
        r.when, r.when_why = (d.when, d.why()) if d is not None else (None, None)
        if d is None and r.type == "ASSAULT":
            m = _CLAIMED.search(text, r.start, r.end + 1)
            if m:
                noun = m["ev"] or m["ev2"] or "attack"
                before = dates[: bisect.bisect_left(starts, m.start())]
                when = event_date(text, m.start(), noun, before)
                r.when, r.when_why = when, (f"'{m.group()}' -> {when}, the date given for the {noun}" if when else None)
