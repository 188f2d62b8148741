/* An aggregated page's groups made into records (aggregate.js expand), and read by the filters. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {mod, fixture, stateOf} = require("./load.js");
const A = mod("aggregate"), R = mod("records"), F = mod("filters");

test("expand: one record per group, the counts add up to every claim", () => {
  const DATA = fixture().aggregated;
  DATA.edges = {fields: ["id"], rows: []};
  A.expand(DATA);
  const gids = Object.keys(DATA.relations);
  assert.equal(gids.length, DATA.aggregate.rows.length);
  const total = gids.reduce((a, g) => a + DATA.aggregate.groups[g].count, 0);
  assert.equal(total, DATA.claims);
  for (const g of gids) {
    const r = DATA.relations[g], m = DATA.relmeta[g], grp = DATA.aggregate.groups[g];
    assert.ok(DATA.entities.fields ? true : r.subject in DATA.entities);
    assert.ok(m.types.length >= 1 && m.modalities.length >= 1 && m.sources.length >= 1);
    assert.equal(r.type, m.types.length === 1 ? m.types[0] : m.quad);
    assert.ok(grp.claims.length <= grp.count);
    if (grp.period !== "undated" && grp.period !== "all") assert.equal(r.when, grp.period);
  }
  // and the filters read the groups: a modality keeps the groups that hold a claim of it
  const I = R.index(DATA);
  const kept = F.visible(I, stateOf({mods: ["denied"]})).edges;
  assert.ok(kept.size > 0);
  for (const g of gids) assert.equal(kept.has(g), DATA.relmeta[g].modalities.includes("denied"), g);
});

test("title: the pair, the quad, the period and the claims' count", () => {
  const DATA = fixture().aggregated;
  A.expand(DATA);
  R.index(DATA);
  const g = Object.keys(DATA.relations)[0];
  const t = A.title(DATA, g, (e) => "name of " + e);
  assert.match(t, new RegExp("^name of " + DATA.relations[g].subject + " \u2192 name of " + DATA.relations[g].object));
  assert.match(t, /claims?: /);
});

test("counts: the claims the edges stand for, and how many edges a --top page keeps", () => {
  assert.equal(A.counts({claims: 64, by: "year", top: null}), " edges (64 claims, per year)");
  assert.equal(A.counts({claims: 854127, by: "year", top: 10000, edges: 814454, shown: 95321}),
               " edges (the 10,000 heaviest of 814,454: 95,321 of 854,127 claims, per year)");
});
