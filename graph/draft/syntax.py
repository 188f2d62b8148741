"""The shallow syntax the clause rules read: groups of actors, verbs and nouns, passives, prepositions.

No parser: a few word-level tests on the tokens of a clause (:mod:`graph.draft.tokens`) and its
participants (:class:`graph.draft.clause.Participant`). Actors named in a list are one group; a
group after a preposition ("the war in Yemen") or a demonym before a place ("Afghan soil") names a
place; "were killed" is a passive, "the banned group" a participle used as an adjective.

>>> from graph.draft.tokens import tokenise
>>> from graph.draft.lexicon import Lexicon
>>> toks = tokenise("Six soldiers were killed on Monday")
>>> hit = Lexicon.load().find_cues(toks)[0]
>>> hit.words, passive(hit, toks), verb_form(hit)
('killed', True, True)
>>> participle_before(tokenise("the deal was signed in Beijing by"), 6)
True
>>> participle_before(tokenise("rejected remarks by"), 2)
False
"""

from __future__ import annotations

import re

__all__ = [
    "posted_to",
    "group",
    "opens",
    "after",
    "names_place",
    "demonym_place",
    "verb_form",
    "passive",
    "participle_before",
    "rel_spans",
    "denial_verbs",
    "possessive_appositions",
    "subordinate_cuts",
    "seated",
    "SEATED",
]

LIST = {",", "and", "or", "as", "well", "the", "&"}
AUX = set(
    """has have had is are was were will would should must could can may might did does do
said says told chose gave took made went came began sought met held left sent struck won lost saw
remains remained""".split()
)
SUBORDINATE = {"since", "because", "although", "though", "whereas", "unless", "until", "while"}
BEYOND = {
    "after",
    "before",
    "when",
    "while",
    "because",
    "since",
    "although",
    "though",
    "whereas",
    "said",
    "says",
    "told",
}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "'s", "this", "these", "those"}
LOCATIVE = {"in", "at", "near", "inside", "within"}
PREPS = LOCATIVE | {
    "towards",
    "toward",
    "against",
    "on",
    "over",
    "into",
    "onto",
    "from",
    "across",
    "through",
    "between",
    "among",
    "around",
    "along",
    "about",
    "outside",
}
PLACE_NOUNS = {
    "soil",
    "territory",
    "land",
    "airspace",
    "waters",
    "port",
    "city",
    "town",
    "province",
    "region",
    "capital",
    "district",
    "coast",
    "mainland",
    "border",
    "borders",
    "frontier",
}
ADDRESSED = {"CONSULT", "REJECT", "REQUEST", "ACCUSE", "SUPPORT", "AGREE", "THREATEN"}
BE = {"was", "were", "is", "are", "been", "being", "be", "got", "get"}


def group(parts, toks):
    """The participants grouped: members of a list ("A, B and C") in one group."""
    groups = []
    for p in parts:
        if groups:
            prev = groups[-1][-1]
            between = [t.lower for t in toks[prev.tj : p.ti]]
            if (prev.ti, prev.tj) == (p.ti, p.tj):  # "Each": the members of one group
                groups[-1].append(p)
                continue
            if (
                prev.tj <= p.ti
                and all(w in LIST for w in between)
                and ("," in between or "and" in between or "or" in between)
            ):
                groups[-1].append(p)
                continue
            # "Iranian border guards and Taliban forces": two actors' people, named together
            if (
                prev.tj <= p.ti
                and 2 <= len(between) <= 3
                and between[-1] in ("and", ",")
                and all(w.isalpha() and w not in AUX and not w.endswith("ed") for w in between[:-1])
                and all(t.text[:1].islower() for t in toks[prev.tj : p.ti - 1])
            ):
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups


def after(g, toks, preps, cue_end=0):
    """Whether the group follows one of the prepositions *preps* (through "the"); one before token
    *cue_end* is part of a cue ("hit out at", "called in"), not the group's own."""
    k = g[0].ti - 1
    if k >= 0 and toks[k].lower == "the":
        k -= 1
    return k >= cue_end and toks[k].lower in preps


def names_place(g, toks):
    """Whether the group names a place rather than an actor: after a preposition ("the war in Yemen"),
    or a demonym before a place ("Afghan soil", "the Chinese port city of")."""
    p = g[-1]
    if p.how.startswith("'"):
        return False
    nxt = toks[p.tj].lower if p.tj < len(toks) else ""
    if seated(g, toks):
        return False
    # "Iranian border guards opened fire": a place noun before a noun is its modifier, the actor is the state's
    return after(g, toks, PREPS) or ("demonym" in p.how and nxt in PLACE_NOUNS and not _noun_after(toks, p.tj))


