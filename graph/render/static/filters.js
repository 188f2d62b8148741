/* actorgraph page: the filters -- the page's state (filters, focus, selection and ways of drawing),
 * which claims a state keeps (the same claims as graph/filters.py and Dataset.view keep: a shared
 * fixture proves it, tests/js/), and which entities and claimant links are then visible.
 *
 * Runs without a browser (window.actorgraphLib.filters in the page, require("./filters.js") in Node).
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("filters", function (require) {
  "use strict";
  var T = require("./time.js"), R = require("./records.js");
  var hasOwn = R.hasOwn, dict = R.dict;

  var MAX_HOPS = 6;
  /* A hop count from text: a whole number in 1..MAX_HOPS (out-of-range values clamped). */
  function clampHops(v) {
    var n = parseInt(v, 10);
    return isNaN(n) ? 1 : Math.max(1, Math.min(MAX_HOPS, n));
  }

  /* The state of a page opened without a URL fragment (page: the page's own defaults, {physics,
     merge}: an aggregated page's edges are merged already, per period). Filters: types, pols (signs "-1", "0", "1"),
     mods, srcs (null: no filter; a Set: the values kept), from/to (month numbers, null: open),
     undated (keep undated claims), time (the basis), contested, focus + hops. Selection: sel
     (["node", id] | ["edge", claim id] | ["edge", claim id, true]: the drawn edge of that claim, with
     every claim it stands for). Ways of drawing: physics, claimants (links from claimants),
     merge (parallel claims of one quad as one edge), group (parts folded into their root),
     unfolded (roots drawn with their parts while grouped), partof (part_of lines). Across sources:
     rollup (the panels and the "who sides with whom" view count an office or person as its state),
     sides (that view is open). */
  function defaults(page) {
    page = page || {};
    return {types: null, pols: null, mods: null, srcs: null, from: null, to: null, undated: true,
            time: "happened", contested: false, focus: null, hops: 1, sel: null,
            physics: !!page.physics, claimants: false, merge: page.merge !== false, group: false, unfolded: new Set(), partof: true,
            rollup: false, sides: false};
  }

  /* The types and modalities a claim (or an aggregated page's group of claims) stands for. */
  function typesOf(I, rid) { return I.META[rid].types || [I.REL[rid].type]; }
  function modsOf(I, rid) { return I.META[rid].modalities || [I.REL[rid].modality]; }
  function someIn(list, set) {
    for (var i = 0; i < list.length; i++) if (set.has(list[i])) return true;
    return false;
  }

  /* Does claim rid pass the filters of state st (the focus aside)? */
  function passes(I, st, rid) {
    var m = I.META[rid];
    if (st.types && !someIn(typesOf(I, rid), st.types)) return false;
    if (st.pols && !st.pols.has(String(m.sign))) return false;
    if (st.mods && !someIn(modsOf(I, rid), st.mods)) return false;
    if (st.srcs && !someIn(m.sources, st.srcs)) return false;
    if (st.contested && !m.contested) return false;
    var spans = T.spansOf(m, st.time);
    if (!spans.length) return st.undated;
    if (st.from !== null || st.to !== null) return T.overlaps(spans, st.from, st.to);
    return true;
  }

  /* Does state st filter anything out? (Undated claims unticked filters only when there are some.) */
  function active(I, st) {
    return !!(st.types || st.pols || st.mods || st.srcs || st.from !== null || st.to !== null ||
              (!st.undated && I.undatedCounts[st.time] > 0) || st.focus || st.contested);
  }

  /* What state st shows: {edges: Set of claim ids, nodes: Set of entity ids, links: Set of claimant
     link ids}. The focus keeps the claims within st.hops of the focused entity, either direction, on
     the claims the other filters keep (as Dataset.view). */
  function visible(I, st) {
    var REL = I.REL, ENT = I.ENT;
    var edges = I.relIds.filter(function (rid) {
      var r = REL[rid];
      return hasOwn(ENT, r.subject) && hasOwn(ENT, r.object) && passes(I, st, rid);
    });
    var focus = st.focus && hasOwn(ENT, st.focus) ? st.focus : null;
    if (focus) {
      var adj = dict();
      edges.forEach(function (rid) {
        var r = REL[rid];
        (adj[r.subject] = adj[r.subject] || []).push(r.object);
        (adj[r.object] = adj[r.object] || []).push(r.subject);
      });
      var dist = dict(), queue = [focus], head = 0;
      dist[focus] = 0;
      while (head < queue.length) {
        var n = queue[head++];
        if (dist[n] >= st.hops) continue;
        (adj[n] || []).forEach(function (x) { if (!(x in dist)) { dist[x] = dist[n] + 1; queue.push(x); } });
      }
      edges = edges.filter(function (rid) { return REL[rid].subject in dist && REL[rid].object in dist; });
    }
    var nodes;
    if (!active(I, st)) nodes = new Set(I.drawable);
    else {
      nodes = new Set();
      edges.forEach(function (rid) { nodes.add(REL[rid].subject); nodes.add(REL[rid].object); });
      if (focus) nodes.add(focus);
    }
    var links = new Set();
    if (st.claimants) {
      edges.forEach(function (rid) {
        (I.linksOfRel[rid] || []).forEach(function (id) { links.add(id); nodes.add(I.LINKS[id].from); });
      });
    }
    return {edges: new Set(edges), nodes: nodes, links: links};
  }

  /* A filter's set: null when it keeps every value of all. */
  function setFrom(set, all) { return (!set || set.size === all.length) ? null : set; }

  return {MAX_HOPS: MAX_HOPS, clampHops: clampHops, defaults: defaults, typesOf: typesOf, modsOf: modsOf,
          passes: passes, active: active, visible: visible, setFrom: setFrom};
});
