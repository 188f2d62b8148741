"""Load speed and memory: graph.load (read + validate), cold and from the cache, against a bare yaml.load.

For each size (default 10k and 100k relations) generates a dataset
(benchmarks/generate.py: N relations, N/10 entities, over 10 files) and runs,
side by side in one run, each in a fresh Python process so that no
measurement inherits another's memory or garbage (``--what`` picks them):

* ``bare``: ``yaml.load(f, Loader=yaml.CSafeLoader)`` of the same files (the
  baseline), and ``bare-gc-off``, the same with the cyclic GC paused (graph.load
  pauses it while it reads);
* ``cold``: ``graph.load(folder, cache=False)``: every file read and validated;
* ``cached``: a second ``graph.load(folder)`` of the unchanged files, from the
  load cache (graph/cache.py) in a temporary folder;
* for code that has them (``--code`` a checkout of 4fe6db6 or earlier): ``cold-1``,
  the cold load with ``workers=1`` (no worker processes, graph/workers.py), and
  ``cold-nofast`` / ``cold-1-nofast``, the same two without the fast YAML reader
  (graph/read/yaml_fast.py, in code up to 1e95f83: every file read by the full reader).

Prints the times (best of --repeat, runs alternating so a noisy machine hurts
all alike), their ratios to the bare parse, each process's peak memory above
what it had after its imports, and that peak per relation. For a cold load whose
worker processes hold memory at the same time as the load's own process, the
memory is the peak of their proportional set sizes (PSS: a page shared by the
processes counted once) added up, sampled every second, when that is more than
the process's own peak.

The graph and (from the cache) the relation objects are built when first used, so
after each load the child also times what was left: a first actor query
(``relations(subject="E1")``: ``query ms``) and then the graph and every relation
(``+all s``). Peak memory is measured after all of it.

``--baseline DIR`` measures a second checkout's ``graph`` package in the same run
(rows ending in ``@base``; the bare parse is shared).

    python benchmarks/load_bench.py [--sizes 10000,100000] [--repeat 3] [--what bare,cold,cached] [--code DIR]
                                    [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import generate  # noqa: E402

# The child: one measurement, printed as JSON (seconds, peak and base resident memory in bytes).
CHILD = r"""
import gc, json, resource, sys, time
import yaml, graph, graph.read.yaml
what, folder, cache, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
options = {}
if "-1" in what:                       # (code with worker processes: none)
    options["workers"] = 1
if what.endswith("nofast"):            # (code with graph/read/yaml_fast.py, 1e95f83 or earlier: the full reader only)
    graph.read.yaml.parse_fast = lambda text: None
base = rss()
gc.collect()
if what == "bare-gc-off":
    gc.disable()
t = time.perf_counter()
if what.startswith("bare"):
    for p in files:
        with open(p, encoding="utf-8") as f:
            yaml.load(f, Loader=Loader)
    n = None
elif what.startswith("cold"):
    ds = graph.load(folder, cache=False, **options)
    n = len(ds)
else:
    ds = graph.load(folder, cache_dir=cache)
    n = len(ds)
dt = time.perf_counter() - t
query = whole = None
if not what.startswith("bare"):
    # what the load left to be built when first used: an actor query, then the graph and every relation
    t = time.perf_counter()
    ds.relations(subject="E1")
    query = time.perf_counter() - t
    t = time.perf_counter()
    ds.graph
    ds.relations()
    whole = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": dt, "query": query, "whole": whole, "peak": peak, "base": base, "kept": rss(),
                  "n": n}))
"""

WHAT = ("bare", "bare-gc-off", "cold", "cold-1", "cold-nofast", "cold-1-nofast", "cached")


def _tree(pid):
    """*pid* and the processes below it."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found


def _pss(pids):
    """The proportional set sizes of *pids* added up, in bytes."""
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return total


