"""How much work `actorgraph review` leaves: a reviewer's decisions replayed through the page's API.

    python benchmarks/review_eval.py                          # the texts of benchmarks/draft_gold/
    python benchmarks/review_eval.py --gold DIR [--json]      # another gold folder (a test half)

Each NAME.txt of the gold folder is drafted (``actorgraph draft``) against the entities its NAME.yaml
knows *before* the text (those whose description does not start with "new in this text"), the draft
is served (``actorgraph review``'s server, on 127.0.0.1 with its token), and a reviewer who knows the
gold claims and entities reaches them with the page: for each gold claim, the cheaper of re-using a
candidate of the same passage (its wrong fields changed, its quote trimmed or replaced) and a new
claim from the selected words (every field chosen); the gold's new entities from the draft's new
names or from a selection (kind, part_of, codes, aliases); every other candidate rejected; save. The
decisions go to ``POST /api/decisions`` and ``POST /api/save`` as the page sends them, and the saved
data is compared with the gold (entities by name, claims by subject, type, mode, object, modality,
claimants and quote).

Counted as the page needs them: *keys* (a, r, n, w, t, q, s), *clicks* (a row, a button), *choices*
(one change of a select), *selections* (words dragged over in the article or a quote), *typed* (a
field typed by hand). *YAML edits*: gold claims or entity fields the saved data lacks (target: 0).
Baseline: the page of commit 868bf48, modelled with the same reviewer (no replay: its server is
gone): what it could not do (a second claimant or quote, a trimmed quote without a new claim, an
entity that is not a new name, part_of, codes, aliases, an alias of a known entity, when, note...)
is a YAML edit there.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from click.testing import CliRunner  # noqa: E402
from draft_eval import known_entities  # noqa: E402

import graph  # noqa: E402
from graph.cli import main as cli  # noqa: E402
from graph.draft.output import dump  # noqa: E402
from graph.review import serve  # noqa: E402
from graph.texts import find_quote  # noqa: E402

GOLD = ROOT / "benchmarks" / "draft_gold"
FIELDS = ("subject", "type", "object", "modality")
EXTRA = ("when", "context", "polarity", "attributes", "note")


def _who(v):
    return [] if v in (None, "", []) else (list(v) if isinstance(v, (list, tuple)) else [v])


def _spans(text, quotes):
    return [s for s in (find_quote(text, q) for q in quotes) if s]


def _overlap(a, b):
    return any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)


class Reviewer:
    """One reviewer's work on one draft, counted; ``page`` is "now" or "868bf48" (the baseline)."""

    def __init__(self, state, gold_ds, text, page="now"):
        self.st, self.gold, self.text, self.page = state, gold_ds, text, page
        self.n = Counter()
        self.yaml = []  # what only an edit of the YAML could do
        names = {}
        for e in gold_ds.entities.values():
            for nm in (e.name, *e.aliases):
                names[nm.lower()] = e.id
        self.names = names
        # the page's ids of the gold's entities: known ones keep theirs, new ones are the draft's names
        self.page_id = {e["id"]: e["id"] for e in state["known"]}
        self.gold_of = {e["id"]: e["id"] for e in state["known"]}
        for e in state["entities"]:
            g = names.get(str(e.get("name", "")).lower())
            if g is not None and g not in self.page_id:
                self.page_id[g], self.gold_of[e["id"]] = e["id"], g

    # -- entities ------------------------------------------------------------------------------
    def entities(self):
        out = [dict(e) for e in self.st["entities"]]
        for g in self.gold.entities.values():
            if not (g.description or "").startswith("new in this text"):
                continue
            e = next((x for x in out if self.gold_of.get(x["id"]) == g.id), None)
            if e is None:
                if self.page != "now":
                    self.yaml.append(f"entity {g.id}: not a new name of the draft")
                    continue
                if find_quote(self.text, g.name):
                    self.n["selections"] += 1
                    self.n["keys"] += 1  # w
                else:
                    self.n["clicks"] += 1  # New entity
                    self.n["typed"] += 1  # its name
                e = {
                    "id": f"NEW-{len(out)}",
                    "name": g.name,
                    "kind": None,
                    "status": "draft",
                    "cue": "made by the reviewer",
                }
                out.append(e)
                self.page_id[g.id], self.gold_of[e["id"]] = e["id"], g.id
            else:
                self.n["clicks"] += 1  # its row
            if str(e.get("name", "")).lower() != g.name.lower():  # the draft's name for it is another of its names
                if self.page != "now":
                    self.yaml.append(f"entity {g.id}: name")
                else:
                    self.n["typed"] += 1
                    e["name"] = g.name
            if e.get("kind") != g.kind:
                self.n["choices"] += 1
                e["kind"] = g.kind
            for f, have, want in (
                ("part_of", e.get("part_of"), g.part_of),
                ("codes", e.get("codes") or {}, g.codes),
                ("aliases", e.get("aliases") or [], list(g.aliases)),
            ):
                if want and have != want:
                    if self.page != "now":
                        self.yaml.append(f"entity {g.id}: {f}")
                        continue
                    self.n["choices" if f == "part_of" else "typed"] += 1
                    e[f] = self.page_id.get(want, want) if f == "part_of" else want
            self.n["clicks"] += 1  # Accept entity
            e["status"] = "accepted"
        return out

    # -- claims --------------------------------------------------------------------------------
    def _edits(self, c, g, new=False):
        """The actions to make candidate *c* (or a new claim, *new*) into the gold claim *g*, and the claim."""
        n, c = Counter(), dict(c)
        want = {
            "subject": self.page_id.get(g.subject),
            "object": self.page_id.get(g.object),
            "type": g.type,
            "modality": g.modality,
            "mode": g.mode,
        }
        for f, v in want.items():
            if (c.get(f) or None) != (v or None):
                n["choices"] += 1
                c[f] = v
        have, who = _who(c.get("asserted_by")), [self.page_id.get(x) for x in g.claimants]
        if have != who:
            if self.page != "now" and len(who) > 1:
                n["yaml"] += 1
            elif self.page != "now":
                n["choices"] += 1
            else:
                n["choices"] += sum(1 for a, b in zip(have, who, strict=False) if a != b)
                n["clicks"] += max(0, len(have) - len(who))  # remove
                for i in range(len(have), len(who)):  # add (the subject first)
                    n["clicks"] += 1
                    n["choices"] += who[i] != c["subject"] or i > 0
            c["asserted_by"] = who[0] if len(who) == 1 else (who or None)
        for f in EXTRA:
            v = getattr(g, f, None)
            if v not in (None, (), {}, "") and not (f == "polarity"):
                n["yaml" if self.page != "now" else "typed"] += 1
                c[f] = str(v) if f == "when" else (list(v) if f == "context" else v)
        return n, c

    def _quotes(self, c, g):
        """Actions to give candidate *c* the gold's quotes (trimmed, added, removed); None when this page cannot."""
        want = [e.quote for e in g.evidence if e.quote]
        have = [ev.get("quote") for ev in c.get("evidence") or []]
        if have == want:
            return Counter()
        if self.page != "now":
            return None
        n = Counter()
        for q in want:
            if q in have:
                continue
            inside = next((h for h in have if h and q in h and h not in want), None)
            if inside is not None:
                n["selections"] += 1
                n["keys"] += 1  # t
                have[have.index(inside)] = q
            else:
                n["selections"] += 1
                n["keys"] += 1  # q
                have.append(q)
        n["clicks"] += sum(1 for h in have if h not in want)  # remove the others
        return n

    def claims(self):
        rels = [dict(r) for r in self.st["relations"]]
        src = self.st["source"]
        used, new = set(), []
        for g in self.gold.relations():
            spans = _spans(self.text, [e.quote for e in g.evidence if e.quote])
            best = None
            for c in rels:
                if c["id"] in used or not _overlap(spans, _spans(self.text, [ev.get("quote") for ev in c["evidence"]])):
                    continue
                q = self._quotes(c, g)
                if q is None:
                    continue
                n, made = self._edits(c, g)
                made["evidence"] = [{"source": src, "quote": e.quote} for e in g.evidence]
                cost = sum(n.values()) + sum(q.values()) + 1
                if best is None or cost < best[0]:
                    best = (cost, n + q, c, made)
            # or a new claim from the selected words (at 868bf48: the first mention as subject, CONSULT)
            start = {
                "id": f"{src}-new-{len(new)}",
                "evidence": [{"source": src, "quote": e.quote} for e in g.evidence],
                "status": "draft",
                "cue": "made by the reviewer",
            }
            if self.page != "now":  # (its page took the first two entities named in the selection)
                inside = [
                    m["entity"] for m in self.st["mentions"] if any(a <= m["start"] and m["end"] <= b for a, b in spans)
                ]
                subj = inside[0] if inside else self.st["known"][0]["id"]
                obj = next((x for x in inside if x != subj), subj)
                start.update(subject=subj, type="CONSULT", object=obj, modality="reported")
            n, made = self._edits(start, g, new=True)
            n += Counter(selections=1, keys=1 + max(0, len(g.evidence) - 1) * 2)
            if self.page != "now" and len(g.evidence) > 1:
                n["yaml"] += 1
            if best is None or sum(n.values()) + 1 < best[0]:
                best = (sum(n.values()) + 1, n, None, made)
            _, n, c, made = best
            self.yaml += [f"claim {g.id}"] * n.pop("yaml", 0)
            self.n += n
            self.n["keys"] += 1  # a
            made["status"] = "accepted"
            if c is None:
                new.append(made)
            else:
                used.add(c["id"])
                rels[rels.index(c)] = made
        for c in rels:
            if c["id"] not in used and c["status"] == "draft":
                c["status"] = "rejected"
                self.n["keys"] += 1  # r
        return rels + new