SEATED = {"government", "authorities", "administration", "regime", "rulers", "leadership", "junta", "officials"}


def seated(g, toks):
    """Whether the group is the seat of rulers named before it ("the government in Juba", "the de facto
    authorities in Kabul"): the rulers, an actor, not a place."""
    k = g[0].ti - 1
    if k >= 0 and toks[k].lower == "the":
        k -= 1
    if not (k >= 1 and toks[k].lower in ("in", "of") and toks[k - 1].lower in SEATED):
        return False
    # (not "the Taliban authorities in Afghanistan": rulers named already, the place is where they rule)
    return not (k >= 2 and toks[k - 2].text[:1].isupper() and toks[k - 2].lower != "the")


def _noun_after(toks, k):
    """Whether the word after token *k* is a lowercase noun (so that token *k* modifies it)."""
    then = toks[k + 1] if k + 1 < len(toks) else None
    return (
        then is not None
        and then.text.isalpha()
        and then.text.islower()
        and then.lower not in PREPS | {"and", "or", "of", "to", "for", "with", "since", "as", "where", "which", "that"}
        and then.lower not in AUX
    )


def demonym_place(g, toks):
    """Whether the group is demonyms before a place noun after a preposition of place ("along the Libyan and
    Algerian borders"; not "a Pakistani border post", "close to the Pakistani border")."""
    p = g[-1]
    nxt = toks[p.tj].lower if p.tj < len(toks) else ""
    return (
        all("demonym" in q.how for q in g)
        and nxt in PLACE_NOUNS
        and not _noun_after(toks, p.tj)
        and after(g, toks, LOCATIVE | {"along", "across", "into", "on"})
    )


def verb_form(hit):
    """Whether a cue is written as a verb ("attacked", "killing", "struck"), not a noun ("air strikes")."""
    w = hit.words.split()[0].lower()
    lemma = hit.entry["cue"].split()[0]
    irregular = {str(f).lower() for f in hit.entry.get("forms") or ()}
    return w.endswith(("ed", "ing")) or (w in irregular and not w.endswith("s") and w not in (lemma, lemma + "s"))


def passive(hit, toks):
    """Whether the cue is a verb in the passive ("were killed", "was attacked"; not "is allied with")."""
    if hit.j - hit.i > 1:
        return False
    w = toks[hit.i].lower
    k = hit.i - 1
    if k >= 0 and toks[k].lower.endswith("ly"):
        k -= 1
    return (
        k >= 0
        and toks[k].lower in BE
        and (w.endswith(("ed", "en")) or w in ("hit", "struck", "shot", "held", "sent", "sold", "seized"))
    )


def participle_before(toks, k):
    """Whether the words before token *k* ("by") end in a past participle ("was signed in Beijing last
    week by", "left behind by"; not "rejected remarks by")."""
    for t in reversed(toks[max(0, k - 6) : k]):
        if re.search(r"(ed|en|wn|ft)$", t.lower):
            return True
        if (
            t.lower not in ("behind", "back", "up", "out", "off", "jointly", "directly", "in", "on", "at", "\0")
            and not t.text[:1].isupper()
        ):
            return False
    return False


def opens(g, toks, lexicon):
    """Whether the group is the clause's subject: followed by a verb ("the Taliban has")."""
    nxt = toks[g[-1].tj].lower if g[-1].tj < len(toks) else ""
    return nxt in AUX or nxt.endswith("ed") or (nxt in lexicon.by_first and not nxt.endswith("s'"))


def rel_spans(toks):
    """Token ranges of relative clauses ", which ... ," / ", who ... ," and of appositions after a name
    (", the EU's envoy for the Belgrade-Pristina dialogue," closed by a comma that no "and" follows)."""
    out = []
    for k, t in enumerate(toks):
        if t.lower in ("which", "who") and k > 0 and toks[k - 1].lower == ",":
            end = next((x for x in range(k + 1, len(toks)) if toks[x].lower == ","), len(toks))
            out.append((k, end))
        elif (
            t.lower in ("the", "a", "an")
            and k > 1
            and toks[k - 1].lower == ","
            and toks[k - 2].text[:1].isupper()
            and toks[k - 2].text.isalpha()
        ):
            end = next((x for x in range(k + 1, min(k + 14, len(toks))) if toks[x].lower in (",", ";", ".")), None)
            if (
                end is not None
                and toks[end].lower == ","
                and end + 1 < len(toks)
                and toks[end + 1].lower not in ("and", "or")
                and not toks[end + 1].text[:1].isupper()
            ):
                out.append((k, end))
    return out


