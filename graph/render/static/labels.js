/* actorgraph page: node labels that do not overlap -- the larger (and the selected) entities keep
 * their full names, a smaller entity whose name would cover a label already placed gets a short
 * form, or none (its full name shows on hover and in its tooltip).
 *
 * vis-network draws a node's label below it, in graph units, so two labels that overlap do so at
 * every zoom: the placement is worked out once for the drawn nodes and their positions.
 * Runs without a browser (window.actorgraphLib.labels in the page, require("./labels.js") in Node).
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("labels", function () {
  "use strict";

  /* The short form of a name: its id when that is short and readable ("TTP", "PAK-FO"), else the
     name cut at a word boundary before max characters, with an ellipsis. */
  function shorten(label, id, max) {
    max = max || 14;
    label = String(label);
    if (label.length <= max) return label;
    if (id && String(id).length <= 8 && /^[A-Za-z][A-Za-z0-9.-]*$/.test(String(id))) return String(id);
    var cut = label.slice(0, max - 1), sp = cut.lastIndexOf(" ");
    return (sp >= max / 2 ? cut.slice(0, sp) : cut).replace(/[\s,;:.-]+$/, "") + "\u2026";
  }

  /* The labels to draw: {id: text ("" for none)} for nodes [{id, x, y, r, label, short, rank}] (graph
     units; r: the node's half height; rank: higher is placed first). measure(text) is a label's
     width, lineHeight its height; a label's box is centred below its node, and covers neither
     another label nor another node. */
  function place(nodes, measure, lineHeight, pad) {
    pad = pad === undefined ? 2 : pad;
    var order = nodes.slice().sort(function (a, b) { return (b.rank - a.rank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    var cell = 120, grid = new Map(), out = Object.create(null);
    function keys(b) {
      var ks = [];
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++)
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) ks.push(gx + "," + gy);
      return ks;
    }
    function free(b) {
      var ks = keys(b);
      for (var i = 0; i < ks.length; i++) {
        var list = grid.get(ks[i]);
        if (!list) continue;
        for (var j = 0; j < list.length; j++) {
          var o = list[j];
          if (o[4] !== b[4] && b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return false;
        }
      }
      return true;
    }
    function put(b) {
      keys(b).forEach(function (k) { var l = grid.get(k); if (!l) grid.set(k, l = []); l.push(b); });
    }
    nodes.forEach(function (n) { put([n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r, n.id]); });   // the nodes, first
    order.forEach(function (n) {
      var top = n.y + n.r, tries = [n.label, n.short];
      for (var i = 0; i < tries.length; i++) {
        var t = tries[i];
        if (!t || (i && t === n.label)) continue;
        var w = measure(t) + 2 * pad;
        var b = [n.x - w / 2, top, n.x + w / 2, top + lineHeight + pad, n.id];
        if (free(b)) { put(b); out[n.id] = t; return; }
      }
      out[n.id] = "";
    });
    return out;
  }

  return {shorten: shorten, place: place};
});
