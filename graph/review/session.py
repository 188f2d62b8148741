"""A review session: one draft, its text and data; the decisions kept in the draft as they are made,
and a save into the target data file as one transaction.

The session knows the only files it writes: the draft and the target data file (``into``, a YAML
file inside the data folder). :meth:`ReviewSession.decide` keeps the reviewer's decisions and edits
in the draft, atomically, as they are made (a reload loses nothing). :meth:`ReviewSession.save` turns
the accepted ones into records (:mod:`~graph.review.records`: ids from content, aliases of known
entities), validates the whole data folder as it would be with them, in place, without copying or
writing anything (:func:`graph.loader.check` with the target replaced), and only then writes the
target and the draft together (:mod:`~graph.review.journal`): accepted candidates become
``status: saved`` (``saved_as`` their final id), rejected and merged ones stay in the draft, so that
drafting the text again does not propose them (:mod:`~graph.review.memory`).

A request made from a page that is behind (the draft changed in another tab or on disk) and a save
while another runs are refused with :class:`Conflict`; nothing is written.
"""

from __future__ import annotations

import copy
import hashlib
import os
import threading
from pathlib import Path

from ..atomic import write_atomic
from ..draft import read_text
from ..draft.output import _plain, dump, read_draft
from ..errors import Conflict, DataError, DraftError, DraftFileError, JournalError, ReviewError
from ..loader import check, load
from ..model import FIELDS
from ..read.yaml_events import parse_text
from ..texts import find_quote, inside
from ..vocab import CONTEXTS, ENTITY_KINDS, MODALITIES, RELATION_TYPES
from .journal import commit, journal_path, recover
from .memory import REVIEWER_CUE, proposal
from .records import plan

__all__ = ["ReviewSession"]

STATUSES = {
    "relations": ("draft", "accepted", "rejected", "merged", "saved"),
    "entities": ("draft", "accepted", "rejected", "alias", "saved"),
}
REVIEW_KEYS = ("status", "cue", "confidence", "typed_id", "merged_into", "alias_of", "saved_as", "as_proposed")
_KEPT = ("saved_as", "as_proposed")  # the session's own: never taken from a request
#: the fields a request may give only as text (or null); ``asserted_by``: text or a list of texts
TEXT_FIELDS = {
    "relations": ("subject", "object", "type", "mode", "modality", "when", "note", "typed_id", "merged_into"),
    "entities": ("name", "kind", "part_of", "description", "alias_of", "typed_id"),
}
YAML_SUFFIXES = (".yaml", ".yml")


def _rel(target, start_dir):
    return Path(os.path.relpath(os.path.abspath(target), os.path.abspath(start_dir))).as_posix()


def _normalise(rel, source_id):
    """A candidate as the page edits it: every quote in ``evidence`` (a draft's ``quotes`` list too),
    no empty ``when``."""
    quotes = rel.pop("quotes", None)
    ev = [x for x in rel.get("evidence") or [] if isinstance(x, dict)]
    have = {x.get("quote") for x in ev}
    for q in quotes if isinstance(quotes, list) else ():
        q = q.get("quote") if isinstance(q, dict) else q
        if isinstance(q, str) and q and q not in have:
            ev.append({"source": source_id, "quote": q})
            have.add(q)
    rel["evidence"] = ev
    if rel.get("when") in (None, ""):
        rel.pop("when", None)
    return rel


def _merge(old, items, kind):
    """The draft's records with the reviewer's *items* (by id; new ids appended): saved records stay
    as they were, records the request does not name are kept, the session's own keys are kept."""
    by_id = {x["id"]: x for x in items}
    out = []
    for x in old:
        y = by_id.pop(x["id"], None)
        if y is None or x.get("status") == "saved":
            out.append(x)
            continue
        y = {k: v for k, v in y.items() if k not in _KEPT} | {k: x[k] for k in _KEPT if k in x}
        first = proposal if kind == "relations" else (lambda e: {"name": e.get("name")})
        if x.get("cue") != REVIEWER_CUE and "as_proposed" not in y and first(x) != first(y):
            y["as_proposed"] = first(x)  # what the drafter first proposed (the memory, the ids)
        out.append(y)
    out.extend({k: v for k, v in y.items() if k not in _KEPT} for y in by_id.values())
    return out


