/* What is drawn: merged parallel claims, groups, part_of lines, looks and curves. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {mod, fixture, stateOf} = require("./load.js");
const R = mod("records"), F = mod("filters"), G = mod("drawing");

function setup(k, plain) {
  const I = R.index(fixture().datasets[k].page);
  const st = stateOf(plain || {});
  return {I, st, vis: F.visible(I, st)};
}

test("merged: one item per subject, object and quad, each visible claim in exactly one", () => {
  const {I, st, vis} = setup(2);
  const d = G.items(I, st, vis);
  const keys = new Set(Array.from(vis.edges).map((rid) => [I.REL[rid].subject, I.REL[rid].object, I.META[rid].quad].join("|")));
  assert.equal(d.items.size, keys.size);
  assert.ok(d.items.size < vis.edges.size);
  const seen = new Set();
  for (const it of d.items.values()) {
    for (const rid of it.claims) {
      assert.ok(!seen.has(rid));
      seen.add(rid);
      assert.equal(I.REL[rid].subject, it.from);
      assert.equal(I.REL[rid].object, it.to);
      assert.equal(I.META[rid].quad, it.quad);
      assert.equal(d.ofClaim[rid], it.id);
    }
  }
  assert.equal(seen.size, vis.edges.size);
});

test("unmerged: one item per claim, its vis id the claim's", () => {
  const {I, st, vis} = setup(2, {merge: false});
  const d = G.items(I, st, vis);
  assert.equal(d.items.size, vis.edges.size);
  for (const [id, it] of d.items) assert.deepEqual(it.claims, [G.fromVis(id)]);
});

test("grouped: parts drawn as their root, claims inside a group not drawn, unfolded groups drawn apart", () => {
  const {I, st, vis} = setup(2, {group: true});
  const d = G.items(I, st, vis), n = G.nodes(I, vis, d.rep);
  for (const e of n.nodes) assert.ok(!I.parent[e] || st.unfolded.has(I.root[e]), e + " is a part but drawn");
  assert.ok(Object.keys(n.folded).length > 0);
  let inside = 0;
  for (const g of Object.keys(d.inside)) for (const rid of d.inside[g]) {
    inside++;
    assert.equal(d.rep(I.REL[rid].subject), g);
    assert.equal(d.rep(I.REL[rid].object), g);
  }
  let drawnClaims = 0;
  for (const it of d.items.values()) drawnClaims += it.claims.length;
  assert.equal(drawnClaims + inside, vis.edges.size);
  // unfold the United States: its parts are drawn on their own again
  st.unfolded.add("USA");
  const d2 = G.items(I, st, vis), n2 = G.nodes(I, vis, d2.rep);
  assert.ok(!n2.folded.USA);
  for (const e of I.parts.USA) if (vis.nodes.has(e)) assert.ok(n2.nodes.has(e), e);
});

test("part_of lines join each drawn entity to its nearest drawn ancestor", () => {
  const {I} = setup(2);
  const all = new Set(Object.keys(I.ENT));
  const lines = G.partLines(I, all);
  assert.equal(lines.length, Object.keys(I.parent).length);
  for (const [part, whole] of lines) assert.equal(I.parent[part], whole);
  // hide a person's office: the person's line goes to the office's state
  const person = Object.keys(I.parent).find((e) => I.parent[I.parent[e]] !== undefined);
  assert.ok(person, "the fixture has a person part of an office part of a state");
  const office = I.parent[person], state = I.parent[office];
  all.delete(office);
  const again = new Map(G.partLines(I, all));
  assert.equal(again.get(person), state);
});

test("the look of a merged item: its count, widths by count, one line style or the mixed one", () => {
  const {I, st, vis} = setup(2);
  const d = G.items(I, st, vis);
  const row = () => ({label: "X", color: "#c81e1e", width: 2, background: undefined});
  const big = Array.from(d.items.values()).sort((a, b) => b.claims.length - a.claims.length)[0];
  assert.ok(big.claims.length >= 3);
  const lk = G.look(I, big, row, () => 1);
  assert.match(lk.label, new RegExp("\u00d7" + big.claims.length));
  assert.ok(lk.width > 2);
  assert.equal(lk.count, big.claims.length);
  const mods = new Set(big.claims.map((rid) => I.REL[rid].modality));
  assert.deepEqual(lk.dashes, mods.size === 1 ? I.VOCAB.modalities[[...mods][0]].dashes : I.VOCAB.other_dashes);
  const one = Array.from(d.items.values()).find((it) => it.claims.length === 1);
  assert.equal(G.look(I, one, row, () => 1).label, "X");
});

test("curves: every item between the same two entities gets its own side and bend", () => {
  const items = [];
  for (let i = 0; i < 7; i++) items.push({id: "i" + i, from: i % 3 ? "A" : "B", to: i % 3 ? "B" : "A"});
  items.push({id: "loop1", from: "A", to: "A"}, {id: "loop2", from: "A", to: "A"}, {id: "alone", from: "C", to: "D"});
  const c = G.curves(items);
  const shapes = new Set();
  for (const it of items.slice(0, 7)) {
    const s = c[it.id] ? c[it.id].smooth : {enabled: false};
    // the side seen from A to B: clockwise from A is anticlockwise from B
    shapes.add(s.enabled ? ((s.type === "curvedCW") === (it.from === "A") ? 1 : -1) * s.roundness : 0);
  }
  assert.equal(shapes.size, 7);
  assert.notDeepEqual(c.loop1.selfReference, c.loop2.selfReference);
  assert.equal(c.alone, undefined);
});

test("vis ids: data ids named like Object.prototype's members or starting with a mark are escaped, one to one", () => {
  for (const id of ["constructor", "__proto__", "toString", "\u2060x", "\u2061x", "\u2062x", "\u2063x", "PAK"]) {
    const v = G.toVis(id);
    assert.equal(G.fromVis(v), id);
    if (id !== "PAK") assert.equal(v.charAt(0), "\u2060");
  }
});

test("polarity colours as graph/render/style.py polarity_color", () => {
  assert.deepEqual([0, -10, 10, -3].map(G.polarityColour), ["#969696", "#c81e1e", "#198c3c", "#b15555"]);
});
