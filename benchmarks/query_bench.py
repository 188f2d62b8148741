"""Query speed: the indexed queries of graph.Dataset against a scan of every relation, side by side.

Generates a dataset (benchmarks/generate.py; entities = relations / 10, as load_bench), loads it once,
then for --actors random actors (and pairs) times, in the same run:

* ``ds.relations(subject=x)`` (adjacency) against ``[r for r in ds._relations.values() if r.subject == x]``;
* ``ds.between(a, b)`` against the same scan for the pair, sorted by time;
* ``ds.relations(start=..., end=...)`` for one month (sorted time index) against the scan of ``when``;
* ``ds.paths(a, b, max_hops=2)`` (pruned search) against the old way: a simple graph of every edge and
  ``networkx.all_simple_paths`` (what dataset.paths did before the index).

Prints the median time of each (ms) and the ratio scan / indexed. Target (issue 12): relations(subject=)
and between under 1 ms for a typical actor at 1M relations.

    python benchmarks/query_bench.py [--sizes 100000] [--actors 50]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.dirname(HERE)]  # this checkout's graph package, not an installed one
from generate import generate  # noqa: E402

import graph  # noqa: E402
from graph.dataset import time_key  # noqa: E402


def _ms(fn, repeat=3):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        dt = (time.perf_counter() - t) * 1000
        best = dt if best is None else min(best, dt)
    return best


def _old_paths(ds, a, b, max_hops):
    g = nx.Graph()
    g.add_edges_from(ds.graph.edges())
    return list(nx.all_simple_paths(g, a, b, cutoff=max_hops))


def bench(ds, actors, rng):
    rels = ds._relations.values()
    ents = sorted(ds.entities)
    xs = [rng.choice(ents) for _ in range(actors)]
    pairs = [(rng.choice(ents), rng.choice(ents)) for _ in range(actors)]
    rows = []

    def run(name, indexed, scan, items, scan_items=None, check=True):
        ti, ts = [], []
        for k, it in enumerate(items):
            if check:
                got = indexed(it)
                want = scan(it)
                assert [r.id for r in got] == [r.id for r in want], name
            ti.append(_ms(lambda it=it: indexed(it)))
            if scan_items is None or k < scan_items:
                ts.append(_ms(lambda it=it: scan(it), repeat=1))
        mi, ms = statistics.median(ti), statistics.median(ts)
        rows.append((name, mi, ms, ms / mi if mi else float("inf")))

    run("relations(subject=x)", lambda x: ds.relations(subject=x), lambda x: [r for r in rels if r.subject == x], xs)
    run(
        "between(a, b)",
        lambda p: ds.between(*p),
        lambda p: (lambda both: sorted((r for r in rels if (r.subject, r.object) in both), key=time_key))({p, p[::-1]}),
        pairs,
    )
    months = [f"{rng.randrange(1990, 2025)}-{rng.randrange(1, 13):02d}" for _ in range(10)]

    def scan_time(m):
        w = graph.parse_when(m)
        return [r for r in rels if r.when is not None and r.when.start <= w.end and w.start <= r.when.end]

    run("relations(start=M, end=M)", lambda m: ds.relations(start=m, end=m), scan_time, months)
    run(
        "paths(a, b, max_hops=2)",
        lambda p: ds.paths(*p, max_hops=2),
        lambda p: _old_paths(ds, *p, 2),
        pairs[:10],
        scan_items=10,
        check=False,
    )
    for a, b in pairs[:10]:
        new = sorted(p.nodes for p in ds.paths(a, b, max_hops=2))
        old = sorted(tuple(p) for p in _old_paths(ds, a, b, 2)) if a != b else []
        assert new == old, (a, b)
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000")
    ap.add_argument("--actors", type=int, default=50)
    a = ap.parse_args(argv)
    rng = random.Random(1)
    print(f"{'relations':>10} {'query':<28} {'indexed ms':>11} {'scan ms':>10} {'scan/indexed':>13}")
    for m in (int(x) for x in a.sizes.split(",")):
        with tempfile.TemporaryDirectory() as d:
            generate(d, entities=max(100, m // 10), relations=m, files=10)
            t = time.perf_counter()
            ds = graph.load(d)
            load = time.perf_counter() - t
        for name, mi, ms, ratio in bench(ds, a.actors, rng):
            print(f"{m:>10} {name:<28} {mi:>11.3f} {ms:>10.1f} {ratio:>13.0f}", flush=True)
        print(f"{m:>10} (load {load:.1f} s, {date.today()})", flush=True)
        del ds


if __name__ == "__main__":
    main()
