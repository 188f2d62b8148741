"""Classes of capitalised words that are no actor's name, or a longer name than the run found.

Six English constructions, after :func:`~graph.draft.names.new_names` has found the runs:

* a sentence-opening word used as the modifier of a plural common noun ("Satellite images show",
  "Member states must", "Small steps on ...") is a common word: no name, unless the noun names people
  who act ("Wagner fighters", "Kremlin officials");
* a people's adjective before a plural noun ("West Papuan fighters", "Bolivian miners") describes the
  people, it names none (a state's demonym is the gazetteer's; this is for the others);
* a name followed by a hull or serial number is the name of a vessel or a thing ("the Hai Yang 26"): the
  number is part of it, and after a word for a vessel it is an asset, no actor;
* a name followed by a lowercase word for an agreement ("the Prespa deal") names the agreement, the one
  the text also names in full ("the Prespa Agreement") when it does;
* a name followed by a lowercase word for a place ("the Doklam plateau", "Keerom regency") is a place;
* a demonym before a word for a language's words ("known by its French acronym", "the Arabic name")
  names a language, no state.

>>> from graph.draft.names import NewName
>>> from graph.draft.tokens import tokenise, sentences
>>> text = "Satellite images show that the Hai Yang 26 docked. Lima respects the Prespa deal."
>>> plain = [NewName("Satellite", 1, None, "SATELLITE", spans=[(0, 9)]),
...          NewName("Hai Yang", 1, None, "HAI-YANG", spans=[(31, 39)]),
...          NewName("Prespa", 1, None, "PRESPA", spans=[(69, 75)])]
>>> [(n.name, n.kind) for n in name_classes(text, tokenise(text), sentences(text), plain)]
[('Hai Yang 26', None), ('Prespa deal', 'agreement')]
"""

from __future__ import annotations

import re

from .namerun import openings
from .names import suggest_id

__all__ = ["name_classes", "language_demonyms", "state_forms", "ACTOR_PLURALS"]

# plural nouns for people or forces that act: "X fighters" makes X an actor, not a common word
ACTOR_PLURALS = set(
    """fighters militants rebels troops soldiers forces officials leaders members diplomats guards
authorities negotiators ministers lawmakers envoys commanders gunmen insurgents loyalists supporters
delegates protesters separatists jihadists militias units spokesmen spokespeople officers agents
operatives police policemen gendarmes sailors pilots marines commandos paramilitaries volunteers""".split()
)
_VERBS_S = {"says", "claims", "denies", "accuses", "insists", "warns", "rejects", "admits", "confirms", "reports"}
_AGREEMENT = r"deal|agreement|agreements|accord|accords|treaty|pact|protocol|memorandum"
_AFTER_AGREEMENT = re.compile(rf"\s+({_AGREEMENT})\b")
# geographic and administrative nouns written after a place's name
_PLACE_NOUNS = set(
    """plateau atoll regency archipelago oasis municipality commune governorate oblast prefecture township
subdistrict tehsil county district province region valley river island islands peninsula desert mountains
range highlands lowlands delta lagoon bay reef strait pass enclave exclave""".split()
)
_AFTER_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")
_NUMBER = re.compile(r" (\d{1,4})\b(?![.,]\d)")
_VESSEL = re.compile(
    r"\b(?:ship|vessel|tanker|trawler|freighter|frigate|boat|carrier|destroyer|cutter|corvette|ferry|yacht|"
    r"submarine|satellite|probe|rocket|spacecraft)s?\b[\s,]*(?:the\s+|a\s+)?$",
    re.I,
)
_PEOPLE_ADJ = re.compile(r"(?:[aeiouy]an|ese|ish)$")
_LANGUAGE_WORDS = re.compile(
    r"(?:\s+(?:acronym|abbreviation|initials|name|names|word|words|term|spelling|translation|transliteration"
    r"|language|title|rendering)\b|-(?:language|speaking)\b)"
)


def _plural(word):
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3 and word not in _VERBS_S


def _next_word(text, e):
    m = _AFTER_WORD.match(text, e)
    return m.group(1) if m else None


def _opening_modifier(n, text, open_starts):
    """Whether *n* is one word that only opens sentences, before a plural noun that names no actor."""
    if n.kind is not None or " " in n.name or "-" in n.name or not n.name.isalpha():
        return False
    for s, e in n.spans:
        w = _next_word(text, e)
        if s not in open_starts or w is None or not _plural(w) or w in ACTOR_PLURALS:
            return False
    return True


def _people_adjective(n, text):
    """Whether *n* is a people's adjective before a plural noun wherever it stands ("West Papuan fighters")."""
    if n.kind not in (None, "place") or not _PEOPLE_ADJ.search(n.name) or len(n.name.split()) > 2:
        return False
    return all((w := _next_word(text, e)) is not None and _plural(w) for _, e in n.spans)


def _numbered(n, text):
    """The name with the number written after each of its uses ("Hai Yang 26"), or None."""
    nums = set()
    for _, e in n.spans:
        m = _NUMBER.match(text, e)
        if m is None or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            return None
        nums.add(m.group(1))
    return f"{n.name} {nums.pop()}" if len(nums) == 1 else None


