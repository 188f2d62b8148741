"""The agent of an act told as a noun, after "by" ("the killing of two villagers by the border force",
"a car bomb attack by the group"): one rule of :mod:`graph.draft.cue_pairs`."""

from __future__ import annotations

from .syntax import Participant, passive

__all__ = ["by_agent", "HOSTILE"]

HOSTILE = {"ASSAULT", "COERCE", "MOBILIZE"}


def by_agent(c, hit, groups, add):
    """ "the killing of two Bangladeshi villagers by India's border force", "a car bomb attack by the group":
    the agent of an act told as a noun follows "by", its object the actor after "of" (or none named here:
    no other pair for the cue). Whether the rule applied."""
    toks, lows = c.toks, c.lows
    w = lows[hit.i]
    if hit.entry.get("reciprocal") or hit.entry["type"] == "ACCUSE" or passive(hit, toks) or w.endswith(("ed", "en")):
        return False
    by = next((k for k in range(hit.j, min(hit.j + 8, len(toks))) if lows[k] in ("by", ",", ";", "and")), None)
    if by is None:
        return False
    compound = by - hit.j <= 1 and all(t.text.isalpha() and t.text.islower() for t in toks[hit.j : by])
    if lows[by] != "by" or (by > hit.j and lows[hit.j] not in ("of", "on", "against") and not compound):
        return False  # (a compound: "a car bomb attack by the group")
    agent = next((g for g in groups if by < g[0].ti <= by + 4), None)
    if agent is None:
        return False
    of = next((g for g in groups if hit.j < g[0].ti and g[-1].tj <= by), None)
    how = "the agent after 'by' of an act told as a noun"
    if of is None and c.home is not None and hit.entry["type"] in HOSTILE:
        # (the one attacked not named: the home state, unless the agent is of it)
        if not any(c.same(p.entity, c.home) for p in agent):
            of = [Participant(c.home, 0, 0, 0, 0, "focus")]
            how += f"; the one attacked not named: {c.home}, the home state"
    for s_ in agent:
        for o in of or ():
            add(s_, o, hit, how, 0.6 if o.how != "focus" else 0.3, agent[0].ti, "cue" if o.how != "focus" else "victim")
    return True
