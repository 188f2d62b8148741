"""Drafting claims from a text: mentions, new names and candidate claims, for review.

:func:`draft` reads a plain text against a dataset and proposes, rule-based and
explainable (no model, nothing downloaded): every *mention* of a known entity
(:mod:`~graph.draft.mentions`, through the gazetteer of states too), the *new
names* the dataset does not know (:mod:`~graph.draft.names`), and *candidate
claims* with their type, modality, speaker, verbatim quote, cue and confidence
(:mod:`~graph.draft.claims`). :mod:`~graph.draft.output` writes the draft file
that ``actorgraph review`` opens.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads('''
... entities:
...   - {id: PAK, name: Pakistan, kind: state, codes: {iso3: PAK}}
...   - {id: CHN, name: China, kind: state, codes: {iso3: CHN}}
... ''')
>>> r = draft("Beijing pledged aid to Islamabad, spokesman Ali Raza said.", ds)
>>> [(m["entity"], m["text"]) for m in r.to_json()["mentions"]]
[('CHN', 'Beijing'), ('PAK', 'Islamabad')]
>>> r.to_json()["new_names"]
[{'name': 'Ali Raza', 'count': 1, 'kind': 'person'}]
>>> c = r.to_json()["claims"][0]
>>> c["subject"], c["type"], c["mode"], c["object"], c["modality"], c["asserted_by"]
('CHN', 'AID', 'economic', 'PAK', 'claimed', 'ALI-RAZA')
>>> c["quote"]
'Beijing pledged aid to Islamabad, spokesman Ali Raza said'
>>> import graph
>>> graph.draft("Beijing pledged aid to Islamabad.", ds).claims[0].type      # the package is callable
'AID'
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

from ..errors import ActorgraphError
from .claims import Candidate, candidates
from .lexicon import Lexicon, LexiconError
from .mentions import Matcher, Mention
from .names import NewName, new_names
from .tokens import sentences, tokenise

__all__ = ["draft", "Draft", "DraftError", "LexiconError", "perspective_entity", "read_text", "MAX_TEXT_BYTES"]

MAX_TEXT_BYTES = 2_000_000


class DraftError(ActorgraphError):
    """A text that cannot be drafted from: not UTF-8, empty, too large."""


@dataclass
class Draft:
    """What :func:`draft` proposes: mentions, new names, candidate claims (and the text)."""

    text: str
    mentions: list = field(default_factory=list)
    new_names: list = field(default_factory=list)
    claims: list = field(default_factory=list)

    def to_json(self) -> dict:
        """``{"mentions": [...], "new_names": [...], "claims": [...]}`` (the ``--json`` output)."""
        return {"mentions": [m.to_json() for m in self.mentions],
                "new_names": [n.to_json() for n in self.new_names],
                "claims": [c.to_json() for c in self.claims]}

    def __repr__(self):
        return (f"<Draft: {len(self.mentions)} mentions, {len(self.new_names)} new names, "
                f"{len(self.claims)} candidate claims>")


def read_text(path, *, limit=MAX_TEXT_BYTES) -> str:
    """The text of the file *path*: UTF-8 (a BOM is dropped), not empty, at most *limit* bytes.

    Raises :class:`DraftError` (or ``OSError`` when the file cannot be read).
    """
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise DraftError(f"{path}: the text is larger than the limit of {limit:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{path}: the text is not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                         "save it as UTF-8") from None
    if not text.strip():
        raise DraftError(f"{path}: the text is empty")
    return text


def perspective_entity(ds, perspective):
    """The entity a source's ``perspective`` ("Pakistani", "Chinese government") names, or None.

    >>> from graph import loads
    >>> ds = loads("entities: [{id: PAK, name: Pakistan, kind: state, codes: {iso3: PAK}}]")
    >>> perspective_entity(ds, "Pakistani (the author writes as a Pakistani)")
    'PAK'
    """
    if not perspective:
        return None
    found = Matcher(ds).find(str(perspective))
    return found[0].entity if found else None


def draft(text: str, ds, *, lexicon=None, perspective=None) -> Draft:
    """Propose mentions, new names and candidate claims for *text* against the dataset *ds*.

    Parameters
    ----------
    text : the plain text of the article.
    ds : the :class:`~graph.dataset.Dataset` whose entities are known.
    lexicon : a :class:`Lexicon` or the path of a user lexicon extending the shipped one.
    perspective : an entity id (or a perspective such as "Pakistani") that "we" and "our" stand for.
    """
    if not isinstance(text, str) or not text.strip():
        raise DraftError("the text is empty")
    lex = lexicon if isinstance(lexicon, Lexicon) else Lexicon.load(lexicon)
    if perspective and perspective not in ds.entities:
        perspective = perspective_entity(ds, perspective)
    matcher = Matcher(ds)
    toks = tokenise(text)
    mentions = matcher.find(text, toks)
    known_codes = set(matcher.gazetteer_codes)
    names = new_names(text, toks, sentences(text), mentions, lex, known_codes)
    named = [(m.start, m.end, m.entity, m.via) for m in mentions]
    named += [(s, e, n.id, "new name") for n in names for s, e in n.spans if n.kind != "place"]
    claims = candidates(text, named, lex, perspective=perspective)
    return Draft(text, mentions, names, claims)


__all__ += ["Candidate", "Mention", "NewName", "Lexicon"]


class _CallableModule(types.ModuleType):
    """``graph.draft(text, ds)`` calls :func:`draft` (the package is also the function)."""

    def __call__(self, text, ds, **kw):
        return draft(text, ds, **kw)


sys.modules[__name__].__class__ = _CallableModule
