"""The other party of an act a clause tells with one actor: whether a protest, demand, rejection or threat may be
addressed to the other side of the story, and what "condemned the attack", "rejected the demand" point back to;
used by :mod:`graph.draft.cue_pairs`.

>>> from graph.draft.lexicon import Lexicon
>>> from graph.draft.tokens import tokenise
>>> lex = Lexicon.load()
>>> toks = tokenise("Borland dismissed those concerns")
>>> hit = lex.find_cues(toks)[0]
>>> types, k = told(hit, toks, [t.lower for t in toks], lex)
>>> sorted(types), toks[k].text
(['ACCUSE', 'REQUEST'], 'concerns')
"""

from __future__ import annotations

from .lexicon import CueHit
from .sides import opponent, side, two_sides
from .sides import top as _top
from .syntax import AUX, passive, verb_form

__all__ = ["at_border", "counterpart", "one_sided", "says_to_side", "told"]

_HOSTILE = {"ASSAULT", "COERCE", "MOBILIZE"}
# acts said to someone, who may be left implicit: the other side of the story
_AT_SIDE = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION"}
_OFFICIAL = {"state", "office", "de_facto_authority"}
_AT_BORDER = {"RETREAT", "COERCE", "MOBILIZE", "CONCEDE", "AID"}

# what may stand before the subject of a main clause ("Japan demanded", ", and Chisinau has demanded"; not "a step
# Ankara had sought", "when Ethiopia rejected")
_OPENERS = {",", "and", "but", "said", "says", "that", ";", ":", "the", "—", "–", "then", "also", "so", "yet"}
_OPENERS |= {'"', "“", "”", "'", "’", "in", "on", "meanwhile", "separately", "however", "instead"}


def says_to_side(hit, toks, lows, subject):
    """Whether a protest, demand, rejection or threat of the one group *subject* may be addressed to the other
    side of the story: told in a main clause (not "a step Ankara had sought", "when Ethiopia rejected its draft",
    "rebels who refused to disarm"), with no unnamed addressee ("asked the caretaker government in Kabul to")."""
    at = subject[0].ti
    if at > 0 and lows[at - 1] not in _OPENERS and not toks[at - 1].text[:1].isdigit():
        return False
    if hit.i > 0 and lows[hit.i - 1] in ("who", "which", "that", "whom"):
        return False
    if hit.j < len(toks) and lows[hit.j] == "what":
        return False  # "rejected what it called 'false accusations'": a denial, told as such
    if (
        hit.entry["type"] == "REJECT"
        and hit.j < len(toks)
        and toks[hit.j].text.isalpha()
        and toks[hit.j].text.islower()
    ):
        if lows[hit.j] not in _POINT | {"a", "an", "their", "his", "her", "all"}:
            return False  # "have rejected criticism of their policies": a stance, to no one in particular
    return not (
        hit.entry["type"] == "REQUEST"
        and hit.j + 1 < len(toks)
        and lows[hit.j] in ("the", "a", "an")
        and toks[hit.j + 1].text.islower()
    )


# what a rejection rejects that someone asked or objected ("rejected the demand", "the objection", "dismissed those
# concerns")
_ASKED = {"demand", "demands", "request", "call", "calls", "appeal", "ultimatum", "objection", "objections", "protest"}
_ASKED |= {"requests", "appeals", "protests", "concerns", "concern", "criticism", "criticisms", "complaint"}
_ASKED |= {"complaints", "warning", "warnings", "threat", "threats", "pressure"}
# what a rejection turns down that someone offered ("rejected every such proposal")
_OFFERED = {"offer", "offers", "proposal", "proposals", "plan", "initiative", "invitation", "overture", "overtures"}
_GIVEN = {"AID", "CONSULT", "AGREE", "COOPERATE", "CONCEDE", "RETREAT"}
# what a welcome or an acceptance answers that someone gave or did for the welcomer ("welcomed the offer",
# "accepted the proposal", "praised the gesture", "welcomed the decision")
_DONE = _OFFERED | {"gesture", "gestures", "step", "steps", "move", "decision", "pledge", "pledges", "promise"}
_DONE |= {"release", "withdrawal", "assistance", "aid", "help", "donation", "delivery", "deal", "agreement"}
_WELCOME = {"SUPPORT", "AGREE"}
_POINT = {"the", "this", "that", "these", "those", "its", "both", "every", "such", "any"}
_QUOTE = {'"', "“", "”", "'", "‘", "’"}


