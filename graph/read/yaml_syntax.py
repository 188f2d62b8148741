"""What a YAML syntax error means, said so that a newcomer can fix it.

>>> import yaml
>>> try:
...     yaml.safe_load("name: Pakistan: a view\\n")
... except yaml.YAMLError as exc:
...     print(syntax_problem("a.yaml", exc, "name: Pakistan: a view\\n"))  # doctest: +NORMALIZE_WHITESPACE
a.yaml:1:15: YAML syntax error: mapping values are not allowed here:
a value that contains ': ' must be put in quotes, e.g. title: "Pakistan: a view"
"""

from __future__ import annotations

import re

import yaml

from ..errors import Problem

__all__ = ["syntax_problem", "odd_break", "BREAKS"]

# What libyaml says -> what a newcomer should do about it.
_HINTS = (
    (
        "mapping values are not allowed",
        "a value that contains ': ' must be put in quotes, e.g. title: \"Pakistan: a view\"",
    ),
    (
        "could not find expected ':'",
        "each line of a mapping needs 'key: value'; put text that contains ': ' or ' #' in quotes",
    ),
    ("found unexpected end of stream", "a quoted value or a [ ] / { } list is never closed"),
    (
        "did not find expected hexdecimal number",
        'in "double quotes" a backslash starts an escape (\\U, \\x...): write \\\\ for a backslash, or use '
        "'single quotes'",
    ),
    (
        "found unknown escape character",
        "in \"double quotes\" a backslash starts an escape: write \\\\ for a backslash, or use 'single quotes'",
    ),
    ("did not find expected key", "check the indentation: items of one mapping start in the same column"),
    (
        "did not find expected '-' indicator",
        "check the indentation: items of one list start with '- ' in the same column",
    ),
    ("did not find expected ',' or ']'", "a [ ] list is not closed, or its items lack commas"),
    ("did not find expected ',' or '}'", "a { } mapping is not closed, or its items lack commas"),
    ("found undefined tag handle", "data files may not use tags ('!...'); remove it"),
    (
        "found character that cannot start any token",
        "a value cannot start with this character; put the value in quotes",
    ),
    ("found incompatible YAML document", "remove the '%YAML' line"),
)
_ODD_BREAKS = (
    ("\u2028", "U+2028 LINE SEPARATOR"),
    ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
    ("\x85", "U+0085 NEXT LINE"),
)
BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def _line_text(text, line):
    """The 0-based *line* of *text*, counting line breaks as libyaml does."""
    if text is None:
        return ""
    start = 0
    for _ in range(line):
        m = BREAKS.search(text, start)
        if m is None:
            return ""
        start = m.end()
    m = BREAKS.search(text, start)
    return text[start : m.start() if m else len(text)]


def syntax_problem(path, exc, text=None):
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml gives the byte offset of a character YAML does not allow
        pos = exc.position or 0
        if text is not None:
            pos = len(text.encode("utf-8")[:pos].decode("utf-8", "ignore"))
            before = text[:pos]
            line = len(BREAKS.findall(before)) + 1
            last = BREAKS.search(before[::-1])
            col = (last.start() if last else len(before)) + 1
            ch = text[pos] if pos < len(text) else "?"
            code = f"U+{ord(ch):04X}"
        else:
            line, col, code = 1, 1, f"#x{exc.character:04x}" if isinstance(exc.character, int) else "?"
        return Problem(
            path,
            line,
            col,
            f"character {code} is not allowed in a YAML file (a control or non-character code "
            'point); remove it, or write it as an escape such as "\\x01" inside double quotes',
        )
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    ctx = getattr(exc, "context", None)
    mark = pmark or cmark
    # where the problem *starts* is more useful than where libyaml gave up
    if cmark is not None and ctx in ("while scanning a simple key", "while scanning a quoted scalar"):
        mark = cmark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if (
        pmark is not None
        and "\t" in _line_text(text, pmark.line)[: pmark.column + 1]
        and ("tab" in what or "cannot start any token" in what or "expected" in what)
    ):
        line, col = pmark.line + 1, pmark.column + 1
        return Problem(
            path,
            line,
            col,
            f"YAML syntax error: {what}: a tab character in the indentation; indent with spaces, not tabs",
        )
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


def odd_break(text, path):
    """A problem for the first line break that editors do not show as one, or ``None``."""
    for sep, name in _ODD_BREAKS:
        if sep in text:
            before = text[: text.index(sep)]
            line = before.count("\n") + 1
            col = len(before) - (before.rfind("\n") + 1) + 1
            return Problem(
                path,
                line,
                col,
                f"the file holds the character {name}, which YAML reads as a line break "
                "but most editors do not show as one (so line numbers would not match); "
                "replace it with a normal line break or a space",
            )
    return None
