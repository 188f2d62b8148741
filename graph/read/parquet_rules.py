"""A Parquet table held to the rules of the YAML reader before any cell becomes a value.

Parquet can hold what no data file may: bytes and decimals,
strings that are not UTF-8 (pyarrow does not check them, and Python fails on the first
one), control characters, ``NaN`` and infinities (which a loose reader turns into a field
not given), types nested without end. :func:`column_problems` refuses the whole file for
what is wrong with its columns (a located message naming the column), and
:func:`cell_problems` reports each row that holds a control character or a number that
is not one (``FILE:ROW:COLUMN``): those rows are not validated. Every check runs on whole
columns in pyarrow; Python looks at a column's values only to locate a problem it found.

>>> import pyarrow as pa
>>> t = pa.table({"id": ["a", "b"], "name": ["ok", "x\\x1b[2J"], "polarity": [1.0, float("nan")]})
>>> column_problems(t)
[]
>>> for row, field, message in cell_problems(t): print(row, field, message)  # doctest: +NORMALIZE_WHITESPACE
2 name the text holds the control character U+001B; text may hold tabs and line breaks, but no other control
characters: remove it
2 polarity NaN is not a number: leave the cell empty (null) to leave the field out, or give a number
>>> for row, message in column_problems(pa.table({"id": ["a"], "blob": pa.array([b"x"], pa.binary())})):
...     print(row, message)  # doctest: +NORMALIZE_WHITESPACE
2 the column 'blob' holds binary data, which no field takes: store text, numbers, true/false, dates,
or lists and maps of them
"""

from __future__ import annotations

from .base import CONTROL, control_message
from .json_rules import control_in

__all__ = ["column_problems", "cell_problems"]

# RE2 (pyarrow's regular expressions) spelling of graph.read.base.CONTROL (no surrogate is valid UTF-8)
_CONTROL_RE2 = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x{84}\x{86}-\x{9f}\x{FFFE}\x{FFFF}]"
_MAX_NESTING = 8


def _why_not(t, depth=0):
    """Why no field takes values of the Arrow type *t* (a phrase), or ``None`` when one may."""
    import pyarrow.types as at

    if depth > _MAX_NESTING:
        return f"lists or maps nested deeper than {_MAX_NESTING} levels"
    if (
        at.is_null(t)
        or at.is_boolean(t)
        or at.is_integer(t)
        or at.is_floating(t)
        or at.is_string(t)
        or at.is_large_string(t)
        or at.is_date(t)
        or at.is_timestamp(t)
    ):
        return None
    if at.is_dictionary(t):
        return _why_not(t.value_type, depth)
    if at.is_list(t) or at.is_large_list(t) or at.is_fixed_size_list(t):
        return _why_not(t.value_type, depth + 1)
    if at.is_map(t):
        return _why_not(t.key_type, depth + 1) or _why_not(t.item_type, depth + 1)
    if at.is_struct(t):
        return next(filter(None, (_why_not(t.field(i).type, depth + 1) for i in range(t.num_fields))), None)
    if at.is_binary(t) or at.is_large_binary(t) or at.is_fixed_size_binary(t):
        return "binary data"
    if at.is_decimal(t):
        return "decimal numbers (store them as double)"
    return f"values of type {t}"


def column_problems(table):
    """``[(column number, message)]`` for what keeps the whole *table* from being read."""
    out = []
    for i, name in enumerate(table.column_names, 1):  # (pyarrow refuses two columns of one name)
        bad = CONTROL.search(name)
        if bad is not None:
            out.append(
                (i, f"the column name '{name.encode('unicode_escape').decode()}': " + control_message(bad.group()))
            )
            continue
        why = _why_not(table.schema.field(i - 1).type)
        if why is not None:
            out.append(
                (
                    i,
                    f"the column '{name}' holds {why}, which no field takes: store text, numbers, "
                    "true/false, dates, or lists and maps of them",
                )
            )
            continue
        try:
            table.column(i - 1).validate(full=True)  # (UTF-8 of every string among others)
        except Exception as exc:  # noqa: BLE001 - pyarrow's ArrowInvalid, whatever it found
            out.append(
                (
                    i,
                    f"the column '{name}' cannot be read: {str(exc).splitlines()[0]} (the file is "
                    "damaged, or its text is not UTF-8)",
                )
            )
    return out


