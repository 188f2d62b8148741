"""A fast reader for the plain block style of most data files; ``None`` for anything else.

Most data files use a small part of YAML: block mappings and lists, one-line
flow lists and mappings, plain, 'single' and "double" quoted one-line
scalars, comments. This module reads exactly that part, line by line, about
four times faster than building values from libyaml's events. It gives the
same values as :func:`graph.read.yaml_events.parse_text` (plain scalars as
:func:`~graph.read.base.plain` makes them, ``~``/``null``/nothing as ``None``,
quoted ones as ``str``),
and the (line, column) where each record starts.

It never decides anything on its own: it returns ``None`` (and the full
reader, with every check and every location, reads the file) for anything
outside that part or anything the full reader would report — a tab, a
duplicate key, a multi-line flow or quoted scalar, a block scalar other than
``|``, ``|-``, ``>``, ``>-`` under a key, an anchor, a tag, a quoted key, an escape
in double quotes, a second document, a line libyaml does not accept (libyaml's
C parser checks every file the fast way accepts). The locations of fields
inside a record are found, when a problem is reported, by reading the file
again with the full reader.

>>> value, starts = parse_fast('entities:\\n  - id: PAK   # a comment\\n    aliases: [Islamabad, "7", 7]\\n')
>>> value
{'entities': [{'id': 'PAK', 'aliases': ['Islamabad', '7', '7']}]}
>>> [type(v).__name__ for v in value["entities"][0]["aliases"]]
['str', 'str', 'Plain']
>>> starts
{'entities': [(2, 5)]}
>>> parse_fast("a: 1\\na: 2\\n") is None        # a duplicate key: the full reader reports it
True
"""

from __future__ import annotations

import re
from sys import intern

import yaml

from .base import _MAYBE, Plain, plain

__all__ = ["parse_fast"]

try:  # libyaml's C parser, used as a syntax check that builds nothing
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML without libyaml: always the full reader
    _CParser = None

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_MAX_DEPTH = 20


class _Out(Exception):
    """Outside the part this reader reads: the full reader takes the file."""


_KEY = r"[A-Za-z0-9_][A-Za-z0-9_.\-]*"
# "key:" or "key: rest" (rest may be a comment)
_KEYLINE = re.compile(rf"({_KEY}):(?: +(.*))?\Z")
# the common line, "key: plain text" with no '#' or ':' in the text: matched and read in one step
_KEY_PLAIN = re.compile(rf"({_KEY}): +([A-Za-z0-9_](?:[^#:]*[^#:\s])?) *\Z")
_DQ = re.compile(r'"([^"\\]*)" *(?:#.*)?\Z')
_SQ = re.compile(r"'((?:[^']|'')*)' *(?:#.*)?\Z")
_TRAIL = re.compile(r" *(?:#.*)?\Z")
# the first character of a plain scalar: no indicator, except '-' or '.' before a digit or letter
_PLAIN_FIRST = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]|[-.][0-9A-Za-z]")
# in flow context: a plain scalar with none of , [ ] { } # : (and no quote first)
_FLOW_PLAIN = re.compile(r"(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`]|-[0-9A-Za-z.])[^,\[\]{}#:]*")
_FLOW_DQ = re.compile(r'"([^"\\]*)"')
_FLOW_SQ = re.compile(r"'((?:[^']|'')*)'")
_FLOW_KEY = re.compile(rf"({_KEY}): +")
_SPACES = re.compile(r" *")
# one-line flow lists and mappings of scalars, matched whole (the common case), then split
_ITEM = (
    r"(?:\"[^\"\\]*\"|'(?:[^']|'')*'"  # a quoted scalar, or a plain one:
    r"|(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`]|-[0-9A-Za-z.])(?:[^,\[\]{}#:'\"]*[^,\[\]{}#:'\"\s])?)"
)
_SIMPLE_SEQ = re.compile(rf"\[ *(?:{_ITEM} *, *)*{_ITEM} *\] *")
_SIMPLE_MAP = re.compile(rf"\{{ *(?:{_KEY}: +{_ITEM} *, *)*{_KEY}: +{_ITEM} *\}} *")
_SEQ_ITEM = re.compile(rf"({_ITEM}) *(?:,|\]) *")
_MAP_PAIR = re.compile(rf"({_KEY}): +({_ITEM}) *(?:,|\}}) *")
# a plain scalar can start with these without a look at what follows
_SAFE_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _plain(s):
    return None if s in _NULLS else plain(s)


def _scalar_item(s):
    """A scalar matched by ``_ITEM``."""
    c = s[0]
    if c == '"':
        return s[1:-1]
    if c == "'":
        return s[1:-1].replace("''", "'")
    return _plain(s.rstrip(" "))


