"""Pairs and groups of actors in a clause: whom a pair word stands for, who is named together, who acts with whom.

The steps, each called by :func:`graph.draft.pairs.clause_pairs` on the clause being read:

- :func:`stand_for`: the actors that "both sides", "the two countries", "its two allies" stand for
  (from :mod:`graph.draft.claims`, the actors named together last) taken at the level the words name:
  a person or office of a state is that state for "the two neighbours", "both governments", "their
  navies"; a person is the side he speaks for for "the two sides"; a pair that is then no pair of the
  right kinds is chosen again from the story (:func:`graph.draft.sides.two_sides`), else the states
  named first in the text;
- :func:`coordinated`: "X and the interim Y government", "on X and on Y", "X as well as Y", "X's and
  Y's ministers" are named together;
- :func:`appositive`: "Mali and Niger, Burkina Faso's partners in the AES, condemned": the aside's
  possessor is no actor of the clause;
- :func:`speakers_they`: "X and Y said that they backed Z": each speaker acts, and claims it;
- :func:`mutual_between`: "trade between X and Y", "fighting between X and Y": each on the other;
- :func:`each_other`: "X and Y accused each other": each on the other;
- :func:`their_mutual`: "X and Y began their annual exercise": each with the other;
- :func:`mediator_on_sides`: "offered to host a trilateral meeting", "says it brokered the truce":
  the host or broker on each of the two sides of the story;
- :func:`participle_subject`: "X sent notes to Y and Z objecting to ...": the subject's act on each;
- :func:`speaker_participle`: "S, X said after hosting talks between the two sides": the speaker's own act;
- :func:`co_agents`: "X, along with Y and Z, condemned W": Y and Z act too (and are not X's object).

>>> from graph.draft.cue_pairs import Participant as P
>>> how = "'the two neighbours' (each of the actors named together last)"
>>> g = [P("JPN", 5, 20, 1, 4, how), P("LEE", 5, 20, 1, 4, how)]
>>> kinds = {"JPN": "state", "KOR": "state", "LEE": "person", "KOR-MOFA": "office"}
>>> [p.entity for p in stand_for([g], kinds, {"LEE": "KOR-MOFA", "KOR-MOFA": "KOR"})[0]]
['JPN', 'KOR']
"""

from __future__ import annotations

import re

from .mutual import two_after
from .sides import top as _top
from .sides import two_sides
from .syntax import AUX

__all__ = ["stand_for"]

_HOW = re.compile(r"^'([^']+)' \((?:each of )?the actors named together last\)")
_STATE_WORDS = re.compile(
    r"countries|states|neighbou?rs|nations|capitals|governments|administrations|allies|powers|giants", re.I
)
# the organs of states: "their coast guards", "their foreign ministers", "their navies"
_ORGANS = re.compile(
    r"(coast|border|navies|navy|armies|army|militaries|military|armed|forces|troops|governments|foreign|defen[cs]e|"
    r"interior|ministries|ministers|presidents|leaders|capitals|diplomats|envoys|officials|air|security|"
    r"intelligence|police|embassies|ambassadors|delegations|negotiators)$"
)
_OPENERS = {"as", "that", "while", "when", "after", "before", "since", "because", "saying", "and", ",", "but"}
_SIDE_WORDS = re.compile(r"sides|parties|camps|rivals", re.I)
_STATE_KINDS = {"state", "de_facto_authority"}


def _level(entity, words, kinds, owner):
    """*entity* at the level *words* name (its state for "countries", its side for "sides"), or None when it has
    none of the right kind."""
    top = _top(entity, owner)
    if _STATE_WORDS.search(words):
        if kinds.get(entity) in _STATE_KINDS:
            return entity
        return top if kinds.get(top) in _STATE_KINDS else None
    if _SIDE_WORDS.search(words) and kinds.get(entity) == "person":
        return top if top != entity and kinds.get(top) != "person" else entity
    return entity


