"""The YAML reader: a data file's text -> its records (plain values) with FILE:LINE:COL locators.

A data file is a mapping with any of the keys ``sources``, ``entities`` and
``relations``, each a list of records. Parsing is done by
:mod:`graph.read.yaml_events` (no implicit typing, nothing hostile let in).

>>> found = read_yaml_text("entities:\\n  - {id: PAK, name: Pakistan, kind: state}\\n", "a.yaml")
>>> piece = found.pieces[0]
>>> piece.kind, piece.values["id"], piece.locator.locate("name")
('entities', 'PAK', (2, 21))
>>> print(read_yaml_text("entities:\\n  - id: PAK\\n    name: A: B\\n", "b.yaml").problems[0])
b.yaml:3:12: YAML syntax error: mapping values are not allowed in this context: a value that contains ': ' must be put in quotes, e.g. title: "Pakistan: a view"
"""

from __future__ import annotations

from ..errors import Problem, suggest
from ..words import short
from .base import KINDS, FileRead, Locator, Piece
from .safe import decode_utf8
from .yaml_events import REFUSED, locate, parse_text

__all__ = ["read", "read_yaml_text", "YamlLocator", "EMPTY_FILE"]

EMPTY_FILE = ("the file is empty (or holds only comments): a data file is a mapping with any of the keys "
              "sources, entities, relations; write 'entities: []' to keep an empty file on purpose, "
              "or delete it")


class YamlLocator(Locator):
    """Locates keys inside one record of a YAML file through its node tree."""

    __slots__ = ("node",)

    def __init__(self, path, node):
        super().__init__(path)
        self.node = node

    def locate(self, *keys, key=False):
        return locate(self.node, *keys, key=key)


def _kind_of(v):
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    return "nothing" if v is None else f"'{short(v)}'"


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
        problems.append(Problem(doc.path, line, col, "the top level of a data file must be a mapping with any of "
                                f"the keys sources, entities, relations; found {_kind_of(top)}"))
        return
    for key, val in top.items():
        if key not in KINDS:
            line, col = locate(doc.node, key, key=True)
            problems.append(Problem(doc.path, line, col, f"unknown top-level key '{short(key)}'"
                                    f"{suggest(key, KINDS)}; expected any of: sources, entities, relations"))
            continue
        if val is None or val is REFUSED:
            continue
        if not isinstance(val, list):
            line, col = locate(doc.node, key)
            problems.append(Problem(doc.path, line, col, f"'{key}' must be a list of {key} (each item starting "
                                    f"with '- '), found {_kind_of(val)}"))
            continue
        seq = _value_node(doc.node, key)
        for rec, node in zip(val, seq.value):
            if rec is REFUSED:
                continue
            if not isinstance(rec, dict):
                line, col = locate(node)
                problems.append(Problem(doc.path, line, col, f"each item of '{key}' must be a mapping of fields, "
                                        f"found {_kind_of(rec)}"))
                continue
            out.pieces.append(Piece(key, rec, YamlLocator(doc.path, node), base_dir, doc.is_tainted(rec)))


def read_yaml_text(text, path, base_dir=None):
    """The :class:`~graph.read.base.FileRead` of YAML *text* from file *path* (as displayed)."""
    doc = parse_text(text, path)
    out = FileRead(path, problems=list(doc.problems))
    if doc.node is None:
        out.complete = False
        if not doc.problems:
            out.complete = True   # nothing but comments: nothing is lost
            out.problems.append(Problem(path, 0, 0, EMPTY_FILE))
        return out
    records_of(doc, base_dir, out)
    return out


def read(path, data, *, base_dir=None):
    """The YAML reader of the registry: *data* (bytes) of the file *path*."""
    text, problem = decode_utf8(data, path)
    if problem is not None:
        return FileRead(path, problems=[problem], complete=False)
    return read_yaml_text(text, path, base_dir)
