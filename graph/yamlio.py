"""Read one YAML data file into plain Python values, keeping every location.

The file is *composed* (not constructed) with libyaml's C parser where present,
with no implicit type resolution: nothing in the file can build a Python
object, and YAML 1.1 guessing (``NO`` -> False, ``2023-05-01`` -> date,
``010`` -> 8) never happens. Plain (unquoted) scalars come back as
:class:`Plain` strings, quoted ones as ``str``; the validator decides, field by
field, whether a plain scalar is a number. Empty plain scalars, ``~`` and
``null`` are ``None``.

Anchors and aliases (``&a`` / ``*a``) are refused: they are what "billion
laughs" bombs and recursive documents are made of, and data files never need
them.

Examples
--------
>>> doc = parse_text("a: NO\\nb: '7'\\nc: 010\\nd:\\n", "x.yaml")
>>> doc.value
{'a': 'NO', 'b': '7', 'c': '010', 'd': None}
>>> isinstance(doc.value["a"], Plain), isinstance(doc.value["b"], Plain)
(True, False)
>>> doc.locate("c")
(3, 4)
>>> parse_text("a: 1\\na: 2\\n", "x.yaml").problems[0].message
"duplicate key 'a' (first at line 1): each key may appear once in a mapping"
"""

from __future__ import annotations

import yaml

from .errors import Problem

__all__ = ["Plain", "Document", "parse_text", "MAX_DEPTH"]

