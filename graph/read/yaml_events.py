"""Parse YAML text into plain values and a light node tree, from libyaml's events.

libyaml's C parser (where present) turns the text into *events*; this module
builds the values from them in one pass, with no implicit type resolution and
no constructor: nothing in a file can build a Python object, and YAML 1.1
guessing (``NO`` -> False, ``2023-05-01`` -> date, ``010`` -> 8) never
happens. Plain (unquoted) scalars that could be numbers or truth values come
back as :class:`Plain` strings (see :func:`~graph.read.base.plain`), other
text as ``str``; the validator decides, field by field, whether a plain
scalar is a number. Empty plain scalars, ``~`` and ``null`` are ``None``.

Hostile input is refused while it is read, before it can cost anything:

* anchors and aliases (``&a`` / ``*a``) stop the read at the first one: they
  are what "billion laughs" bombs and recursive documents are made of, and
  data files never need them;
* any tag (``!!python/object:...``, ``!!int``, ``!custom``) except the plain
  string, list and mapping ones is reported and its value dropped;
* nesting deeper than :data:`MAX_DEPTH` stops the read (libyaml's own
  composer recurses in C and crashes the interpreter on a few ten thousand
  levels; this builder keeps an explicit stack);
* a second document, duplicate keys, merge keys and keys that are not text
  are reported.

Examples
--------
>>> doc = parse_text("a: NO\\nb: '7'\\nc: 010\\nd:\\n", "x.yaml")
>>> doc.value
{'a': 'NO', 'b': '7', 'c': '010', 'd': None}
>>> isinstance(doc.value["c"], Plain), isinstance(doc.value["b"], Plain)
(True, False)
>>> doc.locate("c")
(3, 4)
>>> parse_text("a: 1\\na: 2\\n", "x.yaml").problems[0].message
"duplicate key 'a' (first at line 1): each key may appear once in a mapping"
>>> print(parse_text("a: &x [1]\\nb: *x\\n", "x.yaml").problems[0])  # doctest: +NORMALIZE_WHITESPACE
x.yaml:1:4: anchor '&x' is not allowed: actorgraph data may not use anchors and aliases (&name / *name);
write the value out in full
"""

from __future__ import annotations

from sys import intern

import yaml

from ..errors import Problem
from ..words import short
from .base import CONTROL, MAX_DEPTH, Plain, control_message, plain
from .yaml_syntax import odd_break, syntax_problem

