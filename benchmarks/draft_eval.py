"""How well `actorgraph draft` does against hand-coded gold claims, on texts it was not tuned on.

    python benchmarks/draft_eval.py                          # the dev half (the rules are tuned on it)
    python benchmarks/draft_eval.py --half test              # the held-out half: score it once, at the end
    python benchmarks/draft_eval.py --half both --baseline 868bf48   # both halves, another commit's draft beside
    python benchmarks/draft_eval.py --half older             # the seed article and benchmarks/draft_gold/
    python benchmarks/draft_eval.py --half tuning            # the eleven sets, all spent: tune on them
    python benchmarks/draft_eval.py --half heldout10         # the tenth held-out set (scored once, end of round 10)
    python benchmarks/draft_eval.py --half all --baseline 3c38a48    # all eleven, another draft beside
    python benchmarks/draft_eval.py --calibrate              # print the confidence table measured on the tuning texts

Gold: `benchmarks/draft_news/{dev,test,heldout2,...,heldout10}/` (constructed news-style texts,
see its README and those of the heldout folders) and, as "older", the seed article (its 42 claims) and
the four texts of `benchmarks/draft_gold/`. The first round of rules was tuned on dev (test held
out); the second on dev and test, with heldout2 written before it and held out; the third on dev,
test and heldout2, with heldout3 written before it and held out; the fourth on all of those, with
heldout4 written by another engineer during it, never drafted until the one scoring run; the fifth
on all five, with heldout5 written the same way during it; the sixth on all six, with heldout6;
the seventh on all seven, with heldout7; the eighth on all eight, with heldout8; the ninth on all
nine, with heldout9; the tenth on all ten, with heldout10 (all eleven are spent now: a next round
needs a new held-out set, written first, by someone else). Each NAME.yaml
holds the source, the entities a dataset knows before the article (the others, whose description
starts "new in this text", are names the draft should propose) and the gold claims. The draft runs
against the known entities only.

A candidate *matches* a gold claim when one of its quotes overlaps one of the gold's quotes (the
same passage) and its subject and object are the gold's, an entity counting as itself, the entity
it is `part_of` and the entities `part_of` it; a new name the draft proposes counts as the gold
entity whose name or alias it is. Recall: gold claims matched / gold claims. Precision: candidates
matching a gold claim / candidates. On each matched gold claim, the best matching candidate (exact
subject and object first, then the most confident): type, modality, `asserted_by` (the gold's, or
part_of either way; none for none) and `when` (the same text; none for none) right or not.
"Dated" is the date accuracy on the gold claims that have a `when`. Junk names: new names the draft
proposes that are no entity of the gold (page furniture, "Testifying", a month); since the fifth
round the draft proposes only the names its candidates use, and "junk found" is the same share over
every name it found (proposed, or listed as mentioned). Accepted
unchanged: candidates whose subject, type, object, modality and claimant are exactly a gold
claim's of the same passage. Calibration: candidates by confidence, against the share accepted
unchanged. Throughput: words per second of draft() on a long text made of the dev and older texts'
sentences.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = os.environ.get("ACTORGRAPH_EVAL_CODE")  # another checkout's graph/ (see --baseline)
sys.path.insert(0, CODE or str(ROOT))

import graph  # noqa: E402
from graph.draft import draft  # noqa: E402
from graph.texts import find_quote  # noqa: E402

NEWS = ROOT / "benchmarks" / "draft_news"
OLDER = ROOT / "benchmarks" / "draft_gold"
BINS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.01)
# every set is spent (heldout10 was scored once at the end of the tenth round): a next round writes heldout11 first
# (on another branch, never drafted) and puts it in HELD, in "all" only, until it is scored
SETS = (
    "dev",
    "test",
    *(f"heldout{k}" for k in range(2, 11)),
)
HELD: tuple = ()
HALVES = {"both": ("dev", "test"), "tuning": SETS, "all": SETS + HELD}


def known_entities(ds) -> list[dict]:
    """The gold file's entities that are not new in the text, as data records: what a dataset knows
    before the article (the draft runs against them; review_eval.py writes them into its folder)."""
    return [
        {
            k: v
            for k, v in {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "codes": dict(e.codes),
                "part_of": e.part_of,
            }.items()
            if v
        }
        for e in ds.entities.values()
        if not (e.description or "").startswith("new in this text")
    ]


def _known_only(ds):
    """The dataset the draft runs against: the gold file's entities that are not new in the text."""
    return graph.loads(json.dumps({"entities": known_entities(ds)}))


