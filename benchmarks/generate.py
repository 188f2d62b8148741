"""Generate a synthetic actorgraph dataset: N entities, M relations over several files.

Every quote is verbatim in a stored source text, so the full validation runs.

    python benchmarks/generate.py OUT_DIR --entities 1000 --relations 10000 [--files 10] [--seed 1] [--pairs N]

From Python: ``generate(out_dir, entities=1000, relations=10000)``. By default subject and object
are drawn among all entities (pairs hardly recur); with ``pairs=N`` every claim is about one of N
fixed (subject, object) pairs, as in event data, where the same two actors recur month after month.
"""

from __future__ import annotations

import argparse
import os
import random

from graph.vocab import CONTEXTS, MODALITIES, RELATION_TYPES

WORDS = (
    "state ministry border talks aid weapons envoy treaty sanctions militants "
    "agreement security dialogue trade pressure support claims region forces"
).split()


def _sentence(rng, n=12):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(out, *, entities=1000, relations=10000, files=10, sources=5, seed=1, pairs=None):
    """Write the dataset to folder *out* and return the list of files written."""
    rng = random.Random(seed)
    pair_list = None
    if pairs:
        prng = random.Random(seed + 1)  # the default data's draws stay as they were
        pair_list = [(f"E{prng.randrange(entities)}", f"E{prng.randrange(entities)}") for _ in range(pairs)]
    os.makedirs(os.path.join(out, "texts"), exist_ok=True)
    written = []
    texts = []
    for s in range(sources):
        sentences = [_sentence(rng) for _ in range(400)]
        path = os.path.join(out, "texts", f"source-{s}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(sentences))
        texts.append(sentences)
        written.append(path)
    lines = ["sources:"]
    for s in range(sources):
        lines += [
            f"  - id: src-{s}",
            f"    title: Synthetic source {s}",
            "    kind: news report",
            f"    published: {2000 + s}-0{1 + s % 9}",
            f"    text: texts/source-{s}.txt",
        ]
    lines.append("entities:")
    for e in range(entities):
        lines += [
            f"  - id: E{e}",
            f"    name: Entity number {e}",
            "    kind: state",
            f"    aliases: [Alias {e}, Other name {e}]",
            f"    codes: {{wikidata: Q{e + 1}}}",
            f"    description: A synthetic actor for benchmarks, number {e}.",
        ]
    path = os.path.join(out, "sources-and-entities.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    written.append(path)
    types = [t for t in RELATION_TYPES.values()]
    mods = list(MODALITIES)
    ctxs = list(CONTEXTS)
    per_file = -(-relations // files)
    for k in range(files):
        lines = ["relations:"]
        for i in range(k * per_file, min(relations, (k + 1) * per_file)):
            t = rng.choice(types)
            s = rng.randrange(sources)
            sentence = rng.choice(texts[s])
            words = sentence.split()
            a = rng.randrange(0, 6)
            quote = " ".join(words[a : a + 5])
            if pair_list is None:
                subject, object_ = f"E{rng.randrange(entities)}", f"E{rng.randrange(entities)}"
            else:
                subject, object_ = rng.choice(pair_list)
            lines += [f"  - id: rel-{i}", f"    subject: {subject}", f"    object: {object_}", f"    type: {t.name}"]
            if t.modes:
                lines.append(f"    mode: {rng.choice(t.modes)}")
            lines += [
                f"    context: [{rng.choice(ctxs)}]",
                f"    modality: {rng.choice(mods)}",
                f"    when: {rng.randrange(1990, 2025)}-{rng.randrange(1, 13):02d}",
                "    evidence:",
                f'      - {{source: src-{s}, quote: "{quote}"}}',
                f"    attributes: {{count: {rng.randrange(1000)}}}",
                f"    note: Synthetic relation {i}.",
            ]
        path = os.path.join(out, f"relations-{k:02d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        written.append(path)
    return written


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--relations", type=int, default=10000)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, help="every claim about one of this many (subject, object) pairs")
    a = ap.parse_args(argv)
    files = generate(a.out, entities=a.entities, relations=a.relations, files=a.files, seed=a.seed, pairs=a.pairs)
    print(f"wrote {len(files)} files to {a.out}")


if __name__ == "__main__":
    main()
