"""The draft file: a draft's proposals written as YAML in the data format, for review.

The file holds a ``draft:`` header (the text and data folder it was made from, the
mentions, the new names and the other names ``mentioned`` in no candidate), the ``sources``
record, the new names the candidates use as suggested ``entities`` and the candidates as
``relations``, each marked ``status: draft`` with the ``cue`` and ``confidence`` that explain it.
Drafts live outside ``data/`` (default ``drafts/<source-id>.yaml``), so they are never loaded as
claims by accident;
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

from ..errors import DraftFileError
from ..formats.data_yaml import data_yaml
from ..read.yaml_events import parse_text

__all__ = ["draft_document", "dump", "read_draft", "slug", "DRAFT_KEYS"]

DRAFT_KEYS = ("status", "cue", "confidence")  # removed when a record is accepted into the data


def slug(s: str) -> str:
    """A lowercase id-safe form of *s*: ``slug("Oped 2025 (US)") == 'oped-2025-us'``.

    >>> slug("Oped 2025 (US)")
    'oped-2025-us'
    """
    return re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-")[:80] or "draft"


def draft_document(
    result,
    *,
    source_id,
    text_path,
    title=None,
    kind="news report",
    data_path="data",
    perspective=None,
    source_exists=False,
    source_fields=None,
    known=(),
) -> dict:
    """The draft file's content (plain values) for a :class:`~graph.draft.Draft`.

    Each candidate becomes a relation with ``status: draft``, its ``cue`` and ``confidence``, its
    ``when`` when the text dates it, and one evidence ``{source, quote}`` per passage that supports
    it (the first is the one the review page marks). Each new name becomes an entity with its kind,
    ``part_of`` (when that entity is known or proposed too) and the other forms the text uses as
    ``aliases``. *known* are the dataset's entity ids; *source_fields* more fields of a new source
    record (published, author, outlet, url).
    """
    page = getattr(result, "page", None)
    header = {
        "text": str(text_path),
        "data": str(data_path),
        "perspective": perspective,
        "mentions": [
            {"entity": m.entity, "text": m.text, "start": m.start, "end": m.end, "via": m.via} for m in result.mentions
        ],
        "new_names": [
            {
                "name": n.name,
                "count": n.count,
                "kind": n.kind,
                "id": n.id,
                "cue": n.cue,
                "spans": [[s, e] for s, e in n.spans],
            }
            for n in result.new_names
        ],
        # the other names of the text: in no candidate, so not proposed; a reviewer adding a claim copies them
        "mentioned": [
            {"name": n.name, "count": n.count, "kind": n.kind, "spans": [[s, e] for s, e in n.spans]}
            for n in getattr(result, "mentioned", ())
        ],
    }
    if page is not None:
        header["page"] = {
            "date": page.date.isoformat() if page.date else None,
            "date_from": page.date_from,
            "dateline": page.dateline,
            "byline": page.byline,
            "headline": list(page.headline) if page.headline else None,
            "furniture": [[s, e] for s, e in page.furniture],
        }
    doc = {"draft": header}
    if not source_exists:
        first = next((ln.strip() for ln in result.text.splitlines() if ln.strip()), "")
        src = {"id": source_id, "title": title or f"(draft) {first[:80]}{'…' if len(first) > 80 else ''}", "kind": kind}
        fields = dict(source_fields or {})
        if "published" not in fields and page is not None and page.date and page.date_from != "published":
            fields["published"] = page.date.isoformat()
        if "author" not in fields and page is not None and page.byline:
            fields["author"] = page.byline
        src.update({k: v for k, v in fields.items() if v})
        src["text"] = str(text_path)
        doc["sources"] = [src]
    else:
        doc["sources"] = []
    ids = set(known) | {n.id for n in result.new_names}
    entities = []
    for n in result.new_names:
        e = {"id": n.id, "name": n.name, "kind": n.kind}
        if getattr(n, "part_of", None) and n.part_of in ids and n.part_of != n.id:
            e["part_of"] = n.part_of
        aliases = [a for a in getattr(n, "aliases", []) if a != n.name]
        if aliases:
            e["aliases"] = aliases
        e.update(
            {
                "status": "draft",
                "cue": f"new name, {n.count} time(s)" + (f"; kind from '{n.cue}'" if n.cue else ""),
                "confidence": 0.5 if n.kind else 0.3,
            }
        )
        entities.append(e)
    doc["entities"] = entities
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
        if getattr(c, "when", None):
            rel["when"] = c.when
        quotes = [q for q, _, _ in getattr(c, "quotes", None) or []] or [c.quote]
        rel["evidence"] = [{"source": source_id, "quote": q} for q in quotes]
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
        raise DraftFileError(
            "\n".join(str(p) for p in doc.problems) + f"\n{path}: not a valid draft file (fix the YAML or draft again)"
        )
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
