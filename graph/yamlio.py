"""Read one YAML data file into plain Python values, keeping every location.

libyaml's C parser (where present) turns the text into *events*; this module
builds the values from them in one pass, with no implicit type resolution and
no constructor: nothing in a file can build a Python object, and YAML 1.1
guessing (``NO`` -> False, ``2023-05-01`` -> date, ``010`` -> 8) never
happens. Plain (unquoted) scalars come back as :class:`Plain` strings, quoted
ones as ``str``; the validator decides, field by field, whether a plain scalar
is a number. Empty plain scalars, ``~`` and ``null`` are ``None``.

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
>>> isinstance(doc.value["a"], Plain), isinstance(doc.value["b"], Plain)
(True, False)
>>> doc.locate("c")
(3, 4)
>>> parse_text("a: 1\\na: 2\\n", "x.yaml").problems[0].message
"duplicate key 'a' (first at line 1): each key may appear once in a mapping"
>>> print(parse_text("a: &x [1]\\nb: *x\\n", "x.yaml").problems[0])
x.yaml:1:4: anchor '&x' is not allowed: actorgraph data may not use anchors and aliases (&name / *name); write the value out in full
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat

import yaml

from .errors import Problem

__all__ = ["Plain", "Document", "REFUSED", "parse_text", "locate", "MAX_DEPTH", "MapNode", "SeqNode", "ScalarNode",
           "read_limited", "decode_utf8", "ReadProblem"]

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings a data file may use (the format needs 5)."""

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Parses events only (no nodes are composed, no values constructed)."""


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# Control characters that only an escape in "double quotes" can bring in (libyaml refuses them
# raw): they would garble a terminal and make XML exports unreadable. Tab, CR and LF stay.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class Plain(str):
    """A string that was written without quotes (so it may be read as a number)."""

    __slots__ = ()


# The node tree kept for locations: much lighter than yaml.Node (built once per value).
class ScalarNode:
    __slots__ = ("value", "start_mark")

    def __init__(self, value, start_mark):
        self.value = value
        self.start_mark = start_mark


class SeqNode:
    __slots__ = ("value", "start_mark")

    def __init__(self, value, start_mark):
        self.value = value          # list of nodes
        self.start_mark = start_mark


class MapNode:
    __slots__ = ("value", "start_mark")

    def __init__(self, value, start_mark):
        self.value = value          # list of (key ScalarNode, value node)
        self.start_mark = start_mark


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
            for knode, vnode in node.value:
                if knode.value == k:
                    node = knode if (key and i == last) else vnode
                    break
            else:
                return _mark(node)
        elif type(node) is SeqNode and isinstance(k, int):
            if 0 <= k < len(node.value):
                node = node.value[k]
            else:
                return _mark(node)
        else:
            return _mark(node)
    return _mark(node)


def _short(s, n=60):
    s = str(s)
    return s if len(s) <= n else s[: n - 3] + "..."


# What libyaml says -> what a newcomer should do about it.
_HINTS = (
    ("mapping values are not allowed",
     "a value that contains ': ' must be put in quotes, e.g. title: \"Pakistan: a view\""),
    ("could not find expected ':'",
     "each line of a mapping needs 'key: value'; put text that contains ': ' or ' #' in quotes"),
    ("found unexpected end of stream", "a quoted value or a [ ] / { } list is never closed"),
    ("did not find expected hexdecimal number",
     "in \"double quotes\" a backslash starts an escape (\\U, \\x...): write \\\\ for a backslash, or use "
     "'single quotes'"),
    ("found unknown escape character",
     "in \"double quotes\" a backslash starts an escape: write \\\\ for a backslash, or use 'single quotes'"),
    ("did not find expected key", "check the indentation: items of one mapping start in the same column"),
    ("did not find expected '-' indicator",
     "check the indentation: items of one list start with '- ' in the same column"),
    ("did not find expected ',' or ']'", "a [ ] list is not closed, or its items lack commas"),
    ("did not find expected ',' or '}'", "a { } mapping is not closed, or its items lack commas"),
    ("found undefined tag handle", "data files may not use tags ('!...'); remove it"),
    ("found character that cannot start any token",
     "a value cannot start with this character; put the value in quotes"),
    ("found incompatible YAML document", "remove the '%YAML' line"),
)
_ODD_BREAKS = (("\u2028", "U+2028 LINE SEPARATOR"), ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
               ("\x85", "U+0085 NEXT LINE"))
_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def _line_text(text, line):
    """The 0-based *line* of *text*, counting line breaks as libyaml does."""
    if text is None:
        return ""
    start = 0
    for _ in range(line):
        m = _BREAKS.search(text, start)
        if m is None:
            return ""
        start = m.end()
    m = _BREAKS.search(text, start)
    return text[start: m.start() if m else len(text)]


def _syntax_problem(path, exc, text=None):
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml gives the byte offset of a character YAML does not allow
        pos = exc.position or 0
        if text is not None:
            pos = len(text.encode("utf-8")[:pos].decode("utf-8", "ignore"))
            before = text[:pos]
            line = len(_BREAKS.findall(before)) + 1
            last = _BREAKS.search(before[::-1])
            col = (last.start() if last else len(before)) + 1
            ch = text[pos] if pos < len(text) else "?"
            code = f"U+{ord(ch):04X}"
        else:
            line, col, code = 1, 1, f"#x{exc.character:04x}" if isinstance(exc.character, int) else "?"
        return Problem(path, line, col,
                       f"character {code} is not allowed in a YAML file (a control or non-character code "
                       "point); remove it, or write it as an escape such as \"\\x01\" inside double quotes")
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    ctx = getattr(exc, "context", None)
    mark = pmark or cmark
    # where the problem *starts* is more useful than where libyaml gave up
    if cmark is not None and ctx in ("while scanning a simple key", "while scanning a quoted scalar"):
        mark = cmark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if pmark is not None and "\t" in _line_text(text, pmark.line)[: pmark.column + 1] and (
            "tab" in what or "cannot start any token" in what or "expected" in what):
        line, col = pmark.line + 1, pmark.column + 1
        return Problem(path, line, col, f"YAML syntax error: {what}: a tab character in the indentation; "
                       "indent with spaces, not tabs")
    msg = f"YAML syntax error: {what}"
    if ctx:
        msg += f" ({ctx}"
        if cmark is not None and mark is not cmark:
            msg += f" at line {cmark.line + 1}"
        msg += ")"
    for needle, hint in _HINTS:
        if needle in what:
            msg += f": {hint}"
            break
    return Problem(path, line, col, msg)


class _Stop(Exception):
    """The read stops here; the problem is already recorded."""


_SE, _MSE, _SSE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MEE, _SEE, _AE = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
_DSE = yaml.DocumentStartEvent
_ANCHOR_MSG = ("{what} '{sign}{name}' is not allowed: actorgraph data may not use anchors and aliases "
               "(&name / *name); write the value out in full")


def parse_text(text, path):
    """Parse YAML *text* (from file *path*, as displayed) into a :class:`Document`.

    Problems (syntax, duplicate keys, tags, anchors, aliases, keys that are not
    text, nesting deeper than :data:`MAX_DEPTH`, a second document) are
    collected in ``Document.problems``. When the read had to stop, ``value``
    and ``node`` are ``None``.
    """
    doc = Document(path)
    problems = doc.problems
    for sep, name in _ODD_BREAKS:
        if sep in text:
            before = text[: text.index(sep)]
            line = before.count("\n") + 1
            col = len(before) - (before.rfind("\n") + 1) + 1
            problems.append(Problem(path, line, col,
                                    f"the file holds the character {name}, which YAML reads as a line break "
                                    "but most editors do not show as one (so line numbers would not match); "
                                    "replace it with a normal line break or a space"))
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
        problems.append(_syntax_problem(path, exc, text))
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
    stack = []   # per open collection: [node, value, pending key (node, value) or None, keys seen or None, tag ok]
    root = None
    docs = 0
    while check():
        ev = get()
        t = type(ev)
        if t is _SE:
            if ev.anchor is not None:
                _anchor(ev, path, problems)
            tag = ev.tag
            if tag is not None and tag != _STR:
                _tag_problem(ev, tag, path, problems)
                _taint(stack, tainted)
                value = REFUSED
            elif ev.style == '"' and _CONTROL.search(ev.value):
                bad = _CONTROL.search(ev.value).group()
                line, col = _mark(ev)
                problems.append(Problem(path, line, col,
                                        f"the text holds the control character U+{ord(bad):04X} (written as an "
                                        "escape in double quotes); text may hold tabs and line breaks, but no "
                                        "other control characters: remove it"))
                _taint(stack, tainted)
                value = REFUSED
            else:
                value = ev.value
                if tag is None and not ev.style:   # plain and untagged: may be read as a number or null
                    value = None if value in _NULLS else Plain(value)
            node = ScalarNode(ev.value, ev.start_mark)
        elif t is _MSE or t is _SSE:
            if ev.anchor is not None:
                _anchor(ev, path, problems)
            if len(stack) >= MAX_DEPTH:
                line, col = _mark(ev)
                problems.append(Problem(path, line, col,
                                        f"nesting deeper than {MAX_DEPTH} levels of lists and mappings (the data "
                                        "format needs 5); the rest of the file is not read"))
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
                line, col = _mark(ev)
                problems.append(Problem(path, line, col,
                                        "a data file holds one YAML document; found a second one here "
                                        "(remove the '---' separator, or split the file in two)"))
                raise _Stop
            continue
        else:
            continue
        # attach (node, value) to its parent
        if not stack:
            root = (node, value)
            continue
        top = stack[-1]
        seen = top[3]
        if seen is None:                        # an item of a list
            top[0].value.append(node)
            top[1].append(value)
        elif top[2] is None:                    # a mapping key
            top[2] = (node, value)
        else:                                   # a mapping value
            knode, kvalue = top[2]
            top[2] = None
            if kvalue is REFUSED:                  # a tagged key: already reported
                continue
            if type(knode) is not ScalarNode:
                line, col = _mark(knode)
                problems.append(Problem(path, line, col,
                                        "a mapping key must be a plain name, not a list or a mapping"))
                _taint(stack, tainted)
                continue
            k = knode.value
            if k in seen:
                line, col = _mark(knode)
                problems.append(Problem(path, line, col,
                                        f"duplicate key '{_short(k)}' (first at line {seen[k]}): "
                                        "each key may appear once in a mapping"))
                continue
            if k == "<<" and type(kvalue) is Plain:
                line, col = _mark(knode)
                problems.append(Problem(path, line, col,
                                        "merge keys ('<<') are not allowed: write the fields out in full"))
                _taint(stack, tainted)
                continue
            seen[k] = knode.start_mark.line + 1
            top[0].value.append((knode, node))
            top[1][k] = value
    if root is None:
        return None, None
    return root


def _anchor(ev, path, problems):
    line, col = _mark(ev)
    if type(ev) is _AE:
        msg = _ANCHOR_MSG.format(what="alias", sign="*", name=_short(ev.anchor, 40))
    else:
        msg = _ANCHOR_MSG.format(what="anchor", sign="&", name=_short(ev.anchor, 40))
    problems.append(Problem(path, line, col, msg))
    raise _Stop


def _tag_problem(ev, tag, path, problems):
    line, col = _mark(ev)
    if tag.startswith("tag:yaml.org,2002:"):
        tag = "!!" + tag[len("tag:yaml.org,2002:"):]
    problems.append(Problem(path, line, col,
                            f"YAML tag '{_short(tag)}' is not allowed: data files hold plain text, numbers, "
                            "lists and mappings; remove the tag (and put the value in quotes if it "
                            "should stay text)"))


# --- reading files -----------------------------------------------------------------

class ReadProblem(Exception):
    """A file cannot be read; the message says why and what to do."""


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _why_unreadable(path, exc, what):
    """A newcomer-friendly reason why *path* could not be opened."""
    if os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if exc.errno == errno.ELOOP:
            return (f"cannot read {what}: it is a symbolic link ('{target}') that leads back to itself "
                    "(a symlink loop); replace the link with the file it should point to")
        if exc.errno == errno.ENOENT:
            return (f"cannot read {what}: it is a symbolic link to '{target}', which does not exist; "
                    "fix or remove the link")
    return f"cannot read {what}: {(exc.strerror or str(exc)).lower()}"


def read_limited(path, max_bytes, what="this file"):
    """Return the bytes of the regular file *path*; raise :class:`ReadProblem`.

    Named pipes, devices and folders are refused without being read (reading
    them could block forever or never end), and so is a file larger than
    *max_bytes* (its size is checked before it is read, and no more than
    ``max_bytes + 1`` bytes are ever read). *what* names the file in messages.
    """
    over = (f"{what} is {{size}} bytes, over the limit of {max_bytes:,} bytes; "
            + ("split it into several files, or raise" if what == "this file" else "raise")
            + " the limit (actorgraph validate --max-file-bytes SIZE, or ACTORGRAPH_MAX_FILE_BYTES)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ReadProblem(_why_unreadable(path, exc, what)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((k for test, k in _KINDS if test(st.st_mode)), "something else")
            raise ReadProblem(f"cannot read {what}: it is {kind}, not a regular file")
        if st.st_size > max_bytes:
            raise ReadProblem(over.format(size=f"{st.st_size:,}"))
        chunks = []
        n = 0
        while True:
            b = os.read(fd, min(1 << 20, max_bytes + 1 - n))
            if not b:
                break
            chunks.append(b)
            n += len(b)
            if n > max_bytes:   # it grew while it was read
                raise ReadProblem(over.format(size="more than " + f"{max_bytes:,}"))
        return b"".join(chunks)
    except OSError as exc:
        raise ReadProblem(f"cannot read {what}: {(exc.strerror or str(exc)).lower()}") from None
    finally:
        os.close(fd)


_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def decode_utf8(data, path):
    """Decode *data* as UTF-8 (a UTF-8 byte-order mark is dropped); return (text, problem)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        for bom, name in _BOMS:
            if data.startswith(bom):
                return None, Problem(path, 0, 0, f"the file is {name} text (it starts with a {name} "
                                     "byte-order mark); save it as UTF-8")
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        last = before[before.rfind(b"\n") + 1:]
        col = len(last.decode("utf-8", "replace")) + 1
        return None, Problem(path, line, col, f"byte 0x{data[exc.start]:02x} is not UTF-8 text: the file "
                             "was saved in another encoding (Latin-1, Windows-1252...); save it as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


