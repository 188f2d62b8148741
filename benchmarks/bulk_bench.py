"""Validating bulk files: `actorgraph validate` of a GDELT import against reading its Parquet file into Python, side by
side.

Generates N synthetic GDELT rows (benchmarks/generate_gdelt.py) and imports them
(``actorgraph import --format gdelt``: 1M rows give 854,127 relations among 600
actors, one Parquet file of relations), then times, alternating, each in a fresh
process (best of --repeat; wall time of the process, its time after its imports,
and its peak resident memory, VmHWM):

* ``read``: ``pyarrow.parquet.read_table(FILE).to_pylist()`` of the relations file
  (the baseline: every row a Python dict, nothing checked);
* ``cold``: ``actorgraph validate --no-cache DIR``;
* ``first``: ``actorgraph validate DIR`` with an empty cache folder (the first
  command of a user: it writes the cache), and ``cached``, the same again;
* ``bad-row``: ``validate --no-cache`` of the same folder whose relation file names
  an unknown actor in one row near its end (the located error is printed);
* with ``--jsonl``, ``jsonl`` and ``jsonl-bad``: the same relations as JSON Lines,
  and with one polarity written as text near the end.

``--code DIR`` (repeatable) measures the ``graph`` package of each checkout
named, side by side in one run (default: this one's). Targets (issue 26): ``cold``
<= 2x ``read``; ``first`` <= 1.2x ``cold`` and <= 1.5 GB.

    python benchmarks/bulk_bench.py [--rows 1000000] [--repeat 2] [--code DIR ...] [--jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [HERE, ROOT]
from generate_gdelt import generate_gdelt  # noqa: E402

CHILD = r"""
import json, sys, time
what, target, cache = sys.argv[1], sys.argv[2], sys.argv[3]
if what == "read":
    import pyarrow.parquet as pq
    t = time.perf_counter()
    rows = pq.read_table(target).to_pylist()
    n = len(rows)
else:
    from graph.cli import main
    t = time.perf_counter()
    args = ["validate", target] + (["--no-cache"] if cache == "-" else ["--cache-dir", cache])
    try:
        main(args, standalone_mode=False)
        n = 0
    except SystemExit as exc:
        n = exc.code
seconds = time.perf_counter() - t
with open("/proc/self/status") as f:   # the peak resident size of this process alone (not its parent's)
    peak = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "n": n, "peak": peak}))
