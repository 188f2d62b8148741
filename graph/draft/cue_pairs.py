"""Who acts on whom by one cue of a clause: the actors a cue's verb takes on its left and right
(its objects, passive agents, addressees), with the rules of each kind of cue; used by
:mod:`graph.draft.pairs` for every cue hit of a clause."""

from __future__ import annotations

from dataclasses import dataclass

from .coordinated_subject import object_before
from .implicit import one_sided, told
from .otherside import accused_most, own_side_content
from .sides import maker, side
from .syntax import (
    ADDRESSED,
    AUX,
    DETERMINERS,
    LOCATIVE,
    SUBORDINATE,
    after,
    demonym_place,
    names_place,
    passive,
    verb_form,
)

__all__ = ["Participant", "cue_pairs", "objects_of"]

_HOSTILE = {"ASSAULT", "COERCE", "MOBILIZE"}
_BEFORE_VERB = {
    "would",
    "will",
    "could",
    "should",
    "must",
    "may",
    "might",
    "can",
    "also",
    "then",
    "later",
    "has",
    "have",
}


def _after_and(lows, i):
    """Whether the verb at *i* is coordinated: "and urged", "and would also recall" (auxiliaries and
    adverbs between).

    >>> _after_and("they stood with Bamako and would also recall".split(), 7)
    True
    """
    k = i - 1
    while k > 0 and lows[k] in _BEFORE_VERB and i - k <= 3:
        k -= 1
    return k > 0 and lows[k] == "and"


@dataclass
class Participant:
    """An actor named in a clause: entity id, char span, token span in the clause, how found."""

    entity: str
    start: int
    end: int
    ti: int
    tj: int
    how: str


def objects_of(c, hit, right):
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
    # (but "crossed into Burkinabe territory": the cue's own preposition, the territory's owner is whom)
    right = [
        g
        for g in right
        if not after(g, toks, {"through", "via"})
        and not (demonym_place(g, toks) and g[0].ti - (lows[g[0].ti - 1] == "the") > hit.j)
        and not _judged_aside(lows[hit.j : g[0].ti])
    ]
    if hit.entry["type"] in ADDRESSED:
        # "a meeting ... held in Kyrgyzstan", "interference in Afghanistan's affairs": where, not whom (but
        # "hit out at Sudan", "called in Turkey's envoy": the cue's own preposition)
        right = [g for g in right if not after(g, toks, LOCATIVE, hit.j)]
    if hit.entry["type"] in ("COERCE", "SANCTION") and str(hit.entry.get("cue", "")).endswith("... from"):
        # "barred Kenyan trucks from Sudan", "excluded Kenya from the bloc": whom, not what from (but "withdrew
        # troops from", "sought aid from": the one after "from")
        right = [g for g in right if g[0].ti < hit.j]
    to = [g for g in right if g[0].ti >= hit.j and after(g, toks, {"to", "with"}, hit.j - 1)]
    if to and hit.j - hit.i > 2:
        # "hand over 11 Islamic State suspects to Uzbekistan", "opened the Tarvian flood data to the commission":
        # an actor naming the kind of what is handed over, inside the cue's gap, is not whom; the one after "to" is
        right = [g for g in right if not (hit.i < g[0].ti and g[-1].tj < hit.j)] or right
    if lows[hit.i] in ("refuse", "refuses", "refused", "refusing") and hit.j < len(toks) and lows[hit.j] == "to":
        right = []  # "refuses to act against the TTP": whom it refuses is not named
    return right