def texts(half):
    """(name, text, dataset drafted against, gold relations, gold dataset, published, perspective)."""
    if half == "older":
        seed = graph.load(ROOT / "data")
        src = seed.source("oped-2025-us-equipment-afghanistan")
        text = (ROOT / "data" / "texts" / "000_e8862f374e2db2d8.txt").read_text(encoding="utf-8")
        yield "seed article (data/)", text, seed, seed.relations(), seed, None, src.perspective
        folders = [OLDER]
    else:
        folders = [NEWS / h for h in HALVES.get(half, (half,))]
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            ds = graph.load(path)
            src = next(iter(ds.sources.values()))
            text = path.with_suffix(".txt").read_text(encoding="utf-8")
            published = getattr(src, "published", None)
            yield (
                f"{folder.name}/{path.stem}",
                text,
                _known_only(ds),
                ds.relations(),
                ds,
                str(published) if published else None,
                src.perspective,
            )


def run_draft(text, ds, published=None, perspective=None):
    """draft() of this code or of an older one (which may not know ``published``)."""
    kw = {"perspective": perspective}
    if "published" in inspect.signature(draft).parameters:
        kw["published"] = published
    return draft(text, ds, **kw)


def _family(ds, eid):
    out = {eid}
    e = ds.entities.get(eid)
    if e is not None and e.part_of:
        out.add(e.part_of)
    out |= {x.id for x in ds.entities.values() if x.part_of == eid}
    return out


def _key(name):
    name = " ".join(str(name).lower().replace("’", "'").split())
    return name[4:] if name.startswith("the ") else name


def _spans(c):
    quotes = getattr(c, "quotes", None)
    if quotes:
        return [(q[1], q[2]) if isinstance(q, (tuple, list)) else (q["start"], q["end"]) for q in quotes]
    return [(c.start, c.end)]


