"""Pairs of a clause that are no claim, dropped before they are made (:func:`graph.draft.clause.clause_candidates`).

Each rule reads an English construction, not a text's words:

- the accuser, or the other side of the story, taken as the one acted on, when the act named is on people who
  are no actor ("accused them of killing dozens of civilians", "expelled thousands of migrants");
- a subject that is the speaker inside a relative clause ("fighters of Y, who he said had attacked X": "he"
  tells it, the doer is the relative's antecedent), or the object of "with" before a purpose "to V"
  ("share intelligence with X to fight Y");
- a cue that is a conjunction, a noun of place, a noun in an apposition to the subject or a past participle
  qualifying a noun ("..., provided X is not traded away"; "docked at the port's commercial harbour";
  "Z, the state arms maker, remains under ..."; "seven Saudi soldiers captured on the border");
- a verb after "that" whose own subject names no actor ("X told reporters that government forces had ...");
- an actor carried over onto a cue told as a noun or into a relative clause of an unnamed antecedent;
- two actors in one clause with no cue word (the default type) that are one side, the first's own ("its
  Northern Fleet"), set apart by a copula, a clause of its own ("images show that China built"), or a noun's
  phrase ("the High Representative for X").

:func:`shared_subject`: a second predicate after a comma has the clause's first actor as subject.
"""

from __future__ import annotations

from .sides import top as _top
from .syntax import verb_form

__all__ = ["drop_pair"]

# people who are no actor: an attack on them is on no one who accuses
_PEOPLE = {
    "civilians",
    "people",
    "villagers",
    "residents",
    "children",
    "women",
    "men",
    "protesters",
    "protestors",
    "demonstrators",
    "migrants",
    "refugees",
    "farmers",
    "fishermen",
    "worshippers",
    "students",
    "journalists",
    "passengers",
    "pilgrims",
    "shepherds",
    "herders",
    "miners",
    "workers",
}
_QUANT = {
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "several",
    "many",
    "some",
    "at",
    "least",
    "of",
    "the",
    "unarmed",
    "innocent",
    "local",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
}
_SPEECH = {"said", "says", "claimed", "claims", "alleged", "alleges", "believes", "believed", "told", "added"}
_RELATIVE = {"who", "which", "that", "whom"}
_COPULA = {"is", "are", "was", "were", "be", "does", "do", "did", "can", "will", "would", "has", "have", "had"}
_CONJUNCTION_VERBS = {"provided", "providing", "given", "granted", "assuming", "supposing"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "'s"}
_PLACE_PREPS = {"at", "into", "near", "off", "inside", "outside"}  # (not "in": "in an attack")
_OPENS_CLAUSE = {"that", "whether", "if", "because", "while", "although", "though", "as", "since"}
_PREPOSITIONS = {"for", "across", "through", "via", "over", "under", "within", "near", "to", "from", "into"}


def _on_people(lows, hit):
    """Whether the cue's words are followed by people who are no actor ("killing dozens of civilians")."""
    k = hit.j
    while k < len(lows) and (lows[k] in _QUANT or lows[k].isdigit() or ("-" in lows[k] and lows[k] not in _PEOPLE)):
        k += 1  # ("dozens of civilians", "thousands of sub-Saharan migrants")
    return k < len(lows) and lows[k] in _PEOPLE


def _conjunction(lows, hit):
    """Whether a one-word cue ("provided") opens a condition: after a comma or the clause's start, a noun phrase
    and then a verb of its own ("..., provided Doklam is not traded away"), or "provided that"."""
    if hit.j - hit.i != 1 or lows[hit.i] not in _CONJUNCTION_VERBS:
        return False
    if hit.j < len(lows) and lows[hit.j] == "that":
        return True
    if hit.i > 0 and lows[hit.i - 1] not in (",", "and", "but", "only"):
        return False
    for w in lows[hit.j : hit.j + 5]:
        if w in ("to", "with", "by", "for", ","):
            return False
        if w in _COPULA:
            return True
    return False