"""

WHAT = ("read", "cold", "first", "cached", "bad-row", "jsonl", "jsonl-bad")


def run_measured(what, target, cache, code, env):
    """``{seconds, wall, peak, out}`` of one measurement in a fresh process (*peak*: its peak resident size)."""
    env = dict(env, PYTHONPATH=code)
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, what, target, cache],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=os.path.dirname(target),
    )
    out_chunks = [proc.stdout.read(), proc.stderr.read()]
    proc.wait()
    wall = time.perf_counter() - t
    out, err = (c.decode("utf-8", "replace") for c in out_chunks)
    lines = [line for line in out.strip().splitlines() if line.startswith("{")]
    found = json.loads(lines[-1]) if lines else {}
    return {
        "seconds": found.get("seconds", float("nan")),
        "wall": wall,
        "peak": found.get("peak", 0),
        "out": (out + err).strip(),
    }


def _bad_parquet(src, dst, row):
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pq.read_table(src)
    subject = t.column("subject").to_pylist()
    subject[row] = "XYZZY"
    pq.write_table(
        t.set_column(t.column_names.index("subject"), "subject", pa.array(subject, pa.string())),
        dst,
        compression="zstd",
    )


def _jsonl(src, dst, bad_row=None):
    import pyarrow.parquet as pq

    t = pq.read_table(src)
    with open(dst, "w", encoding="utf-8") as f:
        for i, row in enumerate(t.to_pylist()):
            if i == bad_row:
                row["polarity"] = "high"
            f.write(json.dumps({k: v for k, v in row.items() if v is not None}) + "\n")


def folders(base, rows):
    """The data folders measured: the import, and its bad copies."""
    from graph.imports.events import import_events

    events = generate_gdelt(os.path.join(base, "events.export.CSV"), rows=rows)
    good = os.path.join(base, "gd")
    import_events([events], "gdelt", good)
    [rel] = [f for f in os.listdir(good) if f.endswith(".relations.parquet")]
    out = {"good": good, "file": os.path.join(good, rel)}
    import pyarrow.parquet as pq

    n = pq.ParquetFile(out["file"]).metadata.num_rows
    late = max(0, n - n // 16)
    bad = os.path.join(base, "gd-bad")
    shutil.copytree(good, bad, ignore=shutil.ignore_patterns("*.parquet"))
    _bad_parquet(out["file"], os.path.join(bad, rel), late)
    out.update(bad=bad, late=late, n=n)
    return out


def add_jsonl(base, found):
    rel = os.path.basename(found["file"]).replace(".parquet", ".jsonl")
    for name, bad in (("jsonl", None), ("jsonl-bad", found["late"])):
        d = os.path.join(base, name)
        shutil.copytree(found["good"], d, ignore=shutil.ignore_patterns("*.parquet"))
        _jsonl(found["file"], os.path.join(d, rel), bad)
        found[name] = d


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--code", action="append", help="a checkout whose graph package is measured (repeatable)")
    ap.add_argument("--jsonl", action="store_true", help="also the relations as JSON Lines")
    ap.add_argument("--what", default=",".join(w for w in WHAT if not w.startswith("jsonl")))
    a = ap.parse_args(argv)
    codes = [os.path.abspath(c) for c in (a.code or [ROOT])]
    whats = [w for w in a.what.split(",") if w] + (["jsonl", "jsonl-bad"] if a.jsonl else [])
    with tempfile.TemporaryDirectory() as base:
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(base, "config"), PYTHONHASHSEED="0")
        t = time.perf_counter()
        found = folders(base, a.rows)
        if a.jsonl:
            add_jsonl(base, found)
        print(
            f"{a.rows:,} GDELT rows -> {found['n']:,} relations ({os.path.getsize(found['file']) / 1e6:.1f} MB of "
            f"Parquet); the bad row: {found['late'] + 1:,}; made in {time.perf_counter() - t:.0f} s"
        )
        targets = {
            "read": (found["file"], "-"),
            "cold": (found["good"], "-"),
            "bad-row": (found["bad"], "-"),
            "jsonl": (found.get("jsonl"), "-"),
            "jsonl-bad": (found.get("jsonl-bad"), "-"),
        }
        best, said = {}, {}
        for k in range(a.repeat):
            for code in codes:
                for what in whats:
                    if what == "read" and code != codes[0]:
                        continue
                    if what in ("first", "cached"):
                        cache = os.path.join(base, f"cache-{k}-{codes.index(code)}")
                        target = found["good"]
                    else:
                        target, cache = targets[what]
                    r = run_measured(what, target, cache, code, env)
                    key = (code, what)
                    b = best.setdefault(key, r)
                    if r["wall"] < b["wall"]:
                        best[key] = r
                    best[key]["peak"] = min(best[key]["peak"], r["peak"])
                    said.setdefault(key, r["out"].splitlines()[:3] + r["out"].splitlines()[-1:])
        read = best[(codes[0], "read")]
        print(
            f"\n{'code':<28} {'measurement':<10} {'wall s':>8} {'x read':>7} {'after imports s':>16} {'x read':>7} "
            f"{'peak MB':>8}"
        )
        for code in codes:
            for what in whats:
                r = best.get((code, what))
                if r is None:
                    continue
                print(
                    f"{os.path.basename(code) or code:<28} {what:<10} "
                    f"{r['wall']:>8.2f} {r['wall'] / read['wall']:>7.2f} "
                    f"{r['seconds']:>16.2f} {r['seconds'] / read['seconds']:>7.2f} {r['peak'] / 1e6:>8.0f}"
                )
            cold, first = best.get((code, "cold")), best.get((code, "first"))
            if cold and first:
                print(
                    f"{'':<28} first / cold: {first['wall'] / cold['wall']:.2f} (wall), "
                    f"{first['seconds'] / cold['seconds']:.2f} (after imports)"
                )
        print("\nwhat each printed (first lines and last):")
        for (code, what), lines in said.items():
            if what != "read":
                print(f"  {os.path.basename(code)} {what}: " + " | ".join(x[:160] for x in lines))


if __name__ == "__main__":
    main()
