"""The YAML reader: a data file's text -> its records (plain values) with FILE:LINE:COL locators.

A data file is a mapping with any of the keys ``sources``, ``entities`` and
``relations``, each a list of records, read by :mod:`graph.read.yaml_events`
(no implicit typing, nothing hostile let in). The node tree that locates
fields is let go once the records are taken from a file that read cleanly:
each record keeps where it starts, and a field inside it is located, when a
problem is reported, by reading the file again (a large folder's trees would
otherwise triple the load's memory).

>>> found = read_yaml_text("entities:\\n  - {id: PAK, name: Pakistan, kind: state}\\n", "a.yaml")
>>> piece = found.pieces[0]
>>> piece.kind, piece.values["id"], piece.locator.locate("name")
('entities', 'PAK', (2, 21))
>>> found = read_yaml_text("entities:\\n  - id: PAK\\n    name: A: B\\n", "b.yaml")
>>> print(found.problems[0])  # doctest: +NORMALIZE_WHITESPACE
b.yaml:3:12: YAML syntax error: mapping values are not allowed in this context:
a value that contains ': ' must be put in quotes, e.g. title: "Pakistan: a view"
"""

from __future__ import annotations

from ..errors import Problem
from ..words import short, suggest
from .base import KINDS, FileRead, Locator, Piece, kind_of
from .safe import decode_utf8
from .yaml_events import REFUSED, locate, parse_text

__all__ = ["read", "read_yaml_text", "YamlLocator", "EMPTY_FILE"]

EMPTY_FILE = (
    "the file is empty (or holds only comments): a data file is a mapping with any of the keys "
    "sources, entities, relations; write 'entities: []' to keep an empty file on purpose, "
    "or delete it"
)


class YamlLocator(Locator):
    """Locates keys inside one record of a YAML file through its node tree."""

    __slots__ = ("node",)

    def __init__(self, path, node):
        super().__init__(path)
        self.node = node

    def locate(self, *keys, key=False):
        return locate(self.node, *keys, key=key)


class _FullRead:
    """The read of one file's text again (its node tree), made once, when a location inside a
    record whose tree was let go is asked for. Holds the file's text, or its bytes (UTF-8, the
    smaller, when the reader was given them)."""

    __slots__ = ("text", "path", "doc")

    def __init__(self, text, path):
        self.text, self.path, self.doc = text, path, None

    def __call__(self):
        if self.doc is None:
            text = self.text if isinstance(self.text, str) else decode_utf8(self.text, self.path)[0]
            self.doc, self.text = parse_text(text, self.path), None
        return self.doc


class StartLocator(Locator):
    """Locates a record whose node tree was let go: where it starts is known; a field inside it
    is located in the file read again (made on first use)."""

    __slots__ = ("full", "kind", "index", "start")

    def __init__(self, path, full, kind, index, start):
        super().__init__(path)
        self.full, self.kind, self.index, self.start = full, kind, index, start

    def locate(self, *keys, key=False):
        if not keys:
            return self.start
        doc = self.full()
        if doc.node is None:  # cannot happen: the same text read cleanly before; never guess
            return self.start
        return locate(_value_node(doc.node, self.kind).value[self.index], *keys, key=key)


def _value_node(node, key):
    for k, v in node.value:
        if k.value == key:
            return v
    raise KeyError(key)


def records_of(doc, base_dir, out):
    """Add the records of a parsed :class:`~graph.read.yaml_events.Document` to *out* as pieces."""
    top = doc.value
    if top is None or top is REFUSED:
        return
    problems = out.problems
    if not isinstance(top, dict):
        line, col = locate(doc.node)
        problems.append(
            Problem(
                doc.path,
                line,
                col,
                "the top level of a data file must be a mapping with any of "
                f"the keys sources, entities, relations; found {kind_of(top)}",
            )
        )
        return
    for key, val in top.items():
        if key not in KINDS:
            line, col = locate(doc.node, key, key=True)
            problems.append(
                Problem(
                    doc.path,
                    line,
                    col,
                    f"unknown top-level key '{short(key)}'"
                    f"{suggest(key, KINDS)}; expected any of: sources, entities, relations",
                )
            )
            continue
        if val is None or val is REFUSED:
            continue
        if not isinstance(val, list):
            line, col = locate(doc.node, key)
            problems.append(
                Problem(
                    doc.path,
                    line,
                    col,
                    f"'{key}' must be a list of {key} (each item starting with '- '), found {kind_of(val)}",
                )
            )
            continue
        seq = _value_node(doc.node, key)
        for rec, node in zip(val, seq.value, strict=True):
            if rec is REFUSED:
                continue
            if not isinstance(rec, dict):
                line, col = locate(node)
                problems.append(
                    Problem(
                        doc.path, line, col, f"each item of '{key}' must be a mapping of fields, found {kind_of(rec)}"
                    )
                )
                continue
            out.pieces.append(Piece(key, rec, YamlLocator(doc.path, node), base_dir, doc.is_tainted(rec)))


def _light(doc, text, base_dir):
    """The :class:`~graph.read.base.FileRead` of a *doc* that read cleanly, its records located
    by where they start (its node tree let go), or ``None`` when anything in it must be reported
    (then :func:`records_of` keeps the tree)."""
    top = doc.value
    if doc.problems or doc.tainted or not isinstance(top, dict):
        return None
    for key, val in top.items():
        if key not in KINDS or not (val is None or (isinstance(val, list) and all(isinstance(r, dict) for r in val))):
            return None
    path = doc.path
    out = FileRead(path)
    full = _FullRead(text, path)
    for key, val in top.items():
        if val:
            nodes = _value_node(doc.node, key).value
            out.pieces.extend(
                Piece(key, rec, StartLocator(path, full, key, i, locate(node)), base_dir)
                for i, (rec, node) in enumerate(zip(val, nodes, strict=True))
            )
    return out


def read_yaml_text(text, path, base_dir=None, *, data=None):
    """The :class:`~graph.read.base.FileRead` of YAML *text* from file *path* (as displayed);
    *data*, the file's bytes when the reader has them, is kept instead of the text (the smaller)
    to locate fields later."""
    doc = parse_text(text, path)
    light = _light(doc, text if data is None else data, base_dir)
    if light is not None:
        return light
    out = FileRead(path, problems=list(doc.problems))
    if doc.node is None:
        out.complete = False
        if not doc.problems:
            out.complete = True  # nothing but comments: nothing is lost
            out.problems.append(Problem(path, 0, 0, EMPTY_FILE))
        return out
    records_of(doc, base_dir, out)
    return out


def read(path, data, *, base_dir=None):
    """The YAML reader of the registry: *data* (bytes) of the file *path*."""
    text, problem = decode_utf8(data, path)
    if problem is not None:
        return FileRead(path, problems=[problem], complete=False)
    return read_yaml_text(text, path, base_dir, data=data)
