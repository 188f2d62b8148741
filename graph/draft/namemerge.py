"""New names a text writes as one, or as no name: a party's qualifier in brackets, a name "as X is known",
a region's demonym used as an adjective, a facility's name, a movement's short form before its fighters.

- :func:`qualifiers`: "the Communist Party of Utopia (Unity Centre)" is one name, its qualifier a short
  form of it ("the Unity Centre ... said" later is the same party).
- :func:`known_as`: "Palacio Azul, as Utopia's foreign ministry is known," is that ministry.
- :func:`adjectives`: "a Galician trawler", "crew, most of them Galician and Peruvian": no name.
- :func:`facilities`: "the Hwange power station" is a place, named with its noun.
- :func:`fighters`: "Ambazonia separatists" are the armed group "Ambazonia Defence Forces" the text names.

>>> from graph.draft.names import NewName
>>> text = "The Workers Party of Utopia (Unity Centre) met. The Unity Centre left."
>>> party = NewName("Workers Party of Utopia", kind="organisation", spans=[(4, 27)])
>>> short = NewName("Unity Centre", spans=[(29, 41), (52, 64)])
>>> [(n.name, n.spans, n.aliases) for n in qualifiers(text, [party, short])]
[('Workers Party of Utopia (Unity Centre)', [(4, 42), (52, 64)], ['Workers Party of Utopia', 'Unity Centre'])]
"""

from __future__ import annotations

import re

from .mentions import Mention

__all__ = ["qualifiers", "known_as", "adjectives", "facilities", "fighters"]

# the heads of the names of parties and movements that a qualifier in brackets tells apart
_HEADS = re.compile(
    r"\b(?:Party|Congress|League|Front|Movement|Alliance|Union|Council|Coalition|Organisation|Organization)\b"
)
_QUALIFIER = re.compile(r"\s?\(((?:[A-Z][\w'’-]*[a-z][\w'’-]*)(?:[ -](?:[A-Z][\w'’-]*|of|for|and|the)){0,4})\)")


def qualifiers(text, plain):
    """Merge a party's qualifier in brackets into its name, and the qualifier's other uses into it."""
    by_name = {n.name: n for n in plain}
    gone = set()
    for n in plain:
        if not _HEADS.search(n.name) or id(n) in gone:
            continue
        for k, (s, e) in enumerate(list(n.spans)):
            m = _QUALIFIER.match(text, e)
            if m is None:
                continue
            q = m.group(1)
            short = by_name.get(q)
            n.spans[k] = (s, m.end())
            if n.name not in n.aliases:
                n.aliases.append(n.name)
            n.name = f"{n.name} ({q})"
            if q not in n.aliases:
                n.aliases.append(q)
            if short is not None and short is not n:
                rest = [(a, b) for a, b in short.spans if not (m.start() <= a and b <= m.end())]
                n.spans = sorted(n.spans + rest)
                n.count += len(rest)
                gone.add(id(short))
            break
    return [n for n in plain if id(n) not in gone]


_AS_KNOWN = re.compile(r",\s+as\s+(?:the\s+)?(.{3,60}?)\s+is\s+(?:often\s+|commonly\s+|widely\s+)?(?:known|called)\b")


def known_as(text, found, plain):
    """A new name followed by ", as <a mention> is known" is that mention's entity: its spans become
    mentions of it, and the new name goes."""
    by_span = {(m.start, m.end): m for m in found}
    starts = {}
    for m in found:
        starts.setdefault(m.start, m)
    gone, added = set(), []
    for n in plain:
        for _s, e in n.spans:
            m = _AS_KNOWN.match(text, e)
            if m is None:
                continue
            of = starts.get(m.start(1)) or starts.get(m.start(1) - 4)
            if of is None or of.end > m.end(1) or (of.start, of.end) not in by_span:
                continue
            added += [
                Mention(of.entity, text[a:b], a, b, f"'{text[a:b]}' (as {of.text} is known)", of.new)
                for a, b in n.spans
            ]
            gone.add(id(n))
            break
    if not added:
        return found, plain
    return sorted(found + added, key=lambda x: x.start), [n for n in plain if id(n) not in gone]


_DEMONYM = re.compile(r"[A-Z][a-z]{2,}(?:ian|ean|ese|ish)")
_AFTER = re.compile(r"\s+([a-z]+)\b")
_NOT_NOUN = {"says", "said", "say", "told", "tells", "has", "had", "have", "is", "was", "will", "would", "also"}


