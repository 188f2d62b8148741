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
from collections import Counter
import sys
import types
from dataclasses import dataclass, field

from ..errors import ActorgraphError
from .bodies import Bodies, GazetteerError, load_bodies
from .claims import Candidate, candidates
from .dates import find_dates
from .describe import descriptions
from .lexicon import Lexicon, LexiconError
from .mentions import Matcher, Mention
from .names import NewName, inside_names, new_names
from .page import read_page
from .tokens import sentences, tokenise

__all__ = ["draft", "Draft", "DraftError", "LexiconError", "GazetteerError", "perspective_entity", "read_text", "MAX_TEXT_BYTES"]

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
    found = _hyphen_pairs(text, toks, found, matcher, page)
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
    found, plain = _acronyms(text, found, plain)
    # the author of the page is no name of its story ("Lena Hartmann researches migration policy ...")
    if page.byline:
        plain = [n for n in plain if n.name.lower() not in page.byline.lower()]
    found, plain = _brussels(text, found, plain, ds)
    names = _proposals(found, matcher) + plain
    mentions = [m for m in found if not m.new]
    kinds = {e.id: e.kind for e in ds.entities.values()}
    kinds.update({n.id: n.kind for n in names if n.id not in kinds})
    named = [(m.start, m.end, m.entity, m.via, kinds.get(m.entity) or "thing") for m in found]
    # new names of places and agreements are where and what, not actors (the data's own entities all are)
    named += [(s, e, n.id, "new name", n.kind or "thing") for n in plain for s, e in n.spans
              if n.kind not in ("place", "agreement", "asset")]
    # "the mission", "the militia", "the North": the actor named before that they describe
    home, _ = home_state(found, page, matcher)
    described = descriptions(text, sorted(named), home=home, skip=page.in_furniture)
    if described:
        # a description wins over a new name in its words ("the North" is North Korea, no name "North")
        inside = lambda s, e: any(a <= s and e <= b for a, b, *_ in described)  # noqa: E731
        gone = {n.id for n in plain if all(inside(s, e) for s, e in n.spans)}
        plain = [n for n in plain if n.id not in gone]
        names = [n for n in names if n.id not in gone]
        named = [x for x in named if not (x[2] in gone and inside(x[0], x[1]))] + described
    part_of = {e.id: e.part_of for e in ds.entities.values() if e.part_of}
    part_of.update({n.id: n.part_of for n in names if n.part_of})
    claims = candidates(text, named, lex, perspective=perspective, page=page, dates=dates,
                        titles=_title_finder(text, names, page), part_of=part_of, home=home)
    # an office of the gazetteer is proposed when the text has it act, be acted on or speak, not when it
    # only describes someone ("an adviser to Lebanon's prime minister")
    used = {x for c in claims for x in (c.subject, c.object, c.asserted_by)}
    # (or names the office of a person the text names: "Kremlin spokesman Arkady Belov", whose part_of it is)
    person_at = sorted(s for n in plain if n.kind == "person" for s, _ in n.spans)

    def titles_person(n):
        return any(re.fullmatch(r"[\s,]*(?:[a-z]+[\s,]+){0,3}", text[e:p]) for _, e in n.spans
                   for p in person_at[bisect.bisect_left(person_at, e):bisect.bisect_left(person_at, e + 40)])
    names = [n for n in names if n in plain or n.kind != "office" or n.id in used or titles_person(n)]
    return Draft(text, mentions, names, claims, page=page, dates=dates)


_TITLE_WORDS = ("minister", "secretary", "premier", "president", "chief", "spokesman", "spokeswoman",
                "spokesperson", "envoy", "ambassador", "commander")


def _drop_titles(found, names, text):
    """An office named as a person's title ("Interior Minister Rana Saleem Akhtar", "Ukraine's foreign
    minister, Oksana Hrytsenko,") is the person's, not a mention of the office."""
    starts = {s for n in names if n.kind == "person" for s, _ in n.spans}
    out = []
    for m in found:
        last = m.text.split()[-1].lower() if m.text.split() else ""
        gap = re.match(r"[ ,]{1,2}", text[m.end:m.end + 2])
        if last in _TITLE_WORDS and gap and m.end + gap.end() in starts:
            continue
        out.append(m)
    return out


def home_state(found, page, matcher):
    """(the home state, whether the dateline says so): the dateline's state when the text names it,
    else the state the text names most, itself or its offices (on a tie, the one named first)."""
    order = [x for x in (_state_of(m, matcher) for m in found if not page.in_furniture(m.start, m.end)) if x]
    counts = Counter(order)
    dl = matcher.bodies.city_state(page.dateline) if page.dateline else None
    dl = matcher.state_entity(dl) if dl else None
    if dl is not None and dl in {m.entity for m in found}:
        return dl, True
    if not counts:
        return None, False
    most = max(counts.values())
    return next(x for x in order if counts[x] == most), False      # a tie: the one named first


_MILITARY = {"ARMY", "NAVY", "AF"}