def _place_noun(toks, lows, hit):
    """Whether a one-word cue in its bare form is the head of a phrase of place ("docked at the city's
    commercial harbour"): a place preposition, then a determiner or possessive, then adjectives or names."""
    if hit.j - hit.i != 1 or lows[hit.i] != hit.entry["cue"].split()[0]:
        return False
    seen_det = False
    for k in range(hit.i - 1, max(-1, hit.i - 6), -1):
        w = lows[k]
        if w in _PLACE_PREPS:
            return seen_det
        if w in _DETERMINERS:
            seen_det = True
            continue
        if not w.isalpha():
            return False
        if toks[k].text[:1].isupper() or w.endswith(("al", "ial", "ern", "ary", "ic")):
            continue  # a name or an adjective ("Male's commercial", "its naval")
        return False
    return False


_FUNCTION = {
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "been",
    "be",
    "being",
    "not",
    "also",
    "then",
    "already",
    "never",
    "now",
    "later",
    "still",
    "just",
    "it",
    "they",
    "he",
    "she",
    "we",
    "on",
    "in",
    "last",
    "this",
    "\0",
    ",",
    '"',
    "“",
    "”",
}
_POSSESSIVE = {"its", "their", "his", "her", "our"}
_AUX = {"has", "have", "had", "is", "are", "was", "were", "will", "would"}
_MODAL = {"could", "can", "must", "should", "may", "might", "did", "does", "do", "not", "never"}


def _unnamed_subject(toks, lows, s, hit):
    """Whether a clause opened by "that" after the subject has a subject of its own that names no actor, a
    noun phrase and then an auxiliary ("X told reporters that government forces had retaken Y": not X's act,
    told by X; not "that its troops had", "that they stood", "the ceasefire that ended")."""
    k = next((k for k in range(hit.i - 1, s.tj - 1, -1) if lows[k] == "that"), None)
    if k is None or k + 2 >= hit.i or lows[k + 1] in _POSSESSIVE or lows[k + 1] in _FUNCTION:
        return False
    if any(w in (",", "and", "but", '"', "\u201c", "\u201d", "that") for w in lows[k + 1 : hit.i]):
        return False
    aux = next((j for j in range(k + 2, min(hit.i, k + 6)) if lows[j] in _AUX), None)
    if aux is None:
        return False
    return all(
        w.isalpha() and w not in _FUNCTION and toks[j].text[:1].islower()
        for j, w in enumerate(lows[k + 1 : aux], k + 1)
    )


_ADJ_ENDS = ("al", "ic", "ive", "ous", "ful", "ar", "ary")
_NOUN_BEFORE = {"a", "an", "the", "of", "for", "under", "its", "their", "his", "her", "our", "'s", "this"}


def _noun_cue(toks, lows, hit):
    """Whether the cue is written as a noun, not a verb: after a determiner, a preposition or an adjective
    ("told a regular briefing", "goods not under sanctions", "practical cooperation between")."""
    if hit.i == 0:
        return False
    w = lows[hit.i - 1]
    return w in _NOUN_BEFORE or (w.isalpha() and w.endswith(_ADJ_ENDS) and toks[hit.i - 1].text.islower())


def _in_relative(toks, lows, groups, hit):
    """Whether the cue stands in a relative clause ("N, which ...", up to the next comma) whose antecedent N is
    no actor ("The Gulf states, which have invested heavily in both countries"): its doer is N."""
    k = next((k for k in range(hit.i - 1, 0, -1) if lows[k] in ("which", "who") or lows[k] == ","), None)
    if k is None or lows[k] == "," or lows[k - 1] != ",":
        return False
    if any(k < p.ti < hit.i for g in groups for p in g):
        return False
    return not any(p.tj == k - 1 for g in groups for p in g)


