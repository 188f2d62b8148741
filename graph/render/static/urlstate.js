/* actorgraph page: the state in the URL fragment -- written after every change so that a view can be
 * shared and reloaded ("#type=ACCUSE&focus=PAK&hops=2&relation=r1"), and read back, unknown or
 * out-of-range values ignored or clamped.
 *
 * Runs without a browser (window.actorgraphLib.urlstate in the page, require("./urlstate.js") in Node).
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("urlstate", function (require) {
  "use strict";
  var T = require("./time.js"), F = require("./filters.js"), R = require("./records.js");
  var hasOwn = R.hasOwn;

  var NONE = "~";   // the value of an empty list (every box unticked)
  var SETS = [["type", "types", "allTypes"], ["pol", "pols", "allPols"], ["mod", "mods", "allMods"], ["src", "srcs", "allSrcs"]];

  /* The fragment of state st ("" when it is the default state); page: the page's defaults ({physics, merge}). */
  function write(st, page) {
    var p = new URLSearchParams();
    SETS.forEach(function (kv) {
      var s = st[kv[1]];
      if (s) { if (!s.size) p.append(kv[0], NONE); else Array.from(s).sort().forEach(function (v) { p.append(kv[0], v); }); }
    });
    if (st.from !== null) p.set("from", T.monthText(st.from));
    if (st.to !== null) p.set("to", T.monthText(st.to));
    if (!st.undated) p.set("undated", "0");
    if (st.time !== "happened") p.set("time", st.time);
    if (st.contested) p.set("contested", "1");
    if (st.claimants) p.set("claimants", "1");
    if (st.merge !== (page.merge !== false)) p.set("merge", st.merge ? "1" : "0");
    if (st.group) p.set("group", "1");
    if (st.group && st.unfolded.size) Array.from(st.unfolded).sort().forEach(function (v) { p.append("unfold", v); });
    if (!st.partof) p.set("partof", "0");
    if (st.rollup) p.set("rollup", "1");
    if (st.sides) p.set("sides", "1");
    if (st.focus) { p.set("focus", st.focus); p.set("hops", String(st.hops)); }
    if (st.sel) {
      p.set(st.sel[0] === "node" ? "entity" : "relation", st.sel[1]);
      if (st.sel[2]) p.set("edge", "1");
    }
    if (st.physics !== !!page.physics) p.set("physics", st.physics ? "1" : "0");
    var text = p.toString();
    return text ? "#" + text : "";
  }

  /* The state a fragment gives on a page of index I (graph/render/static/records.js) with defaults page. */
  function read(hash, I, page) {
    var st = F.defaults(page), p;
    try { p = new URLSearchParams(String(hash || "").replace(/^#/, "")); } catch (e) { return st; }
    SETS.forEach(function (kv) {
      var vals = p.getAll(kv[0]), all = I[kv[2]];
      if (!vals.length) return;
      var s = new Set(vals.filter(function (v) { return all.indexOf(v) >= 0; }));
      if (!s.size && vals.indexOf(NONE) < 0) return;   // only unknown values: no filter
      st[kv[1]] = F.setFrom(s, all);
    });
    function month(key) {
      var v = p.get(key);
      if (!v || I.tMin === null || !/^\d{4}-\d{2}$/.test(v)) return null;
      return Math.max(I.tMin, Math.min(I.tMax, T.monthIndex(v + "-01")));
    }
    st.from = month("from"); st.to = month("to");
    if (st.from === I.tMin) st.from = null;
    if (st.to === I.tMax) st.to = null;
    if (st.from !== null && st.to !== null && st.from > st.to) { st.from = null; st.to = null; }
    st.undated = p.get("undated") !== "0";
    if (T.TIMES.indexOf(p.get("time")) >= 0) st.time = p.get("time");
    st.contested = p.get("contested") === "1" && I.contestedCount > 0;
    st.claimants = p.get("claimants") === "1";
    if (p.get("merge") === "0") st.merge = false;
    if (p.get("merge") === "1") st.merge = true;
    st.group = p.get("group") === "1";
    p.getAll("unfold").forEach(function (v) { if (hasOwn(I.parts, v)) st.unfolded.add(v); });
    st.partof = p.get("partof") !== "0";
    st.rollup = p.get("rollup") === "1";
    st.sides = p.get("sides") === "1";
    var f = p.get("focus");
    if (f && hasOwn(I.ENT, f)) st.focus = f;
    st.hops = F.clampHops(p.get("hops"));
    var ent = p.get("entity"), rel = p.get("relation");
    if (ent && hasOwn(I.ENT, ent)) st.sel = ["node", ent];
    else if (rel && hasOwn(I.REL, rel)) st.sel = p.get("edge") === "1" ? ["edge", rel, true] : ["edge", rel];
    if (p.get("physics") === "0") st.physics = false;
    if (p.get("physics") === "1") st.physics = true;
    return st;
  }

  return {write: write, read: read, NONE: NONE};
});
