"""A relative clause with its own subject ("Chad, which Sudan accuses of arming the rebels", "the group,
which Iran accuses Iraq of sheltering"): the actor named before ", which" is the one accused, the one
said to act, or what the clause's last verb acts on. One rule of :mod:`graph.draft.cue_pairs`.

>>> from graph.draft import draft
>>> from graph import loads
>>> ds = loads('''
... entities:
...   - {id: PER, name: Peru, kind: state}
...   - {id: CHL, name: Chile, kind: state}
...   - {id: FLF, name: Free Lowland Front, kind: armed_group}
... ''')
>>> r = draft("Peru, which Chile accuses of arming the Free Lowland Front, denies it.", ds)
>>> [(c.subject, c.type, c.object, c.modality, c.asserted_by) for c in r.claims][:2]
[('CHL', 'ACCUSE', 'PER', 'reported', None), ('PER', 'AID', 'FLF', 'claimed', 'CHL')]
"""

from __future__ import annotations

__all__ = ["antecedent", "relative_object"]

_REL = ("which", "who", "whom")
# what may follow the clause's last verb when the antecedent is its object ("which Peru rejected as
# 'one-sided'", "which Chile has sheltered since 2020")
_AFTER_LAST = {"as", "since", "for", "in", "at", "on", "last", "this", "over", "until", "ever", "again", "'", '"'}


def antecedent(c, k):
    """The group named just before ", which" of the relative clause holding token *k*, when that clause
    names its own subject before *k* (an object relative); else None."""
    r = c.in_rel(k)
    if r is None or c.lows[r[0]] not in _REL:
        return None
    ante = next((g for g in c.groups if g[-1].tj == r[0] - 1), None)
    if ante is None or not any(r[0] < g[0].ti and g[-1].tj <= k for g in c.groups):
        return None
    return ante


def relative_object(c, hit, left, right):
    """The object of a relative clause's last verb when none follows it: its antecedent ("the group,
    which Chile accuses Peru of sheltering", "Beijing's dam, which Delhi has protested"); else *right*."""
    if right or not left:
        return right
    ante = antecedent(c, hit.i)
    r = c.in_rel(hit.i)
    if ante is None or left[-1] is ante or not (hit.j >= r[1] or c.lows[hit.j] in _AFTER_LAST):
        return right
    return [ante]