def _simple_flow(rest):
    """A one-line flow list or mapping of scalars, or ``None`` when it is not that simple."""
    if rest[0] == "[":
        m = _SIMPLE_SEQ.match(rest)
        if m is None:
            return None
        end = m.end()
        return [_scalar_item(x) for x in _SEQ_ITEM.findall(rest, 1, end)], end
    m = _SIMPLE_MAP.match(rest)
    if m is None:
        return None
    end = m.end()
    out = {}
    for k, v in _MAP_PAIR.findall(rest, 1, end):
        if k in out:
            raise _Out
        out[intern(k)] = _scalar_item(v)
    return out, end


def _block_scalar(rest):
    """The value of *rest*, what follows 'key: ' or '- ' on a line (a scalar or a flow collection)."""
    c = rest[0]
    if c in _SAFE_FIRST:
        cut = rest.find(" #")
        s = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in s or s[-1] == ":":
            raise _Out
        return _plain(s)
    if c == '"':
        m = _DQ.match(rest)
        if m is None:
            raise _Out
        return m.group(1)
    if c == "'":
        m = _SQ.match(rest)
        if m is None:
            raise _Out
        return m.group(1).replace("''", "'")
    if c == "[" or c == "{":
        found = _simple_flow(rest)
        value, i = found if found is not None else _flow(rest, 0, 0)
        if _TRAIL.match(rest, i) is None:
            raise _Out
        return value
    if c == "#":
        return None
    if _PLAIN_FIRST.match(rest) is None:
        raise _Out
    cut = rest.find(" #")
    s = (rest if cut < 0 else rest[:cut]).rstrip(" ")
    if ": " in s or s.endswith(":"):
        raise _Out
    return _plain(s)


def _flow(s, i, depth):
    """The flow collection or scalar at *s[i]*; returns (value, index after it and its spaces)."""
    if depth > _MAX_DEPTH:
        raise _Out
    c = s[i] if i < len(s) else ""
    if c == "[":
        out = []
        i = _SPACES.match(s, i + 1).end()
        if s.startswith("]", i):
            return out, _SPACES.match(s, i + 1).end()
        while True:
            v, i = _flow(s, i, depth + 1)
            out.append(v)
            c = s[i] if i < len(s) else ""
            if c == ",":
                i = _SPACES.match(s, i + 1).end()
                if s.startswith("]", i):  # a trailing comma
                    raise _Out
            elif c == "]":
                return out, _SPACES.match(s, i + 1).end()
            else:
                raise _Out
    if c == "{":
        out = {}
        i = _SPACES.match(s, i + 1).end()
        if s.startswith("}", i):
            return out, _SPACES.match(s, i + 1).end()
        while True:
            m = _FLOW_KEY.match(s, i)
            if m is None or m.group(1) in out:
                raise _Out
            v, i = _flow(s, m.end(), depth + 1)
            out[intern(m.group(1))] = v
            c = s[i] if i < len(s) else ""
            if c == ",":
                i = _SPACES.match(s, i + 1).end()
                if s.startswith("}", i):
                    raise _Out
            elif c == "}":
                return out, _SPACES.match(s, i + 1).end()
            else:
                raise _Out
    if c == '"':
        m = _FLOW_DQ.match(s, i)
        if m is None:
            raise _Out
        return m.group(1), _SPACES.match(s, m.end()).end()
    if c == "'":
        m = _FLOW_SQ.match(s, i)
        if m is None:
            raise _Out
        return m.group(1).replace("''", "'"), _SPACES.match(s, m.end()).end()
    m = _FLOW_PLAIN.match(s, i)
    if m is None:
        raise _Out
    return _plain(m.group().rstrip(" ")), m.end()


class _Lines:
    """The lines that hold something (no blank or comment-only lines): indent, text, number."""

    __slots__ = ("ind", "txt", "num", "n", "raw", "ends")

    def __init__(self, text):
        raw = self.raw = text.split("\n")
        self.ends = text.endswith("\n")
        stripped = [line.lstrip(" ") for line in raw]
        keep = [i for i, s in enumerate(stripped) if s and s[0] != "#"]
        self.txt = [stripped[i] for i in keep]
        self.ind = [len(raw[i]) - len(stripped[i]) for i in keep]
        self.num = keep  # 0-based line numbers
        self.n = len(keep)


def _item(t):
    return t[0] == "-" and (len(t) == 1 or t[1] == " ")


def _block(L, i, ind, depth, starts=None):
    """The block list or mapping whose lines start at *i* with indent *ind*; (value, next line)."""
    if depth > _MAX_DEPTH:
        raise _Out
    if _item(L.txt[i]):
        return _seq(L, i, ind, depth, starts)
    return _map(L, i, ind, depth)