def score_text(text, ds, gold, gold_ds, published=None, perspective=None, result=None):
    """The counts of one text (added up over a half by :func:`pool`): of its draft, or of *result*, the
    same shape made otherwise (coder_agreement.py scores a second coder's claims so)."""
    if result is None:
        result = run_draft(text, ds, published, perspective)
    by_name = {}
    for e in gold_ds.entities.values():
        for n in (e.name, *e.aliases):
            by_name.setdefault(_key(n), e.id)
    new_ids, junk = {}, []
    for n in result.new_names:
        forms = [n.name, *getattr(n, "aliases", ()), *(text[s:e] for s, e in n.spans)]
        hit = next((by_name[_key(f)] for f in forms if _key(f) in by_name), None)
        new_ids[n.id] = hit or n.id
        if hit is None:
            junk.append(n.name)
    # every name the draft found, the proposed and the merely mentioned (drafts before the fifth round
    # proposed every name they found): how clean the name finding is, whatever the draft proposes
    found = getattr(result, "all_names", result.new_names)
    found_junk = sum(
        not any(_key(f) in by_name for f in [n.name, *getattr(n, "aliases", ()), *(text[s:e] for s, e in n.spans)])
        for n in found
    )
    fam = {}

    def family(x):
        if x not in fam:
            fam[x] = _family(gold_ds, x) if x in gold_ds.entities else {x}
        return fam[x]

    cands = []
    for c in result.claims:
        cands.append(
            {
                "subject": new_ids.get(c.subject, c.subject),
                "object": new_ids.get(c.object, c.object),
                "type": c.type,
                "modality": c.modality,
                "asserted_by": new_ids.get(c.asserted_by, c.asserted_by),
                "when": getattr(c, "when", None),
                "confidence": c.confidence,
                "spans": _spans(c),
            }
        )
    golds = []
    for g in gold:
        spans = [find_quote(text, ev.quote) for ev in g.evidence if getattr(ev, "quote", None)]
        golds.append((g, [s for s in spans if s]))

    def same_passage(c, spans):
        return any(a < e and s < b for a, b in c["spans"] for s, e in spans)

    up = {n.id: n.part_of for n in result.new_names if getattr(n, "part_of", None) and new_ids.get(n.id) == n.id}

    def related(x, gid):
        # a proposed office the gold does not list counts as part of its state
        return x in family(gid) or up.get(x) in family(gid)

    def match(c, g, spans):
        return same_passage(c, spans) and related(c["subject"], g.subject) and related(c["object"], g.object)

    def exact(c, g, spans):
        return same_passage(c, spans) and (c["subject"], c["type"], c["object"], c["modality"], c["asserted_by"]) == (
            g.subject,
            g.type,
            g.object,
            g.modality,
            g.asserted_by,
        )

    out = {
        "gold": len(gold),
        "candidates": len(cands),
        "matched": 0,
        "correct": 0,
        "type": 0,
        "modality": 0,
        "asserted_by": 0,
        "when": 0,
        "dated": 0,
        "dated_ok": 0,
        "accepted": 0,
        "new_names": len(result.new_names),
        "junk": len(junk),
        "junk_names": junk,
        "found_names": len(found),
        "found_junk": found_junk,
        "calibration": [],
    }
    for g, spans in golds:
        hits = [c for c in cands if match(c, g, spans)]
        if g.when is not None:
            out["dated"] += 1
        if not hits:
            continue
        out["matched"] += 1
        best = max(
            hits,
            key=lambda c: (
                c["subject"] == g.subject and c["object"] == g.object,
                c["type"] == g.type,
                c["modality"] == g.modality,
                c["confidence"],
            ),
        )
        out["type"] += best["type"] == g.type
        out["modality"] += best["modality"] == g.modality
        ab = best["asserted_by"]
        out["asserted_by"] += (ab is None and g.asserted_by is None) or (
            ab is not None and g.asserted_by is not None and related(ab, g.asserted_by)
        )
        gw = str(g.when) if g.when is not None else None
        out["when"] += best["when"] == gw
        out["dated_ok"] += gw is not None and best["when"] == gw
    for c in cands:
        out["correct"] += any(match(c, g, spans) for g, spans in golds)
        ok = any(exact(c, g, spans) for g, spans in golds)
        out["accepted"] += ok
        out["calibration"].append((c["confidence"], ok))
    return out


def pool(rows):
    """The figures of a half from the counts of its texts."""
    s = {
        k: sum(r[k] for r in rows)
        for k in (
            "gold",
            "candidates",
            "matched",
            "correct",
            "type",
            "modality",
            "asserted_by",
            "when",
            "dated",
            "dated_ok",
            "accepted",
            "new_names",
            "junk",
            "found_names",
            "found_junk",
        )
    }
    div = lambda a, b: a / b if b else None  # noqa: E731
    calib = [x for r in rows for x in r["calibration"]]
    bins = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(c, ok) for c, ok in calib if lo <= c < hi]
        if inside:
            bins.append(
                {
                    "confidence": f"{lo:.2f}-{min(hi, 1):.2f}",
                    "candidates": len(inside),
                    "mean_confidence": sum(c for c, _ in inside) / len(inside),
                    "accepted_share": sum(ok for _, ok in inside) / len(inside),
                }
            )
    ece = (
        sum(b["candidates"] * abs(b["mean_confidence"] - b["accepted_share"]) for b in bins) / len(calib)
        if calib
        else None
    )
    return {
        "texts": len(rows),
        "gold": s["gold"],
        "candidates": s["candidates"],
        "recall": div(s["matched"], s["gold"]),
        "precision": div(s["correct"], s["candidates"]),
        "type": div(s["type"], s["matched"]),
        "modality": div(s["modality"], s["matched"]),
        "asserted_by": div(s["asserted_by"], s["matched"]),
        "date": div(s["when"], s["matched"]),
        "dated": div(s["dated_ok"], s["dated"]),
        "junk_names": div(s["junk"], s["new_names"]),
        "new_names": s["new_names"],
        "junk_found": div(s["found_junk"], s["found_names"]),
        "accepted_unchanged": div(s["accepted"], s["candidates"]),
        "calibration": bins,
        "calibration_error": ece,
    }


