/* The page's cross-source logic (cross.js) says what the analyses say: merged claims, claims counted
   once, the entries of contested and corroborated groups, what a pair of the discourse network stands
   on -- exact and rolled up, against the fixture tests/test_page_cross.py writes from Python. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const {mod, fixture} = require("./load.js");
const R = mod("records"), X = mod("cross");

const CROSS = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "cross.json"), "utf-8"));

/* The page data of a folder (filters.json) with its cross-source data (cross.json), indexed. */
function page(folder) {
  const d = fixture().datasets.find((x) => x.folder === folder), c = CROSS.datasets.find((x) => x.folder === folder);
  d.page.cross = c.cross;
  const I = R.index(d.page);
  return {I, data: d.page, python: c.python, x: X.make(I, d.page)};
}
const MODES = [["exact", false], ["rolled", true]];

for (const folder of CROSS.datasets.map((d) => d.folder)) {
  for (const [mode, on] of MODES) {
    test(`merged claims as graph.analysis.merge merges them: ${folder}, ${mode}`, () => {
      const {I, python, x} = page(folder);
      const got = x.merged(I.relIds, on).map((u) => [u.key, u.modality, u.claimant, u.source, u.relations, u.claimants,
        u.relations.length > 1 ? [].concat(...u.relations.map((rid) => x.quotes(rid, u.source))) : null]);
      assert.deepEqual(got, python[mode].merged);
    });

    test(`each claimant's claims counted once as graph.analysis.claimants counts them: ${folder}, ${mode}`, () => {
      const {I, python, x} = page(folder);
      const want = python[mode].claimants;
      assert.ok(Object.keys(want).length > 0);
      for (const [eid, [count, rels]] of Object.entries(want)) {
        const made = x.claimsMade(eid, on);
        assert.equal(made.lines.length, count, eid);
        assert.deepEqual(made.relations, rels, eid);
        // every claim is on one line, the one it repeats
        assert.deepEqual(made.lines.flatMap((l) => l.relations).sort(), rels.slice().sort(), eid);
      }
    });

    test(`the entries of contested and corroborated groups as graph.analysis.contested lists them: ${folder}, ${mode}`, () => {
      const {python, x} = page(folder);
      const groups = x.groups(on);
      assert.equal(groups.length, python[mode].groups.length);
      const order = {reported: 0, claimed: 0, denied: 1, recommended: 2, speculated: 2};
      python[mode].groups.forEach((g, i) => {
        assert.deepEqual(groups[i].key, g.key);
        for (const rid of g.relations) assert.equal(x.groupOf(rid, on), groups[i], rid);
        const units = x.merged(groups[i].relations, on);
        const entries = units.map((u, k) => [u, k]).sort((a, b) => order[a[0].modality] - order[b[0].modality] || a[1] - b[1])
          .map(([u]) => [u.claimant, u.source, u.modality, u.relations,
                         on && (u.claimants.length !== 1 || u.claimants[0] !== u.claimant) ? u.claimants : null]);
        assert.deepEqual(entries, g.entries);
      });
    });

    test(`what a pair of the discourse network stands on, as Discourse.evidence gives it: ${folder}, ${mode}`, () => {
      const {python, x} = page(folder);
      const net = x.network(on), ids = net.claimants.map((c) => c[0]);
      assert.equal(net.edges.length, python[mode].pairs.length);
      net.edges.forEach((e, k) => {
        const [a, b, evidence] = python[mode].pairs[k];
        assert.deepEqual([ids[e[0]], ids[e[1]]], [a, b]);
        assert.deepEqual(X.pair(net, e), evidence);
      });
    });
  }
}

test("the roll-up changes what many-sources' panels list: merged claimants, fewer pairs", () => {
  const {x} = page("examples/many-sources");
  assert.equal(x.rolls, true);
  // Pakistan makes no claim of its own exactly but its prime minister's and foreign office's rolled up:
  // the claim both make is counted once
  const exact = x.claimsMade("PAK", false), rolled = x.claimsMade("PAK", true);
  assert.equal(exact.lines.length, 1);
  assert.ok(rolled.lines.length > exact.lines.length);
  const both = x.merged(["pak-tal-armed-ttp"], true);
  assert.equal(both.length, 1);
  assert.deepEqual(both[0].claimants, ["PAK-PM", "PAK-FO"]);
  assert.equal(x.merged(["pak-tal-armed-ttp"], false).length, 2);
  assert.ok(x.network(true).edges.length < x.network(false).edges.length);
});

test("nothing rolls up on a page without parts; no cross-source data on an aggregated page", () => {
  const I = R.index(fixture().datasets[0].page);
  const x = X.make(I, {groups: [], cross: {roll_up: {}, discourse: {exact: {claimants: [], groups: [], edges: [], claims: [], method: "exact"}}}});
  assert.equal(x.rolls, false);
  assert.equal(x.up(true)("PAK-FO"), "PAK-FO");
  assert.equal(x.network(true), x.network(false));
  const none = X.make(I, {groups: []});
  assert.equal(none.available, false);
  assert.equal(none.network(false), null);
});

test("countOnce: a claim sharing a unit with one counted before joins its line", () => {
  const units = {a: ["x"], b: ["x", "y"], c: ["y"], d: ["z"]};
  assert.deepEqual(X.countOnce(["a", "b", "c", "d"], (r) => units[r]), [{relations: ["a", "b", "c"]}, {relations: ["d"]}]);
});
