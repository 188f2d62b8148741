"""Validate parsed data files and build the records they describe.

:func:`build_records` takes the parsed :class:`~graph.yamlio.Document` of every
file and returns the sources, entities and relations, plus every problem found
(never stopping at the first). Each problem names the file, line and column of
the offending key or value, what was expected and what was found.

Examples
--------
>>> from graph.yamlio import parse_text
>>> doc = parse_text('''
... entities:
...   - {id: PAK, name: Pakistan, kind: state}
... relations:
...   - id: r1
...     subject: PAKISTN
...     object: PAK
...     type: ACUSE
...     modality: reported
...     evidence: []
... ''', "a.yaml")
>>> recs = build_records([(doc, None)])
>>> for p in recs.problems: print(p)
a.yaml:6:14: relation 'r1': unknown entity 'PAKISTN' in 'subject' (did you mean 'PAK'?)
a.yaml:8:11: relation 'r1': unknown type 'ACUSE' (did you mean 'ACCUSE'?); expected one of: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT, HOLDS, PARTY_TO, PART_OF, NEIGHBOUR_OF, LOCATED_IN, ORIGIN_OF
a.yaml:10:15: relation 'r1': a relation needs evidence: at least one {source, quote} whose quote is verbatim in the source
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from dataclasses import dataclass, field

from .errors import Problem, suggest
from .model import FIELDS, Entity, Evidence, Relation, Source
from .textnorm import normalise
from .vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, POLARITY_RANGE, RELATION_TYPES, SOURCE_KINDS
from .when import FORMATS, parse_when
from .yamlio import REFUSED, Plain, ReadProblem, decode_utf8, locate, read_limited

__all__ = ["build_records", "Records", "ID_PATTERN", "read_source_text"]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
_SINGULAR = {"sources": "source", "entities": "entity", "relations": "relation"}
_ARTICLE = {"sources": "a", "entities": "an", "relations": "a"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
MAX_BYTES = 64 * 1024 * 1024
"""The default largest data file or stored text read (64 MiB); see :class:`graph.loader.Limits`."""

_CODE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_QID = re.compile(r"Q[1-9][0-9]*\Z")
_MAX_EXACT = 2 ** 53


def _kind_of(v):
    if v is None:
        return "nothing"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    return f"'{_short(v)}'"


def _short(v, n=60):
    s = str(v)
    return s if len(s) <= n else s[: n - 3] + "..."


def scalar_value(v):
    """YAML 1.2 core typing of a plain scalar; quoted text stays text.

    >>> scalar_value(Plain("650")), scalar_value(Plain("2.5")), scalar_value("650")
    (650, 2.5, '650')
    >>> scalar_value(Plain("NO")), scalar_value(Plain("true")), scalar_value(Plain("010"))
    ('NO', True, '010')
    >>> scalar_value(Plain("1e999")), scalar_value(Plain("123456789012345678901"))
    ('1e999', '123456789012345678901')
    """
    if isinstance(v, Plain):
        if _INT.match(v):
            # beyond 2**53 a number is not exact in JSON readers (and JavaScript): keep the text
            return int(v) if len(v) <= 20 and abs(int(v)) <= _MAX_EXACT else str(v)
        if _FLOAT.match(v):
            x = float(v)
            return x if math.isfinite(x) else str(v)
        if v in ("true", "True", "TRUE"):
            return True
        if v in ("false", "False", "FALSE"):
            return False
        return str(v)
    if isinstance(v, list):
        return [scalar_value(x) for x in v]
    if isinstance(v, dict):
        return {k: scalar_value(x) for k, x in v.items()}
    return v


@dataclass
class Records:
    """What :func:`build_records` found: records by id, and the problems."""

    sources: dict = field(default_factory=dict)
    entities: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    names: dict = field(default_factory=dict)   # lower-cased id/name/alias -> entity id
    texts: dict = field(default_factory=dict)   # source id -> normalised stored text
    files: list = field(default_factory=list)   # the YAML files read
    invalid_entities: set = field(default_factory=set)  # ids of entities reported invalid
    invalid_sources: set = field(default_factory=set)   # ids of sources that could not be read
    max_text_bytes: int = MAX_BYTES


class _Ctx:
    """Reporting helper for one record."""

    __slots__ = ("doc", "node", "label", "problems")

    def __init__(self, doc, node, label, problems):
        self.doc, self.node, self.label, self.problems = doc, node, label, problems

    def at(self, *keys, key=False):
        return locate(self.node, *keys, key=key)

    def report(self, keys, message, key=False):
        line, col = self.at(*keys, key=key)
        self.problems.append(Problem(self.doc.path, line, col, f"{self.label}: {message}"))


def _missing(ctx, rec, name):
    """Report a required field that is absent (at the record) or empty (at its key)."""
    if name in rec:
        ctx.report((name,), f"required field '{name}' is empty: give it a value", key=True)
    else:
        ctx.report((), f"missing required field '{name}'")


def _text(ctx, rec, name, required=False):
    v = rec.get(name)
    if v is None:
        if required:
            _missing(ctx, rec, name)
        return None
    if isinstance(v, (dict, list)):
        ctx.report((name,), f"'{name}' must be text, found {_kind_of(v)}")
        return None
    v = str(v)
    if required and not v.strip():
        ctx.report((name,), f"'{name}' must not be empty")
        return None
    return v


def _choice(ctx, rec, name, allowed, what, required=False):
    v = _text(ctx, rec, name, required)
    if v is None:
        return None
    if v not in allowed:
        ctx.report((name,), f"unknown {what} '{_short(v)}'{suggest(v, allowed)}; expected one of: "
                   + ", ".join(allowed))
        return None
    return v


def _list_of_text(ctx, rec, name):
    v = rec.get(name)
    if v is None:
        return ()
    if isinstance(v, (str,)):
        return (str(v),)
    if not isinstance(v, list):
        ctx.report((name,), f"'{name}' must be a list of text, found {_kind_of(v)}")
        return ()
    out = []
    for i, x in enumerate(v):
        if x is None or isinstance(x, (dict, list)):
            ctx.report((name, i), f"'{name}' item {i + 1} must be text, found {_kind_of(x)}")
        else:
            out.append(str(x))
    return tuple(out)


def _when(ctx, rec, name):
    v = _text(ctx, rec, name)
    if v is None:
        return None
    try:
        return parse_when(v)
    except ValueError as exc:
        msg = str(exc)
        ctx.report((name,), f"bad '{name}': {msg}" + ("" if FORMATS in msg else f"; expected {FORMATS}"))
        return None


def _check_fields(ctx, rec, kind):
    allowed = FIELDS[kind]
    for k in rec:
        if k not in allowed:
            ctx.report((k,), f"unknown field '{_short(k)}'{suggest(k, allowed)}; "
                       f"{_ARTICLE[kind]} {_SINGULAR[kind]} has the fields: " + ", ".join(allowed), key=True)


def _id(ctx, rec):
    v = rec.get("id")
    if v is None:
        _missing(ctx, rec, "id")
        return None
    if isinstance(v, (dict, list)):
        ctx.report(("id",), f"'id' must be text, found {_kind_of(v)}")
        return None
    v = str(v)
    if not ID_PATTERN.match(v):
        rule = "an id starts with a letter or digit and holds only ASCII letters, digits and - _ . :"
        foreign = _foreign_char(v)
        if v.strip() != v and ID_PATTERN.match(v.strip()):
            why = "remove the spaces around it"
        elif foreign:
            why = f"it holds {foreign}, which is not an ASCII character (even if it looks like one)"
        elif not v:
            why = "it is empty"
        else:
            if not ID_PATTERN.match(v[:1]):
                bad, pos = v[0], 1
            else:
                pos, bad = next((i + 1, c) for i, c in enumerate(v) if not ID_PATTERN.match("a" + c))
            why = f"it holds {'a space' if bad == ' ' else repr(bad)} at position {pos}"
        ctx.report(("id",), f"bad id '{_short(v)}': {why}; {rule}")
        return None
    return v


# Letters of other scripts that look like Latin ones (the usual suspects of copy and paste).
_LOOKALIKE = str.maketrans(
    "АВЕКМНОРСТХУІЈЅаеорсухіјѕԁһӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧονρ",
    "ABEKMHOPCTXYIJSaeopcyxijsdhlABEZHIKMNOPTYXovp")


def _skeleton(v):
    """*v* with look-alike letters of other scripts mapped to Latin ones, NFKC-folded."""
    return unicodedata.normalize("NFKC", str(v)).translate(_LOOKALIKE)


def _foreign_char(v):
    """Describe the first non-ASCII character of *v*, or return None."""
    for i, ch in enumerate(str(v)):
        if ord(ch) > 127:
            return (f"the character '{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')}) at "
                    f"position {i + 1}")
    return None


def read_source_text(path, max_bytes=MAX_BYTES, what="the stored text"):
    """Read a stored source text (UTF-8) and return it normalised, or raise ValueError.

    Only a regular file of at most *max_bytes* is read (never a pipe or a device).
    """
    try:
        data = read_limited(path, max_bytes, what=what)
    except ReadProblem as exc:
        raise ValueError(str(exc)) from None
    text, problem = decode_utf8(data, path)
    if problem is not None:
        where = f"line {problem.line}, column {problem.col}: " if problem.line else ""
        raise ValueError(f"{what}: {where}{problem.message}".replace("the file", "it"))
    return normalise(text)


def build_records(docs, *, max_text_bytes=MAX_BYTES):
    """Validate every record of *docs* and build the model.

    *docs* is a list of ``(Document, base_dir)`` pairs; ``base_dir`` is the
    folder a source's ``text`` path is relative to (``None``: the current
    folder). Documents are taken in the order of their paths, so the result
    does not depend on the order of *docs*. Stored texts larger than
    *max_text_bytes* are refused. Returns :class:`Records` with ``problems``
    unsorted.
    """
    out = Records()
    out.max_text_bytes = max_text_bytes
    docs = sorted(docs, key=lambda d: d[0].path)
    problems = out.problems
    items = {"sources": [], "entities": [], "relations": []}
    for doc, base in docs:
        if doc.value is None or doc.value is REFUSED:
            continue
        top = doc.value
        if not isinstance(top, dict):
            line, col = locate(doc.node)
            problems.append(Problem(doc.path, line, col,
                                    "the top level of a data file must be a mapping with any of the keys "
                                    f"sources, entities, relations; found {_kind_of(top)}"))
            continue
        for key, val in top.items():
            if key not in items:
                line, col = locate(doc.node, key, key=True)
                problems.append(Problem(doc.path, line, col,
                                        f"unknown top-level key '{_short(key)}'{suggest(key, items)}; "
                                        "expected any of: sources, entities, relations"))
                continue
            if val is None or val is REFUSED:
                continue
            if not isinstance(val, list):
                line, col = locate(doc.node, key)
                problems.append(Problem(doc.path, line, col,
                                        f"'{key}' must be a list of {key} (each item starting with '- '), "
                                        f"found {_kind_of(val)}"))
                continue
            seq = locate_node(doc.node, key)
            for i, rec in enumerate(val):
                node = seq.value[i]
                if rec is REFUSED:
                    continue
                if not isinstance(rec, dict):
                    line, col = locate(node)
                    problems.append(Problem(doc.path, line, col,
                                            f"each item of '{key}' must be a mapping of fields, found "
                                            f"{_kind_of(rec)}"))
                    continue
                items[key].append((doc, base, node, rec))

    _build_sources(items["sources"], out)
    _build_entities(items["entities"], out)
    _build_relations(items["relations"], out)
    return out


def locate_node(node, key):
    for k, v in node.value:
        if k.value == key:
            return v
    raise KeyError(key)


class _Ids:
    """The ids of one kind of record seen so far, valid or not, for the duplicate checks."""

    def __init__(self, what):
        self.what, self.first, self.lower = what, {}, {}

    def claim(self, rid, ctx):
        """Note *rid* (right after it is read); return False, reported, when it is taken."""
        if rid is None:
            return False
        if rid in self.first:
            path, line, col = self.first[rid]
            ctx.report(("id",), f"duplicate {self.what} id '{rid}' (first defined at {path}:{line}:{col}); "
                       "ids must be unique across all files")
            return False
        other = self.lower.get(rid.lower())
        if other is not None:
            ctx.report(("id",), f"{self.what} id '{rid}' differs from '{other}' only in case; ids are matched "
                       "without case, so give them different names")
            return False
        self.first[rid] = _where(ctx)
        self.lower[rid.lower()] = rid
        return True


def _tainted(doc, rec, invalid):
    """True when the record holds something refused while reading (already reported):
    it is not validated further, and its id (if readable) is known, so that
    references to it are not reported as unknown."""
    if not doc.is_tainted(rec):
        return False
    rid = rec.get("id")
    if invalid is not None and isinstance(rid, str) and ID_PATTERN.match(rid):
        invalid.add(rid)
    return True


def _where(ctx):
    line, col = ctx.at()
    return (ctx.doc.path, line, col)


def _build_sources(items, out):
    ids = _Ids("source")
    texts = {}
    for doc, base, node, rec in items:
        if _tainted(doc, rec, out.invalid_sources):
            continue
        ctx = _Ctx(doc, node, "source", out.problems)
        rid = _id(ctx, rec)
        if rid is not None:
            ctx.label = f"source '{_short(rid)}'"
        fresh = ids.claim(rid, ctx)
        _check_fields(ctx, rec, "sources")
        title = _text(ctx, rec, "title")
        kind = _choice(ctx, rec, "kind", SOURCE_KINDS, "source kind")
        published = _when(ctx, rec, "published")
        url = _text(ctx, rec, "url")
        if url is not None and not re.match(r"https?://[^\s]+\Z", url, re.I):
            ctx.report(("url",), f"'url' must be a web address starting with http:// or https://, found '{_short(url)}'")
            url = None
        text = _text(ctx, rec, "text")
        text_path = None
        if text is not None and not text.strip():
            ctx.report(("text",), "'text' is empty: give the path of the stored text (relative to this YAML "
                       "file), or leave 'text' out")
            text = None
        if text is not None:
            text_path = os.path.normpath(os.path.join(base or ".", text))
            if text_path not in texts:
                try:
                    texts[text_path] = read_source_text(text_path, out.max_text_bytes,
                                                        what=f"the stored text '{_short(text)}'")
                except ValueError as exc:
                    texts[text_path] = None
                    msg = str(exc)
                    if "no such file" in msg:
                        msg += f" (looked for {text_path}: the path is relative to this YAML file)"
                    ctx.report(("text",), msg)
        src = Source(id=rid or "", title=title, kind=kind, published=published,
                     author=_text(ctx, rec, "author"), outlet=_text(ctx, rec, "outlet"), url=url,
                     perspective=_text(ctx, rec, "perspective"), text=text, note=_text(ctx, rec, "note"),
                     where=_where(ctx), text_path=text_path)
        if fresh:
            out.sources[rid] = src
            if text_path and texts.get(text_path) is not None:
                out.texts[rid] = texts[text_path]


def _build_entities(items, out):
    ids = _Ids("entity")
    ctxs = {}
    pending_part_of = []
    for doc, base, node, rec in items:
        if _tainted(doc, rec, out.invalid_entities):
            continue
        ctx = _Ctx(doc, node, "entity", out.problems)
        rid = _id(ctx, rec)
        if rid is not None:
            ctx.label = f"entity '{_short(rid)}'"
        fresh = ids.claim(rid, ctx)
        _check_fields(ctx, rec, "entities")
        name = _text(ctx, rec, "name", required=True)
        kind = _choice(ctx, rec, "kind", ENTITY_KINDS, "entity kind", required=True)
        aliases = _list_of_text(ctx, rec, "aliases")
        for i, a in enumerate(aliases):
            if not a.strip():
                ctx.report(("aliases", i), f"alias {i + 1} is empty: remove it")
        aliases = tuple(a for a in aliases if a.strip())
        codes = {}
        cv = rec.get("codes")
        if cv is not None:
            if not isinstance(cv, dict):
                ctx.report(("codes",), f"'codes' must be a mapping such as {{wikidata: Q843, iso3: PAK}}, "
                           f"found {_kind_of(cv)}")
            else:
                for k, v in cv.items():
                    if not _CODE_KEY.match(k):
                        ctx.report(("codes", k), f"bad code name '{_short(k)}': a code name is a word of ASCII "
                                   "letters, digits and _ starting with a letter (wikidata, iso3, cameo, ...)",
                                   key=True)
                        continue
                    if v is None or isinstance(v, (dict, list)):
                        ctx.report(("codes", k), f"code '{k}' must be text, found {_kind_of(v)}")
                        continue
                    v = str(v)
                    if k == "wikidata" and not _QID.match(v):
                        ctx.report(("codes", k), f"a Wikidata id looks like Q843, found '{_short(v)}'")
                        continue
                    codes[str(k)] = v
        part_of = _text(ctx, rec, "part_of")
        ent = Entity(id=rid or "", name=name or "", kind=kind or "", aliases=aliases, codes=codes,
                     part_of=part_of, description=_text(ctx, rec, "description"), where=_where(ctx))
        if part_of is not None:
            pending_part_of.append((ctx, ent))
        if rid is not None and name is not None and kind is not None:
            if fresh:
                out.entities[rid] = ent
                raw = rec.get("aliases")
                ctxs[rid] = (ctx, raw if isinstance(raw, list) else [raw])
        elif rid is not None:
            out.invalid_entities.add(rid)   # reported here; references to it are not reported again
    # aliases: each name must point at one entity
    names = {}
    skeletons = {}
    for ent in out.entities.values():
        for i, a in enumerate((ent.id, ent.name) + ent.aliases):
            low = a.strip().lower()
            prev = names.get(low)
            if prev is not None and prev != ent.id:
                ctx, raw = ctxs[ent.id]
                keys = ("id",) if i == 0 else ("name",) if i == 1 else ("aliases", raw.index(a))
                ctx.report(keys, f"the name or alias '{_short(a)}' also names entity '{prev}'; every "
                                    "name must point at one entity")
                continue
            names[low] = ent.id
            skel = _skeleton(low).lower()
            other = skeletons.get(skel)
            if other is not None and other[0] != ent.id and other[1] != low:
                path, line, col = ent.where
                out.problems.append(Problem(path, line, col,
                                            f"entity '{ent.id}': the name or alias '{_short(a)}' looks the same "
                                            f"as '{_short(other[2])}' of entity '{other[0]}' but is written with "
                                            f"other characters ({_foreign_char(a) or _foreign_char(other[2])}); "
                                            "retype it, or remove one of them"))
            else:
                skeletons.setdefault(skel, (ent.id, low, a))
    out.names = names
    for ctx, ent in pending_part_of:
        if ent.part_of in out.invalid_entities:
            continue
        if ent.part_of not in out.entities:
            ctx.report(("part_of",), _unknown_entity(ent.part_of, "part_of", out))
        elif ent.part_of == ent.id:
            ctx.report(("part_of",), "an entity cannot be part of itself")
        else:
            chain, up = [ent.id], ent.part_of
            while up in out.entities and up not in chain:
                chain.append(up)
                up = out.entities[up].part_of
            if up == ent.id:
                ctx.report(("part_of",), "part_of goes round in a circle: " + " -> ".join(chain + [up])
                           + "; one of them must not be part of the other")


def _unknown_entity(value, fieldname, out):
    value = str(value)
    head = f"unknown entity '{_short(value)}' in '{fieldname}'"
    stripped = value.strip()
    if stripped != value and stripped in out.entities:
        return f"{head} (did you mean '{stripped}'? remove the spaces around it)"
    target = out.names.get(stripped.lower())
    if target is not None:   # another case, or a name or alias of the entity
        return f"{head} (did you mean '{target}'?)"
    foreign = _foreign_char(value)
    if foreign:
        skel = _skeleton(stripped)
        for eid in out.entities:
            if eid == skel or eid.lower() == skel.lower():
                return (f"{head} (did you mean '{eid}'? it holds {foreign}, which only looks like a Latin "
                        "letter: retype the id)")
        return f"{head}: it holds {foreign}; ids are ASCII{suggest(skel, out.entities)}"
    return head + suggest(value, out.entities)


def _ref(ctx, rec, name, out, required=False):
    v = _text(ctx, rec, name, required)
    if v is None:
        return None
    if v not in out.entities:
        if v not in out.invalid_entities:
            ctx.report((name,), _unknown_entity(v, name, out))
        return None
    return v


def _claimants(ctx, rec, out):
    # minimal stand-in (branch 'sources'): one id or a list of ids; the new validator does it fully
    v = rec.get("asserted_by")
    if not isinstance(v, list):
        ref = _ref(ctx, rec, "asserted_by", out)
        return (ref,) if ref else ()
    found = []
    for i, x in enumerate(v):
        x = str(x)
        if x not in out.entities:
            ctx.report(("asserted_by", i), _unknown_entity(x, "asserted_by", out))
        elif x in found:
            ctx.report(("asserted_by", i), f"'{x}' is named twice in 'asserted_by'")
        else:
            found.append(x)
    return tuple(found)


def _polarity(ctx, rec, default):
    v = rec.get("polarity")
    if v is None:
        return default
    if isinstance(v, Plain) and _FLOAT.match(v):
        x = float(v)
        lo, hi = POLARITY_RANGE
        if lo <= x <= hi and not math.isnan(x):
            return x
        ctx.report(("polarity",), f"polarity {v} is outside -10..10 (-10 conflict, 0 neutral, +10 cooperation)")
        return default
    hint = ""
    if isinstance(v, str) and not isinstance(v, Plain) and _FLOAT.match(v.strip()):
        hint = " (written as text, in quotes or with !!str: write the bare number)"
    ctx.report(("polarity",), f"'polarity' must be a number from -10 to 10, found {_kind_of(v)}{hint}")
    return default


def _evidence(ctx, rec, out):
    v = rec.get("evidence")
    msg = "a relation needs evidence: at least one {source, quote} whose quote is verbatim in the source"
    if v is None:
        ctx.report(("evidence",) if "evidence" in rec else (), msg, key=True)
        return ()
    if not isinstance(v, list) or not v:
        ctx.report(("evidence",), msg if isinstance(v, list) else
                   f"'evidence' must be a list of {{source, quote}}, found {_kind_of(v)}")
        return ()
    result = []
    for i, ev in enumerate(v):
        if not isinstance(ev, dict):
            ctx.report(("evidence", i), f"evidence item {i + 1} must be a mapping {{source, quote}}, "
                       f"found {_kind_of(ev)}")
            continue
        for k in ev:
            if k not in ("source", "quote"):
                ctx.report(("evidence", i, k), f"unknown field '{_short(k)}' in evidence"
                           f"{suggest(k, ('source', 'quote'))}; evidence has the fields: source, quote",
                           key=True)
        src = ev.get("source")
        quote = ev.get("quote")
        ok = True
        if src is None or isinstance(src, (dict, list)):
            ctx.report(("evidence", i) + (("source",) if src is not None else ()),
                       f"evidence item {i + 1} needs 'source': the id of a source")
            ok = False
        elif str(src) in out.invalid_sources:
            ok = False
        elif str(src) not in out.sources:
            ctx.report(("evidence", i, "source"),
                       f"unknown source '{_short(src)}' in evidence{suggest(src, out.sources)}")
            ok = False
        if quote is None or isinstance(quote, (dict, list)) or not str(quote).strip():
            ctx.report(("evidence", i) + (("quote",) if quote is not None else ()),
                       f"evidence item {i + 1} needs 'quote': the source's own words, verbatim")
            ok = False
        if not ok:
            continue
        src, quote = str(src), str(quote)
        text = out.texts.get(src)
        if text is not None and normalise(quote) not in text:
            ctx.report(("evidence", i, "quote"),
                       f"quote is not verbatim in the text of source '{src}': \"{_short(quote, 80)}\" "
                       "(copy the words exactly; only quote marks, dashes and spacing may differ)")
        result.append(Evidence(src, quote))
    return tuple(result)


def _build_relations(items, out):
    ids = _Ids("relation")
    types = RELATION_TYPES
    for doc, base, node, rec in items:
        if _tainted(doc, rec, None):
            continue
        ctx = _Ctx(doc, node, "relation", out.problems)
        rid = _id(ctx, rec)
        if rid is not None:
            ctx.label = f"relation '{_short(rid)}'"
        fresh = ids.claim(rid, ctx)
        _check_fields(ctx, rec, "relations")
        subject = _ref(ctx, rec, "subject", out, required=True)
        obj = _ref(ctx, rec, "object", out, required=True)
        rtype = _choice(ctx, rec, "type", types, "type", required=True)
        mode = _text(ctx, rec, "mode")
        if mode is not None and rtype is not None:
            modes = types[rtype].modes
            if mode not in modes:
                allowed = ", ".join(modes) if modes else "none (leave 'mode' out)"
                ctx.report(("mode",), f"unknown mode '{_short(mode)}' for type {rtype}{suggest(mode, modes)}; "
                           f"expected one of: {allowed}")
                mode = None
        context = _list_of_text(ctx, rec, "context")
        for i, c in enumerate(context):
            if c not in CONTEXTS:
                keys = ("context", i) if isinstance(rec.get("context"), list) else ("context",)
                ctx.report(keys, f"unknown context '{_short(c)}'{suggest(c, CONTEXTS)}; expected one of: "
                           + ", ".join(CONTEXTS))
        context = tuple(c for c in context if c in CONTEXTS)
        polarity = _polarity(ctx, rec, types[rtype].polarity if rtype else 0.0)
        modality = _choice(ctx, rec, "modality", MODALITIES, "modality", required=True)
        claimants = _claimants(ctx, rec, out)
        when = _when(ctx, rec, "when")
        evidence = _evidence(ctx, rec, out)
        attrs = rec.get("attributes")
        if attrs is None:
            attrs = {}
        elif not isinstance(attrs, dict):
            ctx.report(("attributes",), f"'attributes' must be a mapping such as {{value: \"$7 billion\"}}, "
                       f"found {_kind_of(attrs)}")
            attrs = {}
        else:
            attrs = scalar_value(attrs)
        note = _text(ctx, rec, "note")
        if None in (rid, subject, obj, rtype, modality) or not evidence:
            continue
        rel = Relation(id=rid, subject=subject, object=obj, type=rtype, modality=modality,
                       polarity=polarity, mode=mode, context=context, claimants=claimants,
                       when=when, evidence=evidence, attributes=attrs, note=note, where=_where(ctx))
        if fresh:
            out.relations[rid] = rel
