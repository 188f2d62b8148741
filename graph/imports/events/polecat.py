"""POLECAT event files (PLOVER-coded; tab-separated, with a header) to relations.

POLECAT codes events in PLOVER itself, so its event type and mode are kept;
the PLOVER types this vocabulary folds together are mapped (``DEMAND`` ->
REQUEST, ``DISAPPROVE`` -> ACCUSE/disapprove, ``INVESTIGATE`` ->
ACCUSE/investigate); ``CRIME`` events are left out and counted; any other type is
an error, located. The columns read (:data:`REQUIRED`, matched by name, so their
order does not matter) are ``Event ID``, ``Event Date``, ``Event Type``,
``Actor Name``, ``Actor Country``, ``Recipient Name`` and ``Recipient Country``;
``Event Mode``, ``Contexts`` and ``Story ID`` are used when present. Actors are
named (a name equal to its country is the state). Polarity is the PLOVER
type's default. The evidence record is the event id and the story id.

>>> plover_type("DEMAND", ""), plover_type("ASSAULT", "aerial"), plover_type("ASSAULT", "bombard")
(('REQUEST', None), ('ASSAULT', 'aerial'), ('ASSAULT', None))
"""

from __future__ import annotations

import datetime as _dt
import re

from ...errors import Problem
from ...vocab import RELATION_TYPES
from ...words import suggest
from .rows import Relations, read_table

__all__ = ["convert", "REQUIRED", "plover_type"]

REQUIRED = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Actor Name",
    "Actor Country",
    "Recipient Name",
    "Recipient Country",
)
_FOLDED = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
}
_LEFT_OUT = ("CRIME",)
_TYPES = sorted(set(t for t, rt in RELATION_TYPES.items() if not rt.structural) | set(_FOLDED) | set(_LEFT_OUT))


def plover_type(name, mode):
    """``(type, mode)`` in this vocabulary for a POLECAT type and mode (None: left out)."""
    name = name.strip().upper()
    if name in _LEFT_OUT:
        return None
    if name in _FOLDED:
        return _FOLDED[name]
    mode = mode.strip().lower() or None
    return name, (mode if mode in RELATION_TYPES[name].modes else None)


def convert(path, actors, source_id, problems, skipped, limit=200, notes=None):
    """The relations of one POLECAT file as a pyarrow table, or None when it has problems."""
    found, pending, col = [], [], {}
    rel = Relations(("plover_type", "plover_mode", "contexts"))
    for line, row in read_table(path, "\t", REQUIRED, found, "POLECAT", limit, notes):
        if not col:
            col = {c: i + 1 for i, c in enumerate(row)}
        t = row["Event Type"].strip().upper()
        if t not in _TYPES:
            found.append(
                Problem(
                    str(path),
                    line,
                    col["Event Type"],
                    f"unknown PLOVER event type "
                    f"'{row['Event Type']}'{suggest(t, _TYPES)}; expected one of: " + ", ".join(_TYPES),
                )
            )
            continue
        eid = row["Event ID"].strip()
        if not re.fullmatch(r"[A-Za-z0-9._:-]+", eid):
            found.append(Problem(str(path), line, col["Event ID"], f"Event ID '{eid}' is not an id"))
            continue
        try:
            day = _dt.date.fromisoformat(row["Event Date"].strip()[:10])
        except ValueError:
            found.append(
                Problem(
                    str(path), line, col["Event Date"], f"Event Date '{row['Event Date']}' is not a date YYYY-MM-DD"
                )
            )
            continue
        pending.append((row, t, eid, day))
    if found:
        problems.extend(sorted(found)[:limit])
        return None
    for row, t, eid, day in pending:
        mapped = plover_type(t, row.get("Event Mode", ""))
        if mapped is None:
            skipped[f"of PLOVER type {t} (not a claim between actors here)"] += 1
            continue
        if not row["Actor Name"].strip() or not row["Recipient Name"].strip():
            skipped["without both actors"] += 1
            continue
        subj = actors.named(row["Actor Name"], row["Actor Country"].strip() or None)
        obj = actors.named(row["Recipient Name"], row["Recipient Country"].strip() or None)
        name, mode = mapped
        contexts = [c.strip().lower() for c in re.split(r"[;,|]", row.get("Contexts", "")) if c.strip()]
        story = row.get("Story ID", "").strip()
        rel.add(
            id=f"polecat-{eid}",
            subject=subj,
            object=obj,
            type=name,
            mode=mode,
            polarity=RELATION_TYPES[name].polarity,
            modality="reported",
            when=day.isoformat(),
            source=source_id,
            record=eid + (f" story {story}" if story else ""),
            attributes={
                "plover_type": t,
                "plover_mode": row.get("Event Mode", "").strip() or None,
                "contexts": ", ".join(contexts) or None,
            },
        )
    return rel.table()