def stand_for(groups, kinds, owner, recent=(), toks=()):
    """*groups* with the participants a pair word stands for taken at the level the word names (a new list; the
    groups that hold no such participant are the same objects); *toks* the clause's tokens ("their coast
    guards": the organs of two states are the states')."""
    out = []
    for g in groups:
        refs = [p for p in g if _HOW.match(p.how)]
        if len(refs) < 2:
            out.append(g)
            continue
        words = _HOW.match(refs[0].how).group(1)
        if words.lower() == "their" and refs[0].tj < len(toks) and _ORGANS.match(toks[refs[0].tj].lower):
            words = "their countries"
        ents = [_level(p.entity, words, kinds, owner) for p in refs]
        if None in ents or len(set(ents)) < len(ents):
            # no pair of the right kinds: the pair the story set against each other (or together), else the
            # states named first in the text ("the two neighbours" of a story about Japan and Korea)
            # (the clause's other actors are not "both sides", "Uruguay urged both governments", unless the pair
            # is the subject of its own verb: "Bolivia handed over suspects, saying the two neighbours were")
            r0 = refs[0]
            subject = (
                r0.ti == 0
                or toks[r0.ti - 1].lower in _OPENERS
                or (r0.tj < len(toks) and (toks[r0.tj].lower in AUX or toks[r0.tj].lower.endswith("ed")))
            )
            others = set() if subject else {p.entity for h in groups if h is not g for p in h}
            picked = two_sides(words, [list(recent)], kinds, owner, others) if recent else None
            if not picked and _STATE_WORDS.search(words):
                kept = list(dict.fromkeys(e for e in ents if e is not None))
                first = [e for e in kinds if kinds[e] == "state" and e not in kept and e not in others]
                picked = (kept + first)[:2] if len(kept + first) >= 2 else None
            if not picked:
                out.append(g)
                continue
            ents = picked
        r0 = refs[0]
        new = [type(r0)(e, r0.start, r0.end, r0.ti, r0.tj, r0.how) for e in dict.fromkeys(ents)]
        out.append(sorted([p for p in g if p not in refs] + new, key=lambda p: p.ti))
    return out


def speakers_they(c):
    """ "Estonia and Latvia said in a joint statement that they backed Helsinki's decision": "they" before a cue
    in what several speakers named together say is each of them (each claims its own act). *c* is the
    :class:`graph.draft.pairs.Clause` being read; the pairs are added to it."""
    if c.content is None or len(c.speakers) < 2:
        return
    toks, lows = c.toks, c.lows
    for h in c.hits:
        if not c.content[0] <= toks[h.i].start < c.content[1]:
            continue
        k = next((k for k in range(h.i - 1, max(-1, h.i - 5), -1) if lows[k] == "they"), None)
        if k is None or toks[k].start < c.content[0] or any(p.ti < h.i and p.tj > k for g in c.groups for p in g):
            continue
        if not all(w.isalpha() and w not in ("that", "and", "but") for w in lows[k + 1 : h.i]):
            continue
        obj = next((g for g in c.groups if h.j <= g[0].ti <= h.j + 4), None)
        if obj is None:
            continue
        for sp in c.speakers:
            s = type(sp)(sp.entity, toks[k].start, toks[k].end, k, k + 1, "'they' (the speakers named together)")
            for o in obj:
                c.add(s, o, h, "'they' after the speakers named together", 0.5, k, "cue")
        return


# nouns of an act two do to each other when "between" names the two ("trade between India and China",
# "fighting between the army and the rebels"): the type when the lexicon has no cue on the word
_MUTUAL = {
    "trade": ("COOPERATE", "economic"),
    "cooperation": ("COOPERATE", "diplomatic"),
    "fighting": ("ASSAULT", "firearms"),
    "clashes": ("ASSAULT", "firearms"),
    "skirmishes": ("ASSAULT", "firearms"),
    "firefights": ("ASSAULT", "firearms"),
    "battles": ("ASSAULT", "firearms"),
    "hostilities": ("ASSAULT", "firearms"),
    "war": ("ASSAULT", "firearms"),
}