__all__ = ["Plain", "Document", "REFUSED", "parse_text", "locate", "MAX_DEPTH", "MapNode", "SeqNode", "ScalarNode"]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Parses events only (no nodes are composed, no values constructed)."""


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# Control characters that only an escape in "double quotes" can bring in (libyaml refuses them
# raw): the rule every reader applies (graph.read.base.CONTROL).
_CONTROL = CONTROL
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


# The node tree kept for locations: much lighter than yaml.Node (built once per value).
class ScalarNode:
    __slots__ = ("value", "start_mark")

    def __init__(self, value, start_mark):
        self.value = value
        self.start_mark = start_mark


class SeqNode:
    __slots__ = ("value", "start_mark")

    def __init__(self, value, start_mark):
        self.value = value  # list of nodes
        self.start_mark = start_mark


class MapNode:
    __slots__ = ("value", "start_mark", "keys")

    def __init__(self, value, start_mark):
        self.value = value  # list of (key ScalarNode, value node)
        self.start_mark = start_mark
        self.keys = None  # key -> (key node, value node), made when a large mapping is searched

    def find(self, key):
        """``(key node, value node)`` of *key*, or ``None`` (keys are unique: duplicates are refused)."""
        if len(self.value) <= 16:
            for pair in self.value:
                if pair[0].value == key:
                    return pair
            return None
        if self.keys is None:  # a record with 30,000 keys is located in linear time, not quadratic
            self.keys = {pair[0].value: pair for pair in self.value}
        return self.keys.get(key)


class _Refused:
    """The value of a node that was refused (a tag...); the problem is already reported."""

    __slots__ = ()

    def __repr__(self):
        return "REFUSED"

    def __reduce__(self):
        return "REFUSED"


REFUSED = _Refused()
"""Stands for a value that was refused while reading (and reported)."""


class Document:
    """A parsed file: its ``value``, its node tree and the problems found.

    ``locate(*keys)`` gives the 1-based (line, column) of the value at that
    path of mapping keys and list indexes (the deepest one that exists).
    ``tainted`` holds the ``id()`` of every list and mapping that contains,
    at any depth, something refused while reading (a tag, a merge key...):
    the validator does not pile further messages on those.
    """

    __slots__ = ("path", "value", "node", "problems", "tainted")

    def __init__(self, path, value=None, node=None, problems=None):
        self.path = path
        self.value = value
        self.node = node
        self.problems = problems if problems is not None else []
        self.tainted = set()

    def is_tainted(self, value):
        """True when *value* (a list or mapping of this document) holds something refused."""
        return bool(self.tainted) and id(value) in self.tainted

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
    last = len(keys) - 1
    for i, k in enumerate(keys):
        if type(node) is MapNode:
            pair = node.find(k)
            if pair is None:
                return _mark(node)
            node = pair[0] if (key and i == last) else pair[1]
        elif type(node) is SeqNode and isinstance(k, int):
            if 0 <= k < len(node.value):
                node = node.value[k]
            else:
                return _mark(node)
        else:
            return _mark(node)
    return _mark(node)


class _Stop(Exception):
    """The read stops here; the problem is already recorded."""


_SE, _MSE, _SSE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MEE, _SEE, _AE = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
_DSE = yaml.DocumentStartEvent
_ANCHOR_MSG = (
    "{what} '{sign}{name}' is not allowed: actorgraph data may not use anchors and aliases "
    "(&name / *name); write the value out in full"
)


def parse_text(text, path):
    """Parse YAML *text* (from file *path*, as displayed) into a :class:`Document`.

    Problems (syntax, duplicate keys, tags, anchors, aliases, keys that are not
    text, nesting deeper than :data:`MAX_DEPTH`, a second document) are
    collected in ``Document.problems``. When the read had to stop, ``value``
    and ``node`` are ``None``.
    """
    doc = Document(path)
    problems = doc.problems
    odd = odd_break(text, path)
    if odd is not None:
        problems.append(odd)
        return doc
    if not _read_events(_Loader, text, path, doc):
        # libyaml (0.2.5 and later) has its own nesting limit, which it can hit while scanning
        # ahead, before our MAX_DEPTH is crossed: read again with PyYAML's pure-Python parser,
        # which has no such limit, so the message and location do not depend on libyaml's version.
        del problems[:]
        doc.tainted.clear()
        _read_events(yaml.SafeLoader, text, path, doc)
    return doc


def _read_events(loader_cls, text, path, doc):
    """Fill *doc* from the events of *loader_cls*; False if libyaml's nesting limit stopped it."""
    problems = doc.problems
    parser = loader_cls(text)
    try:
        doc.node, doc.value = _build(parser, path, problems, doc.tainted)
    except _Stop:
        doc.node = doc.value = None
    except yaml.YAMLError as exc:
        doc.node = doc.value = None
        if "maximum nesting depth" in str(getattr(exc, "problem", "")) and loader_cls is not yaml.SafeLoader:
            return False
        problems.append(syntax_problem(path, exc, text))
    except (ValueError, RecursionError, MemoryError) as exc:  # defensive: libyaml refusing input
        problems.append(Problem(path, 1, 1, f"cannot read this file as YAML: {exc}"))
        doc.node = doc.value = None
    finally:
        parser.dispose()
    return True


def _taint(stack, tainted):
    for frame in stack:
        tainted.add(id(frame[1]))


def _build(parser, path, problems, tainted):
    """Build (node, value) from the parser's events with an explicit stack."""
    check, get = parser.check_event, parser.get_event
    stack = []  # per open collection: [node, value, pending key (node, value) or None, keys seen or None, tag ok]
    root = None
    docs = 0
    while check():
        ev = get()
        t = type(ev)
        bare = False  # a plain, untagged scalar (for the merge key '<<')
        if t is _SE:
            node, value, bare = _scalar(ev, stack, path, problems, tainted)
        elif t is _MSE or t is _SSE:
            _open(ev, t, stack, path, problems, tainted)
            continue
        elif t is _MEE or t is _SEE:
            node, value, _, _, ok = stack.pop()
            if not ok:
                value = REFUSED
        elif t is _AE:
            _anchor(ev, path, problems)
        elif t is _DSE:
            docs += 1
            if docs > 1:
                _second_document(ev, path, problems)
            continue
        else:
            continue
        if stack:
            _attach(stack, node, value, bare, path, problems, tainted)
        else:
            root = (node, value)
    if root is None:
        return None, None
    return root


