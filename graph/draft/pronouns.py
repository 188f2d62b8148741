"""Pronouns that stand for an actor named before: "he"/"she" for the last person, "it"/"its" for the
actor named before in the sentence (or the last that spoke or acted), "the attackers" for who attacked,
"the kingdom", "the emirate" for the state named last.

"It" counts where it is a clause's subject (opening the clause, or after "that", "said", a conjunction,
an opening adverbial or date: "In March 2024 it ended") before a verb, or the object of a request
("urged it to"); "its" before the forces, craft or envoys of an actor ("its jets", "its diplomats").

>>> from graph.draft.tokens import tokenise
>>> class Ctx:
...     person, thing, history, kinds = None, "VAL", [], {}
>>> text = "Next, it must end the raids, and its warships left."
>>> [(text[s:e], ent) for s, e, ent, how, kind in pronouns(tokenise(text, 0, len(text)), [], Ctx())]
[('it', 'VAL'), ('its', 'VAL')]
"""

from __future__ import annotations

import re

__all__ = ["pronouns"]

_VERBISH = re.compile(
    r"^(?:has|had|have|is|was|were|are|would|will|could|should|must|ought|may|might|can|cannot|shall|did|does|"
    r"said|says|also|never|now|still|later|then|again|already|"
    r"added|told|urged|accused|called|asked|warned|denied|rejected|\w+ed|"
    # (irregular past tenses: "It let the United States store equipment", "it sent troops", "it froze assets")
    r"let|sent|gave|took|made|kept|held|met|left|began|sought|won|lost|struck|spent|brought|bought|sold|went|came|"
    r"fought|built|paid|led|shut|drew|threw|broke|chose|froze|wrote|became|withdrew|overtook|undertook|forbade)$"
)


def pronouns(stoks, in_sentence, ctx):
    """(start, end, entity, how, kind) for "he"/"she"/"it" standing for an actor named before."""
    out = []
    seen_thing = seen_state = last_it = None
    for k, t in enumerate(stoks):
        for _s, e, ent, _how, kind in in_sentence:
            if e <= t.start and kind != "person":
                seen_thing = seen_thing or ent
            if e <= t.start and kind == "state":
                seen_state = ent
        if t.lower in ("he", "she") and ctx.person:
            out.append((t.start, t.end, ctx.person, f"'{t.text}' (the person named last)", "person"))
        elif t.lower in ("it", "its") and k + 1 < len(stoks):
            nxt = stoks[k + 1].lower
            prev = stoks[k - 1].lower if k else ""
            first = k == 0 or prev in (
                "that",
                ",",
                "and",
                "said",
                "says",
                "say",
                "but",
                "when",
                "after",
                "before",
                "since",
                "as",
                "because",
                "while",
                "until",
                "once",
            )
            first = first or _after_opening_date(stoks, k)
            asked = prev in _ASK and nxt == "to"  # "urged it to stop"
            charged = t.lower == "it" and prev in _CHARGE and nxt in ("of", "for")  # "accused it of complicity"
            if t.lower == "it" and not (first and _VERBISH.match(nxt)) and not asked and not charged:
                continue
            # ("had shelled one of its bases", "hit its border post": what is hit is the owner's)
            after = stoks[k + 2].lower if k + 2 < len(stoks) else ""
            asset = nxt in _ASSETS or (nxt == "border" and after in ("post", "posts"))
            one_of = prev == "of" and k > 1 and stoks[k - 2].lower == "one"
            hit_on = asset and (one_of or prev in _HIT)
            if t.lower == "its" and nxt not in _OWN and not hit_on:
                continue
            ent = seen_thing or ctx.thing
            if t.lower == "it" and prev in (",", "and", "but") and last_it:
                # "In March it ended its Zimbabwe sanctions, but it froze ...": the subject goes on
                ent = last_it
            if prev in _SAID or asked:
                # "days after the United States said it had seized": who spoke; "accused Washington of ... and
                # urged it to": the one named last
                comma = max([x for x in range(k) if stoks[x].lower == ","] + [-1])
                near = [
                    x
                    for x in in_sentence
                    if x[1] <= t.start and x[4] != "person" and (asked or x[0] >= stoks[comma + 1].start)
                ]
                ent = near[-1][2] if near else ent
                if t.lower == "it" and prev in ("says", "say") and (not near or near[-1][3] == "new name"):
                    ent = None  # ("Burkina junta says it ...": a name the draft is unsure of stands for no "it")
            if charged:
                # "Chad expelled Sudan's attaché after Sudanese officials accused it of complicity": the actor named
                # before the accuser (not the accuser's own side)
                near = [x for x in in_sentence if x[1] <= t.start and x[4] != "person"]
                accuser = near[-1][2] if near else None
                near = [x for x in near if accuser is None or not ctx.same(x[2], accuser)]
                ent = near[-1][2] if near else (ent if ent != accuser else None)
            if hit_on and nxt not in _OWN:
                # "X said Y's troops had shelled one of its bases": the first actor named before, not the one hitting
                near = [x for x in in_sentence if x[1] <= t.start and x[4] != "person"]
                hitter = near[-1][2] if near else None
                near = [x for x in near if hitter is None or not ctx.same(x[2], hitter)]
                ent = near[0][2] if near else (ctx.thing if hitter is None or not ctx.same(ctx.thing, hitter) else None)
            if ent and t.lower == "it" and first and not asked and not charged:
                last_it = ent
            if ent:
                how = "the owner of what is hit" if hit_on and nxt not in _OWN else "the actor named before"
                out.append((t.start, t.end, ent, f"'{t.text}' ({how})", "thing"))
        elif t.lower in _REALM and t.text.islower() and k > 0 and stoks[k - 1].lower == "the":
            # "Saudi Arabia has held talks with the Houthis. The kingdom airlifted 64 fighters": the state named last
            ent = seen_state or (ctx.thing if ctx.kinds.get(ctx.thing) == "state" else None)
            if ent:
                out.append((stoks[k - 1].start, t.end, ent, f"'the {t.text}' (the state named before)", "thing"))
        elif t.lower in _ATTACKERS and k > 0 and stoks[k - 1].lower == "the":
            # "had no link to the attackers": who attacked in the sentences before
            ent = next(
                (
                    r.subject
                    for rs in reversed(ctx.history[-4:])
                    for r in reversed(rs)
                    if r.type == "ASSAULT" and ctx.kinds.get(r.subject) not in ("state", "person", "office")
                ),
                None,
            )
            if ent:
                out.append((stoks[k - 1].start, t.end, ent, f"'the {t.text}' (who attacked, named before)", "thing"))
    return out