def mutual_between(c, cue_hit):
    """ "trade between India and China", "fighting between the junta's forces and the Arakan Army": an act noun
    before "between" and two actors named together is what each does to the other (*cue_hit* makes a
    :class:`graph.draft.lexicon.CueHit`)."""
    toks, lows = c.toks, c.lows
    for k in range(len(toks) - 2):
        if lows[k] not in _MUTUAL or lows[k + 1] != "between":
            continue
        at = k + 2 + (lows[k + 2] == "the")
        g = next((g for g in c.groups if g[0].ti in (k + 2, at) and len(g) > 1), None) or two_after(c, k + 2)
        if g is None or len({p.entity for p in g}) < 2:
            continue
        hit = next((h for h in c.hits if h.i <= k < h.j), None)
        if hit is not None and (hit.entry.get("reciprocal") or any(key[2] == hit.i for key in c.pairs)):
            continue  # (the lexicon's reciprocal cue has made the pairs)
        if hit is None:
            kind, mode = _MUTUAL[lows[k]]
            hit = cue_hit(k, k + 1, toks[k].text, {"cue": lows[k], "type": kind, "mode": mode, "reciprocal": True})
        for s in g:
            for o in g:
                c.add(s, o, hit, f"'{toks[k].text} between' two actors named together", 0.55, g[0].ti, "reciprocal")


def appositive(c):
    """ "Mali and Niger, Burkina Faso's partners in the AES, condemned ...": the possessor of a noun set off by
    commas after actors named together describes them and is no actor of the clause (nor are the actors and
    cues inside the aside). *c* is the :class:`graph.draft.pairs.Clause`; its groups and hits are cut."""
    toks, lows = c.toks, c.lows
    for g in c.groups:
        if len(g) < 2:
            continue
        for i in range(1, len(g)):
            p, prev = g[i], g[i - 1]
            closed = any(w in ("and", "or") for q, r in zip(g[:i], g[1:i], strict=False) for w in lows[q.tj : r.ti])
            if not (
                closed
                and lows[prev.tj : p.ti] == [","]
                and p.tj + 1 < len(toks)
                and lows[p.tj] == "'s"
                and toks[p.tj + 1].text.isalpha()
                and toks[p.tj + 1].text.islower()
            ):
                continue
            end = next((k for k in range(p.tj + 1, min(len(toks), p.tj + 14)) if lows[k] == ","), None)
            if end is None or not any(end < h.i <= end + 3 for h in c.hits):
                continue
            c.groups = [kept for kept in ([q for q in h if not p.ti <= q.ti < end] for h in c.groups) if kept]
            c.hits = [h for h in c.hits if not p.ti <= h.i < end]
            return


def co_agents(c):
    """ "Uruguay, along with Argentina and Chile, condemned Bolivia", "Bolivia left the pact along with Peru": the
    actors after "along with"/"together with"/"alongside" do what the actor before does (and are not its object). *c* is
    the :class:`graph.draft.pairs.Clause`; its pairs are changed."""
    lows = c.lows
    for k in range(len(lows) - 2):
        # ("alongside" too, when no cue holds it: "fighting alongside the rebels" is an act on them)
        w = 2 if lows[k] in ("along", "together") and lows[k + 1] == "with" else 1 if lows[k] == "alongside" else 0
        if not w or (w == 1 and any(h.i <= k < h.j for h in c.hits)):
            continue
        after = next(
            (g for g in c.groups if g[0].ti in (k + w, k + w + 1) and (g[0].ti == k + w or lows[k + w] == "the")), None
        )
        end = k - (k > 0 and lows[k - 1] == ",")
        before = next((g for g in reversed(c.groups) if g[-1].tj <= end), None)
        if after is None or before is None or before[-1].tj < end - 8:
            continue
        mine = {p.entity for p in before}
        theirs = {p.entity for p in after}
        for key, (s, o, hit, *_) in list(c.pairs.items()):
            if s.entity in mine and o.entity in theirs and (hit is None or hit.i < k):
                del c.pairs[key]  # ("left the pact along with Peru": Peru is no object)
        # ("Uruguay condemned Bolivia on Sunday along with Argentina": the actor before is the verb's object)
        acted = any(s.entity in mine for s, *_ in c.pairs.values())
        for s, o, hit, how, conf, left_at, rule in list(c.pairs.values()):
            if hit is None or c.in_rel(hit.i) != c.in_rel(k):
                continue  # (not across a relative clause: "ECOWAS, which X left along with Y, urged ...")
            if not acted and o.entity in mine and s.entity not in theirs and hit.i < k:
                for p in after:
                    if (p.entity, o.entity, hit.i if hit else None) not in c.pairs:
                        c.add(p, o, hit, how + f", with those '{lows[k]} with' it", conf, left_at, rule)
            elif (s.entity in mine or s.entity in theirs) and o.entity not in mine | theirs:
                for p in before + after:
                    if (p.entity, o.entity, hit.i if hit else None) not in c.pairs:
                        c.add(p, o, hit, how + f", with those '{lows[k]} with' it", conf, left_at, rule)
        return


