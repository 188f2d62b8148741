"""Render speed: our page against pyvis's default page, loaded in headless Chromium.

For each size (default 1,000 entities / 3,000 relations and 5,000 / 15,000) it
generates a dataset (benchmarks/generate.py), then, side by side in one run:

* **ours**: ``graph.render.write_html`` (Python: build the items, lay the graph
  out, render the template) and the page load in Chromium up to "drawn and
  settled" (the page's ``readyAt``: first drawing with physics off, or the end
  of the physics run for small graphs);
* **pyvis default**: ``pyvis.network.Network(directed=True, cdn_resources="in_line")``
  with the same nodes (label = name) and edges, default options (barnesHut
  physics, 1,000 stabilisation iterations), ``generate_html``; page load up to
  the end of stabilisation (first drawing) and up to the ``stabilized`` event
  (settled), waiting at most --timeout seconds.

With ``--aggregate month|year|all`` the same run also writes and loads our page
aggregated (``write_html(ds, path, aggregate=...)``: one weighted edge per
subject, object, quad and period) and prints it next to today's page (``--pairs N``:
claims about N recurring pairs, so that aggregation has something to collapse);
``--no-pyvis`` leaves pyvis's page out (at 20k/60k it does not draw within minutes).

With ``--baseline DIR`` (a checkout of the code, say of main) the same run also
writes each page with that code (a subprocess with DIR on PYTHONPATH, the same
generated data) and loads it in the same browser: today's figure side by side.

With ``--data DIR`` (an existing data folder, such as a GDELT import: see
benchmarks/README.md) it renders that folder's aggregated page only (``--aggregate``,
default year; ``--top`` and ``--examples`` as the command's), ours and, with
``--baseline``, the baseline's, and prints each page's size, Python time, time to
ready in Chromium and JavaScript heap. Target (issue 26), at 854k GDELT claims:
``render --aggregate year`` <= 25 MB and ready in <= 5 s.

Times are measured in the page (``performance.now()`` from navigation start).
"Drawn" is the page's ``readyAt``; a large page (more than 2,000 edges) hands
its edges to vis-network after that first frame, and the time it holds them all
is printed too. Targets (issue 3): ours, Python + page, <= 2 s at 1k/3k and
<= 6 s at 5k/15k; (issue 12) 20k entities / 60k relations, <= 10 s.

    python benchmarks/render_bench.py [--sizes 1000:3000,5000:15000] [--timeout 60] [--repeat 1]
    python benchmarks/render_bench.py --sizes 20000:60000 --aggregate year --no-pyvis [--baseline DIR]
    python benchmarks/render_bench.py --data DIR --aggregate year [--top N] [--examples N] [--baseline DIR]
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
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import generate  # noqa: E402

import graph  # noqa: E402
from graph import layout as layout_mod  # noqa: E402
from graph.render import write_html  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Watches pyvis's global `network` for vis-network's events (times from navigation start).
HOOK = """
window.__bench = {};
(function poll() {
  if (window.network && window.network.on) {
    var n = window.network, b = window.__bench;
    n.on('stabilizationIterationsDone', function () { b.iterationsDone = b.iterationsDone || performance.now(); });
    n.on('stabilized', function () { b.stabilized = b.stabilized || performance.now(); });
    n.on('afterDrawing', function () { b.drawn = b.drawn || performance.now(); });
  } else { setTimeout(poll, 2); }
})();
"""


def pyvis_page(ds, path):
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    from graph.render.network import IdList as _IdList

    net.node_ids = _IdList()  # pyvis's own list makes building O(n^2); the page is the same
    for e in ds.entities.values():
        net.add_node(e.id, label=e.name)
    for r in ds.relations():
        net.add_edge(r.subject, r.object, title=r.type)
    Path(path).write_text(net.generate_html(), encoding="utf-8")


def load_page(browser, path, ours, timeout):
    """Times (s from navigation start) of one page load; a stage not reached within *timeout* is absent."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    blocked = []
    url = Path(path).resolve().as_uri()
    ctx.route("**/*", lambda r: r.continue_() if r.request.url == url else (blocked.append(r.request.url), r.abort()))
    page = ctx.new_page()
    page.add_init_script(HOOK)
    out = {"blocked": blocked}
    try:
        # "commit": the navigation has started. Waiting for "load" here would wait for pyvis's page
        # to finish its synchronous stabilisation, which can take longer than the timeout.
        page.goto(url, wait_until="commit", timeout=timeout * 1000)
        page.wait_for_function(
            "() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0", timeout=timeout * 1000
        )
        out["load"] = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
        if ours:
            page.wait_for_function("() => window.actorgraph && window.actorgraph.readyAt", timeout=timeout * 1000)
            out["drawn"] = out["settled"] = page.evaluate("actorgraph.readyAt") / 1000
            # a large page hands its edges to vis-network after the first frame: when it holds them all
            if page.evaluate("!!(actorgraph.lod && actorgraph.lod().enabled)"):
                left = max(1.0, timeout - out["settled"])
                page.wait_for_function("() => actorgraph.lod().completeAt !== null", timeout=left * 1000)
                out["complete"] = page.evaluate("actorgraph.lod().completeAt") / 1000
        else:
            page.wait_for_function("() => __bench.iterationsDone && __bench.drawn", timeout=timeout * 1000)
            b = page.evaluate("__bench")
            out["drawn"] = max(b["iterationsDone"], b["drawn"]) / 1000
            left = max(1.0, timeout - out["drawn"])
            page.wait_for_function("() => __bench.stabilized", timeout=left * 1000)
            out["settled"] = page.evaluate("__bench.stabilized") / 1000
    except PlaywrightTimeout:
        pass
    if ours and out.get("drawn"):  # the relations drawn (vis-network may not hold them all yet)
        out["heap"] = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0") / 1e6
        out["nodes"] = page.evaluate("actorgraph.visibleNodeIds().length")
        out["edges"] = page.evaluate("actorgraph.visibleEdgeIds().length")
    elif out.get("drawn"):  # before it is drawn a pyvis page may still be busy stabilising (evaluate would wait)
        out["nodes"] = page.evaluate("window.network ? network.body.data.nodes.length : 0")
        out["edges"] = page.evaluate("window.network ? network.body.data.edges.length : 0")
    ctx.close()
    return out


