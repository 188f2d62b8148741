"""Who says it: the speaker of a sentence, the headline's attribution, and denials that point back.

- :func:`speech` finds a sentence's speech cue and splits it into the *speaker phrase* and the
  *content*: "S, a Pentagon spokesman said on Wednesday" (closing), "X said on Tuesday that S" /
  "X told reporters S" (opening), "according to X, S" / "S, according to X", and a headline's
  "S, says X" / "S: X". In the speaker phrase the speaker is the person named there, else the
  first actor that is not a place ("a Pakistani diplomat in Washington" is Pakistan); "X's
  spokesman" speaks for X. Actors of the speaker phrase are never actors of the content.
- :func:`denial_pointer` finds a denial that points back ("denied the charge", "rejected the
  allegations", "a charge Islamabad rejected", "These accusations are baseless"): the draft then
  denies the claims of the clause it points to, with the denier as ``asserted_by``.

>>> from graph.draft.tokens import tokenise
>>> from graph.draft.lexicon import Lexicon
>>> text = "The attack came from Kabul, a Pentagon spokesman said on Wednesday."
>>> toks = tokenise(text)
>>> parts = [(text.index("Kabul"), text.index("Kabul") + 5, "AFG", "capital", "state"),
...          (text.index("Pentagon"), text.index("Pentagon") + 8, "USA-DOD", "office", "office")]
>>> s = speech(text, toks, parts, Lexicon.load())
>>> s.speaker, text[s.phrase[0]:s.phrase[1]], text[s.content[0]:s.content[1]]
('USA-DOD', 'a Pentagon spokesman said on Wednesday', 'The attack came from Kabul')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Speech", "speech", "denial_pointer", "PRONOUNS"]

PRONOUNS = {"he": "person", "she": "person", "it": "thing"}
_THAT = {"that"}
_OBJ_OF_TOLD = {
    "reporters",
    "journalists",
    "a",
    "the",
    "briefing",
    "press",
    "conference",
    "weekly",
    "regular",
    "news",
    "agency",
    "parliament",
    "lawmakers",
    "senators",
    "television",
    "radio",
    "an",
    "interview",
    "business",
    "forum",
    "committee",
    "meeting",
    "crowd",
    "supporters",
    "audience",
    "in",
    "on",
    "at",
    "with",
    "statement",
    "emailed",
    "post",
    "message",
    "to",
    "x",
}
_PLACE_PREP = {"in", "at", "from", "near"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople"}


@dataclass
class Speech:
    """A sentence's attribution: speaker entity (None: unnamed, "officials"), the speaker phrase and
    the content (character spans), the speech cue's words and where it is ('open', 'close', 'headline')."""

    speaker: str | None
    phrase: tuple
    content: tuple
    cue: str
    form: str
    subject: bool = False  # the phrase is only the sentence's subject ("Turkey, which brokered ..., said S")
    together: tuple = ()  # the speakers named together ("Britain, France and Germany said"), each its own


def _together(text, parts):
    """The actors of a speaker phrase named together as its subject ("Britain, France and Germany said"):
    two or more, no person, joined only by commas and "and" (empty: one speaker).

    >>> text = "Britain, France and Germany said"
    >>> parts = [(0, 7, "GBR", "name", "state"), (9, 15, "FRA", "name", "state"), (20, 27, "DEU", "name", "state")]
    >>> _together(text, parts)
    ('GBR', 'FRA', 'DEU')
    """
    if len(parts) < 2 or any(p[4] == "person" for p in parts):
        return ()
    run = [parts[0]]
    for p in parts[1:]:
        if text[run[-1][1] : p[0]].strip(" ,").removeprefix("and").strip() or p[1] <= run[-1][1]:
            break
        run.append(p)
    return tuple(dict.fromkeys(p[2] for p in run)) if len(run) > 1 else ()


def _only_a_name(text, parts, s, e):
    """Whether the text from *s* to *e* is one actor's name and nothing else (an article aside): the
    subject before an apposition ("Turkey, Azerbaijan's closest ally, said ..."), not a quote.

    >>> _only_a_name("The Taliban, its allies said", [(4, 11, "TAL", "name", "armed_group")], 0, 11)
    True
    """
    inside = [p for p in parts if s <= p[0] and p[1] <= e]
    if len(inside) != 1:
        return False
    rest = (text[s : inside[0][0]] + text[inside[0][1] : e]).strip(" ,\"'“”").lower()
    return rest in ("", "the")


