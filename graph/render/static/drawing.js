/* actorgraph page: what is drawn for the visible claims -- entities folded into the group they are
 * part of ("group parts"), parallel claims of one quad merged into one edge with a count ("merge"),
 * each drawn edge's look (label, colour, width, line style, halo), distinct curves for the edges
 * between the same two entities, and the part_of lines.
 *
 * Runs without a browser (window.actorgraphLib.drawing in the page, require("./drawing.js") in Node).
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("drawing", function (require) {
  "use strict";
  var R = require("./records.js");
  var hasOwn = R.hasOwn, dict = R.dict, CLAIM_MARK = R.CLAIM_MARK;

  /* vis-network keeps nodes and edges in plain objects keyed by id, so an id such as "constructor"
     would find Object.prototype's members there: such ids (and ids that start with one of the page's
     marks, so the mapping stays one-to-one) get VIS_MARK in front inside vis-network. */
  var VIS_MARK = "\u2060", MERGE_MARK = "\u2062", PART_MARK = "\u2063";
  function toVis(id) {
    id = String(id);
    var c0 = id.charAt(0);
    return (id in Object.prototype || c0 === VIS_MARK || c0 === CLAIM_MARK || c0 === MERGE_MARK || c0 === PART_MARK)
      ? VIS_MARK + id : id;
  }
  function fromVis(id) { id = String(id); return id.charAt(0) === VIS_MARK ? id.slice(1) : id; }

  /* The entity each entity is drawn as: itself, or, grouped, the root of its part_of chain (unless
     that group is unfolded). */
  function representative(I, st) {
    if (!st.group) return function (eid) { return eid; };
    return function (eid) {
      var top = hasOwn(I.root, eid) ? I.root[eid] : eid;
      return top !== eid && !st.unfolded.has(top) ? top : eid;
    };
  }

  /* The drawn items for visible claims vis.edges (filters.js visible): {items: Map vis id -> {id,
     from, to, quad, claims: [claim ids]}, ofClaim: {claim id: vis id}, inside: {group: [claim ids
     between two of its parts, not drawn]}, rep}. Merged (st.merge), one item per (from, to, quad);
     else one per claim. Ends are entity ids (not vis ids). */
  function items(I, st, vis) {
    var rep = representative(I, st), out = new Map(), ofClaim = dict(), inside = dict();
    vis.edges.forEach(function (rid) {
      var r = I.REL[rid], a = rep(r.subject), b = rep(r.object), quad = I.META[rid].quad;
      if (a === b && r.subject !== r.object) { (inside[a] = inside[a] || []).push(rid); return; }
      var id = st.merge ? MERGE_MARK + a + MERGE_MARK + b + MERGE_MARK + quad : toVis(rid);
      var it = out.get(id);
      if (!it) out.set(id, it = {id: id, from: a, to: b, quad: quad, claims: []});
      it.claims.push(rid);
      ofClaim[rid] = id;
    });
    return {items: out, ofClaim: ofClaim, inside: inside, rep: rep};
  }

  /* The drawn entities: each visible entity as its representative; {nodes: Set, folded: {group:
     [its visible parts folded into it]}}. */
  function nodes(I, vis, rep) {
    var out = new Set(), folded = dict();
    vis.nodes.forEach(function (eid) {
      var g = rep(eid);
      out.add(g);
      if (g !== eid) (folded[g] = folded[g] || []).push(eid);
    });
    return {nodes: out, folded: folded};
  }

  /* part_of lines: from each drawn entity to its nearest drawn ancestor: [[part, whole], ...]. */
  function partLines(I, drawn) {
    var out = [];
    drawn.forEach(function (eid) {
      var p = I.parent[eid], seen = new Set([eid]);
      while (p !== undefined && !drawn.has(p) && !seen.has(p)) { seen.add(p); p = I.parent[p]; }
      if (p !== undefined && drawn.has(p) && p !== eid) out.push([eid, p]);
    });
    return out;
  }

  var GREY = [150, 150, 150], RED = [200, 30, 30], GREEN = [25, 140, 60];
  /* The colour of polarity p on -10..+10 (graph/render/style.py polarity_color). */
  function polarityColour(p) {
    p = Math.max(-10, Math.min(10, +p || 0));
    if (p === 0) return "#969696";
    var target = p < 0 ? RED : GREEN, t = 0.35 + 0.65 * Math.abs(p) / 10;
    return "#" + GREY.map(function (g, i) {
      var v = Math.round(g + (target[i] - g) * t);   // (Python rounds halves to even; these never are)
      return (v < 16 ? "0" : "") + v.toString(16);
    }).join("");
  }
  var QUAD_SHORT = {"verbal cooperation": "verbal coop.", "material cooperation": "material coop.",
                    "verbal conflict": "verbal conflict", "material conflict": "material conflict"};

  /* The look of drawn item it: {label, color, width, dashes, background} (background: the halo of
     a contested claim, or undefined). row(rid) is the claim's drawn row (graph/render/data.py
     edge_item: label, color, width, background); weight(rid) the claims it stands for (an aggregated
     page's group: its count). */
  function look(I, it, row, weight) {
    var V = I.VOCAB;
    function dashesOf(m) { return hasOwn(V.modalities, m) ? V.modalities[m].dashes : V.other_dashes; }
    if (it.claims.length === 1) {
      var one = row(it.claims[0]), r1 = I.REL[it.claims[0]];
      return {label: one.label, color: one.color, width: one.width, dashes: dashesOf(r1.modality),
              background: one.background || undefined, count: weight(it.claims[0])};
    }
    var types = [], mods = [], colours = new Set(), n = 0, polSum = 0, widest = 0, halo, denied = true;
    it.claims.forEach(function (rid) {
      var r = I.REL[rid], m = I.META[rid], w = weight(rid), rw = row(rid);
      (m.types || [r.type]).forEach(function (t) { if (types.indexOf(t) < 0) types.push(t); });
      (m.modalities || [r.modality]).forEach(function (x) { if (mods.indexOf(x) < 0) mods.push(x); });
      colours.add(rw.color);
      widest = Math.max(widest, rw.width);
      if (rw.background) halo = rw.background;
      if (r.modality !== "denied") denied = false;
      var p = I.AGG ? +I.AGG.groups[rid].mean || 0 : +r.polarity || 0;
      polSum += p * w;
      n += w;
    });
    var label = (denied ? "denied: " : "") + (types.length === 1 ? types[0] : (QUAD_SHORT[it.quad] || it.quad)) +
      " \u00d7" + n + (halo ? " \u2691" : "");
    return {label: label, color: colours.size === 1 ? colours.values().next().value : (denied ? V.colors.denied : polarityColour(polSum / n)),
            width: Math.round(Math.min(10, widest + 1.5 * Math.log2(n)) * 100) / 100,
            dashes: mods.length === 1 ? dashesOf(mods[0]) : V.other_dashes, background: halo, count: n};
  }

  /* A distinct curve for each drawn item between the same two entities (either direction), as
     graph/render/network.py smooth_for_parallel did for claims: offsets 0, +s, -s, +2s ... in the
     frame of the sorted pair (an item drawn against the frame turns the other way to keep its
     side); self-loops of distinct sizes and angles. {vis id: {smooth} or {selfReference}}; items
     alone between their two entities are left straight (absent). */
  function curves(list) {
    var pairs = new Map(), out = dict();
    list.forEach(function (it) {
      var a = it.from, b = it.to, key = a <= b ? a + "\u0000" + b : b + "\u0000" + a;
      var g = pairs.get(key);
      if (!g) pairs.set(key, g = []);
      g.push(it);
    });
    pairs.forEach(function (group) {
      var k = group.length, a0 = group[0].from <= group[0].to ? group[0].from : group[0].to;
      if (group[0].from === group[0].to) {
        group.forEach(function (it, i) {
          out[it.id] = {selfReference: {size: 18 + 8 * i, angle: Math.round((Math.PI / 4 + i * 0.9) * 1000) / 1000}};
        });
        return;
      }
      if (k === 1) return;
      var step = Math.min(0.25, 0.9 / Math.ceil(k / 2)), start = k % 2 ? 0 : 1;
      group.forEach(function (it, i) {
        var j = i + start, signed = Math.floor((j + 1) / 2) * step * (j % 2 ? 1 : -1);
        if (signed === 0) return;
        var forward = it.from === a0, cw = (signed > 0) === forward;
        out[it.id] = {smooth: {enabled: true, type: cw ? "curvedCW" : "curvedCCW", roundness: Math.round(Math.abs(signed) * 1000) / 1000}};
      });
    });
    return out;
  }

  return {VIS_MARK: VIS_MARK, MERGE_MARK: MERGE_MARK, PART_MARK: PART_MARK, toVis: toVis, fromVis: fromVis,
          representative: representative, items: items, nodes: nodes, partLines: partLines, look: look,
          curves: curves, polarityColour: polarityColour};
});
