/* Node labels that do not overlap. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {mod} = require("./load.js");
const LB = mod("labels");

const measure = (t) => 7 * t.length;   // a monospace font of 7 units a character
const LINE = 18, PAD = 3;

function boxes(nodes, placed) {
  return nodes.filter((n) => placed[n.id]).map((n) => {
    const w = measure(placed[n.id]) + 2 * PAD;
    return [n.x - w / 2, n.y + n.r, n.x + w / 2, n.y + n.r + LINE + PAD, n.id];
  });
}

test("no two labels placed overlap; the larger node keeps its full name", () => {
  const nodes = [];
  for (let i = 0; i < 60; i++) {
    const long = "Ministry of Foreign Affairs number " + i;
    nodes.push({id: "E" + i, x: (i % 8) * 90, y: Math.floor(i / 8) * 40, r: 10, label: long, short: LB.shorten(long, "E" + i), rank: i});
  }
  const placed = LB.place(nodes, measure, LINE, PAD);
  const b = boxes(nodes, placed);
  for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
    const x = b[i], y = b[j];
    assert.ok(!(x[0] < y[2] && y[0] < x[2] && x[1] < y[3] && y[1] < x[3]), x[4] + " overlaps " + y[4]);
  }
  assert.equal(placed.E59, nodes[59].label);    // the highest rank first
  assert.ok(Object.values(placed).some((t) => t === ""), "a crowded layout drops some labels");
  assert.ok(Object.values(placed).some((t) => t.endsWith("\u2026") || /^E\d+$/.test(t)), "and shortens others");
});

test("a label does not cover another node", () => {
  const nodes = [{id: "A", x: 0, y: 0, r: 10, label: "A long name here", short: "A", rank: 2},
                 {id: "B", x: 0, y: 25, r: 10, label: "B", short: "B", rank: 1}];
  const placed = LB.place(nodes, measure, LINE, PAD);
  assert.notEqual(placed.A, "A long name here");   // below A is B's node
});

test("labels that do not collide are all kept in full", () => {
  const nodes = [0, 1, 2].map((i) => ({id: "N" + i, x: i * 1000, y: 0, r: 10, label: "Name " + i, short: "N", rank: 1}));
  assert.deepEqual({...LB.place(nodes, measure, LINE, PAD)}, {N0: "Name 0", N1: "Name 1", N2: "Name 2"});
});

test("shorten: short names kept, a short readable id preferred, else cut at a word with an ellipsis", () => {
  assert.equal(LB.shorten("Pakistan", "PAK"), "Pakistan");
  assert.equal(LB.shorten("Tehreek-e-Taliban Pakistan", "TTP"), "TTP");
  assert.equal(LB.shorten("Ministry of Foreign Affairs of Pakistan", "EX-WHITFIELD-LONG"), "Ministry of\u2026");
  assert.equal(LB.shorten("Supercalifragilisticexpialidocious", "some id with spaces"), "Supercalifrag\u2026");
});