_WIDE = {"regional", "international", "multilateral", "global", "annual", "summit", "conference"}
_MEETINGS = re.compile(
    r"talks|meetings?|summit|negotiations|dialogue|consultations|contacts|truce|ceasefire|deal|agreement|accord|peace"
)


def mediator_on_sides(c):
    """ "Beijing has offered to host a trilateral meeting", "Chile could offer to host technical meetings",
    "the United States says it brokered the truce": a host or broker that names no one it brings together acts on
    each of the two sides of the story so far (:func:`graph.draft.sides.two_sides`). *c* is the
    :class:`graph.draft.pairs.Clause`; the pairs are added to it."""
    lows = c.lows
    for h in c.hits:
        if h.entry.get("mode") not in ("mediate", "third-party", "host") or any(k[2] == h.i for k in c.pairs):
            continue
        # ("the 2023 agreement, brokered by China in March": the agent of a passive)
        by = h.j + 1 < len(lows) and lows[h.j] == "by"
        agent = next((g for g in c.groups if by and g[0].ti == h.j + 1 + (lows[h.j + 1] == "the")), None)
        near = lows[h.i - 4 * bool(agent) if h.i >= 4 else 0 : h.j + 4]
        meets = [k for k, w in enumerate(near) if _MEETINGS.fullmatch(w)]
        # (not "a regional meeting", "talks with X", "a meeting of the ministers of X": more than the two, or named)
        if not meets or _WIDE & set(near[: meets[0]]) or near[meets[0] + 1 : meets[0] + 2] in (["with"], ["of"]):
            continue
        subj = agent or next((g for g in reversed(c.groups) if g[-1].tj <= h.i), None)
        if subj is None and c.speaker_p is not None and {"it", "we"} & set(lows[max(0, h.i - 3) : h.i]):
            # ("the United States says it brokered the truce": the speaker, who claims it)
            subj = [type(p)(p.entity, 0, 0, 0, 0, "'it' (the speaker)") for p in c.speakers]
        later = [
            g
            for g in c.groups
            if g[0].ti >= h.j
            and g is not agent
            and lows[g[0].ti - 1] not in ("in", "at", "to")
            and "," not in lows[h.j : g[0].ti]
        ]
        if subj is None or later or (c.in_rel(h.i) != c.in_rel(subj[0].ti) and subj[0].how != "'it' (the speaker)"):
            continue
        mine = {p.entity for p in subj}
        # (the two the same actor just acted on together: "urged both sides to talk, and offered to host a meeting")
        acted: dict = {}
        for r in c.recent:
            if r.subject in mine and r.object not in mine:
                acted.setdefault((r.start, r.cue_at), []).append(r.object)
        pairs = [list(dict.fromkeys(v)) for v in acted.values() if len(set(v)) == 2]
        sides = pairs[-1] if pairs else two_sides("both sides", [list(c.recent)], c.kinds or {}, c.owner, mine)
        if not sides:
            continue
        for s in subj:
            for e in sides:
                o = type(s)(e, 0, 0, 0, 0, "focus")
                c.add(s, o, h, "a host or broker that names no one: the two sides of the story", 0.4, s.ti, "carried")