def _leaves(arr):
    """The string and floating-point arrays inside *arr* (flattened lists, maps, structs)."""
    import pyarrow as pa
    import pyarrow.types as at

    t = arr.type
    if at.is_dictionary(t):
        return _leaves(arr.dictionary)
    if at.is_string(t) or at.is_large_string(t) or at.is_floating(t):
        return [arr]
    if at.is_list(t) or at.is_large_list(t) or at.is_fixed_size_list(t):
        return _leaves(arr.flatten())
    if at.is_map(t):
        return _leaves(arr.keys) + _leaves(arr.items)
    if at.is_struct(t):
        return [x for i in range(t.num_fields) for x in _leaves(pa.StructArray.field(arr, i))]
    return []


def _bytes_may_hold_control(arr):
    """False when the UTF-8 bytes of the string array *arr* hold no control character (one of
    :data:`~graph.read.base.CONTROL`: a byte below 0x20 but tab, LF, CR; 0x7F; C2 80-9F but C2 85;
    EF BF BE-BF), read from its data buffer with numpy; True when they may."""
    import numpy as np
    import pyarrow.types as at

    if not (at.is_string(arr.type) or at.is_large_string(arr.type)):
        return True
    _, offsets, data = arr.buffers()
    if data is None:
        return False
    offsets = np.frombuffer(offsets, dtype=np.int64 if at.is_large_string(arr.type) else np.int32)
    b = np.frombuffer(data, dtype=np.uint8)[offsets[arr.offset] : offsets[arr.offset + len(arr)]]
    if not len(b):
        return False
    least, most = b.min(), b.max()
    if least >= 0x20 and most < 0x7F:  # (printable ASCII: the common case, two fast passes)
        return False
    low = b < 0x20 if least < 0x20 else None
    if (low is not None and (low & (b != 9) & (b != 10) & (b != 13)).any()) or (most >= 0x7F and (b == 0x7F).any()):
        return True
    if most < 0xC2:
        return False
    lead = np.flatnonzero(b[:-1] == 0xC2)
    if len(lead) and ((b[lead + 1] <= 0x9F) & (b[lead + 1] != 0x85)).any():
        return True
    lead = np.flatnonzero(b[:-2] == 0xEF)
    return bool(len(lead) and ((b[lead + 1] == 0xBF) & (b[lead + 2] >= 0xBE)).any())


def _suspect(arr):
    """True when *arr* (a string or floating-point array) may hold a value refused here."""
    import pyarrow.compute as pc
    import pyarrow.types as at

    if len(arr) == 0:
        return False
    if at.is_floating(arr.type):
        found = pc.any(pc.invert(pc.is_finite(arr)))
    elif not _bytes_may_hold_control(arr):  # (the bytes first: a pass of numpy over them)
        return False
    else:
        found = pc.any(pc.match_substring_regex(arr, _CONTROL_RE2))
    return bool(found.as_py())


def _bad_number(v):
    """A message for a value that holds NaN or an infinity, or ``None``."""
    todo = [v]
    while todo:
        x = todo.pop()
        if isinstance(x, float) and x - x != 0.0:
            what = "NaN" if x != x else "infinity"
            return f"{what} is not a number: leave the cell empty (null) to leave the field out, or give a number"
        if isinstance(x, dict):
            todo.extend(x.values())
        elif isinstance(x, (list, tuple)):
            todo.extend(x)
    return None


def cell_problems(table):
    """``[(row, column name, message)]`` (rows from 1) for each cell that holds a control
    character, NaN or an infinity; *table* has passed :func:`column_problems`."""
    out = []
    for name in table.column_names:
        column = table.column(name)
        if not any(_suspect(leaf) for chunk in column.chunks for leaf in _leaves(chunk)):
            continue
        for row, v in enumerate(column.to_pylist(), 1):  # (a problem was found: locate it)
            if v is None:
                continue
            bad = control_in(v)
            if bad is not None:
                out.append((row, name, control_message(bad[0])))
                continue
            msg = _bad_number(v)
            if msg is not None:
                out.append((row, name, msg))
    return out