_OBJ_PREPS = {"with", "between"}


def _object_of_preposition(toks, lows, groups, s, hit):
    """Whether the subject taken stands after a preposition (skipping "the"), with another actor named before it
    in the clause ("ready to share intelligence with the Taliban government in Kabul to fight X": the Taliban
    are not the ones who fight)."""
    k = s.ti - 1
    while k >= 0 and lows[k] in ("the", "a", "an"):
        k -= 1
    if k < 0 or lows[k] not in _OBJ_PREPS:
        return False
    if not (hit.i > 0 and (lows[hit.i - 1] == "to" or (lows[hit.i - 1] == "," and lows[hit.i].endswith("ing")))):
        return False  # (only a purpose "to V" or a participle ", V-ing" after the phrase)
    return any(g[-1].tj <= k for g in groups)


def _in_apposition(lows, s, o, hit):
    """Whether a cue told as a noun stands in an apposition to the subject, set off by commas, before the object
    ("Z Industries, the state arms maker, remains under an EU asset freeze": what Z is, not an act on the EU)."""
    if verb_form(hit) or s.tj >= len(lows) or lows[s.tj] != "," or hit.i <= s.tj + 1:
        return False
    if lows[s.tj + 1] not in ("the", "a", "an") or any(w in (",", "who", "which") for w in lows[s.tj + 1 : hit.i]):
        return False
    close = next((k for k in range(hit.j, len(lows)) if lows[k] == ","), None)
    return close is not None and close < o.ti


_AFTER_PARTICIPLE = {"in", "on", "at", "by", "during", "of", "for", "near", "from", "after", "since", ",", "."}


def _reduced_relative(toks, lows, s, hit):
    """Whether the cue is a past participle right after a noun it qualifies, the noun's patient ("seven Saudi
    soldiers captured on the border", "a politician convicted of corruption"): an actor before the noun is no
    doer of it."""
    if hit.j - hit.i != 1 or not lows[hit.i].endswith("ed") or hit.i < 1 or s.tj > hit.i - 1:
        return False
    if hit.entry.get("reciprocal"):
        return False  # ("their troops clashed in the valley": a reciprocal verb has no patient)
    n = lows[hit.i - 1]
    if not (n.isalpha() and toks[hit.i - 1].text.islower()) or n in _AUX or n in _MODAL or n.endswith("ly"):
        return False
    if n in ("and", "or", "but", "then", "also", "not", "who", "which", "that", "it", "they", "he", "she", "we"):
        return False
    return hit.j == len(lows) or lows[hit.j] in _AFTER_PARTICIPLE