def _check_types(x, kind, what):
    """A clear 400 for a field of the wrong type (a list where an entity id goes...), before any use."""
    for f in TEXT_FIELDS[kind]:
        v = x.get(f)
        if v is not None and not isinstance(v, str):
            raise ReviewError(f"{what} {x['id']!r}: '{f}' must be text", 2)
    who = x.get("asserted_by")
    if (
        who is not None
        and not isinstance(who, str)
        and not (isinstance(who, list) and all(isinstance(w, str) for w in who))
    ):
        raise ReviewError(f"{what} {x['id']!r}: 'asserted_by' must be an entity id or a list of them", 2)


class ReviewSession:
    """The draft at *draft_path*, reviewed into the data file *into* (default DATA/SOURCE-ID.yaml)."""

    def __init__(self, draft_path, into=None):
        self.draft_path = os.path.abspath(draft_path)
        self.journal = journal_path(self.draft_path)
        self.lock = threading.Lock()
        self.rev = 0
        self._read_draft(draft_path)
        here = os.path.dirname(self.draft_path)
        head = self.doc["draft"]
        self.text_path = os.path.normpath(os.path.join(here, str(head.get("text") or "")))
        self.data_path = os.path.normpath(os.path.join(here, str(head.get("data") or "data")))
        if inside(self.draft_path, self.data_path):
            raise ReviewError(f"{draft_path} is inside the data folder: move drafts out of it (default drafts/)", 2)
        try:  # a save interrupted between its writes is finished first
            if recover(
                self.journal,
                lambda p: p == self.draft_path or (inside(p, self.data_path) and p.lower().endswith(YAML_SUFFIXES)),
            ):
                self._read_draft(draft_path)
        except (JournalError, OSError) as exc:
            raise ReviewError(str(exc)) from None
        try:
            self.text = read_text(self.text_path)
        except (DraftError, OSError) as exc:
            raise ReviewError(f"the draft's text: {getattr(exc, 'strerror', None) or exc}") from None
        self._load_data()
        self.source_id = (
            self.doc["sources"][0].get("id")
            if self.doc["sources"]
            else next(
                (
                    ev.get("source")
                    for r in self.doc["relations"]
                    for ev in r.get("evidence") or []
                    if isinstance(ev, dict)
                ),
                None,
            )
        )
        if not self.source_id:
            raise ReviewError(f"{draft_path}: the draft names no source")
        for r in self.doc["relations"]:
            _normalise(r, self.source_id)
        self.into = os.path.abspath(into or os.path.join(self.data_path, f"{self.source_id}.yaml"))
        if not inside(self.into, self.data_path) or os.path.isdir(self.into):
            raise ReviewError(
                f"--into {into}: the target must be a data file inside the data folder "
                f"{self.data_path}, so that it is validated with the data",
                2,
            )
        # the target's path as the data folder's walk gives it (so that it is validated in its place)
        self.into = os.path.join(
            self.data_path, os.path.relpath(os.path.realpath(self.into), os.path.realpath(self.data_path))
        )
        if not self.into.lower().endswith(YAML_SUFFIXES):
            raise ReviewError(
                f"--into {into}: the target must be a YAML data file (.yaml or .yml): the review "
                "writes YAML; give a new or existing .yaml file inside the data folder",
                2,
            )

    # -- the files -----------------------------------------------------------------------------
    def _read_draft(self, shown=None):
        shown = shown or self.draft_path
        try:
            raw = Path(self.draft_path).read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReviewError(f"cannot read the draft {shown}: {getattr(exc, 'strerror', None) or exc}") from None
        try:
            doc = read_draft(text, shown)
        except DraftFileError as exc:
            raise ReviewError(str(exc)) from None
        for kind in ("relations", "entities"):
            seen = set()
            for i, x in enumerate(doc[kind]):
                rid = x.get("id") if isinstance(x, dict) else None
                if not isinstance(rid, str) or not rid or rid in seen:
                    why = "has the id of an item before it" if isinstance(rid, str) and rid else "has no 'id'"
                    raise ReviewError(
                        f"{shown}: {kind} item {i + 1} {why}: fix the draft (each record has an id "
                        "of its own) or draft again"
                    )
                seen.add(rid)
        self.doc, self.digest = doc, hashlib.sha256(raw).hexdigest()
        for r in self.doc["relations"]:
            if getattr(self, "source_id", None):
                _normalise(r, self.source_id)

    def _load_data(self):
        try:
            self.ds = load(self.data_path)
        except DataError as exc:
            raise ReviewError(
                f"the data at {self.data_path} is not valid ({len(exc.problems)} problems): run actorgraph validate"
            ) from None
        self.known = {e.id: (e.name, e.aliases) for e in self.ds.entities.values()}
        self.claim_ids = {r.id for r in self.ds.relations()}

    def _fresh(self):
        """Read the draft again when it changed on disk since this session read or wrote it."""
        try:
            digest = hashlib.sha256(Path(self.draft_path).read_bytes()).hexdigest()
        except OSError as exc:
            raise Conflict(f"cannot read the draft {self.draft_path}: {exc.strerror or exc}") from None
        if digest != self.digest:
            self.rev += 1
            try:
                self._read_draft()
            except ReviewError as exc:
                raise Conflict(
                    f"the draft was changed outside this page and cannot be read now:\n{exc}\n"
                    "Fix it (or draft again), then reload the page; nothing was written."
                ) from None

    def _write_draft(self, doc):
        return (
            "# Draft reviewed with `actorgraph review`; saved records are in "
            f"{os.path.relpath(self.into, os.path.dirname(self.draft_path))}.\n" + dump(doc)
        )

    # -- what the page shows -------------------------------------------------------------------
    def state(self) -> dict:
        with self.lock:
            self._fresh()
            return self._state()

    def _state(self):
        known = [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "part_of": e.part_of,
                "description": e.description,
            }
            for e in self.ds.entities.values()
        ]
        missing = [
            r["id"]
            for r in self.doc["relations"]
            if any(ev.get("quote") and find_quote(self.text, ev["quote"]) is None for ev in r["evidence"])
        ]
        return {
            "rev": self.rev,
            "source": self.source_id,
            "text": self.text,
            "draft": os.path.basename(self.draft_path),
            "into": os.path.relpath(self.into),
            "mentions": self.doc["draft"].get("mentions") or [],
            "new_names": self.doc["draft"].get("new_names") or [],
            "mentioned": self.doc["draft"].get("mentioned") or [],
            "relations": copy.deepcopy(self.doc["relations"]),
            "entities": copy.deepcopy(self.doc["entities"]),
            "known": known,
            "quotes_not_in_text": missing,
            "ids": self._preview(),
            "vocab": {
                "types": {t.name: list(t.modes) for t in RELATION_TYPES.values()},
                "polarity": {t.name: t.polarity for t in RELATION_TYPES.values()},
                "modalities": list(MODALITIES),
                "kinds": list(ENTITY_KINDS),
                "contexts": list(CONTEXTS),
            },
        }

    def _preview(self):
        """The ids the candidates and entities would get if accepted now (saved ones: their ids)."""
        doc = copy.deepcopy(self.doc)
        for r in doc["relations"] + [e for e in doc["entities"] if e.get("name")]:
            if r.get("status") == "draft":
                r["status"] = "accepted"
        p = plan(doc, source_id=self.source_id, known=self.known, claim_ids=self.claim_ids)
        return {k: {x["id"]: x["saved_as"] for x in p.draft[k] if x.get("saved_as")} for k in ("relations", "entities")}

    # -- the reviewer's decisions ----------------------------------------------------------------
    def _decisions(self, payload):
        if not isinstance(payload, dict):
            raise ReviewError("the request must be a JSON object", 2)
        if payload.get("rev") is not None and payload.get("rev") != self.rev:
            raise Conflict(
                "the draft was changed by another page or outside this one since this page loaded it: "
                "reload the page (your last change was not kept)"
            )
        out = {}
        for kind in ("relations", "entities"):
            items = payload.get(kind)
            if not isinstance(items, list):
                raise ReviewError("the request needs 'relations' and 'entities' lists", 2)
            old = {x["id"]: x for x in self.doc[kind] if isinstance(x, dict) and isinstance(x.get("id"), str)}
            what = kind[:-1] if kind == "relations" else "entity"
            seen = set()
            for x in items:
                if not isinstance(x, dict) or not isinstance(x.get("id"), str) or not x["id"]:
                    raise ReviewError(f"each {what} must be an object with an 'id'", 2)
                if x["id"] in seen:
                    raise ReviewError(f"{what} {x['id']!r} is given twice", 2)
                seen.add(x["id"])
                if x.get("status") not in STATUSES[kind]:
                    raise ReviewError(f"{what} {x['id']!r}: status must be one of {', '.join(STATUSES[kind])}", 2)
                if x["status"] == "saved" and old.get(x["id"], {}).get("status") != "saved":
                    raise ReviewError(f"{what} {x['id']!r}: only a save makes a record 'saved'", 2)
                extra = set(x) - set(FIELDS[kind]) - set(REVIEW_KEYS) - set(old.get(x["id"], ()))
                if extra:
                    raise ReviewError(f"{what} {x['id']!r}: unknown field(s) {', '.join(sorted(extra))}", 2)
                _check_types(x, kind, what)
            out[kind] = _merge(self.doc[kind], _plain(items), kind)
        return out

    def decide(self, payload) -> dict:
        """Keep the reviewer's decisions and edits in the draft (atomically); ``{"ok", "rev", "ids"}``."""
        with self.lock:
            self._fresh()
            doc = dict(self.doc, **self._decisions(payload))
            write_atomic(self.draft_path, self._write_draft(doc))
            self._wrote(doc)
            return {"ok": True, "rev": self.rev, "ids": self._preview()}

    def _wrote(self, doc):
        self.doc = doc
        self.digest = hashlib.sha256(Path(self.draft_path).read_bytes()).hexdigest()
        self.rev += 1

    # -- saving --------------------------------------------------------------------------------
    def save(self, payload) -> dict:
        """Apply the reviewer's decisions and save; ``{"ok": True, ...}`` or ``{"ok": False, "problems": [...]}``.
        Raises :class:`Conflict` when another save runs."""
        if not self.lock.acquire(blocking=False):
            raise Conflict("another save is running: wait until it has finished, then save again (nothing was written)")
        try:
            self._fresh()
            return self._save(payload)
        finally:
            self.lock.release()

    def _target_doc(self):
        if not os.path.exists(self.into):
            return {}, ""
        try:
            raw = Path(self.into).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReviewError(
                f"cannot read the target {os.path.relpath(self.into)}: "
                f"{getattr(exc, 'strerror', None) or exc}; is it a YAML data file?"
            ) from None
        parsed = parse_text(raw, self.into)
        if parsed.problems:
            raise ReviewError("; ".join(str(p) for p in parsed.problems))
        head = ""
        for line in raw.splitlines():  # the file's opening comment is kept
            if not line.startswith("#"):
                break
            head += line + "\n"
        value = parsed.value
        if value is not None and not isinstance(value, dict):
            raise ReviewError(f"{self.into}: not a data file (a mapping of sources, entities, relations)")
        return _plain(value or {}), head

    def _save(self, payload):
        doc = dict(self.doc, **self._decisions(payload))
        target, head = self._target_doc()
        target = {k: list(target.get(k) or []) for k in ("sources", "entities", "relations")} | {
            k: v for k, v in target.items() if k not in ("sources", "entities", "relations")
        }
        p = plan(doc, source_id=self.source_id, known=self.known, claim_ids=self.claim_ids)
        if p.problems:
            return {"ok": False, "problems": p.problems}
        new_src = []
        if self.source_id not in {s.get("id") for s in target["sources"]} | set(self.ds.sources):
            for s in self.doc["sources"]:
                s = {k: v for k, v in s.items() if k in FIELDS["sources"]}
                s["text"] = _rel(self.text_path, os.path.dirname(self.into))
                new_src.append(s)
        merged = copy.deepcopy(target)
        merged["sources"] += new_src
        merged["entities"] = _extended(merged["entities"], p.entities)
        merged["relations"] += p.relations
        for k in ("sources", "entities", "relations"):
            if not merged[k]:
                merged.pop(k)
        text = head + dump(merged) if merged else head
        problems = self._validate(text)
        if problems:
            return {"ok": False, "problems": problems}
        writes = [(self.into, text)] if (p.entities or p.relations or new_src) else []
        commit(self.journal, writes + [(self.draft_path, self._write_draft(p.draft))])
        self._wrote(p.draft)
        self._load_data()
        return {
            "ok": True,
            "into": os.path.relpath(self.into),
            "relations": len(p.relations),
            "entities": sum(1 for e in p.entities if not e.get("extend")),
            "aliases": p.aliases,
            "rejected": p.rejected,
            "rev": self.rev,
            "ids": self._preview(),
        }

    def _validate(self, text):
        """Problems of the whole data folder with the target's new *text* (validated in place)."""
        _, problems = check(self.data_path, replacing={self.into: text.encode("utf-8")})
        shown = os.path.relpath(self.data_path)
        return [str(p).replace(self.data_path, shown) for p in problems]


def _extended(entities, added):
    """The target's *entities* with the *added* records: an alias of an entity whose record (or
    extension) is in the target goes into that record, the rest are appended."""
    out = [dict(e) for e in entities]
    for rec in added:
        same = next((e for e in out if e.get("id") == rec["id"]), None) if rec.get("extend") else None
        if same is None:
            out.append(rec)
        else:
            have = same.get("aliases") or []
            have = [have] if isinstance(have, str) else list(have)
            same["aliases"] = have + [a for a in rec["aliases"] if a not in have]
    return out