MAX_DEPTH = 64

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Composes nodes only; every untagged scalar resolves to a string."""


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}


def _resolve(self, kind, value, implicit):
    # No implicit typing at all: an untagged node is a string, list or mapping.
    return _DEFAULT_TAGS[kind]


_Loader.yaml_implicit_resolvers = {}
_Loader.resolve = _resolve
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class Plain(str):
    """A string that was written without quotes (so it may be read as a number)."""

    __slots__ = ()


class _Abort(Exception):
    pass


class Document:
    """A parsed file: its ``value``, its node tree and the problems found.

    ``locate(*keys)`` gives the 1-based (line, column) of the value at that
    path of mapping keys and list indexes (the deepest one that exists).
    """

    __slots__ = ("path", "value", "node", "problems")

    def __init__(self, path, value=None, node=None, problems=None):
        self.path = path
        self.value = value
        self.node = node
        self.problems = problems if problems is not None else []

    def locate(self, *keys, node=None, key=False):
        node = self.node if node is None else node
        return locate(node, *keys, key=key)


def _mark(node_or_mark):
    m = getattr(node_or_mark, "start_mark", node_or_mark)
    return m.line + 1, m.column + 1


def locate(node, *keys, key=False):
    """1-based (line, col) of the node at *keys* below *node*.

    With ``key=True`` the position of the last mapping key itself is given.
    Missing keys stop the walk at the deepest node that exists.
    """
    if node is None:
        return 1, 1
    for k in keys:
        if isinstance(node, yaml.MappingNode):
            for knode, vnode in node.value:
                if isinstance(knode, yaml.ScalarNode) and knode.value == k:
                    node = knode if (key and k is keys[-1]) else vnode
                    break
            else:
                return _mark(node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(k, int):
            if 0 <= k < len(node.value):
                node = node.value[k]
            else:
                return _mark(node)
        else:
            return _mark(node)
    return _mark(node)


def _syntax_problem(path, exc):
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = getattr(exc, "problem", None) or str(exc)
    ctx = getattr(exc, "context", None)
    msg = f"YAML syntax error: {what}"
    if ctx:
        msg += f" ({ctx}"
        cm = getattr(exc, "context_mark", None)
        if cm is not None and cm is not mark:
            msg += f" at line {cm.line + 1}"
        msg += ")"
    if "\t" in what or "tab" in what:
        msg += "; indent with spaces, not tabs"
    return Problem(path, line, col, msg)


def _find_alias(text, path):
    """Return a Problem for the first anchor or alias in *text*, or None."""
    try:
        for ev in yaml.parse(text, Loader=_Loader):
            if isinstance(ev, yaml.AliasEvent):
                line, col = _mark(ev)
                return Problem(path, line, col,
                               f"alias '*{ev.anchor}' is not allowed: actorgraph data may not use "
                               "anchors and aliases (&name / *name); write the value out in full")
            anchor = getattr(ev, "anchor", None)
            if anchor is not None:
                line, col = _mark(ev)
                return Problem(path, line, col,
                               f"anchor '&{anchor}' is not allowed: actorgraph data may not use "
                               "anchors and aliases (&name / *name); write the value out in full")
    except yaml.YAMLError:
        return None  # the syntax error is reported by the compose step
    return None


def parse_text(text, path):
    """Parse YAML *text* (from file *path*, as displayed) into a :class:`Document`.

    Problems (syntax, duplicate keys, tags, anchors, non-string keys, nesting
    deeper than ``MAX_DEPTH``) are collected in ``Document.problems``; when the
    file cannot be read at all, ``value`` is ``None``.
    """
    doc = Document(path)
    if "&" in text or "*" in text:
        p = _find_alias(text, path)
        if p is not None:
            doc.problems.append(p)
            return doc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.composer.ComposerError as exc:
        if "expected a single document" in str(exc):
            line, col = _mark(exc.problem_mark) if exc.problem_mark else (1, 1)
            doc.problems.append(Problem(path, line, col,
                                        "a data file holds one YAML document; found a second one "
                                        "(remove the '---' separator or split the file)"))
        else:
            doc.problems.append(_syntax_problem(path, exc))
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(_syntax_problem(path, exc))
        return doc
    except (ValueError, RecursionError) as exc:  # e.g. control characters libyaml refuses
        doc.problems.append(Problem(path, 1, 1, f"cannot read this file as YAML: {exc}"))
        return doc
    doc.node = node
    if node is None:
        doc.value = None
        return doc
    try:
        doc.value = _convert(node, path, doc.problems, 0)
    except _Abort:
        doc.value = None
    return doc


def _convert(node, path, problems, depth):
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag != _STR:
            _tag_problem(node, path, problems)
            return None
        v = node.value
        if node.style:
            return v
        if v in _NULLS:
            return None
        return Plain(v)
    if depth >= MAX_DEPTH:
        line, col = _mark(node)
        problems.append(Problem(path, line, col,
                                f"nesting deeper than {MAX_DEPTH} levels: data files never need this"))
        raise _Abort
    if isinstance(node, yaml.SequenceNode):
        if tag != _SEQ:
            _tag_problem(node, path, problems)
            return None
        return [_convert(n, path, problems, depth + 1) for n in node.value]
    # mapping
    if tag != _MAP:
        _tag_problem(node, path, problems)
        return None
    out = {}
    seen = {}
    for knode, vnode in node.value:
        if not isinstance(knode, yaml.ScalarNode) or knode.tag != _STR:
            line, col = _mark(knode)
            problems.append(Problem(path, line, col,
                                    "a mapping key must be a plain name, not a list, mapping or tagged value"))
            continue
        k = knode.value
        if k in seen:
            line, col = _mark(knode)
            problems.append(Problem(path, line, col,
                                    f"duplicate key '{k}' (first at line {seen[k]}): "
                                    "each key may appear once in a mapping"))
            continue
        if k == "<<" and not knode.style:
            line, col = _mark(knode)
            problems.append(Problem(path, line, col,
                                    "merge keys ('<<') are not allowed: write the fields out in full"))
            continue
        seen[k] = knode.start_mark.line + 1
        out[k] = _convert(vnode, path, problems, depth + 1)
    return out


def _tag_problem(node, path, problems):
    line, col = _mark(node)
    tag = node.tag
    if tag.startswith("tag:yaml.org,2002:"):
        tag = "!!" + tag[len("tag:yaml.org,2002:"):]
    problems.append(Problem(path, line, col,
                            f"YAML tag '{tag}' is not allowed: data files hold plain text, numbers, "
                            "lists and mappings; remove the tag"))
