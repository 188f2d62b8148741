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

import bisect
import re
import sys
import types
from dataclasses import dataclass, field

from ..errors import DraftError, GazetteerError, LexiconError
from .attributive import drop_attributive
from .bodies import Bodies, load_bodies
from .claims import Candidate, candidates
from .dates import find_dates
from .describe import descriptions
from .lexicon import Lexicon
from .mentions import Matcher, Mention
from .nameclasses import language_demonyms, name_classes, state_forms
from .names import NewName, inside_names, new_names
from .page import read_page
from .proposed import split_names
from .resolve import (
    acronyms,
    branches,
    brussels,
    drop_titles,
    home_state,
    hyphen_pairs,
    offices_in_use,
    possessed,
    proposals,
    resolve_bare,
    shared_demonyms,
)
from .tokens import sentences, tokenise

__all__ = [
    "draft",
    "Draft",
    "DraftError",
    "LexiconError",
    "GazetteerError",
    "perspective_entity",
    "read_text",
    "MAX_TEXT_BYTES",
]

MAX_TEXT_BYTES = 2_000_000


@dataclass
class Draft:
    """What :func:`draft` proposes: mentions, new names, candidate claims (and the text)."""

    text: str
    mentions: list = field(default_factory=list)
    new_names: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    page: object = None
    dates: list = field(default_factory=list)
    mentioned: list = field(default_factory=list)  # new names no candidate uses: not proposed, kept for the reviewer

    def to_json(self) -> dict:
        """``{"mentions": [...], "new_names": [...], "claims": [...], "mentioned": [...]}`` (the ``--json``
        output): the new names the candidates use, and (``mentioned``) the other names of the text, with spans."""
        return {
            "mentions": [m.to_json() for m in self.mentions],
            "new_names": [n.to_json() for n in self.new_names],
            "claims": [c.to_json() for c in self.claims],
            "mentioned": [{**n.to_json(), "spans": [list(s) for s in n.spans]} for n in self.mentioned],
        }

    @property
    def all_names(self) -> list:
        """Every new name found in the text: the proposed (``new_names``) and the ``mentioned``."""
        return self.new_names + self.mentioned

    def __repr__(self):
        return (
            f"<Draft: {len(self.mentions)} mentions, {len(self.new_names)} new names, "
            f"{len(self.claims)} candidate claims>"
        )


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
        raise DraftError(
            f"{path}: the text is not UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); save it as UTF-8"
        ) from None
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