_FUNCTION = {"of", "in", "on", "at", "for", "to", "from", "with", "by", "whole", "rest", "other", "all", "most", "some"}


_PREPS = {"on", "to", "with", "against", "from", "for", "by"}


def coordinated(c):
    """ "Uzbekistan and the interim Taliban government signed": two actors joined by "and"/"or" with an article and
    lowercase modifiers before the second ("the interim", "the newly formed") are named together (one group).
    *c* is the :class:`graph.draft.pairs.Clause`; its groups are joined."""
    lows, toks = c.lows, c.toks
    out = []
    for g in c.groups:
        if out:
            prev = out[-1]
            words = lows[prev[-1].tj : g[0].ti]
            # ("sanctions on Peru and on Bolivia", "talks with X as well as with Y": the same preposition again)
            before = lows[prev[0].ti - 1] if prev[0].ti > 0 else ""
            again = words[-1:] == [before] and before in _PREPS and words[:-1] in (["and"], [",", "and"], ["or"])
            # ("Peru's and Bolivia's foreign ministers met": two possessors of one noun)
            owners = words == ["'s", "and"] and g[-1].tj < len(toks) and lows[g[-1].tj] == "'s"
            if again or owners or words in (["as", "well", "as"], ["as", "well", "as", before]):
                out[-1] = prev + g
                continue
            if (
                2 <= len(words) <= 4
                and words[0] in ("and", "or")
                and words[1] in ("the", "its", "their", "a")
                and all(t.text.isalpha() and t.text.islower() for t in toks[prev[-1].tj + 2 : g[0].ti])
                and not any(w in AUX or w in _FUNCTION or w.endswith("ed") for w in words[2:])
                and not any(prev[-1].tj <= h.i < g[0].ti for h in c.hits)
            ):
                out[-1] = prev + g
                continue
        out.append(g)
    c.groups = out


def each_other(c):
    """ "Peru and Bolivia accused each other of ...", "blamed one another", "each accused the other": actors named
    together that act on "each other" act each on the other. *c* is the :class:`graph.draft.pairs.Clause`; the
    pairs are added to it."""
    lows = c.lows
    for h in c.hits:
        tail = lows[h.j : h.j + 3]
        if not (
            tail[:2] in (["each", "other"], ["one", "another"])
            or (tail[:2] == ["the", "other"] and "each" in lows[max(0, h.i - 3) : h.i])
        ):
            continue
        g = next((g for g in reversed(c.groups) if g[-1].tj <= h.i), None)
        if g is None or len({p.entity for p in g}) < 2 or h.i - g[-1].tj > 4:
            continue
        for key in [k for k in c.pairs if k[2] == h.i]:
            del c.pairs[key]
        for s in g:
            for o in g:
                c.add(s, o, h, f"actors named together, '{' '.join(tail[:2])}'", 0.6, g[0].ti, "reciprocal")


# nouns of an act two do together, after "their" ("Seoul and Washington began their annual exercise")
_THEIR = {
    "exercise": ("COOPERATE", "military"),
    "exercises": ("COOPERATE", "military"),
    "drills": ("COOPERATE", "military"),
    "drill": ("COOPERATE", "military"),
    "manoeuvres": ("COOPERATE", "military"),
    "maneuvers": ("COOPERATE", "military"),
    "patrols": ("COOPERATE", "military"),
    "cooperation": ("COOPERATE", "diplomatic"),
    "partnership": ("COOPERATE", "diplomatic"),
    "alliance": ("COOPERATE", "military"),
    "talks": ("CONSULT", "engage"),
    "dialogue": ("CONSULT", "engage"),
    "negotiations": ("CONSULT", "engage"),
}