def cue_pairs(c, n_hit, hit, brokered, inner):
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
    # ("had fired at one of its watchtowers, wounding two soldiers": the owner of what is hit does not act)
    left = [g for g in left if not all("owner of what is hit" in p.how for p in g)]

    def on_implicit(entity, why, conf, rule, cue=None):
        # each actor of the last group before the cue acts on *entity*, whom the clause does not name
        for s_ in left[-1]:
            add(s_, Participant(entity, 0, 0, 0, 0, "focus"), cue or hit, why, conf, left[-1][0].ti, rule)

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
    # "X accused Y of ... and urged Z": the coordinated verb has the clause's subject (not "accused Y of
    # escorting them and throwing stones at Z": the accusation goes on)
    if (
        hit.i > 0
        and _after_and(lows, hit.i)
        and not (acc is not None and lows[hit.i].endswith("ing"))
        and groups
        and any(h.i < hit.i for h in hits)
        and left
        and left[-1] is not groups[0]
        and groups[0][-1].tj <= min(h.i for h in hits)
    ):
        left = [groups[0]]
    elif hit.i > 0 and _after_and(lows, hit.i) and left and object_before(c, groups, left[-1], hit):
        # "It let the United States store equipment there and joined Finland in ...": the coordinated verb has
        # the clause's subject, not the object of the first verb
        left = [groups[0]]
    right = [
        g
        for g in groups
        if g[0].ti >= hit.i + 1 and (not left or g is not left[-1]) and (r is None or g[0].ti < r[1]) and g[0].ti < nxt
    ]
    right = objects_of(c, hit, right)
    if left and right and own_side_content(c, hit, left[-1], right[0]):
        right = []  # "X warned that Tehran would respond": the warner's own side acts, against the other side
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
        and _after_and(lows, hit.i)
        and toks[hit.i].start >= content[0]
        and hit.entry["type"] in ("ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT")
    ):
        left = [c.speakers or [speaker_p]]  # ("Britain, France and Germany said S and urged Y": each of them)
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
    if _by_agent(c, hit, groups, add):
        return
    if (
        hit.entry.get("reciprocal")
        and right
        and len(right[0]) > 1
        and hit.j < len(toks)
        and lows[hit.j] == "between"
        and (
            right[0][0].ti == hit.j + 1 + (lows[hit.j + 1] == "the")
            # ("an agreement between the two": a pair named as one, unless another's cue comes first, "Kenya
            # could host talks between the two sides")
            or (right[0][0].ti == hit.j + 1 and n_hit == 0)
        )
    ):
        # "the Doha talks between the United States and the Taliban": they talk to each other
        for s in right[0]:
            for o in right[0]:
                add(s, o, hit, "actors named after 'between', a reciprocal cue", 0.6, right[0][0].ti, "reciprocal")
    if hit.entry.get("reciprocal") and right and right[0][0].ti == hit.j and lows[hit.j] == "they":
        # "the ceasefire they signed": its makers, each with the other (none when "they" is one actor)
        for s in right[0]:
            for o in right[0]:
                add(s, o, hit, "the makers of a reciprocal noun, 'they' after it", 0.6, right[0][0].ti, "reciprocal")
        return
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
        # (but "ready to resume the talks": a readiness that ends in "to" leads to the actor's own act)
        and lows[hits[n_hit - 1].j - 1] != "to"
    ):
        return  # "Qatar and Oman welcomed the agreement": the object of another verb, not their act
    # ("the neighbours fought a war", "both sides exchanged fire": a pair named as one, with no object, acts on
    # itself, whatever the cue)
    mutual = (
        left
        and len(left[-1]) > 1
        and not right
        and all("(each of the actors" in p.how for p in left[-1])
        and hit.i - left[-1][-1].tj <= 2  # (their own verb: not "signed an agreement to fight smuggling")
    )
    # ("Norway and Sweden released 600 prisoners": two actors named together who free prisoners, no other
    # named but an agent of another verb, "aircraft chartered by the Red Cross", free each other's)
    mutual = mutual or (
        left
        and len(left[-1]) == 2
        and not [g for g in right if "by" not in lows[hit.j : g[0].ti]]
        and hit.entry.get("mode") == "release"
        and verb_form(hit)
        and not passive(hit, toks)
        and "and" in lows[left[-1][0].tj : left[-1][1].ti]
        and hit.i - left[-1][-1].tj <= 8
    )
    if (
        (hit.entry.get("reciprocal") or mutual)
        and left
        and len(left[-1]) > 1
        and not (right and right[0][0].ti - hit.j <= 2)
    ):
        for s in left[-1]:
            for o in left[-1]:
                add(s, o, hit, "actors named together, a reciprocal cue", 0.6, left[-1][0].ti, "reciprocal")
        return
    if left and not right and hit.entry["type"] in ("ASSAULT", "COERCE", "THREATEN", "MOBILIZE") and n_hit > 0:
        # "Iran accused Pakistan of shelling two villages", "... of deploying troops": the accuser is the
        # one attacked, or the one troops are sent against
        acc = hits[n_hit - 1]
        # (the accuser named before the verb, else the speaker: "X police said they had arrested three men, and
        # accused Serbian services of organising the attack")
        before = [g for g in groups if g[-1].tj <= acc.i] or ([[speaker_p]] if speaker_p is not None else [])
        if acc.entry["type"] == "ACCUSE" and acc.j < hit.i and "of" in lows[acc.j : hit.i] and before:
            accuser = before[-1]
            for s_ in left[-1]:
                for o in accuser:
                    # (an accuser who is an office or a person: the state it is part of)
                    top = side(o.entity, c.owner, kinds)
                    if top is None or same(s_.entity, top):
                        continue
                    o_ = o if top == o.entity else Participant(top, o.start, o.end, o.ti, o.tj, o.how)
                    add(s_, o_, hit, "the accuser taken as the one attacked", 0.4, left[-1][0].ti, "accuser")
        # (but a verb coordinated after a cue that charges nothing, "called the expulsions unjustified and
        # warned", is the subject's own act: the rules below)
        if not (
            verb_form(hit)
            and _after_and(lows, hit.i)
            and acc.entry["type"] == "ACCUSE"
            and "of" not in lows[acc.j : hit.i]
        ):
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
            on_implicit(
                last.object,
                f"the object left implicit: {last.object}, of the last {last.type} by {last.subject}",
                0.5,
                "implicit",
            )
            return
    if left and not right and hit.words.lower().startswith("claim") and hit.entry["type"] == "ASSAULT":
        # "the TTP claimed responsibility for Wednesday's raid": on whom the last attack was, else the home state
        last = next((r.object for r in reversed(recent) if r.type == "ASSAULT"), home)
        if last is not None:
            on_implicit(last, f"the attack claimed was on {last}", 0.5, "implicit")
        return
    if (
        left
        and not right
        and (hit.entry["type"] == "ASSAULT" or (hit.entry["type"] in _HOSTILE and content is not None and speaker_name))
        and verb_form(hit)
        and not passive(hit, toks)
        and hit.j < len(toks)
        and (toks[hit.j].text.islower() or toks[hit.j].text[:1].isdigit())
        and lows[hit.j] not in ("by", "that", "to", "and", ",")
    ):
        # "shelled a camp outside El Fasher", "struck a vehicle near Sinune": whoever the place belongs to is
        # attacked, the one who complains (the speaker) or else the home state; "X said Y had seized two
        # villages", "... had moved troops into the valley": a hostile act reported with nobody named as its
        # object is on the one who reports it
        spoken = content is not None and speaker_name
        # (a speaker who is an office or a person: the state it is part of; a person of no known state is not
        # the one attacked)
        victim = side(speaker_name, c.owner, kinds) if spoken else home
        added = False
        if victim is not None and not any(same(p.entity, victim) for p in left[-1]):
            added = bool(left[-1])
            on_implicit(
                victim,
                f"the one attacked not named: {victim}, " + ("the speaker" if spoken else "the home state"),
                0.3,
                "victim",
            )
        if added or hit.entry["type"] == "ASSAULT":
            return
    pointed = told(hit, toks, lows, lexicon) if left and not right and recent else None
    if pointed:
        # "France and Italy condemned the attack": who attacked, told before (an attack told with that word first:
        # "the raid" is the one told as a raid, not an ongoing fight told since); "India rejected the objection":
        # who objected; "rejected every such offer": who offered
        types, k = pointed
        pool = recent
        if hit.entry["type"] in ("SUPPORT", "AGREE") and not types & _HOSTILE:
            # a welcome answers what was given or offered to the welcomer's side ("Moscow offered aid to Kabul ...
            # the authorities in Kabul welcomed the offer"), not a deal of two others
            pool = [r for r in recent if any(same(p.entity, r.object) for p in left[-1])]
        last = maker([p.entity for p in left[-1]], pool, types, same, lows[k][:5])
        if last is None and hit.entry["type"] == "ACCUSE" and types & _HOSTILE:
            last = accused_most(recent, [p.entity for p in left[-1]], same, c.owner)
        if last is not None:
            what = f"the {lows[k]} {toks[hit.i].text}"
            on_implicit(last, f"{what} was {last}'s", 0.5, "implicit")
        return
    if left and not right and one_sided(c, hit, left[-1], on_implicit):
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