def _named_in(parts, s, e):
    return [p for p in parts if s <= p[0] and p[1] <= e]


def _known_as(text, parts, p):
    """The actor that *p* is said to be known as right after it ("Itamaraty, as Brazil's foreign ministry is
    known,"), else *p*."""
    for q in parts:
        if q[0] > p[1] and re.fullmatch(r"\s*,\s*as\s+(?:the\s+)?", text[p[1] : q[0]]):
            if re.match(r"\s+is\s+(?:\w+ly\s+)?(?:known|called)\b", text[q[1] : q[1] + 30]):
                return q
    return p


def _pick_speaker(text, parts):
    """The speaker among the actors of a speaker phrase: a person, else the first actor not a place."""
    persons = [p for p in parts if p[4] == "person"]
    if persons:
        return persons[-1][2]
    # "Pakistan's Inter-Services Public Relations said": the possessor's office speaks
    parts = [
        p for p in parts if not (text[p[1] : p[1] + 2] in ("'s", "’s") and any(q[0] > p[1] for q in parts))
    ] or parts
    for p in parts:
        before = text[max(0, p[0] - 4) : p[0]].strip().lower()
        if before.split()[-1:] and before.split()[-1] in _PLACE_PREP:
            continue
        return p[2]
    return None


def speech(text, stoks, parts, lexicon, headline=False):
    """The :class:`Speech` of the sentence of tokens *stoks* (None: no attribution). *parts* are
    (start, end, entity, how, kind) of the actors named in it (pronouns resolved)."""
    if not stoks:
        return None
    ss, se = stoks[0].start, stoks[-1].end
    lows = [t.lower for t in stoks]
    if headline:
        h = _headline(text, stoks, lows, parts)
        if h:
            return h
    hits = lexicon.find_phrases(lexicon.speech, stoks)
    # "territorial claims on Azerbaijan", "the claim": a noun, not a verb of speech; "claimed responsibility for":
    # an act
    hits = [
        h
        for h in hits
        if not (
            lows[h[0]] in ("claim", "claims")
            and h[0] > 0
            and stoks[h[0] - 1].text.islower()
            and lows[h[0] - 1] not in ("he", "she", "it", "they", "officials", "who", "which")
        )
        and not (lows[h[0]].startswith("claim") and lows[h[0] + 1 : h[0] + 2] == ["responsibility"])
        and not (lows[h[0]] in ("claim", "claims") and _noun_after_name(stoks, lows, h[0]))
        and not _an_act(lows, h[0], h[1])
    ]
    hits = sorted(set(hits), key=lambda h: (h[0], -h[1]))
    for i, j, words in hits:
        w = words.lower()
        if w in ("according to",):
            after = [p for p in parts if p[0] >= stoks[j - 1].end]
            if not after or after[0][0] - stoks[j - 1].end > 40:
                after = []
            end = after[0][1] if after else stoks[min(j, len(stoks) - 1)].end
            k = next((x for x in range(j, len(stoks)) if stoks[x].start >= end), len(stoks))
            while k < len(stoks) and stoks[k].lower not in (",", ".", ";"):
                k += 1
            phrase = (stoks[i].start, stoks[k - 1].end)
            content = (ss, stoks[i - 1].end) if i > 0 and stoks[i - 1].lower == "," else (phrase[1], se)
            if i > 0 and stoks[i - 1].lower == ",":
                content = (ss, stoks[i - 2].end if i >= 2 else ss)
            elif k < len(stoks):
                content = (stoks[min(k + 1, len(stoks) - 1)].start, se)
            return Speech(_pick_speaker(text, _named_in(parts, *phrase)), phrase, content, words, "according")
        if w in _SPOKES:
            continue
        if w == "saying":
            # "..., a charge Kabul rejects, saying S": S is said by the actor just before
            before = [p for p in parts if p[1] <= stoks[i].start]
            if j < len(stoks) and before:
                return Speech(before[-1][2], (stoks[i].start, stoks[i].end), (stoks[j].start, se), words, "open")
            continue
        # closing: "..., <speaker phrase> said [on Wednesday | in a statement | told reporters ...]."
        # (after a closing quote mark the whole phrase up to the verb speaks: '"...," a spokesman of its
        # Northern Command, Col Manish Rathore, said')
        tail = len(stoks) - j
        b = i - 1
        while b >= 0 and lows[b] not in (",", '"', "”", "“", ";", ":", "—"):
            b -= 1
        q = next((x for x in range(i - 1, max(-1, i - 20), -1) if lows[x] in ('"', "”")), None)
        if q is not None and b > q and q > 0 and lows[q - 1] in (",", "."):
            b = q
        elif b == i - 1 and b > 0:
            # ", China's special envoy to the Middle East, Wang Chenggang, said": back over the apposition
            for _ in range(2):
                b2 = b - 1
                while b2 >= 0 and lows[b2] not in (",", '"', "”", "“", ";", ":", "—"):
                    b2 -= 1
                if b2 < 0 or b - b2 > 10:
                    break
                b = b2
                if not all(stoks[x].text[:1].isupper() for x in range(b2 + 1, b2 + 2)):
                    break
        if b > 0 and lows[b - 1] == "that":
            continue  # "a statement that, New Delhi said, watered down ...": a parenthesis
        # "X, which has ..., claimed S", '... "dangerous behaviour" and said S': no speaker phrase before
        relative = b + 1 < i and lows[b + 1] in ("which", "who", "whose", "and", "but")
        # "... oil blocks in waters that Venezuela claims": a relative clause's verb, not a closing attribution
        relative = relative or any(lows[x] in ("that", "which", "whom") for x in range(b + 2, i))
        # "..., X said Washington was working with Islamabad": what follows the verb is what is said
        clause_after = any(p[0] >= stoks[j - 1].end for p in parts) and any(
            w in ("was", "were", "is", "are", "had", "has", "have", "would", "will", "could") for w in lows[j:]
        )
        relative = relative or clause_after
        after_j = [w for w in lows[j : j + 4] if w != "\0"]
        comma_after = j < len(stoks) and (
            lows[j] == "," or (j + 2 < len(stoks) and lows[j] == "on" and lows[j + 2] == ",") or after_j[:1] == [","]
        )
        if (
            b >= 0
            and i - b > 1
            and (tail <= 12 or comma_after)
            and i - b <= 18
            and w != "saying"
            and not relative
            and not any(lows[x] in _THAT for x in range(j, min(len(stoks), j + 8)))
        ):
            phrase = (stoks[b + 1].start, se if stoks[-1].text not in ".!?" else stoks[-2].end)
            cm = next((x for x in range(j, min(len(stoks) - 1, j + 4)) if lows[x] == ","), None)
            if cm is not None and lows[cm + 1].endswith("ing") and stoks[cm + 1].text.islower():
                phrase = (phrase[0], stoks[cm - 1].end)  # ", accusing Y of ...": the speaker's own act, told after
            c_end = b
            while c_end > 0 and lows[c_end] in (",", '"', "”", "“", ";", ":", "—"):
                c_end -= 1
            if c_end < 0 or stoks[c_end].start < ss:
                continue
            # (not "Turkey, Azerbaijan's closest ally, said it ...": a name alone is no quote; the subject speaks)
            if not (j + 1 < len(stoks) and _only_a_name(text, parts, ss, stoks[c_end].end)):
                speaker = _pick_speaker(text, _named_in(parts, stoks[b + 1].start, stoks[i].start))
                return Speech(speaker, phrase, (ss, stoks[c_end].end), words, "close")
        # opening: "<speaker phrase> said [on Tuesday] [that] S" / "X told reporters S"
        a = i - 1
        ends = {p[1] for p in parts}
        while a >= 0 and (
            lows[a] not in (",", ";", ":", '"', "”", "“", "and", "but", "while")
            or (
                lows[a] in ("and", ",")
                and a > 0
                and stoks[a - 1].end in ends
                and any(p[0] == stoks[a + 1].start for p in parts)
            )
        ):
            a -= 1  # (not at the "and" of "India and China said": both speak)
        named = _named_in(parts, stoks[a + 1].start if a + 1 < i else stoks[i].start, stoks[i].start)
        if (
            a + 1 == i
            and a >= 0
            and lows[a] == ","
            and i <= 16
            and not any(w in _THAT or w == '"' for w in lows[:i])
            and any(p[4] == "person" for p in _named_in(parts, ss, stoks[i].start))
        ):
            # "A Taliban spokesman, Mawlawi Saifullah Qaderi, said S": the apposition names the speaker
            named = _named_in(parts, ss, stoks[i].start)
            a = -1
        elif a + 1 == i and a >= 0 and lows[a] in (",", "and") and parts and parts[0][0] == ss:
            # "Turkey, which brokered ..., said S" / "X rejected ... and said S": the sentence's subject speaks
            named = [_known_as(text, parts, parts[0])]
            a = -1
        together = _together(text, sorted(parts) if len(named) == 1 and a == -1 else sorted(named))
        if a + 1 < i and named or (a + 1 < i and i - a <= 4) or (a == -1 and named):
            k = j
            while k < len(stoks) and lows[k] in _OBJ_OF_TOLD and lows[k] != "that":
                k += 1
            while k > j and k < len(stoks) and lows[k] != "that" and lows[k - 1] in ("the", "a", "an", "in", "on"):
                k -= 1  # "said the Islamic Emirate had ...": the article opens what is said
            if k < len(stoks) and lows[k] == "that":
                k += 1
            elif k < len(stoks):
                # "told the weekly press briefing" / "said on Tuesday": the content starts after
                for x in range(j, min(j + 10, len(stoks))):
                    if lows[x] == "that":
                        k = x + 1
                        break
            if k >= len(stoks) or not any(t.text[:1].isalnum() for t in stoks[k:]):
                continue  # ("... in waters that Venezuela claims."): nothing is said
            speaker = _pick_speaker(text, named)
            ps = (
                named[0][0]
                if a == -1 and named and named[0][0] == ss and i > 0 and lows[i - 1] in (",", "and")
                else None
            )
            phrase = (ps, named[0][1]) if ps is not None else (stoks[a + 1].start, stoks[k - 1].end)
            return Speech(
                speaker,
                phrase,
                (stoks[k].start, se),
                words,
                "open",
                subject=ps is not None,
                together=together,
            )
    return None