def throughput(words=200_000, seed=1):
    """Words per second of draft() on a long text of the dev and older texts' sentences, shuffled."""
    from graph.draft.tokens import sentences

    pool_ = []
    for half in ("dev", "older"):
        for _, text, *_ in texts(half):
            pool_ += [text[s:e] for s, e in sentences(text)]
    rng = random.Random(seed)
    out, n = [], 0
    while n < words:
        s = rng.choice(pool_)
        out.append(s)
        n += len(s.split())
    text = "\n\n".join(out)
    ds = graph.load(ROOT / "data")
    t0 = time.perf_counter()
    r = run_draft(text, ds)
    dt = time.perf_counter() - t0
    return {"words": n, "seconds": dt, "words_per_second": n / dt, "candidates": len(r.claims)}


def show(half, name):
    """Print one text's candidates (+ accepted unchanged, ~ matched, - neither) and missed gold claims."""
    for n, text, ds, gold, gold_ds, published, persp in texts(half):
        if name not in n:
            continue
        r = run_draft(text, ds, published, persp)
        print(f"== {n}  (page date {getattr(getattr(r, 'page', None), 'date', None)})")
        print("new names:", ", ".join(f"{x.name} [{x.kind}]" for x in r.new_names))
        sc = score_text(text, ds, gold, gold_ds, published, persp)
        for c, (_, ok) in zip(r.claims, sc["calibration"], strict=True):
            print(
                f"{'+' if ok else ' '} {c.subject} {c.type} {c.object} {c.modality} by={c.asserted_by} "
                f"when={getattr(c, 'when', None)} conf={c.confidence}  | {c.quote[:90]}"
            )
            print(f"      {c.cue[:160]}")
        print("gold:")
        for g in gold:
            print(
                f"  {g.id}: {g.subject} {g.type} {g.object} {g.modality} by={g.asserted_by} when={g.when}  | "
                f"{g.evidence[0].quote[:80]}"
            )


def evaluate(half):
    rows = {
        name: score_text(text, ds, gold, gold_ds, published, persp)
        for name, text, ds, gold, gold_ds, published, persp in texts(half)
    }
    return {"texts": rows, "pooled": pool(list(rows.values()))}


