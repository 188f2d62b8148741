"""The sentence-level rules of clause structure, run after the clause rules: fronted objects and moves
judged (:mod:`graph.draft.relatives`), an unnamed doer in what a side says (:mod:`graph.draft.unnamed`),
an envoy summoned in the passive (:mod:`graph.draft.envoys`); each replaces what the clause rules
misread in the words it explains.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: PER, name: Peru, kind: state}
...   - {id: CHL, name: Chile, kind: state}
... ''')
>>> for c in draft("Chile signed the pact, a step Peru had sought for years.", ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
PER REQUEST CHL reported None
"""

from __future__ import annotations

from dataclasses import replace

from .envoys import deployed, summoned
from .participles import participle_accusations
from .permissions import permissions
from .relatives import fronted
from .unnamed import unnamed_doer

__all__ = ["sentence_rules"]


def sentence_rules(text, stoks, in_sentence, lexicon, sp, ctx, out):
    """*out* (the clause rules' :class:`graph.draft.clause.Raw` candidates of the sentence) with the
    sentence-level rules' candidates, and without those they show to be misread."""
    fr, fr_spans = fronted(text, stoks, in_sentence, lexicon, sp)  # "Bolivia, which Peru accuses of ..."
    if fr:
        drops = [x for x in fr_spans if len(x) == 4 and x[0] == "object"]
        pairs = [x for x in fr_spans if len(x) == 4 and x[0] == "pair"]
        spans = [x for x in fr_spans if len(x) == 2]
        out = [c for c in out if c.cue_at is None or not any(a <= c.cue_at < b for a, b in spans)]
        # (the main verb does not act on a judging relative's subject: "Uruguay left the pact, a move Brazil ...")
        out = [c for c in out if not any(c.object == e and c.cue_at and a <= c.cue_at < b for _, e, a, b in drops)]
        # (the pair of a pact relative makes no other claim there: "the statement that Peru signed with Chile")
        out = [
            c
            for c in out
            if not any({c.subject, c.object} == set(e) and c.start < b and a < c.end for _, e, a, b in pairs)
        ]
        out += fr
    # "said its vessels had driven away ...": the speaker's (rather than an actor carried over from before)
    taken = {c.cue_at for c in out if c.cue_at is not None and c.rule != "carried"}
    mine = unnamed_doer(text, stoks, in_sentence, lexicon, sp, ctx.kinds, ctx.owner, taken)
    if mine:
        out = [c for c in out if not (c.rule == "carried" and c.cue_at in {r.cue_at for r in mine})] + mine
    out = participle_accusations(text, stoks, in_sentence, lexicon, sp, out)  # ", accusing Y of ..."
    out = permissions(text, stoks, in_sentence, sp, ctx.kinds, out)  # "accused X of allowing Y to ..."
    env, env_at = summoned(text, stoks, in_sentence, sp, ctx.kinds, ctx.owner, ctx.home)  # "X's envoy was summoned"
    if env:
        out = [c for c in out if c.cue_at not in env_at] + env
    out = [_by_the_agent(stoks, in_sentence, c) for c in out]  # "seized by the Bolivian navy"
    dep, dep_at = deployed(stoks, in_sentence, lexicon, ctx.owner, sp)  # "Ugandan troops have been deployed in S"
    if dep:
        out = [c for c in out if c.cue_at not in dep_at] + dep
    return out


_DETS = {"the", "a", "an", "its", "their", "two", "three", "several"}


def _by_the_agent(stoks, in_sentence, c):
    """*c*, turned round when its cue is a participle whose agent follows "by the": "a Peruvian trawler was
    seized by the Bolivian army", "the post, attacked by a Frente Litoral unit, ..." (the agent acts on the one
    named before).

    >>> from graph import loads
    >>> from graph.draft import draft
    >>> ds = loads("entities:\\n  - {id: PER, name: Peru, kind: state}\\n  - {id: BOL, name: Bolivia, kind: state}")
    >>> [(c.subject, c.object) for c in draft("A Peruvian trawler was seized by the Bolivian army.", ds).claims]
    [('BOL-ARMY', 'PER')]
    """
    if c.cue_at is None or c.rule == "passive":
        return c
    k = next((x for x, t in enumerate(stoks) if t.start == c.cue_at), None)
    if k is None or k + 3 >= len(stoks) or stoks[k + 1].lower != "by" or stoks[k + 2].lower not in _DETS:
        return c
    w = stoks[k].lower
    if not (w.endswith(("ed", "en", "wn", "ck", "ot", "zed")) or w in ("hit", "held", "struck", "caught", "fought")):
        return c
    agent = next((x for x in in_sentence if x[0] >= stoks[k + 2].end), None)
    if agent is None or agent[2] != c.object or agent[0] > stoks[min(k + 5, len(stoks) - 1)].start:
        return c
    if c.subject not in {x[2] for x in in_sentence if x[1] <= stoks[k].start}:
        return c
    why = list(c.why) + [f"passive agent after '{stoks[k].text} by {stoks[k + 2].text}'"]
    return replace(c, subject=c.object, object=c.subject, why=why, rule="passive")
