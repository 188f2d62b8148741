"""The draft file: a draft's proposals written as YAML in the data format, for review.

The file holds a ``draft:`` header (the text and data folder it was made from, the
mentions and new names), the ``sources`` record, the new names as suggested
``entities`` and the candidates as ``relations``, each marked ``status: draft`` with
the ``cue`` and ``confidence`` that explain it. Drafts live outside ``data/`` (default
``drafts/<source-id>.yaml``), so they are never loaded as claims by accident;
``actorgraph review`` writes the accepted ones into the data without ``status``.

>>> from graph import loads
>>> from graph.draft import draft
>>> ds = loads("entities: [{id: IRN, name: Iran, kind: state}, {id: IRQ, name: Iraq, kind: state}]")
>>> doc = draft_document(draft("Iran accused Iraq.", ds), source_id="s1", text_path="../t.txt")
>>> doc["relations"][0]["id"], doc["relations"][0]["status"], doc["relations"][0]["evidence"]
('s1-irn-accuse-irq-1', 'draft', [{'source': 's1', 'quote': 'Iran accused Iraq'}])
>>> read_draft(dump(doc), "d.yaml")["sources"][0]["text"]
'../t.txt'
"""

from __future__ import annotations

import re


from ..errors import ActorgraphError
from ..formats.data_yaml import data_yaml
from ..read.yaml_events import parse_text

__all__ = ["draft_document", "dump", "read_draft", "DraftFileError", "slug", "DRAFT_KEYS"]

DRAFT_KEYS = ("status", "cue", "confidence")   # removed when a record is accepted into the data


class DraftFileError(ActorgraphError):
    """A draft file that cannot be read (invalid YAML, not a draft)."""


def slug(s: str) -> str:
    """A lowercase id-safe form of *s*: ``slug("Oped 2025 (US)") == 'oped-2025-us'``.

    >>> slug("Oped 2025 (US)")
    'oped-2025-us'
    """
    return re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-")[:80] or "draft"


def draft_document(result, *, source_id, text_path, title=None, kind="news report", data_path="data",
                   perspective=None, source_exists=False) -> dict:
    """The draft file's content (plain values) for a :class:`~graph.draft.Draft`."""
    header = {
        "text": str(text_path), "data": str(data_path), "perspective": perspective,
        "mentions": [{"entity": m.entity, "text": m.text, "start": m.start, "end": m.end, "via": m.via}
                     for m in result.mentions],
        "new_names": [{"name": n.name, "count": n.count, "kind": n.kind, "id": n.id, "cue": n.cue,
                       "spans": [[s, e] for s, e in n.spans]} for n in result.new_names],
    }
    doc = {"draft": header}
    if not source_exists:
        first = next((ln.strip() for ln in result.text.splitlines() if ln.strip()), "")
        doc["sources"] = [{"id": source_id,
                           "title": title or f"(draft) {first[:80]}{'…' if len(first) > 80 else ''}",
                           "kind": kind, "text": str(text_path)}]
    else:
        doc["sources"] = []
    doc["entities"] = [{"id": n.id, "name": n.name, "kind": n.kind, "status": "draft",
                        "cue": f"new name, {n.count} time(s)" + (f"; kind from '{n.cue}'" if n.cue else ""),
                        "confidence": 0.5 if n.kind else 0.3}
                       for n in result.new_names]
    rels, seen = [], {}
    for c in result.claims:
        base = f"{slug(source_id)}-{slug(c.subject)}-{c.type.lower()}-{slug(c.object)}"
        seen[base] = seen.get(base, 0) + 1
        rel = {"id": f"{base}-{seen[base]}", "subject": c.subject, "type": c.type}
        if c.mode:
            rel["mode"] = c.mode
        rel["object"] = c.object
        rel["modality"] = c.modality
        if c.asserted_by:
            rel["asserted_by"] = c.asserted_by
        rel["evidence"] = [{"source": source_id, "quote": c.quote}]
        rel.update({"status": "draft", "cue": c.cue, "confidence": c.confidence})
        rels.append(rel)
    doc["relations"] = rels
    return doc


def dump(doc: dict, *, header_comment=None) -> str:
    """The YAML text of a draft document (no anchors, no tags), as every data file is written."""
    return data_yaml(doc, comment=header_comment)


def read_draft(text: str, path: str) -> dict:
    """The plain values of a draft file's *text*; :class:`DraftFileError` when it is not one."""
    doc = parse_text(text, path)
    if doc.problems:
        raise DraftFileError("\n".join(str(p) for p in doc.problems)
                             + f"\n{path}: not a valid draft file (fix the YAML or draft again)")
    value = doc.value
    if not isinstance(value, dict) or not isinstance(value.get("draft"), dict):
        raise DraftFileError(f"{path}: not a draft file (no 'draft:' header); make one with actorgraph draft")
    for key in ("sources", "entities", "relations"):
        if value.get(key) is None:
            value[key] = []
        if not isinstance(value[key], list):
            raise DraftFileError(f"{path}: '{key}' must be a list")
    return _plain(value)


def _plain(v):
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, str):
        s = str(v)
        if type(v) is not str and re.fullmatch(r"-?\d+", s):
            return int(s)
        if type(v) is not str and re.fullmatch(r"-?\d+\.\d+", s):
            return float(s)
        return s
    return v
