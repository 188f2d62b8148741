"""FalkorDB's bulk path: a dataset encoded as the binary ``GRAPH.BULK`` commands that build a new graph.

The same graph as the Cypher statements of :mod:`graph.db.statements` (the
same labels, relationship types and properties, see there), written the way
``falkordb-bulk-loader`` writes it, without a statement to parse or a
``MERGE`` to match: a first push (or ``--full``) builds its staging graph
this way, several times faster than ``UNWIND ... MERGE``.

The format (FalkorDB's ``GRAPH.BULK`` endpoint; ``src/bulk_insert`` in its
sources): ``GRAPH.BULK NAME [BEGIN] NODES EDGES NODE_TOKENS EDGE_TOKENS
TOKEN...``, ``BEGIN`` on the first command only (the graph must not exist).
A token is one label's nodes or one relationship type's edges: the label
(``Entity:State``: several, colon-separated) or type, NUL-terminated; the
number of property keys (4 bytes); the keys, NUL-terminated; then each
node's values in key order (an edge's first: its two ends, 8 bytes each,
the numbers of the nodes in the order they were created). A value is a type
byte and its payload: 0 none (the property is left out), 1 bool (1 byte),
2 double, 4 integer (8 bytes), 3 text (UTF-8, NUL-terminated), 5 list
(8-byte length, then the values). Numbers are little-endian.

Values come from the relations' columns (:mod:`graph.columns`, as the load
cache keeps them) without building a relation; values that repeat (types,
dates, modes, claimants, sources) are encoded once. A value the format
cannot carry (text with a NUL character, a whole number beyond 64 bits,
NaN) raises :class:`BulkValueError` naming the record, before the command
that would hold it is sent.

>>> cmds = list(commands(__import__("graph").loads('''
... entities: [{id: A, name: A, kind: state}, {id: B, name: B, kind: state}]
... sources: [{id: s, title: S}]
... relations: [{id: r1, subject: A, object: B, type: AID, modality: reported, evidence: [{source: s, quote: q}]}]
... ''')))
>>> [(c.nodes, c.edges, [t.split(b"\\0")[0] for t in c.node_tokens + c.edge_tokens]) for c in cmds]
[(3, 1, [b'Source', b'Entity:State', b'AID'])]
>>> text("Kabul"), value(["a", True]), value(None)
(b'\\x03Kabul\\x00', b'\\x05\\x02\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x03a\\x00\\x01\\x01', b'\\x00')
"""

from __future__ import annotations

import json
import math
import struct
from dataclasses import dataclass, field

from ..errors import BulkValueError
from ..vocab import RELATION_TYPES
from ..when import iso_span, parse_when
from . import statements as st

__all__ = ["commands", "Command", "value", "text", "EDGE_KEYS", "COMMAND_BYTES"]

#: bytes of data per command: enough that the round trips do not count, few enough that a reader
#: waits for one command (the server runs each whole) well under a second
COMMAND_BYTES = 8_000_000

#: the properties of a claim, in the order of :func:`graph.db.statements.relation_props`
EDGE_KEYS = (
    "id",
    "type",
    "mode",
    "context",
    "polarity",
    "sign",
    "quad",
    "modality",
    "claimants",
    "asserted_by",
    "when",
    "when_start",
    "when_end",
    "sources",
    "quotes",
    "records",
    "evidence",
    "attributes",
    "note",
)

NULL = b"\x00"
_DOUBLE = struct.Struct("<Bd").pack
_LONG = struct.Struct("<Bq").pack
_END = struct.Struct("<Q").pack
_COUNT = struct.Struct("<I").pack
_JSON = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) writes for a text


@dataclass
class Command:
    """One ``GRAPH.BULK`` command: its node and edge counts and tokens."""

    nodes: int = 0
    edges: int = 0
    node_tokens: list = field(default_factory=list)
    edge_tokens: list = field(default_factory=list)
    size: int = 0

    def args(self, begin) -> list:
        """The command's arguments after the graph name."""
        return (
            (["BEGIN"] if begin else [])
            + [self.nodes, self.edges, len(self.node_tokens), len(self.edge_tokens)]
            + self.node_tokens
            + self.edge_tokens
        )


