"""An accusation told in a participle after a comma: "Burundi closed its border with Rwanda, accusing Kigali
of backing the rebels", "..., the army said, accusing Cambodian troops of laying mines": the accuser is
the sentence's subject (or the speaker of the closing phrase just before), not the actor named last;
what it charges is claimed by it. Used by :mod:`graph.draft.structure` for each sentence.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: PER, name: Peru, kind: state}
...   - {id: CHL, name: Chile, kind: state}
...   - {id: FLR, name: Frente Litoral, kind: armed_group}
... ''')
>>> t = "Peru closed its border with Chile on Monday, accusing Santiago of arming the Frente Litoral."
>>> for c in draft(t, ds).claims:
...     print(c.subject, c.type, c.object, c.modality, c.asserted_by)
PER COERCE CHL reported None
CHL AID FLR claimed PER
PER ACCUSE CHL reported None
"""

from __future__ import annotations

from .clause import Raw
from .relatives import actor_tokens

__all__ = ["participle_accusations"]

_ACCUSING = {"accusing", "blaming"}
_PREPS = {"in", "at", "near", "with", "from", "of", "on", "against", "to", "into", "by", "for", "between", "over"}
_RELATIVE = {"which", "who", "whom", "whose", "while", "but", "and"}


def _subject(stoks, acts, lo, k, sp):
    """The actor that opens the clause [lo, k) (not one after a preposition, nor one in a speaker phrase)."""
    for a in acts:
        if not lo <= a[0] < k:
            continue
        x = a[0] - 1
        if x >= 0 and stoks[x].lower in ("the", "a", "an", "its", "their"):
            x -= 1
        if x >= lo and stoks[x].lower in _PREPS:
            continue
        if sp is not None and sp.phrase[0] <= stoks[a[0]].start < sp.phrase[1]:
            continue
        owned = next((b for b in acts if a[1] < len(stoks) and stoks[a[1]].lower == "'s" and b[0] == a[1] + 1), None)
        return (owned or a)[2]  # ("Somalia's Council of Ministers": the council)
    return None


def participle_accusations(text, stoks, in_sentence, lexicon, sp, out):
    """*out* with the accusations told in a participle set right (see the module)."""
    lows = [t.lower for t in stoks]
    if not (_ACCUSING & set(lows)):
        return out
    acts = actor_tokens(stoks, in_sentence)
    n = len(stoks)
    for k, w in enumerate(lows):
        if w not in _ACCUSING or k < 2 or lows[k - 1] != ",":
            continue
        at = stoks[k].start
        if sp is not None and sp.speaker and sp.form == "close" and 0 <= at - sp.phrase[1] <= 3:
            accuser = sp.speaker  # "..., the army said, accusing Y of ..."
        else:
            lo = max([x + 1 for x in range(k) if lows[x] in (";", ":", "—")] + [0])
            accuser = _subject(stoks, acts, lo, k, sp)
        if accuser is None:
            continue
        of = next((x for x in range(k + 1, min(n, k + 9)) if lows[x] in ("of", "for")), None)
        if of is None:
            continue
        accused = next((a[2] for a in acts if k < a[0] < of), None)
        # (the charge ends at a new clause: ", whom the junta blames", "; ...")
        end = next(
            (x for x in range(of, n) if lows[x] == ";" or (lows[x] == "," and x + 1 < n and lows[x + 1] in _RELATIVE)),
            n,
        )
        stop = stoks[end - 1].end
        # the accusing verb's own misreadings (another actor accusing), and its charge claimed by the accuser
        out = [c for c in out if not (c.cue_at == at and c.subject != accuser)]
        if accused is not None and accused != accuser:
            if not any(c.cue_at == at and c.subject == accuser and c.object == accused for c in out):
                why = [f"'{stoks[k].text}' -> ACCUSE", f"the accuser, {accuser}, the clause's subject"]
                s0 = stoks[0].start
                out.append(Raw(accuser, accused, "ACCUSE", "allege", "reported", None, s0, stop, at, why, 0.6, "cue"))
        for c in out:
            if c.cue_at is not None and stoks[of].start < c.cue_at < stop and c.subject != accuser:
                if c.modality in ("reported", "claimed") and c.asserted_by != accuser:
                    c.modality, c.asserted_by = "claimed", accuser
                    c.content = True
                    c.why = list(c.why) + [f"accused by {accuser}"]
    return out
