"""Load speed and memory: graph.load (read + validate + build the graph), cold and from the cache, against a bare yaml.load.

For each size (default 10k and 100k relations) generates a dataset
(benchmarks/generate.py: N relations, N/10 entities, over 10 files) and runs,
side by side in one run, each in a fresh Python process so that no
measurement inherits another's memory or garbage:

* ``bare``: ``yaml.load(f, Loader=yaml.CSafeLoader)`` of the same files (the
  baseline), and the same with the cyclic GC paused (``bare-gc-off``; graph.load
  pauses it while it reads);
* ``cold``: ``graph.load(folder, cache=False)``: every file read and validated, the relation
  files by worker processes side by side (graph/workers.py: one per core here), and
  ``cold 1-proc``, the same with ``workers=1``: everything in the one process;
* ``cached``: a second ``graph.load(folder)`` of the unchanged files, from the
  load cache (graph/cache.py) in a temporary folder.

Prints the times (best of --repeat, runs alternating so a noisy machine hurts
all alike), their ratios to the bare parse, each process's peak memory above
what it had after its imports, and that peak per relation. For ``cold``, whose
workers hold memory at the same time as the load's own process, the memory is the
peak of their proportional set sizes (PSS: a page shared by the processes counted
once) added up, sampled every second, when that is more than the process's own peak.

The graph and (from the cache) the relation objects are built when first used, so
after each load the child also times what was left: a first actor query
(``relations(subject="E1")``: ``query ms``) and then the graph and every relation
(``+all s``; its ratio counts the load, the query and this). Peak memory is
measured after all of it.

    python benchmarks/load_bench.py [--sizes 10000,100000] [--repeat 3]
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
import yaml, graph
what, folder, cache, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
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
elif what == "cold":
    ds = graph.load(folder, cache=False)
    n = len(ds)
elif what == "cold-1":
    ds = graph.load(folder, cache=False, workers=1)
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


def run(what, folder, cache, files):
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    # run from the cache folder, so that the graph imported is the installed one (or PYTHONPATH's),
    # never a 'graph' folder that happens to be in the current directory
    proc = subprocess.Popen([sys.executable, "-c", CHILD, what, folder, cache, *files], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=cache)
    together = 0
    while True:
        try:
            out, err = proc.communicate(timeout=1.0)
            break
        except subprocess.TimeoutExpired:
            if what == "cold":
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
    a = ap.parse_args(argv)
    print("Each figure is the best of the runs; memory is each process's peak resident size above its size "
          "after its imports\n(graph.load pauses the cyclic GC while it reads; 'bare gc-off' is yaml.load with "
          "the GC paused too).")
    head = (f"{'relations':>10} {'bare s':>8} {'bare gc-off s':>14} {'cold s':>8} {'ratio':>6} {'+all s':>7}"
            f" {'ratio':>6} {'cold 1-proc s':>14} {'ratio':>6} {'cached s':>9} {'ratio':>6} {'query ms':>9}"
            f" {'+all s':>7} {'ratio':>6} {'bare MB':>8} {'cold MB':>8} {'B/relation':>11} {'1-proc MB':>10}"
            f" {'cached MB':>10} {'B/relation':>11}")
    print(head)
    for m in (int(x) for x in a.sizes.split(",")):
        n = max(100, m // 10)
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as cache:
            files = [f for f in generate(d, entities=n, relations=m, files=10) if f.endswith(".yaml")]
            assert run("cached", d, cache, files)["n"] == m       # fills the cache
            best = {}
            for _ in range(a.repeat):
                for what in ("bare", "cold", "bare-gc-off", "cold-1", "cached"):
                    r = run(what, d, cache, files)
                    if what in ("cold", "cold-1", "cached"):
                        assert r["n"] == m, r
                    b = best.setdefault(what, {"seconds": r["seconds"], "mem": r["peak"] - r["base"],
                                               "query": r["query"], "all": r["whole"]})
                    if r["seconds"] < b["seconds"]:
                        b.update(seconds=r["seconds"], query=r["query"], all=r["whole"])
                    b["mem"] = min(b["mem"], r["peak"] - r["base"])
            tb, tn, tc, t1, tg = (best[k]["seconds"] for k in ("bare", "bare-gc-off", "cold", "cold-1", "cached"))
            ac = best["cold"]["query"] + best["cold"]["all"]     # (a cold load's first query builds the graph)
            qg, ag = best["cached"]["query"], best["cached"]["all"]
            mb, mc, m1, mg = (best[k]["mem"] for k in ("bare", "cold", "cold-1", "cached"))
            print(f"{m:>10} {tb:>8.2f} {tn:>14.2f} {tc:>8.2f} {tc / tb:>6.3f} {ac:>7.2f} {(tc + ac) / tb:>6.3f}"
                  f" {t1:>14.2f} {t1 / tb:>6.3f} {tg:>9.2f} {tg / tb:>6.3f} {qg * 1000:>9.1f} {ag:>7.2f}"
                  f" {(tg + qg + ag) / tb:>6.3f} {mb / 1e6:>8.0f} {mc / 1e6:>8.0f} {mc / m:>11.0f} {m1 / 1e6:>10.0f}"
                  f" {mg / 1e6:>10.0f} {mg / m:>11.0f}", flush=True)


if __name__ == "__main__":
    main()
