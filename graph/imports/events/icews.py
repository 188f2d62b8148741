"""ICEWS coded event files (tab-separated, with a header) to relations.

The layout is the ICEWS events files' (Harvard Dataverse): ``Event ID``,
``Event Date``, ``Source Name``, ``Source Sectors``, ``Source Country``,
``Event Text``, ``CAMEO Code``, ``Intensity``, ``Target Name``, ``Target Sectors``,
``Target Country``, ``Story ID``, ``Sentence Number``, ``Publisher``, ``City``,
``District``, ``Province``, ``Country``, ``Latitude``, ``Longitude``; the columns of
:data:`REQUIRED` must be there. ICEWS names its actors (``Pakistan``,
``Citizen (India)``): a name equal to its country is that state, other actors
are entities of their own, their kind from their sectors (government, military,
police, judiciary -> ``office`` of the country; rebels, insurgents -> ``armed_group``;
organisations -> ``organisation``; else ``collective``). ``CAMEO Code`` gives the
type and mode as for GDELT, ``Intensity`` (ICEWS's Goldstein-like score) the
polarity where the type gives none; the evidence record is
``"EVENT_ID story STORY_ID sentence N"``.
"""

from __future__ import annotations

import datetime as _dt
import re

from ...errors import Problem
from ...vocab import RELATION_TYPES
from .cameo import bad_code, event_type
from .rows import Relations, read_table

__all__ = ["convert", "REQUIRED", "COLUMNS"]

COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
REQUIRED = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
)
_KINDS = (
    ("office", ("government", "military", "police", "judicial", "legislative", "executive", "cabinet")),
    ("armed_group", ("rebel", "insurgent", "separatist", "militia")),
    ("organisation", ("international", "ngo", "non-governmental", "business", "media")),
)


def sector_kind(sectors) -> str:
    """The entity kind of an ICEWS actor from its sectors.

    >>> sector_kind("Government,Executive"), sector_kind("Insurgents"), sector_kind("")
    ('office', 'armed_group', 'collective')
    """
    s = str(sectors).lower()
    for kind, words in _KINDS:
        if any(w in s for w in words):
            return kind
    return "collective"


def convert(path, actors, source_id, problems, skipped, limit=200, notes=None):
    """The relations of one ICEWS file as a pyarrow table, or None when it has problems."""
    found = []
    rel = Relations(("cameo", "intensity"))
    col = {c: i + 1 for i, c in enumerate(COLUMNS)}
    pending = []
    for line, row in read_table(path, "\t", REQUIRED, found, "ICEWS", limit, notes):
        if not re.fullmatch(r"[A-Za-z0-9._:-]+", row["Event ID"].strip()):
            found.append(
                Problem(
                    str(path),
                    line,
                    col["Event ID"],
                    f"Event ID '{row['Event ID']}' is not an id (letters, digits, - _ . :)",
                )
            )
            continue
        code = row["CAMEO Code"].strip()
        why = bad_code(code)
        if why:
            found.append(Problem(str(path), line, col["CAMEO Code"], f"'{code}' is not a CAMEO event code: {why}"))
            continue
        try:
            day = _dt.date.fromisoformat(row["Event Date"].strip())
        except ValueError:
            found.append(
                Problem(
                    str(path), line, col["Event Date"], f"Event Date '{row['Event Date']}' is not a date YYYY-MM-DD"
                )
            )
            continue
        try:
            intensity = float(row["Intensity"]) if row["Intensity"].strip() else None
            if intensity is not None and not -10 <= intensity <= 10:
                raise ValueError
        except ValueError:
            found.append(
                Problem(
                    str(path), line, col["Intensity"], f"Intensity '{row['Intensity']}' is not a number from -10 to 10"
                )
            )
            continue
        pending.append((line, row, code, day, intensity))
    if found:
        problems.extend(sorted(found)[:limit])
        return None
    for _line, row, code, day, intensity in pending:
        mapped = event_type(code)
        if mapped is None:
            skipped["of CAMEO root 01 (statements: no PLOVER type)"] += 1
            continue
        if not row["Source Name"].strip() or not row["Target Name"].strip():
            skipped["without both actors"] += 1
            continue
        subj = actors.named(row["Source Name"], row["Source Country"], sector_kind(row["Source Sectors"]))
        obj = actors.named(row["Target Name"], row["Target Country"], sector_kind(row["Target Sectors"]))
        t, mode = mapped
        pol = RELATION_TYPES[t].polarity
        eid = row["Event ID"].strip()
        rel.add(
            id=f"icews-{eid}",
            subject=subj,
            object=obj,
            type=t,
            mode=mode,
            polarity=intensity if pol == 0 and intensity is not None else pol,
            modality="reported",
            when=day.isoformat(),
            source=source_id,
            record=f"{eid} story {row['Story ID'].strip()} sentence {row['Sentence Number'].strip()}",
            attributes={"cameo": code, "intensity": intensity},
        )
    return rel.table()