def run(what, folder, cache, files, code=None):
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if code:
        env["PYTHONPATH"] = code
    # run from the cache folder, so that the graph imported is the installed one (or PYTHONPATH's),
    # never a 'graph' folder that happens to be in the current directory
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, what, folder, cache, *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cache,
    )
    together = 0
    while True:
        try:
            out, err = proc.communicate(timeout=1.0)
            break
        except subprocess.TimeoutExpired:
            if what.startswith("cold"):
                together = max(together, _pss(_tree(proc.pid)))
    if proc.returncode:
        raise SystemExit(f"{what} failed:\n{err}")
    found = json.loads(out.strip().splitlines()[-1])
    found["peak"] = max(found["peak"], together)
    return found


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--what", default="bare,bare-gc-off,cold,cached", help="the measurements, of: " + ", ".join(WHAT))
    ap.add_argument("--code", help="the checkout whose graph package is measured (default: this one's)")
    ap.add_argument("--baseline", help="a second checkout, measured in the same run: its rows end in '@base'")
    a = ap.parse_args(argv)
    whats = [w for w in a.what.split(",") if w]
    if not whats or set(whats) - set(WHAT) or "bare" not in whats:
        raise SystemExit(f"--what: 'bare' and any of {', '.join(WHAT)}")
    code = os.path.abspath(a.code) if a.code else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if a.baseline:
        whats += [f"{w}@base" for w in whats if w != "bare" and not w.startswith("bare-")]
    print(
        f"code: {code}\nEach figure is the best of {a.repeat} runs; memory is each process's peak resident size "
        "above its size after its imports\n(graph.load pauses the cyclic GC while it reads; 'bare-gc-off' is "
        "yaml.load with the GC paused too). 'ratio': to the bare parse; 'query ms' and '+all s': a first actor "
        "query, then the graph and every relation, after the load."
    )
    print(
        f"{'relations':>10} {'measurement':<14} {'seconds':>8} {'ratio':>6} {'query ms':>9} {'+all s':>7} "
        f"{'in all':>7} {'peak MB':>8} {'B/relation':>11}"
    )
    for m in (int(x) for x in a.sizes.split(",")):
        n = max(100, m // 10)
        with (
            tempfile.TemporaryDirectory() as d,
            tempfile.TemporaryDirectory() as cache,
            tempfile.TemporaryDirectory() as base_cache,
        ):
            files = [f for f in generate(d, entities=n, relations=m, files=10) if f.endswith(".yaml")]
            setups = {"": (code, cache), "@base": (a.baseline and os.path.abspath(a.baseline), base_cache)}
            for tail, (where, folder) in setups.items():
                if f"cached{tail}" in whats:
                    assert run("cached", d, folder, files, where)["n"] == m  # fills the cache
            best = {}
            for _ in range(a.repeat):
                for what in whats:
                    name, _, tail = what.partition("@")
                    where, folder = setups["@" + tail if tail else ""]
                    r = run(name, d, folder, files, where)
                    if not what.startswith("bare"):
                        assert r["n"] == m, r
                    b = best.setdefault(
                        what,
                        {"seconds": r["seconds"], "mem": r["peak"] - r["base"], "query": r["query"], "all": r["whole"]},
                    )
                    if r["seconds"] < b["seconds"]:
                        b.update(seconds=r["seconds"], query=r["query"], all=r["whole"])
                    b["mem"] = min(b["mem"], r["peak"] - r["base"])
            tb = best["bare"]["seconds"]
            for what in whats:
                b = best[what]
                extra = (
                    f"{b['query'] * 1000:>9.1f} {b['all']:>7.2f} {b['seconds'] + b['query'] + b['all']:>7.2f}"
                    if b["query"] is not None
                    else f"{'':>9} {'':>7} {'':>7}"
                )
                print(
                    f"{m:>10} {what:<14} {b['seconds']:>8.2f} {b['seconds'] / tb:>6.3f} {extra} "
                    f"{b['mem'] / 1e6:>8.0f} {b['mem'] / m:>11.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
