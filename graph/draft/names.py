"""New names: capitalised names in a text that the dataset does not know.

A new name is a run of capitalised words (joined by "of", "for", "the", "and",
"al", "de" inside it), not covered by a known mention, and not a lone common word
opening a sentence ("However", "The"). Each comes with its count and a kind when a
cue says so: a word before or after it ("spokesman Ali Raza", "Kunar province"),
its own last word ("Ministry of Water", "Awami Party"), or the gazetteer (a state
the dataset does not have, such as "Qatar", under any of its names).

>>> from graph.draft.tokens import tokenise, sentences
>>> from graph.draft.lexicon import Lexicon
>>> text = "However, spokesman Ali Raza said Kunar province and Qatar met. Qatari envoys and Ali Raza left."
>>> found = new_names(text, tokenise(text), sentences(text), [], Lexicon.load())
>>> [(n.name, n.count, n.kind, n.id) for n in found]
[('Ali Raza', 2, 'person', 'ALI-RAZA'), ('Kunar', 1, 'place', 'KUNAR'), ('Qatar', 2, 'state', 'QAT')]
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from .gazetteer import state_names, states

__all__ = ["NewName", "new_names", "suggest_id"]

_JOIN = {"of", "for", "the", "and", "al", "de", "el", "bin", "ul", "-"}
_COMMON = set("""a an the this that these those it its he she they we i you our their his her my your
in on at by for from with without of to into onto over under after before since during while when where
whereas although though if as because but and or nor so yet however nevertheless furthermore moreover
meanwhile also still then thus therefore instead indeed even only just each every both all some many most
few several no not none one two three four five six seven eight nine ten first second last next past new
former earlier later today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
mr mrs ms dr central according asked speaking there here what which who whom whose why how forging
such other another any more less much very ever never always sources officials analysts critics""".split())
_SUFFIX_KIND = {"ministry": "office", "department": "office", "office": "office", "embassy": "office",
                "party": "organisation", "movement": "organisation", "front": "organisation",
                "army": "armed_group", "militia": "armed_group", "brigade": "armed_group",
                "council": "organisation", "agency": "organisation", "union": "organisation",
                "organisation": "organisation", "organization": "organisation", "bank": "organisation",
                "province": "place", "region": "place", "valley": "place", "district": "place",
                "city": "place", "river": "place", "corridor": "place", "agreement": "agreement",
                "accord": "agreement", "treaty": "agreement", "deal": "agreement"}


@dataclass
class NewName:
    """A name the dataset does not know: where it occurs, how often, its suggested kind and id."""

    name: str
    count: int = 0
    kind: str | None = None
    id: str = ""
    spans: list = field(default_factory=list)
    cue: str | None = None

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


def _cap(tok) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def new_names(text, toks, sents, mentions, lexicon, known=frozenset()) -> list[NewName]:
    """The new names of *text* (tokens *toks*, sentence spans *sents*), in order of first use.

    *mentions* are the known mentions (their tokens are never part of a new name);
    *known* are the ISO codes of the dataset's states (not new).
    """
    covered = set()
    for m in mentions:
        covered.add((m.start, m.end))
    spans = sorted((m.start, m.end) for m in mentions)
    starts = {s for s, _ in sents}
    lowers = {t.text for t in toks if t.text[:1].islower()}

    span_starts = [s for s, _ in spans]

    def in_mention(t):
        k = bisect.bisect_right(span_starts, t.start) - 1
        return k >= 0 and spans[k][0] <= t.start < spans[k][1]

    found: dict[str, NewName] = {}
    gaz = _gazetteer_index()
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not _cap(t) or in_mention(t) or t.lower == "'s":
            i += 1
            continue
        j = i + 1
        while j < n:
            if _cap(toks[j]) and not in_mention(toks[j]):
                j += 1
            elif (toks[j].lower in _JOIN and j + 1 < n and _cap(toks[j + 1]) and not in_mention(toks[j + 1])
                  and toks[j].lower != "and"):
                j += 2
            else:
                break
        words = toks[i:j]
        # a lone common word, or one that the text also writes in lowercase, is not a name
        while words and (words[0].lower in _COMMON or (words[0].start in starts and words[0].lower in lowers
                                                       and len(words) == 1)):
            words = words[1:]
            while words and words[0].lower in _JOIN:
                words = words[1:]
        # a title opening the name ("Spokeswoman Lena Markova", "President X") is a cue, not the name
        title = None
        while len(words) > 1 and any(words[0].lower in cues for cues in lexicon.kinds.values()):
            title, words = words[0].lower, words[1:]
        if words:
            k0 = i + toks[i:j].index(words[0])
            _add(found, text, toks, words, k0, gaz, known, lexicon, title)
        i = j
    return list(found.values())


def _add(found, text, toks, words, k0, gaz, known, lexicon, title=None):
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
        if last in _SUFFIX_KIND:
            kind, cue = _SUFFIX_KIND[last], last
        elif words[0].lower in _SUFFIX_KIND and len(words) > 1:
            kind, cue = _SUFFIX_KIND[words[0].lower], words[0].lower
        else:
            b = k0 - 1
            while b >= 0 and toks[b].lower in (",", "the", "a", "an"):
                b -= 1
            before = title or (toks[b].lower if b >= 0 else "")
            after_i = k0 + len(words)
            after = toks[after_i].lower if after_i < len(toks) else ""
            for word in (after, before):      # "Kunar province", then "spokesman Ali Raza"
                kind = next((k for k, cues in lexicon.kinds.items() if word in cues), None)
                if kind:
                    cue = word
                    break
    key = name.lower()
    nn = found.get(key)
    if nn is None:
        nn = found[key] = NewName(name, id=nid or suggest_id(name))
    nn.count += 1
    nn.spans.append((s, e))
    if nn.kind is None and kind:
        nn.kind, nn.cue = kind, cue