# what a state is called once named ("the kingdom", "the emirate")
_REALM = {"kingdom", "emirate", "sultanate", "principality", "archipelago", "city-state"}
_CHARGE = {"accused", "accuses", "accusing", "accuse", "blamed", "blames", "blaming", "blame", "criticised"}
_CHARGE |= {"criticized", "condemned", "condemning", "faulted", "suspected", "suspects"}
_SAID = {"said", "says", "told", "added", "claimed", "insisted", "stated", "announced"}
_ASK = {"urged", "asked", "called", "pressed", "told", "warned", "invited"}
_ATTACKERS = {"attackers", "assailants", "gunmen", "militants", "insurgents", "raiders", "bombers"}
# what an actor's "its" owns that acts for it ("its jets bombed", "its ships expelled"; not "recalled its
# ambassador", whose state is acted on by another)
_OWN = {
    "fighters",
    "forces",
    "troops",
    "soldiers",
    "members",
    "militants",
    "jets",
    "warplanes",
    "aircraft",
    "drones",
    "ships",
    "warships",
    "vessels",
    "navy",
    "army",
    "military",
    "police",
    "guards",
}


# what of an actor's is hit, standing for the actor ("shelled one of its bases", "hit its border post"; not "closed its
# border", "reopened its embassy": the owner's own)
_ASSETS = {"base", "bases", "watchtower", "watchtowers", "patrol", "patrols", "post", "posts", "outpost", "outposts"}
_ASSETS |= {"positions", "position", "convoy", "convoys", "checkpoint", "checkpoints", "vessels", "ships"}
_HIT = {"hit", "struck", "shot", "shelled", "attacked", "targeted", "bombed", "raided", "stormed", "overran", "at"}


def _after_opening_date(stoks, k):
    """Whether the token before *k* ends a date that opens the clause ("In March 2024 it ended", "On
    Friday, it said"; not "said on Tuesday it had", where "it" is who spoke). Date tokens read "\\0"."""
    j = k - 1
    if j >= 0 and stoks[j].lower == ",":
        j -= 1
    if j < 0 or stoks[j].lower != "\0":
        return False
    while j >= 0 and stoks[j].lower == "\0":
        j -= 1
    if j >= 0 and stoks[j].lower in ("in", "on", "by", "since", "from", "until", "last", "early", "late"):
        j -= 1
    return j < 0 or stoks[j].lower in (",", ";", "and", "but")
