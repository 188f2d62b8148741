"""Resolving the mentions of a text before its claims are read: whose a bare office is, the home state,
names joined by a hyphen, acronyms, "Brussels", titles, and the gazetteer's proposals.

- :func:`resolve_bare`: "the foreign ministry" is the office of a state (named after it, opening its
  sentence, the dateline's or named just before); "the government" and "the military" the home state's.
- :func:`~graph.draft.rulers.military_rule`: "Burkina Faso's military government", "the army-led
  government in Port Sudan" are the state; "the de facto authorities" the de facto authority named.
- :func:`home_state`: the dateline's state when the text names it, else the state it names most.
- :func:`hyphen_pairs`: "US-South Korean drills", "India-China Lipulekh trade" name both states, together.
- :func:`acronyms`: "the Caribbean Community (CARICOM)": one name (and :mod:`graph.draft.namemerge`'s
  merges: a party's qualifier in brackets, "X, as Y is known", facilities, "Ambazonia separatists").
- :func:`brussels`: "Brussels" is the EU in a text that names it.
- :func:`drop_titles`: "Interior Minister Rana Saleem Akhtar" names the person, not the office.
- :func:`shared_demonyms`: "Congolese" is the Congo the text names otherwise (the DRC or the Republic).
- :func:`possessed`: "Tajikistan's State Committee for National Security", "the Argentine Naval
  Prefecture", "the Ministry of Hydrocarbons of Iraq" are part of their state.
- :func:`branches`: "Islamic State Sahel Province" is an armed group (a branch of one), not a province.
- :func:`proposals`, :func:`offices_in_use`: the gazetteer's bodies the text names, and which to propose.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: USA, name: United States, kind: state}, {id: KOR, name: South Korea, kind: state}]")
>>> sorted((m.entity, m.text) for m in draft("Seoul hosted joint US-South Korean air drills.", ds).mentions)
[('KOR', 'Seoul'), ('KOR', 'US-South Korean'), ('USA', 'US-South Korean')]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from .gazetteer import shared_names
from .mentions import Mention
from .namemerge import adjectives, facilities, fighters, known_as, qualifiers
from .names import NewName, _gazetteer_index, suggest_id
from .namewords import NAME_END, SUFFIX_KIND
from .placenames import called_places
from .rulers import _kind, military_rule, state_of
from .tokens import sentences

__all__ = [
    "resolve_bare",
    "home_state",
    "hyphen_pairs",
    "acronyms",
    "brussels",
    "drop_titles",
    "state_of",
    "proposals",
    "offices_in_use",
    "branches",
    "shared_demonyms",
    "possessed",
]


def possessed(plain, found, text, matcher):
    """A new name of a body right after a state's possessive ("Tajikistan's State Committee for
    National Security", "Peru's Joint Command of the Armed Forces") is part of that state: an office
    when nothing else tells its kind.

    >>> from graph import loads
    >>> from graph.draft.mentions import Matcher
    >>> m = Matcher(loads("entities: [{id: TJK, name: Tajikistan, kind: state}]"))
    >>> text = "Tajikistan's State Committee for National Security said so."
    >>> n = NewName("State Committee for National Security", spans=[(13, 50)])
    >>> [(x.name, x.kind, x.part_of) for x in possessed([n], m.find(text), text, m)]
    [('State Committee for National Security', 'office', 'TJK')]
    """
    ends = {m.end: m for m in found}
    starts = {m.start: m for m in found}
    for n in plain:
        if n.part_of or n.kind not in (None, "office", "organisation", "armed_group"):
            continue
        tail = re.search(r"\bof (?:the )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)$", n.name)
        code = _gazetteer_index().get(tail.group(1).lower()) if tail and _OFFICE.match(n.name) else None
        if code:  # "the Ministry of Hydrocarbons of Iraq"
            n.part_of, n.kind = matcher.state_entity(code[0]), "office"
            continue
        for s, _e in n.spans:
            words = re.split(r"[\s'’]+", text[s:_e].lower())
            first = next(filter(None, (_gazetteer_index().get(" ".join(words[:k])) for k in (3, 2, 1))), None)
            office = n.kind == "office" or re.search(r"\b(?:Embassy|Consulate|High Commission) in [A-Z]", n.name)
            if office and (first or s in starts and state_of(starts[s], matcher)):
                # "the Argentine Naval Prefecture", "the Paraguayan Embassy in Brasilia": that state's office
                n.part_of = matcher.state_entity(first[0]) if first else state_of(starts[s], matcher)
                n.kind = "office"
                break
            if first and _STATE_BODY.search(n.name):
                # "China Development Bank", "Kenya Ports Authority": a body of the state it opens with
                n.part_of = matcher.state_entity(first[0])
                break
            of = re.match(r"\s+of\s+((?:the\s+)?)", text[_e : _e + 12]) if n.kind in (None, "office") else None
            owner = (starts.get(_e + of.start(1)) or starts.get(_e + of.end())) if of else None
            ruler = owner and (state_of(owner, matcher) or _kind(owner.entity, matcher) == "de_facto_authority")
            if ruler and _OFFICE.match(n.name):
                # "the Ministry of Industry and Commerce of the Islamic Emirate": that actor's office
                n.part_of, n.kind = state_of(owner, matcher) or owner.entity, "office"
                n.aliases.append(text[s : owner.end])
                break
            pos = re.search(r"['’]s\s+$", text[max(0, s - 4) : s])
            owner = ends.get(s - len(pos.group())) if pos else None
            if owner is not None and state_of(owner, matcher):
                n.part_of, n.kind = state_of(owner, matcher), n.kind or "office"
                _mission_name(n, owner.text, text[owner.start : _e])
                break
    return plain


_MISSION = re.compile(r"((?:Embassy|Consulate(?: General)?|High Commission|Permanent Mission))( in [A-Z].*)$")


def _mission_name(n, owner, written):
    """A state's mission abroad written with its possessive ("India's High Commission in Colombo") is named
    with its state ("High Commission of India in Colombo"); the written forms are its aliases.

    >>> n = NewName("High Commission in Colombo")
    >>> _mission_name(n, "India", "India's High Commission in Colombo")
    >>> n.name, n.aliases[2:]
    ('High Commission of India in Colombo', ["India's High Commission"])
    """
    m = _MISSION.match(n.name)
    if m is None or owner.lower().startswith(("the ", "a ")) or len(owner.split()) > 4:
        return
    short = written[: len(written) - len(m.group(2))] if written.endswith(m.group(2)) else None
    forms = [n.name, written] + ([short] if short else [])
    n.name = f"{m.group(1)} of {owner}{m.group(2)}"
    n.id = suggest_id(n.name) if n.id else n.id
    n.aliases += [f for f in forms if f not in n.aliases and f != n.name]


_STATE_BODY = re.compile(r" (?:Bank|Railways?|Industries|Airlines|Airways|Corporation|Agency|Authority)$")
_OFFICE = re.compile(r"(?:Ministry|Department|Office|Embassy|Secretariat|Directorate|(?:[\w'’-]+ )*Bank(?= of))\b")


def shared_demonyms(found, matcher, page=None):
    """A name that two states share ("Congolese", "Dominican") names the one of them that the dateline
    (of *page*) or the text names by another name (the dateline, else the first such mention); else it
    stays as matched.

    >>> from graph import loads
    >>> from graph.draft.mentions import Matcher
    >>> ds = loads("entities: [{id: COG, name: Republic of the Congo, kind: state}, "
    ...            "{id: COD, name: Democratic Republic of the Congo, kind: state}]")
    >>> m = Matcher(ds)
    >>> [x.entity for x in shared_demonyms(m.find("Kinshasa said the Congolese army and Congolese troops moved."), m)]
    ['COD', 'COD-ARMY', 'COD']
    """
    shared = shared_names()

    def first(m):
        return m.text.split()[0].lower() if m.text.split() else ""

    if not any(first(m) in shared for m in found):
        return found
    named = [m.entity for m in found if first(m) not in shared]
    city = matcher.bodies.city_state(page.dateline) if page is not None and page.dateline else None
    if city:
        named.insert(0, matcher.state_entity(city))
    out = []
    for m in found:
        codes = shared.get(first(m), ())
        ents = [matcher.state_entity(c) for c in codes]
        pick = next((e for e in named if e in ents), None)
        if pick is None:
            out.append(m)
            continue
        code = codes[ents.index(pick)]
        if m.text.lower() in shared and pick != m.entity:
            m = Mention(pick, m.text, m.start, m.end, m.via, m.new)
        elif m.entity and m.entity.split("-")[0] in codes and m.entity.split("-")[0] != code:
            # "the Congolese army": the same office of that state
            bid = matcher.bodies.office(code, m.entity.split("-", 1)[1]) if "-" in m.entity else None
            if bid is not None:
                eid, new = matcher.body_entity(bid)
                m = Mention(eid, m.text, m.start, m.end, m.via.replace(m.entity.split("-")[0], code), new)
        out.append(m)
    return out


_ACTORS = ("armed_group", "organisation", "de_facto_authority", "party")


def branches(plain, dropped, kinds):
    """Give a new name that opens with the name of a known armed group or organisation (a mention of
    *dropped*, the mentions inside longer names; *kinds* the dataset's entity kinds) that actor's kind:
    "Islamic State Sahel Province", "Al-Shabaab Media Office" are branches, not a province or an office.

    >>> from graph.draft.mentions import Mention
    >>> n = NewName("Islamic State Sahel Province", kind="place", spans=[(4, 32)])
    >>> m = Mention("ISIS", "Islamic State", 4, 17, "gazetteer: armed_group", False)
    >>> [(x.name, x.kind) for x in branches([n], [m], {})]
    [('Islamic State Sahel Province', 'armed_group')]
    """
    opens = {}
    for m in dropped:
        kind = kinds.get(m.entity) or next((k for k in _ACTORS if m.via.startswith(f"gazetteer: {k}")), None)
        if kind in _ACTORS:
            opens[m.start] = kind
    for n in plain:
        kind = next((opens[s] for s, _ in n.spans if s in opens), None)
        if kind and n.kind in (None, "place", "office"):
            n.kind, n.cue = kind, "the name of a known actor opens it"
    return plain


_TITLE_WORDS = (
    "minister",
    "secretary",
    "premier",
    "president",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "ambassador",
    "commander",
)


def drop_titles(found, names, text):
    """An office named as a person's title ("Interior Minister Rana Saleem Akhtar", "Ukraine's foreign
    minister, Oksana Hrytsenko,") is the person's, not a mention of the office."""
    starts = {s for n in names if n.kind == "person" for s, _ in n.spans}
    out = []
    for m in found:
        last = m.text.split()[-1].lower() if m.text.split() else ""
        gap = re.match(r"[ ,]{1,2}", text[m.end : m.end + 2])
        if last in _TITLE_WORDS and gap and m.end + gap.end() in starts:
            continue
        out.append(m)
    return out


def home_state(found, page, matcher):
    """(the home state, whether the dateline says so): the dateline's state when the text names it (with
    no dateline, the city of the byline, "By Ana Lima, Maputo", or of the timestamp, "Lima | 04/29/2026"),
    else the state the text names most, itself or its offices (on a tie, the one named first)."""
    order = [x for x in (state_of(m, matcher) for m in found if not page.in_furniture(m.start, m.end)) if x]
    counts = Counter(order)
    place = page.dateline or (page.byline.rsplit(",", 1)[1].strip() if "," in (page.byline or "") else None)
    if place is None and page.date_from == "timestamp" and page.date_text:
        place = re.split(r"\s*[|·,]\s*", page.date_text.strip())[0]  # "Mexico City | 04/29/2026 | 10:15 a.m."
    dl = (matcher.bodies.city_state(place) or (_gazetteer_index().get(place.lower()) or (None,))[0]) if place else None
    dl = matcher.state_entity(dl) if dl else None
    if dl is not None and dl in {m.entity for m in found}:
        return dl, True
    if not counts:
        return None, False
    most = max(counts.values())
    return next(x for x in order if counts[x] == most), False  # a tie: the one named first


_MILITARY = {"ARMY", "NAVY", "AF"}


_JOINS = ("of", "for", "and", "the")


def _no_longer(toks, k):
    """Whether the capitalised words from token *k* are a name of their own, not the rest of a body's name
    the compound opens: "India-China Lipulekh trade deal" (a place), not "China-Pakistan Economic Corridor"."""
    words = []
    while (
        k < len(toks)
        and len(words) < 6
        and (toks[k].text[:1].isupper() or toks[k].lower in ("of", "for", "and", "the"))
    ):
        words.append(toks[k].lower)
        k += 1
    return len(words) <= 2 and not any(w in NAME_END or w in SUFFIX_KIND for w in words)


def hyphen_pairs(text, toks, found, matcher, page):
    """Names joined by a hyphen before a noun ("US-South Korean air drills", "the Belgrade-Pristina dialogue")
    are mentions of each, named together (both mentions span the compound); not two places of one state
    ("Karachi-Peshawar railway"), nor a compound that opens a longer name ("China-Pakistan Economic Corridor")."""
    starts = [m.start for m in found]
    out = list(found)
    for k, t in enumerate(toks):
        if "-" not in t.text:
            continue
        at = bisect.bisect_right(starts, t.start) - 1
        if (at >= 0 and found[at].end > t.start) or page.in_furniture(t.start, t.end):
            continue
        parts = t.text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue
        ents, end = [], t.end
        for n, p in enumerate(parts):
            entry = matcher.table.get((p.lower(),))
            if entry is None and n == len(parts) - 1 and k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
                entry = matcher.table.get((p.lower(), toks[k + 1].lower))  # "US-South Korean"
                end = toks[k + 1].end if entry else end
            if entry is None or (entry[2] and any(entry[2]) and not p.isupper()):
                break
            ents.append(entry[0])
        else:
            at_n = next((x for x in range(k + 1, min(k + 3, len(toks))) if toks[x].start >= end), None)
            nxt = toks[at_n] if at_n is not None else None
            if len(set(ents)) == len(ents) and (nxt is None or not nxt.text[:1].isupper() or _no_longer(toks, at_n)):
                out += [
                    Mention(e, text[t.start : end], t.start, end, f"'{text[t.start : end]}' (names joined by a hyphen)")
                    for e in ents
                ]
    return sorted(out, key=lambda m: m.start) if len(out) > len(found) else found


def brussels(text, found, plain, ds):
    """ "Brussels" in a text that names the European Union is the EU (its seat), not Belgium, unless the text
    names Belgium otherwise ("Belgium", "Belgian")."""
    eu = next(
        (m.entity for m in found if m.entity in ds.entities and ds.entities[m.entity].name == "European Union"), None
    )
    known = {m.entity for m in found if m.text == "Brussels"}
    belgium = [n for n in plain if n.id == "BEL"]
    spans = [(m.start, m.end) for m in found if m.text == "Brussels"] + [sp for n in belgium for sp in n.spans]
    if (
        eu is None
        or not spans
        or any(text[s:e] != "Brussels" for s, e in spans)
        or any(m.entity in known and m.text != "Brussels" for m in found)
    ):
        return found, plain
    found = sorted(
        [m for m in found if m.text != "Brussels"]
        + [
            Mention(eu, "Brussels", s, e, "'Brussels' (the seat of the European Union, which the text names)")
            for s, e in spans
        ],
        key=lambda m: m.start,
    )
    return found, [n for n in plain if n.id != "BEL"]


_ACRONYM = re.compile(r"\s\(([A-Z][A-Z0-9&-]{1,9})\)|,\s+(?:also\s+)?known\s+as\s+([A-Z][A-Z0-9&-]{1,9})\b")


def acronyms(text, found, plain):
    """A name's acronym in brackets after it ("the United Nations Interim Force in Lebanon (UNIFIL)", or
    ", known as UNIFIL") is another name of it: the acronym's new name is merged into the name, or into
    the known entity (a mention of it wherever it occurs)."""
    by_name = {n.name: n for n in plain}
    ends = {n_.end: n_ for n_ in found}
    plain_ends = {e: n for n in plain for _, e in n.spans}
    drop = set()
    for m in _ACRONYM.finditer(text):
        acr = by_name.get(m.group(1) or m.group(2))
        if acr is None or id(acr) in drop:
            continue
        before = plain_ends.get(m.start())
        if before is not None and before is not acr:
            before.count += acr.count
            before.spans = sorted(before.spans + acr.spans)
            before.aliases += [a for a in [acr.name] + acr.aliases if a not in before.aliases]
            drop.add(id(acr))
        elif m.start() in ends and ends[m.start()].entity is not None:
            owner = ends[m.start()]
            found = sorted(
                found
                + [
                    Mention(owner.entity, text[a:b], a, b, f"'{acr.name}' (the acronym of '{owner.text}')", owner.new)
                    for a, b in acr.spans
                ],
                key=lambda x: x.start,
            )
            drop.add(id(acr))
    plain = qualifiers(text, [n for n in plain if id(n) not in drop])  # "Communist Party of Utopia (Unity Centre)"
    plain = fighters(text, facilities(text, adjectives(text, plain)))  # "a Galician trawler", "Ambazonia separatists"
    plain = called_places(text, plain)  # "the islets, which Japan calls Takeshima": a place
    return known_as(text, found, plain)  # "Palacio Azul, as Utopia's foreign ministry is known,"


def resolve_bare(found, page, matcher, text):
    """A bare office ("the foreign ministry") belongs to the state named right after it ("the defence
    ministry in Belgrade"; "the Armed Forces of the Democratic Republic of the Congo", one name), else
    to the state that opens its sentence ("Ireland summoned ..., and Foreign Minister X demanded"), else
    to the dateline's state when the text names it, else to the state named just before it; "the
    military", "the army" to the home state (:func:`home_state`)."""
    home, named_home = home_state(found, page, matcher)
    if home is not None:
        # "accused the government of ...", "urged the administration to ...": the home state
        taken = [(m.start, m.end) for m in found]
        how = "the dateline's state" if named_home else "the state the text names most"
        for g in re.finditer(r"\b[Tt]he (?:[a-z]+-[a-z]+ )?(government|administration)\b(?! of [A-Z]| in [A-Z])", text):
            if not any(a <= g.start() < b for a, b in taken) and not page.in_furniture(g.start(), g.end()):
                found.append(Mention(home, g.group(), g.start(), g.end(), f"'{g.group()}' ({how})"))
        found.sort(key=lambda m: m.start)
    sents = sentences(text)
    sent_starts = [a for a, _ in sents]
    at = {m.start: m for m in found}
    out, swallowed = [], set()
    for m in found:
        if m.start in swallowed:
            continue
        if m.entity is not None:
            out.append(m)
            continue
        key = m.via.split()[-1]
        owner, whole = None, m
        there = re.match(r"\s+in\s+", text[m.end : m.end + 6])
        of = re.match(r"\s+of\s+(?:the\s+)?", text[m.end : m.end + 12])
        first = sents[bisect.bisect_right(sent_starts, m.start) - 1][0] if sents else 0
        opener = at.get(first)
        if of and at.get(m.end + of.end()) is not None and state_of(at[m.end + of.end()], matcher):
            # "the Armed Forces of the Democratic Republic of the Congo": one name, that state's office
            whole = at[m.end + of.end()]
            owner = state_of(whole, matcher)
            swallowed.add(whole.start)
        elif there and at.get(m.end + there.end()) is not None:
            owner = state_of(at[m.end + there.end()], matcher)
        elif key in _MILITARY and home is not None:
            owner = home
        elif opener is not None and opener is not m and state_of(opener, matcher):
            owner = state_of(opener, matcher)
        elif named_home:
            owner = home
        else:
            for prev in reversed(out):
                if m.start - prev.end > 400:
                    break
                code = state_of(prev, matcher)
                if code:
                    owner = code
                    break
            owner = owner or home
        if owner is None:
            continue
        code = next((c for c, eid in matcher.gazetteer_codes.items() if eid == owner), owner)
        bid = matcher.bodies.office(code, key)
        if bid is None:
            continue
        eid, new = matcher.body_entity(bid)
        out.append(Mention(eid, text[m.start : whole.end], m.start, whole.end, f"{m.via} of {owner}", new))
    return military_rule(out, text, matcher, home)


def proposals(found, matcher):
    """The gazetteer's bodies the text names and the dataset has not: new names with kind and part_of."""
    out = {}
    for m in found:
        if not m.new:
            continue
        b = matcher.bodies.bodies.get(m.entity)
        nn = out.get(m.entity)
        if nn is None:
            if b is not None:
                part = matcher.state_entity(b.part_of) if b.part_of and b.kind == "office" else b.part_of
                nn = NewName(b.name, id=b.id, kind=b.kind, part_of=part, cue=m.via)
            else:  # an office of an actor that is no state ("the Taliban's foreign ministry")
                owner = m.entity.rsplit("-", 1)[0]
                nn = NewName(
                    m.text[4:] if m.text.lower().startswith("the ") else m.text,
                    id=m.entity,
                    kind="office",
                    part_of=owner,
                    cue=m.via,
                )
            out[m.entity] = nn
        nn.count += 1
        nn.spans.append((m.start, m.end))
        if m.text != nn.name and m.text not in nn.aliases:
            nn.aliases.append(m.text)
    return list(out.values())


def offices_in_use(text, offices, plain, claims):
    """The proposals of *offices* to keep: an office of the gazetteer is proposed when the text has it act, be
    acted on or speak ("Qatar's prime minister urged ..."), or names a person by it ("Kremlin spokesman Arkady
    Belov", whose part_of it is), not when it only describes someone ("an adviser to Lebanon's prime minister");
    every other proposal is kept."""
    used = {x for c in claims for x in (c.subject, c.object, c.asserted_by)}
    person_at = sorted(s for n in plain if n.kind == "person" for s, _ in n.spans)

    def titles_person(n):
        return any(
            re.fullmatch(r"[\s,]*(?:[a-z]+[\s,]+){0,3}", text[e:p])
            for _, e in n.spans
            for p in person_at[bisect.bisect_left(person_at, e) : bisect.bisect_left(person_at, e + 40)]
        )

    return [n for n in offices if n.kind != "office" or n.id in used or titles_person(n)]
