"""Condemnation told as a verdict on an act: "X called the expulsion 'a provocation'", "described the
move as illegal", "condemned the decision", "the incursion was 'absolutely unacceptable'", "'Such actions
are unacceptable,' Y said": the one who judges (the subject of the verb, else the speaker) ACCUSEs
(disapprove) whoever did the act told before (the act the noun names, else the last act of another side,
else the one the judge's side protested to); used by :mod:`graph.draft.claims` for each sentence.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: EST, name: Estonia, kind: state}, {id: RUS, name: Russia, kind: state}]")
>>> for c in draft('Estonia expelled a Russian diplomat. Moscow called the expulsion "a provocation".', ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
EST SANCTION RUS reported None
RUS ACCUSE EST reported None
"""

from __future__ import annotations

import re

from .clause import Raw
from .sides import top as _top
from .syntax import rel_spans
from .tokens import tokenise

__all__ = ["verdicts"]

# verbs that pass a verdict on what follows ("called the move illegal"), and those that condemn it outright
_JUDGE = {"call", "calls", "called", "calling", "describe", "describes", "described", "describing", "term"}
_JUDGE |= {"terms", "termed", "brand", "brands", "branded", "label", "labels", "labelled", "labeled", "dubbed"}
_CONDEMN = {"condemn", "condemns", "condemned", "condemning", "denounce", "denounces", "denounced", "deplored"}
_CONDEMN |= {"deplores", "slammed", "slams", "criticised", "criticized", "criticises", "criticizes", "decried"}
_DET = {"the", "this", "that", "such", "these", "those", "its", "their", "his", "her", "'s"}
# nouns of an act in general (an act named by a cue of the lexicon counts too: "the expulsion", "the raid")
_ACTS = {"decision", "decisions", "move", "moves", "step", "steps", "action", "actions", "act", "acts"}
_ACTS |= {"measure", "measures", "incident", "incidents", "incursion", "incursions", "annulment", "ruling"}
_BAD = {"illegal", "unlawful", "illegitimate", "unacceptable", "provocation", "provocative", "colonial"}
_BAD |= {"absurd", "aggression", "aggressive", "hostile", "irresponsible", "reckless", "unjustified"}
_BAD |= {"unjustifiable", "unfriendly", "outrageous", "barbaric", "criminal", "null", "void", "invalid"}
_BAD |= {"blackmail", "escalation", "dangerous", "destabilising", "destabilizing", "cowardly", "heinous"}
_BAD |= {"deplorable", "unprovoked", "violation", "violate", "violates", "interference", "intolerable"}
_BAD |= {"untenable", "betrayal", "expropriation", "theft", "piracy", "insult", "affront", "outrage", "shameful"}
_BAD |= {"unwarranted", "regrettable", "unlawfully", "kidnapping", "sabotage", "hostage", "terrorism", "genocide"}
_NOMINAL = ("sion", "tion", "ment", "ure", "ing", "al")
_OPENS = {"that", ",", "said", "says", "say", "told", "added", "insisted", "stated"}
_BE = {"is", "was", "are", "were", "been", "be", "remains", "remain"}
_QUOTES = {'"', "“", "”", "'", "‘", "’"}
_NOT_ACTS = {"ACCUSE", "REQUEST", "CONSULT"}
# what a verdict is passed on: a hostile or unilateral act (not a rapprochement, unless the noun names it)
_JUDGED = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN", "REJECT", "PROTEST"}


def _plain(lows, k):
    """The next token index from *k* that is no quotation mark or adverb in -ly ("absolutely")."""
    while k < len(lows) and (lows[k] in _QUOTES or (lows[k].endswith("ly") and len(lows[k]) > 4)):
        k += 1
    return k


def _act_noun(lows, toks, k, lexicon):
    """The act noun at token *k* ("the expulsion", "such actions"), or None."""
    if k >= len(lows):
        return None
    if lows[k] in _ACTS:
        return lows[k]
    if lows[k].endswith(_NOMINAL) and toks[k].text.islower():
        return lows[k]  # "the expulsion", "the closure", "the shelling"
    hit = next(iter(lexicon.find_cues(toks[k : k + 1])), None)
    if hit is not None and hit.entry["type"] not in _NOT_ACTS and not lows[k].endswith(("ed", "s")):
        return lows[k]
    return None