# (not "the", "for", "in": "..., while the Kremlin claims that S" is speech)
_NOUN_BEFORE = {"over", "on", "of", "about", "against", "amid", "after", "despite", "a", "an", "its", "their", "his"}
_NOUN_BEFORE |= {"her", "rejects", "dismisses", "denies", "disputes", "rejected", "dismissed", "denied", "disputed"}


def _noun_after_name(stoks, lows, i):
    """Whether "claim(s)" at *i* is a noun after a name used as a modifier: "over Dokdo claim", "rejects the
    Kremlin's claims", "a Russian claim" (the name is not the one who claims)."""
    k = i - 1
    while k >= 0 and (stoks[k].text[:1].isupper() or lows[k] == "'s"):
        k -= 1
    return lows[i - 1] == "'s" or (k < i - 1 and k >= 0 and lows[k] in _NOUN_BEFORE)


_ACT_OR_SAY = {"announce", "announces", "announced", "announcing", "declare", "declares", "declared", "declaring"}
# (what may follow such a verb that says something: "announced on Monday that", "declared in a statement")
_SAYS_NEXT = {",", ".", ";", ":", "that", '"', "“", "”", "'", "on", "in", "at", "late", "earlier", "yesterday", "today"}
_SAYS_NEXT |= {"last", "this", "via", "through", "after", "before", "during", "\0", "-", "—", "(", "to", "it", "he"}
_SAYS_NEXT |= {"she", "they", "we", "i"}