def text(s) -> bytes:
    """A text value (``ValueError`` if it holds a NUL character, which ends a text in this format)."""
    b = s.encode("utf-8")
    if b"\x00" in b:
        raise ValueError("a text holds a NUL character (U+0000), which the database cannot store")
    return b"\x03" + b + b"\x00"


def value(v) -> bytes:
    """Any property value (text, number, true/false, list of them; None: left out)."""
    t = type(v)
    if t is str:
        return text(v)
    if t is bool:
        return b"\x01\x01" if v else b"\x01\x00"
    if t is int:
        if not -(2**63) <= v < 2**63:
            raise ValueError(f"the whole number {v} is too large for the database (64 bits)")
        return _LONG(4, v)
    if t is float:
        if not math.isfinite(v):
            raise ValueError("NaN and infinity cannot be stored")
        return _DOUBLE(2, v)
    if t is list or t is tuple:
        return _LONG(5, len(v)) + b"".join([value(x) for x in v])
    if v is None:
        return NULL
    return value(str(v))


def _texts(items) -> bytes:
    return _LONG(5, len(items)) + b"".join([text(x) for x in items]) if items else NULL


def _header(name, keys) -> bytes:
    return b"".join([name.encode("ascii") + b"\x00", _COUNT(len(keys))] + [k.encode("utf-8") + b"\x00" for k in keys])


def _key(k, where):
    if not k or "\x00" in k:
        raise BulkValueError(f"{where}: the property name {k!r} cannot be stored")
    return k


def _node_tokens(label, rows, where):
    """``(header, [encoded node])`` of one label's nodes (*rows*: their property maps)."""
    keys = list(dict.fromkeys(_key(k, where) for props in rows for k in props))
    out = []
    for props in rows:
        try:
            out.append(b"".join([value(props.get(k)) for k in keys]))
        except ValueError as exc:
            raise BulkValueError(f"{where} '{props.get('id')}': {_which(props, exc)}") from None
    return _header(label, keys), out


def _nodes(ds):
    """``([(header, [encoded node])], entity id -> node number)``: the sources, then the entities by kind."""
    groups = [_node_tokens("Source", [r["props"] for r in st.source_rows(ds)], "source")]
    number, n = {}, len(ds.sources)
    for label, rows in st.entity_rows(ds).items():
        if label not in st.LABELS:
            raise BulkValueError(f"not an entity kind of the vocabulary: {label!r}")
        groups.append(_node_tokens(f"Entity:{label}", [r["props"] for r in rows], "entity"))
        for r in rows:
            number[r["id"]] = n
            n += 1
    return groups, number


def relation_columns(ds):
    """``(columns, entity ids, source ids)`` of *ds*'s relations: the load cache's columns when it
    kept them, else made from the relations (:func:`graph.columns.to_columns`)."""
    from ..columns import to_columns

    lazy = getattr(ds, "_columns", None)
    kept = lazy.columns() if lazy is not None else None
    if kept is not None:
        cols, entities, sources, _files = kept
        return cols, entities, sources
    rels = ds.relations()
    entities = dict.fromkeys(ds.entities)
    sources = dict.fromkeys(ds.sources)
    for r in rels:  # (a dataset made in Python may name others: they are only properties)
        entities.update(dict.fromkeys((r.subject, r.object, *r.claimants)))
        sources.update(dict.fromkeys(e.source for e in r.evidence))
    entities, sources = list(entities), list(sources)
    cols = to_columns(rels, {e: i for i, e in enumerate(entities)}, {s: i for i, s in enumerate(sources)}, {})
    return cols, entities, sources