def adjectives(text, plain):
    """Drop the one-word new names shaped like a demonym ("Galician", "Catalan" is left: too short a shape)
    that the text only writes before a lowercase word: an adjective ("a Galician trawler", "Galician and
    Peruvian crew"), not a name; a verb after it ("Julian said") keeps it.

    >>> from graph.draft.names import NewName
    >>> text = "A Galician trawler. Most were Galician and Peruvian. Damian said so."
    >>> [n.name for n in adjectives(text, [NewName("Galician", spans=[(2, 10), (30, 38)]),
    ...                                     NewName("Damian", spans=[(53, 59)])])]
    ['Damian']
    """

    def adjective(s, e):
        m = _AFTER.match(text, e)
        return m is not None and m.group(1) not in _NOT_NOUN and not m.group(1).endswith("ed")

    return [
        n
        for n in plain
        if not (n.kind is None and _DEMONYM.fullmatch(n.name) and all(adjective(s, e) for s, e in n.spans))
    ]


_FACILITY = re.compile(
    r"\s+((?:hydro(?:electric)?\s+|nuclear\s+|coal(?:-fired)?\s+)?(?:power\s+(?:station|plant)|dam|refinery|oilfield|"
    r"oil\s+field|gas\s+field|gasfield|mine|airport|air\s+base|airbase|naval\s+base|military\s+base|port|seaport|"
    r"terminal|pipeline|border\s+crossing|crossing|checkpoint|refugee\s+camp|camp|bridge|canal|barrage))s?\b"
)


def facilities(text, plain):
    """A new name the text always writes before a facility's noun ("the Hwange power station", "the Torkham
    crossing") is that facility: a place, its name with the noun, the bare name an alias.

    >>> from graph.draft.names import NewName
    >>> text = "China financed the Kariba power station."
    >>> [(n.name, n.kind, n.aliases) for n in facilities(text, [NewName("Kariba", spans=[(19, 25)])])]
    [('Kariba power station', 'place', ['Kariba'])]
    """
    for n in plain:
        if n.kind is not None or len(n.name.split()) > 3:
            continue
        if any(_PLACE_NOUN.match(text, e) for _s, e in n.spans):
            n.kind, n.cue = "place", "a place's noun after it"  # "Buthidaung township", "the Khor Abdullah waterway"
            continue
        nouns = [_FACILITY.match(text, e) or _PAIRED.match(text, e) for _s, e in n.spans]
        if not all(nouns):
            continue
        n.kind, n.cue = "place", nouns[0].group(1)
        if _FACILITY.match(text, n.spans[0][1]):
            n.aliases = [n.name] + [a for a in n.aliases if a != n.name]
            n.name = f"{n.name} {' '.join(nouns[0].group(1).split())}"
    return plain


# nouns only places take: "Buthidaung township", "the Khor Abdullah waterway"
_PLACE_NOUN = re.compile(
    r"\s+(township|village|town|district|province|governorate|county|oblast|waterway|promontory|islets?|"
    r"border\s+post|outpost)\b"
)
# "Torkham and Chaman crossings": two places before one plural noun
_PAIRED = re.compile(
    r"(?:,\s+[A-Z][\w'’-]+)*,?\s+and\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(crossings|ports|border\s+crossings|provinces|districts|villages|towns|islands|airports|bases)\b"
)


_ARMED_NOUN = re.compile(r"\s+(?:separatists|rebels|fighters|militants|insurgents|guerrillas|militiamen)\b")
_ARMED_NAME = re.compile(r"\b(?:Forces|Force|Army|Front|Brigades?|Militia|Movement|Liberation)\b")


def fighters(text, plain):
    """A new name written only before "separatists", "rebels", "fighters" ("Ambazonia separatists") is the
    one armed group of the text whose name opens with it ("Ambazonia Defence Forces"), not another body
    that does ("Ambazonia Governing Council").

    >>> from graph.draft.names import NewName
    >>> text = "Ruritania separatists struck. The Ruritania Liberation Army and Ruritania Council met."
    >>> names = [NewName("Ruritania", spans=[(0, 9)]), NewName("Ruritania Liberation Army", spans=[(35, 60)]),
    ...          NewName("Ruritania Council", spans=[(65, 82)])]
    >>> [(n.name, n.spans) for n in fighters(text, names)]
    [('Ruritania Liberation Army', [(0, 9), (35, 60)]), ('Ruritania Council', [(65, 82)])]
    """
    gone = set()
    for n in plain:
        if n.kind not in (None, "armed_group") or not all(_ARMED_NOUN.match(text, e) for _s, e in n.spans):
            continue
        groups = [
            g
            for g in plain
            if g is not n and g.name.startswith(n.name + " ") and _ARMED_NAME.search(g.name[len(n.name) :])
        ]
        if len(groups) != 1:
            continue
        g = groups[0]
        g.spans = sorted(g.spans + n.spans)
        g.count += n.count
        g.kind = g.kind or "armed_group"
        if n.name not in g.aliases:
            g.aliases.append(n.name)
        gone.add(id(n))
    return [n for n in plain if id(n) not in gone]
