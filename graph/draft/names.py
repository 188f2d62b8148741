"""New names: the names in a text that the dataset does not know, one entity per person.

A new name is a run of capitalised words on one line (joined by "of", "for", "the",
"al", "de" inside it, and by "and" between two words that are not states: "Belt and
Road Initiative"), not covered by a mention, a date or page furniture. Titles open
it but are not part of it ("Foreign Minister Kamran Aziz Malik", "Col Manish
Rathore"); junk is dropped: months and weekdays, time zones, platforms ("on X"),
lone sentence-opening words ("However", "Testifying", a word the text also writes
in lowercase) and titles alone. A surname alone ("Rehmat") is the person named in
full before ("Sadia Rehmat"). Each comes with its count and a kind when a cue says
so: a title or word before or after it ("spokesman Ali Raza", "Kunar province"),
its own last word ("Ministry of Water", "Awami Party"), or the gazetteer (a state
the dataset does not have, such as "Qatar", under any of its names).

>>> from graph.draft.tokens import tokenise, sentences
>>> from graph.draft.lexicon import Lexicon
>>> text = ("However, spokesman Ali Raza said Kunar province and Qatar met on Sunday. Qatari envoys and "
...         "Raza left. Testifying, Foreign Minister Lena Markova posted on X.")
>>> found = new_names(text, tokenise(text), sentences(text), [], Lexicon.load())
>>> [(n.name, n.count, n.kind, n.id) for n in found]  # doctest: +NORMALIZE_WHITESPACE
[('Ali Raza', 2, 'person', 'ALI-RAZA'), ('Kunar', 1, 'place', 'KUNAR'), ('Qatar', 2, 'state', 'QAT'),
 ('Lena Markova', 1, 'person', 'LENA-MARKOVA')]

A state's name inside a longer name gives the whole name ("South China Sea"), a hyphenated adjective
("US-made") or a sentence-opening common noun ("Relations") none, and a group's name keeps "group":

>>> from graph import loads, draft
>>> ds = loads("entities: [{id: CHN, name: China, kind: state}, {id: USA, name: United States, kind: state}]")
>>> r = draft("Relations soured. A US-made drone flew over the South China Sea near the Hafiz Gul Bahadur group.", ds)
>>> [(n.name, n.kind) for n in r.all_names]
[('South China Sea', 'place'), ('Hafiz Gul Bahadur group', 'armed_group')]
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from . import namerun
from .gazetteer import state_names, states
from .groupwords import ENGLISH, demonym_of, group_word
from .namerun import adjective, and_name, cap, connector, inside_names, nounlike, openings, place_pair, portfolio_pair
from .namewords import (
    ABBREVIATIONS,
    ADJECTIVES,
    APPOSED_PERSON,
    COLLECTIVE,
    COMMON,
    COMMON_NOUN,
    GROUP_WORDS,
    JOIN,
    MODEL,
    NAME_END,
    NAME_HEADS,
    NOT_FIRST,
    NUMBER_WORD,
    PLACE_PREP,
    SHIPS,
    SPEECH_WORDS,
    SUFFIX_KIND,
    TITLE_HEADS,
    TITLES,
    VERBS,
    portfolio,
)
from .tokens import Token, wrapped_break

__all__ = ["NewName", "new_names", "suggest_id", "inside_names"]


@dataclass
class NewName:
    """A name the dataset does not know: where it occurs, how often, its suggested kind and id."""

    name: str
    count: int = 0
    kind: str | None = None
    id: str = ""
    spans: list = field(default_factory=list)
    cue: str | None = None
    part_of: str | None = None
    aliases: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {"name": self.name, "count": self.count, "kind": self.kind}


def suggest_id(name: str) -> str:
    """An entity id for a new name: its words in capitals, joined by '-'.

    >>> suggest_id("Ali Raza"), suggest_id("Ministry of Water & Power"), suggest_id("Tomás Peña")
    ('ALI-RAZA', 'MINISTRY-OF-WATER-POWER', 'TOMAS-PENA')
    """
    words = re.findall(r"[A-Za-z0-9]+", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode())
    return "-".join(w.upper() for w in words)[:60] or "NEW"


@functools.lru_cache(maxsize=1)
def _gazetteer_index() -> dict:
    out = {}
    for code in states():
        for name, how in state_names(code):
            out.setdefault(name.lower(), (code, how))
    return out


def new_names(text, toks, sents, mentions, lexicon, known=frozenset(), skip=None, places=frozenset()) -> list[NewName]:
    """The new names of *text* (tokens *toks*, sentence spans *sents*), in order of first use.

    *mentions* are the known mentions (their tokens are never part of a new name); *known* are the
    ISO codes of the dataset's states (not new); *skip(start, end)* says which spans are page
    furniture or dates; *places* are (lowercased) names of cities known to be places.
    """
    spans = sorted((m.start, m.end) for m in mentions)
    span_starts = [s for s, _ in spans]
    starts = {s for s, _ in sents}
    lowers = {t.lower for t in toks if t.text[:1].islower()}
    opens = openings(toks, sents)
    open_starts = {toks[k].start for k in opens}
    mid = {t.lower for k, t in enumerate(toks) if k not in opens and t.text[:1].isupper()}
    gaz = _gazetteer_index()

    def blocked(t):
        k = bisect.bisect_right(span_starts, t.start) - 1
        return (k >= 0 and spans[k][0] <= t.start < spans[k][1]) or bool(skip and skip(t.start, t.end))

    def joined(a, b):
        return "\n" not in text[a.end : b.start] or wrapped_break(text, a.end, b.start)

    found: dict[str, NewName] = {}
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not cap(t) or blocked(t) or t.lower == "'s":
            i += 1
            continue
        j = i + 1
        while j < n and joined(toks[j - 1], toks[j]):
            nxt = toks[j]
            if cap(nxt) and not blocked(nxt):
                j += 1
                continue
            # lowercase words inside a name: "Ministry of Railways", "National Council for the Safeguard of the
            # Homeland", "Interim Force in Lebanon" (after a word that ends a name), "Belt and Road Initiative"
            gap = connector(toks, j, toks[j - 1].lower)
            if (
                gap
                and all(joined(toks[x - 1], toks[x]) for x in range(j + 1, j + gap + 1))
                and not blocked(toks[j + gap])
                and (
                    nxt.lower != "and"
                    or and_name(text[t.start : toks[j + 1].end], gaz)  # "Service of Bosnia and Herzegovina"
                    or (
                        j + gap + 1 < n
                        and cap(toks[j + gap + 1])
                        and toks[j - 1].lower not in gaz
                        and toks[j + gap].lower not in gaz
                    )
                    or place_pair(toks, j, gaz)  # "Sistan and Baluchestan province": one province
                    or portfolio_pair(toks, j, gaz)  # "Chamber of Commerce and Industry": one chamber
                    or namerun.body_pair(toks, i, j, gaz)  # "Group on Somalia and Eritrea", "X and Y (XAY)"
                )
            ):
                j += gap + 1
                continue
            if nxt.lower == "," and (end := namerun.portfolio_list(toks, i, j, blocked)):  # "Ministry of
                j = end  # Agriculture, Fisheries and Food": one ministry
                continue
            # "People's Defence Force", "Workers' Party": a collective noun's possessive in a name
            if (
                nxt.lower in ("'s", "'", "’")
                and toks[j - 1].lower in COLLECTIVE
                and j + 1 < n
                and cap(toks[j + 1])
                and not blocked(toks[j + 1])
                and nxt.start == toks[j - 1].end
            ):
                j += 2
                continue
            break
        # "the Hafiz Gul Bahadur group": a group's name ends with "group"
        if (
            j < n
            and toks[j].lower in GROUP_WORDS
            and toks[j].text.islower()
            and joined(toks[j - 1], toks[j])
            and not (i > 0 and toks[i - 1].lower in ("a", "an"))  # not "a Kurdish faction"
        ):
            j += 1
        # "Moody's upgraded": a name that ends in "'s" before a verb (not "the NUG's armed wing")
        elif (
            j + 1 < n
            and toks[j].lower == "'s"
            and toks[j].start == toks[j - 1].end
            and (
                toks[j + 1].lower in VERBS
                or (
                    re.search(r"[a-z]ed$", toks[j + 1].lower)
                    and j + 2 < n
                    and (
                        toks[j + 2].text[:1].isupper() or toks[j + 2].lower in ("the", "a", "its", "their", "to", "by")
                    )
                )
            )
        ):
            j += 1
        words = toks[i:j]
        # "a Hong Kong-based company": the name runs into the first part of a hyphenated adjective
        if (
            j < n
            and joined(toks[j - 1], toks[j])
            and adjective(toks[j].text)
            and toks[j].text[:1].isupper()
            and not blocked(toks[j])  # not "The Taliban-led administration": a known name
            and any(w.lower not in COMMON for w in words)
        ):
            first = toks[j].text.rsplit("-", 1)[0]
            words = list(words) + [Token(first, toks[j].start, toks[j].start + len(first), first.lower())]
            j += 1  # (the name's tokens end there)
        i = j
        # "Karachi-Peshawar railway": two known places joined by a hyphen are no name of their own
        if (
            len(words) == 1
            and "-" in words[0].text
            and all(p.lower() in gaz or p.lower() in places for p in words[0].text.split("-"))
        ):
            continue
        # "Russian Railways": a demonym opening the name of an organisation is part of it
        if (
            i - len(words) > 0
            and words[-1].lower in SUFFIX_KIND
            and SUFFIX_KIND[words[-1].lower] in ("organisation", "office")
            and blocked(toks[k := i - len(words) - 1])
            and cap(toks[k])
            and joined(toks[k], words[0])
            and toks[k].lower in gaz
        ):
            words = [toks[k]] + list(words)
        opening = words[0].start in starts
        # a sentence opening with a participle: "Closing the Torkham crossing", "Testifying before"
        if len(words) > 1 and opening and re.search(r"(?:ing|ed)$", words[0].lower):
            words = words[1:]
        # a sentence opening with a common noun before "of": "Fighters of the Karen National Army"
        if (
            len(words) > 2
            and opening
            and words[1].lower in ("of", "for")
            and words[1].text.islower()
            and (words[0].lower in lowers or COMMON_NOUN.search(words[0].lower) or nounlike(words[0].text))
        ):
            words = words[2:]
            while words and words[0].lower in NOT_FIRST:
                words = words[1:]
            if not words:
                continue
        # a title opening the name is a cue, not the name ("Foreign Minister Kamran Aziz Malik", "Energy
        # Minister Dorin Vlaicu"); a name that ends like an organisation's has none ("Guyana Defence Force",
        # "Economic Community of West African States"); a title alone is no name ("Cabinet Secretary")
        title = []
        person_cues = lexicon.kinds.get("person", set())
        org = (
            words[-1].lower in NAME_END
            or any(  # "State Border Service of Bosnia": the head before "of"
                w.lower in NAME_END and x.lower in ("of", "for", "in") for w, x in zip(words, words[1:], strict=False)
            )
        )
        head = max((x for x, w in enumerate(words[:-1]) if w.lower in TITLE_HEADS), default=None)
        if words[-1].lower in TITLE_HEADS and len(words) > 1 and all(w.text[:1].isupper() for w in words):
            continue
        if head is not None and not org and all(w.text[:1].isupper() for w in words[:head]):
            cut = head + 1 if not any(w.lower in ("of", "for", "in") for w in words[head + 1 :]) else None
            cut = cut or namerun.portfolio_title(words, head)  # "Minister for Refugees Mawlawi Zahid"
            if cut:
                title, words = [w.lower for w in words[:cut]], words[cut:]
        while len(words) > 1 and not org and (words[0].lower in TITLES or words[0].lower in person_cues):
            if words[0].lower in ("of", "the", "and") and not title:
                break
            if words[0].lower in NAME_HEADS and len(words) > 2 and words[1].lower in JOIN:
                break  # "Ministry of Railways", "Department of the Treasury"
            title.append(words[0].lower)
            words = words[1:]
        # a title's portfolio is no name: "Yemen's Minister of Human Rights, Ahmed ..."
        if title and title[-1] in ("of", "for") and portfolio(w.lower for w in words):
            continue
        while words and words[0].lower in JOIN | {"and"} and (words[0].text.islower() or words[0].lower in NOT_FIRST):
            words = words[1:]
        # a lone common word, or one that the text also writes in lowercase, is not a name
        if len(words) == 1:
            w = words[0]
            if (
                w.lower in COMMON
                or w.lower in TITLES
                or w.lower in ADJECTIVES
                or (
                    w.start in starts
                    and (w.lower in lowers or re.search(r"(?:ing|ed|ly)$", w.lower) or COMMON_NOUN.search(w.lower))
                )
                or len(w.text) == 1
                or NUMBER_WORD.fullmatch(w.lower) is not None  # "Forty-four years after", "Third, the World Bank"
                # a model of aircraft or arms before the noun it names: "two Su-30 fighter jets", "F-16s"
                or (MODEL.fullmatch(w.text) is not None and (j >= n or toks[j].text[:1].islower()))
                or (w.start in open_starts and nounlike(w.text) and w.lower not in mid)  # "Clashes", "Footage"
                or (w.start in open_starts and w.lower in ENGLISH and w.lower not in mid)  # "Outside", "Peace"
                or (  # "a Yazidi armed group", "an Alawite village": an adjective between an article and a noun
                    j > 1
                    and toks[j - 2].lower in ("a", "an")
                    and j < n
                    and toks[j].text.isalpha()
                    and toks[j].text.islower()
                )
            ):
                continue
        # common words opening a name are none of it ("Despite Pakistan's"), inside a sentence one is ("Second Thomas")
        while (
            words
            and words[0].lower in COMMON
            and words[0].lower not in TITLES
            and (words[0].start in starts or words[0].lower not in NAME_HEADS)
            and not (words[0].lower in SHIPS and words[0].text.isupper() and len(words) > 1)  # "ITS Cesare Fontana"
        ):
            words = words[1:]
        while words and words[0].lower in JOIN | {"and"} and (words[0].text.islower() or words[0].lower in NOT_FIRST):
            words = words[1:]
        if not words or all(w.lower in TITLES or w.lower in COMMON or not cap(w) for w in words):
            continue  # no word of a name left ("The group claimed": "group")
        k0 = j - len(words)
        _add(found, text, toks, words, k0, gaz, known, lexicon, " ".join(title) or None, places)
    return _peoples(_corefer(list(found.values()), text))


def _peoples(names):
    """A demonym of another new name is that name ("South Ossetian" of "South Ossetia", "Central Asians"
    of "Central Asia"); a word for a people, a faith or a region's people alone is no name ("Muslims",
    "Hutu", "Southeast Asian")."""
    by_name = {n.name.lower(): n for n in names}
    out = []
    for nn in names:
        base = demonym_of(nn.name, by_name)
        if base is not None and base is not nn:
            base.count += nn.count
            base.spans = sorted(base.spans + nn.spans)
            base.aliases += [a for a in (nn.name, *nn.aliases) if a not in base.aliases and a != base.name]
            continue
        if not group_word(nn.name):
            out.append(nn)
    return out


def _short(word):
    """A surname without its particle ("al-Sharafi" -> "sharafi"), lowercased."""
    return word.split("-", 1)[1].lower() if _PARTICLE.match(word) else word.lower()


_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|az|ash|an|ud|ul|wal|bin|ibn|abu)-[A-Z]")


def _corefer(names, text):
    """A short form is the name written in full before it: a surname alone ("Rehmat" -> "Sadia Rehmat",
    "Sharafi" -> "Hamoud al-Sharafi"), a person's given name alone ("Legesse" -> "Legesse Tulu"), the
    opening words of an organisation's name ("Meridian" -> "Meridian Petroleum", "Polisario" ->
    "Polisario Front"), when exactly one name of the text is so written."""
    longer = {}
    for nn in names:
        words = nn.name.split()
        if len(words) < 2:
            continue
        if nn.kind in (None, "person"):
            longer.setdefault(_short(words[-1]), []).append(nn)
        if nn.kind in (None, "person", "organisation", "armed_group"):
            for k in range(1, len(words)):
                longer.setdefault(" ".join(words[:k]).lower(), []).append(nn)
    out = []
    for nn in names:
        full = None if nn.kind in ("state", "place") else longer.get(nn.name.lower())
        if full and len(set(map(id, full))) == 1 and full[0] is not nn and full[0].spans[0] < nn.spans[0]:
            f = full[0]
            f.count += nn.count
            f.spans += nn.spans
            if len(f.name.split()) > 1 and f.kind is None and nn.name.lower() == _short(f.name.split()[-1]):
                f.kind = "person"
            if nn.name not in f.aliases:
                f.aliases.append(nn.name)
            continue
        out.append(nn)
    for nn in out:
        nn.spans.sort()
    return out


def _add(found, text, toks, words, k0, gaz, known, lexicon, title=None, places=frozenset()):
    s, e = words[0].start, words[-1].end
    name = text[s:e]
    kind, cue, nid = None, None, None
    hit = gaz.get(name.lower())
    if hit:
        code, how = hit
        if code in known:
            return
        name, kind, nid, cue = states()[code].name, "state", code, f"gazetteer: {how} of {states()[code].name}"
    else:
        last = words[-1].lower
        if words[0].lower in SHIPS and words[0].text.isupper() and len(words) > 1:
            kind, cue = "asset", words[0].lower
        elif name.lower() in places:
            kind, cue = "place", "a city of the gazetteer"
        elif title:
            kind, cue = "person", title
        elif last in SUFFIX_KIND:
            kind, cue = SUFFIX_KIND[last], last
        elif words[0].lower in SUFFIX_KIND and len(words) > 1:
            kind, cue = SUFFIX_KIND[words[0].lower], words[0].lower
        else:
            b = k0 - 1
            # back over articles and commas, and over the full stop of an abbreviated rank ("Col. Han")
            while b >= 0 and (
                toks[b].lower in (",", "the", "a", "an")
                or (toks[b].lower == "." and b > 0 and toks[b - 1].lower in ABBREVIATIONS)
            ):
                b -= 1
            before = toks[b].lower if b >= 0 else ""
            after_i = k0 + len(words)
            while after_i < len(toks) and toks[after_i].lower == ",":
                after_i += 1
            after = toks[after_i].lower if after_i < len(toks) else ""
            if after_i > k0 + len(words) and after in SPEECH_WORDS:
                after = ""  # "... on Kashmir, says MEA": the speaker comes after the comma
            if (
                before == "of"
                and b > 0
                and {toks[b - 1].lower, toks[b - 1].lower + " of"} & lexicon.kinds.get("place", set())
            ):
                before = toks[b - 1].lower  # "the village of Marwahin", "the state of Sinaloa"
                kind, cue = "place", before
            for word in (after, before):  # "Kunar province", then "spokesman Ali Raza"
                if word in SPEECH_WORDS and len(words) < 2 or kind:
                    continue  # "Orano said": a company or a person, the verb does not tell
                if word == after and word in TITLE_HEADS | {"leader"}:
                    continue  # "Viv Ansanm leader (Wilfrid Augustin)": the title is another's, of this name
                kind = next((k for k, cues in lexicon.kinds.items() if word in cues), None)
                if kind == "person" and any(w.lower in NAME_END or w.lower in ("of", "for") for w in words):
                    kind = None  # "the Joint Command of the Armed Forces said": no person's name
                if kind:
                    cue = word
                    break
            if kind is None and k0 > 1 and toks[k0 - 1].lower == ",":
                # an apposition: "the deputy prime minister for economic affairs, Mullah Nooruddin Hamdard"
                back = [t.lower for t in toks[max(0, k0 - 10) : k0 - 1]]
                back = set(back[max((x + 1 for x, w in enumerate(back) if w in (".", "?", "!")), default=0) :])
                person = lexicon.kinds.get("person", set())
                if back & person:
                    kind, cue = "person", next(iter(back & person))
            if kind is None and after_i < len(toks) and toks[after_i - 1].lower == ",":
                # an apposition after it: "Chabahar, the Iranian port", "Karim Haddad, an adviser to"
                nxt = [t.lower for t in toks[after_i : after_i + 4]]
                for k_, cues in (("place", lexicon.kinds.get("place", ())), ("person", APPOSED_PERSON)):
                    cue = (
                        next((w for w in nxt if w in cues), None)
                        if nxt[:1] in (["the"], ["a"], ["an"]) or k_ == "place"
                        else None
                    )
                    if cue:
                        kind = k_
                        break
            b = k0 - 1
            if b >= 0 and toks[b].lower == "the":
                b -= 1
            if b >= 1 and toks[b].lower in ("and", ",") and cap(toks[b - 1]):
                # "in Khost and Paktika": the second of two places
                while b >= 1 and cap(toks[b - 1]):
                    b -= 1
                b -= 1
            nxt = toks[k0 + len(words)] if k0 + len(words) < len(toks) else None
            modifier = nxt is not None and nxt.text.isalpha() and nxt.text.islower() and nxt.lower not in COMMON
            if kind is None and len(words) <= 3 and b >= 0 and toks[b].lower in PLACE_PREP and not modifier:
                kind, cue = "place", toks[b].lower  # (not "into UNIFIL positions": a name before a noun)
    key = name.lower()
    nn = found.get(key)
    if nn is None:
        nn = found[key] = NewName(name, id=nid or suggest_id(name))
    nn.count += 1
    nn.spans.append((s, e))
    if text[s:e] != nn.name and text[s:e] not in nn.aliases:
        nn.aliases.append(text[s:e])
    if nn.kind is None and kind:
        nn.kind, nn.cue = kind, cue
    owner = namerun.owner_start(toks, k0, _gazetteer_index())
    if owner is not None and kind != "person":
        # "Tajikistan's State Committee for National Security": the state's body, named with its state too
        alias = text[owner:e]
        if alias not in nn.aliases:
            nn.aliases.append(alias)

    gaz = _gazetteer_index()
    for size in (3, 2, 1):
        if k0 - 1 - size >= 0 and " ".join(t.lower for t in toks[k0 - 1 - size : k0 - 1]) in gaz:
            return toks[k0 - 1 - size].start
    return None
