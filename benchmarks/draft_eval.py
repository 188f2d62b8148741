"""Precision and recall of `actorgraph draft` against hand-coded gold claims.

    python benchmarks/draft_eval.py            # every text, then throughput
    python benchmarks/draft_eval.py --json     # the figures as JSON

Texts: the seed article against data/ (its 42 hand-coded claims), and the constructed
texts of benchmarks/draft_gold/ (written for actorgraph, never copied from an outlet):
each NAME.yaml holds the source (its text NAME.txt), the entities a dataset would know
*before* the article (id, name, kind, codes: no aliases from the text), and the gold
claims.

A: as the issue states it, a candidate matches a gold claim when its subject and object are
the gold's, an entity counting as itself, any entity it is part_of, and any entity part_of it
(both directions). B, stricter: and its quote overlaps one of the gold claim's quotes (the
same passage). Recall: matched gold claims / gold claims. Precision: candidates matching some
gold claim / candidates. Modality accuracy: on the matched gold claims, the modality of the most
confident matching candidate (of the same passage first). "Unordered" (B) also accepts subject
and object swapped.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graph  # noqa: E402
from graph.draft import draft  # noqa: E402
from graph.texts import find_quote  # noqa: E402

GOLD = ROOT / "benchmarks" / "draft_gold"


def _family(ds, eid):
    out = {eid}
    e = ds.entities.get(eid)
    if e is not None and e.part_of:
        out.add(e.part_of)
    out |= {x.id for x in ds.entities.values() if x.part_of == eid}
    return out


def _spans(text, rel):
    out = []
    for ev in rel.evidence:
        q = getattr(ev, "quote", None)
        hit = find_quote(text, q) if q else None
        if hit:
            out.append(hit)
    return out


def evaluate(text, ds, gold, *, perspective=None, gold_ds=None):
    """The figures for one text: *ds* the dataset drafted against, *gold* the gold relations
    (*gold_ds* their dataset: a new name the draft proposes counts as the gold entity of that name)."""
    result = draft(text, ds, perspective=perspective)
    gold_ds = gold_ds or ds
    by_name = {}
    for e in gold_ds.entities.values():
        for n in (e.name, *e.aliases):
            by_name[n.lower()] = e.id
    new_ids = {n.id: by_name.get(n.name.lower(), n.id) for n in result.new_names}
    cands = [replace(c, subject=new_ids.get(c.subject, c.subject), object=new_ids.get(c.object, c.object))
             for c in result.claims]
    ds = gold_ds
    gold_spans = [(_spans(text, g), g) for g in gold]

    def match(c, g, spans, unordered=False, anywhere=False):
        if not anywhere and not any(c.start < e and s < c.end for s, e in spans):
            return False
        fs, fo = _family(ds, g.subject), _family(ds, g.object)
        if c.subject in fs and c.object in fo:
            return True
        return unordered and c.subject in fo and c.object in fs

    matched, matched_u, modality_ok, used = 0, 0, 0, set()
    for spans, g in gold_spans:
        hits = [c for c in cands if match(c, g, spans)]
        if hits:
            matched += 1
            best = max(hits, key=lambda c: c.confidence)
            modality_ok += best.modality == g.modality
            used |= {id(c) for c in hits}
        if any(match(c, g, spans, unordered=True) for c in cands):
            matched_u += 1
    correct = sum(1 for c in cands if any(match(c, g, spans) for spans, g in gold_spans))
    # as the issue states it: subject and object (part_of both ways), wherever the candidate is
    any_matched, any_mod = 0, 0
    for spans, g in gold_spans:
        hits = [c for c in cands if match(c, g, spans, anywhere=True)]
        if hits:
            any_matched += 1
            near = [c for c in hits if match(c, g, spans)] or hits
            any_mod += max(near, key=lambda c: c.confidence).modality == g.modality
    any_correct = sum(1 for c in cands if any(match(c, g, spans, anywhere=True) for spans, g in gold_spans))
    # how many gold claims name both their actors in the passage (their quotes' sentences)
    from graph.draft.tokens import sentences
    sents = sentences(text)
    named = [(m.start, m.entity) for m in result.mentions]
    named += [(s, new_ids.get(n.id, n.id)) for n in result.new_names for s, _ in n.spans]
    nameable = 0
    for spans, g in gold_spans:
        around = [(a, b) for a, b in sents if any(a < e and s < b for s, e in spans)]
        here = {ent for at, ent in named if any(a <= at < b for a, b in around)}
        fam = lambda x: _family(ds, x)  # noqa: E731
        nameable += bool(here & fam(g.subject)) and bool(here & fam(g.object))
    return {"gold": len(gold), "candidates": len(cands), "matched_gold": matched,
            "recall": matched / len(gold) if gold else None,
            "precision": correct / len(cands) if cands else None,
            "modality_accuracy": modality_ok / matched if matched else None,
            "recall_unordered": matched_u / len(gold) if gold else None,
            "both_actors_named": nameable,
            "pair": {"matched_gold": any_matched, "recall": any_matched / len(gold) if gold else None,
                     "precision": any_correct / len(cands) if cands else None,
                     "modality_accuracy": any_mod / any_matched if any_matched else None},
            "mentions": len(result.mentions), "new_names": len(result.new_names)}


def texts():
    """(name, text, dataset, gold relations, perspective) of every evaluation text."""
    seed = graph.load(ROOT / "data")
    src = seed.source("oped-2025-us-equipment-afghanistan")
    text = (ROOT / "data" / "texts" / "000_e8862f374e2db2d8.txt").read_text(encoding="utf-8")
    yield "seed article (data/)", text, seed, seed.relations(), src.perspective, seed
    for path in sorted(GOLD.glob("*.yaml")):
        ds = graph.load(path)
        src = next(iter(ds.sources.values()))
        text = (path.parent / path.with_suffix(".txt").name).read_text(encoding="utf-8")
        yield path.stem, text, _known_only(ds), ds.relations(), src.perspective, ds


def _known_only(ds):
    """The dataset the draft runs against: the gold file's entities, without its claims."""
    return graph.loads(json.dumps({"entities": [
        {k: v for k, v in {"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases),
                           "codes": dict(e.codes), "part_of": e.part_of}.items() if v}
        for e in ds.entities.values() if not (e.description or "").startswith("new in this text")]}))


