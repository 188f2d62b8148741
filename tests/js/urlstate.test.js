/* The state in the URL fragment: written and read back, unknown values ignored, numbers clamped. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {mod, fixture, stateOf} = require("./load.js");
const R = mod("records"), F = mod("filters"), U = mod("urlstate");

const PAGE = {physics: true, merge: true};
function index(k) { return R.index(fixture().datasets[k].page); }

test("the default state has an empty fragment", () => {
  const I = index(0);
  assert.equal(U.write(F.defaults(PAGE), PAGE), "");
  const st = U.read("", I, PAGE);
  assert.deepEqual(U.write(st, PAGE), "");
});

test("every part of the state goes through the fragment and back", () => {
  const I = index(2);
  const st = stateOf({types: ["ACCUSE", "ASSAULT"], pols: ["-1"], mods: ["reported", "denied"], srcs: [I.allSrcs[0]],
                      from: "2025-01", to: "2026-10", undated: false, time: "made", contested: true, claimants: true,
                      focus: "PAK", hops: 2, merge: false, group: true, partof: false, physics: false}, PAGE);
  st.unfolded = new Set(["USA"]);
  st.sel = ["edge", I.relIds[3], true];
  const hash = U.write(st, PAGE);
  const back = U.read(hash, I, PAGE);
  assert.equal(U.write(back, PAGE), hash);
  for (const k of ["from", "to", "undated", "time", "contested", "claimants", "focus", "hops", "merge", "group", "partof", "physics"]) {
    assert.deepEqual(back[k], st[k], k);
  }
  for (const k of ["types", "pols", "mods", "srcs", "unfolded"]) assert.deepEqual(Array.from(back[k]).sort(), Array.from(st[k]).sort(), k);
  assert.deepEqual(back.sel, st.sel);
  assert.match(hash, /merge=0/);
  assert.match(hash, /group=1/);
  assert.match(hash, /unfold=USA/);
});

test("an empty list is kept as '~', unknown values are no filter, hops are clamped", () => {
  const I = index(0);
  const st = F.defaults(PAGE);
  st.mods = new Set();
  const hash = U.write(st, PAGE);
  assert.equal(hash, "#mod=%7E");
  assert.equal(U.read(hash, I, PAGE).mods.size, 0);
  const odd = U.read("#type=NOSUCH&mod=whatever&focus=nobody&hops=99&entity=constructor&relation=__proto__&from=garbage", I, PAGE);
  assert.equal(odd.types, null);
  assert.equal(odd.mods, null);
  assert.equal(odd.focus, null);
  assert.equal(odd.hops, 6);
  assert.equal(odd.sel, null);
  assert.equal(odd.from, null);
  const every = U.read("#" + I.allMods.map((m) => "mod=" + m).join("&"), I, PAGE);
  assert.equal(every.mods, null);   // every value ticked: no filter
});

test("months outside the data are clamped to it; a reversed range is dropped", () => {
  const I = index(0);
  const st = U.read("#from=1900-01&to=2999-12", I, PAGE);
  assert.equal(st.from, null);   // clamped to the first month: no filter
  assert.equal(st.to, null);
  const rev = U.read("#from=2025-01&to=2021-01", I, PAGE);
  assert.equal(rev.from, null);
  assert.equal(rev.to, null);
});

test("an aggregated page's default is unmerged: merge=1 is written, merge=0 is not", () => {
  const agg = {physics: false, merge: false};
  const st = F.defaults(agg);
  assert.equal(st.merge, false);
  assert.equal(U.write(st, agg), "");
  st.merge = true;
  assert.equal(U.write(st, agg), "#merge=1");
});

test("the roll-up and the 'who sides with whom' view go through the fragment", () => {
  const I = index(1);
  const st = F.defaults(PAGE);
  assert.equal(st.rollup, false);
  assert.equal(st.sides, false);
  st.rollup = true; st.sides = true;
  const hash = U.write(st, PAGE);
  assert.match(hash, /rollup=1/);
  assert.match(hash, /sides=1/);
  const back = U.read(hash, I, PAGE);
  assert.equal(back.rollup, true);
  assert.equal(back.sides, true);
  assert.equal(U.read("#sides=yes&rollup=0", I, PAGE).sides, false);
  assert.equal(U.write(U.read("#sides=1", I, PAGE), PAGE), "#sides=1");
});