def _by_agent(c, hit, groups, add):
    """ "the killing of two Bangladeshi villagers by India's border force", "a car bomb attack by the group":
    the agent of an act told as a noun follows "by", its object the actor after "of" (or none named here:
    no other pair for the cue). Whether the rule applied."""
    toks, lows = c.toks, c.lows
    w = lows[hit.i]
    if hit.entry.get("reciprocal") or hit.entry["type"] == "ACCUSE" or passive(hit, toks) or w.endswith(("ed", "en")):
        return False
    by = next((k for k in range(hit.j, min(hit.j + 8, len(toks))) if lows[k] in ("by", ",", ";", "and")), None)
    if by is None:
        return False
    compound = by - hit.j <= 1 and all(t.text.isalpha() and t.text.islower() for t in toks[hit.j : by])
    if lows[by] != "by" or (by > hit.j and lows[hit.j] not in ("of", "on", "against") and not compound):
        return False  # (a compound: "a car bomb attack by the group")
    agent = next((g for g in groups if by < g[0].ti <= by + 4), None)
    if agent is None:
        return False
    of = next((g for g in groups if hit.j < g[0].ti and g[-1].tj <= by), None)
    how = "the agent after 'by' of an act told as a noun"
    if of is None and c.home is not None and hit.entry["type"] in _HOSTILE:
        # (the one attacked not named: the home state, unless the agent is of it)
        if not any(c.same(p.entity, c.home) for p in agent):
            of = [Participant(c.home, 0, 0, 0, 0, "focus")]
            how += f"; the one attacked not named: {c.home}, the home state"
    for s_ in agent:
        for o in of or ():
            add(s_, o, hit, how, 0.6 if o.how != "focus" else 0.3, agent[0].ti, "cue" if o.how != "focus" else "victim")
    return True


# an aside that names the act just told ("brokered the truce, a claim La Paz disputes")
_ASIDE_NOUNS = {"claim", "charge", "role", "move", "step", "decision", "allegation", "accusation", "account", "version"}


def _judged_aside(between):
    """Whether the words *between* a cue and an actor open an aside judging the act (", a claim X disputes"): the
    actor judges the act, it is not its object.

    >>> _judged_aside([",", "a", "claim"]), _judged_aside(["to"])
    (True, False)
    """
    return any(
        w == ","
        and between[k + 1 : k + 2] in (["a"], ["an"])
        and between[k + 2 : k + 3]
        and between[k + 2] in _ASIDE_NOUNS
        for k, w in enumerate(between)
    )
