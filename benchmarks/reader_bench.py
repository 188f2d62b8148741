"""Reader speed: opening a long stored text with many highlighted quotes, in headless Chromium.

A page is written for a dataset with one source whose text is ~200 kB and holds
500 distinct quotes (one claim each). In the page, side by side in one run:

* **reader**: ``actorgraph.reader.show(source, claim, 0)`` -- build the text
  with every highlight (first open), scroll to the last quote -- up to the
  next painted frame;
* **baseline**: the same text put in the same panel as one text node, no
  highlights, up to the next painted frame (the floor any reader pays).

Target (issue 10): the reader opens in under a second. Times are
``performance.now()`` differences in the page; the median of --repeat runs
(a fresh page each).

    python benchmarks/reader_bench.py [--kb 200] [--marks 500] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from graph.dataset import Dataset  # noqa: E402
from graph.model import Entity, Evidence, Relation, Source  # noqa: E402
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

FILLER = "Words that no claim quotes, written to fill the text between the quotes. "


def dataset(kb, marks):
    per = kb * 1000 // marks
    parts, quotes = [], []
    for i in range(marks):
        q = f"quoted passage number {i} of the long text"
        quotes.append(q)
        parts.append((FILLER * (per // len(FILLER) + 1))[: max(0, per - len(q) - 2)] + " " + q + " ")
    text = "".join(parts)
    ents = {f"E{i}": Entity(f"E{i}", f"Entity {i}", "state") for i in range(20)}
    rels = [
        Relation(
            id=f"r{i}",
            subject=f"E{i % 20}",
            object=f"E{(i * 7 + 1) % 20}",
            type="CONSULT",
            modality="reported",
            polarity=2.5,
            evidence=(Evidence("big", q),),
        )
        for i, q in enumerate(quotes)
    ]
    return Dataset({"big": Source("big", title="A long text")}, ents, rels), text


READER = """async ([sid, rid]) => {
  const t0 = performance.now();
  actorgraph.reader.show(sid, rid, 0);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [performance.now() - t0, document.querySelectorAll('#ag-reader mark').length];
}"""

BASELINE = """async ([sid]) => {
  const pane = document.getElementById('ag-reader');
  const text = actorgraph.internal.data.reader[sid].text;
  const t0 = performance.now();
  while (pane.firstChild) pane.removeChild(pane.firstChild);
  const div = document.createElement('div');
  div.className = 'ag-reader-text';
  div.textContent = text;
  pane.appendChild(div);
  pane.hidden = false;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=int, default=200)
    ap.add_argument("--marks", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    ds, text = dataset(args.kb, args.marks)
    out = Path(tempfile.mkdtemp()) / "reader.html"
    write_html(ds, out, texts={"big": text})
    url = out.resolve().as_uri()
    reader, base = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium"), args=ARGS
        )
        for _ in range(args.repeat):
            for which in ("reader", "baseline"):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(url)
                page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=60000)
                if which == "reader":
                    ms, n = page.evaluate(READER, ["big", f"r{args.marks - 1}"])
                    assert n == args.marks, n
                    reader.append(ms)
                else:
                    base.append(page.evaluate(BASELINE, ["big"]))
                page.close()
        browser.close()
    r, b = statistics.median(reader), statistics.median(base)
    print(f"text: {len(text.encode()) / 1000:.0f} kB, {args.marks} highlights; median of {args.repeat}")
    print(f"reader (build + highlights + scroll + paint): {r:7.1f} ms   (target < 1000 ms)")
    print(f"baseline (one text node + paint):            {b:7.1f} ms")
    print(f"ratio: {r / b:.1f}x")


if __name__ == "__main__":
    main()
