"""How a new name's words run: which words are words of a name, and which lowercase words join two parts.

A word of a name is capitalised and no hyphenated adjective ("US-made"); a surname with a lowercase
particle joined to it by a hyphen is one ("al-Obeidi", "el-Tayeb"). Lowercase words join two parts of
one name: "of", "for", "de", "al", "of the", "for the"; the particles of personal and place names
("da", "dos", "van", "von", "ibn": "Mocímboa da Praia", "Joana dos Santos"); "in" and "on" only after
a word that ends a name ("Interim Force in Lebanon", not "Orano in Niger"); "and" (checked by the
caller, see :func:`and_name`). :func:`inside_names` finds the known names that are words of such a
longer name ("South China Sea").

>>> from graph.draft.tokens import tokenise
>>> toks = tokenise("Gen. Faraj al-Obeidi met Mocímboa da Praia officials and US-made drones")
>>> [t.text for t in toks if cap(t)]
['Gen', 'Faraj', 'al-Obeidi', 'Mocímboa', 'Praia']
>>> connector(toks, 6, "mocímboa"), connector(toks, 9, "officials")
(1, 0)
>>> and_name("The Border Service of Bosnia and Herzegovina", {"bosnia and herzegovina"})
True

A lone word that opens a sentence (or follows a dateline, a label or a quotation mark there) and has
the shape of a common noun ("Clashes", "Militants", "Footage", "Cooperation") is no name unless the
text also writes it capitalised inside a sentence:

>>> from graph.draft.tokens import sentences
>>> text = 'TRIPOLI — Forces moved. WATCH: Footage shows it. "Cooperation, yes," said Hamas.'
>>> toks = tokenise(text)
>>> sorted(toks[k].text for k in openings(toks, sentences(text)) if toks[k].text.isalpha())
['Cooperation', 'Footage', 'Forces', 'TRIPOLI', 'WATCH']
>>> [w for w in ("Forces", "Footage", "Cooperation", "Hamas", "Rwanda", "Paris") if nounlike(w)]
['Forces', 'Footage', 'Cooperation']
"""

from __future__ import annotations

import re

from .namewords import COMMON, COMPASS, JOIN, MOVEMENT_OPEN, NAME_END, PORTFOLIOS, portfolio
from .tokens import wrapped_break

__all__ = [
    "cap",
    "adjective",
    "connector",
    "and_name",
    "place_pair",
    "portfolio_pair",
    "openings",
    "nounlike",
    "inside_names",
    "PARTICLES",
]

