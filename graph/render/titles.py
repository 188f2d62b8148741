"""The plain-text tooltips of the page's entities and relations."""

from __future__ import annotations

from ..vocab import MODALITIES
from ..wording import who

__all__ = ["entity_title", "relation_title", "fmt_polarity"]


def fmt_polarity(p):
    return f"{p:+g}" if p else "0"


def entity_title(e, n_in, n_out):
    lines = [f"{e.name} ({e.id})", f"kind: {e.kind.replace('_', ' ')}"]
    if e.aliases:
        lines.append("also: " + ", ".join(e.aliases))
    lines.append(f"relations: {n_out} out, {n_in} in")
    if e.description:
        d = " ".join(e.description.split())
        lines.append(d if len(d) <= 200 else d[:199] + "…")
    return "\n".join(lines)


def relation_title(r, ds):
    def name(eid):
        e = ds.entities.get(eid)
        return e.name if e else eid

    kind = r.type + (f"/{r.mode}" if r.mode else "")
    lines = [f"{name(r.subject)} → {name(r.object)}: {kind} ({r.quad})",
             f"modality: {r.modality}" + (f" — {MODALITIES[r.modality]}" if r.modality in MODALITIES else "")]
    if r.when is not None:
        lines.append(f"when: {r.when}")
    lines.append(f"polarity: {fmt_polarity(r.polarity)}"
                 + (" (of the event it denies)" if r.modality == "denied" else ""))
    if r.modality == "denied":
        lines.append("denied by: " + who(r, name))
    else:
        lines.append("asserted by: " + who(r, name))
    for sid in r.sources:
        s = ds.sources.get(sid)
        if s is None:
            lines.append(f"source: {sid}")
        else:
            pub = f" ({s.published})" if s.published else ""
            lines.append(f"source: {s.title or sid}{pub}")
            if s.note:
                lines.append(f"  note: {s.note}")
    return "\n".join(lines)
