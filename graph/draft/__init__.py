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

from ..errors import ActorgraphError
from .bodies import Bodies, GazetteerError, load_bodies
from .claims import Candidate, candidates
from .dates import find_dates
from .lexicon import Lexicon, LexiconError
from .mentions import Matcher, Mention
from .names import NewName, inside_names, new_names
from .page import read_page
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


class DraftError(ActorgraphError):
    """A text that cannot be drafted from: not UTF-8, empty, too large."""


@dataclass
class Draft:
    """What :func:`draft` proposes: mentions, new names, candidate claims (and the text)."""

    text: str
    mentions: list = field(default_factory=list)
    new_names: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    page: object = None
    dates: list = field(default_factory=list)

    def to_json(self) -> dict:
        """``{"mentions": [...], "new_names": [...], "claims": [...]}`` (the ``--json`` output)."""
        return {
            "mentions": [m.to_json() for m in self.mentions],
            "new_names": [n.to_json() for n in self.new_names],
            "claims": [c.to_json() for c in self.claims],
        }

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
    found = _resolve_bare(found, page, matcher, text)
    dates = find_dates(text, page.date, skip=page.in_furniture)
    date_spans = sorted((d.start, d.end) for d in dates)
    date_starts = [a for a, _ in date_spans]

    def skip(s, e):
        k = bisect.bisect_right(date_starts, s) - 1
        return (k >= 0 and e <= date_spans[k][1]) or page.in_furniture(s, e)

    known_codes = set(matcher.gazetteer_codes)
    sents = sentences(text)
    inside = {(m.start, m.end) for m in inside_names(found, toks, text, sents)}
    found = [m for m in found if (m.start, m.end) not in inside]
    plain = new_names(text, toks, sents, found, lex, known_codes, skip=skip, places=set(matcher.bodies.cities))
    found = _drop_titles(found, plain, text)
    names = _proposals(found, matcher) + plain
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
    )
    return Draft(text, mentions, names, claims, page=page, dates=dates)


_TITLE_WORDS = (
    "minister",
    "secretary",
    "premier",
    "president",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "ambassador",
    "commander",
)


def _drop_titles(found, names, text):
    """An office named as a person's title ("Interior Minister Rana Saleem Akhtar", "Ukraine's foreign
    minister, Oksana Hrytsenko,") is the person's, not a mention of the office."""
    starts = {s for n in names if n.kind == "person" for s, _ in n.spans}
    out = []
    for m in found:
        last = m.text.split()[-1].lower() if m.text.split() else ""
        gap = re.match(r"[ ,]{1,2}", text[m.end : m.end + 2])
        if last in _TITLE_WORDS and gap and m.end + gap.end() in starts:
            continue
        out.append(m)
    return out


def _resolve_bare(found, page, matcher, text):
    """A bare office ("the foreign ministry") belongs to the state named just before it (in its
    sentence or the one before), or the dateline's state when the text names it."""
    home = matcher.bodies.city_state(page.dateline) if page.dateline else None
    home = matcher.state_entity(home) if home else None
    named_home = home is not None and home in {m.entity for m in found}
    if named_home:
        # "accused the government of ...", "urged the administration to ...": the dateline's state
        taken = [(m.start, m.end) for m in found]
        for g in re.finditer(r"\bthe (government|administration)\b(?! of [A-Z]| in [A-Z])", text):
            if not any(a <= g.start() < b for a, b in taken) and not page.in_furniture(g.start(), g.end()):
                found.append(Mention(home, g.group(), g.start(), g.end(), f"'{g.group()}' (the dateline's state)"))
        found.sort(key=lambda m: m.start)
    out = []
    for m in found:
        if m.entity is not None:
            out.append(m)
            continue
        key = m.via.split()[-1]
        owner = None
        if named_home:
            owner = home
        else:
            for prev in reversed(out):
                if m.start - prev.end > 400:
                    break
                code = _state_of(prev, matcher)
                if code:
                    owner = code
                    break
            owner = owner or home
        if owner is None:
            continue
        code = next((c for c, eid in matcher.gazetteer_codes.items() if eid == owner), owner)
        bid = matcher.bodies.office(code, key)
        if bid is None:
            continue
        eid, new = matcher.body_entity(bid)
        out.append(Mention(eid, m.text, m.start, m.end, f"{m.via} of {owner}", new))
    return out


def _state_of(m, matcher):
    """The state (entity id) a mention belongs to: itself, or the state its office is part of."""
    if m.entity in matcher.gazetteer_codes.values():
        return m.entity
    b = matcher.bodies.bodies.get(m.entity)
    if b is not None and b.part_of and b.kind == "office":
        return matcher.state_entity(b.part_of)
    e = matcher.ds.entities.get(m.entity)
    if e is not None and e.part_of in matcher.gazetteer_codes.values():
        return e.part_of
    return None


def _proposals(found, matcher):
    """The gazetteer's bodies the text names and the dataset has not: new names with kind and part_of."""
    out = {}
    for m in found:
        if not m.new:
            continue
        b = matcher.bodies.bodies.get(m.entity)
        nn = out.get(m.entity)
        if nn is None:
            if b is not None:
                part = matcher.state_entity(b.part_of) if b.part_of and b.kind == "office" else b.part_of
                nn = NewName(b.name, id=b.id, kind=b.kind, part_of=part, cue=m.via)
            else:  # an office of an actor that is no state ("the Taliban's foreign ministry")
                owner = m.entity.rsplit("-", 1)[0]
                nn = NewName(
                    m.text[4:] if m.text.lower().startswith("the ") else m.text,
                    id=m.entity,
                    kind="office",
                    part_of=owner,
                    cue=m.via,
                )
            out[m.entity] = nn
        nn.count += 1
        nn.spans.append((m.start, m.end))
        if m.text != nn.name and m.text not in nn.aliases:
            nn.aliases.append(m.text)
    return list(out.values())


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
