"""Mentions: every place a text names an entity the dataset knows.

Names are matched on tokens, longest first, without regard to case, with
possessives ("Pakistan’s") and plurals ("Afghans", "terrorist" for
"terrorists") handled. An all-capitals name (``US``, an id such as ``TAL``)
only matches in capitals, so "us" is not the United States. Each state of the
dataset (an entity whose ``codes.iso3`` or id is an ISO alpha-3 code of the
gazetteer) is also found by its gazetteer names: capital, demonyms, other names
("Beijing", "Chinese officials", "the Kremlin"); those match only when written
with a capital and never shadow a name the dataset gives another entity.

>>> from graph.draft.mentions import Matcher
>>> from graph import loads
>>> ds = loads('''
... entities:
...   - {id: PAK, name: Pakistan, kind: state, aliases: [Islamabad]}
...   - {id: CHN, name: China, kind: state, codes: {iso3: CHN}}
...   - {id: TAL, name: Taliban, kind: de_facto_authority}
... ''')
>>> m = Matcher(ds)
>>> [(x.entity, x.text, x.via) for x in m.find("Beijing and Pakistan’s Taliban policy; us, the Chinese")]
[('CHN', 'Beijing', 'gazetteer: capital'), ('PAK', 'Pakistan', 'name'), ('TAL', 'Taliban', 'name'), ('CHN', 'Chinese', 'gazetteer: demonym')]
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import state, state_names
from .tokens import Token, tokenise

__all__ = ["Mention", "Matcher", "name_keys"]

_ARTICLES = ("the",)


@dataclass(frozen=True)
class Mention:
    """One place the text names an entity: ``text[start:end]``; *via* says how it was matched."""

    entity: str
    text: str
    start: int
    end: int
    via: str

    def to_json(self) -> dict:
        return {"entity": self.entity, "text": self.text, "start": self.start, "end": self.end}


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
    words = tuple(t.lower for t in tokenise(name))
    if not words:
        return []
    keys = _variants(words)
    if len(words) > 1 and words[0] in _ARTICLES:
        keys += _variants(words[1:])
    return keys


class Matcher:
    """Finds the mentions of a dataset's entities (and, through the gazetteer, of its states)."""

    def __init__(self, ds):
        self.table: dict[tuple, tuple] = {}   # key -> (entity, via, caps_only, capital_only)
        self.maxlen = 1
        self.gazetteer_codes: dict[str, str] = {}   # ISO3 -> entity id
        for e in ds.entities.values():
            self._add(e.name, e.id, "name")
            for a in e.aliases:
                self._add(a, e.id, "alias")
        for e in ds.entities.values():
            self._add(e.id, e.id, "id")
        for e in ds.entities.values():
            code = (e.codes or {}).get("iso3") or (e.id if state(e.id) else None)
            if code and state(code):
                self.gazetteer_codes[str(code).upper()] = e.id
                for name, how in state_names(code):
                    self._add(name, e.id, f"gazetteer: {how}", gazetteer=True)

    def _add(self, name, entity, via, gazetteer=False):
        name = str(name)
        words = [t.text for t in tokenise(name)]
        for key in name_keys(name):
            existing = self.table.get(key)
            if existing and (gazetteer or not existing[3]):
                continue          # the dataset's own names win; the first one registered wins
            # an all-capitals word of the name (US, TAL) only matches in capitals
            caps = tuple(w.isupper() and len(w) > 1 for w in words[len(words) - len(key):])
            if len(caps) != len(key):
                caps = (False,) * len(key)
            self.table[key] = (entity, via, caps, gazetteer)
            self.maxlen = max(self.maxlen, len(key))

    def known(self, words: tuple) -> bool:
        """Whether this sequence of lowercased words is a known name."""
        return tuple(words) in self.table

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Mention]:
        """Every mention in *text*, in text order, longest match first, never overlapping."""
        toks = tokens if tokens is not None else tokenise(text)
        out, i, n = [], 0, len(toks)
        while i < n:
            hit = None
            for k in range(min(self.maxlen, n - i), 0, -1):
                key = tuple(t.lower for t in toks[i:i + k])
                entry = self.table.get(key)
                if entry is None:
                    continue
                entity, via, caps, gaz = entry
                span = toks[i:i + k]
                if any(c and not t.text.isupper() for c, t in zip(caps, span)):
                    continue
                if gaz and not span[0].text[:1].isupper() and span[0].lower not in _ARTICLES:
                    continue
                hit = Mention(entity, text[span[0].start:span[-1].end], span[0].start, span[-1].end, via)
                i += k
                break
            if hit:
                out.append(hit)
            else:
                i += 1
        return out
