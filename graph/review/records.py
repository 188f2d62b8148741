"""From the reviewer's decisions to data records: final ids, aliases of known entities, clean fields.

:func:`plan` takes the draft (its candidates with the reviewer's statuses and edits) and says what a
save writes: the accepted entities (a name the reviewer changed or made gets its id from the final
name; a name kept as the drafter proposed it keeps the drafter's id, such as QAT), the names
attached as aliases (an ``extend: true`` record of a known entity, or an alias of an entity made
here), the accepted claims with ids from their final content and every reference renamed to the
final ids, and the draft as it is after the save (``status: saved``, ``saved_as``). Nothing is
written here.

>>> draft = {"entities": [{"id": "ISLAMIC-EMIRATE", "name": "Islamic Emirate", "status": "alias",
...                        "alias_of": "TAL"}],
...          "relations": [{"id": "c1", "subject": "ISLAMIC-EMIRATE", "type": "ACCUSE", "object": "PAK",
...                         "modality": "reported", "evidence": [{"source": "s", "quote": "q"}],
...                         "status": "accepted", "cue": "'accused'"}]}
>>> p = plan(draft, source_id="s", known={"TAL": ("Taliban", ()), "PAK": ("Pakistan", ())}, claim_ids=set())
>>> p.entities, p.relations[0]["id"], p.relations[0]["subject"]
([{'id': 'TAL', 'extend': True, 'aliases': ['Islamic Emirate']}], 's-tal-accuse-pak', 'TAL')
>>> p.draft["relations"][0]["status"], p.draft["relations"][0]["saved_as"]
('saved', 's-tal-accuse-pak')
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ..model import FIELDS
from ..records.ids import ID_PATTERN
from .ids import claim_id, claimants, entity_id, rename
from .memory import REVIEWER_CUE

__all__ = ["plan", "Plan", "clean"]


@dataclass
class Plan:
    """What a save adds (``entities``, ``relations``: data records), the ``draft`` after it, and the
    ``problems`` that stop it (then nothing is written)."""

    entities: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    draft: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    rejected: int = 0
    aliases: int = 0


def clean(record: dict, kind: str) -> dict:
    """The data fields of *record* (those of *kind*), empty ones left out, evidence as {source, quote}."""
    out = {}
    for k in FIELDS[kind]:
        v = record.get(k)
        if v in (None, "", [], {}):
            continue
        if k == "evidence":
            v = [{x: ev[x] for x in ("source", "quote", "record") if ev.get(x)} for ev in v if isinstance(ev, dict)]
        elif k == "asserted_by":
            v = claimants(record)
            v = v[0] if len(v) == 1 else v
        out[k] = v
    return out


def _label(rel, i):
    q = next((ev.get("quote") for ev in rel.get("evidence") or [] if isinstance(ev, dict) and ev.get("quote")), "")
    q = q if len(q) <= 60 else q[:60] + "\u2026"
    return f"claim {i + 1} (\u201c{q}\u201d)"


def _typed(rec, taken, what, problems, known=None):
    """The id the reviewer typed for *rec*, when there is one and it is free; else None."""
    typed = rec.get("typed_id")
    if not typed:
        return None
    if not isinstance(typed, str) or not ID_PATTERN.match(typed):
        problems.append(
            f"{what}: the id '{typed}' is not an id: ASCII letters, digits and - _ . : only, "
            "starting with a letter or digit"
        )
    elif typed in taken:
        name = (known or {}).get(typed, (None,))[0]
        problems.append(
            f"{what}: the id '{typed}' exists already"
            + (f" ({name})" if name else "")
            + ": choose another id"
            + (", or attach the name as an alias of it" if name else "")
        )
    else:
        return typed
    return None


def _entity_ids(ents, known, taken, problems):
    """``{draft id: final id}`` of the draft's entities that become (or are) data: saved, accepted, aliases."""
    ids = {}
    for e in ents:
        if e.get("status") == "saved":
            ids[e["id"]] = e.get("saved_as") or e["id"]
    for e in ents:
        if e.get("status") == "accepted":
            what = f"entity '{e.get('name') or e['id']}'"
            if not str(e.get("name") or "").strip():
                problems.append(f"{what}: give it a name")
                continue
            first = (e.get("as_proposed") or {}).get("name", e["name"])
            drafted = (
                e.get("cue") != REVIEWER_CUE
                and first == e["name"]
                and ID_PATTERN.match(e["id"])
                and e["id"] not in taken
            )  # the drafter's id of the name it proposed stays
            final = _typed(e, taken, what, problems, known) or (e["id"] if drafted else entity_id(e["name"], taken))
            taken.add(final)
            ids[e["id"]] = final
    for e in ents:
        if e.get("status") == "alias":
            to = e.get("alias_of")
            to = ids.get(to, to if to in known else None)
            if to is None:
                problems.append(
                    f"'{e.get('name')}': an alias of '{e.get('alias_of')}', which is neither in the "
                    "data nor an entity accepted here: choose the entity it names"
                )
            else:
                ids[e["id"]] = to
    return ids


