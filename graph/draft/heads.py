"""Offices named by a leader's title or by unnamed officials: when they are the office, when the state.

The gazetteer finds a state's head of government in "Chad's president" or "the Chinese premier", and
a ministry in "a Togolese foreign ministry official said". The coding conventions of the gold sets
(``benchmarks/draft_news``) make the *office* an entity of its own when the text names it as an office
("the office of Iraq's prime minister", "the Prime Minister's Office", "the presidency"), and fold the
rest into the state: a leader named only by title ("Chad's president is expected to travel ...") acts
for the state, and unnamed officials of a ministry ("transport ministry officials said") are the
state's officials. :func:`settle` applies both to a text's mentions:

- a head of government's title is the state, unless the text also names that office as an office
  (then it is that office) or a person follows the title ("Chad's president, Ali Musa,": the person's
  office, as before); "the office of X's prime minister" is the office, the span taking "office of";
- an office of the gazetteer's generic kinds (a state's foreign ministry, army ...) directly followed by
  "official(s)" or "source(s)" and no name is the state.

Only states the dataset has are folded into (the mention must name a known entity).

>>> from graph import loads
>>> from graph.draft.mentions import Matcher
>>> ds = loads("entities: [{id: TCD, name: Chad, kind: state}, {id: IRQ, name: Iraq, kind: state}]")
>>> m = Matcher(ds)
>>> [(x.entity, x.text) for x in m.find("Chad's president will travel to Cairo.")]
[('TCD', "Chad's president")]
>>> [(x.entity, x.text) for x in m.find("The office of Iraq's prime minister said so.")]
[('IRQ-HOG', "office of Iraq's prime minister")]
>>> [(x.entity, x.text) for x in m.find("a Chadian foreign ministry official said")]
[('TCD', 'Chadian foreign ministry')]
>>> [(x.entity, x.text) for x in m.find("the Chadian foreign ministry said")]
[('TCD-MFA', 'Chadian foreign ministry')]
"""

from __future__ import annotations

import dataclasses
import re

__all__ = ["settle"]

_TITLES = ("president", "premier", "prime minister", "chancellor")
_OFFICE_BEFORE = re.compile(r"(?:[Oo]ffice|[Cc]abinet|[Ss]ecretariat) of (?:the )?$")
_OFFICIALS = re.compile(r"\s+(?:officials?|sources?)\b(?!\s*,?\s*[A-Z])")
_NAMED_AFTER = re.compile(r",?\s+[A-Z][a-z]")


def _is_title(text):
    low = text.lower()
    return low.endswith(_TITLES) and "office" not in low


def settle(mentions, text, matcher):
    """*mentions* (of :meth:`Matcher.find`) with heads' titles and unnamed officials settled (module doc)."""
    bodies = matcher.bodies.bodies
    # the heads of government the text names as an office: "office of ...", "Prime Minister's Office"
    as_office, bare_office = set(), False
    out = []
    for m in mentions:
        b = bodies.get(m.entity) if m.entity else None
        hog = (b is not None and b.generic == "HOG") or m.via == "office HOG"
        if hog:
            before = _OFFICE_BEFORE.search(text, max(0, m.start - 20), m.start)
            if before and _is_title(m.text):
                m = dataclasses.replace(m, text=text[before.start() : m.end], start=before.start())
            if not _is_title(m.text):
                if m.entity:
                    as_office.add(m.entity)
                else:
                    bare_office = True
        out.append(m)
    result = []
    for m in out:
        b = bodies.get(m.entity) if m.entity else None
        if b is not None and b.kind == "office" and b.state:
            state = matcher.gazetteer_codes.get(b.state)
            after = text[m.end : m.end + 40]
            fold = False
            if b.generic == "HOG" and _is_title(m.text):
                fold = not (bare_office or m.entity in as_office or _NAMED_AFTER.match(after))
            elif b.generic and b.id == f"{b.state}-{b.generic}" and m.new:
                fold = bool(_OFFICIALS.match(after))
            if fold and state:
                m = dataclasses.replace(m, entity=state, via=f"{m.via}, for the state", new=False)
        result.append(m)
    return result