def _hyphen_pairs(text, toks, found, matcher, page):
    """Names joined by a hyphen before a noun ("US-South Korean air drills", "the Belgrade-Pristina dialogue")
    are mentions of each, named together (both mentions span the compound); not two places of one state
    ("Karachi-Peshawar railway"), nor a compound that opens a longer name ("China-Pakistan Economic Corridor")."""
    starts = [m.start for m in found]
    out = list(found)
    for k, t in enumerate(toks):
        if "-" not in t.text:
            continue
        at = bisect.bisect_right(starts, t.start) - 1
        if (at >= 0 and found[at].end > t.start) or page.in_furniture(t.start, t.end):
            continue
        parts = t.text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue
        ents, end = [], t.end
        for n, p in enumerate(parts):
            entry = matcher.table.get((p.lower(),))
            if entry is None and n == len(parts) - 1 and k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
                entry = matcher.table.get((p.lower(), toks[k + 1].lower))     # "US-South Korean"
                end = toks[k + 1].end if entry else end
            if entry is None or (entry[2] and any(entry[2]) and not p.isupper()):
                break
            ents.append(entry[0])
        else:
            nxt = next((x for x in toks[k + 1:k + 3] if x.start >= end), None)
            if len(set(ents)) == len(ents) and (nxt is None or not nxt.text[:1].isupper()):
                out += [Mention(e, text[t.start:end], t.start, end, f"'{text[t.start:end]}' (names joined by a hyphen)")
                        for e in ents]
    return sorted(out, key=lambda m: m.start) if len(out) > len(found) else found


def _brussels(text, found, plain, ds):
    """"Brussels" in a text that names the European Union is the EU (its seat), not Belgium, unless the text
    names Belgium otherwise ("Belgium", "Belgian")."""
    eu = next((m.entity for m in found if m.entity in ds.entities and ds.entities[m.entity].name == "European Union"),
              None)
    known = {m.entity for m in found if m.text == "Brussels"}
    belgium = [n for n in plain if n.id == "BEL"]
    spans = [(m.start, m.end) for m in found if m.text == "Brussels"] + [sp for n in belgium for sp in n.spans]
    if (eu is None or not spans or any(text[s:e] != "Brussels" for s, e in spans)
            or any(m.entity in known and m.text != "Brussels" for m in found)):
        return found, plain
    found = sorted([m for m in found if m.text != "Brussels"] + [
        Mention(eu, "Brussels", s, e, "'Brussels' (the seat of the European Union, which the text names)")
        for s, e in spans], key=lambda m: m.start)
    return found, [n for n in plain if n.id != "BEL"]


def _acronyms(text, found, plain):
    """A name's acronym in brackets after it ("the United Nations Interim Force in Lebanon (UNIFIL)") is
    another name of it: the acronym's new name is merged into the name, or into the known entity (a
    mention of it wherever it occurs)."""
    by_name = {n.name: n for n in plain}
    ends = {n_.end: n_ for n_ in found}
    plain_ends = {e: n for n in plain for _, e in n.spans}
    drop = set()
    for m in re.finditer(r"\s\(([A-Z][A-Z0-9&-]{1,9})\)", text):
        acr = by_name.get(m.group(1))
        if acr is None or id(acr) in drop:
            continue
        before = plain_ends.get(m.start())
        if before is not None and before is not acr:
            before.count += acr.count
            before.spans = sorted(before.spans + acr.spans)
            before.aliases += [a for a in [acr.name] + acr.aliases if a not in before.aliases]
            drop.add(id(acr))
        elif m.start() in ends and ends[m.start()].entity is not None:
            owner = ends[m.start()]
            found = sorted(found + [Mention(owner.entity, text[a:b], a, b, f"'{acr.name}' (the acronym of "
                                            f"'{owner.text}')", owner.new) for a, b in acr.spans], key=lambda x: x.start)
            drop.add(id(acr))
    return found, [n for n in plain if id(n) not in drop]


def _resolve_bare(found, page, matcher, text):
    """A bare office ("the foreign ministry") belongs to the state named right after it ("the defence
    ministry in Belgrade"), else to the state that opens its sentence ("Ireland summoned ..., and
    Foreign Minister X demanded"), else to the dateline's state when the text names it, else to the
    state named just before it; "the military", "the army" to the home state (:func:`home_state`)."""
    home, named_home = home_state(found, page, matcher)
    if home is not None:
        # "accused the government of ...", "urged the administration to ...": the home state
        taken = [(m.start, m.end) for m in found]
        how = "the dateline's state" if named_home else "the state the text names most"
        for g in re.finditer(r"\b[Tt]he (?:[a-z]+-[a-z]+ )?(government|administration)\b(?! of [A-Z]| in [A-Z])", text):
            if not any(a <= g.start() < b for a, b in taken) and not page.in_furniture(g.start(), g.end()):
                found.append(Mention(home, g.group(), g.start(), g.end(), f"'{g.group()}' ({how})"))
        found.sort(key=lambda m: m.start)
    sents = sentences(text)
    sent_starts = [a for a, _ in sents]
    at = {m.start: m for m in found}
    out = []
    for k, m in enumerate(found):
        if m.entity is not None:
            out.append(m)
            continue
        key = m.via.split()[-1]
        owner = None
        there = re.match(r"\s+in\s+", text[m.end:m.end + 6])
        first = sents[bisect.bisect_right(sent_starts, m.start) - 1][0] if sents else 0
        opener = at.get(first)
        if there and at.get(m.end + there.end()) is not None:
            owner = _state_of(at[m.end + there.end()], matcher)
        elif key in _MILITARY and home is not None:
            owner = home
        elif opener is not None and opener is not m and _state_of(opener, matcher):
            owner = _state_of(opener, matcher)
        elif named_home:
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
            else:           # an office of an actor that is no state ("the Taliban's foreign ministry")
                owner = m.entity.rsplit("-", 1)[0]
                nn = NewName(m.text[4:] if m.text.lower().startswith("the ") else m.text, id=m.entity, kind="office",
                             part_of=owner, cue=m.via)
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
        body = text[page.body:]
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