def _noun_type(noun, lexicon):
    """The type of the act noun when the lexicon names it ("attack": ASSAULT), else None ("the decision")."""
    hit = next(iter(lexicon.find_cues(tokenise(noun))), None)
    return hit.entry["type"] if hit is not None and hit.entry["type"] not in _NOT_ACTS else None


def _find(lows, toks, lexicon):
    """(token of the judging word or act noun, act noun, judged by the verb's subject, token of the act noun) of a
    verdict, or None."""
    for k, w in enumerate(lows):
        if w in _JUDGE or w in _CONDEMN:
            d = _plain(lows, k + 1)
            # ("calls move 'economic aggression'": a headline's noun with no determiner)
            if d < len(lows) and (lows[d] in _DET or (lows[d] in _ACTS and w in _JUDGE)):
                d = _plain(lows, d + 1) if lows[d] in _DET else d
                noun = _act_noun(lows, toks, d, lexicon)
                rest = lows[d + 1 : d + 11]
                if noun and (w in _CONDEMN or any(x in _BAD for x in rest)):
                    return k, noun, True, d
        # ", a move New Delhi called 'untenable'": the judge between the act noun and the verb
        if w in _ACTS and k > 0 and lows[k - 1] in ("a", "an"):
            v = next((x for x in range(k + 2, min(k + 7, len(lows))) if lows[x] in _JUDGE), None)
            if v is not None and (
                all(t.text[:1].isupper() or t.lower == "'s" for t in toks[k + 1 : v])
                or (v - k == 3 and lows[k + 1] == "the")
            ):
                if any(x in _BAD for x in lows[v + 1 : v + 7]):
                    return v, w, True, k
        if w in _DET and w != "'s" and (k == 0 or lows[k - 1] in _QUOTES or lows[k - 1] in _OPENS):
            noun = _act_noun(lows, toks, k + 1, lexicon)
            if noun and k + 2 < len(lows) and lows[k + 2] in _BE:
                b = _plain(lows, k + 3)
                b = _plain(lows, b + 1) if b < len(lows) and lows[b] in ("a", "an", "been") else b
                if b < len(lows) and lows[b] in _BAD:
                    return k + 1, noun, False, k + 1
    return None


def verdicts(text, stoks, in_sentence, here, ctx, sp, lexicon):
    """The ACCUSE candidates of a verdict on an act in the sentence *stoks* (none when it has none), the denied
    claims of a verdict on a charge the lexicon's pointers miss (:mod:`graph.draft.denials`) and the acts told again
    by reference (:mod:`graph.draft.echoes`)."""
    from .denials import denials
    from .echoes import echoes
    from .letcharges import denied_here, let_charges

    out = let_charges(text, stoks, in_sentence, here, ctx)
    out += denied_here(text, stoks, in_sentence, out, ctx, sp, lexicon)
    out += _verdicts(text, stoks, in_sentence, here + out, ctx, sp, lexicon)
    out += denials(text, stoks, in_sentence, here + out, ctx, sp, lexicon)
    return out + echoes(text, stoks, in_sentence, here + out, ctx, sp)