def their_mutual(c, cue_hit):
    """ "Seoul and Washington are due to begin their annual Freedom Shield exercise", "X and Y deepened their
    security cooperation": actors named together and "their" before a noun of an act done together act each with
    the other (*cue_hit* makes a :class:`graph.draft.lexicon.CueHit`). *c* is the :class:`graph.draft.pairs.Clause`;
    the pairs are added to it."""
    lows, toks = c.lows, c.toks
    for k, w in enumerate(lows):
        if w != "their":
            continue
        g = next((g for g in reversed(c.groups) if g[-1].tj <= k), None)
        if g is None or len({p.entity for p in g}) < 2 or k - g[-1].tj > 8 or "," in lows[g[-1].tj : k]:
            continue
        m = next((m for m in range(k + 1, min(len(toks), k + 5)) if lows[m] in _THEIR), None)
        if (
            m is None
            or any(x in (",", "and", "with") for x in lows[k + 1 : m])
            or any(p.ti > g[-1].tj and p.ti <= k for h in c.groups for p in h)
        ):
            continue
        # (a name between is the act's own: "their annual Freedom Shield exercise")
        c.groups = [h for h in c.groups if not all(k < p.ti and p.tj <= m for p in h)]
        if any(a.entity != b.entity and (a.entity, b.entity) == key[:2] for a in g for b in g for key in c.pairs):
            continue  # (the lexicon's reciprocal cue has made the pairs)
        hit = next((h for h in c.hits if h.i <= m < h.j), None)
        if hit is None:
            kind, mode = _THEIR[lows[m]]
            hit = cue_hit(m, m + 1, toks[m].text, {"cue": lows[m], "type": kind, "mode": mode, "reciprocal": True})
        for s in g:
            for o in g:
                c.add(s, o, hit, f"actors named together, 'their ... {toks[m].text}'", 0.55, g[0].ti, "reciprocal")


def participle_subject(c):
    """ "Nepal sent diplomatic notes to India and China objecting to their agreement": a speech act in -ing right
    after the object of "to" is the clause subject's, on that object (not the object's on itself). *c* is the
    :class:`graph.draft.pairs.Clause`; its pairs are changed."""
    lows = c.lows
    if not c.groups:
        return
    first = c.groups[0]
    for h in c.hits:
        if not (
            lows[h.i].endswith("ing") and h.entry["type"] in ("ACCUSE", "REJECT", "REQUEST", "PROTEST", "THREATEN")
        ):
            continue
        g = next((g for g in c.groups if g[-1].tj == h.i), None)
        if g is None or g is first or g[0].ti < 2:
            continue
        k = g[0].ti - 1 - (lows[g[0].ti - 1] == "the")
        if lows[k] != "to" or first[-1].tj > k or not any(t.isalpha() for t in lows[first[-1].tj : k]):
            continue
        mine = {p.entity for p in g}
        keys = [key for key in c.pairs if key[2] == h.i and key[0] in mine]
        if not keys and any(key[2] == h.i for key in c.pairs):
            continue
        objs = {key[1] for key in keys}
        how, conf, rule = "the subject's act in -ing after its object", 0.55, "cue"
        targets = [p for p in g] if objs <= mine else [c.pairs[key][1] for key in keys]
        for key in keys:
            del c.pairs[key]
        for s in first:
            for o in {t.entity: t for t in targets}.values():
                c.add(s, o, h, how, conf, s.ti, rule)


def speaker_participle(c):
    """ "S, China's envoy Wang Chenggang said on Thursday after hosting talks between the two sides": an act in -ing
    after "after"/"while"/... in the speaker's phrase is the speaker's own (told by the source), on the actors named
    after it. *c* is the :class:`graph.draft.pairs.Clause`; the pairs are added to it."""
    if c.speaker_p is None or c.content is None:
        return
    toks, lows = c.toks, c.lows
    # (the cues of the phrase after what is said are left out of the clause's hits: found again here)
    for h in c.lexicon.find_cues(toks):
        if not (
            toks[h.i].start >= c.content[1]
            and lows[h.i].endswith("ing")
            and h.i > 0
            and lows[h.i - 1] in ("after", "before", "while", "when", "during", "following")
        ) or any(key[2] == h.i for key in c.pairs):
            continue
        g = next((g for g in c.groups if g[0].ti >= h.j), None)
        if g is None or g[0].ti - h.j > 5:
            continue
        for s in c.speakers:
            for o in g:
                c.add(s, o, h, "the speaker's own act in -ing after the speech verb", 0.5, None, "cue")