def baseline(rev, halves, words):
    """The figures of the draft code of commit *rev* (this script, that commit's graph/)."""
    with tempfile.TemporaryDirectory(prefix="draft-eval-") as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "graph"], check=True, capture_output=True
        ).stdout
        tar = Path(tmp) / "graph.tar"
        tar.write_bytes(archive)
        with tarfile.open(tar) as t:
            t.extractall(tmp, filter="data") if hasattr(tarfile, "data_filter") else t.extractall(tmp)
        env = dict(os.environ, ACTORGRAPH_EVAL_CODE=tmp, PYTHONPATH=tmp)
        out = subprocess.run(
            [sys.executable, __file__, "--json", "--half", halves, "--words", str(words)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return json.loads(out)


METRICS = (
    "recall",
    "precision",
    "type",
    "modality",
    "asserted_by",
    "date",
    "dated",
    "junk_names",
    "junk_found",
    "accepted_unchanged",
    "calibration_error",
)


def _f(x):
    return "-" if x is None else f"{x:.2f}"


def report(figures, base=None, rev=None):
    halves = [h for h in figures if h != "throughput"]
    head = f"{'':22}" + "".join(
        f"{h + (' new' if base else ''):>12}" + (f"{h + ' ' + rev:>16}" if base else "") for h in halves
    )
    print(head)
    for row in ("texts", "gold", "candidates", "new_names") + METRICS:
        line = f"{row:22}"
        for h in halves:
            v = figures[h]["pooled"][row]
            line += f"{v if isinstance(v, int) else _f(v):>12}"
            if base:
                b = base[h]["pooled"][row]
                line += f"{b if isinstance(b, int) else _f(b):>16}"
        print(line)
    for h in halves:
        print(f"\n{h}: calibration (confidence bin: candidates, mean confidence, share accepted unchanged)")
        for b in figures[h]["pooled"]["calibration"]:
            print(f"  {b['confidence']}: {b['candidates']:4}  {b['mean_confidence']:.2f}  {b['accepted_share']:.2f}")
        print(f"{h}: per text (gold, candidates, recall, precision, accepted unchanged, junk names)")
        for name, r in figures[h]["texts"].items():
            p = pool([r])
            print(
                f"  {name:38} {r['gold']:3} {r['candidates']:3}  {_f(p['recall'])}  {_f(p['precision'])}  "
                f"{_f(p['accepted_unchanged'])}  {', '.join(r['junk_names'])}"
            )
    tp = figures.get("throughput")
    if tp:
        print(
            f"\nthroughput: {tp['words']:,} words in {tp['seconds']:.2f} s = {tp['words_per_second']:,.0f} words/s"
            + (
                f" ({rev}: {base['throughput']['words_per_second']:,.0f} words/s)"
                if base and "throughput" in base
                else ""
            )
        )


def calibrate():
    """Per kind of candidate (rule/modality/passages), the share of the candidates of the tuning
    sets (dev, test, heldout2 ...) accepted unchanged: the confidence table of
    graph/draft/calibration.yaml."""
    from graph.draft.calibrate import cue_kind

    counts = {}
    for _name, text, ds, gold, gold_ds, published, persp in texts("tuning"):
        result = run_draft(text, ds, published, persp)
        scored = score_text(text, ds, gold, gold_ds, published, persp)
        for c, (_, ok) in zip(result.claims, scored["calibration"], strict=True):
            k = cue_kind(c)
            n, a = counts.get(k, (0, 0))
            counts[k] = (n + 1, a + ok)
    print(
        "# Confidence of `actorgraph draft` (graph/draft/calibrate.py): for each kind of candidate (rule/\n"
        f"# modality/passages), [candidates, accepted unchanged] on the sets {', '.join(HALVES['tuning'])}\n"
        "# of benchmarks/draft_news (the rules were tuned on them),\n"
        "# measured by `python benchmarks/draft_eval.py --calibrate > graph/draft/calibration.yaml`.\nkinds:"
    )
    for k, (n, a) in sorted(counts.items(), key=lambda x: (-x[1][0], x[0])):
        print(f"  {k}: [{n}, {a}]")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    halves = (*SETS, *HELD, "both", "tuning", "all", "older")
    ap.add_argument("--half", choices=halves, default="dev")
    ap.add_argument("--baseline", metavar="REV", help="also score the draft of commit REV (e.g. 868bf48)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--words", type=int, default=200_000, help="size of the throughput text (0: no throughput)")
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--show", metavar="NAME", help="print the candidates and gold claims of the texts named so")
    args = ap.parse_args(argv)
    if args.calibrate:
        return calibrate()
    if args.show:
        return show(args.half, args.show)
    halves = HALVES.get(args.half, (args.half,))
    figures = {h: evaluate(h) for h in halves}
    if args.words:
        figures["throughput"] = throughput(args.words)
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    base = baseline(args.baseline, args.half, args.words) if args.baseline else None
    report(figures, base, args.baseline)


if __name__ == "__main__":
    main()