def _agreement(n, text, by_name):
    """Name *n* as the agreement it is written before ("Prespa deal") when each of its uses is; True when it is
    then merged into the agreement's full name of the text ("Prespa Agreement") and is to be dropped."""
    nouns = [_AFTER_AGREEMENT.match(text, e) for _, e in n.spans]
    if not all(nouns):
        return False
    spans = [(s, m.end()) for (s, _), m in zip(n.spans, nouns, strict=True)]
    written = [text[s:e] for s, e in spans]
    keys = (f"{n.name.lower()} {w}" for w in _AGREEMENT.split("|"))
    whole = next((by_name[k] for k in keys if k in by_name), None)
    if whole is not None and whole is not n:
        whole.count += n.count
        whole.spans = sorted(whole.spans + spans)
        whole.aliases += [w for w in dict.fromkeys(written) if w not in whole.aliases and w != whole.name]
        return True
    n.name, n.id, n.spans = written[0], suggest_id(written[0]), spans
    n.kind, n.cue = "agreement", nouns[0].group(1)
    return False


def name_classes(text, toks, sents, plain):
    """*plain* (new names) without the common words and peoples' adjectives of the constructions above, with
    vessels' numbers, agreements and places named so."""
    open_starts = {toks[k].start for k in openings(toks, sents)}
    by_name = {n.name.lower(): n for n in plain}
    out = []
    for n in plain:
        if not n.spans:
            out.append(n)
            continue
        if _opening_modifier(n, text, open_starts) or _people_adjective(n, text):
            continue
        full = _numbered(n, text) if n.kind in (None, "asset") else None
        if full:
            n.aliases = [a for a in [n.name, *n.aliases] if a != full]
            n.name, n.id = full, suggest_id(full)
            n.spans = [(s, _NUMBER.match(text, e).end()) for s, e in n.spans]
            if any(_VESSEL.search(text, max(0, s - 40), s) for s, _ in n.spans):
                n.kind, n.cue = "asset", "a vessel's name and number"
        if n.kind in (None, "place") and _agreement(n, text, by_name):
            continue  # merged into the agreement the text names in full
        if n.kind is None and any(_next_word(text, e) in _PLACE_NOUNS for _, e in n.spans):
            n.kind, n.cue = "place", next(w for _, e in n.spans if (w := _next_word(text, e)) in _PLACE_NOUNS)
        out.append(n)
    return out


def language_demonyms(found, plain, text):
    """(*found*, *plain*) without the demonyms that name a language ("known by its French acronym", "the
    Arabic word for"): a mention of a state's demonym, or the spans of a new state's name so written.

    >>> from graph.draft.mentions import Mention
    >>> from graph.draft.names import NewName
    >>> text = "The mission, known by its French acronym, met French troops."
    >>> fra = NewName("France", 2, "state", "FRA", spans=[(26, 32), (46, 52)], cue="gazetteer: demonym of France")
    >>> found, plain = language_demonyms([], [fra], text)
    >>> plain[0].spans, plain[0].count
    ([(46, 52)], 1)
    """

    def language(s, e):
        return text[s:e][:1].isupper() and _LANGUAGE_WORDS.match(text, e) is not None

    found = [m for m in found if not (m.via == "gazetteer: demonym" and language(m.start, m.end))]
    out = []
    for n in plain:
        if n.kind == "state" and n.spans:
            keep = [(s, e) for s, e in n.spans if text[s:e] == n.name or not language(s, e)]
            if not keep:
                continue
            n.count -= len(n.spans) - len(keep)
            n.spans = keep
        out.append(n)
    return found, out


_FORM = re.compile(
    r"(?:(?:Islamic|Federal|Democratic|People['’]s|Socialist|Arab|United|Hashemite|Federative|Bolivarian)\s+)*"
    r"(?:Republic|Kingdom|Emirate|Sultanate|Principality|Federation|Commonwealth|State|Grand Duchy)$"
)
_OF = re.compile(r"\s+of\s+(?:the\s+)?")


def state_forms(found, plain, text):
    """*plain* without the names that are only a state's form before a state the text names ("the friendly
    Republic of Azerbaijan", "the Hashemite Kingdom of Jordan"): the known name after "of" is the state.

    >>> from graph.draft.mentions import Mention
    >>> from graph.draft.names import NewName
    >>> text = "Tehran did not target the Republic of Azerbaijan."
    >>> aze = Mention("AZE", "Azerbaijan", 38, 48, "name")
    >>> [n.name for n in state_forms([aze], [NewName("Republic", 1, None, "REPUBLIC", spans=[(26, 34)])], text)]
    []
    """
    starts = {m.start for m in found}

    def form(s, e):
        m = _OF.match(text, e)
        return _FORM.fullmatch(" ".join(text[s:e].split())) is not None and m is not None and m.end() in starts

    return [n for n in plain if not (n.spans and all(form(s, e) for s, e in n.spans))]
