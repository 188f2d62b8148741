/* actorgraph page: the graph around vis-network -- what is drawn for the state (records.js,
 * filters.js, drawing.js), handing it to vis-network (large graphs: in chunks, lod.js), selection,
 * search, labels that do not overlap (labels.js), the URL fragment (urlstate.js), export, and the
 * page's script interface window.actorgraph (docs/python.md, "Scripting the page").
 * DOM helpers: dom.js; controls: controls.js; details panel: panels.js; legend: legend.js; reader: reader.js.
 *
 * Safety rule: data strings only ever reach the DOM as text (textContent, createTextNode,
 * element properties); no innerHTML, no HTML strings. Only http(s) URLs become links.
 */
(function () {
  "use strict";
  var L = window.actorgraphLib, D = window.actorgraphDom;
  var R = L.records, F = L.filters, U = L.urlstate, G = L.drawing, LB = L.labels;
  var hasOwn = D.hasOwn, dict = D.dict, h = D.h, clear = D.clear, byId = D.byId;
  var toVis = G.toVis, fromVis = G.fromVis, CLAIM_MARK = R.CLAIM_MARK, PART_MARK = G.PART_MARK;

  var DATA = JSON.parse(document.getElementById("ag-data").textContent);
  /* an aggregated page holds its groups as one table: aggregate.js makes their records first */
  if (DATA.aggregate) L.aggregate.expand(DATA);
  var I = R.index(DATA);
  var ENT = I.ENT, REL = I.REL, META = I.META, SRC = I.SRC, VOCAB = I.VOCAB, AGG = I.AGG, relIds = I.relIds;
  var X = L.cross.make(I, DATA);   // across sources: roll-up, merged claims, the discourse network (cross.js)
  function name(eid) { return hasOwn(ENT, eid) ? ENT[eid].name : String(eid); }

  /* How claim rid is voiced: "denied by John Kirby", "claimed by the author" (wording as graph/voice.py). */
  function joinNames(list) {
    return list.length <= 1 ? list.join("") : list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }
  function whoSays(rid) {
    var cs = META[rid].claimants;
    if (cs.length) return joinNames(cs.map(name));
    return REL[rid].modality === "denied" ? "the source (it says this did not happen)" : "the author";
  }
  function voiced(rid) { return REL[rid].modality + " by " + whoSays(rid); }
  function srcTitle(sid) { return hasOwn(SRC, sid) ? (SRC[sid].title || sid) : String(sid); }
  var VERBS = {reported: "reports", claimed: "claims", recommended: "recommends", speculated: "speculates", denied: "denies"};

  // ---------------------------------------------------------------- the drawn rows of the claims
  /* the claims' drawn rows (graph/render/data.py edge_item: label, colour, width, halo) */
  var EF = dict(), ROW = dict();
  DATA.edges.fields.forEach(function (f, i) { EF[f] = i; });
  DATA.edges.rows.forEach(function (row) { ROW[row[EF.id]] = row; });
  function rowOf(rid) {
    var row = ROW[rid];
    return {label: row[EF.label], color: row[EF.color], width: row[EF.width], background: row[EF.background]};
  }
  function weight(rid) { return AGG ? AGG.groups[rid].count : 1; }

  // ---------------------------------------------------------------- vis-network items
  var kindStyles = dict();
  function kindStyle(kind) {
    if (!hasOwn(kindStyles, kind)) {
      var k = hasOwn(VOCAB.kinds, kind) ? VOCAB.kinds[kind] : {shape: "dot", color: "#b0b0b0", border: "#7b7b7b"};
      kindStyles[kind] = {shape: k.shape, color: {background: k.color, border: k.border,
        highlight: {background: k.color, border: "#111111"}, hover: {background: k.color, border: "#111111"}}};
    }
    return kindStyles[kind];
  }
  var SIZE = dict();
  var nodesAll = new vis.DataSet(DATA.nodes.map(function (n) {
    var e = ENT[n.id], st = kindStyle(e.kind);
    SIZE[n.id] = n.size;
    return {id: toVis(n.id), label: e.name, x: n.x, y: n.y, size: n.size, shape: st.shape, color: st.color};
  }));
  var edgeColours = dict();
  function edgeColour(c) {
    if (!hasOwn(edgeColours, c)) edgeColours[c] = {color: c, highlight: c, hover: c, opacity: 0.95};
    return edgeColours[c];
  }
  var NO_HALO = {enabled: false}, STRAIGHT = {enabled: false};
  var LINK = VOCAB.claimant_link;
  var LINK_COLOUR = {color: LINK.color, highlight: "#333333", hover: "#333333", opacity: 0.9};
  var PART_COLOUR = {color: "#c4c4c4", highlight: "#777777", hover: "#777777", opacity: 1};

  /* The vis-network edge of drawn item it (drawing.js), curved by curve. */
  function relationEdge(it, curve) {
    var lk = G.look(I, it, rowOf, weight);
    var e = {id: it.id, from: toVis(it.from), to: toVis(it.to), label: lk.label, width: lk.width, arrows: "to",
             color: edgeColour(lk.color), dashes: lk.dashes, background: lk.background || NO_HALO,
             smooth: curve && curve.smooth ? curve.smooth : STRAIGHT};
    if (curve && curve.selfReference) e.selfReference = curve.selfReference;
    return e;
  }
  function linkEdge(id, l) {
    return {id: id, from: toVis(l.from), to: toVis(l.to), label: l.verb, dashes: LINK.dashes, width: LINK.width, color: LINK_COLOUR,
            font: {size: 9, color: "#666666"}, smooth: {enabled: true, type: "curvedCW", roundness: 0.15}, arrows: "to"};
  }
  function partEdge(part, whole) {
    return {id: PART_MARK + part, from: toVis(part), to: toVis(whole), width: 1, color: PART_COLOUR, dashes: false,
            arrows: {to: {enabled: false}}, smooth: STRAIGHT, label: undefined};
  }
  function signature(e) {
    return [e.from, e.to, e.label, e.width, e.color.color, String(e.dashes), e.background && e.background.enabled ? 1 : 0,
            e.smooth.enabled ? e.smooth.type + e.smooth.roundness : "", e.selfReference ? e.selfReference.size : ""].join("|");
  }

  // ---------------------------------------------------------------- state and what it draws
  var PAGE = {physics: DATA.physics, merge: !AGG};   // the page's defaults (an aggregated page is merged per period already)
  var state = F.defaults(PAGE);
  var vis_ = {edges: new Set(), nodes: new Set(), links: new Set()};   // what the filters keep (filters.js)
  var drawn = {items: new Map(), ofClaim: dict(), inside: dict(), rep: function (e) { return e; }};
  var drawnNodes = new Set(), folded = dict(), links = dict();

  /* What the state draws: vis-network's target edges (id -> item). */
  function compute() {
    vis_ = F.visible(I, state);
    drawn = G.items(I, state, vis_);
    var nd = G.nodes(I, vis_, drawn.rep);
    drawnNodes = nd.nodes;
    folded = nd.folded;
    var list = Array.from(drawn.items.values()), curves = G.curves(list), target = new Map();
    list.forEach(function (it) { target.set(it.id, relationEdge(it, curves[it.id])); });
    links = dict();
    vis_.links.forEach(function (lid) {
      var l = I.LINKS[lid], a = drawn.rep(l.from), b = drawn.rep(l.to);
      if (a === b) return;
      var id = state.group ? CLAIM_MARK + l.verb + CLAIM_MARK + a + CLAIM_MARK + b : lid;
      if (!hasOwn(links, id)) links[id] = {from: a, to: b, verb: l.verb, rels: []};
      links[id].rels = links[id].rels.concat(l.rels.filter(function (rid) { return vis_.edges.has(rid); }));
    });
    Object.keys(links).forEach(function (id) { target.set(id, linkEdge(id, links[id])); });
    if (state.partof) G.partLines(I, drawnNodes).forEach(function (pw) { target.set(PART_MARK + pw[0], partEdge(pw[0], pw[1])); });
    return target;
  }

  // ---------------------------------------------------------------- network
  var edgesAll = new vis.DataSet([]);
  var nodesView = new vis.DataView(nodesAll, {filter: function (n) { return drawnNodes.has(fromVis(n.id)); }});
  /* Large graphs (more than LOD_EDGES drawn edges): vis-network gets the edges after the first frame,
     a chunk at a time (pump), instead of building tens of thousands of edge objects before anything
     is drawn; until it holds an edge, lod.js draws it (a plain line), finds it under a click, and the
     page hands it over at once when it is selected (hold). */
  var LOD_EDGES = 2000, PUMP_CHUNK = 20000;
  var shown = new Map();     // vis id -> signature of the edges vis-network holds
  var pending = new Map();   // vis id -> edge of those it does not hold yet (drawn by lod.js)
  var lod = {enabled: false, completeAt: null};
  var deferring = false;
  /* Make vis-network hold exactly the target edges: remove, update and add by difference. */
  function sync(target) {
    var remove = [], update = [], add = [];
    shown.forEach(function (sig, id) { if (!target.has(id)) remove.push(id); });
    pending.forEach(function (e, id) { if (!target.has(id)) pending.delete(id); });
    target.forEach(function (e, id) {
      var sig = signature(e);
      if (shown.has(id)) { if (shown.get(id) !== sig) { update.push(e); shown.set(id, sig); } }
      else if (deferring) pending.set(id, e);
      else { add.push(e); shown.set(id, sig); }
    });
    remove.forEach(function (id) { shown.delete(id); });
    if (remove.length) edgesAll.remove(remove);
    if (update.length) edgesAll.update(update);
    if (add.length) edgesAll.add(add);
  }
  /* Hand edge vis id to vis-network now (it is selected, or asked for by a script). */
  function hold(id) {
    var e = pending.get(id);
    if (!e) return;
    pending.delete(id);
    shown.set(id, signature(e));
    edgesAll.add(e);
  }
  function pump() {
    if (!pending.size) { deferring = false; if (lod.completeAt === null) lod.completeAt = performance.now(); return; }
    var chunk = [], it = pending.values(), x;
    while (chunk.length < PUMP_CHUNK && !(x = it.next()).done) chunk.push(x.value);
    chunk.forEach(function (e) { pending.delete(e.id); shown.set(e.id, signature(e)); });
    edgesAll.add(chunk);
    setTimeout(pump, 300);   // room for input and drawing between chunks
  }
  var shownAll = false;   // the node view holds every node
  /* What the state shows, handed to vis-network: its nodes and edges. */
  function draw() {
    var target = compute(), all = drawnNodes.size === nodesAll.length;
    if (!(all && shownAll)) nodesView.refresh();
    shownAll = all;
    sync(target);
    return target;
  }
  /* The state the URL gives is drawn before vis-network is made: it starts with the nodes and edges
     it shows, lays them out and fits the view to them once (a large graph's edges come later). */
  state = U.read(location.hash, I, PAGE);
  DATA.options.physics.enabled = !!state.physics;
  (function () {
    var first = compute();
    lod.enabled = first.size > LOD_EDGES;
    deferring = lod.enabled && DATA.vis_version === L.lod.SUPPORTED;
    draw();
  })();
  var container = byId("ag-network");
  /* A laid-out page (physics off): vis-network fits the view to the graph when it is made, and to
     do so measures every node's label first (half a second for 20,000 entities). Made in a hidden
     container it skips that; the view is fitted to the laid-out positions below (fitLayout). */
  if (!DATA.physics) container.style.display = "none";
  var network = new vis.Network(container, {nodes: nodesView, edges: edgesAll}, DATA.options);
  container.style.display = "";
  window.network = network;
  var lodState = L.lod.install(network, DATA.vis_version, function () { return pending; });
  if (deferring && !lodState.active) { deferring = false; sync(compute()); }   // nothing would draw the pending edges
  if (!deferring) lod.completeAt = performance.now();

  /* Tooltips on demand: vis-network asks a node or an edge for its title when it shows one; ours are
     made then from the records, not stored in every item (60,000 edges: megabytes of text no one reads). */
  L.lod.lazyTitles(network, DATA.vis_version, G.VIS_MARK + "tooltip-probe",
                   function (id) { var eid = fromVis(id); return hasOwn(ENT, eid) ? entityTitle(eid) : undefined; },
                   function (id) { return edgeTitle(id); });

  /* Dash patterns in screen pixels when zoomed out: vis-network gives them in graph units, so a
     zoomed-out view of a large graph would stroke thousands of sub-pixel dashes per line (seconds
     per frame) and show them as solid lines anyway. */
  (function () {
    var canvas = container.getElementsByTagName("canvas")[0];
    var ctx = canvas && canvas.getContext("2d");
    if (!ctx || !ctx.setLineDash) return;
    var nativeDash = ctx.setLineDash;
    ctx.setLineDash = function (segments) {
      var s = network.getScale();
      return nativeDash.call(this, s > 0 && s < 1 ? segments.map(function (v) { return v / s; }) : segments);
    };
  })();

  // ---------------------------------------------------------------- tooltips (plain text: vis-network shows them with innerText)
  function fmtPolarity(p) { p = +p || 0; return p > 0 ? "+" + p : String(p); }
  function entityTitle(eid) {
    var e = ENT[eid], n = function (list) {
      return AGG ? list.reduce(function (a, gid) { return a + AGG.groups[gid].count; }, 0) : list.length;
    };
    var lines = [e.name + " (" + eid + ")", "kind: " + String(e.kind).replace(/_/g, " ")];
    if (e.aliases && e.aliases.length) lines.push("also: " + e.aliases.join(", "));
    lines.push("relations: " + n(I.outRel[eid] || []) + " out, " + n(I.inRel[eid] || []) + " in");
    if (folded[eid]) lines.push("group: " + folded[eid].length + " part" + (folded[eid].length === 1 ? "" : "s") +
                                " folded in (double-click to unfold)");
    if (e.description) {
      var d = String(e.description).split(/\s+/).filter(Boolean).join(" ");
      lines.push(d.length <= 200 ? d : d.slice(0, 199) + "\u2026");
    }
    return lines.join("\n");
  }
  function relationTitle(rid) {
    var r = REL[rid], m = META[rid], denied = r.modality === "denied";
    var lines = [name(r.subject) + " \u2192 " + name(r.object) + ": " + r.type + (r.mode ? "/" + r.mode : "") + " (" + m.quad + ")",
                 "modality: " + r.modality + (hasOwn(VOCAB.modalities, r.modality) ? " \u2014 " + VOCAB.modalities[r.modality].description : "")];
    if (r.when) lines.push("when: " + r.when);
    lines.push("polarity: " + fmtPolarity(r.polarity) + (denied ? " (of the event it denies)" : ""));
    lines.push((denied ? "denied by: " : "asserted by: ") + whoSays(rid));
    m.sources.forEach(function (sid) {
      if (!hasOwn(SRC, sid)) { lines.push("source: " + sid); return; }
      var s = SRC[sid];
      lines.push("source: " + (s.title || sid) + (s.published ? " (" + s.published + ")" : ""));
      if (s.note) lines.push("  note: " + s.note);
    });
    if (m.contested) lines.push("contested: asserted and denied, or of opposite sign");
    return lines.join("\n");
  }
  function bundleTitle(it) {
    var lines = [name(it.from) + " \u2192 " + name(it.to) + ": " + it.claims.length + (AGG ? " edges" : " claims") + " (" + it.quad + ")"];
    it.claims.slice(0, 8).forEach(function (rid) {
      lines.push("\u2022 " + REL[rid].type + (REL[rid].mode ? "/" + REL[rid].mode : "") + ", " + voiced(rid) + (REL[rid].when ? ", " + REL[rid].when : ""));
    });
    if (it.claims.length > 8) lines.push("\u2026 and " + (it.claims.length - 8) + " more");
    lines.push("click for the list");
    return lines.join("\n");
  }
  function edgeTitle(id) {
    id = String(id);
    if (id.charAt(0) === CLAIM_MARK) {
      var l = links[id];
      if (!l) return undefined;
      return name(l.from) + " " + l.verb + " " + l.rels.length + " claim" + (l.rels.length === 1 ? "" : "s") + " about " + name(l.to) +
        ":\n" + l.rels.map(function (rid) { return REL[rid].type + " " + name(REL[rid].object) + " (" + REL[rid].modality + ")"; }).join("\n");
    }
    if (id.charAt(0) === PART_MARK) {
      var part = id.slice(1);
      return hasOwn(ENT, part) ? name(part) + " is part of " + name(ENT[part].part_of) : undefined;
    }
    var it = drawn.items.get(id);
    if (!it) return undefined;
    if (it.claims.length > 1) return bundleTitle(it);
    return AGG ? L.aggregate.title(DATA, it.claims[0], name) : relationTitle(it.claims[0]);
  }

  // ---------------------------------------------------------------- node labels and group looks
  var nodeFont = DATA.options.nodes.font, measureCtx = document.createElement("canvas").getContext("2d");
  measureCtx.font = nodeFont.size + "px " + nodeFont.face;
  var measured = dict();
  function measure(t) { return hasOwn(measured, t) ? measured[t] : (measured[t] = measureCtx.measureText(t).width); }
  var labelShown = dict(), looks = dict(), hovered = null;
  /* The full label of a drawn entity: its name, and a group's count of parts folded in. */
  function fullLabel(eid) { return folded[eid] ? name(eid) + " +" + folded[eid].length : name(eid); }
  /* Labels that do not overlap, for the drawn entities where they are now (labels.js). */
  function placeLabels() {
    var ids = Array.from(drawnNodes), pos = network.getPositions(ids.map(toVis)), items = [];
    var sel = state.sel && state.sel[0] === "node" ? drawn.rep(state.sel[1]) : null;
    ids.forEach(function (eid) {
      var p = pos[toVis(eid)];
      if (!p) return;
      var full = fullLabel(eid);
      items.push({id: eid, x: p.x, y: p.y, r: SIZE[eid] || 10, label: full, short: LB.shorten(full, eid),
                  rank: (eid === sel || eid === state.focus ? 1e9 : 0) + (SIZE[eid] || 10)});
    });
    var placed = LB.place(items, measure, nodeFont.size + nodeFont.strokeWidth, nodeFont.strokeWidth / 2 + 1);
    var changes = [];
    Object.keys(placed).forEach(function (eid) {
      var t = eid === hovered ? fullLabel(eid) : placed[eid];
      if (labelShown[eid] !== t) { labelShown[eid] = t; changes.push({id: toVis(eid), label: t}); }
    });
    if (changes.length) nodesAll.update(changes);
  }
  /* The labels placed now, or, on a large page zoomed out so far that vis-network draws no label, once
     zoomed in (placing 20,000 labels and handing them to vis-network costs seconds no one sees). */
  var LABELS_EAGER = 2000, labelsDirty = false;
  function labelsLater() {
    if (drawnNodes.size > LABELS_EAGER && network.getScale() * nodeFont.size < 4) { labelsDirty = true; return; }
    labelsDirty = false;
    placeLabels();
  }
  network.on("zoom", function () { if (labelsDirty) labelsLater(); });
  network.on("animationFinished", function () { if (labelsDirty) labelsLater(); });
  /* A group's node: a thick dashed border (its parts are folded in). */
  function setLooks() {
    var changes = [];
    drawnNodes.forEach(function (eid) {
      var g = folded[eid] ? 1 : 0;
      if ((looks[eid] || 0) !== g) {
        looks[eid] = g;
        changes.push({id: toVis(eid), borderWidth: g ? 4 : 1.5, shapeProperties: {borderDashes: g ? [5, 3] : false}});
      }
    });
    Object.keys(looks).forEach(function (eid) {
      if (looks[eid] && !drawnNodes.has(eid)) { looks[eid] = 0; changes.push({id: toVis(eid), borderWidth: 1.5, shapeProperties: {borderDashes: false}}); }
    });
    if (changes.length) nodesAll.update(changes);
  }
  network.on("hoverNode", function (p) {
    var eid = fromVis(p.node);
    hovered = eid;
    if (labelShown[eid] !== undefined && labelShown[eid] !== fullLabel(eid)) nodesAll.update({id: p.node, label: fullLabel(eid)});
  });
  network.on("blurNode", function (p) {
    var eid = fromVis(p.node);
    hovered = null;
    if (labelShown[eid] !== undefined && labelShown[eid] !== fullLabel(eid)) nodesAll.update({id: p.node, label: labelShown[eid]});
  });

  // ---------------------------------------------------------------- ready
  /* "ready" (tests and benchmarks wait for it): the page is built, a frame with the graph has been
     painted, and a physics layout has settled. */
  var ready = false, initDone = false, settled = !DATA.physics, viewMoved = false;
  network.on("zoom", function () { viewMoved = true; });
  network.on("dragStart", function () { viewMoved = true; });
  function markReady() {
    if (ready || !initDone || !settled) return;
    ready = true;
    var done = false;
    function finish() {   // the next frame vis-network paints, then one more
      if (done) return;
      done = true;
      requestAnimationFrame(function () {
        setTimeout(function () {
          api.readyAt = performance.now();   // ms since navigation started (benchmarks read it)
          byId("ag-loading").className = "ag-done";
          document.documentElement.setAttribute("data-ready", "1");
          api.ready = true;
          if (deferring) setTimeout(pump, 0);
        }, 0);
      });
    }
    labelsLater();
    network.once("afterDrawing", finish);
    network.redraw();
  }
  if (DATA.physics) {
    network.once("stabilized", function () { network.fit(); settled = true; markReady(); });
    network.once("stabilizationIterationsDone", function () {
      setTimeout(function () { settled = true; markReady(); }, 1500);   // still gently moving: ready enough
    });
    setTimeout(function () { settled = true; markReady(); }, 8000);   // in case both events came and went
    /* the layout goes on settling after the page is ready: keep it in view until the user moves it */
    network.on("stabilized", function () {
      if (!ready) return;
      if (!viewMoved) network.fit({animation: false});
      labelsLater();
    });
  }
  /* The whole laid-out graph in view (what network.fit does, from the node positions and sizes
     the page data gives, without measuring the labels). */
  function fitLayout() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    DATA.nodes.forEach(function (n) {
      var r = n.size || 10;
      x0 = Math.min(x0, n.x - r); x1 = Math.max(x1, n.x + r); y0 = Math.min(y0, n.y - r); y1 = Math.max(y1, n.y + r);
    });
    if (!(x1 > x0)) { network.fit({animation: false}); return; }   // no nodes
    var scale = Math.min(container.clientWidth / (1.1 * Math.max(x1 - x0, 1)),
                         container.clientHeight / (1.1 * Math.max(y1 - y0, 1)), 1);
    network.moveTo({position: {x: (x0 + x1) / 2, y: (y0 + y1) / 2}, scale: scale, animation: false});
  }
  if (!DATA.physics) fitLayout();

  // ---------------------------------------------------------------- panels
  var panelContext = {
    data: DATA, index: I, verbs: VERBS, name: name, whoSays: whoSays, voiced: voiced,
    cross: X, rollup: function () { return state.rollup && X.rolls; },
    srcTitle: srcTitle, isVisible: function (rid) { return vis_.edges.has(rid); }, hops: function () { return state.hops; },
    reader: function () { return api.reader; }, select: select, setFocus: setFocus, focusCamera: focusCamera,
    /* the drawn edge a claim is part of, when it stands for others too: [its claims] */
    bundleOf: function (rid) {
      var it = hasOwn(drawn.ofClaim, rid) ? drawn.items.get(drawn.ofClaim[rid]) : null;
      return it && it.claims.length > 1 ? it.claims : null;
    },
    /* a group's parts folded in, and its claims counted as its own: {parts, out, in, inside}, or null */
    groupOf: function (eid) {
      if (!folded[eid]) return null;
      var out = [], inn = [];
      drawn.items.forEach(function (it) {
        if (it.from === eid) out = out.concat(it.claims);
        else if (it.to === eid) inn = inn.concat(it.claims);
      });
      return {parts: folded[eid], out: out, "in": inn, inside: drawn.inside[eid] || []};
    },
    fold: function (eid, unfold) { foldGroup(eid, unfold); },
    grouped: function () { return state.group; },
    isUnfolded: function (top) { return state.unfolded.has(top); }
  };
  var panels = window.actorgraphPanels(panelContext);
  var showOverview = panels.showOverview, showEntity = panels.showEntity, showRelation = panels.showRelation;
  /* served (actorgraph serve): what the page fetches from its server (server.js) */
  var server = window.actorgraphServer ? window.actorgraphServer({data: DATA, name: name, srcTitle: srcTitle, select: select,
    fragment: function () { return U.write(state, PAGE); }}) : null;
  if (server) showEntity = (function (show) { return function (eid) { show(eid); server.entity(eid); }; })(showEntity);
  if (AGG) {   // aggregate.js: the panel of an aggregated edge lists its claims
    showRelation = L.aggregate.panel({data: DATA, name: name, srcTitle: srcTitle, select: select, server: server}).show;
    byId("ag-json").style.display = "none";   // the page does not hold every claim: nothing honest to export
  }

  function focusCamera(eid) {
    var g = drawn.rep(eid);
    if (!drawnNodes.has(g)) return false;
    cameraMoving = true;
    network.focus(toVis(g), {scale: Math.max(network.getScale(), 1.0), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    return true;
  }
  /* vis-network steps an animation on drawn frames: on a busy page it runs long after it started, and
     a fit made meanwhile would be undone by it. A fit waits for it to finish. */
  var cameraMoving = false;
  network.on("animationFinished", function () { cameraMoving = false; });

  /* Select an entity ("node"), a claim ("edge"; all: the drawn edge it is part of, with every claim
     it stands for), or nothing; show its panel. */
  function select(kind, id, camera, all) {
    if (kind === "node" && hasOwn(ENT, id)) {
      state.sel = ["node", id];
      var g = drawn.rep(id);
      if (drawnNodes.has(g)) { network.selectNodes([toVis(g)], false); if (camera) focusCamera(id); }
      else network.unselectAll();
      showEntity(id);
    } else if (kind === "edge" && hasOwn(REL, id)) {
      var itemId = hasOwn(drawn.ofClaim, id) ? drawn.ofClaim[id] : null, it = itemId ? drawn.items.get(itemId) : null;
      all = !!(all && it && it.claims.length > 1);
      state.sel = all ? ["edge", id, true] : ["edge", id];
      if (it) { hold(itemId); network.selectEdges([itemId]); } else network.unselectAll();
      if (all) panels.showBundle(it.from, it.to, it.quad, it.claims); else showRelation(id);
    } else {
      state.sel = null;
      network.unselectAll();
      showOverview();
    }
    writeHash();
  }
  /* A drawn relation edge clicked (or found under a click): its claim, or the list of its claims. */
  function selectItem(itemId) {
    var it = drawn.items.get(itemId);
    if (it) select("edge", it.claims[0], false, it.claims.length > 1);
  }

  var moved = false;   // a node was dragged (physics off): keep its place across filter changes
  network.on("dragEnd", function (params) { if (params.nodes && params.nodes.length) { moved = true; labelsLater(); } });
  network.on("click", function (params) {
    var e = params.edges && params.edges.length ? String(params.edges[0]) : null;
    if (params.nodes && params.nodes.length) select("node", fromVis(params.nodes[0]), false);
    else if (e && e.charAt(0) === CLAIM_MARK) select("node", links[e] ? links[e].from : null, false);
    else if (e && e.charAt(0) === PART_MARK) select("node", e.slice(1), false);
    else if (e) selectItem(e);
    else {
      var p = lodState.edgeAt(params.pointer.canvas);
      if (p) selectItem(p); else select(null, null);
    }
  });
  /* Grouped: double-click a group to unfold it, a part of an unfolded group to fold it again. */
  function foldGroup(eid, unfold) {
    var top = hasOwn(I.root, eid) ? I.root[eid] : eid;
    if (!hasOwn(I.parts, top)) return false;
    if (unfold) state.unfolded.add(top); else state.unfolded.delete(top);
    if (!state.group) state.group = true;
    apply();
    return true;
  }
  network.on("doubleClick", function (params) {
    if (!state.group || !params.nodes || !params.nodes.length) return;
    var eid = fromVis(params.nodes[0]), top = hasOwn(I.root, eid) ? I.root[eid] : eid;
    foldGroup(eid, !state.unfolded.has(top));
  });

  // ---------------------------------------------------------------- apply
  /* Copy the drawn nodes' positions into the full DataSet, so a node that the next filter hides
     comes back where it was (vis-network's own storePositions() throws when a node is hidden). */
  function storePositions() {
    var pos = network.getPositions(), changed = [];
    Object.keys(pos).forEach(function (v) {
      var n = nodesAll.get(v);
      if (n && (n.x !== pos[v].x || n.y !== pos[v].y)) changed.push({id: v, x: pos[v].x, y: pos[v].y});
    });
    if (changed.length) nodesAll.update(changed);
  }
  var countsEl = byId("ag-counts"), controls = null;
  /* Recompute what is visible, hand it to vis-network, show it, and record the state in the URL. */
  function apply(opts) {
    if (state.physics || moved) { storePositions(); moved = false; }
    draw();
    shownChanged(opts);
  }
  /* The page around the graph, after the graph changed: looks and labels, controls, counts, selection, URL,
     the overview when the roll-up changed, and the scripts that follow the state (discourse.js). */
  var shownRollup = false, followers = [];
  function shownChanged(opts) {
    setLooks();
    if (ready) labelsLater();
    if (controls) controls.sync();
    if (server) server.filtered();
    var nN = state.claimants ? I.drawableWithClaimants.size : I.drawable.size;
    countsEl.textContent = vis_.nodes.size + " of " + nN + " entities" +
      (state.group && Object.keys(folded).length ? " (in " + drawnNodes.size + " groups and entities)" : "") +
      " \u00b7 " + vis_.edges.size + " of " + relIds.length + (AGG ? L.aggregate.counts(AGG) : " relations") +
      (state.merge && drawn.items.size < vis_.edges.size ? " in " + drawn.items.size + " lines" : "");
    if (state.sel) {
      var kind = state.sel[0], id = state.sel[1];
      if (kind === "node") {
        if (drawnNodes.has(drawn.rep(id))) network.selectNodes([toVis(drawn.rep(id))], false); else network.unselectAll();
        showEntity(id);
      } else select("edge", id, false, state.sel[2]);
    } else if (state.rollup !== shownRollup && initDone) showOverview();
    shownRollup = state.rollup;
    if (!(opts && opts.noHash)) writeHash();
    followers.forEach(function (f) { f(state); });
  }

  // ---------------------------------------------------------------- URL fragment
  function writeHash() {
    var hash = U.write(state, PAGE);
    if (location.hash === hash || (!hash && !location.hash)) return;
    try { history.replaceState(null, "", hash || location.pathname + location.search); }
    catch (e) { /* a sandboxed or srcdoc frame: the state just is not shareable there */ }
  }
  function restore() {
    state = U.read(location.hash, I, PAGE);
    network.setOptions({physics: {enabled: !!state.physics}});
    apply({noHash: true});
    if (!state.sel) { network.unselectAll(); showOverview(); }
    if (state.focus) fitDrawn();
  }
  window.addEventListener("hashchange", restore);

  // ---------------------------------------------------------------- search
  var searchInput = byId("ag-search"), searchMsg = byId("ag-search-msg");
  var datalist = byId("ag-names"), datalistFilled = false;
  var nameIndex = null, nameList = [];   // lower-cased id, name or alias -> entity id (first wins); made on first use
  function names() {
    if (nameIndex) return nameIndex;
    nameIndex = dict();
    Object.keys(ENT).forEach(function (eid) {
      var e = ENT[eid];
      [eid, e.name].concat(e.aliases || []).forEach(function (n) {
        var key = String(n).trim().toLowerCase();
        if (!hasOwn(nameIndex, key)) { nameIndex[key] = eid; nameList.push([String(n), eid]); }
      });
    });
    return nameIndex;
  }
  function fillDatalist() {   // on first use: thousands of options cost time at load
    if (datalistFilled) return;
    datalistFilled = true;
    var frag = document.createDocumentFragment();
    names();
    nameList.slice().sort(function (a, b) { return a[0].localeCompare(b[0]); }).slice(0, 20000).forEach(function (pair) {
      var label = pair[0] === ENT[pair[1]].name || pair[0] === pair[1] ? ENT[pair[1]].name + " (" + pair[1] + ")"
        : pair[0] + " \u2192 " + ENT[pair[1]].name;
      frag.appendChild(h("option", {value: pair[0], label: label}));
    });
    datalist.appendChild(frag);
  }
  searchInput.addEventListener("focus", fillDatalist);
  /* The entity a search text names: an exact id/name/alias, else the first name that starts with it,
     else the first that contains it. */
  function findActor(text) {
    var q = String(text || "").trim().toLowerCase();
    if (!q) return null;
    if (hasOwn(names(), q)) return nameIndex[q];
    var starts = null, contains = null;
    for (var i = 0; i < nameList.length; i++) {
      var n = nameList[i][0].toLowerCase();
      if (starts === null && n.indexOf(q) === 0) starts = nameList[i][1];
      if (contains === null && n.indexOf(q) > 0) contains = nameList[i][1];
    }
    return starts || contains;
  }
  function search(text) {
    var eid = findActor(text);
    searchMsg.textContent = "";
    if (!eid) {
      if (String(text || "").trim()) searchMsg.textContent = "no actor matches";
      if (server && String(text || "").trim().length > 1) server.search(String(text).trim());   // the claims that mention it
      return null;
    }
    select("node", eid, true);
    if (!vis_.nodes.has(eid)) searchMsg.textContent = ENT[eid].name + " is hidden by the filters";
    return eid;
  }
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (search(searchInput.value)) searchInput.blur(); }  // blur closes the suggestions
  });
  /* a suggestion picked from the list (Enter has searched already) */
  searchInput.addEventListener("change", function () {
    var eid = hasOwn(names(), searchInput.value.trim().toLowerCase()) ? nameIndex[searchInput.value.trim().toLowerCase()] : null;
    if (eid && !(state.sel && state.sel[0] === "node" && state.sel[1] === eid)) search(searchInput.value);
  });

  // ---------------------------------------------------------------- toolbar
  var physicsBox = byId("ag-physics");
  physicsBox.addEventListener("change", function () {
    state.physics = physicsBox.checked;
    network.setOptions({physics: {enabled: state.physics}});
    writeHash();
  });
  byId("ag-fit").addEventListener("click", function () { network.fit({animation: {duration: 300}}); });
  /* The view fitted to what is drawn, once vis-network has drawn it (its fit reads the nodes' boxes,
     which a node shown again has only once drawn). */
  function fitDrawn() {
    function fit() { network.fit({animation: false}); }
    if (cameraMoving) { network.once("animationFinished", function () { setTimeout(fit, 0); }); return; }
    network.once("afterDrawing", function () { setTimeout(fit, 0); });
    network.redraw();
  }
  function setFocus(eid, hops) {
    state.focus = eid && hasOwn(ENT, eid) ? eid : null;
    state.hops = hops || 1;
    apply();
    if (state.focus) fitDrawn();
  }
  /* Clear every filter and the selection; the ways of drawing (physics, claimants, merge, group,
     part_of lines) stay as they are. */
  function reset() {
    var keep = state;
    state = F.defaults(PAGE);
    ["physics", "claimants", "merge", "group", "partof", "rollup", "sides"].forEach(function (k) { state[k] = keep[k]; });
    searchInput.value = "";
    searchMsg.textContent = "";
    apply();
    network.unselectAll();
    showOverview();
    fitDrawn();
  }
  byId("ag-reset").addEventListener("click", reset);

  function download(blob, filename) {
    var url = URL.createObjectURL(blob);
    var a = h("a", {href: url, download: filename});
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }
  /* The visible subgraph as actorgraph data (loads back with graph.loads). */
  function visibleData() {
    var rels = relIds.filter(function (rid) { return vis_.edges.has(rid); });
    var ents = new Set(vis_.nodes), srcs = new Set();
    rels.forEach(function (rid) {
      META[rid].claimants.forEach(function (c) { if (hasOwn(ENT, c)) ents.add(c); });
      META[rid].sources.forEach(function (s) { if (hasOwn(SRC, s)) srcs.add(s); });
    });
    var more = true;   // entities' part_of must exist too
    while (more) {
      more = false;
      ents.forEach(function (eid) { var p = ENT[eid].part_of; if (p && hasOwn(ENT, p) && !ents.has(p)) { ents.add(p); more = true; } });
    }
    return {
      sources: Object.keys(SRC).filter(function (s) { return srcs.has(s); }).map(function (s) { return SRC[s]; }),
      entities: Object.keys(ENT).filter(function (e) { return ents.has(e); }).map(function (e) { return ENT[e]; }),
      relations: rels.map(function (rid) { return REL[rid]; })
    };
  }
  byId("ag-json").addEventListener("click", function () {
    download(new Blob([JSON.stringify(visibleData(), null, 1)], {type: "application/json"}), "actorgraph-view.json");
  });
  function pngBlob(cb) {
    var src = container.getElementsByTagName("canvas")[0];
    var c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    c.toBlob(cb, "image/png");
  }
  byId("ag-png").addEventListener("click", function () { pngBlob(function (b) { download(b, "actorgraph-view.png"); }); });

  // ---------------------------------------------------------------- the page's script interface (docs/python.md, "Scripting the page")
  function domPoint(p) {
    var d = network.canvasToDOM(p), r = container.getBoundingClientRect();
    return {x: d.x + r.left, y: d.y + r.top};
  }
  var api = {
    ready: false,
    /* the state: filters, focus, selection, ways of drawing (sets as sorted lists, months as "YYYY-MM") */
    state: function () {
      function list(s) { return s && Array.from(s).sort(); }
      return {types: list(state.types), pols: list(state.pols), mods: list(state.mods), srcs: list(state.srcs),
              from: state.from === null ? null : L.time.monthText(state.from), to: state.to === null ? null : L.time.monthText(state.to),
              undated: state.undated, time: state.time, contested: state.contested, claimants: state.claimants,
              focus: state.focus, hops: state.hops, sel: state.sel, physics: state.physics,
              merge: state.merge, group: state.group, unfolded: list(state.unfolded), partof: state.partof,
              rollup: state.rollup, sides: state.sides};
    },
    /* the entities the filters keep (before folding into groups), the claims they keep */
    visibleNodeIds: function () { return Array.from(vis_.nodes); },
    visibleEdgeIds: function () { return relIds.filter(function (rid) { return vis_.edges.has(rid); }); },
    /* the claims drawn edge id (a vis-network edge id) stands for: [claim ids] */
    claimsOfEdge: function (id) {
      var it = drawn.items.get(String(id));
      return it ? it.claims.slice() : [];
    },
    /* the vis-network edge that draws claim rid (null: not drawn) */
    edgeOfClaim: function (rid) { return hasOwn(drawn.ofClaim, rid) ? drawn.ofClaim[rid] : null; },
    /* the claimant links drawn ("show claimants"): [claimant, subject, verb, [claim ids]] */
    visibleClaimantLinks: function () {
      return Object.keys(links).sort().map(function (id) { var l = links[id]; return [l.from, l.to, l.verb, l.rels.slice()]; });
    },
    claimantLinkPoint: function (claimant, subject, verb) {
      return api.edgePoint(CLAIM_MARK + (verb || "asserts") + CLAIM_MARK + claimant + CLAIM_MARK + subject, true);
    },
    /* the part_of lines drawn: [[part, whole], ...] */
    partOfLines: function () {
      return edgesAll.getIds().filter(function (id) { return id.charAt(0) === PART_MARK; }).sort()
        .map(function (id) { var e = edgesAll.get(id); return [fromVis(e.from), fromVis(e.to)]; });
    },
    /* the label each drawn entity shows now ("" none: it would overlap) */
    labels: function () { var o = {}; drawnNodes.forEach(function (e) { o[e] = labelShown[e] === undefined ? fullLabel(e) : labelShown[e]; }); return o; },
    /* large graphs: enabled (more than 2,000 edges), active (level of detail drawing installed),
       batched (edges stroked as plain lines in the last frame), pending (edges vis-network does not
       hold yet), completeAt (ms from navigation start when it held them all) */
    lod: function () {
      return {enabled: lod.enabled, active: lodState.active, reason: lodState.reason, batched: lodState.batched,
              scale: lodState.scale, pending: pending.size, completeAt: lod.completeAt};
    },
    select: select, search: search, reset: reset, setFocus: setFocus, visibleData: visibleData, findActor: findActor,
    /* fold (false) or unfold (true) the group of entity eid while parts are grouped */
    unfold: function (eid, on) { return foldGroup(eid, on !== false); },
    /* DOM (page) coordinates of an entity (or the group it is drawn in), or of the middle of the
       edge that draws a claim (raw: id is a vis-network edge id) */
    nodePoint: function (id) {
      var v = toVis(drawn.rep(id)), p = network.getPositions([v])[v];
      return p ? domPoint(p) : null;
    },
    edgePoint: function (id, raw) {
      var v = raw ? String(id) : (hasOwn(drawn.ofClaim, id) ? drawn.ofClaim[id] : null);
      if (v === null) return null;
      hold(v);
      var p = L.lod.edgeMiddle(network, DATA.vis_version, v);
      return p ? domPoint(p) : null;
    }
  };
  /* for the page's other scripts (reader.js, legend.js): not a stable interface */
  api.internal = {data: DATA, h: h, clear: clear, srcTitle: srcTitle, voiced: voiced, name: name, cross: X,
                  /* the state, and what follows a change of it that draws nothing new (roll-up, the view open) */
                  state: function () { return state; }, changed: function () { shownChanged(); },
                  /* f(state) after every change of the state (and once the page is built) */
                  follow: function (f) { followers.push(f); }};
  window.actorgraph = api;

  // ---------------------------------------------------------------- start
  controls = L.controls({I: I, state: function () { return state; }, apply: apply, setFocus: setFocus, cross: X,
                         changed: function () { shownChanged(); }});
  shownChanged({noHash: true});
  if (state.sel) select(state.sel[0], state.sel[1], false, state.sel[2]); else showOverview();
  if (F.active(I, state) && !DATA.physics) fitDrawn();
  initDone = true;
  markReady();
})();
