/* actorgraph page: level of detail for large graphs -- the one place that uses vis-network's private
 * parts (the renderer's _drawEdges, _drawNodes, _drawArrows; network.body's edges and item
 * prototypes), and only for the vis-network version it was written against (checked at start; any
 * other version, or a renderer without those functions, draws with vis-network's own code, and the
 * helpers below fall back to public calls or do nothing).
 *
 * What it does: only what is in view is drawn; zoomed out (below SCALE, where arrowheads are a few
 * pixels and labels are below vis-network's size threshold) edges are stroked as straight lines in
 * one path per colour, width and dash pattern, and nodes filled in one path per shape and colour;
 * selected, hovered and contested edges and self-loops are still drawn by vis-network, in full. It
 * also draws the edges the page has not handed to vis-network yet (pending()), and finds them
 * under a click (edgeAt).
 */
(function () {
  "use strict";
  var lib = window.actorgraphLib = window.actorgraphLib || {};

  var SUPPORTED = "9.1.2", SCALE = 0.35;

  /* Install on network for vis-network version `version`; pending() lists the vis items
     ({id, from, to (vis ids), color: {color}, width, dashes}) the page will hand over later.
     Returns {active, scale, batched (edges stroked as plain lines in the last frame), edgeAt(p),
     reason (why not active)}. */
  function install(network, version, pending) {
    var R = network.renderer, state = {active: false, scale: SCALE, batched: 0, reason: "",
                                       edgeAt: function () { return null; }};
    if (version !== SUPPORTED) { state.reason = "vis-network " + version + " (written for " + SUPPORTED + ")"; return state; }
    if (!R || typeof R._drawEdges !== "function" || typeof R._drawNodes !== "function" || typeof R._drawArrows !== "function") {
      state.reason = "this vis-network's renderer has no _drawEdges/_drawNodes/_drawArrows";
      return state;
    }
    state.active = true;
    function viewBox(ctxScale) {
      var c = network.canvas.frame.canvas, m = 40 / ctxScale;
      var a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
      return [Math.min(a.x, b.x) - m, Math.min(a.y, b.y) - m, Math.max(a.x, b.x) + m, Math.max(a.y, b.y) + m];
    }
    function seen(f, t, v) {
      return !((f.x < v[0] && t.x < v[0]) || (f.x > v[2] && t.x > v[2]) || (f.y < v[1] && t.y < v[1]) || (f.y > v[3] && t.y > v[3]));
    }
    function special(e) {
      var o = e.options;
      return e.selected || e.hover || e.from === e.to || (o.background && o.background.enabled);
    }
    function curved(e) { return e.options.smooth && e.options.smooth.enabled; }
    R._drawEdges = function (ctx) {
      var edges = this.body.edges, nodes = this.body.nodes, idx = this.body.edgeIndices, s = this.body.view.scale;
      var v = viewBox(s), i, e, groups = new Map(), full = [], n = 0;
      function batch(colour, width, d, a, b) {
        var key = colour + "|" + width + "|" + (d ? String(d) : "");
        var g = groups.get(key);
        if (!g) groups.set(key, g = {colour: colour, width: width, dashes: Array.isArray(d) ? d : (d ? [5, 5] : null), ends: []});
        g.ends.push(a, b);
        n++;
      }
      for (i = 0; i < idx.length; i++) {
        e = edges[idx[i]];
        if (!e.connected || e.options.hidden) continue;
        if (s >= SCALE || special(e)) { if (curved(e) || seen(e.from, e.to, v)) full.push(e); }
        else if (seen(e.from, e.to, v)) batch(e.options.color.color, e.options.width, e.options.dashes, e.from, e.to);
      }
      pending().forEach(function (it) {   // the edges vis-network does not hold yet
        var a = nodes[it.from], b = nodes[it.to];
        if (a && b && a !== b && seen(a, b, v)) batch(it.color.color, it.width, it.dashes, a, b);
      });
      ctx.save();
      ctx.globalAlpha = 0.95;
      ctx.lineCap = "round";
      groups.forEach(function (g) {
        ctx.strokeStyle = g.colour;
        ctx.lineWidth = g.width;
        ctx.setLineDash(g.dashes || []);
        ctx.beginPath();
        for (var k = 0; k < g.ends.length; k += 2) {
          ctx.moveTo(g.ends[k].x, g.ends[k].y);
          ctx.lineTo(g.ends[k + 1].x, g.ends[k + 1].y);
        }
        ctx.stroke();
      });
      ctx.restore();
      state.batched = n;
      full.forEach(function (x) { x.draw(ctx); });
    };
    /* The pending edge under a click (the nearest within a few pixels), or null. */
    state.edgeAt = function (p) {
      var nodes = network.body.nodes, best = null, bestD = 6 / network.getScale();
      pending().forEach(function (it) {
        var a = nodes[it.from], b = nodes[it.to];
        if (!a || !b) return;
        var dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
        var t = l2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
        var d = Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
        if (d < bestD) { bestD = d; best = it.id; }
      });
      return best;
    };
    var origNodes = R._drawNodes;
    function shapePath(ctx, shape, x, y, r) {
      var k, n, a, rr;
      if (shape === "dot" || shape === "ellipse" || shape === "circle") { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); return; }
      if (shape === "square" || shape === "box") { ctx.rect(x - r, y - r, 2 * r, 2 * r); return; }
      n = {diamond: 4, triangle: 3, triangleDown: 3, hexagon: 6, star: 10}[shape] || 4;
      for (k = 0; k < n; k++) {
        a = (shape === "triangleDown" ? Math.PI / 2 : -Math.PI / 2) + 2 * Math.PI * k / n + (shape === "hexagon" ? Math.PI / 6 : 0);
        rr = shape === "star" && k % 2 ? r * 0.45 : r;
        if (k === 0) ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); else ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      ctx.closePath();
    }
    /* nodes, zoomed out: filled and stroked in one path per shape and colour; their bounding boxes
       are kept current for clicks and tooltips */
    R._drawNodes = function (ctx, alwaysShow) {
      var s = this.body.view.scale;
      if (alwaysShow || s >= SCALE) return origNodes.call(this, ctx, alwaysShow);
      var nodes = this.body.nodes, idx = this.body.nodeIndices, v = viewBox(s), groups = new Map(), full = [];
      for (var i = 0; i < idx.length; i++) {
        var nd = nodes[idx[i]];
        if (nd.hover || nd.isSelected()) { full.push(nd); continue; }
        nd.updateBoundingBox(ctx, nd.selected);
        var o = nd.options, r = o.size;
        if (o.hidden || nd.x + r < v[0] || nd.x - r > v[2] || nd.y + r < v[1] || nd.y - r > v[3]) continue;
        var key = o.shape + "|" + o.color.background + "|" + o.color.border;
        var g = groups.get(key);
        if (!g) groups.set(key, g = {shape: o.shape, fill: o.color.background, stroke: o.color.border, width: o.borderWidth, nodes: []});
        g.nodes.push(nd);
      }
      ctx.save();
      ctx.setLineDash([]);
      groups.forEach(function (g) {
        ctx.beginPath();
        for (var k = 0; k < g.nodes.length; k++) shapePath(ctx, g.shape, g.nodes[k].x, g.nodes[k].y, g.nodes[k].options.size);
        ctx.fillStyle = g.fill;
        ctx.fill();
        ctx.strokeStyle = g.stroke;
        ctx.lineWidth = g.width;
        ctx.stroke();
      });
      ctx.restore();
      var labels = [];
      full.forEach(function (nd) { var d = nd.draw(ctx); if (d && d.drawExternalLabel) labels.push(d.drawExternalLabel); });
      return {drawExternalLabels: function () { labels.forEach(function (f) { f(); }); }};
    };
    R._drawArrows = function (ctx) {
      var edges = this.body.edges, idx = this.body.edgeIndices, s = this.body.view.scale, v = viewBox(s);
      for (var i = 0; i < idx.length; i++) {
        var e = edges[idx[i]];
        if (e.connected && (s >= SCALE || special(e)) && (curved(e) || seen(e.from, e.to, v))) e.drawArrows(ctx);
      }
    };
    return state;
  }

  /* Tooltips made when shown: vis-network asks a node or an edge for its title (getTitle) when it
     shows one; on the supported version the items' prototypes answer with nodeTitle(vis id) and
     edgeTitle(vis id), so no title is stored in the items. Returns whether it could. */
  function lazyTitles(network, version, probe, nodeTitle, edgeTitle) {
    var f = network.body && network.body.functions;
    if (version !== SUPPORTED || !f || !f.createNode || !f.createEdge) return false;
    var nodeProto = Object.getPrototypeOf(f.createNode({id: probe}));
    var edgeProto = Object.getPrototypeOf(f.createEdge({id: probe, from: probe, to: probe}));
    nodeProto.getTitle = function () { return nodeTitle(this.id); };
    edgeProto.getTitle = function () { return edgeTitle(this.id); };
    return true;
  }

  /* The canvas point in the middle of the line drawn for edge `id` (curves followed), or null when
     vis-network does not hold it; on another version, the point halfway between its two nodes. */
  function edgeMiddle(network, version, id) {
    if (version === SUPPORTED && network.body && network.body.edges) {
      var e = Object.prototype.hasOwnProperty.call(network.body.edges, id) ? network.body.edges[id] : null;
      if (!e || !e.edgeType) return null;
      return e.edgeType.getPoint(0.5, e.edgeType.getViaNode ? e.edgeType.getViaNode() : undefined);
    }
    var ends = network.getConnectedNodes(id);
    if (!ends || ends.length !== 2) return null;
    var at = network.getPositions(ends), a = at[ends[0]], b = at[ends[1]];
    return a && b ? {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2} : null;
  }

  lib.lod = {install: install, lazyTitles: lazyTitles, edgeMiddle: edgeMiddle, SUPPORTED: SUPPORTED, SCALE: SCALE};
})();
