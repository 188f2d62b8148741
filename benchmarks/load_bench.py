"""Load speed: graph.load (read + validate + build the graph), cold and from the cache, against a bare yaml.load.

For 1k, 10k and 100k relations, generates a dataset (benchmarks/generate.py) and
times, side by side in one run, ``yaml.load(f, Loader=yaml.CSafeLoader)`` of the
same files against ``graph.load(folder, cache=False)`` (every file read and
validated) and against a second ``graph.load(folder)`` of the unchanged files
(from the load cache, graph/cache.py, in a temporary folder). Prints the times
and the ratios to the bare parse. Each measurement is the best of --repeat
runs, alternating them, so a noisy machine hurts all alike.

    python benchmarks/load_bench.py [--sizes 1000,10000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import generate  # noqa: E402

import graph  # noqa: E402

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def bare(files):
    for p in files:
        with open(p, encoding="utf-8") as f:
            yaml.load(f, Loader=Loader)


def timed(fn, gc_off=False):
    gc.collect()
    if gc_off:
        gc.disable()
    try:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t
    finally:
        gc.enable()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    print(f"libyaml C loader: {Loader.__name__}")
    print("graph.load pauses Python's cyclic GC while it parses; the last two columns compare it with a\n"
          "yaml.load that also runs with the GC paused, so the gain is not only that.")
    print(f"{'relations':>10} {'entities':>9} {'yaml.load s':>12} {'graph.load s':>13} {'ratio':>6}"
          f" {'yaml.load gc-off s':>19} {'ratio':>6} {'cached load s':>14} {'ratio':>6}")
    for m in (int(x) for x in a.sizes.split(",")):
        n = max(100, m // 10)
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as cache:
            files = [f for f in generate(d, entities=n, relations=m, files=10) if f.endswith(".yaml")]
            ds = graph.load(d, cache_dir=cache)      # fills the cache
            assert len(ds) == m, (len(ds), m)
            del ds
            t_yaml, t_graph, t_nogc, t_cached = [], [], [], []
            for _ in range(a.repeat):
                t_yaml.append(timed(lambda: bare(files)))
                t_graph.append(timed(lambda: graph.load(d, cache=False)))
                t_nogc.append(timed(lambda: bare(files), gc_off=True))
                t_cached.append(timed(lambda: graph.load(d, cache_dir=cache)))
            ty, tg, tn, tc = min(t_yaml), min(t_graph), min(t_nogc), min(t_cached)
            print(f"{m:>10} {n:>9} {ty:>12.3f} {tg:>13.3f} {tg / ty:>6.2f} {tn:>19.3f} {tg / tn:>6.2f}"
                  f" {tc:>14.3f} {tc / ty:>6.3f}", flush=True)


if __name__ == "__main__":
    main()
