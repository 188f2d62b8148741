"""Hostile inputs that used to cost superlinear time or output (issue 22, items 4 and 9), timed.

    python benchmarks/hostile_bench.py [--code CHECKOUT] [--cases quote-30k,keys-30k,...] [--timeout 600]

Each case builds a data folder (constructed text and records) and times, in a fresh process,
``python -m graph validate DIR`` with the code of CHECKOUT (default: this one; give an older
checkout, e.g. ``git worktree add /tmp/old 868bf48``, for the figures before), against a
baseline measured in the same run on the same machine:

* ``quote-30k``, ``quote-100k``: one claim whose 30 kB (100 kB) quote differs from its stored
  text in its last character; baseline: the same folder with the quote verbatim;
* ``keys-30k``, ``keys-300k``: one record with 30,000 (300,000) unknown keys; baseline: a bare
  ``yaml.load`` (CSafeLoader) of the same file, in a fresh process;
* ``problems-300k``: 300,000 claims that each name an unknown actor: the time and the bytes
  printed; baseline: ``validate --no-cache`` of the same number of valid claims;
* ``tiny-100k``: a first load of 100,000 one-record files with the cache on (an empty cache);
  baseline: the same load with the cache off.

Prints one Markdown row per case: seconds, baseline seconds, ratio (and bytes printed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
WORDS = (
    "the spokesman said on Tuesday that talks on the border crossing would resume after a pause and that "
    "officials denied reports of a closure"
).split()


def _text(n_chars):
    out, i = [], 0
    while sum(map(len, out)) + len(out) < n_chars:
        out.append(WORDS[i % len(WORDS)] + ("." if i % 17 == 16 else ""))
        i += 1
    return " ".join(out)


def _quote_folder(d, n, verbatim):
    """A claim whose *n*-character quote differs from its text in its last character (unless *verbatim*)."""
    text = _text(n + 20_000)
    start = text.index(" ", 1000) + 1
    quote = text[start : start + n].rstrip()
    if not verbatim:
        quote = quote[:-1] + "X"
    (d / "text.txt").write_text(text, encoding="utf-8")
    (d / "a.yaml").write_text(
        "sources:\n  - {id: s1, title: A constructed example, kind: news report, text: text.txt}\n"
        "entities:\n  - {id: PAK, name: Pakistan, kind: state}\n  - {id: USA, name: United States, kind: state}\n"
        "relations:\n  - id: r1\n    subject: PAK\n    object: USA\n    type: CONSULT\n    modality: reported\n"
        f'    evidence: [{{source: s1, quote: "{quote}"}}]\n',
        encoding="utf-8",
    )


def _keys_folder(d, n):
    with open(d / "a.yaml", "w", encoding="utf-8") as f:
        f.write("entities:\n  - id: PAK\n    name: Pakistan\n    kind: state\n")
        for i in range(n):
            f.write(f"    field{i}: value\n")


def _claims_folder(d, n, known):
    """*n* claims whose subject is an unknown actor (unless *known*)."""
    with open(d / "a.yaml", "w", encoding="utf-8") as f:
        f.write(
            "sources: [{id: s1, title: A constructed example, kind: dataset}]\n"
            "entities:\n  - {id: PAK, name: Pakistan, kind: state}\nrelations:\n"
        )
        for i in range(n):
            who = "PAK" if known else f"NOBODY{i}"
            f.write(
                f"  - {{id: r{i}, subject: {who}, object: PAK, type: CONSULT, modality: reported, "
                f"evidence: [{{source: s1, record: e{i}}}]}}\n"
            )


def _tiny_folder(d, n):
    (d / "s.yaml").write_text("sources: [{id: s1, title: A constructed example}]\n", encoding="utf-8")
    for i in range(n):
        sub = d / f"part{i // 1000:03}"
        sub.mkdir(exist_ok=True)
        (sub / f"e{i:06}.yaml").write_text(
            f"entities:\n  - {{id: E{i}, name: Entity {i}, kind: state}}\n", encoding="utf-8"
        )


def _run(code, args, env_extra=None, timeout=600):
    """Seconds and bytes printed of ``python -m graph ARGS`` with *code* (``None`` seconds: timed out)."""
    env = dict(os.environ, PYTHONPATH=str(code), **(env_extra or {}))
    t = time.perf_counter()
    try:
        p = subprocess.run(
            [sys.executable, "-m", "graph", *map(str, args)], env=env, capture_output=True, timeout=timeout, cwd=code
        )  # (python -m puts the current folder first)
    except subprocess.TimeoutExpired:
        return None, 0
    return time.perf_counter() - t, len(p.stdout) + len(p.stderr)


def _yaml_load(path, timeout):
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)", str(path)],
        check=True,
        timeout=timeout,
    )
    return time.perf_counter() - t


def case(name, code, tmp, timeout):
    d = tmp / name
    d.mkdir()
    env = {"ACTORGRAPH_CACHE_DIR": str(tmp / (name + "-cache")), "XDG_CONFIG_HOME": str(tmp / "config")}
    n = int(name.split("-")[1][:-1]) * 1000
    if name.startswith("keys-"):
        _keys_folder(d, n)
        return _run(code, ["validate", d, "--no-cache"], env, timeout), _yaml_load(d / "a.yaml", timeout)
    if name.startswith(("quote-", "problems-")):  # the hostile folder, and its benign twin as the baseline
        make = _quote_folder if name.startswith("quote-") else _claims_folder
        base = tmp / (name + "-base")
        base.mkdir()
        make(d, n, False)
        make(base, n, True)
        return _run(code, ["validate", d, "--no-cache"], env, timeout), _run(
            code, ["validate", base, "--no-cache"], env, timeout
        )[0]
    if name.startswith("tiny-"):
        _tiny_folder(d, n)
        base = _run(code, ["validate", d, "--no-cache"], env, timeout)[0]
        return _run(code, ["validate", d], env, timeout), base
    raise SystemExit(f"unknown case {name}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--code", default=str(HERE), help="the checkout whose graph/ is timed")
    ap.add_argument("--cases", default="quote-30k,quote-100k,keys-30k,keys-300k,problems-300k,tiny-100k")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a run counts as 'over'")
    a = ap.parse_args(argv)
    print(f"code: {a.code}\n\n| case | seconds | baseline | ratio | printed |\n|---|---|---|---|---|")
    for name in a.cases.split(","):
        tmp = Path(tempfile.mkdtemp(prefix="hostile-bench-"))
        try:
            (secs, printed), base = case(name, a.code, tmp, a.timeout)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        shown = f"{secs:.2f}" if secs is not None else f"> {a.timeout:.0f}"
        ratio = f"{secs / base:.2f}" if secs is not None and base else "-"
        print(f"| {name} | {shown} | {base:.2f} | {ratio} | {printed:,} bytes |", flush=True)


if __name__ == "__main__":
    main()
