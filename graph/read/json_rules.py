"""One JSON Lines record decoded under the rules of the YAML reader, so that nothing looser gets in.

``json.loads`` alone accepts what no data file may hold: ``NaN`` and ``Infinity``, a key
given twice (the last one silently wins), control characters written as escapes
(``\\u001b``, which starts a terminal's escape sequence), integers of any length (and fails,
with no location, past 4,300 digits), nesting as deep as the interpreter's stack allows
(and fails with ``RecursionError``). :func:`decode_record` holds a line to the rules of
the YAML reader (:mod:`graph.read.yaml_events`):

* ``NaN``, ``Infinity``, ``-Infinity`` are refused (JSON has no such numbers): write
  ``null`` to leave a field out;
* a duplicate key is reported, and the first value kept;
* a control character in a key or a text is reported, and the record is not validated;
* nesting deeper than :data:`MAX_DEPTH` levels is refused;
* a number too large for a float is kept as the text written (a
  :class:`~graph.read.base.Plain`, as YAML keeps a plain scalar), and so is an integer of
  more than 20 digits (made text where the record is built, :func:`graph.read.bulk.record_values`;
  past the decoder's 4,300 digits, here): a number field reads it and says it is out of range;
  an attribute keeps the text.

>>> decode_record('{"id": "a", "n": 1e999, "big": 1' + '0' * 5000 + '}')[0]["n"]
'1e999'
>>> len(decode_record('{"big": 1' + '0' * 5000 + '}')[0]["big"])
5001
>>> decode_record('{"subject": "A", "subject": "B"}')[:2]
({'subject': 'A'}, ["duplicate key 'subject' in this record: each key may appear once (the first one is used)"])
>>> problems, tainted = decode_record('{"name": "x\\\\u001b]0;title\\\\u0007"}')[1:]
>>> print(problems[0], tainted)  # doctest: +NORMALIZE_WHITESPACE
the text holds the control character U+001B (in the text of 'name'); text may hold tabs and line breaks,
but no other control characters: remove it True
>>> decode_record('{"polarity": NaN}')
Traceback (most recent call last):
...
graph.errors.NotJson: NaN is not a number in JSON: write null to leave the field out, or a number
"""

from __future__ import annotations

import json

from ..errors import NotJson
from ..words import short
from .base import CONTROL, MAX_DEPTH, Plain, control_message

__all__ = ["decode_record", "MAX_DEPTH", "control_in"]

_DEEP = f"nesting deeper than {MAX_DEPTH} levels of lists and objects (the data format needs 3): this line is not read"


def _constant(name):
    raise NotJson(f"{name} is not a number in JSON: write null to leave the field out, or a number")


def _int(s):
    return int(s) if len(s) <= 20 else Plain(s)


def _float(s):
    x = float(s)
    return x if x - x == 0.0 else Plain(s)  # (inf - inf is nan)


def _depth(value):
    """How deep lists and mappings nest in *value* (a scalar: 0), without recursion."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        v, d = todo.pop()
        items = v.values() if isinstance(v, dict) else v if isinstance(v, list) else None
        if items is None:
            continue
        deepest = max(deepest, d)
        todo.extend((x, d + 1) for x in items if isinstance(x, (dict, list)))
    return deepest


def control_in(value):
    """``(character, where)`` of the first control character in *value*'s keys and texts, or ``None``."""
    todo = [(value, None)]
    while todo:
        v, key = todo.pop()
        if isinstance(v, str):
            m = CONTROL.search(v)
            if m is not None:
                return m.group(), (f" (in the text of '{short(key)}')" if key is not None else "")
        elif isinstance(v, dict):
            for k, x in v.items():
                m = CONTROL.search(k)
                if m is not None:
                    return m.group(), " (in a key)"
                todo.append((x, k))
        elif isinstance(v, (list, tuple)):
            todo.extend((x, key) for x in v)
    return None


class _Duplicate(Exception):
    """A key given twice in an object: the line is read again, the slow way."""


def _pairs(items):
    d = dict(items)
    if len(d) != len(items):
        raise _Duplicate
    return d


_FAST = json.JSONDecoder(parse_float=_float, parse_constant=_constant, object_pairs_hook=_pairs)


def _slow(line, dups):
    """The value of *line* read with hooks: keys given twice noted in *dups* (the first value
    kept), numbers too long for the decoder or a float kept as text."""

    def pairs(items):
        d = dict(items)
        if len(d) != len(items):
            d = {}
            for k, v in items:
                if k in d:
                    dups.append(k)
                else:
                    d[k] = v
        return d

    return json.loads(line, parse_int=_int, parse_float=_float, parse_constant=_constant, object_pairs_hook=pairs)


def decode_record(line):
    """``(value, problems, tainted)`` of one JSON Lines *line*; raise :class:`NotJson`.

    *problems* are messages about the line (the record is still used); *tainted* is True
    when the record holds something refused (a control character): it is then not validated.
    """
    dups = []
    try:
        try:  # the fast way; integers past 20 digits are made text where records are built (graph.read.bulk)
            value = (
                _FAST.decode(line)
                if line[:1] != "\ufeff"
                else json.loads(  # (json.loads says 'BOM')
                    line, parse_float=_float, parse_constant=_constant, object_pairs_hook=_pairs
                )
            )
        except _Duplicate:
            value = _slow(line, dups)
        except json.JSONDecodeError:
            raise
        except ValueError:  # an integer past the decoder's 4,300 digits
            value = _slow(line, dups)
    except NotJson:
        raise
    except RecursionError:
        raise NotJson(_DEEP) from None
    except json.JSONDecodeError as exc:
        raise NotJson(f"{exc.msg} (column {exc.colno})") from None
    except ValueError as exc:  # defensive: any other refusal of the decoder
        raise NotJson(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    if line.count("[") + line.count("{") > MAX_DEPTH and _depth(value) > MAX_DEPTH:
        raise NotJson(_DEEP)
    problems = [
        f"duplicate key '{short(k)}' in this record: each key may appear once (the first one is used)"
        for k in dict.fromkeys(dups)
    ]
    tainted = False
    if "\\u" in line or CONTROL.search(line):
        bad = control_in(value)
        if bad is not None:
            problems.append(control_message(*bad))
            tainted = True
    return value, problems, tainted
