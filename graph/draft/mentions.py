"""Mentions: every place a text names an entity the dataset knows, or a body of the gazetteer.

Names are matched on tokens, longest first, without regard to case, with
possessives ("Pakistan’s") and plurals ("Afghans", "terrorist" for
"terrorists") handled. An all-capitals name (``US``, an id such as ``TAL``)
only matches in capitals, so "us" is not the United States. Each state of the
dataset (an entity whose ``codes.iso3`` or id is an ISO alpha-3 code of the
gazetteer) is also found by its gazetteer names: capital, demonyms, other names
("Beijing", "Chinese officials"); those match only when written with a capital
and never shadow a name the dataset gives another entity. A known person is also
found by their surname alone, when no other known person has it.

The gazetteer of bodies (:mod:`graph.draft.bodies`) adds offices, de facto
authorities, movements and organisations ("the Pentagon", "Pakistan's military",
"the Islamic Emirate"): one the dataset has (same id, or one of its names) is a
mention of it; one it has not is a *proposal* (``Mention.new``), which the draft
offers as a new entity. A bare office ("the foreign ministry") names no state:
``Mention.entity`` is then ``None`` and ``via`` says which office it is, for the
draft to give it its state; "the Taliban's foreign ministry" is the office of
the actor before it (``TAL-MFA``).

>>> from graph.draft.mentions import Matcher
>>> from graph import loads
>>> ds = loads('''
... entities:
...   - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}
...   - {id: CHN, name: China, kind: state, codes: {iso3: CHN}}
...   - {id: TAL, name: Taliban, kind: de_facto_authority}
... ''')
>>> m = Matcher(ds)
>>> [(x.entity, x.text, x.new) for x in m.find("Beijing and Pakistan’s Taliban policy; us, the Chinese")]
[('CHN', 'Beijing', False), ('PAK', 'Pakistan', False), ('TAL', 'Taliban', False), ('CHN', 'Chinese', False)]
>>> [(x.entity, x.text, x.new) for x in m.find("The Pentagon and the Islamic Emirate's defence ministry")]
[('USA-DOD', 'Pentagon', True), ('TAL-MOD', "the Islamic Emirate's defence ministry", True)]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .bodies import load_bodies
from .fieldlist import field_tail
from .gazetteer import state, state_names
from .heads import settle
from .tokens import Token, tokenise

__all__ = ["Mention", "Matcher", "name_keys"]

_ARTICLES = ("the",)
_SPOKES = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "statement",
    "said",
    "says",
    "told",
    "chief",
    "secretary",
}


# "military", "army" and "naval" before a noun they modify are adjectives ("military sites", "army posts")
_ADJECTIVAL = {"military", "army", "naval", "navy"}
_MODIFIED = {
    "air",
    "aid",
    "equipment",
    "hardware",
    "presence",
    "support",
    "assistance",
    "build-up",
    "buildup",
    "pressure",
    "action",
    "intelligence",
}


def _modifier(toks, j) -> bool:
    """Whether the office name ending before token *j* modifies the noun at *j* ("Syrian military sites",
    "a Myanmar military air strike"): its last word is an adjective of the armed forces, and a lowercase
    noun follows (a plural or derived noun, or one of a few others), not a verb ("the Syrian military said").

    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("Syrian military sites; Syrian military said; Syrian military air strike")
    >>> _modifier(toks, 2), _modifier(toks, 6), _modifier(toks, 10)
    (True, False, True)
    """
    if j >= len(toks) or toks[j - 1].lower not in _ADJECTIVAL or not toks[j].text.islower():
        return False
    w = toks[j].lower
    plural = w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3 and w not in _VERBS_S
    return w in _MODIFIED or plural


_VERBS_S = {
    "says",
    "claims",
    "denies",
    "accuses",
    "insists",
    "warns",
    "rejects",
    "admits",
    "confirms",
    "reports",
    "remains",
    "plans",
    "launches",
    "seeks",
    "wants",
    "holds",
    "continues",
    "controls",
    "keeps",
    "uses",
}


@dataclass(frozen=True)
class Mention:
    """One place the text names an entity: ``text[start:end]``; *via* says how it was matched;
    *new* that it is a body of the gazetteer the dataset does not have (a proposal)."""

    entity: str | None
    text: str
    start: int
    end: int
    via: str
    new: bool = False

    def to_json(self) -> dict:
        return {"entity": self.entity, "text": self.text, "start": self.start, "end": self.end}


def fold(word: str) -> str:
    """*word* without its diacritics ("burkinabè" -> "burkinabe"): names match however they are accented.

    >>> fold("burkinabè"), fold("côte"), fold("kabul")
    ('burkinabe', 'cote', 'kabul')
    """
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _variants(words: tuple) -> list[tuple]:
    """The name and its plural/singular (on the last word)."""
    last = words[-1]
    out = [words]
    if last.isalpha() and len(last) > 3:
        if last.endswith("s") and not last.endswith("ss"):
            out.append(words[:-1] + (last[:-1],))
        else:
            out.append(words[:-1] + (last + "s",))
    return out


def name_keys(name: str) -> list[tuple]:
    """Token keys (lowercased words) a name is matched under; a leading 'the' is optional."""
    return _keys([t.text for t in tokenise(name)])


def _caps(name, key, words=None):
    words = words if words is not None else [t.text for t in tokenise(name)]
    caps = tuple(w.isupper() and len(w) > 1 for w in words[len(words) - len(key) :])
    return caps if len(caps) == len(key) else (False,) * len(key)


def _keys(words: list) -> list[tuple]:
    """:func:`name_keys` of a name already cut into words."""
    low = tuple(fold(w.lower().replace("’", "'").replace("‘", "'")) for w in words)
    if not low:
        return []
    keys = _variants(low)
    if len(low) > 1 and low[0] in _ARTICLES:
        keys += _variants(low[1:])
    return keys


def _body_table(bodies):
    """key -> (body id or '*KEY' for a bare office, caps, capital-only) of every body name (cached)."""
    table = getattr(bodies, "_table", None)
    if table is not None:
        return table
    table = {}
    for b in bodies.bodies.values():
        for n in b.names:
            words = [t.text for t in tokenise(n)]
            one_word = len(words) == 1
            for key in _keys(words):
                if key not in table:
                    table[key] = (b.id, _caps(n, key, words), one_word and n[:1].isupper())
                elif table[key][0] == b.id and table[key][2] and not n[:1].isupper():
                    table[key] = (b.id, table[key][1], False)  # "Al-Qaeda" and "al-Qaeda": either case
    for words, key in bodies.bare.items():
        table.setdefault(words, ("*" + key, (False,) * len(words), False))
    bodies._table = table
    bodies._maxlen = max(len(k) for k in table)
    bodies._firsts = {}
    for k in table:
        bodies._firsts[k[0]] = max(bodies._firsts.get(k[0], 0), len(k))
    return table


class Matcher:
    """Finds the mentions of a dataset's entities (through the gazetteers, of its states and bodies)."""

    def __init__(self, ds, bodies=None):
        self.table: dict[tuple, tuple] = {}  # key -> (entity, via, caps_only, gazetteer)
        self.maxlen = 1
        self.gazetteer_codes: dict[str, str] = {}  # ISO3 -> entity id
        self.bodies = bodies or load_bodies()
        self.ds = ds
        for e in ds.entities.values():
            self._add(e.name, e.id, "name")
            for a in e.aliases:
                self._add(a, e.id, "alias")
        persons = [e for e in ds.entities.values() if e.kind == "person"]
        surnames = {}
        for e in persons:
            words = [t.text for t in tokenise(e.name)]
            if len(words) > 1:
                surnames.setdefault(words[-1].lower(), []).append(e.id)
        for s, ids in surnames.items():
            if len(ids) == 1 and (s,) not in self.table:
                self._add(s.capitalize(), ids[0], "surname")
        for e in ds.entities.values():
            self._add(e.id, e.id, "id")
        for e in ds.entities.values():
            code = (e.codes or {}).get("iso3") or (e.id if state(e.id) else None)
            if code and state(code):
                self.gazetteer_codes[str(code).upper()] = e.id
                for name, how in state_names(code):
                    self._add(name, e.id, f"gazetteer: {how}", gazetteer=True)
        self.btable = _body_table(self.bodies)
        self.firsts = {}
        for k in self.table:
            self.firsts[k[0]] = max(self.firsts.get(k[0], 0), len(k))
        self._known_body = {}

    def _add(self, name, entity, via, gazetteer=False):
        name = str(name)
        for key in name_keys(name):
            existing = self.table.get(key)
            if existing and (gazetteer or not existing[3]):
                continue  # the dataset's own names win; the first one registered wins
            self.table[key] = (entity, via, _caps(name, key), gazetteer)
            self.maxlen = max(self.maxlen, len(key))

    def known(self, words: tuple) -> bool:
        """Whether this sequence of lowercased words is a known name."""
        return tuple(words) in self.table

    def state_entity(self, code):
        """The dataset's entity of the state *code*, or the code itself."""
        return self.gazetteer_codes.get(code, code)

    def body_entity(self, bid):
        """(entity id, new?) of the gazetteer body *bid*: the dataset's own entity when it has it."""
        hit = self._known_body.get(bid)
        if hit is None:
            b = self.bodies.bodies[bid]
            if bid in self.ds.entities:
                hit = (bid, False)
            else:
                found = next(
                    (
                        self.table[k][0]
                        for n in (b.name, *b.names)
                        for k in name_keys(n)[:1]
                        if k in self.table and not self.table[k][3]
                    ),
                    None,
                )
                hit = (found, False) if found else (bid, True)
            self._known_body[bid] = hit
        return hit

    def _lookup(self, toks, i, n, text):
        """The longest (k, entity, via, new) name at token *i*, or None."""
        first = fold(toks[i].lower)
        longest = max(self.firsts.get(first, 0), self.bodies._firsts.get(first, 0))
        for k in range(min(longest, n - i), 0, -1):
            key = tuple(fold(t.lower) for t in toks[i : i + k])
            span = toks[i : i + k]
            entry = self.table.get(key)
            if entry is not None:
                entity, via, caps, gaz = entry
                if not (
                    any(c and not t.text.isupper() for c, t in zip(caps, span, strict=True))
                    or (gaz and not span[0].text[:1].isupper() and span[0].lower not in _ARTICLES)
                ):
                    return k, entity, via, False
            b = self.btable.get(key)
            if b is None:
                continue
            bid, caps, capital = b
            if any(c and not t.text.isupper() for c, t in zip(caps, span, strict=True)) or (
                capital and not span[0].text[:1].isupper()
            ):
                continue
            if (k > 1 or bid.startswith("*")) and _modifier(toks, i + k):
                continue  # "Syrian military sites", "X's military authorities": the state's, no office
            if bid.startswith("*"):
                before = toks[i - 1].lower if i > 0 else ""
                after = toks[i + k].lower if i + k < n else ""
                if not (
                    before in ("the", "its", "their", "'s", "says", "said")
                    or after in _SPOKES
                    or span[0].text[:1].isupper()
                ):
                    continue
                return k + self._fields(toks, i, k, text), None, f"office {bid[1:]}", False
            entity, new = self.body_entity(bid)
            b = self.bodies.bodies[bid]
            if b.kind == "office":
                k += self._fields(toks, i, k, text)
            owner = f" of {b.part_of}" if b.part_of else ""
            return k, entity, f"gazetteer: {b.kind}{owner}", new
        return None

    def _fields(self, toks, i, k, text):
        """The tokens after a capitalised office's name *toks[i:i+k]* that are more of its fields ("Ministry of
        Foreign Affairs, International Trade and Worship", "Argentina's Ministry of Foreign Affairs and
        Worship": one office's name), or 0."""
        if not all(t.text[:1].isupper() or t.lower in ("of", "for", "'s", "’s") for t in toks[i + 1 : i + k]):
            return 0
        if not toks[i + k - 1].text[:1].isupper():
            return 0
        return field_tail(toks, i + k, text, lambda w: w in self.table or w in self.btable)

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Mention]:
        """Every mention in *text*, in text order, longest match first, never overlapping."""
        toks = tokens if tokens is not None else tokenise(text)
        out, i, n = [], 0, len(toks)
        while i < n:
            hit = self._lookup(toks, i, n, text)
            if toks[i].lower in _ARTICLES and i + 1 < n:
                # "the United Nations Military Observer Group ...": the longer name after "the" wins
                later = self._lookup(toks, i + 1, n, text)
                if later is not None and (hit is None or later[0] + 1 > hit[0]):
                    hit, i = later, i + 1
            if hit is None:
                i += 1
                continue
            k, entity, via, new = hit
            span = toks[i : i + k]
            m = Mention(entity, text[span[0].start : span[-1].end], span[0].start, span[-1].end, via, new)
            # "the Taliban's foreign ministry": the office of the actor before the possessive
            if (
                entity is None
                and out
                and i >= 2
                and toks[i - 1].lower == "'s"
                and out[-1].end == toks[i - 2].end
                and out[-1].entity
            ):
                owner = out.pop()
                oid, onew = self._office_of(owner.entity, via.split()[-1])
                m = Mention(oid, text[owner.start : m.end], owner.start, m.end, f"{via} of {owner.entity}", onew)
            out.append(m)
            i += k
        return settle(out, text, self)

    def _office_of(self, owner, key):
        """(id, new?) of the office *key* of the entity *owner* (a state's from the gazetteer)."""
        e = self.ds.entities.get(owner)
        code = next((c for c, eid in self.gazetteer_codes.items() if eid == owner), None)
        if code is None and state(owner) and e is None:
            code = owner
        if code:
            bid = self.bodies.office(code, key)
            if bid:
                return self.body_entity(bid)
        return f"{owner}-{key}", True
