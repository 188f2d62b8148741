"""Whom "both sides", "the two countries", "both governments" stand for when the sentence names no pair:
the two sides of the story told so far.

The sides are the last two actors named together when both are parties to the candidates drafted so
far and did not act together on a third (allies), else the pair the candidates most often set against
each other (in conflict first; offices and persons counted as the state or body they are part of), the
most recent pair on a tie; "both sides" are not two actors named together that only ever worked together
when the story sets another pair against each other twice ("Iran and the IEA agreed ... Qatar urged both
sides to settle the dispute");
a pair that holds an actor of the clause itself is not "both sides" ("The African Union urged both
governments": not the Union), and "countries", "governments", "neighbours", "leaders" ... are two
states (or de facto authorities), where "sides", "parties", "camps" may be any two actors but persons.

>>> from types import SimpleNamespace as R
>>> history = [[R(subject="MLI", type="ACCUSE", object="DZA"), R(subject="DZA-MOD", type="ASSAULT", object="MLI")],
...            [R(subject="FLA", type="COERCE", object="MLI")], [R(subject="BFA", type="SANCTION", object="DZA")]]
>>> kinds = {"MLI": "state", "DZA": "state", "DZA-MOD": "office", "FLA": "armed_group", "BFA": "state",
...          "NER": "state"}
>>> two_sides("both governments", history, kinds, {"DZA-MOD": "DZA"}, exclude={"AU"}, named=["BFA", "NER"])
['MLI', 'DZA']
>>> two_sides("both sides", history[1:2], kinds, {}, exclude=set())
['FLA', 'MLI']
>>> two_sides("both sides", history[1:2], kinds, {}, exclude={"MLI"}) is None
True
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["two_sides", "opponent", "maker", "top"]

_STATES = re.compile(
    r"countries|states|neighbou?rs|nations|capitals|governments|presidents|leaders|administrations|"
    r"militaries|armies|giants|powers|allies",
    re.I,
)
_AGAINST = {"ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "REJECT"}
_NEUTRAL = {"CONSULT", "AGREE", "REQUEST"}
_FRIENDLY = {"AGREE", "COOPERATE", "SUPPORT", "AID", "CONSULT"}
_NEIGHBOURS = re.compile(r"countries|states|neighbou?rs|nations", re.I)
_STATE_KINDS = {"state", "de_facto_authority"}


def top(x, owner):
    """The actor at the top of *x*'s ``part_of`` chain in *owner* (the state a body of it acts for).

    >>> top("MOD-SPOKESMAN", {"MOD-SPOKESMAN": "MOD", "MOD": "STATE"}), top("STATE", {})
    ('STATE', 'STATE')
    """
    seen = set()
    while x in owner and owner[x] and x not in seen:
        seen.add(x)
        x = owner[x]
    return x


def side(x, owner, kinds):
    """The state (or authority, group, ...) whose side *x* speaks for: the top of its ``part_of`` chain; None
    for a person of no known side.

    >>> side("NAWAZ", {"NAWAZ": "PAK-MOFA", "PAK-MOFA": "PAK"}, {"NAWAZ": "person"})
    'PAK'
    >>> side("ALI", {}, {"ALI": "person"}) is None
    True
    """
    t = top(x, owner or {})
    return None if (kinds or {}).get(t) == "person" else t


def two_sides(words, history, kinds, owner, exclude, named=()):
    """The two entities *words* ("both sides") stand for, or None: *named*, the last actors named together,
    when they are two sides (actors of the right kinds, not of the clause, each a party to a candidate before,
    not allies that acted together on a third), else the pair of the candidates of the sentences before
    (*history*, lists of candidates, oldest first) most often set against each other (conflict first, then
    any, then the latest); *kinds* and *owner* (part_of) of the entities;
    *exclude* the actors of the clause itself; when *history* is told sentence by sentence (more than one
    list), the two objects of one act of its last sentence come before the count."""
    states = bool(_STATES.search(words))
    away = {top(x, owner) for x in exclude}

    def fits(a, b):
        ka, kb = kinds.get(a), kinds.get(b)
        if a == b or a in away or b in away:
            return False
        if states:
            return ka in _STATE_KINDS and kb in _STATE_KINDS and (ka == kb == "state" or not _NEIGHBOURS.search(words))
        return "person" not in (ka, kb)

    acts = {(top(r.subject, owner), r.type, top(r.object, owner)) for rs in history for r in rs}
    # (allies: both acting, not by a meeting or a deal, on the same third: "Mali and Niger left ECOWAS"; both
    # taking part in a commission's meeting makes no allies)
    acted = {(a, o) for a, t, o in acts if t not in _NEUTRAL}

    def allies(x, y):
        return any((y, o) in acted for a, o in acted if a == x and o not in (x, y))

    tops = [top(x, owner) for x in named]
    if len(tops) == 2 and fits(*tops):
        parties = {x for a, _, o in acts for x in (a, o)}
        # (not a pair that only ever worked together when the story sets another pair against each other twice:
        # "Iran and the IEA agreed ... Qatar urged both sides to settle the dispute")
        against = Counter(
            frozenset((top(r.subject, owner), top(r.object, owner))) for rs in history for r in rs if r.type in _AGAINST
        )
        rivals = [k for k, v in against.items() if v >= 2 and len(k) == 2 and fits(*k)]
        between = {t for a, t, o in acts if {a, o} == set(tops)}
        friendly = between and between <= _FRIENDLY and rivals and not states
        if not allies(*tops) and not friendly and all(x in parties for x in tops):
            return tops
    # (the two objects of one act of the sentence just before: "... called on the government and the rebels to
    # return to the accord they signed. Kenya could host talks between the two sides")
    last = _paired(history[-1], owner, fits) if len(history) > 1 else None
    if last:
        return last
    seen: dict = {}
    n = 0
    for rs in history:
        for r in rs:
            n += 1
            a, b = top(r.subject, owner), top(r.object, owner)
            if not fits(a, b):
                continue
            key = frozenset((a, b))
            against, count, _, first = seen.get(key, (0, 0, 0, (a, b)))
            seen[key] = (against + (r.type in _AGAINST), count + 1, n, first)
    if not seen:
        return None
    return list(max(seen.values(), key=lambda v: v[:3])[3])


def _paired(rs, owner, fits):
    """The two actors the candidates *rs* of one sentence pair up, or None: the two objects of one actor's act
    ("the UN called on the government and the rebels ...", "Qatar hosted Eritrea and Djibouti"), when they fit;
    not two that acted on each other alike ("X and Y agreed to cooperate" is no pair of sides when the story
    sets another pair against each other).

    >>> from types import SimpleNamespace as R
    >>> rs = [R(subject="UN", type="REQUEST", object="GOV"), R(subject="UN", type="REQUEST", object="REB")]
    >>> _paired(rs, {}, lambda a, b: True)
    ['GOV', 'REB']
    """
    acts = [(top(r.subject, owner), r.type, top(r.object, owner)) for r in rs]
    for a, t, b in acts:
        for a2, t2, c in acts:
            if a2 == a and t2 == t and c not in (a, b) and fits(b, c):
                return [b, c]
    return None


def opponent(subjects, recent, kinds, owner):
    """The actor the candidates *recent* (oldest first) most often set *subjects* against (in conflict first,
    then the latest), counted at the level of states and bodies (offices and persons as what they are part
    of); None when they are set against no one."""
    mine = {top(x, owner) for x in subjects}
    seen: dict = {}
    for n, r in enumerate(recent):
        a, b = top(r.subject, owner), top(r.object, owner)
        other = b if a in mine else a if b in mine else None
        if other is None or other in mine or kinds.get(other) == "person" or r.type not in _AGAINST:
            continue
        count, _ = seen.get(other, (0, 0))
        seen[other] = (count + 1, n)
    if not seen:
        return None
    return max(seen, key=lambda x: seen[x])


def maker(actors, recent, types, same, noun=""):
    """Who did the act of *types* that *actors* respond to ("condemned the attack", "rejected the demand"): the
    subject of the latest of the candidates *recent* (oldest first) of those types, told as fact or claimed, by
    someone not of *actors* (for a rejection, of what was asked of *actors* first), the latest whose cue began
    with *noun* first; None when there is none.

    >>> from types import SimpleNamespace as R
    >>> recent = [R(subject="NPL", type="REQUEST", object="IND", modality="claimed", why=["'urged' -> REQUEST"]),
    ...           R(subject="IND", type="AGREE", object="CHN", modality="reported", why=[])]
    >>> maker(["IND-MEA"], recent, {"REQUEST", "ACCUSE"}, lambda a, b: a[:3] == b[:3], "objec")
    'NPL'
    """
    told = [
        r
        for r in reversed(recent)
        if r.type in types and r.modality in ("reported", "claimed") and not any(same(a, r.subject) for a in actors)
    ]
    # (a rejection first of what was asked of the rejector: "Nepal urged New Delhi ... India rejected the objection")
    aimed = [r for r in told if any(same(a, r.object) for a in actors)] if "REQUEST" in types else []
    told = aimed or told
    last = next((r for r in told if noun and noun in " ".join(map(str, r.why)).lower()), told[0] if told else None)
    return last.subject if last is not None else None
