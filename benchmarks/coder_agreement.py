"""How much a second coder agrees with the gold: the ceiling of `benchmarks/draft_eval.py`.

    python benchmarks/coder_agreement.py heldout6 heldout6-second

A second coder coded the texts of a gold set again, from the texts, their source records and entity
lists only, following the same written conventions (`benchmarks/draft_news/<SECOND>/`, its README).
Their claims are scored against the gold exactly as the draft's candidates are (draft_eval's
matching: the same passage, subject and object as the gold's or part of them; "accepted unchanged"
is subject, type, object, modality and claimant all the gold's), each with confidence 1. A second
coder's own new entities count as the gold entity whose name or alias they have. Texts the second
coder did not code are left out of both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import draft_eval as de  # noqa: E402

import graph  # noqa: E402
from graph.errors import ActorgraphError  # noqa: E402
from graph.texts import find_quote  # noqa: E402


def as_draft(text, second, gold_ds):
    """The second coding of *text* in the shape of a draft: its claims as candidates, its own entities
    as proposed names."""
    claims = []
    for r in second.relations():
        spans = [find_quote(text, ev.quote) for ev in r.evidence if getattr(ev, "quote", None)]
        claims.append(
            SimpleNamespace(
                subject=r.subject,
                object=r.object,
                type=r.type,
                modality=r.modality,
                asserted_by=r.asserted_by,
                when=str(r.when) if r.when is not None else None,
                confidence=1.0,
                quotes=[(text[a:b], a, b) for a, b in (s for s in spans if s)],
            )
        )
    own = [
        SimpleNamespace(id=e.id, name=e.name, aliases=tuple(e.aliases), spans=(), part_of=e.part_of)
        for e in second.entities.values()
        if e.id not in gold_ds.entities
    ]
    return SimpleNamespace(claims=claims, new_names=own, all_names=own)


def _coding(path):
    """The second coding in *path*, read without its sources' stored texts (the gold set's texts are the
    ones scored; a second coding need not copy them)."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for src in doc.get("sources") or []:
        src.pop("text", None)
    return graph.loads(json.dumps(doc, default=str))


def agreement(gold_half, second_half):
    """The draft_eval figures of the second coding against the gold, over the texts both coded."""
    folder = de.NEWS / second_half
    rows = []
    for name, text, ds, gold, gold_ds, published, persp in de.texts(gold_half):
        path = folder / (name.split("/", 1)[1] + ".yaml")
        if not path.exists():
            continue
        second = _coding(path)
        result = as_draft(text, second, gold_ds)
        rows.append(de.score_text(text, ds, gold, gold_ds, published, persp, result=result))
    return de.pool(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="the gold set (a folder of benchmarks/draft_news)")
    ap.add_argument("second", help="the second coding of its texts (a folder beside it)")
    args = ap.parse_args(argv)
    try:
        figures = agreement(args.gold, args.second)
    except ActorgraphError as e:
        sys.exit(f"{e}\n(the gold set must hold the texts; the second coding only claims about them)")
    for k in ("texts", "gold", "candidates") + de.METRICS:
        v = figures[k]
        print(f"{k:<20} {v if isinstance(v, int) else de._f(v)}")


if __name__ == "__main__":
    main()