def _request(srv, method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
    headers = {"Host": f"127.0.0.1:{srv.port}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body).encode("utf-8")
    conn.request(method, f"{path}?token={srv.token}", body=body, headers=headers)
    r = conn.getresponse()
    out = json.loads(r.read())
    conn.close()
    return out


def _reached(data, gold, names):
    """Gold claims and new-entity fields that the saved *data* holds (entities matched by name)."""
    ds = graph.load(data)
    to_gold = {e.id: names.get(e.name.lower(), e.id) for e in ds.entities.values()}
    have = {
        (
            to_gold.get(r.subject),
            r.type,
            r.mode,
            to_gold.get(r.object),
            r.modality,
            tuple(to_gold.get(x) for x in r.claimants),
            tuple(e.quote for e in r.evidence),
        )
        for r in ds.relations()
    }
    missing = [
        g.id
        for g in gold.relations()
        if (g.subject, g.type, g.mode, g.object, g.modality, tuple(g.claimants), tuple(e.quote for e in g.evidence))
        not in have
    ]
    for g in gold.entities.values():
        if not (g.description or "").startswith("new in this text"):
            continue
        # the entity by the gold's name or one of its aliases (a drafter may propose "UN Security Council"
        # for the gold's "Security Council", alias "UN Security Council": one entity, every name kept)
        gold_names = {n.lower() for n in (g.name, *g.aliases)}
        e = next((x for x in ds.entities.values() if x.name.lower() in gold_names), None)
        if e is None:
            missing.append(f"entity {g.id}")
            continue
        for f, ok in (
            ("kind", e.kind == g.kind),
            ("part_of", to_gold.get(e.part_of) == g.part_of),
            ("codes", dict(g.codes).items() <= dict(e.codes).items()),
            ("aliases", gold_names <= {n.lower() for n in (e.name, *e.aliases)}),
        ):
            if not ok:
                missing.append(f"entity {g.id}: {f}")
    return missing


def evaluate(path: Path) -> dict:
    """The figures of one gold file *path* (NAME.yaml beside NAME.txt)."""
    gold = graph.load(path)
    src = next(iter(gold.sources.values()))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    known = known_entities(gold)
    with tempfile.TemporaryDirectory(prefix="review-eval-") as tmp:
        ws = Path(tmp)
        (ws / "data" / "texts").mkdir(parents=True)
        (ws / "data" / "known.yaml").write_text(dump({"entities": known}), encoding="utf-8")
        (ws / "data" / "texts" / f"{path.stem}.txt").write_text(text, encoding="utf-8")
        draft = ws / "drafts" / f"{src.id}.yaml"
        argv = [
            "draft",
            str(ws / "data" / "texts" / f"{path.stem}.txt"),
            str(ws / "data"),
            "--source-id",
            src.id,
            "--title",
            src.title,
            "-o",
            str(draft),
        ]
        argv += ["--perspective", src.perspective] if src.perspective else []
        r = CliRunner().invoke(cli, argv)
        assert r.exit_code == 0, r.output
        srv = serve(draft)
        srv.start()
        try:
            state = _request(srv, "GET", "/api/state")
            base = Reviewer(state, gold, text, page="868bf48")
            base.entities()
            base.claims()
            who = Reviewer(state, gold, text)
            ents = who.entities()
            rels = who.claims()
            kept = _request(srv, "POST", "/api/decisions", {"rev": state["rev"], "relations": rels, "entities": ents})
            saved = _request(srv, "POST", "/api/save", {"rev": kept["rev"], "relations": rels, "entities": ents})
            who.n["keys"] += 1  # s
        finally:
            srv.shutdown()
            srv.server_close()
        missing = _reached(ws / "data", gold, who.names) if saved.get("ok") else ["(not saved)"]
    base.n["keys"] += 1
    return {
        "gold_claims": len(gold.relations()),
        "candidates": len(state["relations"]),
        "actions": sum(who.n.values()),
        "by_kind": dict(who.n),
        "typed": who.n["typed"],
        "saved": bool(saved.get("ok")),
        "problems": saved.get("problems", []),
        "yaml_edits": len(missing),
        "missing": missing,
        "baseline": {
            "actions": sum(base.n.values()),
            "typed": base.n["typed"],
            "yaml_edits": len(base.yaml),
            "what": base.yaml,
        },
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder of NAME.txt and NAME.yaml (default %(default)s)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = {p.stem: evaluate(p) for p in sorted(args.gold.glob("*.yaml"))}
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"gold: {args.gold}\n")
    print(
        f"{'text':<22} {'gold':>4} {'cand':>4} | {'actions':>7} {'keys':>4} {'clicks':>6} {'choices':>7} "
        f"{'select':>6} {'typed':>5} {'YAML edits':>10} | {'868bf48: actions':>16} {'typed':>5} {'YAML edits':>10}"
    )
    tot = Counter()
    for name, r in rows.items():
        k, b = Counter(r["by_kind"]), r["baseline"]
        print(
            f"{name:<22} {r['gold_claims']:>4} {r['candidates']:>4} | {r['actions']:>7} {k['keys']:>4} "
            f"{k['clicks']:>6} {k['choices']:>7} {k['selections']:>6} {k['typed']:>5} {r['yaml_edits']:>10} | "
            f"{b['actions']:>16} {b['typed']:>5} {b['yaml_edits']:>10}"
        )
        tot += Counter(
            gold=r["gold_claims"],
            cand=r["candidates"],
            actions=r["actions"],
            typed=r["typed"],
            yaml=r["yaml_edits"],
            b_actions=b["actions"],
            b_typed=b["typed"],
            b_yaml=b["yaml_edits"],
        )
        for m in r["missing"] + r["problems"]:
            print(f"    not reached: {m}")
    print(
        f"{'all':<22} {tot['gold']:>4} {tot['cand']:>4} | {tot['actions']:>7} {'':>4} {'':>6} {'':>7} {'':>6} "
        f"{tot['typed']:>5} {tot['yaml']:>10} | {tot['b_actions']:>16} {tot['b_typed']:>5} {tot['b_yaml']:>10}"
    )
    if tot["gold"]:
        print(
            f"\n{tot['actions'] / tot['gold']:.1f} actions per gold claim (868bf48: "
            f"{tot['b_actions'] / tot['gold']:.1f} and {tot['b_yaml']} YAML edits)"
        )


if __name__ == "__main__":
    main()
