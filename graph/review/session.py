"""A review session: one draft file, its text and data, and saving what the reviewer accepted.

The session knows the only two files it may write: the draft and the target data
file (``into``, inside the data folder). :meth:`ReviewSession.save` takes the
reviewer's decisions, builds the accepted records (without ``status``, ``cue`` or
``confidence``), validates the whole data folder as it would be with them (in a
temporary copy), and only then writes the target and the draft, each atomically:
accepted claims become ``status: saved`` in the draft, rejected ones stay as
``status: rejected`` so they are not proposed again.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
import threading
from pathlib import Path

from ..atomic import write_atomic
from ..draft import DraftError, read_text
from ..draft.output import DRAFT_KEYS, DraftFileError, _plain, dump, read_draft
from ..errors import ActorgraphError, DataError
from ..loader import check, load
from ..vocab import ENTITY_KINDS, MODALITIES, RELATION_TYPES
from ..read.yaml_events import parse_text
from ..texts import inside

__all__ = ["ReviewSession", "ReviewError"]

STATUSES = ("draft", "accepted", "rejected", "saved")


class ReviewError(ActorgraphError):
    """A draft that cannot be reviewed; *code* is the exit code (1 bad file, 2 bad usage)."""

    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


def _rel(target, start_dir):
    return Path(os.path.relpath(os.path.abspath(target), os.path.abspath(start_dir))).as_posix()


def _merge(old, items):
    """The draft's records updated by the reviewer's *items* (by id; new ids appended):
    accepted ones become ``saved``; records the request does not name are kept as they were."""
    by_id = {x["id"]: x for x in items}
    out = []
    for x in old:
        y = by_id.pop(x["id"], None)
        if y is None or x.get("status") == "saved":
            out.append(x)
        else:
            out.append(dict(y, status="saved" if y["status"] == "accepted" else y["status"]))
    for y in by_id.values():
        out.append(dict(y, status="saved" if y["status"] == "accepted" else y["status"]))
    return out


class ReviewSession:
    """The draft at *draft_path*, reviewed into the data file *into* (default DATA/SOURCE-ID.yaml)."""

    def __init__(self, draft_path, into=None):
        self.draft_path = os.path.abspath(draft_path)
        self.lock = threading.Lock()
        try:
            raw = Path(self.draft_path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReviewError(f"cannot read the draft {draft_path}: {getattr(exc, 'strerror', None) or exc}") from None
        try:
            self.doc = read_draft(raw, draft_path)
        except DraftFileError as exc:
            raise ReviewError(str(exc)) from None
        here = os.path.dirname(self.draft_path)
        head = self.doc["draft"]
        self.text_path = os.path.normpath(os.path.join(here, str(head.get("text") or "")))
        self.data_path = os.path.normpath(os.path.join(here, str(head.get("data") or "data")))
        if inside(self.draft_path, self.data_path):
            raise ReviewError(f"{draft_path} is inside the data folder: move drafts out of it (default drafts/)", 2)
        try:
            self.text = read_text(self.text_path)
        except (DraftError, OSError) as exc:
            raise ReviewError(f"the draft's text: {getattr(exc, 'strerror', None) or exc}") from None
        try:
            self.ds = load(self.data_path)
        except DataError as exc:
            raise ReviewError(f"the data at {self.data_path} is not valid ({len(exc.problems)} problems): "
                              "run actorgraph validate") from None
        self.source_id = (self.doc["sources"][0]["id"] if self.doc["sources"] else
                          next((r["evidence"][0]["source"] for r in self.doc["relations"] if r.get("evidence")), None))
        if not self.source_id:
            raise ReviewError(f"{draft_path}: the draft names no source")
        self.into = os.path.abspath(into or os.path.join(self.data_path, f"{self.source_id}.yaml"))
        if not inside(self.into, self.data_path) or os.path.isdir(self.into):
            raise ReviewError(f"--into {into}: the target must be a data file inside the data folder "
                              f"{self.data_path}, so that it is validated with the data", 2)

    # -- what the page shows -------------------------------------------------------------------
    def state(self) -> dict:
        ents = [{"id": e.id, "name": e.name, "kind": e.kind} for e in self.ds.entities.values()]
        return {
            "source": self.source_id, "text": self.text,
            "draft": os.path.basename(self.draft_path), "into": os.path.relpath(self.into),
            "mentions": self.doc["draft"].get("mentions") or [],
            "new_names": self.doc["draft"].get("new_names") or [],
            "relations": self.doc["relations"], "entities": self.doc["entities"], "known": ents,
            "vocab": {"types": {t.name: list(t.modes) for t in RELATION_TYPES.values()},
                      "modalities": list(MODALITIES), "kinds": list(ENTITY_KINDS)},
        }

    # -- saving --------------------------------------------------------------------------------
    def save(self, payload) -> dict:
        """Apply the reviewer's decisions; ``{"ok": True, ...}`` or ``{"ok": False, "problems": [...]}``."""
        with self.lock:
            return self._save(payload)

    def _decisions(self, payload):
        if not isinstance(payload, dict):
            raise ReviewError("the request must be a JSON object", 2)
        rels, ents = payload.get("relations"), payload.get("entities")
        if not isinstance(rels, list) or not isinstance(ents, list):
            raise ReviewError("the request needs 'relations' and 'entities' lists", 2)
        allowed_rel = {"id", "subject", "type", "mode", "object", "modality", "asserted_by", "evidence",
                       "status", "cue", "confidence", "context", "when", "note", "polarity", "attributes"}
        allowed_ent = {"id", "name", "kind", "aliases", "codes", "part_of", "description", "status", "cue",
                       "confidence"}
        for what, items, allowed in (("relation", rels, allowed_rel), ("entity", ents, allowed_ent)):
            for x in items:
                if not isinstance(x, dict) or not isinstance(x.get("id"), str):
                    raise ReviewError(f"each {what} must be an object with an 'id'", 2)
                if x.get("status") not in STATUSES:
                    raise ReviewError(f"{what} {x['id']!r}: status must be one of {', '.join(STATUSES)}", 2)
                extra = set(x) - allowed
                if extra:
                    raise ReviewError(f"{what} {x['id']!r}: unknown field(s) {', '.join(sorted(extra))}", 2)
        return rels, ents

    def _target_doc(self):
        if not os.path.exists(self.into):
            return {}, ""
        raw = Path(self.into).read_text(encoding="utf-8")
        parsed = parse_text(raw, self.into)
        if parsed.problems:
            raise ReviewError("; ".join(str(p) for p in parsed.problems))
        head = ""
        for line in raw.splitlines():       # the file's opening comment is kept
            if not line.startswith("#"):
                break
            head += line + "\n"
        value = parsed.value
        if value is not None and not isinstance(value, dict):
            raise ReviewError(f"{self.into}: not a data file (a mapping of sources, entities, relations)")
        return _plain(value or {}), head

    def _save(self, payload):
        rels, ents = self._decisions(payload)
        target, head = self._target_doc()
        target = {k: list(target.get(k) or []) for k in ("sources", "entities", "relations")} | \
                 {k: v for k, v in target.items() if k not in ("sources", "entities", "relations")}
        have_src = {s.get("id") for s in target["sources"]} | set(self.ds.sources)
        folder = os.path.dirname(self.into)
        new_src = []
        if self.source_id not in have_src:
            for s in self.doc["sources"]:
                s = {k: v for k, v in s.items() if k not in DRAFT_KEYS}
                s["text"] = _rel(self.text_path, folder)
                new_src.append(s)
        clean = lambda x: {k: v for k, v in x.items() if k not in DRAFT_KEYS and v not in (None, "", [])}  # noqa: E731
        saved = {x["id"] for k in ("relations", "entities") for x in self.doc[k] if x.get("status") == "saved"}
        acc_e = [clean(e) for e in ents if e["status"] == "accepted" and e["id"] not in saved]
        acc_r = [clean(r) for r in rels if r["status"] == "accepted" and r["id"] not in saved]
        merged = copy.deepcopy(target)
        merged["sources"] += new_src
        merged["entities"] += acc_e
        merged["relations"] += acc_r
        for k in ("sources", "entities", "relations"):
            if not merged[k]:
                merged.pop(k)
        text = head + dump(merged) if merged else head
        problems = self._validate(text)
        if problems:
            return {"ok": False, "problems": problems}
        new_draft = copy.deepcopy(self.doc)
        for key, items in (("relations", rels), ("entities", ents)):
            new_draft[key] = _merge(new_draft[key], items)
        if acc_e or acc_r or new_src:
            write_atomic(self.into, text)
        write_atomic(self.draft_path, "# Draft reviewed with `actorgraph review`; saved records are in "
                     f"{os.path.relpath(self.into, os.path.dirname(self.draft_path))}.\n" + dump(new_draft))
        self.doc = new_draft
        self.ds = load(self.data_path)
        return {"ok": True, "into": os.path.relpath(self.into), "relations": len(acc_r), "entities": len(acc_e),
                "rejected": sum(r["status"] == "rejected" for r in rels)}

    def _validate(self, text):
        """Problems of the whole data folder with the target's new *text* (checked in a copy)."""
        with tempfile.TemporaryDirectory(prefix="actorgraph-review-") as tmp:
            copy_root = os.path.join(tmp, "data")
            shutil.copytree(self.data_path, copy_root, ignore=shutil.ignore_patterns(".*"))
            rel = os.path.relpath(self.into, self.data_path)
            dest = os.path.join(copy_root, rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            Path(dest).write_text(text, encoding="utf-8")
            _, problems = check(copy_root)
            out = []
            for p in problems:
                s = str(p)
                out.append(s.replace(copy_root, os.path.relpath(self.data_path)))
            return out