def _an_act(lows, i, j):
    """Whether "announced"/"declared" at *i* (to *j*) takes an object, an act and not speech: "declared war on
    Y", "announced sanctions on Y", "declared the envoy persona non grata" (but "declared that S", "announced on
    Monday that S", "..., X declared.")."""
    if lows[i] not in _ACT_OR_SAY or j - i != 1 or j >= len(lows) or lows[j] in _SAYS_NEXT:
        return False
    k = j
    while k < len(lows) and k < j + 8 and lows[k] not in (",", ";", "."):
        if lows[k] in ("that", '"', "“", ":"):
            return False
        k += 1
    return True


def _headline(text, stoks, lows, parts):
    """A headline's attribution: "S, says X", "S, X says", "S, X report finds", "S: X"."""
    n = len(stoks)
    for k in range(n - 1, 0, -1):
        if lows[k] in (",", ":", "—", "-") and k < n - 1:
            rest = lows[k + 1 :]
            if lows[k] == ":" and len(rest) <= 4:
                phrase = (stoks[k + 1].start, stoks[-1].end)
                return Speech(
                    _pick_speaker(text, _named_in(parts, *phrase)),
                    phrase,
                    (stoks[0].start, stoks[k - 1].end),
                    ":",
                    "headline",
                )
            if rest and rest[0] in ("says", "say", "said", "claims") and len(rest) <= 6:
                phrase = (stoks[k + 1].start, stoks[-1].end)
                return Speech(
                    _pick_speaker(text, _named_in(parts, *phrase)),
                    phrase,
                    (stoks[0].start, stoks[k - 1].end),
                    rest[0],
                    "headline",
                )
            # ("..., UN report finds", "..., inquiry concludes": a document's finding, claimed by its author)
            if rest and rest[-1] in ("says", "say", "said", "finds", "find", "shows", "concludes") and len(rest) <= 5:
                phrase = (stoks[k + 1].start, stoks[-1].end)
                return Speech(
                    _pick_speaker(text, _named_in(parts, *phrase)),
                    phrase,
                    (stoks[0].start, stoks[k - 1].end),
                    rest[-1],
                    "headline",
                )
            break
    return None