def _aliases(ents, ids, known, made):
    """The ``extend`` records (or the aliases added to entities *made* here) for the names attached as aliases."""
    extend = {}
    for e in ents:
        if e.get("status") != "alias" or e["id"] not in ids:
            continue
        to, name = ids[e["id"]], str(e.get("name") or "").strip()
        if to in made:
            rec = made[to]
            if name and name != rec["name"] and name not in rec.setdefault("aliases", []):
                rec["aliases"].append(name)
            continue
        have_name, have = known.get(to, ("", ()))
        if name and name != have_name and name not in have and name not in extend.setdefault(to, []):
            extend[to].append(name)
    return [{"id": to, "extend": True, "aliases": names} for to, names in extend.items() if names]


def _check_claim(rel, i, entity_ok, problems):
    what = _label(rel, i)
    for f in ("subject", "type", "object", "modality"):
        if not rel.get(f):
            problems.append(f"{what}: choose its {f}")
    for f in ("subject", "object"):
        if rel.get(f) and not entity_ok(rel[f]):
            problems.append(f"{what}: its {f} '{rel[f]}' is not an entity of the data or one accepted here")
    for x in claimants(rel):
        if not entity_ok(x):
            problems.append(f"{what}: its claimant '{x}' is not an entity of the data or one accepted here")
    if not any(isinstance(ev, dict) and ev.get("quote") for ev in rel.get("evidence") or []):
        problems.append(f"{what}: it needs a quote from the text")


def plan(draft: dict, *, source_id: str, known: dict, claim_ids) -> Plan:
    """What saving *draft* writes; *known* maps the data's entity ids to ``(name, aliases)`` (the
    target file's included), *claim_ids* holds the relation ids taken in the data."""
    out = Plan(draft=copy.deepcopy(draft))
    ents, rels = out.draft["entities"], out.draft["relations"]
    taken_e = set(known)
    ids = _entity_ids(ents, known, taken_e, out.problems)
    made = {}
    for e in ents:
        if e.get("status") == "accepted" and e["id"] in ids:
            rec = clean(e, "entities")
            rec["id"] = ids[e["id"]]
            if rec.get("part_of") in ids:
                rec["part_of"] = ids[rec["part_of"]]
            made[rec["id"]] = rec
    alias_records = _aliases(ents, ids, known, made)
    out.entities = list(made.values()) + alias_records
    entity_ok = lambda x: x in known or x in made  # noqa: E731
    taken_r = set(claim_ids)
    for i, rel in enumerate(rels):
        if rel.get("status") == "rejected":
            out.rejected += 1
        if rel.get("status") != "accepted":
            continue
        rename(rel, ids)
        before = len(out.problems)
        _check_claim(rel, i, entity_ok, out.problems)
        if len(out.problems) > before:
            continue
        final = _typed(rel, taken_r, _label(rel, i), out.problems) or claim_id(rel, source_id, taken_r)
        taken_r.add(final)
        rec = clean(rel, "relations")
        rec["id"] = final
        out.relations.append(rec)
        rel.update(status="saved", saved_as=final)
    for e in ents:
        if e.get("status") in ("accepted", "alias") and e["id"] in ids:
            out.aliases += e["status"] == "alias"
            e.update(status="saved", saved_as=ids[e["id"]])
    return out