def denial_verbs(toks, lexicon):
    """Token indexes of verbs of denial that deny (not "rejected the request")."""
    verbs = {p[0] for p in lexicon.modality.get("denial", ())}
    acc = {p[0] for p in lexicon.modality.get("accusation", ())}
    out = []
    for k, t in enumerate(toks):
        if t.lower not in verbs:
            continue
        nxt = [x.lower for x in toks[k + 1 : k + 7]]
        if not nxt:
            continue
        if (
            nxt[0] in ("that", "having")
            or nxt[0].endswith("ing")
            or any(w in acc for w in nxt[:5])
            or nxt[0] in ("reports", "suggestions")
        ):
            out.append(k)
    return out


def possessive_appositions(toks):
    """Token ranges of appositions that open with a possessor after a name (", Peru's closest ally,"):
    its actors are no members of the list before it nor the clause's subject.

    >>> from graph.draft.tokens import tokenise
    >>> t = "Uruguay, Peru's closest ally, accused Chile. Uruguay, Peru's ally, and Chile met."
    >>> toks = tokenise(t, 0, len(t))
    >>> [" ".join(x.text for x in toks[a:b]) for a, b in possessive_appositions(toks)]
    ["Peru 's closest ally"]
    """
    out = []
    n = len(toks)
    for k in range(2, n):
        if toks[k - 1].text != "," or not toks[k].text[:1].isupper():
            continue
        if not (toks[k - 2].text[:1].isupper() or toks[k - 2].text == ")"):
            continue
        s = next((x for x in range(k + 1, min(k + 5, n)) if toks[x].lower == "'s"), None)
        if s is None or not all(t.text[:1].isupper() for t in toks[k:s]):
            continue
        if s + 1 >= n or not toks[s + 1].text[:1].islower():
            continue
        end = next((x for x in range(s + 1, min(s + 16, n)) if toks[x].text in (",", ";", ".")), None)
        if end is None or toks[end].text != "," or end + 1 >= n:
            continue
        nxt = toks[end + 1]
        if nxt.lower in ("and", "or", "but") or not nxt.text[:1].islower():
            continue
        out.append((k, end))
    return out


_SUB_CUT = re.compile(r",\s+(?=(?:after|before|when|until|because|while|whereas|although)\s+\S+\s)")
_ASKING = re.compile(
    r"\b(?:urged?|urges|urging|called on|calls on|calling on|asked|asks|asking|pressed|presses|pressing)\b"
)


def subordinate_cuts(text, spans):
    """The clause spans cut again before a subordinate clause set off by a comma after a request (", after
    more than 40,000 Afghans were deported from Pakistan"): what the request asks ends there.

    >>> t = "Kabul urged Pakistan to stop expulsions, after 4,000 Afghans were deported."
    >>> [t[a:b] for a, b in subordinate_cuts(t, [(0, len(t))])]
    ['Kabul urged Pakistan to stop expulsions', 'after 4,000 Afghans were deported.']
    """
    out = []
    for cs, ce in spans:
        pos = cs
        for m in _SUB_CUT.finditer(text, cs, ce):
            if not _ASKING.search(text, pos, m.start()):
                continue
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, ce))
    return out


_POSTED = {"ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives", "delegate"}
_POSTED |= {"delegates", "consul", "attache", "attaché", "emissary", "delegation", "mission", "chargé", "charge"}


def posted_to(toks, ti):
    """Whether the actor at token *ti* is only where an envoy is posted: "Bolivia's ambassador to the United
    Nations accused ...", "the Chilean envoy to Peru said" (the envoy speaks for the sender, not the host).

    >>> from graph.draft.tokens import tokenise
    >>> t = "Chile's envoy to the UN spoke."
    >>> posted_to(tokenise(t, 0, len(t)), 5)
    True
    """
    k = ti - 1
    if k >= 0 and toks[k].lower == "the":
        k -= 1
    if not (k >= 2 and toks[k].lower == "to" and toks[k - 1].lower in _POSTED):
        return False
    # (whose envoy is said before it: "Chile's envoy to", "the Chilean envoy to"; not "sent an envoy to Peru")
    w = toks[k - 2]
    return w.lower == "'s" or (w.text[:1].isupper() and w.lower not in ("the", "a", "an"))
