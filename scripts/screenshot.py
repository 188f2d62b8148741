"""Make docs/screenshot.png from the real page of data/ (for the README and docs/index.md).

Renders ``data/`` with ``graph.render.write_html``, opens the page in headless
Chromium (Debian's, as in the browser tests), waits until the graph has
settled, selects one relation so the evidence panel shows, checks that vis-network
still draws every claim the page shows (the graph around the selection intact), and
saves a screenshot. No request leaves the page (all are blocked).

    python scripts/screenshot.py [--data data] [--out docs/screenshot.png] [--relation ID]
                                 [--fragment "contested=1&claimants=1"] [--read SOURCE] [--pair A,B]

``--fragment`` restores a view from the URL fragment (filters, toggles); ``--read``
opens the reader panel on a source's stored text, scrolled to the relation's quote; ``--pair``
opens "who sides with whom" (``sides=1``; with ``rollup=1`` in the fragment, rolled up) and clicks
the line between two claimants, so that its pane lists the claim groups and quotes behind it.
The screenshots of docs/reading-across-sources.md are made with:

    python scripts/screenshot.py --data examples/many-sources --out docs/many-sources.png \
        --relation okafor-equipment-left --fragment "claimants=1" --read example-hearing-2023-03
    python scripts/screenshot.py --data examples/many-sources --out docs/who-sides-with-whom.png \
        --relation tal-denies-arming-ttp --fragment "rollup=1" --pair PAK,TAL --size 1700x900
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graph  # noqa: E402
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
DEFAULT_RELATION = "usa-trump-requests-tal-return-equipment-2025"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / "data"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    ap.add_argument("--relation", default=None, help="relation to show in the panel")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--size", default="1500x860")
    ap.add_argument("--fragment", default="", help="URL fragment of the view (e.g. contested=1&claimants=1)")
    ap.add_argument("--read", default=None, metavar="SOURCE", help="open the reader on this source")
    ap.add_argument(
        "--pair",
        default=None,
        metavar="A,B",
        help='open "who sides with whom" and click the line between these two claimants',
    )
    a = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    ds = graph.load(a.data)
    rel = a.relation
    if rel is None:  # a claimed relation with a quote reads well; else the first one
        rels = ds.relations()
        rel = next((r.id for r in rels if r.id == DEFAULT_RELATION), None) or next(
            (r.id for r in rels if r.modality == "reported" and r.type == "REQUEST"), rels[0].id if rels else None
        )
    w, h = (int(x) for x in a.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        page_path = write_html(ds, Path(tmp) / "actorgraph.html")
        url = Path(page_path).as_uri()
        browser = pw.chromium.launch(executable_path=a.chromium, args=ARGS)
        ctx = browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=1)
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.split("#")[0] == url else r.abort())
        page = ctx.new_page()
        frag = "&".join(x for x in (a.fragment, "sides=1" if a.pair else "", f"relation={rel}" if rel else "") if x)
        page.goto(url + (f"#{frag}" if frag else ""))
        page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=60000)
        page.evaluate("network.fit({animation: false})")
        if a.read:
            k = next((i for i, e in enumerate(ds.relation(rel).evidence) if e.source == a.read), 0) if rel else 0
            ok = page.evaluate(
                "([s, r, k]) => r ? actorgraph.reader.show(s, r, k) : actorgraph.reader.open(s)", [a.read, rel, k]
            )
            if not ok:
                raise SystemExit(f"no stored text of source '{a.read}' with a quote of {rel}")
            # the reader covers the right of the graph: draw the graph in the part left of it
            page.evaluate("""() => {
                const w = document.getElementById('ag-reader').offsetWidth, el = document.getElementById('ag-network');
                const pos = Object.values(network.getPositions(actorgraph.visibleNodeIds()));
                const xs = pos.map(p => p.x), ys = pos.map(p => p.y);
                const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
                const scale = 0.8 * Math.min((el.offsetWidth - w) / (x1 - x0 + 1), el.offsetHeight / (y1 - y0 + 1));
                network.moveTo({position: {x: (x0 + x1) / 2, y: (y0 + y1) / 2}, scale: scale,
                                offset: {x: -w / 2, y: 0}, animation: false}); }""")
        if a.pair:
            show_pair(page, a.pair)
        page.wait_for_timeout(300)
        # the selection shown and the graph around it intact: vis-network draws every claim the page shows
        drawn, shown = page.evaluate("""() => {
            const b = network.body, claims = new Set();
            b.edgeIndices.forEach(id => {
                if (b.edges[id].connected) actorgraph.claimsOfEdge(id).forEach(c => claims.add(c)); });
            return [claims.size, actorgraph.visibleEdgeIds().length]; }""")
        if drawn != shown:
            raise SystemExit(f"the page draws {drawn} of the {shown} claims it shows: not saving the screenshot")
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=a.out)
        browser.close()
    print(f"wrote {a.out} ({len(ds.entities)} entities, {len(ds)} relations; panel: {rel})")


def show_pair(page, pair):
    """Click the line between two claimants in "who sides with whom" (its red line when there are two)."""
    page.wait_for_function("() => actorgraph.sides && actorgraph.sides.drawnAt() > 0", timeout=30000)
    ids = page.evaluate("([a, b]) => actorgraph.sides.edgesOf(a, b)", pair.split(",", 1))
    if not ids:
        raise SystemExit(f"no line between {pair} in who sides with whom")
    page.wait_for_timeout(200)
    pt = page.evaluate("(id) => actorgraph.sides.edgePoint(id)", ids[-1])
    page.mouse.click(pt["x"], pt["y"])
    if not page.evaluate("actorgraph.sides.paneText()").startswith(
        tuple(page.evaluate("(ids) => ids.map(c => actorgraph.internal.name(c))", pair.split(",", 1)))
    ):
        raise SystemExit(f"the click on the line between {pair} did not show the pair")


if __name__ == "__main__":
    main()
