"""Ids from content: a saved claim's id from its final subject, type, object, claimant and date,
an entity's from its final name; readable, the same for the same content, unique among *taken*.

>>> claim_id({"subject": "QAT", "type": "CONSULT", "object": "AFG", "asserted_by": "QAT"}, "clash-2026", set())
'clash-2026-qat-consult-afg'
>>> claim_id({"subject": "AFG", "type": "ASSAULT", "object": "PAK", "asserted_by": ["AFG-MOD", "TAL"],
...           "when": "2026-03-13"}, "clash-2026", {"clash-2026-afg-assault-pak-by-afg-mod-tal-2026-03-13"})
'clash-2026-afg-assault-pak-by-afg-mod-tal-2026-03-13-2'
>>> entity_id("Ministry of Defence (Afghanistan)", {"MINISTRY-OF-DEFENCE-AFGHANISTAN"})
'MINISTRY-OF-DEFENCE-AFGHANISTAN-2'
"""

from __future__ import annotations

import re

__all__ = ["claim_id", "entity_id", "claimants", "rename", "unique"]


def _slug(v) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(v).lower()).strip("-")


def claimants(rel) -> list:
    """The claim's ``asserted_by`` as a list of ids (none, one or several)."""
    v = rel.get("asserted_by")
    if v in (None, "", []):
        return []
    return [str(x) for x in v] if isinstance(v, list) else [str(v)]


def rename(rel: dict, ids: dict) -> dict:
    """*rel* (changed in place) with the entity ids of its subject, object and claimants renamed by *ids*."""
    for f in ("subject", "object"):
        if rel.get(f) in ids:
            rel[f] = ids[rel[f]]
    who = claimants(rel)
    if any(x in ids for x in who):
        who = list(dict.fromkeys(ids.get(x, x) for x in who))
        rel["asserted_by"] = who[0] if len(who) == 1 else who
    return rel


def unique(base: str, taken) -> str:
    """*base*, or *base*-2, -3 ... the first that is not in *taken*."""
    out, n = base, 1
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


def claim_id(rel: dict, source_id: str, taken) -> str:
    """``SOURCE-SUBJECT-TYPE-OBJECT[-by-CLAIMANTS][-WHEN]``, lowercase, made unique among *taken*;
    the claimants are named when they are not just the subject itself."""
    parts = [source_id, rel.get("subject"), rel.get("type"), rel.get("object")]
    who = claimants(rel)
    if who and who != [rel.get("subject")]:
        parts += ["by", *who]
    if rel.get("when"):
        parts.append(rel["when"])
    base = "-".join(s for s in (_slug(p) for p in parts if p) if s)[:120].strip("-") or "claim"
    return unique(base, taken)


def entity_id(name: str, taken) -> str:
    """The name's words in capitals joined by '-' (ASCII letters and digits), unique among *taken*."""
    base = "-".join(w.upper() for w in re.findall(r"[A-Za-z0-9]+", str(name)))[:60].strip("-") or "ENTITY"
    return unique(base, taken)
