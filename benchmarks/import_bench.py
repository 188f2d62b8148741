"""Import speed: GDELT events into bulk files against a bare YAML parse of as many relations, side by side.

For each size N, generates a synthetic GDELT 2.0 file of N events (benchmarks/generate_gdelt.py) and a
YAML dataset of N relations (benchmarks/generate.py, 10 files), then times, alternating, best of
--repeat: ``yaml.load(f, Loader=yaml.CSafeLoader)`` of the YAML relation files against
``graph.imports.events.import_events([file], "gdelt", out)`` (parse, check every column, map codes and
actors, write sources/entities JSON Lines and the relations Parquet file). Prints both and the ratio.
Target (issue 12): 1M rows imported in <= 0.1x the bare parse of 1M YAML relations. pyarrow's own
import (once per process) is timed apart.

    python benchmarks/import_bench.py [--sizes 100000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.dirname(HERE)]  # this checkout's graph package, not an installed one
from generate import generate  # noqa: E402
from generate_gdelt import generate_gdelt  # noqa: E402

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def bare(files):
    for p in files:
        with open(p, encoding="utf-8") as f:
            yaml.load(f, Loader=Loader)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000")
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args(argv)
    t = time.perf_counter()
    import pyarrow.compute  # noqa: F401
    import pyarrow.csv  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    from graph.imports.events import import_events

    print(f"importing pyarrow and graph.imports.events: {time.perf_counter() - t:.2f} s (once per process)")
    print(f"{'rows':>9} {'yaml.load s':>12} {'import s':>9} {'ratio':>6}  (import / yaml.load; target <= 0.1)")
    for n in (int(x) for x in a.sizes.split(",")):
        with tempfile.TemporaryDirectory() as d:
            generate(os.path.join(d, "yaml"), entities=max(100, n // 10), relations=n, files=10)
            files = sorted(glob.glob(os.path.join(d, "yaml", "relations-*.yaml")))
            events = generate_gdelt(os.path.join(d, "events.export.CSV"), rows=n)
            t_yaml, t_imp = [], []
            for k in range(a.repeat):
                t = time.perf_counter()
                bare(files)
                t_yaml.append(time.perf_counter() - t)
                t = time.perf_counter()
                r = import_events([events], "gdelt", os.path.join(d, f"out{k}"))
                t_imp.append(time.perf_counter() - t)
            ty, ti = min(t_yaml), min(t_imp)
            print(
                f"{n:>9} {ty:>12.2f} {ti:>9.2f} {ti / ty:>6.3f}  ({r.relations:,} relations written, "
                f"{r.entities:,} entities)",
                flush=True,
            )


if __name__ == "__main__":
    main()
