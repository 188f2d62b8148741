/* The page's filters keep the claims Python keeps (graph/filters.py, Dataset.view): the shared fixture. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {mod, fixture, stateOf} = require("./load.js");
const R = mod("records"), F = mod("filters"), T = mod("time");

for (const d of fixture().datasets) {
  test(`filters keep what Python keeps: ${d.folder}`, () => {
    const I = R.index(d.page);
    assert.ok(d.cases.length >= 15);
    for (const c of d.cases) {
      const st = stateOf(c.state);
      // the time slider clamps months to the data's span, as the page does
      if (st.from !== null) st.from = Math.max(I.tMin, Math.min(I.tMax, st.from));
      if (st.to !== null) st.to = Math.max(I.tMin, Math.min(I.tMax, st.to));
      const kept = Array.from(F.visible(I, st).edges).sort();
      assert.deepEqual(kept, c.python, JSON.stringify(c.state));
    }
  });
}

test("no filter keeps every drawable claim and entity; active() says so", () => {
  const d = fixture().datasets[0], I = R.index(d.page);
  const st = F.defaults({});
  const v = F.visible(I, st);
  assert.equal(v.edges.size, I.relIds.length);
  assert.equal(F.active(I, st), false);
  assert.deepEqual(Array.from(v.nodes).sort(), Array.from(I.drawable).sort());
  st.mods = new Set(["reported"]);
  assert.equal(F.active(I, st), true);
});

test("unticking undated claims filters only when some are undated", () => {
  const d = fixture().datasets[0], I = R.index(d.page);
  const st = F.defaults({});
  st.undated = false;
  assert.equal(F.active(I, st), I.undatedCounts.happened > 0);
  const kept = F.visible(I, st).edges;
  for (const rid of I.relIds) assert.equal(kept.has(rid), !!I.META[rid].span, rid);
});

test("a focus shows the focused entity even when no claim is left", () => {
  const d = fixture().datasets[1], I = R.index(d.page);
  const st = stateOf({focus: "TAL", types: ["ACCUSE"]});
  const v = F.visible(I, st);
  assert.ok(v.nodes.has("TAL"));
  for (const rid of v.edges) assert.equal(I.REL[rid].type, "ACCUSE");
});

test("show claimants adds each claimant and a link per claimant, subject and verb", () => {
  const d = fixture().datasets[1], I = R.index(d.page);
  const st = stateOf({claimants: true});
  const v = F.visible(I, st);
  assert.ok(v.links.size > 0);
  for (const id of v.links) {
    const l = I.LINKS[id];
    assert.ok(v.nodes.has(l.from) && v.nodes.has(l.to));
    for (const rid of l.rels) {
      assert.ok(I.META[rid].claimants.includes(l.from));
      assert.equal(I.REL[rid].subject, l.to);
      assert.equal(l.verb, I.REL[rid].modality === "denied" ? "denies" : "asserts");
    }
  }
});

test("clampHops: whole numbers in 1..6", () => {
  assert.deepEqual(["0", "1", "3", "9", "-2", "x", "2.7"].map(F.clampHops), [1, 1, 3, 6, 1, 1, 2]);
});

test("setFrom: a set holding every value is no filter", () => {
  assert.equal(F.setFrom(new Set(["a", "b"]), ["a", "b"]), null);
  assert.deepEqual(Array.from(F.setFrom(new Set(["a"]), ["a", "b"])), ["a"]);
  assert.equal(F.setFrom(null, ["a"]), null);
});

test("time: months, their ends (leap years), spans and overlaps", () => {
  assert.equal(T.monthIndex("2024-02-10"), 2024 * 12 + 1);
  assert.equal(T.monthText(2024 * 12 + 1), "2024-02");
  assert.equal(T.monthEnd(T.monthIndex("2024-02-01")), "2024-02-29");
  assert.equal(T.monthEnd(T.monthIndex("2023-02-01")), "2023-02-28");
  assert.equal(T.monthEnd(T.monthIndex("1900-02-01")), "1900-02-28");
  assert.equal(T.monthEnd(T.monthIndex("0050-12-01")), "0050-12-31");   // years below 100 are years, not 19xx
  const m = T.monthIndex("2024-03-01");
  assert.ok(T.overlaps([["2024-03-31", "2024-03-31"]], m, m));
  assert.ok(!T.overlaps([["2024-04-01", "2024-05-01"]], m, m));
  assert.ok(T.overlaps([[null, "2024-03-01"]], m, null));          // open start
  assert.ok(T.overlaps([["2020-01-01", null]], null, m));          // open end
  const meta = {span: null, made: [["2024-01-01", "2024-12-31"]]};
  assert.deepEqual(T.spansOf(meta, "happened"), []);
  assert.deepEqual(T.spansOf(meta, "happened-or-made"), meta.made);
  assert.deepEqual(T.spansOf({span: ["2021-08-01", "2021-08-31"], made: meta.made}, "happened-or-made"), [["2021-08-01", "2021-08-31"]]);
});