def fmt(v, timeout):
    """Seconds, or "> timeout" for a stage not reached in time."""
    return f"{v:.2f}" if v is not None else f"> {timeout:g}"


BASELINE = """
import json, sys, time
import graph
from graph.render import write_html
ds = graph.load(sys.argv[1])
t = time.perf_counter()
write_html(ds, sys.argv[2], **({"aggregate": sys.argv[3]} if len(sys.argv) > 3 else {}),
           **(json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}))
print(json.dumps([time.perf_counter() - t, graph.__file__]))
"""


def baseline(browser, a, data, path, aggregate=None, code=None, options=None):
    """Write the page with the code of checkout *code* (default *a.baseline*; a subprocess with it on
    PYTHONPATH), with *options* of write_html besides *aggregate*, and load it."""
    code = code or a.baseline
    env = dict(os.environ, PYTHONPATH=os.path.abspath(code))
    # run from the checkout: "python -c" puts the working directory first on sys.path
    out = subprocess.run(
        [sys.executable, "-c", BASELINE, str(Path(data).resolve()), str(Path(path).resolve())]
        + ([aggregate] if aggregate else [])
        + ([json.dumps(options)] if options else []),
        env=env,
        cwd=code,
        capture_output=True,
        text=True,
        check=True,
    )
    t_py, where = json.loads(out.stdout.strip().splitlines()[-1])
    if not os.path.abspath(where).startswith(os.path.abspath(code) + os.sep):
        raise SystemExit(f"--baseline: the subprocess imported graph from {where}, not from {code}")
    best = None
    for _ in range(a.repeat):
        o = load_page(browser, path, True, a.timeout)
        if best is None or (o.get("settled") or 1e9) < (best.get("settled") or 1e9):
            best = o
    total = t_py + best["settled"] if best.get("settled") else None
    return t_py, best, total


def line(label, path, t_py, best, total, timeout, target=None):
    complete = f", vis-network holds every edge at {best['complete']:.2f} s" if best.get("complete") else ""
    complete += f", JS heap {best['heap']:.0f} MB" if best.get("heap") else ""
    return (
        f"  {label}: page {os.path.getsize(path) / 1e6:.1f} MB; Python {t_py:.2f} s, page drawn "
        f"{fmt(best.get('settled'), timeout).strip()} s{complete} -> total {fmt(total, timeout).strip()} s"
        + (f" (target {target} s)" if target else "")
        + f"; blocked requests: {len(best['blocked'])}"
    )


def _agg_options(a) -> dict:
    """write_html's options of --top and --examples (the command's defaults when not given)."""
    out = {}
    if a.top is not None:
        out["top"] = a.top or None
    if a.examples is not None:
        out["examples"] = a.examples
    return out