def draft(text: str, ds, *, lexicon=None, perspective=None, published=None, gazetteer=None) -> Draft:
    """Propose mentions, new names and candidate claims for *text* against the dataset *ds*.

    Parameters
    ----------
    text : the plain text of the article (a page's text: headline, byline and furniture are recognised).
    ds : the :class:`~graph.dataset.Dataset` whose entities are known.
    lexicon : a :class:`Lexicon` or the path of a user lexicon extending the shipped one.
    perspective : an entity id (or a perspective such as "Pakistani") that "we" and "our" stand for.
    published : the article's date (``YYYY-MM-DD`` or a date) when its header and dateline give none:
        relative dates ("on Tuesday", "last week") are resolved against it.
    gazetteer : a :class:`~graph.draft.bodies.Bodies` or the path of a user gazetteer of bodies.
    """
    if not isinstance(text, str) or not text.strip():
        raise DraftError("the text is empty")
    lex = lexicon if isinstance(lexicon, Lexicon) else Lexicon.load(lexicon)
    bodies = gazetteer if isinstance(gazetteer, Bodies) else load_bodies(gazetteer)
    if perspective and perspective not in ds.entities:
        perspective = perspective_entity(ds, perspective)
    page = read_page(text, published)
    matcher = Matcher(ds, bodies)
    toks = tokenise(text)
    found = [m for m in matcher.find(text, toks) if not page.in_furniture(m.start, m.end)]
    found = shared_demonyms(found, matcher, page)
    found = hyphen_pairs(text, toks, found, matcher, page)
    found = resolve_bare(found, page, matcher, text)
    dates = find_dates(text, page.date, skip=page.in_furniture)
    date_spans = sorted((d.start, d.end) for d in dates)
    date_starts = [a for a, _ in date_spans]

    def skip(s, e):
        k = bisect.bisect_right(date_starts, s) - 1
        return (k >= 0 and e <= date_spans[k][1]) or page.in_furniture(s, e)

    known_codes = set(matcher.gazetteer_codes)
    sents = sentences(text)
    dropped = inside_names(found, toks, text, sents)
    inside = {(m.start, m.end) for m in dropped}
    found = [m for m in found if (m.start, m.end) not in inside]
    plain = new_names(text, toks, sents, found, lex, known_codes, skip=skip, places=set(matcher.bodies.cities))
    plain = name_classes(text, toks, sents, plain)
    found, plain = language_demonyms(found, plain, text)
    plain = state_forms(found, plain, text)
    plain = branches(plain, dropped, {e.id: e.kind for e in ds.entities.values()})
    found = drop_titles(found, plain, text)
    found = drop_attributive(found, plain, text)
    found, plain = acronyms(text, found, plain)
    # the author of the page is no name of its story ("Lena Hartmann researches migration policy ...")
    if page.byline:
        plain = [n for n in plain if n.name.lower() not in page.byline.lower()]
    found, plain = brussels(text, found, plain, ds)
    plain = possessed(plain, found, text, matcher)
    names = proposals(found, matcher) + plain
    mentions = [m for m in found if not m.new]
    kinds = {e.id: e.kind for e in ds.entities.values()}
    kinds.update({n.id: n.kind for n in names if n.id not in kinds})
    named = [(m.start, m.end, m.entity, m.via, kinds.get(m.entity) or "thing") for m in found]
    # new names of places and agreements are where and what, not actors (the data's own entities all are)
    named += [
        (s, e, n.id, "new name", n.kind or "thing")
        for n in plain
        for s, e in n.spans
        if n.kind not in ("place", "agreement", "asset")
    ]
    # "the mission", "the militia", "the North": the actor named before that they describe
    home, _ = home_state(found, page, matcher)
    described = descriptions(text, sorted(named), home=home, skip=page.in_furniture, full=_other_names(ds, bodies))
    if described:
        # a description wins over a new name in its words ("the North" is North Korea, no name "North")
        inside = lambda s, e: any(a <= s and e <= b for a, b, *_ in described)  # noqa: E731
        gone = {n.id for n in plain if all(inside(s, e) for s, e in n.spans)}
        plain = [n for n in plain if n.id not in gone]
        names = [n for n in names if n.id not in gone]
        named = [x for x in named if not (x[2] in gone and inside(x[0], x[1]))] + described
    part_of = {e.id: e.part_of for e in ds.entities.values() if e.part_of}
    part_of.update({n.id: n.part_of for n in names if n.part_of})
    claims = candidates(
        text,
        named,
        lex,
        perspective=perspective,
        page=page,
        dates=dates,
        titles=_title_finder(text, names, page),
        part_of=part_of,
        home=home,
    )
    mine = {id(n) for n in plain}
    kept = {id(n) for n in offices_in_use(text, [n for n in names if id(n) not in mine], plain, claims)}
    names = [n for n in names if id(n) in mine or id(n) in kept]
    names, mentioned = split_names(names, claims, text)
    return Draft(text, mentions, names, claims, page=page, dates=dates, mentioned=mentioned)


def _other_names(ds, bodies):
    """The names of an entity of the dataset or the gazetteer of bodies (for "NATO ... the alliance")."""

    def names(ent):
        e, b = ds.entities.get(ent), bodies.bodies.get(ent)
        return ((e.name, *e.aliases) if e is not None else ()) + ((b.name, *b.names) if b is not None else ())

    return names


def _title_finder(text, names, page):
    """For a headline's speaker named by a title ("says planning minister"): the person the body
    names with that title."""

    def find(phrase):
        words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in ("the", "a", "says", "say")]
        if not words:
            return None
        head = words[-1]
        body = text[page.body :]
        for m in re.finditer(rf"\b{re.escape(head)}\b", body, re.I):
            at = page.body + m.end()
            for n in names:
                if n.kind == "person" and any(0 <= s - at <= 40 for s, _ in n.spans):
                    return n.id
        return None

    return find


__all__ += ["Candidate", "Mention", "NewName", "Lexicon"]


class _CallableModule(types.ModuleType):
    """``graph.draft(text, ds)`` calls :func:`draft` (the package is also the function)."""

    def __call__(self, text, ds, **kw):
        return draft(text, ds, **kw)


sys.modules[__name__].__class__ = _CallableModule