def told(hit, toks, lows, lexicon):
    """(the types of the act an accusation or rejection points back to, the index of its noun), or None:
    "condemned the attack", "the 'cowardly' attack": ASSAULT; "rejected the demand", "dismissed those concerns":
    REQUEST or ACCUSE; "rejected every such proposal", "welcomed the offer", "accepted the proposal": what one gives
    or offers."""
    if hit.j + 1 >= len(toks) or lows[hit.j] not in _POINT:
        return None
    k = hit.j + 1
    if k < len(toks) and lows[k] == "such":
        k += 1
    if k < len(toks) and lows[k] in _QUOTE:  # (a word quoted before the noun)
        close = next((x for x in range(k + 1, min(k + 5, len(toks))) if lows[x] in _QUOTE), None)
        k = close + 1 if close is not None else k
    if k >= len(toks):
        return None
    kind = hit.entry["type"]
    if kind == "ACCUSE" and any(c.entry["type"] == "ASSAULT" for c in lexicon.find_cues(toks[k : k + 2])):
        return {"ASSAULT"}, k
    if kind == "REJECT" and lows[k] in _ASKED:
        return {"REQUEST", "ACCUSE"}, k
    if kind == "REJECT" and lows[k] in _OFFERED:
        return _GIVEN | {"REQUEST"}, k
    named = k + 1 < len(toks) and lows[k + 1] in ("by", "of", "from")
    if kind in _WELCOME and lows[k] in _DONE and not named:
        # "the authorities welcomed the offer": who offered it, told before (not "welcomed the offer by X", named)
        return _GIVEN, k
    if kind == "SUPPORT" and not named:
        # "praised the arrests", "welcomed the strikes": who carried out the act, told before
        acts = {c.entry["type"] for c in lexicon.find_cues(toks[k : k + 1])} & _HOSTILE
        if acts:
            return acts, k
    return None


_OFFERS = {"AID", "CONSULT", "COOPERATE"}


def counterpart(subjects, recent, kinds, owner):
    """The actor the candidates *recent* (oldest first) most often pair *subjects* with, in any act (the latest
    on a tie; states and bodies, not persons); None when the story pairs them with no one.

    >>> from types import SimpleNamespace as R
    >>> recent = [R(subject="BRA", object="PRY"), R(subject="PRY", object="BRA"), R(subject="BRA", object="ARG")]
    >>> counterpart(["BRA-MRE"], recent, {}, {"BRA-MRE": "BRA"})
    'PRY'
    """
    mine = {_top(x, owner) for x in subjects}
    seen: dict = {}
    for n, r in enumerate(recent):
        a, b = _top(r.subject, owner), _top(r.object, owner)
        other = b if a in mine else a if b in mine else None
        if other is None or other in mine or kinds.get(other) == "person":
            continue
        seen[other] = (seen.get(other, (0, 0))[0] + 1, n)
    return max(seen, key=lambda x: seen[x]) if seen else None


_BORDER = {"border", "borders", "frontier", "boundary", "crossing", "crossings", "checkpoint", "checkpoints"}


def at_border(lows, hit):
    """Whether the act of the cue *hit* is at a border the clause does not name ("pulled its troops out of the border
    area", "reopen the border", "shut the crossing"; not "closed its border with Mali").

    >>> from types import SimpleNamespace as H
    >>> at_border("qatar pulled its peacekeepers out of the border area".split(), H(i=1, j=6))
    True
    >>> at_border("they closed the border with mali".split(), H(i=1, j=2))
    False
    """
    span = lows[hit.i : min(hit.j + 3, len(lows))]
    at = next((k for k, w in enumerate(span) if w in _BORDER), None)
    if at is None or (at > 0 and span[at - 1] not in ("the", "its", "their", "that")):
        return False
    return hit.i + at + 1 >= len(lows) or lows[hit.i + at + 1] not in ("with", "of", "between")


