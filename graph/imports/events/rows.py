"""Event tables with a header row (ICEWS, ACLED, POLECAT): rows by column name, checked, as relations.

:func:`read_table` reads a delimited file with a header, checks that it has the
columns a format needs (a missing or misspelt column is reported at the header,
``FILE:1``, naming the columns expected) and that every row has the header's
width (``FILE:LINE``), and gives the rows as dicts with their line numbers.
:class:`Relations` gathers converted events column by column into the pyarrow
table every import writes (the columns of :data:`COLUMNS`).

>>> import tempfile, os
>>> p = os.path.join(tempfile.mkdtemp(), "e.tsv")
>>> _ = open(p, "w").write("Event ID\\tName\\n1\\tA\\n2\\n")
>>> probs = []
>>> [r for r in read_table(p, "\\t", ("Event ID", "Name"), probs, "ICEWS")]
[(2, {'Event ID': '1', 'Name': 'A'})]
>>> print(str(probs[0]).replace(p, "e.tsv"))
e.tsv:3: expected 2 tab-separated columns (as in the header), found 1
"""

from __future__ import annotations

import csv
import io
import re

from ...errors import Problem
from ...read.base import CONTROL
from ...words import suggest

__all__ = ["read_table", "Relations", "COLUMNS", "bare_returns"]

COLUMNS = ("id", "subject", "object", "type", "mode", "polarity", "modality", "when", "source", "record")
"""The columns of an imported relations table (then ``attributes.*`` columns)."""


_STRAY = {
    bytes: re.compile(rb"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]"),
    str: re.compile(r"\r(?!\n)|" + CONTROL.pattern),
}


def bare_returns(data, path, notes):
    """*data* (bytes or text) with each carriage return that does not end a line -- one inside a
    field -- and each control character (no text may hold one, see
    :data:`graph.read.base.CONTROL`) read as a space; *notes* gets how many and on which lines
    (counted by line feeds, as editors count them). A parser that ends a row at a carriage
    return would lose the row, or shift the line of every later one.

    >>> notes = []
    >>> bare_returns(b"a\\tPAKI\\rSTAN\\r\\nb\\tc\\n", "e.tsv", notes), notes
    (b'a\\tPAKI STAN\\r\\nb\\tc\\n', ['e.tsv: read 1 carriage return inside a field as a space (line 1)'])
    """
    stray = _STRAY[type(data)]
    cr, nl = (b"\r", b"\n") if isinstance(data, bytes) else ("\r", "\n")
    lines, returns, others = [], 0, 0
    for m in stray.finditer(data):
        if m.group() == cr:
            returns += 1
        else:
            others += 1
        if len(lines) < 5:
            lines.append(data.count(nl, 0, m.start()) + 1)
    if not lines:
        return data
    fixed = stray.sub(b" " if isinstance(data, bytes) else " ", data)
    n = returns + others
    what = " and ".join(w for w in (_count(returns, "carriage return"), _count(others, "control character")) if w)
    where = ", ".join(map(str, dict.fromkeys(lines))) + (", ..." if n > len(lines) else "")
    notes.append(
        f"{path}: read {what} inside a field as {'spaces' if n > 1 else 'a space'} "
        f"(line{'s' if len(set(lines)) > 1 or n > len(lines) else ''} {where})"
    )
    return fixed


def _count(n, what):
    return f"{n:,} {what}{'s' if n > 1 else ''}" if n else ""


def read_table(path, delimiter, required, problems, what, limit=200, notes=None):
    """The rows of *path* as ``(line, {column: value})``; problems appended (nothing is yielded
    when the header lacks a *required* column). A carriage return inside a field is read as a
    space (said in *notes*, see :func:`bare_returns`)."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
        text = bare_returns(raw.decode("utf-8-sig"), str(path), [] if notes is None else notes)
    except UnicodeDecodeError as exc:
        problems.append(Problem(str(path), 0, 0, f"not UTF-8 text (byte {exc.start + 1})"))
        return
    except OSError as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot read: {exc.strerror or exc}"))
        return
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter,
        quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL,
    )
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(str(path), 0, 0, f"an empty file: {what} files start with a header row"))
        return
    missing = [c for c in required if c not in header]
    if missing:
        for c in missing:
            problems.append(
                Problem(
                    str(path),
                    1,
                    0,
                    f"missing column '{c}'{suggest(c, header)}; {what} event "
                    "files have the columns: " + ", ".join(required),
                )
            )
        return
    sep = "tab-separated" if delimiter == "\t" else "comma-separated"
    n_bad = 0
    try:
        for row in reader:
            line = reader.line_num
            if not row:
                continue
            if len(row) != len(header):
                n_bad += 1
                if n_bad <= limit:
                    problems.append(
                        Problem(
                            str(path),
                            line,
                            0,
                            f"expected {len(header)} {sep} columns (as in the header), found {len(row)}",
                        )
                    )
                continue
            yield line, dict(zip(header, row, strict=True))
    except csv.Error as exc:
        problems.append(Problem(str(path), reader.line_num, 0, f"not a valid {sep} row: {exc}"))


class Relations:
    """Converted events, gathered column by column; ``table()`` gives the pyarrow table."""

    def __init__(self, attributes=()):
        self.columns = {c: [] for c in COLUMNS}
        self.attributes = {a: [] for a in attributes}

    def __len__(self):
        return len(self.columns["id"])

    def add(self, attributes=None, **fields):
        for c in COLUMNS:
            self.columns[c].append(fields.get(c))
        for a in self.attributes:
            self.attributes[a].append((attributes or {}).get(a))

    def table(self):
        import pyarrow as pa

        cols = dict(self.columns)
        cols["polarity"] = pa.array(cols["polarity"], pa.float64())
        for a, values in self.attributes.items():
            cols[f"attributes.{a}"] = values
        return pa.table(cols)
