"""Load speed and memory: graph.load (read + validate + build the graph), cold and from the cache, against a bare yaml.load.

For each size (default 10k and 100k relations) generates a dataset
(benchmarks/generate.py: N relations, N/10 entities, over 10 files) and runs,
side by side in one run, each in a fresh Python process so that no
measurement inherits another's memory or garbage:

* ``bare``: ``yaml.load(f, Loader=yaml.CSafeLoader)`` of the same files (the
  baseline), and the same with the cyclic GC paused (``bare-gc-off``; graph.load
  pauses it while it reads);
* ``cold``: ``graph.load(folder, cache=False)``: every file read and validated;
* ``cached``: a second ``graph.load(folder)`` of the unchanged files, from the
  load cache (graph/cache.py) in a temporary folder.

Prints the times (best of --repeat, runs alternating so a noisy machine hurts
all alike), their ratios to the bare parse, each process's peak memory above
what it had after its imports, and that peak per relation.

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


def run(what, folder, cache, files):
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    # run from the cache folder, so that the graph imported is the installed one (or PYTHONPATH's),
    # never a 'graph' folder that happens to be in the current directory
    out = subprocess.run([sys.executable, "-c", CHILD, what, folder, cache, *files], check=True,
                         capture_output=True, text=True, env=env, cwd=cache)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    print("Each figure is the best of the runs; memory is each process's peak resident size above its size "
          "after its imports\n(graph.load pauses the cyclic GC while it reads; 'bare gc-off' is yaml.load with "
          "the GC paused too).")
    head = (f"{'relations':>10} {'bare s':>8} {'bare gc-off s':>14} {'cold s':>8} {'ratio':>6} {'+all s':>7}"
            f" {'ratio':>6} {'cached s':>9} {'ratio':>6} {'query ms':>9} {'+all s':>7} {'ratio':>6}"
            f" {'bare MB':>8} {'cold MB':>8} {'B/relation':>11} {'cached MB':>10} {'B/relation':>11}")
    print(head)
    for m in (int(x) for x in a.sizes.split(",")):
        n = max(100, m // 10)
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as cache:
            files = [f for f in generate(d, entities=n, relations=m, files=10) if f.endswith(".yaml")]
            assert run("cached", d, cache, files)["n"] == m       # fills the cache
            best = {}
            for _ in range(a.repeat):
                for what in ("bare", "cold", "bare-gc-off", "cached"):
                    r = run(what, d, cache, files)
                    if what in ("cold", "cached"):
                        assert r["n"] == m, r
                    b = best.setdefault(what, {"seconds": r["seconds"], "mem": r["peak"] - r["base"],
                                               "query": r["query"], "all": r["whole"]})
                    if r["seconds"] < b["seconds"]:
                        b.update(seconds=r["seconds"], query=r["query"], all=r["whole"])
                    b["mem"] = min(b["mem"], r["peak"] - r["base"])
            tb, tn, tc, tg = (best[k]["seconds"] for k in ("bare", "bare-gc-off", "cold", "cached"))
            ac = best["cold"]["query"] + best["cold"]["all"]     # (a cold load's first query builds the graph)
            qg, ag = best["cached"]["query"], best["cached"]["all"]
            mb, mc, mg = (best[k]["mem"] for k in ("bare", "cold", "cached"))
            print(f"{m:>10} {tb:>8.2f} {tn:>14.2f} {tc:>8.2f} {tc / tb:>6.3f} {ac:>7.2f} {(tc + ac) / tb:>6.3f}"
                  f" {tg:>9.2f} {tg / tb:>6.3f} {qg * 1000:>9.1f} {ag:>7.2f} {(tg + qg + ag) / tb:>6.3f}"
                  f" {mb / 1e6:>8.0f} {mc / 1e6:>8.0f} {mc / m:>11.0f} {mg / 1e6:>10.0f} {mg / m:>11.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
