"""The cue lexicon: words and phrases that give a candidate claim its type, mode and modality.

The lexicon ships as data (``lexicon.yaml``, read it for the format) and is
extended by the user's own file: its cues come first, so they win on the same
words. A cue's first word is a lemma whose regular forms are matched too
(``accuse`` matches "accused", "accuses", "accusing"); ``...`` matches up to six
words.

>>> lex = Lexicon.load()
>>> from graph.draft.tokens import tokenise
>>> hits = lex.find_cues(tokenise("Beijing pledged $5 million in aid and accused Delhi"))
>>> [(h.entry["type"], h.words) for h in hits]
[('AID', 'pledged $5 million in aid'), ('ACCUSE', 'accused')]
>>> sorted(forms("accuse"))
['accuse', 'accused', 'accuses', 'accusing']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import LexiconError
from ..vocab import RELATION_TYPES
from .tokens import Token, tokenise

__all__ = ["Lexicon", "CueHit", "forms", "LEXICON_PATH"]

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
GAP = 6
_NUMBER_PARTS = set(",.0123456789")
QUOTES = {'"', "'", "\u2018", "\u2019", "\u201c", "\u201d"}


def forms(word: str) -> set:
    """The regular forms of an English verb or noun (over-generating is harmless)."""
    w = word.lower()
    out = {w, w + "s", w + "ing", w + "ed"}
    if w.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
        out -= {w + "ed", w + "ing"}
    if w.endswith(("s", "x", "z", "ch", "sh")):
        out |= {w + "es"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
        out -= {w + "ed"}
    if len(w) <= 4 and len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    out.discard(w + "eed")
    return {f for f in out if f}


@dataclass(frozen=True)
class CueHit:
    """One cue found in the tokens: tokens ``[i, j)``, its words and its lexicon entry."""

    i: int
    j: int
    words: str
    entry: dict


def _compile(phrase, extra_forms=()):
    words = [t.lower for t in tokenise(phrase)]
    pattern = []
    for k, w in enumerate(words):
        if w == "." and k + 2 < len(words) and words[k + 1] == "." and words[k + 2] == ".":
            continue
        pattern.append(w)
    # "..." is tokenised as three "." tokens: fold them into one GAP marker
    out, k = [], 0
    while k < len(pattern):
        if pattern[k] == ".":
            if not out or out[-1] != "...":
                out.append("...")
        else:
            out.append(pattern[k])
        k += 1
    first = forms(out[0]) | {f.lower() for f in extra_forms} if out else set()
    rest = [{w} if w != "..." else "..." for w in out[1:]]
    if rest and rest[-1] != "...":
        rest[-1] = rest[-1] | _plurals(out[-1])
    return [first] + rest


# words that close a phrase but take no plural: "stand with", "give in", "ready to"
_NO_PLURAL = set(
    "about across after against along among and around as at away back before behind by down for from in into"
    " of off on onto out over since than that the their through to toward towards under up upon with within"
    " without".split()
)


def _plurals(word: str) -> set:
    """The plural of the last word of a multi-word cue ("protest note" matches "protest notes").

    >>> sorted(_plurals("patrol")), sorted(_plurals("with")), sorted(_plurals("ally"))
    (['patrols'], [], ['allies'])
    """
    w = word.lower()
    if len(w) < 3 or not w.isalpha() or w in _NO_PLURAL or w.endswith(("ss", "us", "ics")) or w[-1] == "s":
        return set()
    if w.endswith(("x", "z", "ch", "sh")):
        return {w + "es"}
    if w.endswith("y") and w[-2] not in "aeiou":
        return {w[:-1] + "ies"}
    return {w + "s"}


class Lexicon:
    """Cues of type, modality, speech and name kinds (see ``lexicon.yaml``)."""

    def __init__(self, data: dict):
        self.cues = []
        for entry in data.get("cues") or []:
            if not isinstance(entry, dict) or "cue" not in entry or "type" not in entry:
                raise LexiconError(f"a lexicon cue needs 'cue' and 'type': {entry!r}")
            if entry["type"] not in RELATION_TYPES:
                raise LexiconError(f"lexicon cue {entry['cue']!r}: unknown type {entry['type']!r}")
            mode = entry.get("mode")
            if mode is not None and mode not in RELATION_TYPES[entry["type"]].modes:
                raise LexiconError(f"lexicon cue {entry['cue']!r}: {entry['type']} has no mode {mode!r}")
            self.cues.append((_compile(str(entry["cue"]), entry.get("forms") or ()), entry))
        self.default = data.get("default") or {"type": "CONSULT", "mode": None}
        self.modality = {
            k: [tuple(t.lower for t in tokenise(str(p))) for p in v] for k, v in (data.get("modality") or {}).items()
        }
        self.speech = [tuple(t.lower for t in tokenise(str(p))) for p in data.get("speech") or []]
        self.kinds = {k: {str(w).lower() for w in v} for k, v in (data.get("kinds") or {}).items()}
        self._index: dict = {}
        self.by_first: dict[str, list] = {}
        for n, (pattern, entry) in enumerate(self.cues):
            for f in pattern[0]:
                self.by_first.setdefault(f, []).append((n, pattern, entry))

    @classmethod
    def load(cls, extra=None) -> Lexicon:
        """The shipped lexicon, extended by the YAML file *extra* (its cues first); the mistakes of
        *extra* raise :class:`LexiconError` with their ``FILE:LINE:COL``."""
        if extra is None:
            return _cached()
        base = _read(LEXICON_PATH)
        more = _read_user(Path(extra))
        merged = dict(base)
        merged["cues"] = list(more.get("cues") or []) + list(base.get("cues") or [])
        for key in ("modality", "kinds"):
            d = {k: list(v) for k, v in (base.get(key) or {}).items()}
            for k, v in (more.get(key) or {}).items():
                d.setdefault(k, [])
                d[k] = list(v) + d[k]
            merged[key] = d
        merged["speech"] = list(more.get("speech") or []) + list(base.get("speech") or [])
        if more.get("default"):
            merged["default"] = more["default"]
        return cls(merged)

    def find_cues(self, toks: list[Token]) -> list[CueHit]:
        """Every type cue in *toks*, longest first, not overlapping, in order."""
        out, i = [], 0
        while i < len(toks):
            # the longest cue wins; of two gapped cues of as many words, the one closing first ("sent 3,000
            # soldiers and engineers": "send ... soldiers", not "send ... engineers")
            best, fixed = None, None
            for _n, pattern, entry in self.by_first.get(toks[i].lower, ()):
                j = _match(pattern, toks, i)
                if j is not None and (best is None or _better(pattern, j, best[2], best[0])):
                    best = (j, entry, pattern)
                if j is not None and len(pattern) >= 2 and "..." not in pattern and (fixed is None or j > fixed[0]):
                    fixed = (j, entry, pattern)
            # a gap right after the verb does not swallow its particle when verb and particle are a cue of their
            # own: "called on Lima to stop the illegal fishing" is "call on", not "call ... illegal"
            if best and fixed and best[2][1] == "..." and fixed[0] < best[0]:
                best = fixed
            if best:
                j, entry, _pattern = best
                out.append(CueHit(i, j, join(toks[i:j]), entry))
                i = j
            else:
                i += 1
        return out

    def find_phrases(self, phrases, toks: list[Token]) -> list[tuple[int, int, str]]:
        """(i, j, words) of every phrase of *phrases* (tuples of words) in *toks*."""
        index = self._index.get(id(phrases))
        if index is None:
            index = {}
            for p in phrases:
                if p:
                    index.setdefault(p[0], []).append(p)
            self._index[id(phrases)] = index
        out = []
        # a date's words ("\0") inside a phrase are skipped: "warned last month that"
        keep = [k for k, t in enumerate(toks) if t.lower != "\0"]
        lows = [toks[k].lower for k in keep]
        for i, w in enumerate(lows):
            for p in index.get(w, ()):
                n = len(p)
                if tuple(lows[i : i + n]) == p:
                    a, b = keep[i], keep[i + n - 1] + 1
                    out.append((a, b, join(toks[a:b])))
        return sorted(out)


def _better(pattern, j, other, j_other) -> bool:
    """Whether the cue *pattern* ending at *j* beats the cue *other* ending at *j_other* (same start)."""
    if "..." in pattern and "..." in other and len(pattern) == len(other):
        return j < j_other
    return j > j_other


def join(toks) -> str:
    """The words of *toks* as written (a space only where the text has one)."""
    out = ""
    for k, t in enumerate(toks):
        out += ("" if k == 0 or toks[k - 1].end == t.start else " ") + t.text
    return out


def _match(pattern, toks, i):
    """End index of *pattern* matched at token *i*, or None."""
    j = i + 1
    k = 1
    while k < len(pattern):
        p = pattern[k]
        if p == "...":
            nxt = pattern[k + 1]
            g, words = 0, 0
            while words <= GAP and j + g < len(toks):
                low = toks[j + g].lower
                if low in nxt:
                    break
                # a quotation mark, a possessive "'s" and the parts of a number are no words of the gap
                words += not (low in QUOTES or low == "'s" or (low[:1] in _NUMBER_PARTS and _glued_number(toks, j + g)))
                g += 1
            else:
                return None
            j = j + g + 1
            k += 2
            continue
        # a quotation mark inside a phrase is no word of it: 'had "driven away" the ship', 'with "the protection" of'
        while j < len(toks) - 1 and toks[j].lower in QUOTES and toks[j].lower not in p:
            j += 1
        # an adverb inside a phrase is no word of it: "invested heavily in", "signed formally a deal"
        if j < len(toks) - 1 and toks[j].lower not in p and _adverb(toks[j]) and toks[j + 1].lower in p:
            j += 1
        if j >= len(toks) or toks[j].lower not in p:
            return None
        j += 1
        k += 1
    return j


_NOT_ADVERBS = {
    "ally",
    "rally",
    "family",
    "assembly",
    "supply",
    "reply",
    "apply",
    "italy",
    "july",
    "anomaly",
    "monopoly",
}


def _adverb(tok) -> bool:
    """Whether *tok* is an "-ly" adverb written in lowercase ("heavily", "formally", not "Italy", "ally").

    >>> [_adverb(t) for t in tokenise("heavily Italy ally fly")]
    [True, False, False, False]
    """
    t = tok.text
    return len(t) >= 5 and t.endswith("ly") and t.isalpha() and t.islower() and t not in _NOT_ADVERBS


def _glued_number(toks, k) -> bool:
    """Whether token *k* continues a number written with separators ("200,000", "1.5"): a gap counts it as
    part of the number's one word.

    >>> _glued_number(tokenise("more than 200,000 people"), 3)
    True
    """
    t = toks[k]
    if k == 0 or toks[k - 1].end != t.start:
        return False
    prev = toks[k - 1].text
    if t.text in (",", ".") and prev[-1:].isdigit():
        return k + 1 < len(toks) and toks[k + 1].start == t.end and toks[k + 1].text[:1].isdigit()
    return t.text[:1].isdigit() and prev in (",", ".")


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read the lexicon {path}: {exc}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"the lexicon {path} is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"the lexicon {path} must be a mapping with a 'cues' list")
    return data


_SECTIONS = ("cues", "default", "modality", "speech", "kinds")


def _read_user(path: Path) -> dict:
    """The user's lexicon *path*, checked value by value (every mistake located)."""
    from ..errors import Problem
    from .userfile import read_located

    problems = []
    raw, where = read_located(path, problems, "lexicon")
    if raw is None:
        raise LexiconError("", problems)
    p = str(path)
    for k in raw:
        if k not in _SECTIONS:
            problems.append(
                Problem(p, *where(k, key=True), f"unknown section {k!r}; expected one of: " + ", ".join(_SECTIONS))
            )
    cues = raw.get("cues") or []
    if not isinstance(cues, list):
        problems.append(Problem(p, *where("cues"), "'cues' must be a list of {cue: ..., type: ...}"))
        cues = []
    for n, e in enumerate(cues):
        if not isinstance(e, dict):
            problems.append(
                Problem(p, *where("cues", n), "each cue must be a mapping such as {cue: snub, type: REJECT}")
            )
            continue
        for need in ("cue", "type"):
            if not isinstance(e.get(need), str) or not e[need].strip():
                problems.append(Problem(p, *where("cues", n), f"the cue needs '{need}' (text)"))
        t = e.get("type")
        if isinstance(t, str) and t not in RELATION_TYPES:
            problems.append(
                Problem(
                    p, *where("cues", n, "type"), f"unknown type {t!r}; expected one of: " + ", ".join(RELATION_TYPES)
                )
            )
        elif isinstance(t, str) and e.get("mode") is not None and e["mode"] not in RELATION_TYPES[t].modes:
            problems.append(
                Problem(
                    p,
                    *where("cues", n, "mode"),
                    f"{t} has no mode {e['mode']!r}; expected one of: " + ", ".join(RELATION_TYPES[t].modes),
                )
            )
        for k in e:
            if k not in ("cue", "type", "mode", "forms", "reverse", "reciprocal"):
                problems.append(
                    Problem(
                        p,
                        *where("cues", n, k, key=True),
                        f"unknown key {k!r}; expected one of: cue, type, mode, forms, reverse, reciprocal",
                    )
                )
        for k in ("reverse", "reciprocal"):
            if k in e and not isinstance(e[k], bool) and str(e[k]).lower() not in ("true", "false"):
                problems.append(Problem(p, *where("cues", n, k), f"'{k}' must be true or false"))
            elif k in e:
                e[k] = str(e[k]).lower() == "true"
    for section in ("modality", "kinds"):
        value = raw.get(section)
        if value is not None and not (isinstance(value, dict) and all(isinstance(v, list) for v in value.values())):
            problems.append(Problem(p, *where(section), f"'{section}' must map names to lists of words"))
    if raw.get("speech") is not None and not isinstance(raw.get("speech"), list):
        problems.append(Problem(p, *where("speech"), "'speech' must be a list of words"))
    if problems:
        raise LexiconError("", problems)
    return raw


@functools.lru_cache(maxsize=1)
def _cached() -> Lexicon:
    return Lexicon(_read(LEXICON_PATH))