def throughput(words=200_000, seed=1):
    """Words per second of draft() on a long synthetic text (the seed article's sentences and
    the gold texts' sentences, shuffled)."""
    from graph.draft.tokens import sentences
    pool = []
    for _, text, *_ in texts():
        pool += [text[s:e] for s, e in sentences(text)]
    rng = random.Random(seed)
    out, n = [], 0
    while n < words:
        s = rng.choice(pool)
        out.append(s)
        n += len(s.split())
    text = " ".join(out)
    ds = graph.load(ROOT / "data")
    t0 = time.perf_counter()
    r = draft(text, ds)
    dt = time.perf_counter() - t0
    return {"words": n, "seconds": dt, "words_per_second": n / dt, "candidates": len(r.claims)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--words", type=int, default=200_000, help="size of the synthetic text")
    args = ap.parse_args(argv)
    rows = {}
    for name, text, ds, gold, perspective, gold_ds in texts():
        rows[name] = evaluate(text, ds, gold, perspective=perspective, gold_ds=gold_ds)
    tp = throughput(args.words)
    if args.json:
        print(json.dumps({"texts": rows, "throughput": tp}, indent=2))
        return
    f = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
    print("A: as the issue states it (subject and object match, part_of both ways, anywhere in the text)")
    print("B: and in the same passage (the candidate's quote overlaps the gold quote)\n")
    print(f"{'text':<28} {'gold':>4} {'cand':>4} | {'A recall':>8} {'precision':>9} {'modality':>8} | "
          f"{'B recall':>8} {'precision':>9} {'modality':>8} {'unordered':>9} | {'both named':>10}")
    for name, r in rows.items():
        a = r["pair"]
        print(f"{name:<28} {r['gold']:>4} {r['candidates']:>4} | {f(a['recall']):>8} {f(a['precision']):>9} "
              f"{f(a['modality_accuracy']):>8} | {f(r['recall']):>8} {f(r['precision']):>9} "
              f"{f(r['modality_accuracy']):>8} {f(r['recall_unordered']):>9} | {r['both_actors_named']:>10}")
    own = [r for n, r in rows.items() if not n.startswith("seed")]
    if own:
        def pooled(get):
            g = sum(r["gold"] for r in own)
            c = sum(r["candidates"] for r in own)
            m = sum(get(r)["matched_gold"] for r in own)
            p = sum((get(r)["precision"] or 0) * r["candidates"] for r in own)
            mod = sum((get(r)["modality_accuracy"] or 0) * get(r)["matched_gold"] for r in own)
            return g, c, f(m / g), f(p / c if c else None), f(mod / m if m else None)
        g, c, ar, ap, am = pooled(lambda r: r["pair"])
        _, _, br, bp, bm = pooled(lambda r: r)
        print(f"{'constructed texts, pooled':<28} {g:>4} {c:>4} | {ar:>8} {ap:>9} {am:>8} | {br:>8} {bp:>9} {bm:>8}")
    print("\nboth named: gold claims whose two actors are both named in the sentences of their quotes\n"
          "(the others need a reading of the text that names them elsewhere, or not at all)")
    print(f"\nthroughput: {tp['words']:,} words in {tp['seconds']:.2f} s = {tp['words_per_second']:,.0f} words/s "
          f"({tp['candidates']:,} candidates)")


if __name__ == "__main__":
    main()
