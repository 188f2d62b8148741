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

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: CHN, name: China, kind: state}, {id: USA, name: United States, kind: state}]")
>>> r = draft("Relations soured. A US-made drone flew over the South China Sea near the Hafiz Gul Bahadur group.", ds)
>>> [(n.name, n.kind) for n in r.new_names]
[('South China Sea', 'place'), ('Hafiz Gul Bahadur group', 'armed_group')]
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from .gazetteer import state_names, states

__all__ = ["NewName", "new_names", "suggest_id", "inside_names"]

_JOIN = {"of", "for", "the", "al", "de", "el", "bin", "ul", "-"}
_COMMON = set(
    """a an the this that these those it its he she they we i you our their his her my your
in on at by for from with without of to into onto over under after before since during while when where
whereas although though if as because but and or nor so yet however nevertheless furthermore moreover
meanwhile also still then thus therefore instead indeed even only just each every both all some many most
few several no not none one two three four five six seven eight nine ten first second last next past new
former earlier later today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
mr mrs ms dr central according asked speaking there here what which who whom whose why how forging
such other another any more less much very ever never always sources officials analysts critics
despite top amid among against neither either none nothing related share follow updated published posted
reporting editing advertisement copyright topics tags opinion comment analysis agencies staff reporter
correspondent desk bureau news web business markets economy world region national international sign
am pm gmt utc ist pkt est edt cet cest eet eest bst pst pdt et pt msk jst kst ast ago hours minutes
x facebook twitter telegram whatsapp youtube instagram tiktok google linkedin
president prime minister ministers minister secretary spokesman spokeswoman spokesperson deputy general
gen col colonel brig brigadier lt maj major senior senator governor commander chief press mission special
ambassador envoy foreign defence defense interior finance planning transport home external affairs
government administration officials ministry department office army military police court
also read most constructed example time why how now""".split()
)
# adjectives of regions and faiths: no name when alone ("an Asian NATO")
_ADJECTIVES = set(
    """asian european african arab western eastern northern southern latin nordic baltic balkan
caucasian islamic muslim christian jewish sunni shia""".split()
)
_TITLES = set(
    """president prime minister minister secretary spokesman spokeswoman spokesperson deputy general
gen col colonel brig brigadier lt maj major senior senator sen rep governor commander chief press mission special
ambassador envoy foreign defence defense interior finance planning transport home external affairs state
mr mrs ms dr justice judge mayor chairman chairwoman chair director head leader of the and
economic affairs information commerce trade""".split()
)
_SUFFIX_KIND = {
    "ministry": "office",
    "department": "office",
    "office": "office",
    "embassy": "office",
    "party": "organisation",
    "movement": "organisation",
    "front": "organisation",
    "army": "armed_group",
    "militia": "armed_group",
    "brigade": "armed_group",
    "group": "armed_group",
    "council": "organisation",
    "agency": "organisation",
    "union": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "bank": "organisation",
    "initiative": "agreement",
    "corridor": "agreement",
    "ratings": "organisation",
    "railways": "organisation",
    "fund": "organisation",
    "airlines": "organisation",
    "company": "organisation",
    "corporation": "organisation",
    "ocean": "place",
    "gulf": "place",
    "east": "place",
    "mountains": "place",
    "port": "place",
    "province": "place",
    "region": "place",
    "valley": "place",
    "district": "place",
    "city": "place",
    "river": "place",
    "sea": "place",
    "islands": "place",
    "shoal": "place",
    "agreement": "agreement",
    "accord": "agreement",
    "treaty": "agreement",
    "deal": "agreement",
}


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

    >>> suggest_id("Ali Raza"), suggest_id("Ministry of Water & Power")
    ('ALI-RAZA', 'MINISTRY-OF-WATER-POWER')
    """
    words = re.findall(r"[A-Za-z0-9]+", name)
    return "-".join(w.upper() for w in words)[:60] or "NEW"


@functools.lru_cache(maxsize=1)
def _gazetteer_index() -> dict:
    out = {}
    for code in states():
        for name, how in state_names(code):
            out.setdefault(name.lower(), (code, how))
    return out


_ADJ_PART = re.compile(
    r"(?:ed|en|ing|made|run|built|led|held|born|based|style|era|wide|owned|majority|"
    r"minority|speaking|bound|linked|aligned|allied|friendly|centric)$"
)
_SHIPS = {"uss", "hms", "ins", "pns", "hmcs", "hmas", "rfs", "cns"}
_NAME_HEADS = {
    "ministry",
    "department",
    "office",
    "army",
    "court",
    "council",
    "bank",
    "central",
    "national",
    "international",
    "new",
    "second",
    "first",
    "government",
    "police",
    "military",
    "mission",
    "special",
    "press",
    "foreign",
    "home",
    "interior",
    "defence",
    "defense",
    "finance",
    "planning",
    "transport",
    "external",
    "economic",
    "news",
    "world",
}
_ABBREVIATIONS = {
    "col",
    "gen",
    "lt",
    "maj",
    "brig",
    "capt",
    "adm",
    "sgt",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "sen",
    "rep",
    "gov",
    "cmdr",
    "st",
}
_SPEECH_WORDS = {"says", "said", "say", "told", "tells"}
_PLACE_PREP = {"in", "at", "near", "across", "along", "into", "outside", "inside", "towards", "toward"}
_GROUP_WORDS = {"group", "faction"}
_VERBS = {"has", "have", "had", "is", "was", "said", "says", "will", "would", "also", "cut", "kept", "put", "set"}
_COMMON_NOUN = re.compile(r"(?:tions|sions|ments|nesses|ities|ances|ences|isms|ships|ists|ers|ians)$")


def _cap(tok) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text) and not _adjective(tok.text)


def _adjective(word) -> bool:
    """A hyphenated compound whose last part is a lowercase participle or adjective ("US-made", "UN-led",
    "Iran-backed"): an adjective, not a name."""
    if "-" not in word:
        return False
    last = word.rsplit("-", 1)[1]
    return last.islower() and bool(_ADJ_PART.search(last))


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
    gaz = _gazetteer_index()

    def blocked(t):
        k = bisect.bisect_right(span_starts, t.start) - 1
        return (k >= 0 and spans[k][0] <= t.start < spans[k][1]) or bool(skip and skip(t.start, t.end))

    def joined(a, b):
        return "\n" not in text[a.end : b.start]

    found: dict[str, NewName] = {}
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not _cap(t) or blocked(t) or t.lower == "'s":
            i += 1
            continue
        j = i + 1
        while j < n and joined(toks[j - 1], toks[j]):
            nxt = toks[j]
            if _cap(nxt) and not blocked(nxt):
                j += 1
            elif (
                nxt.lower in _JOIN
                and j + 1 < n
                and _cap(toks[j + 1])
                and not blocked(toks[j + 1])
                and joined(nxt, toks[j + 1])
            ):
                j += 2
            elif (
                nxt.lower == "and"
                and j + 2 < n
                and _cap(toks[j + 1])
                and _cap(toks[j + 2])
                and not blocked(toks[j + 1])
                and toks[j - 1].lower not in gaz
                and toks[j + 1].lower not in gaz
            ):
                j += 2  # "Belt and Road Initiative"
            else:
                break
        # "the Hafiz Gul Bahadur group": a group's name ends with "group"
        if j < n and toks[j].lower in _GROUP_WORDS and toks[j].text.islower() and joined(toks[j - 1], toks[j]):
            j += 1
        # "Moody's upgraded": a name that ends in "'s" before a verb
        elif (
            j + 1 < n
            and toks[j].lower == "'s"
            and toks[j].start == toks[j - 1].end
            and (toks[j + 1].lower in _VERBS or re.search(r"[a-z]ed$", toks[j + 1].lower))
        ):
            j += 1
        words = toks[i:j]
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
            and words[-1].lower in _SUFFIX_KIND
            and _SUFFIX_KIND[words[-1].lower] in ("organisation", "office")
            and blocked(toks[k := i - len(words) - 1])
            and _cap(toks[k])
            and joined(toks[k], words[0])
            and toks[k].lower in gaz
        ):
            words = [toks[k]] + list(words)
        opening = words[0].start in starts
        # a sentence opening with a participle: "Closing the Torkham crossing", "Testifying before"
        if len(words) > 1 and opening and re.search(r"(?:ing|ed)$", words[0].lower):
            words = words[1:]
        # a title opening the name is a cue, not the name ("Foreign Minister Kamran Aziz Malik")
        title = []
        person_cues = lexicon.kinds.get("person", set())
        while len(words) > 1 and (words[0].lower in _TITLES or words[0].lower in person_cues):
            if words[0].lower in ("of", "the", "and") and not title:
                break
            if words[0].lower in _NAME_HEADS and len(words) > 2 and words[1].lower in _JOIN:
                break  # "Ministry of Railways", "Department of the Treasury"
            title.append(words[0].lower)
            words = words[1:]
        while words and words[0].lower in _JOIN | {"and"}:
            words = words[1:]
        # a lone common word, or one that the text also writes in lowercase, is not a name
        if len(words) == 1:
            w = words[0]
            if (
                w.lower in _COMMON
                or w.lower in _TITLES
                or w.lower in _ADJECTIVES
                or (
                    w.start in starts
                    and (w.lower in lowers or re.search(r"(?:ing|ed|ly)$", w.lower) or _COMMON_NOUN.search(w.lower))
                )
                or len(w.text) == 1
            ):
                continue
        # common words opening a name are no part of it ("Despite Pakistan's", "Top Taliban officials"),
        # but inside a sentence a capitalised one is ("near Second Thomas Shoal", "the Ministry of Railways")
        while (
            words
            and words[0].lower in _COMMON
            and words[0].lower not in _TITLES
            and (words[0].start in starts or words[0].lower not in _NAME_HEADS)
        ):
            words = words[1:]
        while words and words[0].lower in _JOIN | {"and"}:
            words = words[1:]
        if not words or all(w.lower in _TITLES or w.lower in _COMMON for w in words):
            continue
        k0 = j - len(words)
        _add(found, text, toks, words, k0, gaz, known, lexicon, " ".join(title) or None, places)
    return _corefer(list(found.values()), text)


_NAME_END = {w for w, k in _SUFFIX_KIND.items() if k != "agreement"} | {
    "command",
    "force",
    "forces",
    "guard",
    "guards",
    "mission",
    "office",
    "affairs",
    "navy",
    "corps",
    "shoal",
    "strait",
    "peninsula",
    "basin",
    "plateau",
    "lake",
    "canal",
    "straits",
    "coast",
}
_COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "inner",
    "outer",
}


def inside_names(found, toks, text, sents=()):
    """The mentions of *found* that are a word of a longer name ("South China Sea", "Sea of Japan",
    "Guyana Defence Force", "Taiwan Affairs Office"): the whole is a name of its own, not the state."""
    starts = {s for s, _ in sents}
    at = {t.start: k for k, t in enumerate(toks)}
    spans = {(m.start, m.end) for m in found}

    def word(k):
        return (
            0 <= k < len(toks)
            and _cap(toks[k])
            and "\n" not in text[toks[k - 1].end : toks[k].start]
            and (toks[k].start, toks[k].end) not in spans
        )

    out = []
    for m in found:
        a = at.get(m.start)
        b = next((k + 1 for k in range(a or 0, len(toks)) if toks[k].end >= m.end), None) if a is not None else None
        if a is None or b is None:
            continue
        # the capitalised words after it, "of"/"and"/"for" inside, up to a word that ends a name
        k, end = b, None
        while k < len(toks) and "\n" not in text[toks[k - 1].end : toks[k].start]:
            if word(k) and toks[k].lower not in _TITLES:
                if toks[k].lower in _NAME_END:
                    end = k
                k += 1
            elif toks[k].lower in ("of", "for", "and") and word(k + 1):
                k += 1
            else:
                break
        before = a - 1
        compass = word(before) and toks[before].lower in _COMPASS and toks[before].start not in starts
        of_before = (
            a >= 2
            and toks[a - 1].lower == "of"
            and word(a - 2)
            and toks[a - 2].lower in _NAME_END
            and toks[a - 2].lower not in ("government", "people")
        )
        # "India's opposition Congress party": a party, not the US Congress of the gazetteer
        party = m.via.startswith("gazetteer: office") and b < len(toks) and toks[b].lower == "party"
        if end is not None or (compass and b < len(toks) and word(b)) or of_before or party:
            out.append(m)
    return out


def _corefer(names, text):
    """A surname alone is the person named in full ("Rehmat" -> "Sadia Rehmat")."""
    persons = {}
    for nn in names:
        words = nn.name.split()
        if len(words) > 1 and nn.kind in (None, "person"):
            persons.setdefault(words[-1].lower(), []).append(nn)
    out = []
    for nn in names:
        words = nn.name.split()
        full = persons.get(nn.name.lower()) if len(words) == 1 else None
        if full and len(full) == 1 and full[0] is not nn:
            f = full[0]
            f.count += nn.count
            f.spans += nn.spans
            f.kind = f.kind or "person"
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
        if words[0].lower in _SHIPS and len(words) > 1:
            kind, cue = "asset", words[0].lower
        elif name.lower() in places:
            kind, cue = "place", "a city of the gazetteer"
        elif title:
            kind, cue = "person", title
        elif last in _SUFFIX_KIND:
            kind, cue = _SUFFIX_KIND[last], last
        elif words[0].lower in _SUFFIX_KIND and len(words) > 1:
            kind, cue = _SUFFIX_KIND[words[0].lower], words[0].lower
        else:
            b = k0 - 1
            # back over articles and commas, and over the full stop of an abbreviated rank ("Col. Han")
            while b >= 0 and (
                toks[b].lower in (",", "the", "a", "an")
                or (toks[b].lower == "." and b > 0 and toks[b - 1].lower in _ABBREVIATIONS)
            ):
                b -= 1
            before = toks[b].lower if b >= 0 else ""
            after_i = k0 + len(words)
            while after_i < len(toks) and toks[after_i].lower == ",":
                after_i += 1
            after = toks[after_i].lower if after_i < len(toks) else ""
            if after_i > k0 + len(words) and after in _SPEECH_WORDS:
                after = ""  # "... on Kashmir, says MEA": the speaker comes after the comma
            for word in (after, before):  # "Kunar province", then "spokesman Ali Raza"
                kind = next((k for k, cues in lexicon.kinds.items() if word in cues), None)
                if kind:
                    cue = word
                    break
            if kind is None and k0 > 1 and toks[k0 - 1].lower == ",":
                # an apposition: "the deputy prime minister for economic affairs, Mullah Nooruddin Hamdard"
                back = {t.lower for t in toks[max(0, k0 - 10) : k0 - 1]}
                person = lexicon.kinds.get("person", set())
                if back & person:
                    kind, cue = "person", next(iter(back & person))
            if kind is None and after_i < len(toks) and toks[after_i - 1].lower == ",":
                # an apposition after it: "Chabahar, the Iranian port"
                nxt = [t.lower for t in toks[after_i : after_i + 4]]
                cue = next((w for w in nxt if w in lexicon.kinds.get("place", ())), None)
                kind = "place" if cue else None
            b = k0 - 1
            if b >= 0 and toks[b].lower == "the":
                b -= 1
            if b >= 1 and toks[b].lower in ("and", ",") and _cap(toks[b - 1]):
                # "in Khost and Paktika": the second of two places
                while b >= 1 and _cap(toks[b - 1]):
                    b -= 1
                b -= 1
            if kind is None and len(words) <= 3 and b >= 0 and toks[b].lower in _PLACE_PREP:
                kind, cue = "place", toks[b].lower
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