def one_sided(c, hit, subject, on_implicit):
    """The other party of the act of the cue *hit* whose clause names only its *subject* (a group): the two sides of
    the story at a border it does not name, else the other side of the story for a hostile act, a protest, a demand,
    a rejection, a threat or a sanction (*on_implicit(entity, why, confidence, rule, cue)* adds each). Whether a rule
    applied."""
    toks, lows, kinds, recent = c.toks, c.lows, c.kinds, c.recent
    if (
        hit.entry["type"] == "PROTEST"
        and lows[hit.i].startswith("protest")
        and verb_form(hit)
        and all((kinds or {}).get(p.entity) in _OFFICIAL for p in subject)
    ):
        # "Tokyo protested at the time": a state protests to someone, it does not take to the streets
        hit = CueHit(hit.i, hit.j, hit.words, {**hit.entry, "type": "ACCUSE", "mode": "disapprove"})
    # (a verb also when written as its base form right after its subject or an auxiliary: "the army shut the
    # crossing", "Burundi must reopen the border")
    verb = verb_form(hit) or (
        hit.i > 0
        and (
            lows[hit.i - 1] in AUX
            or (subject[-1].tj == hit.i and lows[hit.i - 1] != "'s" and lows[hit.i + 1 : hit.i + 2] == ["the"])
        )
    )
    mine = {side(p.entity, c.owner, kinds) for p in subject}
    if (
        verb
        and hit.entry["type"] in _AT_BORDER
        and not passive(hit, toks)
        and not (hit.j < len(toks) and lows[hit.j] == "by")
        and at_border(lows, hit)
    ):
        # "Qatar pulled its peacekeepers out of the border area", "Burundi must reopen the border": the border of the
        # two sides of the story, the other one of them for one of them, both for a third
        pair = two_sides("both sides", [recent], kinds or {}, c.owner, set()) or []
        # (a side's hostile act at the border is against the other side: the rule after this one)
        if not mine & set(pair) or (len(mine) == 1 and hit.entry["type"] not in _HOSTILE):
            for o in [x for x in pair if x not in mine]:
                on_implicit(o, f"the other side of the border: {o}", 0.3, "border", hit)
            if pair:
                return True
    if (
        hit.entry["type"] in _OFFERS
        and hit.entry.get("mode") not in ("host", "visit")
        and not lows[hit.i].startswith("offer")
        and hit.i > 0
        and (
            lows[hit.i - 1] in AUX | {"to"}
            or (verb and subject[-1].tj == hit.i)
            # (an act told as a noun a verb after "to" takes: "ready to resume the negotiations")
            or (hit.i > 2 and lows[hit.i - 1] in ("the", "its", "their") and lows[hit.i - 3] == "to")
        )
        and not passive(hit, toks)
        and not (hit.j < len(toks) and lows[hit.j] in ("by", "between", "among"))
        and says_to_side(hit, toks, lows, subject)
    ):
        # "UNHCR said it was ready to help", "Brasilia is ready to resume the negotiations", "the United States has
        # offered to train their crews": help or talks with the one the story pairs the actor with
        other = counterpart([p.entity for p in subject], recent, kinds or {}, c.owner)
        if other is not None:
            on_implicit(other, f"with the one the story pairs it with: {other}", 0.3, "counterpart", hit)
            return True
    if (
        hit.entry["type"] in _HOSTILE | _AT_SIDE
        and verb
        and not passive(hit, toks)
        and not (hit.j < len(toks) and lows[hit.j] == "by")
    ):
        # "Thai troops had crossed the boundary", "Kyrgyz troops returned fire", "the army closed the checkpoint":
        # the act is against the other side of the story (not "villagers detained by ...": they were acted upon);
        # so are a protest, a demand, a rejection, a threat or a sanction whose addressee is left implicit ("Tokyo
        # protested at the time", "Vietnam has asked for the canal's data", "halted the transit of goods")
        hostile = hit.entry["type"] in _HOSTILE
        if not hostile and not says_to_side(hit, toks, lows, subject):
            return True
        foe = opponent([p.entity for p in subject], recent, kinds or {}, c.owner)
        if foe is None and hit.entry["type"] in _AT_SIDE:
            # "it ended its sanctions programme in March, but it froze the assets of ...", "Hanoi has asked for
            # the canal's data": on the one the story pairs the actor with, when it sets it against no one
            foe = counterpart([p.entity for p in subject], recent, kinds or {}, c.owner)
        if foe is not None:
            on_implicit(foe, f"against the other side: {foe}", 0.3, "opponent" if hostile else "other-side", hit)
        return True
    return False
