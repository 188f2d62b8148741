"""Modality and speaker of a candidate claim, from the cue words of its clause.

In order of precedence:

- an explicit denial ("denied that", "rejected claims") -> ``denied``;
- a recommendation: "should", "must", "need to" after the subject, or "it is
  critical that" before it -> ``recommended``;
- a speculation: "could", "may", "would", "if" after the subject, or "potential"
  between the subject and the type cue -> ``speculated``;
- a negation ("not", "no", "never") between the subject and the type cue -> ``denied``;
- a speech cue ("said", "according to", "statement") -> ``claimed``, by the speaker;
- otherwise ``reported``.

>>> from graph.draft.tokens import tokenise
>>> from graph.draft.lexicon import Lexicon
>>> lex = Lexicon.load()
>>> toks = tokenise("Iran should not attack Iraq")
>>> modality_of(toks, lex, subject_at=0, cue_at=3, object_at=4)
('recommended', 'should')
>>> modality_of(tokenise("Iran did not attack Iraq"), lex, subject_at=0, cue_at=3, object_at=4)
('denied', 'not')
>>> modality_of(tokenise("Iran attacked Iraq"), lex, subject_at=0, cue_at=1, object_at=2, speech=True)
('claimed', None)
"""

from __future__ import annotations

__all__ = ["modality_of", "speech_cues"]


_RELATIVE = {"that", "which", "who", "whom", "whose"}


def _hits(phrases, lows, lo, hi, relative_ok=True):
    for i in range(max(lo, 0), min(hi, len(lows))):
        if not relative_ok and i > 0 and lows[i - 1] in _RELATIVE:
            continue  # "any deal that would limit": the modal of a relative clause
        for p in phrases:
            if tuple(lows[i : i + len(p)]) == p:
                return " ".join(p).replace(" '", "'")
    return None


def modality_of(toks, lexicon, *, subject_at, cue_at, object_at, speech=False, skip=()):
    """``(modality, cue words or None)`` for a claim whose subject starts at token *subject_at*
    (None: implied, not in the clause), type cue at *cue_at* (None: no cue) and object at
    *object_at*. Tokens whose index is in *skip* (the type cue's own words) are not cues."""
    lows = [("\0" if k in skip else t.lower) for k, t in enumerate(toks)]
    mod = lexicon.modality
    n = len(lows)
    s = 0 if subject_at is None else subject_at
    c = cue_at if cue_at is not None else object_at
    hit = _hits(mod.get("denied_explicit", ()), lows, 0, max(s, c, object_at or 0) + 1)
    if hit:
        return "denied", hit
    rec = mod.get("recommended", ())
    that = [p for p in rec if p[-1] == "that"]
    # a modal counts between the actor and the type cue ("Iran should stop", "X could offer"): one in
    # what follows the object belongs to another verb ("warned India that Pakistan would respond")
    upto = max(s, c) + 1 if cue_at is not None else n
    hit = _hits(that, lows, 0, max(s, c)) or _hits([p for p in rec if p[-1] != "that"], lows, s, upto, False)
    if hit and cue_at is not None and _broken(lows, hit, s, c):
        hit = None  # "said the government must widen its tax base ..., and warned Islamabad": another verb's
    if hit:
        return "recommended", hit
    conditional = [p for p in mod.get("speculated", ()) if p in (("if",), ("unless",))]
    hit = _hits(mod.get("speculated", ()), lows, s, upto, False)
    if hit and cue_at is not None and _broken(lows, hit, s, c):
        hit = None
    hit = (
        hit
        or _hits(conditional, lows, 0, n)
        or _hits(mod.get("speculated_adjectives", ()), lows, min(s, c), max(s, c) + 1)
    )
    if hit:
        return "speculated", hit
    if subject_at is not None and cue_at is not None and subject_at < cue_at:
        no = _no_subject(lows, subject_at)  # "no Iraqi vessel had crossed", "none of its fighters had been"
        if no:
            return "denied", no
    hit = _hits(mod.get("negation", ()), lows, min(s, c), c)
    if hit:
        # a negation of another verb ("had no link to the attackers and accused India") is not this one's
        at = max(
            k for k in range(min(s, c), c) if any(tuple(lows[k : k + len(p)]) == p for p in mod.get("negation", ()))
        )
        if any(
            w
            in ("and", ",", "but", "that", "while", "when", "after", "before", "because", "since", "as", "if", "until")
            for w in lows[at:c]
        ):
            hit = None
    if not hit and skip and max(skip) + 1 < n and lows[max(skip) + 1] in ("no", "none"):
        hit = lows[max(skip) + 1]  # "supplied no weapons to"
    if not hit and skip:
        inner = [toks[k].lower for k in range(min(skip), max(skip) + 1) if toks[k].lower in ("no", "not", "never")]
        hit = inner[0] if inner else None  # "left no weapons for"
    if hit:
        return "denied", hit
    if speech:
        return "claimed", None
    return "reported", None


def _no_subject(lows, s):
    """The words that deny the subject starting at token *s* ("no Iraqi vessel", "not a single Ethiopian unit",
    "none of its fighters"), or None.

    >>> _no_subject("he said no iraqi vessel had crossed".split(), 3)
    'no'
    >>> _no_subject("he said not a single unit had moved".split(), 5)
    'not a single'
    """
    if s >= 1 and lows[s - 1] == "no":
        return "no"
    if s >= 3 and lows[s - 3 : s] == ["not", "a", "single"]:
        return "not a single"
    for k in (2, 3):
        if s >= k and lows[s - k : s - k + 2] == ["none", "of"]:
            return "none of"
    return None


def _broken(lows, words, lo, hi):
    """Whether a ", and" / ", but" / "that" stands between the modal *words* (first found from *lo*) and
    the cue at *hi*: the modal is another verb's."""
    first = tuple(words.replace("'", " '").split())[0] if words else ""
    at = next((k for k in range(max(lo, 0), hi) if lows[k] == first), None)
    if at is None:
        return False
    between = lows[at:hi]
    # "should offer Tunis funding, and press Rome": a bare verb right after ", and" shares the modal
    bare = hi < len(lows) and lows[hi - 1] in ("and", "but") and not lows[hi].endswith(("ed", "s"))
    return (
        any(a == "," and b in ("and", "but") for a, b in zip(between, between[1:], strict=False)) and not bare
    ) or "that" in between[1:]


def speech_cues(toks, lexicon) -> list[tuple[int, int, str]]:
    """(i, j, words) of every speech cue ("said", "according to") in *toks*."""
    return lexicon.find_phrases(lexicon.speech, toks)