_CALL = {"call", "calls", "called", "calling", "described", "describes", "branded", "brands", "termed", "terms"}


def denial_pointer(stoks, lexicon):
    """``(verb index, pointer index, 'back' | 'before')`` of a denial that points to a claim made
    elsewhere ("denied the charge" points back to the clause before; ", a charge X rejected"
    points to what precedes it in the sentence), or None."""
    lows = [t.lower for t in stoks]
    mod = lexicon.modality
    verbs = {w for p in mod.get("denial", ()) for w in p}
    pointers = [p for p in mod.get("pointers", ())]
    firsts = {p[0] for p in pointers}
    baseless = {w for q in mod.get("baseless", ()) for w in q}
    for k in range(len(lows)):
        if lows[k] not in firsts:
            continue
        for p in pointers:
            if tuple(lows[k : k + len(p)]) != p:
                continue
            end = k + len(p)
            # ", a charge New Delhi has repeatedly rejected"
            if (
                k > 0
                and lows[k - 1] == ","
                and p[0] in ("a", "an")
                and any(lows[x] in verbs for x in range(end, min(end + 6, len(lows))))
            ):
                v = next(x for x in range(end, min(end + 6, len(lows))) if lows[x] in verbs)
                return v, k, "before"
            # "denied the charge", "rejected the allegations", "dismissed the allegation as baseless"
            if (
                k > 0
                and lows[k - 1] in verbs
                and (
                    end >= len(lows)
                    or lows[end] in (",", ".", "as", "and", "in", "on", "that", "of", "made", "by", ";")
                )
            ):
                if end < len(lows) and lows[end] in ("that", "of") or (end + 1 < len(lows) and lows[end] == "by"):
                    continue  # "denied the charge that S", "the accusation of V-ing": the content is there
                return k - 1, k, "back"
            # "called the report 'a fabrication'", "described the accusations as baseless": a denial in
            # the words it is called
            if k > 0 and lows[k - 1] in _CALL and any(w in baseless for w in lows[end : end + 5]):
                return k - 1, k, "back"
            # "These accusations are baseless"
            if (
                end + 1 < len(lows)
                and lows[end] in ("are", "were", "is", "was")
                and any(w in baseless for w in lows[end + 1 : end + 3])
            ):
                return end, k, "back"
    return None
