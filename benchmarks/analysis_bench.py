"""Analysis speed: centrality and balance against loading the same data, side by side.

Generates a dataset (benchmarks/generate.py; entities = relations / 10), then times, in one run,
``graph.load(folder)`` with its graph built (``ds.graph``, which the load leaves until first used;
before, the load built it), ``graph.analysis.centrality(ds)`` and ``graph.analysis.balance(ds)`` (each
including its report, ``str(result)``), and prints each analysis as a ratio to the load.
Target (issue 12): at 100k relations each analysis takes no longer than the load (ratio <= 1).
It also says what was approximate: the betweenness sample and the heuristic camp split.

    python benchmarks/analysis_bench.py [--sizes 15000,100000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.dirname(HERE)]  # this checkout's graph package, not an installed one
from generate import generate  # noqa: E402

import graph  # noqa: E402
from graph.analysis import balance, centrality  # noqa: E402


def load(folder):
    """The dataset of *folder*, its graph built."""
    ds = graph.load(folder)
    _ = ds.graph  # (made on first use)
    return ds


def timed(fn, *args):
    """(seconds, result) of fn(*args); for an analysis, its printed report is made too."""
    t = time.perf_counter()
    out = fn(*args)
    if fn is not load:
        str(out)
    return time.perf_counter() - t, out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="15000,100000")
    a = ap.parse_args(argv)
    print(f"{'relations':>10} {'load s':>7} {'centrality s':>13} {'ratio':>6} {'balance s':>10} {'ratio':>6}")
    notes = []
    for m in (int(x) for x in a.sizes.split(",")):
        with tempfile.TemporaryDirectory() as d:
            generate(d, entities=max(100, m // 10), relations=m, files=10)
            t_load, ds = timed(load, d)
        t_c, c = timed(centrality, ds)
        t_b, b = timed(balance, ds)
        print(f"{m:>10} {t_load:>7.1f} {t_c:>13.1f} {t_c / t_load:>6.2f} {t_b:>10.1f} {t_b / t_load:>6.2f}", flush=True)
        notes.append(
            f"{m}: centrality of {c.total} actors, {c.betweenness_text}; balance: {len(b.ties)} ties, "
            f"{b.n_triangles} triangles, {b.method_detail}"
        )
        del ds
    print("\n".join(notes))


if __name__ == "__main__":
    main()
