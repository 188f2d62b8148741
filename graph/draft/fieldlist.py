"""The list of fields that a long office name runs on with ("Ministry of Foreign Affairs, International
Trade and Worship", "Ministry of Foreign Affairs and Human Mobility").

Many states name a ministry by all its portfolios: after the office's own words come more capitalised
fields, separated by commas and closed by "and", on one line. Those words are part of the one name,
not names of their own ("Worship", "Human Mobility"). :func:`field_tail` counts them. A field that is
a known name (a state: "the Ministry of Defence and Pakistan") or a possessive ("Pakistan's army")
makes the list no list. "and" followed by a lowercase word ("and the army") is no field either.

>>> from graph.draft.tokens import tokenise
>>> text = "the Ministry of Foreign Affairs, International Trade and Worship said"
>>> toks = tokenise(text)
>>> field_tail(toks, 5, text), [t.text for t in toks[5 : 5 + field_tail(toks, 5, text)]]
(5, [',', 'International', 'Trade', 'and', 'Worship'])
>>> text = "the Ministry of Foreign Affairs and Human Mobility; the Ministry of Defence and Pakistan"
>>> toks = tokenise(text)
>>> field_tail(toks, 5, text), field_tail(toks, 14, text, known=lambda w: w == ("pakistan",))
(3, 0)
>>> text = "the Ministry of Defence, Pakistan's army and Iran"
>>> field_tail(tokenise(text), 4, text)
0
"""

from __future__ import annotations

__all__ = ["field_tail"]

_MAX_WORDS = 4  # words of one field ("African Integration", "Ivorians Abroad")


def _field(toks, j, text, known):
    """The number of capitalised words of one field at *j* on the same line (0 when none or a known name)."""
    k = j
    while k < len(toks) and k - j < _MAX_WORDS and toks[k].text[:1].isupper() and toks[k].text.isalpha():
        if "\n" in text[toks[k - 1].end : toks[k].start]:
            break
        k += 1
    if k == j or k < len(toks) and toks[k].lower in ("'s", "’s", "'"):
        return 0
    if known is not None and known(tuple(t.lower for t in toks[j:k])):
        return 0
    return k - j


def field_tail(toks, j, text, known=None) -> int:
    """The number of tokens from *j* that continue a capitalised office name with its other fields
    (", Field, Field and Field" or " and Field"), or 0. *known(words)* says which words are names of
    their own (states, bodies)."""
    k, n = j, len(toks)
    while k < n and toks[k].text == ",":
        w = _field(toks, k + 1, text, known)
        if not w:
            return 0
        k += 1 + w
    if k < n and toks[k].lower == "and" and toks[k].text.islower():
        w = _field(toks, k + 1, text, known)
        if w:
            return k + 1 + w - j
    return 0