def drop_pair(toks, groups, s, o, hit, rule, owner=None, how=""):
    """Why the pair (*s*, *o*) of the clause (*toks*, *groups*) made by *rule* with cue *hit* is no claim, or
    None.

    >>> from graph.draft.tokens import tokenise
    >>> from graph.draft.cue_pairs import Participant
    >>> toks = tokenise("Ruritania will sign, provided Osterlich is not harmed")
    >>> class H: i, j, words, entry = 4, 5, "provided", {"cue": "provide", "type": "AID"}
    >>> drop_pair(toks, [], Participant("RUR", 0, 9, 0, 1, ""), Participant("OST", 0, 0, 5, 6, ""), H, "cue")
    "'provided' opens a condition"
    """
    lows = [t.lower for t in toks]
    owner = owner or {}
    if hit is not None and rule in ("accuser", "other-side") and _on_people(lows, hit):
        return "the act is on people who are no actor, not on the accuser or the other side"
    if hit is not None and _conjunction(lows, hit):
        return f"'{hit.words}' opens a condition"
    if hit is not None and _place_noun(toks, lows, hit):
        return f"'{hit.words}' names a place"
    if (
        hit is not None
        and s.tj < len(lows)
        and s.ti > 0
        and lows[s.ti - 1] in _RELATIVE
        and lows[s.tj] in _SPEECH
        and hit.i > s.tj
        and s.how.startswith("'")
    ):
        return "the speaker inside a relative clause, not its doer"
    if hit is not None and rule in ("cue", "cue-ref") and _unnamed_subject(toks, lows, s, hit):
        return "the verb after 'that' has a subject of its own, no actor"
    if hit is not None and rule == "carried" and "host or broker" not in how:
        if _noun_cue(toks, lows, hit):
            return "one actor and a cue told as a noun: nothing carried over acts"
        if _in_relative(toks, lows, groups, hit):
            return "the cue's doer is the relative clause's antecedent, no actor"
    if hit is not None and rule in ("cue", "cue-ref") and _object_of_preposition(toks, lows, groups, s, hit):
        return "the subject taken is the object of a preposition"
    if hit is not None and rule in ("cue", "cue-ref") and _in_apposition(lows, s, o, hit):
        return "a noun in an apposition to the subject: what it is, not an act"
    if hit is not None and s.ti < hit.i and _reduced_relative(toks, lows, s, hit) and rule != "passive":
        return "a past participle qualifying a noun: its patient, no act of the actor before"
    if rule == "default":
        between = lows[s.tj : o.ti]
        if {"is", "are", "was", "were"} & set(between) and not any(w.endswith(("ed", "ing")) for w in between):
            return "a copula between them: what one is, not an act ('its troops are Ethiopian')"
        if s.ti > 0 and lows[s.ti - 1] in _POSSESSIVE:
            return "the first actor qualifies a noun of another's ('known by its French acronym X')"
        if o.ti > 0 and lows[o.ti - 1] in _POSSESSIVE:
            return "the second actor is the first's own ('expanded its Northern Fleet')"
        if _top(s.entity, owner) == _top(o.entity, owner) or owner.get(o.entity) == s.entity:
            return "one side"
        if _OPENS_CLAUSE & set(between):
            return "the second actor opens a clause of its own"
        if (
            between
            and {between[0], between[-1]} & _PREPOSITIONS
            and not any(w in _AUX or w in _MODAL or w.endswith(("ed", "ing")) for w in between)
        ):
            # "the High Representative for X", "carried Bolivian gas across Chile": no verb between them
            return "the second actor is in a phrase of a noun, no verb between them"
    return None


def shared_subject(toks, groups, s, hit, rule):
    """The clause's first actor when a cue verb follows a comma with no subject of its own (a second predicate,
    "X denies sheltering Y after the bombing, accuses Z of ...": X accuses, not Y), else None.

    >>> from graph.draft.tokens import tokenise
    >>> from graph.draft.cue_pairs import Participant
    >>> toks = tokenise("Ruritania denies sheltering Osterlich after the bombing, accuses Carpania")
    >>> class H: i, j, words, entry = 8, 9, "accuses", {"cue": "accuse", "type": "ACCUSE"}
    >>> first, other = Participant("RUR", 0, 9, 0, 1, ""), Participant("OST", 0, 0, 3, 4, "")
    >>> shared_subject(toks, [[first], [other]], other, H, "cue").entity
    'RUR'
    """
    if hit is None or rule not in ("cue", "cue-ref") or hit.i < 2 or not groups:
        return None
    lows = [t.lower for t in toks]
    w = lows[hit.i]
    if lows[hit.i - 1] != "," or not toks[hit.i].text.islower() or w.endswith(("ing", "ss")):
        return None
    if not (w.endswith(("s", "ed")) or verb_form(hit)):
        return None
    first = groups[0]
    if first[0].ti > 0 or any(p.entity == s.entity for p in first) or not (first[-1].tj < s.ti < s.tj < hit.i - 1):
        return None
    if any(lows[k] in (",", ";", "and", "but", "which", "who") for k in range(first[-1].tj, s.ti)):
        return None  # (a list or a clause of its own between them)
    return first[0]