def _scalar(ev, stack, path, problems, tainted):
    """``(node, value, bare)`` of a scalar event: its value (:data:`REFUSED` for a tag or a
    control character written as an escape), and whether it is plain and untagged."""
    if ev.anchor is not None:
        _anchor(ev, path, problems)
    tag = ev.tag
    bare = False
    if tag is not None and tag != _STR:
        _tag_problem(ev, tag, path, problems)
        _taint(stack, tainted)
        value = REFUSED
    elif ev.style == '"' and _CONTROL.search(ev.value):
        bad = _CONTROL.search(ev.value).group()
        line, col = _mark(ev)
        problems.append(Problem(path, line, col, control_message(bad, " (written as an escape in double quotes)")))
        _taint(stack, tainted)
        value = REFUSED
    else:
        value = ev.value
        if tag is None and not ev.style:  # plain and untagged: may be read as a number or null
            bare = True
            value = None if value in _NULLS else plain(value)
    return ScalarNode(ev.value, ev.start_mark), value, bare


def _open(ev, t, stack, path, problems, tainted):
    """Open the mapping or list that event *ev* starts: a new frame on *stack*."""
    if ev.anchor is not None:
        _anchor(ev, path, problems)
    if len(stack) >= MAX_DEPTH:
        line, col = _mark(ev)
        problems.append(
            Problem(
                path,
                line,
                col,
                f"nesting deeper than {MAX_DEPTH} levels of lists and mappings (the data "
                "format needs 5); the rest of the file is not read",
            )
        )
        raise _Stop
    ok = True
    if ev.tag is not None and ev.tag != (_MAP if t is _MSE else _SEQ):
        _tag_problem(ev, ev.tag, path, problems)
        _taint(stack, tainted)
        ok = False
    if t is _MSE:
        stack.append([MapNode([], ev.start_mark), {}, None, {}, ok])
    else:
        stack.append([SeqNode([], ev.start_mark), [], None, None, ok])


def _second_document(ev, path, problems):
    line, col = _mark(ev)
    problems.append(
        Problem(
            path,
            line,
            col,
            "a data file holds one YAML document; found a second one here "
            "(remove the '---' separator, or split the file in two)",
        )
    )
    raise _Stop


def _attach(stack, node, value, bare, path, problems, tainted):
    """Attach (node, value) to the open collection on top of *stack*: a list item, a mapping key
    (kept until its value comes), or a mapping value (its key checked first)."""
    top = stack[-1]
    seen = top[3]
    if seen is None:  # an item of a list
        top[0].value.append(node)
        top[1].append(value)
        return
    if top[2] is None:  # a mapping key
        top[2] = (node, value, bare)
        return
    knode, kvalue, kbare = top[2]  # a mapping value
    top[2] = None
    if kvalue is REFUSED:  # a tagged key: already reported
        return
    if type(knode) is not ScalarNode:
        line, col = _mark(knode)
        problems.append(Problem(path, line, col, "a mapping key must be a plain name, not a list or a mapping"))
        _taint(stack, tainted)
        return
    k = knode.value
    if k in seen:
        line, col = _mark(knode)
        problems.append(
            Problem(
                path,
                line,
                col,
                f"duplicate key '{short(k)}' (first at line {seen[k]}): each key may appear once in a mapping",
            )
        )
        return
    if k == "<<" and kbare:
        line, col = _mark(knode)
        problems.append(Problem(path, line, col, "merge keys ('<<') are not allowed: write the fields out in full"))
        _taint(stack, tainted)
        return
    seen[k] = knode.start_mark.line + 1
    top[0].value.append((knode, node))
    top[1][intern(k)] = value


def _anchor(ev, path, problems):
    line, col = _mark(ev)
    if type(ev) is _AE:
        msg = _ANCHOR_MSG.format(what="alias", sign="*", name=short(ev.anchor, 40))
    else:
        msg = _ANCHOR_MSG.format(what="anchor", sign="&", name=short(ev.anchor, 40))
    problems.append(Problem(path, line, col, msg))
    raise _Stop


def _tag_problem(ev, tag, path, problems):
    line, col = _mark(ev)
    if tag.startswith("tag:yaml.org,2002:"):
        tag = "!!" + tag[len("tag:yaml.org,2002:") :]
    problems.append(
        Problem(
            path,
            line,
            col,
            f"YAML tag '{short(tag)}' is not allowed: data files hold plain text, numbers, "
            "lists and mappings; remove the tag (and put the value in quotes if it "
            "should stay text)",
        )
    )