_ADJ_PART = re.compile(
    r"(?:ed|en|ing|made|run|built|led|held|born|based|style|era|wide|owned|majority|"
    r"minority|speaking|bound|linked|aligned|allied|friendly|centric)$"
)
# "al-Obeidi", "el-Sisi", "ad-Din", "bin-Salman", "wal-Muslimin": a lowercase particle joined to a capitalised name
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|at|az|ash|an|ud|ul|wal|bin|ibn|abd|abu)-[A-Z][\w'’-]*$")
# lowercase particles inside personal and place names (besides JOIN's "de", "al", "el", "bin")
PARTICLES = set("da das dos di du do del della van von der den ibn bint ben la le".split())


def cap(tok) -> bool:
    """Whether the token is a word of a name: capitalised (or "al-Obeidi"), no hyphenated adjective."""
    t = tok.text
    if _PARTICLE_NAME.match(t):
        return not adjective(t)  # ("al-Qaeda-linked": an adjective)
    return t[:1].isupper() and any(c.isalpha() for c in t) and not adjective(t)


def adjective(word) -> bool:
    """A hyphenated compound whose last part is a lowercase participle or adjective ("US-made", "UN-led",
    "Iran-backed"): an adjective, not a name."""
    if "-" not in word:
        return False
    last = word.rsplit("-", 1)[1]
    return last.islower() and bool(_ADJ_PART.search(last))


def _place_abbreviated(toks, j) -> bool:
    """Whether "in <Place> (ABBR)" at *j* is part of the name before it, its abbreviation having more letters
    than that name has capitalised words and its first letter ("Front for Unity and Justice in Mali (FUJM)").

    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("the Front for Unity and Justice in Mali (FUJM) and the Sahel Army in Mali (SA)")
    >>> _place_abbreviated(toks, 6), _place_abbreviated(toks, 16)
    (True, False)
    """
    n = len(toks)
    if j + 4 >= n or not cap(toks[j + 1]) or toks[j + 2].text != "(" or toks[j + 4].text != ")":
        return False
    abbr = toks[j + 3].text
    if not (abbr.isalpha() and abbr.isupper() and 3 <= len(abbr) <= 8):
        return False
    k, caps = j - 1, []
    while k >= 0 and (cap(toks[k]) or toks[k].lower in ("of", "for", "and", "the", "de")):
        if cap(toks[k]):
            caps.append(toks[k].text)
        k -= 1
    return bool(caps) and caps[-1][0] == abbr[0] and len(abbr) > len(caps)


def connector(toks, j, before) -> int:
    """The number of lowercase words at *j* that join two parts of one name (after the word *before*),
    or 0."""
    n = len(toks)
    w = toks[j].lower
    if w in ("'", "’") and 0 < j < n - 1 and toks[j - 1].end == toks[j].start and toks[j - 1].text.endswith("s"):
        # a plural's possessive inside a name: "National Committee for Prisoners' Affairs", "Workers' Party"
        return 1 if cap(toks[j - 1]) and cap(toks[j + 1]) and toks[j + 1].start > toks[j].end else 0
    if not toks[j].text.islower() and w != "-":
        return 0
    if w in ("in", "on") and (before not in NAME_END or (j + 1 < n and toks[j + 1].lower in COMMON - {"the"})):
        if not _place_abbreviated(toks, j):
            return 0  # not "Orano in Niger", not "the Sahel Liberation Army in May"
    if w in PARTICLES:
        # "Mocímboa da Praia": a particle between two capitalised words, not after a title or an article
        return 1 if j + 1 < n and toks[j + 1].text[:1].isupper() and toks[j - 1].text[:1].isupper() else 0
    if w in JOIN or w in ("in", "on", "and"):
        if j + 1 < n and cap(toks[j + 1]):
            return 1
        if w in ("of", "for", "in", "on") and j + 2 < n and toks[j + 1].lower == "the" and cap(toks[j + 2]):
            return 2
    return 0


def and_name(run: str, names) -> bool:
    """Whether the words *run* (ending with the word after an "and") end with a known name that holds
    "and" ("Bosnia and Herzegovina", "Trinidad and Tobago"): the "and" is inside that name."""
    low = " ".join(run.lower().split())
    return any(low == k or low.endswith(" " + k) for k in names if " and " in k)


# the heads of one place's name, singular ("Sistan and Baluchestan province"; "Khost and Paktika provinces": two)
_ONE_PLACE = {"province", "region", "state", "district", "governorate", "oblast", "territory", "county", "prefecture"}


def place_pair(toks, j, gaz) -> bool:
    """Whether the "and" at *j* joins two words of one place's name, followed by a singular place noun
    ("Sistan and Baluchestan province"), the words on either side being no states of the gazetteer *gaz*.

    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("in Sistan and Baluchestan province, not Khost and Paktika provinces")
    >>> place_pair(toks, 2, {}), place_pair(toks, 9, {})
    (True, False)
    """
    n = len(toks)
    return (
        j + 2 < n
        and toks[j].lower == "and"
        and cap(toks[j + 1])
        and toks[j + 2].text in _ONE_PLACE
        and toks[j - 1].lower not in gaz
        and toks[j + 1].lower not in gaz
    )


def portfolio_pair(toks, j, gaz) -> bool:
    """Whether the "and" at *j* joins two fields of one body's name after "of" or "for" ("Ministry of
    Commerce and Industry", "Chamber of Commerce and Industry", "Department of Peace and Security"): the
    word after it is such a field, neither word a state of the gazetteer *gaz*.

    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("the Chamber of Commerce and Industry said; the Ministry of Defence and Pakistan")
    >>> portfolio_pair(toks, 4, {}), portfolio_pair(toks, 12, {"pakistan": "PAK"})
    (True, False)
    """
    n = len(toks)
    return (
        j + 1 < n
        and j >= 2
        and toks[j].lower == "and"
        and toks[j - 2].lower in ("of", "for")
        and cap(toks[j - 1])
        and cap(toks[j + 1])
        and toks[j + 1].lower in PORTFOLIOS
        and toks[j - 1].lower not in gaz
        and toks[j + 1].lower not in gaz
    )


# the shapes of English common nouns: plurals ("Clashes", "Militants", "Gunmen"; not "Hamas", "Paris"),
# and nouns made from verbs and adjectives ("Footage", "Cooperation", "Pressure", "Violence")
_NOUNLIKE = re.compile(
    r"(?:[^aeiousy'’]s|[^aeiou]es|ies|[a-z]{3}men|ages?|tions?|sions?|ments?|ures?|ness(?:es)?|ity|ities|isms?|ships?|"
    r"ences?|ances?|ists?|ers|ians)$"
)
_OPENERS = {"—", "–", "-", ":", '"', "“", "‘", "'", "(", "|", "/"}  # "/": "QUETTA / ISLAMABAD: Gunmen"


def nounlike(word: str) -> bool:
    """Whether *word* has the shape of a common noun (a plural or a derived noun)."""
    return bool(_NOUNLIKE.search(word.lower())) and not word.isupper()


def openings(toks, sents) -> set:
    """Indices of the tokens that open a sentence, or follow only an uppercase dateline or label and the
    marks after it ("TRIPOLI — Forces", "WATCH: Footage", "\"Cooperation, yes")."""
    starts = {s for s, _ in sents}
    out, k, n = set(), 0, len(toks)
    while k < n:
        if toks[k].start in starts:
            out.add(k)
            j = k
            while j < n and j - k < 6 and (toks[j].text in _OPENERS or toks[j].text.isupper()):
                j += 1
                if j < n and toks[j - 1].text in _OPENERS:
                    out.add(j)
        k += 1
    return out


def inside_names(found, toks, text, sents=()):
    """The mentions of *found* that are words of a longer name ("South China Sea", "Sea of Japan",
    "Guyana Defence Force", "Taiwan Affairs Office", "United Nations Interim Force in Lebanon", "Arakan
    Army", "African Union Peace and Security Council"): the whole is a name of its own, not the state
    or the body. A name is a run of capitalised words on one line, joined by "of", "for (the)", "and",
    and by "in"/"on" after a word that ends a name; it holds a mention when it also has a word of its
    own and ends like an organisation or place ("Force", "Council", "Army", "Sea"), or has such a word
    of its own, or opens with a word that opens a movement's name ("Jamaat Ansarullah": not the Houthis'
    Ansarullah)."""
    starts = {s for s, _ in sents}
    at = {t.start: k for k, t in enumerate(toks)}
    owner = {}
    for x, m in enumerate(found):
        a = at.get(m.start)
        if a is None:
            continue
        k = a
        while k < len(toks) and toks[k].end <= m.end:
            owner[k] = x
            k += 1
    n = len(toks)

    def same_line(k):
        gap = (toks[k - 1].end, toks[k].start) if k else (0, 0)
        return k == 0 or "\n" not in text[gap[0] : gap[1]] or wrapped_break(text, *gap)

    def capk(k):
        return 0 <= k < n and cap(toks[k]) and toks[k].lower != "'s"

    def chain(a, b):
        """The token range of the name run around tokens [a, b)."""
        lo = a
        while True:
            if capk(lo - 1) and same_line(lo) and not (toks[lo - 1].start in starts and toks[lo - 1].lower in COMMON):
                lo -= 1
                continue
            # a connector before: "Sea of | Japan", "Interim Force in | Lebanon", "Peace and | Security Council"
            g = next(
                (
                    g
                    for g in (1, 2)
                    if lo - g - 1 >= 0
                    and capk(lo - g - 1)
                    and all(same_line(x) for x in range(lo - g, lo + 1))
                    and connector(toks, lo - g, toks[lo - g - 1].lower) == g
                ),
                None,
            )
            if g is None:
                break
            lo -= g + 1
        hi = b
        while hi < n and same_line(hi):
            if capk(hi):
                hi += 1
                continue
            g = connector(toks, hi, toks[hi - 1].lower)
            if g and all(same_line(x) for x in range(hi + 1, hi + g + 1)):
                hi += g + 1
                continue
            break
        return lo, hi

    out = []
    for m in found:
        a = at.get(m.start)
        if a is None:
            continue
        b = a
        while b < n and toks[b].end <= m.end:
            b += 1
        lo, hi = chain(a, b)
        words = [k for k in range(lo, hi) if capk(k)]
        own = [k for k in words if owner.get(k) is None and not (toks[k].start in starts and toks[k].lower in COMMON)]
        if not own:
            continue
        ends = toks[words[-1]].lower in NAME_END
        own_end = any(toks[k].lower in NAME_END for k in own)
        compass = any(toks[k].lower in COMPASS and k < a and toks[k].start not in starts for k in own)
        # "India's opposition Congress party": a party, not the US Congress of the gazetteer
        party = m.via.startswith("gazetteer: office") and b < n and toks[b].lower == "party"
        # "Jamaat Ansarullah", "Harakat Hezbollah": a movement's opening word, a known name after it
        movement = any(toks[k].lower in MOVEMENT_OPEN and k < a for k in own)
        # "the Republic of Cyprus" is the state itself; "the Turkish Republic of Northern Cyprus" is not
        bare_republic = [toks[k].lower for k in own] == ["republic"] and b == hi
        if (ends or own_end or (compass and words[-1] >= b) or party or movement) and not bare_republic:
            out.append(m)
    return out


def owner_start(toks, k0, gaz):
    """The start of a state's name (a key of *gaz*) in the possessive just before token *k0*, or None.

    >>> from graph.draft.tokens import tokenise
    >>> owner_start(tokenise("Burkina Faso's State Security Council"), 3, {"burkina faso": "BFA"})
    0
    """
    if k0 < 2 or toks[k0 - 1].lower != "'s":
        return None
    for size in (3, 2, 1):
        if k0 - 1 - size >= 0 and " ".join(t.lower for t in toks[k0 - 1 - size : k0 - 1]) in gaz:
            return toks[k0 - 1 - size].start
    return None


def portfolio_title(words, head) -> int | None:
    """Where the person's name starts after a title with its portfolio, the title head at *head* ("Deputy
    Minister for Refugees and Repatriation Mawlawi Abdul Rahman Zahid": the name starts at "Mawlawi"), or
    None: the words after "for"/"of" are the portfolio's as long as they are its words, and at least two
    capitalised words without a joining word are left for the name.

    >>> from graph.draft.tokens import tokenise
    >>> words = tokenise("Deputy Minister for Refugees and Repatriation Nadia Karimi")
    >>> portfolio_title(words, 1), portfolio_title(tokenise("Minister for Refugees Affairs"), 0)
    (6, None)
    """
    k = head + 1
    if k >= len(words) or words[k].lower not in ("for", "of") or not words[k].text.islower():
        return None
    k += 1
    start = k
    while k < len(words) and (portfolio([words[k].lower]) or (words[k].lower == "and" and k > start)):
        k += 1
    rest = words[k:]
    if k == start or words[k - 1].lower == "and" or len(rest) < 2:
        return None
    if any(not w.text[:1].isupper() or w.lower in JOIN for w in rest):
        return None
    return k


def portfolio_list(toks, i, j, blocked=lambda t: False) -> int:
    """The end (token index) of a list of fields in a body's name whose comma is at *j*, the name's run starting
    at *i* ("Ministry of Agriculture, Fisheries and Food"), or 0: the words since the run's last "of"/"for"
    are fields, and so are the words after the comma up to one after "and".

    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("the Ministry of Agriculture, Fisheries and Food said; the Ministry of Defence, Kamal Khan and")
    >>> portfolio_list(toks, 1, 4), portfolio_list(toks, 11, 14)
    (8, 0)
    """
    k = j - 1
    while k > i and toks[k].lower not in ("of", "for"):
        if not (cap(toks[k]) and portfolio([toks[k].lower])) and toks[k].lower != "and":
            return 0
        k -= 1
    if k <= i or k == j - 1:
        return 0
    n, k = len(toks), j
    while k + 1 < n and toks[k].lower in (",", "and"):
        if toks[k].lower == "," and toks[k + 1].lower == "and":
            k += 1  # the serial comma: "Agriculture, Fisheries, and Food"
        w = toks[k + 1] if k + 1 < n else None
        if w is None or not (cap(w) and w.text.istitle() and portfolio([w.lower])) or blocked(w):
            return 0
        if toks[k].lower == "and":
            return k + 2
        k += 2
    return 0


def state_pair(toks, i, j, gaz) -> bool:
    """Whether the "and" at *j* joins two states of the gazetteer *gaz* that close a body's name begun at *i*
    after its head and "on"/"for"/"in" ("UN Monitoring Group on Somalia and Eritrea", "Joint Commission for
    Chad and Sudan").

    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("the Monitoring Group on Somalia and Eritrea said; Ruritania on Somalia and Eritrea")
    >>> gaz = {"somalia": "SOM", "eritrea": "ERI"}
    >>> state_pair(toks, 1, 5, gaz), state_pair(toks, 9, 12, gaz)
    (True, False)
    """
    return (
        j - 3 >= i
        and j + 1 < len(toks)
        and toks[j].lower == "and"
        and toks[j - 1].lower in gaz
        and toks[j + 1].lower in gaz
        and toks[j - 2].lower in ("on", "for", "in")
        and toks[j - 3].lower in NAME_END
        and not (j + 2 < len(toks) and cap(toks[j + 2]))
    )


def abbreviated_pair(toks, i, j) -> bool:
    """Whether the "and" at *j* is inside a name begun at *i* that a parenthesised abbreviation closes, right
    after the word that follows the "and" (or after "in <Place>" there), opening with the name's first letter
    and having a letter for every capitalised word before the "and" and one more ("Front for Change and
    Concord (FCC)", "Movement for Justice and Peace in Chad (MJPT)").

    >>> from graph.draft.tokens import tokenise
    >>> toks = tokenise("the Front for Change and Concord (FACT) and Hamas and Islamic Jihad (PIJ)")
    >>> abbreviated_pair(toks, 1, 4), abbreviated_pair(toks, 11, 12)
    (True, False)
    """
    n, k = len(toks), j + 2
    if toks[j].lower != "and" or k >= n or not cap(toks[j + 1]):
        return False
    if toks[k].lower in ("in", "on") and k + 1 < n and cap(toks[k + 1]):
        k += 2
    if k + 2 >= n or toks[k].text != "(" or toks[k + 2].text != ")":
        return False
    abbr = toks[k + 1].text
    caps = sum(1 for x in range(i, j) if cap(toks[x]))
    return abbr.isalpha() and abbr.isupper() and 3 <= len(abbr) <= 8 and abbr[0] == toks[i].text[0] and len(abbr) > caps


def body_pair(toks, i, j, gaz) -> bool:
    """:func:`state_pair` or :func:`abbreviated_pair`: the "and" at *j* is inside the name begun at *i*."""
    return state_pair(toks, i, j, gaz) or abbreviated_pair(toks, i, j)
