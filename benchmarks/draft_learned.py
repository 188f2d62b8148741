"""Would a model learned from our own gold add the claims the rules miss? (an experiment, not shipped)

    pip install -e ".[learn]"                                    # scikit-learn, for this script only
    python benchmarks/draft_learned.py                          # leave one set out, over the tuning sets
    python benchmarks/draft_learned.py --score heldout10        # trained on the tuning sets, scored on one

The rules of `graph/draft/` miss about half of the gold claims of a writer they were not tuned on
(benchmarks/README.md, "## Draft"). This script measures the obvious alternative: learn, from the
gold claims of the spent sets, which pairs of actors a sentence states a claim between, and add
those pairs to the draft's candidates. Two logistic regressions (scikit-learn) over words:

- *in the sentence*: each ordered pair of actors the draft recognises in one sentence (the words
  between and around them, their order and distance, their kinds, what the rules proposed there);
- *across sentences*: an actor of the sentence with an actor of the sentence before that it does
  not name (an implicit object or subject: "The patrol withdrew downriver, he said").

A pair the rules did not propose, with a probability above the threshold (fixed before any scoring:
0.3 for both, C=0.5), becomes a candidate on its sentence: its type from a third regression over the
sentence's words, its modality and claimant those of a rule candidate of the same sentence (else
reported, none). Everything is scored by `draft_eval.score_text`, as the draft is.

Leaving one set out trains on the other nine and scores the one left out: its writer's texts were
never seen by the model (the rules, though, were tuned on every spent set, so the rules' own figures
there are optimistic). `--score SET` trains on every tuning set and scores SET once.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draft_eval as de  # noqa: E402

import graph.draft as gd  # noqa: E402
from graph.draft.tokens import sentences  # noqa: E402

C, THETA_IN, THETA_ACROSS = 0.5, 0.3, 0.3
WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+|[\"“”]")


def words(s):
    return [w.lower() for w in WORD.findall(s)]


def overlap(a, b, s, e):
    return a < e and s < b


def collect(half):
    """Per text: the draft, the actors it recognised (the `named` its candidates are made from), gold."""
    seen = {}
    real = gd.candidates

    def spy(text, named, lex, **kw):
        seen["named"], seen["body"] = list(named), kw["page"].body
        return real(text, named, lex, **kw)

    gd.candidates = spy
    try:
        for name, text, ds, gold, gold_ds, published, perspective in de.texts(half):
            r = de.run_draft(text, ds, published, perspective)
            yield SimpleNamespace(
                set=half,
                name=name,
                text=text,
                gold=gold,
                gold_ds=gold_ds,
                result=r,
                named=seen["named"],
                body=seen["body"],
                sents=sentences(text),
                related=_related(r, text, gold_ds),
            )
    finally:
        gd.candidates = real


def _related(r, text, gold_ds):
    """x (a draft id) is gold entity g or of its family, as draft_eval.score_text counts it."""
    by_name = {de._key(n): e.id for e in gold_ds.entities.values() for n in (e.name, *e.aliases)}
    ids, up = {}, {}
    for n in r.all_names:
        forms = [n.name, *n.aliases, *(text[s:e] for s, e in n.spans)]
        ids[n.id] = next((by_name[de._key(f)] for f in forms if de._key(f) in by_name), None) or n.id
        if n.part_of and ids[n.id] == n.id:
            up[n.id] = n.part_of
    fam = {}

    def related(x, g):
        if g not in fam:
            fam[g] = de._family(gold_ds, g) if g in gold_ds.entities else {g}
        return ids.get(x, x) in fam[g] or up.get(x) in fam[g]

    related.same = lambda x, y: ids.get(x, x) == ids.get(y, y)
    return related


def _spans(t, g):
    return [s for s in (de.find_quote(t.text, ev.quote) for ev in g.evidence if getattr(ev, "quote", None)) if s]


def instances(t):
    """(features, label, subject, object, sentence span, sentence words) of each pair of a text."""
    text, out = t.text, []
    golds = [(g, _spans(t, g)) for g in t.gold]
    for k, (a, b) in enumerate(t.sents):
        ms = [m for m in t.named if a <= m[0] and m[1] <= b]
        rc = [c for c in t.result.claims if any(overlap(a, b, s, e) for s, e in de._spans(c))]
        here = [g for g, sp in golds if any(overlap(a, b, s, e) for s, e in sp)]
        sw = set(words(text[a:b]))
        ruled = {(c.subject, c.object) for c in rc}
        common = {
            "rule_any": bool(rc),
            "hl": a < t.body,
            "quote": any(q in text[a:b] for q in '"“”'),
            **{"sw=" + w: 0.3 for w in sw},
        }
        ids = list(dict.fromkeys(m[2] for m in ms))
        if 2 <= len(ids) <= 8:
            for x, y in itertools.permutations(ids, 2):
                if t.related.same(x, y) or (x, y) in ruled:
                    continue
                mx, my = min(
                    ((p, q) for p in ms if p[2] == x for q in ms if q[2] == y), key=lambda pq: abs(pq[0][0] - pq[1][0])
                )
                lo, hi = sorted((mx, my))
                order = "xy" if mx[0] < my[0] else "yx"
                btw = words(text[lo[1] : hi[0]])
                f = {"in": 1, "order=" + order: 1, f"dist={min(len(btw) // 3, 6)}": 1, "btw_long": len(btw) > 15}
                f.update({"btw=" + w: 1 for w in btw[:15]} | {order + "_btw=" + w: 1 for w in btw[:15]})
                f.update({"bef=" + w: 1 for w in words(text[a : lo[0]])[-3:]})
                f.update({"aft=" + w: 1 for w in words(text[hi[1] : b])[:3]})
                f.update({"kx=" + mx[4]: 1, "ky=" + my[4]: 1, f"nact={min(len(ids), 5)}": 1})
                f.update({"x_first": ids[0] == x, "y_first": ids[0] == y, "rule_rev": (y, x) in ruled})
                f.update({"rule_x_subj": any(c.subject == x for c in rc), "rule_y_obj": any(c.object == y for c in rc)})
                f.update({"rule_x_obj": any(c.object == x for c in rc), "rule_y_subj": any(c.subject == y for c in rc)})
                f.update(
                    {"x_speaker": any(c.asserted_by == x for c in rc), "y_speaker": any(c.asserted_by == y for c in rc)}
                )
                out.append(_instance("in", f | common, x, y, (a, b), here, t, sw))
        if k == 0 or not ids:
            continue
        pa, pb = t.sents[k - 1]
        prev = [m for m in t.named if pa <= m[0] and m[1] <= pb and m[2] not in ids]
        pids = list(dict.fromkeys(m[2] for m in prev))
        if not pids or len(pids) > 6:
            continue
        first = words(text[a:b])[:4]
        for role, inn, p in itertools.product(("obj", "subj"), ids, pids):
            x, y = (inn, p) if role == "obj" else (p, inn)
            if t.related.same(x, y) or (x, y) in ruled:
                continue
            mi = next(m for m in ms if m[2] == inn)
            f = {"across_" + role: 1, "k_in=" + mi[4]: 1, "k_prev=" + next(m for m in prev if m[2] == p)[4]: 1}
            f.update({role + "_bef=" + w: 1 for w in words(text[a : mi[0]])[-4:]})
            f.update({role + "_aft=" + w: 1 for w in words(text[mi[1] : b])[:6]})
            f.update({role + "_first=" + w: 1 for w in first})
            f.update({"in_first": ids[0] == inn, "prev_first": pids[0] == p})
            f.update({f"n_in={min(len(ids), 4)}": 1, f"n_prev={min(len(pids), 4)}": 1})
            f.update(
                {"rule_in_subj": any(c.subject == inn for c in rc), "rule_in_obj": any(c.object == inn for c in rc)}
            )
            f.update({"in_speaker": any(c.asserted_by == inn for c in rc)})
            f.update({role + "_" + k2: v for k2, v in common.items()})
            out.append(_instance("across", f, x, y, (a, b), here, t, sw))
    return out


def _instance(kind, f, x, y, span, here, t, sw):
    hit = next((g for g in here if t.related(x, g.subject) and t.related(y, g.object)), None)
    f = {k: float(v) for k, v in f.items() if v}
    return SimpleNamespace(
        kind=kind, f=f, label=hit is not None, type=hit.type if hit else None, x=x, y=y, span=span, sw=sw
    )


def train(texts):
    """The three regressions, trained on *texts*' instances."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    models = {}
    rows = [i for t in texts for i in t.instances]
    for kind in ("in", "across"):
        mine = [i for i in rows if i.kind == kind]
        dv = DictVectorizer()
        X = dv.fit_transform([i.f for i in mine])
        models[kind] = (dv, LogisticRegression(C=C, max_iter=3000).fit(X, [i.label for i in mine]))
    pos = [i for i in rows if i.label]
    dv = DictVectorizer()
    X = dv.fit_transform([{w: 1 for w in i.sw} for i in pos])
    models["type"] = (dv, LogisticRegression(C=C, max_iter=3000).fit(X, [i.type for i in pos]))
    return models