def aggregated(browser, ds, path, a, today_total):
    """Write and load the aggregated page of *ds*; print its times next to today's page's."""
    from graph.render.aggregated_data import TOP
    from graph.render.edge_groups import aggregate

    opts = _agg_options(a)
    t = time.perf_counter()
    write_html(ds, path, aggregate=a.aggregate, **opts)
    t_py = time.perf_counter() - t
    top = opts.get("top", TOP)
    n_groups = len(aggregate(ds, a.aggregate))
    n_groups = n_groups if top is None else min(top, n_groups)
    best = None
    for _ in range(a.repeat):
        o = load_page(browser, path, True, a.timeout)
        if best is None or (o.get("settled") or 1e9) < (best.get("settled") or 1e9):
            best = o
    assert (best.get("nodes"), best.get("edges")) == (len(ds.entities), n_groups), best
    total = t_py + best["settled"] if best.get("settled") else None
    print(f"  ({n_groups} edges for {len(ds)} claims)")
    print(line(f"ours --aggregate {a.aggregate}", path, t_py, best, total, a.timeout, 10))
    if total and today_total:
        print(f"  ratio plain page / aggregated page (total): {today_total / total:.2f}x")
    return total


def data_mode(browser, a, out_dir):
    """--data DIR: the aggregated page of an existing folder, ours and the baseline's, side by side; each
    written by a fresh process (the folder loaded from the load cache, which a first load writes)."""
    here = str(Path(__file__).resolve().parent.parent)
    runs = [("ours", here, _agg_options(a))] + ([("baseline", a.baseline, {})] if a.baseline else [])
    for _label, code, _opts in runs:  # warm each code's load cache first, as a user's second command
        env = dict(os.environ, PYTHONPATH=os.path.abspath(code))
        subprocess.run(
            [sys.executable, "-m", "graph", "validate", str(Path(a.data).resolve())],
            env=env,
            cwd=code,
            capture_output=True,
            check=True,
        )
    results = {}
    for label, code, opts in runs:
        path = out_dir / f"{label}-{a.aggregate}.html"
        t_py, best, total = baseline(browser, a, a.data, path, a.aggregate, code=code, options=opts)
        results[label] = (os.path.getsize(path), best)
        print(
            line(
                f"{label} --aggregate {a.aggregate}" + "".join(f" --{k} {v}" for k, v in opts.items()),
                path,
                t_py,
                best,
                total,
                a.timeout,
            )
            + f"; {best.get('nodes')} nodes, {best.get('edges')} edges drawn"
        )
    if "baseline" in results and results["ours"][1].get("settled") and results["baseline"][1].get("settled"):
        (size, ours), (bsize, base) = results["ours"], results["baseline"]
        print(f"  baseline / ours: page {bsize / size:.1f}x, page drawn {base['settled'] / ours['settled']:.1f}x")
    ours = results["ours"][1]
    print(
        f"  target: <= 25 MB ({results['ours'][0] / 1e6:.1f} MB: "
        f"{'met' if results['ours'][0] <= 25e6 else 'not met'}), "
        f"ready <= 5 s ({fmt(ours.get('settled'), a.timeout)} s: "
        f"{'met' if ours.get('settled') and ours['settled'] <= 5 else 'not met'})"
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000:3000,5000:15000", help="entities:relations pairs")
    ap.add_argument("--timeout", type=float, default=60, help="seconds to wait for a page to settle")
    ap.add_argument("--repeat", type=int, default=1, help="best of N for our page")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--keep", help="folder to keep the pages in")
    ap.add_argument("--aggregate", choices=["month", "year", "all"], help="also time the aggregated page")
    ap.add_argument("--no-pyvis", action="store_true", help="leave pyvis's default page out")
    ap.add_argument(
        "--pairs",
        type=int,
        help="every claim about one of this many (subject, object) pairs, as in "
        "event data (default: subject and object drawn among all entities; pairs hardly recur)",
    )
    ap.add_argument(
        "--baseline",
        help="a checkout of the code to compare with (say, of main): its pages are "
        "written by it (a subprocess with it on PYTHONPATH) from the same data and loaded in the same "
        "browser, side by side",
    )
    ap.add_argument("--top", type=int, help="the aggregated page's --top (0: every edge; default the command's)")
    ap.add_argument("--examples", type=int, help="the aggregated page's --examples (default the command's)")
    ap.add_argument("--data", help="an existing data folder: time its aggregated page only (ours, and --baseline's)")
    a = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    if a.data:
        a.aggregate = a.aggregate or "year"
        with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
            browser = pw.chromium.launch(executable_path=a.chromium, args=ARGS)
            out_dir = Path(a.keep or tmp)
            out_dir.mkdir(parents=True, exist_ok=True)
            print(
                f"{a.data}: the page --aggregate {a.aggregate}, times in seconds from navigation start "
                f"(best of {a.repeat}); Python: write_html in a fresh process, after a load from the cache"
            )
            data_mode(browser, a, out_dir)
            browser.close()
        return
    print(
        f"Chromium {a.chromium}; pyvis default = Network(directed=True), default options; "
        f"times in seconds from navigation start; pyvis waits at most {a.timeout:g} s"
    )
    rows = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=a.chromium, args=ARGS)
        out_dir = Path(a.keep or tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for size in a.sizes.split(","):
            n, m = (int(x) for x in size.split(":"))
            data = Path(tmp) / f"data-{n}"
            generate(str(data), entities=n, relations=m, files=4, pairs=a.pairs)
            ds = graph.load(data)
            ours_path, pyvis_path = out_dir / f"ours-{n}.html", out_dir / f"pyvis-{n}.html"
            index = {eid: i for i, eid in enumerate(ds.entities)}
            t = time.perf_counter()
            layout_mod.layout(n, [(index[r.subject], index[r.object]) for r in ds.relations()])
            t_layout = time.perf_counter() - t
            t = time.perf_counter()
            write_html(ds, ours_path)
            t_py = time.perf_counter() - t
            if not a.no_pyvis:
                pyvis_page(ds, pyvis_path)
            best = None
            for _ in range(a.repeat):
                o = load_page(browser, ours_path, True, a.timeout)
                if best is None or (o.get("settled") or 1e9) < (best.get("settled") or 1e9):
                    best = o
            p = load_page(browser, pyvis_path, False, a.timeout) if not a.no_pyvis else {}
            assert (best.get("nodes"), best.get("edges")) == (n, m), best
            # pyvis's page: checked when it was drawn in time
            assert p.get("nodes", n) == n and p.get("edges", m) == m, p
            total = t_py + best["settled"] if best.get("settled") else None
            rows.append((n, m, t_layout, t_py, best, total, p))
            mb = os.path.getsize(ours_path) / 1e6
            pyvis_mb = f"{os.path.getsize(pyvis_path) / 1e6:.1f} MB" if not a.no_pyvis else "not made"
            print(f"\n{n} entities, {m} relations (our page {mb:.1f} MB, pyvis page {pyvis_mb})")
            print(
                f"  ours : load event {fmt(best.get('load'), a.timeout).strip()} s, layout {t_layout:.2f} s (alone; "
                "in the page's Python time it runs beside the rest)"
            )
            print(line("ours", ours_path, t_py, best, total, a.timeout, 2 if n <= 1000 else 6 if n <= 5000 else 10))
            agg_total = None
            if a.aggregate:
                agg_total = aggregated(browser, ds, out_dir / f"ours-{n}-{a.aggregate}.html", a, total)
            if a.baseline:
                for agg, our_total in [(None, total)] + ([(a.aggregate, agg_total)] if a.aggregate else []):
                    bpath = out_dir / f"baseline-{n}{'-' + agg if agg else ''}.html"
                    b_py, b_best, b_total = baseline(browser, a, data, bpath, agg)
                    label = "baseline" + (f" --aggregate {agg}" if agg else "")
                    print(line(label, bpath, b_py, b_best, b_total, a.timeout))
                    if b_total and our_total:
                        print(f"  ratio {label} / ours (total): {b_total / our_total:.2f}x")
            if a.no_pyvis:
                continue
            print(
                f"  pyvis: load event {fmt(p.get('load'), a.timeout).strip()} s, "
                f"page drawn {fmt(p.get('drawn'), a.timeout).strip()} s, settled "
                f"{fmt(p.get('settled'), a.timeout).strip()} s; blocked requests: {len(p['blocked'])}"
            )
            if p.get("drawn") and total:
                print(
                    f"  ratio pyvis drawn / ours total: {p['drawn'] / total:.1f}x"
                    + (
                        f"; pyvis settled / ours total: {p['settled'] / total:.1f}x"
                        if p.get("settled")
                        else f"; pyvis not settled within {a.timeout:g} s (> {a.timeout / total:.0f}x)"
                    )
                )
        browser.close()


if __name__ == "__main__":
    main()