def _verdicts(text, stoks, in_sentence, here, ctx, sp, lexicon):
    lows = [t.lower for t in stoks]
    found = _find(lows, stoks, lexicon)
    if found is None:
        return []
    k, noun, by_verb, d = found
    at = stoks[k].start
    judge, claimant = None, None
    if by_verb:
        # (not an actor of a relative clause: "France, which also contributes troops to the mission, condemned")
        rels = [(stoks[a].start, stoks[b - 1].end) for a, b in rel_spans(stoks) if b > a]
        before = [
            x
            for x in in_sentence
            if x[1] <= at
            and (sp is None or not sp.phrase[0] <= x[0] < sp.phrase[1])
            and not any(a <= x[0] < b for a, b in rels)
            # (not where the judge's mission sits: "China's embassy in Dushanbe condemned")
            and not re.search(r"\b(?:embassy|consulate|mission|office)\s+in\s+$", text[max(0, x[0] - 20) : x[0]], re.I)
        ]
        judge = before[-1][2] if before else None
        if lows[k].endswith("ing") and k > 0 and lows[k - 1] == ",":
            # ("Kyiv's ministry said it had expelled the consul, calling the expulsion ..."): the sentence's subject
            first = [x for x in in_sentence if x[1] <= at and not any(a <= x[0] < b for a, b in rels)]
            judge = sp.speaker if sp is not None and sp.speaker else (first[0][2] if first else judge)
        elif judge is None and sp is not None and not (sp.content[0] <= at < sp.content[1]):
            judge = sp.speaker
        elif judge is not None and sp is not None and sp.content[0] <= at < sp.content[1]:
            claimant = sp.speaker
    elif sp is not None and sp.content[0] <= at < sp.content[1]:
        judge = sp.speaker
    if judge is None:
        return []
    # the judge's side: itself, and who it speaks for ("Foreign Office spokesperson Sadia Qureshi told")
    side = {judge}
    if sp is not None and judge == sp.speaker:
        side |= {x[2] for x in in_sentence if sp.phrase[0] <= x[0] < sp.phrase[1]}

    def same(a, b):
        return any(ctx.same(a, x) for x in side) if b == judge else ctx.same(a, b)

    acts = [r for rs in ctx.history[-6:] for r in rs] + list(here)
    acts = [r for r in reversed(acts) if r.modality in ("reported", "claimed")]
    told = [r for r in acts if r.type not in _NOT_ACTS and not same(r.subject, judge)]
    # (an act the lexicon names, "the attack", "the expulsion" of its verb, is an act of that type)
    cue = next(iter(lexicon.find_cues(stoks[k : k + 1])), None) if not by_verb else None
    kind = cue.entry["type"] if cue is not None else _noun_type(noun, lexicon)
    told = [r for r in told if kind is None or r.type == kind]
    named = [r for r in told if noun[:5] in " ".join(map(str, r.why[:1])).lower()]
    told = [r for r in told if r.type in _JUDGED]
    # (else the act of the side the judge's side protested to: "lodged a protest with Iran ... Such actions")
    protested = [r.object for r in acts if r.type == "ACCUSE" and same(r.subject, judge)]
    doer = named[0].subject if named else (told[0].subject if told else (protested[0] if protested else None))
    if d < k:
        # (", a move New Delhi called 'untenable'": the act told before in the sentence, else its first actor's)
        mine = [r for r in reversed(here) if (r.cue_at or r.start) < stoks[d].start and not same(r.subject, judge)]
        first = [x for x in in_sentence if x[1] <= stoks[d].start and not same(x[2], judge) and x[4] != "person"]
        doer = mine[0].subject if mine else (_top(first[0][2], ctx.owner) if first else None)
        claimant = None  # (the narrator's aside, not what the speaker says)
    # ("the expulsion of its diplomats by Budapest": the doer named after "by")
    by = next((x for x in range(d + 1, min(d + 6, len(lows))) if lows[x] == "by"), None)
    agent = next((x for x in in_sentence if by is not None and stoks[by].end <= x[0] <= stoks[by].end + 5), None)
    doer = agent[2] if agent is not None and agent[4] != "person" else doer
    if (
        doer is None
        or same(doer, judge)
        or any(r.subject == judge and r.type == "ACCUSE" and r.object == doer for r in here)
        # (the verb already judged whom by its own cue: "the Kremlin condemned the attack", who attacked)
        or any(r.subject == judge and r.type == "ACCUSE" and r.cue_at == at for r in here)
    ):
        return []
    cs, ce = stoks[0].start, stoks[-1].end
    why = [f"'{stoks[k].text}' -> ACCUSE/disapprove", f"a verdict on the {noun}: the act of {doer}, told before"]
    mod = "claimed" if claimant is not None and claimant != judge else "reported"
    by = claimant if mod == "claimed" else None
    return [Raw(judge, doer, "ACCUSE", "disapprove", mod, by, cs, ce, at, why, 0.5, "verdict", mod == "claimed")]
