"""ACLED event files (comma-separated, with a header) to relations.

ACLED's export has ``event_id_cnty``, ``event_date``, ``year``, ``time_precision``,
``disorder_type``, ``event_type``, ``sub_event_type``, ``actor1``, ``assoc_actor_1``,
``inter1``, ``actor2``, ``assoc_actor_2``, ``inter2``, ``interaction``,
``civilian_targeting``, ``iso``, ``region``, ``country``, ``admin1``..``admin3``,
``location``, ``latitude``, ``longitude``, ``geo_precision``, ``source``,
``source_scale``, ``notes``, ``fatalities``, ``tags``, ``timestamp``; the columns of
:data:`REQUIRED` must be there. ACLED codes no CAMEO: its event and sub-event
types map onto PLOVER (:data:`TYPES`: battles, explosions and violence against
civilians are ASSAULT, protests and riots PROTEST, strategic developments by
their sub-event type); an event type outside ACLED's list is an error, located.
Actors are named; their kind comes from ``inter1``/``inter2`` (state forces ->
``office`` of the country, rebel groups and militias -> ``armed_group``...).
Events with no second actor are left out and counted. The evidence record is
``event_id_cnty`` and the source ACLED cites.

>>> TYPES[("Explosions/Remote violence", "Air/drone strike")], TYPES[("Strategic developments", "Agreement")]
(('ASSAULT', 'aerial'), ('AGREE', None))
"""

from __future__ import annotations

import datetime as _dt
import re

from ...errors import Problem
from ...vocab import RELATION_TYPES
from ...words import suggest
from .rows import Relations, read_table

__all__ = ["convert", "REQUIRED", "TYPES"]

REQUIRED = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "country",
    "source",
    "fatalities",
)
_ANY = None
TYPES = {
    ("Battles", _ANY): ("ASSAULT", "firearms"),
    ("Explosions/Remote violence", _ANY): ("ASSAULT", "explosives"),
    ("Explosions/Remote violence", "Air/drone strike"): ("ASSAULT", "aerial"),
    ("Violence against civilians", _ANY): ("ASSAULT", None),
    ("Protests", _ANY): ("PROTEST", "demonstrate"),
    ("Riots", _ANY): ("PROTEST", None),
    ("Strategic developments", "Agreement"): ("AGREE", None),
    ("Strategic developments", "Arrests"): ("COERCE", "arrest"),
    ("Strategic developments", "Looting/property destruction"): ("COERCE", "seize"),
    ("Strategic developments", "Non-violent transfer of territory"): ("RETREAT", None),
    ("Strategic developments", "Headquarters or base established"): ("MOBILIZE", None),
    ("Strategic developments", "Disrupted weapons use"): ("COERCE", None),
    ("Strategic developments", _ANY): None,  # change to group/activity, other: not an event between two
}
"""(event_type, sub_event_type) -> (PLOVER type, mode), ``None`` sub-type for the rest of an event type."""
_EVENT_TYPES = sorted({k for k, _ in TYPES})
_INTER = {
    "1": "office",
    "state forces": "office",
    "2": "armed_group",
    "rebel group": "armed_group",
    "3": "armed_group",
    "political militia": "armed_group",
    "4": "armed_group",
    "identity militia": "armed_group",
    "8": "organisation",
    "external/other forces": "organisation",
}


_OF = re.compile(r"(?: of |\()([A-Z][A-Za-z' ]+?)(?: \(|\)|$)")


def actor_country(name, country):
    """The country an ACLED actor name says it belongs to, else the event's *country*.

    >>> actor_country("Government of Pakistan (2018-)", "Afghanistan"), actor_country("Taliban", "Afghanistan")
    ('Pakistan', 'Afghanistan')
    >>> actor_country("Protesters (India)", "Pakistan")
    'India'
    """
    m = _OF.search(name)
    return m.group(1).strip() if m else country


def _date(text):
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def convert(path, actors, source_id, problems, skipped, limit=200, notes=None):
    """The relations of one ACLED file as a pyarrow table, or None when it has problems."""
    found, pending = [], []
    rel = Relations(("event_type", "sub_event_type", "fatalities"))
    header_col = {}
    for line, row in read_table(path, ",", REQUIRED, found, "ACLED", limit, notes):
        if not header_col:
            header_col = {c: i + 1 for i, c in enumerate(row)}
        et, sub = row["event_type"].strip(), row["sub_event_type"].strip()
        if et not in _EVENT_TYPES:
            found.append(
                Problem(
                    str(path),
                    line,
                    header_col["event_type"],
                    f"unknown ACLED event type '{et}'{suggest(et, _EVENT_TYPES)}; expected one of: "
                    + ", ".join(_EVENT_TYPES),
                )
            )
            continue
        eid = row["event_id_cnty"].strip()
        if not re.fullmatch(r"[A-Za-z0-9._:-]+", eid):
            found.append(Problem(str(path), line, header_col["event_id_cnty"], f"event_id_cnty '{eid}' is not an id"))
            continue
        day = _date(row["event_date"])
        if day is None:
            found.append(
                Problem(
                    str(path),
                    line,
                    header_col["event_date"],
                    f"event_date '{row['event_date']}' is not a date (YYYY-MM-DD or '16 May 2025')",
                )
            )
            continue
        f = row["fatalities"].strip()
        # (ASCII digits, and a count Parquet's integers hold: "1" * 40 or "²" is no count)
        if f and not re.fullmatch(r"[0-9]{1,12}", f):
            found.append(
                Problem(
                    str(path), line, header_col["fatalities"], f"fatalities '{f[:40]}' is not a count (0 to 12 digits)"
                )
            )
            continue
        pending.append((row, et, sub, eid, day, int(f) if f else None))
    if found:
        problems.extend(sorted(found)[:limit])
        return None
    for row, et, sub, eid, day, fatalities in pending:
        mapped = TYPES.get((et, sub), TYPES.get((et, _ANY)))
        if mapped is None:
            skipped[f"of ACLED type {et}: {sub or '-'} (no PLOVER type between two actors)"] += 1
            continue
        if not row["actor1"].strip() or not row["actor2"].strip():
            skipped["without both actors"] += 1
            continue
        country = row["country"].strip() or None
        a1, a2 = row["actor1"].strip(), row["actor2"].strip()
        subj = actors.named(a1, actor_country(a1, country), _INTER.get(row["inter1"].strip().lower(), "collective"))
        obj = actors.named(a2, actor_country(a2, country), _INTER.get(row["inter2"].strip().lower(), "collective"))
        t, mode = mapped
        src = row["source"].strip()
        rel.add(
            id=f"acled-{eid}",
            subject=subj,
            object=obj,
            type=t,
            mode=mode,
            polarity=RELATION_TYPES[t].polarity,
            modality="reported",
            when=day.isoformat(),
            source=source_id,
            record=eid + (f" ({src})" if src else ""),
            attributes={"event_type": et, "sub_event_type": sub or None, "fatalities": fatalities},
        )
    return rel.table()