def augmented(t, models):
    """The draft of *t* with the learned candidates added."""
    added = []
    for kind, theta in (("in", THETA_IN), ("across", THETA_ACROSS)):
        mine = [i for i in t.instances if i.kind == kind]
        if not mine:
            continue
        dv, clf = models[kind]
        for i, p in zip(mine, clf.predict_proba(dv.transform([i.f for i in mine]))[:, 1], strict=True):
            if p > theta:
                added.append((i, p))
    claims = list(t.result.claims)
    tdv, tclf = models["type"]
    for i, p in added:
        a, b = i.span
        rule = next((c for c in t.result.claims if any(overlap(a, b, s, e) for s, e in de._spans(c))), None)
        claims.append(
            SimpleNamespace(
                subject=i.x,
                object=i.y,
                type=tclf.predict(tdv.transform([{w: 1 for w in i.sw}]))[0],
                modality=rule.modality if rule else "reported",
                asserted_by=rule.asserted_by if rule else None,
                when=None,
                confidence=round(float(p), 2),
                quotes=[(t.text[a:b], a, b)],
            )
        )
    r = t.result
    return SimpleNamespace(new_names=r.new_names, all_names=r.all_names, claims=claims), len(added)


def score(texts, models):
    """(figures of the draft, figures with the learned candidates, learned candidates added)."""
    plain, more, n = [], [], 0
    for t in texts:
        args = (t.text, None, t.gold, t.gold_ds)
        plain.append(de.score_text(*args, result=t.result))
        res, k = augmented(t, models)
        more.append(de.score_text(*args, result=res))
        n += k
    return de.pool(plain), de.pool(more), n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--score", metavar="SET", help="train on the tuning sets and score SET once")
    args = ap.parse_args(argv)
    by_set = {}
    for half in (*de.SETS, *([args.score] if args.score and args.score not in de.SETS else [])):
        by_set[half] = list(collect(half))
        for t in by_set[half]:
            t.instances = instances(t)
    folds = [args.score] if args.score else list(de.SETS)
    head = f"{'set':10s} {'recall':>14s} {'precision':>14s} {'accepted':>14s}"
    print(f"{head}  added (C={C}, θ={THETA_IN}/{THETA_ACROSS})")
    for held in folds:
        models = train([t for s in de.SETS if s != held for t in by_set[s]])
        p, m, n = score(by_set[held], models)
        cols = "  ".join(f"{p[k]:.2f} -> {m[k]:.2f}" for k in ("recall", "precision", "accepted_unchanged"))
        print(f"{held:10s} {cols}  {n}")


if __name__ == "__main__":
    main()