def _seq(L, i, ind, depth, starts):
    out = []
    n, INDS, TXT = L.n, L.ind, L.txt
    while i < n and INDS[i] == ind and _item(TXT[i]):
        t = TXT[i]
        rest = t[1:].lstrip(" ")
        if not rest or rest[0] == "#":  # '- ' with the item on the lines below
            raise _Out
        inner = ind + len(t) - len(rest)
        if starts is not None:
            starts.append((L.num[i] + 1, inner + 1))
        if _item(rest) or _KEYLINE.match(rest):
            INDS[i], TXT[i] = inner, rest  # the item is a block list or mapping on this line
            v, i = _block(L, i, inner, depth + 1)
        else:
            v = _block_scalar(rest)
            i += 1
        out.append(v)
        if i < n and INDS[i] > ind:
            raise _Out
    return out, i


def _map(L, i, ind, depth, starts=None):
    """A block mapping; with *starts* (the top level), the start of each item of a list value
    is noted under its key."""
    out = {}
    n, INDS, TXT = L.n, L.ind, L.txt
    while i < n and INDS[i] == ind:
        t = TXT[i]
        m = _KEY_PLAIN.match(t)
        if m is not None:
            key, s = m.groups()
            if key in out:
                raise _Out
            out[intern(key)] = None if s in _NULLS else (Plain(s) if s[0] in _MAYBE else s)
            i += 1
            if i < n and INDS[i] > ind:
                raise _Out
            continue
        m = _KEYLINE.match(t)
        if m is None:
            raise _Out
        key, rest = m.groups()
        if key in out:
            raise _Out
        key = intern(key)  # one string per field name, not one per record
        i += 1
        if not rest or rest[0] == "#":
            if i < n and (INDS[i] > ind or (INDS[i] == ind and _item(TXT[i]))):
                found = None if starts is None else []
                v, i = _block(L, i, INDS[i], depth + 1, found)
                if found is not None and isinstance(v, list):
                    starts[key] = found
            else:
                v = None
        elif rest[0] == "|" or rest[0] == ">":
            v, i = _block_text(L, i, ind, rest)
        else:
            v = _block_scalar(rest)
        out[key] = v
        if i < n and INDS[i] > ind:
            raise _Out
    return out, i


_BLOCK_HEAD = re.compile(r"([|>])(-?) *(?:#.*)?\Z")


def _block_text(L, i, ind, head):
    """A block scalar ('|', '|-', '>', '>-') that is the value of a key at indent *ind*, whose
    header is on the line before significant line *i*; (value, the next significant line)."""
    m = _BLOCK_HEAD.match(head)
    if m is None:  # keep ('+') or an indentation indicator: the full reader
        raise _Out
    style, strip = m.groups()
    raw = L.raw
    j = L.num[i - 1] + 1 if i else 1
    lines, ci = [], None
    while j < len(raw):
        line = raw[j]
        s = line.lstrip(" ")
        if not s:
            if ci is None or len(line) > ci:  # leading empty lines, or spaces that would be content
                raise _Out
            lines.append("")
            j += 1
            continue
        indent = len(line) - len(s)
        if ci is None:
            if indent <= ind:
                break
            ci = indent
        if indent < ci:
            break
        if indent > ci or (style == ">" and line.endswith(" ")):  # kept as they are: the full reader
            raise _Out
        lines.append(s)
        j += 1
    if ci is None or (j == len(raw) and not L.ends):
        raise _Out
    while lines[-1] == "":
        lines.pop()
    if style == "|":
        value = "\n".join(lines)
    else:
        value, empty = lines[0], 0
        for line in lines[1:]:
            if line:
                value += ("\n" * empty if empty else " ") + line
                empty = 0
            else:
                empty += 1
    if not strip:
        value += "\n"
    while i < L.n and L.num[i] < j:
        i += 1
    return value, i


def _libyaml_accepts(text):
    if _CParser is None:
        return False
    parser = _CParser(text)
    try:
        parser.raw_parse()
        return True
    except yaml.YAMLError:
        return False
    finally:
        parser.dispose()


def parse_fast(text):
    """``(value, starts)`` of data-file *text*, or ``None`` when the full reader must read it.

    *value* is the top-level mapping; *starts* maps each top-level key whose
    value is a block list to the (line, column) of each item.
    """
    if (
        "\t" in text
        or "\r" in text
        or "\\" in text
        or "\ufeff" in text
        or "\x85" in text
        or "\u2028" in text
        or "\u2029" in text
    ):
        return None
    L = _Lines(text)
    if not L.n or L.ind[0] != 0 or L.txt[0].startswith(("---", "...", "%")):
        return None
    starts = {}
    try:
        out, i = _map(L, 0, 0, 0, starts)
    except (_Out, IndexError):
        return None
    if i != L.n:
        return None
    if not _libyaml_accepts(text):
        return None
    return out, starts