def _evidence_json(items):
    """``json.dumps`` of a claim's evidence as :func:`graph.to_dict` writes it (``[(source, quote, record)]``)."""
    return (
        "["
        + ", ".join(
            '{"source": '
            + _JSON(s)
            + (', "quote": ' + _JSON(q) if q is not None else ', "record": ' + ("null" if r is None else _JSON(r)))
            + "}"
            for s, q, r in items
        )
        + "]"
    )


class _Encoder:
    """Encodes claims, row by row of the columns, into the values of :data:`EDGE_KEYS` (after the ends)."""

    def __init__(self, cols, entities, sources, node_no):
        self.cols, self.entities, self.sources = cols, entities, sources
        words = cols["words"]
        self.words = words
        self.ends = [_END(node_no[e]) if e in node_no else None for e in entities]
        self.word = [text(w) for w in words]
        self.quad = [text(RELATION_TYPES[w].quad) if w in RELATION_TYPES else None for w in words]
        self.cache = {}

    def header(self, t):
        """The header of the token of the claims of word number *t*."""
        name = self.words[t]
        if name not in RELATION_TYPES:
            raise BulkValueError(f"not a relation type of the vocabulary: {name!r}")
        return _header(name, EDGE_KEYS)

    def _once(self, kind, key, make):
        cache = self.cache.setdefault(kind, {})
        b = cache.get(key)
        if b is None:
            b = cache[key] = make()
        return b

    def rows(self, start, stop, at):
        """``[(type word, encoded claim)]`` of rows *start* to *stop* (their evidence from position *at*)."""
        c = self.cols
        ev_source, ev_quote, ev_record = c["ev_source"], c["ev_quote"], c["ev_record"]
        ends, word, words, quad = self.ends, self.word, self.words, self.quad
        sources, entities = self.sources, self.entities
        once = self._once
        out = []
        for rid, s, o, t, m, pol, mode, ctx, cl, when, n, attrs, note in zip(
            *(
                c[k][start:stop]
                for k in (
                    "id",
                    "subject",
                    "object",
                    "type",
                    "modality",
                    "polarity",
                    "mode",
                    "context",
                    "claimants",
                    "when",
                    "ev_n",
                    "attributes",
                    "note",
                )
            ),
            strict=True,
        ):
            a, b = ends[s], ends[o]
            if a is None or b is None:
                raise BulkValueError(
                    f"claim '{rid}': its {'subject' if a is None else 'object'} "
                    f"'{entities[s if a is None else o]}' is not an entity of the data"
                )
            try:
                if n == 1:
                    sid, q, r = ev_source[at], ev_quote[at], ev_record[at]
                    ev = (
                        once("source", sid, lambda sid=sid: _texts([sources[sid]]))
                        + (NULL if q is None else _texts([q]))
                        + (NULL if r is None else _texts([r]))
                        + text(_evidence_json([(sources[sid], q, r)]))
                    )
                else:
                    ev = _evidence([(sources[ev_source[k]], ev_quote[k], ev_record[k]) for k in range(at, at + n)])
                if attrs:
                    key = _attributes_key(attrs)
                    attrs = (
                        _attributes(attrs)
                        if key is None
                        else once("attributes", key, lambda attrs=attrs: _attributes(attrs))
                    )
                out.append(
                    (
                        t,
                        b"".join(
                            [
                                a,
                                b,
                                text(rid),
                                word[t],
                                NULL if mode is None else word[mode],
                                once("context", tuple(ctx), lambda ctx=ctx: _texts([words[k] for k in ctx]))
                                if ctx
                                else NULL,
                                _polarity(pol),
                                quad[t] or NULL,
                                word[m],
                                NULL + NULL
                                if cl is None
                                else once("claimants", tuple(cl), lambda cl=cl: _claimants(cl, entities)),
                                NULL * 3 if when is None else once("when", when, lambda when=when: _when(when)),
                                ev,
                                attrs or NULL,
                                NULL if note is None else text(note),
                            ]
                        ),
                    )
                )
            except (ValueError, TypeError) as exc:
                texts = {
                    "id": rid,
                    "when": when,
                    "note": note,
                    "quote": [ev_quote[k] for k in range(at, at + n)],
                    "record": [ev_record[k] for k in range(at, at + n)],
                }
                raise BulkValueError(f"claim '{rid}': {_which(texts, exc)}") from None
            at += n
        return out, at


