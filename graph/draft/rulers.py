"""The actors that rule: whose state a mention is, a state's military government, the de facto authorities.

- :func:`state_of`: the state a mention belongs to (itself, or the state its office is part of).
- :func:`military_rule`: "Burkina Faso's military government", "the army-led government in Port Sudan" are
  the state, not its armed forces; "the de facto authorities" alone are the de facto authority the text names.
"""

from __future__ import annotations

import re

from .mentions import Mention

__all__ = ["state_of", "military_rule"]


def state_of(m, matcher):
    """The state (entity id) a mention belongs to: itself, or the state its office is part of."""
    if m.entity in matcher.gazetteer_codes.values():
        return m.entity
    b = matcher.bodies.bodies.get(m.entity)
    if b is not None and b.part_of and b.kind == "office":
        return matcher.state_entity(b.part_of)
    e = matcher.ds.entities.get(m.entity)
    if e is not None and e.part_of in matcher.gazetteer_codes.values():
        return e.part_of
    return None


def _kind(eid, matcher):
    e, b = matcher.ds.entities.get(eid), matcher.bodies.bodies.get(eid)
    return e.kind if e is not None else b.kind if b is not None else None


_RULE = re.compile(r"(?:-led)?\s+(?:government|junta|regime|rulers|authorities)\b")


_LED = re.compile(
    r"\b[Tt]he\s+(?:military|army|junta)-(?:led|backed|run|dominated)\s+(?:government|administration|authorities)\b"
)


def military_rule(found, text, matcher, home=None):
    """A state's military that governs is the state: "Burkina Faso's military government", "the military-led
    government", "Sudan's military rulers" (its armed forces stay an office of their own otherwise).

    >>> from graph import loads
    >>> from graph.draft.mentions import Matcher
    >>> m = Matcher(loads("entities: [{id: BFA, name: Burkina Faso, kind: state, codes: {iso3: BFA}}]"))
    >>> text = "Burkina Faso's military government expelled envoys; Burkina Faso's military shelled a camp."
    >>> [(x.entity, x.text) for x in military_rule(m.find(text), text, m)]
    [('BFA', "Burkina Faso's military government"), ('BFA-ARMY', "Burkina Faso's military")]
    """
    out = []
    for m in found:
        b = matcher.bodies.bodies.get(m.entity) or matcher.bodies.bodies.get(m.via.split(" of ")[0] if m.via else "")
        army = (b is not None and b.generic == "ARMY") or m.text.lower().endswith(("military", "army", "armed forces"))
        rule = _RULE.match(text, m.end) if army else None
        owner = state_of(m, matcher) if rule else None
        if owner is not None:
            m = Mention(owner, text[m.start : rule.end()], m.start, rule.end(), f"'{text[m.start : rule.end()]}'")
        out.append(m)
    # "the army-led government in Port Sudan": the state of the place after it, else the home state
    starts = {m.start: m for m in out}
    for g in _LED.finditer(text):
        if any(m.start < g.end() and g.start() < m.end for m in out):
            continue
        there = re.match(r"\s+in\s+", text[g.end() : g.end() + 5])
        place = starts.get(g.end() + there.end()) if there else None
        owner = (state_of(place, matcher) if place else None) or home
        if owner is not None:
            out.append(Mention(owner, g.group(), g.start(), g.end(), f"'{g.group()}' (its state)"))
    # "the de facto authorities" alone: the de facto authority the text names
    rulers = [m for m in out if _kind(m.entity, matcher) == "de_facto_authority"]
    for g in _DE_FACTO.finditer(text):
        if rulers and not any(m.start < g.end() and g.start() < m.end for m in out):
            who = next((m for m in reversed(rulers) if m.end <= g.start()), rulers[0])
            out.append(Mention(who.entity, g.group(), g.start(), g.end(), f"'{g.group()}' ({who.text})"))
    return sorted(out, key=lambda m: m.start)


_DE_FACTO = re.compile(r"\b[Tt]he\s+de\s+facto\s+(?:authorities|rulers|government|administration|leadership)\b")