def _evidence(items):
    """``sources``, ``quotes``, ``records`` and ``evidence`` of a claim's evidence (``[(source, quote, record)]``)."""
    return (
        _texts(list(dict.fromkeys(x[0] for x in items)))
        + _texts([x[1] for x in items if x[1] is not None])
        + _texts([x[2] for x in items if x[2] is not None])
        + text(_evidence_json(items))
    )


def _which(texts, exc):
    """*exc*'s message, saying which of *texts* (field -> text or list of texts) holds a NUL character."""
    for name, v in texts.items():
        if any("\x00" in x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str)):
            return f"its {name} holds a NUL character (U+0000), which the database cannot store"
    return str(exc)


def _polarity(pol):
    pol = float(pol)
    if not math.isfinite(pol):
        raise ValueError("its polarity is NaN or infinite")
    return _DOUBLE(2, pol) + _LONG(4, (pol > 0) - (pol < 0))


def _claimants(cl, entities):
    ids = [entities[k] for k in cl]
    return _texts(ids) + text(ids[0])


def _when(when):
    start, end = iso_span(parse_when(when))
    return text(when) + (NULL if start is None else text(start)) + (NULL if end is None else text(end))


def _attributes_key(attrs):
    """What tells *attrs*'s JSON text apart from others' (True, 1 and 1.0, 0.0 and -0.0 are equal keys in
    Python, not in JSON); None when a value is a list or a map (not shared)."""
    items = tuple(attrs.items())
    try:
        hash(items)
    except TypeError:
        return None
    return items, tuple([str(v) if type(v) is float and v == 0 else type(v) for v in attrs.values()])


def _attributes(attrs):
    return text(json.dumps(attrs, ensure_ascii=False))


def commands(ds, *, max_bytes=COMMAND_BYTES, batch=None):
    """The ``GRAPH.BULK`` commands (:class:`Command`) that build *ds*'s graph, made as they are asked for:
    the nodes first (sources, then entities by kind), then the claims in data order, one token per
    relationship type in each command. A command holds about *max_bytes* of data, and at most
    *batch* claims when given."""
    groups, node_no = _nodes(ds)
    cmd = Command()
    for header, rows in groups:
        for k in range(0, len(rows), 4096):
            part = rows[k : k + 4096]
            cmd.node_tokens.append(header + b"".join(part))
            cmd.nodes += len(part)
            cmd.size += len(cmd.node_tokens[-1])
            if cmd.size >= max_bytes:
                yield cmd
                cmd = Command()
    cols, entities, sources = relation_columns(ds)
    enc = _Encoder(cols, entities, sources, node_no)
    tokens, at, n = {}, 0, len(cols["id"])
    step = min(batch or 250, 250)  # (claims encoded between two looks at the size)
    for start in range(0, n, step):
        rows, at = enc.rows(start, min(start + step, n), at)
        for t, b in rows:
            got = tokens.get(t)
            if got is None:
                got = tokens[t] = []
            got.append(b)
            cmd.size += len(b)
        cmd.edges += len(rows)
        if cmd.size >= max_bytes or (batch and cmd.edges >= batch):
            _edge_tokens(cmd, tokens, enc)
            yield cmd
            cmd, tokens = Command(), {}
    _edge_tokens(cmd, tokens, enc)
    if cmd.nodes or cmd.edges:
        yield cmd


def _edge_tokens(cmd, tokens, enc):
    for t in sorted(tokens, key=lambda t: enc.words[t]):
        cmd.edge_tokens.append(enc.header(t) + b"".join(tokens[t]))
