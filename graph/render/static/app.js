/* actorgraph page: the graph, its filters, search, URL state and export around vis-network
 * (DOM helpers: dom.js; the details panel: panels.js; the legend: legend.js; the reader: reader.js).
 *
 * Safety rule: data strings only ever reach the DOM as text (textContent, createTextNode,
 * element properties); no innerHTML, no HTML strings. Only http(s) URLs become links.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("ag-data").textContent);
  /* an aggregated page holds its groups as one table: aggregate.js makes their records first */
  if (DATA.aggregate && window.actorgraphAggregatePanel) window.actorgraphAggregatePanel.expand(DATA);
  /* entities and claims come as a table, each field named once (graph/render/data.py records_table):
     back to one record per id, an empty field left out, before any script reads them */
  function records(t) {
    if (!t || !Array.isArray(t.fields) || !Array.isArray(t.rows)) return t;
    var out = Object.create(null), f = t.fields, n = f.length;
    t.rows.forEach(function (row) {
      var o = {};
      for (var i = 0; i < n; i++) if (row[i] !== null && row[i] !== undefined) o[f[i]] = row[i];
      out[o.id] = o;
    });
    return out;
  }
  DATA.entities = records(DATA.entities);
  DATA.relations = records(DATA.relations);
  var ENT = DATA.entities, REL = DATA.relations, META = DATA.relmeta, SRC = DATA.sources;
  var VOCAB = DATA.vocab;
  var D = window.actorgraphDom;
  var hasOwn = D.hasOwn, dict = D.dict, h = D.h, append = D.append, clear = D.clear, byId = D.byId,
      checkbox = D.checkbox, dashSample = D.dashSample;
  function name(eid) { return hasOwn(ENT, eid) ? ENT[eid].name : String(eid); }

  // ---------------------------------------------------------------- indexes
  var relIds = Object.keys(REL);
  /* fields the page data leaves out when empty; "made": the date spans of the claim's sources */
  var PUBLISHED = DATA.published || dict();
  /* what a claim's record already says is not repeated in relmeta: its quad (by its type), the sign of
     its polarity and its sources (of its evidence, in order, once each); an aggregated page gives them */
  function quadOf(type) { return hasOwn(VOCAB.types, type) ? VOCAB.types[type].quad : "other"; }
  /* the lists below are read, never changed: claims with the same sources share one (a large page
     has tens of thousands of claims and a handful of sources) */
  var NO_CLAIMANTS = [], sourceLists = dict(), madeLists = dict();
  relIds.forEach(function (rid) {
    var m = META[rid], r = REL[rid];
    if (m.quad === undefined) m.quad = quadOf(r.type);
    if (m.sign === undefined) { var p = +r.polarity || 0; m.sign = (p > 0) - (p < 0); }
    if (m.sources === undefined) {
      var ev = r.evidence || [], key = ev.length === 1 ? "s" + ev[0].source : JSON.stringify(ev.map(function (e) { return e.source; }));
      if (!hasOwn(sourceLists, key)) {
        var srcSeen = dict(), list = [];
        ev.forEach(function (e) { if (!srcSeen[e.source]) { srcSeen[e.source] = true; list.push(e.source); } });
        sourceLists[key] = list;
      }
      m.sources = sourceLists[key];
    }
    m.claimants = m.claimants || NO_CLAIMANTS;
    m.contested = !!m.contested;
    if (m.group === undefined) m.group = null;
    var mk = m.sources.length === 1 ? "s" + m.sources[0] : JSON.stringify(m.sources);   // one key per list, unambiguous
    if (!hasOwn(madeLists, mk)) {
      var seen = dict(), made = [];
      m.sources.forEach(function (sid) {
        var sp = hasOwn(PUBLISHED, sid) ? PUBLISHED[sid] : null;
        if (sp && !seen[sp[0] + "/" + sp[1]]) { seen[sp[0] + "/" + sp[1]] = true; made.push(sp); }
      });
      madeLists[mk] = made;
    }
    m.made = madeLists[mk];
  });
  var GROUPS = DATA.groups || [];
  /* One pass over the claims: each entity's claims out and in, each claimant's claims, and the counts
     the filters show (of an aggregated page's groups: each type and modality present in a group). */
  var outRel = dict(), inRel = dict(), byClaimant = dict(), contestedCount = 0;
  var typeCounts = dict(), modCounts = dict(), polCounts = dict(), srcCounts = dict();
  function tally(c, k) { c[k] = (c[k] || 0) + 1; }
  relIds.forEach(function (rid) {
    var r = REL[rid], m = META[rid], i;
    (outRel[r.subject] = outRel[r.subject] || []).push(rid);
    (inRel[r.object] = inRel[r.object] || []).push(rid);
    for (i = 0; i < m.claimants.length; i++) (byClaimant[m.claimants[i]] = byClaimant[m.claimants[i]] || []).push(rid);
    if (m.contested) contestedCount++;
    if (m.types) for (i = 0; i < m.types.length; i++) tally(typeCounts, m.types[i]); else tally(typeCounts, r.type);
    if (m.modalities) for (i = 0; i < m.modalities.length; i++) tally(modCounts, m.modalities[i]); else tally(modCounts, r.modality);
    tally(polCounts, String(m.sign));
    for (i = 0; i < m.sources.length; i++) tally(srcCounts, m.sources[i]);
  });
  /* How claim rid is voiced: "denied by John Kirby", "claimed by the author" (wording as graph/wording.py). */
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
  var nameIndex = null;   // lower-cased id, name or alias -> entity id (first wins); made on first use
  var nameList = [];
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
  /* An aggregated page (DATA.aggregate): each "relation" is a group of claims, with the types and
     modalities present in relmeta; the type and modality filters keep a group if any of its claims matches. */
  var AGG = DATA.aggregate || null;
  function typesOf(rid) { return META[rid].types || [REL[rid].type]; }
  function modsOf(rid) { return META[rid].modalities || [REL[rid].modality]; }

  var allTypes = Object.keys(typeCounts).sort();
  var allMods = Object.keys(VOCAB.modalities).filter(function (m) { return modCounts[m]; })
    .concat(Object.keys(modCounts).filter(function (m) { return !hasOwn(VOCAB.modalities, m); }));
  var POLS = [["-1", "conflict (−)", VOCAB.colors.conflict], ["0", "neutral (0)", VOCAB.colors.neutral],
              ["1", "cooperation (+)", VOCAB.colors.cooperation]];
  var allPols = POLS.map(function (p) { return p[0]; }).filter(function (p) { return polCounts[p]; });
  var allSrcs = Object.keys(srcCounts).sort(function (a, b) {
    return (srcCounts[b] - srcCounts[a]) || (a < b ? -1 : 1);
  });

  // months spanned by the dated relations, for the time slider
  function monthIndex(iso) { return parseInt(iso.slice(0, 4), 10) * 12 + parseInt(iso.slice(5, 7), 10) - 1; }
  function monthText(i) { var y = Math.floor(i / 12), m = i % 12 + 1; return ("000" + y).slice(-4) + "-" + (m < 10 ? "0" : "") + m; }
  function monthStart(i) { return monthText(i) + "-01"; }
  function monthEnd(i) { var y = Math.floor(i / 12), m = i % 12 + 1; var d = new Date(Date.UTC(y, m, 0)).getUTCDate(); return monthText(i) + "-" + (d < 10 ? "0" : "") + d; }
  /* The time spans of a claim on a basis: when it happened ("happened": its 'when'), when it was
     made ("made": its sources' publication dates), or when it happened and, if undated, when it was
     made ("happened-or-made"). */
  var TIMES = ["happened", "made", "happened-or-made"];
  function spansOf(rid, basis) {
    var m = META[rid];
    if (basis === "made") return m.made;
    if (m.span) return [m.span];
    return basis === "happened-or-made" ? m.made : [];
  }
  var tMin = null, tMax = null, undatedCounts = {happened: 0, made: 0, "happened-or-made": 0};
  /* (as spansOf: a claim is undated "happened" without a span, "made" without dated sources, and
     "happened-or-made" without either; ISO dates compare as text, so the extremes are found as text) */
  var dMin = null, dMax = null;
  function seeSpan(sp) {
    for (var k = 0; k < 2; k++) {
      var d = sp[k];
      if (!d) continue;
      if (dMin === null || d < dMin) dMin = d;
      if (dMax === null || d > dMax) dMax = d;
    }
  }
  relIds.forEach(function (rid) {
    var m = META[rid];
    if (!m.span) { undatedCounts.happened++; if (!m.made.length) undatedCounts["happened-or-made"]++; }
    else seeSpan(m.span);
    if (!m.made.length) undatedCounts.made++;
  });
  Object.keys(madeLists).forEach(function (k) { madeLists[k].forEach(seeSpan); });   // each list once
  if (dMin !== null) { tMin = monthIndex(dMin); tMax = monthIndex(dMax); }
  var undatedCount = undatedCounts.happened;

  // ---------------------------------------------------------------- state
  function defaults() {
    return {types: null, pols: null, mods: null, srcs: null, from: null, to: null, undated: true,
            time: "happened", contested: false, claimants: false,
            focus: null, hops: 1, sel: null, physics: DATA.physics};
  }
  var state = defaults();

  function relPasses(rid) {
    var r = REL[rid], m = META[rid];
    if (state.types && !typesOf(rid).some(function (t) { return state.types.has(t); })) return false;
    if (state.pols && !state.pols.has(String(m.sign))) return false;
    if (state.mods && !modsOf(rid).some(function (x) { return state.mods.has(x); })) return false;
    if (state.srcs && !m.sources.some(function (s) { return state.srcs.has(s); })) return false;
    if (state.contested && !m.contested) return false;
    var spans = spansOf(rid, state.time);
    if (!spans.length) return state.undated;
    if (state.from !== null || state.to !== null) {
      var lo = state.from === null ? "0000-01-01" : monthStart(state.from);
      var hi = state.to === null ? "9999-12-31" : monthEnd(state.to);
      return spans.some(function (sp) {
        var a = sp[0] || "0000-01-01", b = sp[1] || "9999-12-31";
        return a <= hi && lo <= b;
      });
    }
    return true;
  }
  function filtersActive() {
    return !!(state.types || state.pols || state.mods || state.srcs || state.from !== null ||
              state.to !== null || (!state.undated && undatedCounts[state.time] > 0) || state.focus ||
              state.contested);
  }

  /* The entities drawn when nothing is filtered: every entity, except one that is in no drawn
     relation and only asserts claims (asserted_by): a view keeps such an entity so its name is
     known, and drawing it would show an unconnected node that the filters of the full page
     never show. (Focusing it draws it.) */
  var drawable = (function () {
    var related = new Set();   // (the claimants: byClaimant's keys)
    relIds.forEach(function (rid) {
      var r = REL[rid];
      if (hasOwn(ENT, r.subject) && hasOwn(ENT, r.object)) { related.add(r.subject); related.add(r.object); }
    });
    return new Set(Object.keys(ENT).filter(function (e) { return related.has(e) || !hasOwn(byClaimant, e); }));
  })();
  var drawableWithClaimants = new Set(drawable);
  Object.keys(byClaimant).forEach(function (c) { if (hasOwn(ENT, c)) drawableWithClaimants.add(c); });
  var visibleNodes = new Set(drawable), visibleEdges = new Set(relIds), visibleLinks = new Set();
  /* "show claimants": a dotted link from each claimant to the subject of each claim it makes, one
     per claimant, subject and verb (asserts / denies); ids start with CLAIM_MARK, which no data id
     keeps inside vis-network (see toVis). */
  var CLAIM_MARK = "\u2061";
  var LINKS = dict(), linksOfRel = dict();
  relIds.forEach(function (rid) {
    var r = REL[rid];
    if (!META[rid].claimants.length || !hasOwn(ENT, r.subject) || !hasOwn(ENT, r.object)) return;
    var verb = r.modality === "denied" ? "denies" : "asserts";
    META[rid].claimants.forEach(function (c) {
      if (!hasOwn(ENT, c)) return;
      var id = CLAIM_MARK + verb + CLAIM_MARK + c + CLAIM_MARK + r.subject;
      if (!hasOwn(LINKS, id)) LINKS[id] = {from: c, to: r.subject, verb: verb, rels: []};
      LINKS[id].rels.push(rid);
      (linksOfRel[rid] = linksOfRel[rid] || []).push(id);
    });
  });
  function compute() {
    var edges = relIds.filter(function (rid) {
      var r = REL[rid];
      return hasOwn(ENT, r.subject) && hasOwn(ENT, r.object) && relPasses(rid);
    });
    if (state.focus && hasOwn(ENT, state.focus)) {
      // the N-hop neighbourhood on the filtered relations, either direction (as Dataset.view)
      var adj = dict();
      edges.forEach(function (rid) {
        var r = REL[rid];
        (adj[r.subject] = adj[r.subject] || []).push(r.object);
        (adj[r.object] = adj[r.object] || []).push(r.subject);
      });
      var dist = dict(); dist[state.focus] = 0;
      var queue = [state.focus];
      while (queue.length) {
        var n = queue.shift();
        if (dist[n] >= state.hops) continue;
        (adj[n] || []).forEach(function (m) { if (!hasOwn(dist, m)) { dist[m] = dist[n] + 1; queue.push(m); } });
      }
      edges = edges.filter(function (rid) { return hasOwn(dist, REL[rid].subject) && hasOwn(dist, REL[rid].object); });
    }
    visibleEdges = new Set(edges);
    if (!filtersActive()) {
      visibleNodes = new Set(drawable);
    } else {
      visibleNodes = new Set();
      edges.forEach(function (rid) { visibleNodes.add(REL[rid].subject); visibleNodes.add(REL[rid].object); });
      if (state.focus && hasOwn(ENT, state.focus)) visibleNodes.add(state.focus);
    }
    visibleLinks = new Set();
    if (state.claimants) {
      edges.forEach(function (rid) {
        (linksOfRel[rid] || []).forEach(function (id) { visibleLinks.add(id); visibleNodes.add(LINKS[id].from); });
      });
    }
  }

  // ---------------------------------------------------------------- network
  /* vis-network keeps nodes and edges in plain objects keyed by id, so an id such as
     "constructor" or "toString" would find Object.prototype's members there: such ids (and
     ids that start with the escape mark, so the mapping stays one-to-one) get the mark in front
     inside vis-network. Everything else in this file uses the data's own ids. */
  var VIS_MARK = "\u2060";
  function toVis(id) {
    id = String(id);
    var c0 = id.charAt(0);
    return (id in Object.prototype || c0 === VIS_MARK || c0 === CLAIM_MARK) ? VIS_MARK + id : id;
  }
  function fromVis(id) { id = String(id); return id.charAt(0) === VIS_MARK ? id.slice(1) : id; }
  /* The vis-network items, from the page's compact nodes and edges (graph/render/data.py): the label,
     shape and colour of a node come from its entity (by kind), an edge's arrow and dash pattern from
     its modality; one colour object per colour and kind, shared. Tooltips are made when shown (below). */
  var kindStyles = dict();
  function kindStyle(kind) {
    if (!hasOwn(kindStyles, kind)) {
      var k = hasOwn(VOCAB.kinds, kind) ? VOCAB.kinds[kind] : {shape: "dot", color: "#b0b0b0", border: "#7b7b7b"};
      kindStyles[kind] = {shape: k.shape, color: {background: k.color, border: k.border,
        highlight: {background: k.color, border: "#111111"}, hover: {background: k.color, border: "#111111"}}};
    }
    return kindStyles[kind];
  }
  var visNodes = DATA.nodes.map(function (n) {
    var e = ENT[n.id], st = kindStyle(e.kind);
    return {id: toVis(n.id), label: e.name, x: n.x, y: n.y, size: n.size, shape: st.shape, color: st.color};
  });
  var edgeColours = dict();
  function edgeColour(c) {
    if (!hasOwn(edgeColours, c)) edgeColours[c] = {color: c, highlight: c, hover: c, opacity: 0.95};
    return edgeColours[c];
  }
  function dashesOf(modality) {
    return hasOwn(VOCAB.modalities, modality) ? VOCAB.modalities[modality].dashes : VOCAB.other_dashes;
  }
  /* the drawn edges come as a table too (graph/render/data.py edge_item), without their ends: those
     are the record's subject and object */
  var EF = dict();
  DATA.edges.fields.forEach(function (f, i) { EF[f] = i; });
  var edgeIds = DATA.edges.rows.map(function (row) { return row[EF.id]; });
  var visEdges = DATA.edges.rows.map(function (row) {
    var id = row[EF.id], r = REL[id];
    var item = {id: toVis(id), from: toVis(r.subject), to: toVis(r.object), label: row[EF.label], width: row[EF.width],
                arrows: "to", color: edgeColour(row[EF.color]), dashes: dashesOf(r.modality)};
    if (row[EF.background]) item.background = row[EF.background];
    if (row[EF.smooth]) item.smooth = row[EF.smooth];
    if (row[EF.selfReference]) item.selfReference = row[EF.selfReference];
    return item;
  });
  var LINK = VOCAB.claimant_link;
  Object.keys(LINKS).forEach(function (id) {
    var l = LINKS[id];
    visEdges.push({id: id, from: toVis(l.from), to: toVis(l.to), label: l.verb, dashes: LINK.dashes, width: LINK.width,
                   color: {color: LINK.color, highlight: "#333333", hover: "#333333", opacity: 0.9},
                   font: {size: 9, color: "#666666"}, smooth: {enabled: true, type: "curvedCW", roundness: 0.15}});
  });
  function linkTitle(id) {
    var l = LINKS[id], n = l.rels.length;
    return name(l.from) + " " + l.verb + " " + n + " claim" + (n === 1 ? "" : "s") + " about " + name(l.to) +
      ":\n" + l.rels.map(function (rid) { return REL[rid].type + " " + name(REL[rid].object) + " (" + REL[rid].modality + ")"; }).join("\n");
  }

  /* Tooltips (plain text: vis-network shows them with innerText), made when one is shown. */
  function fmtPolarity(p) { p = +p || 0; return p > 0 ? "+" + p : String(p); }
  function entityTitle(eid) {
    var e = ENT[eid], n = function (list) {
      return AGG ? list.reduce(function (a, gid) { return a + AGG.groups[gid].count; }, 0) : list.length;
    };
    var lines = [e.name + " (" + eid + ")", "kind: " + String(e.kind).replace(/_/g, " ")];
    if (e.aliases && e.aliases.length) lines.push("also: " + e.aliases.join(", "));
    lines.push("relations: " + n(outRel[eid] || []) + " out, " + n(inRel[eid] || []) + " in");
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
  function edgeTitle(visId) {
    if (String(visId).charAt(0) === CLAIM_MARK) return hasOwn(LINKS, visId) ? linkTitle(visId) : undefined;
    var rid = fromVis(visId);
    if (!hasOwn(REL, rid)) return undefined;
    return AGG ? window.actorgraphAggregatePanel.title(DATA, rid, name) : relationTitle(rid);
  }
  var nodesAll = new vis.DataSet(visNodes);
  var edgesAll = new vis.DataSet(visEdges);
  var nodesView = new vis.DataView(nodesAll, {filter: function (n) { return visibleNodes.has(fromVis(n.id)); }});
  /* Large graphs (more than LOD_EDGES edges): vis-network gets the relations' edges after the first
     frame, a chunk at a time (pump, below), instead of building tens of thousands of edge objects
     before anything is drawn; until it holds an edge, the page draws it itself (a plain line, see
     the level of detail below), finds it under a click, and hands it over at once when it is selected. */
  var LOD_EDGES = 2000, LOD_SCALE = 0.35;
  var lod = {enabled: visEdges.length > LOD_EDGES, batched: 0, pending: 0, completeAt: null};
  var held = new Set();   // vis ids of the relation edges vis-network holds (every one when not lod.enabled)
  var deferred = lod.enabled ? edgeIds.map(toVis) : [];
  lod.pending = deferred.length;
  var edgesView = new vis.DataView(edgesAll, {filter: function (e) {
    if (e.id.charAt(0) === CLAIM_MARK) return visibleLinks.has(e.id);
    return visibleEdges.has(fromVis(e.id)) && (!lod.pending || held.has(e.id));
  }});
  /* Hand edges (vis ids) to vis-network now. */
  function hold(ids) {
    if (!lod.pending) return;   // vis-network holds every edge already (a small page holds them from the start)
    var added = 0;
    ids.forEach(function (v) { if (!held.has(v)) { held.add(v); added++; } });
    if (!added) return;
    lod.pending -= added;
    edgesView.refresh();
  }
  var pumpAt = 0, PUMP_CHUNK = 20000;   // each chunk costs vis-network a pass over every edge it holds: few, large ones
  function pump() {
    if (!lod.pending) { if (lod.completeAt === null) lod.completeAt = performance.now(); return; }
    hold(deferred.slice(pumpAt, pumpAt + PUMP_CHUNK));
    pumpAt += PUMP_CHUNK;
    setTimeout(pump, 300);   // room for input and drawing between chunks
  }
  var container = byId("ag-network");
  /* A laid-out page (physics off): vis-network fits the view to the graph when it is made, and to
     do so measures every node's label first (half a second for 20,000 entities). Made in a hidden
     container it skips that; the view is fitted to the laid-out positions below (fitLayout). */
  if (!DATA.physics) container.style.display = "none";
  var network = new vis.Network(container, {nodes: nodesView, edges: edgesView}, DATA.options);
  container.style.display = "";
  window.network = network;

  /* Tooltips on demand: vis-network asks a node or an edge for its title when it shows one; ours are
     made then from the records, not stored in every item (60,000 edges: megabytes of text no one reads). */
  (function () {
    var f = network.body.functions;
    var nodeProto = Object.getPrototypeOf(f.createNode({id: VIS_MARK + "tooltip-probe"}));
    var edgeProto = Object.getPrototypeOf(f.createEdge({id: VIS_MARK + "tooltip-probe", from: VIS_MARK, to: VIS_MARK}));
    nodeProto.getTitle = function () { var eid = fromVis(this.id); return hasOwn(ENT, eid) ? entityTitle(eid) : undefined; };
    edgeProto.getTitle = function () { return edgeTitle(this.id); };
  })();

  /* Level of detail, large graphs: only what is in view is drawn, and zoomed out (below LOD_SCALE,
     where arrowheads are a few pixels and labels are below vis-network's size threshold anyway) the
     edges are stroked as straight lines in one path per colour, width and dash pattern instead of one
     by one; selected, hovered and contested edges and self-loops are still drawn by vis-network, in full. */
  if (lod.enabled) (function () {
    var R = network.renderer;
    function viewBox(ctxScale) {
      var c = network.canvas.frame.canvas, m = 40 / ctxScale;
      var a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
      return [Math.min(a.x, b.x) - m, Math.min(a.y, b.y) - m, Math.max(a.x, b.x) + m, Math.max(a.y, b.y) + m];
    }
    function seen(f, t, v) {
      return !((f.x < v[0] && t.x < v[0]) || (f.x > v[2] && t.x > v[2]) || (f.y < v[1] && t.y < v[1]) || (f.y > v[3] && t.y > v[3]));
    }
    function inView(e, v) { return seen(e.from, e.to, v); }
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
        if (s >= LOD_SCALE || special(e)) { if (curved(e) || inView(e, v)) full.push(e); }
        else if (inView(e, v)) batch(e.options.color.color, e.options.width, e.options.dashes, e.from, e.to);
      }
      if (lod.pending) {   // the edges vis-network does not hold yet
        for (i = 0; i < visEdges.length; i++) {
          var it = visEdges[i];
          if (held.has(it.id) || it.id.charAt(0) === CLAIM_MARK || !visibleEdges.has(fromVis(it.id))) continue;
          var a = nodes[it.from], b = nodes[it.to];
          if (a && b && a !== b && seen(a, b, v)) batch(it.color.color, it.width, it.dashes, a, b);
        }
      }
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
      lod.batched = n;
      full.forEach(function (x) { x.draw(ctx); });
    };
    /* The edge under a click that vis-network does not hold yet (the nearest within a few pixels). */
    lod.edgeAt = function (p) {
      if (!lod.pending) return null;
      var nodes = network.body.nodes, best = null, bestD = 6 / network.getScale();
      for (var i = 0; i < visEdges.length; i++) {
        var it = visEdges[i];
        if (held.has(it.id) || it.id.charAt(0) === CLAIM_MARK || !visibleEdges.has(fromVis(it.id))) continue;
        var a = nodes[it.from], b = nodes[it.to];
        if (!a || !b) continue;
        var dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
        var t = l2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
        var d = Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
        if (d < bestD) { bestD = d; best = fromVis(it.id); }
      }
      return best;
    };
    /* nodes, zoomed out: filled and stroked in one path per shape and colour (labels are below
       vis-network's size threshold there); their bounding boxes are kept current for clicks and tooltips */
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
    R._drawNodes = function (ctx, alwaysShow) {
      var s = this.body.view.scale;
      if (alwaysShow || s >= LOD_SCALE) return origNodes.call(this, ctx, alwaysShow);
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
        if (e.connected && (s >= LOD_SCALE || special(e)) && (curved(e) || inView(e, v))) e.drawArrows(ctx);
      }
    };
  })();

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

  // "ready" (tests and benchmarks wait for it): the page is built, a frame with the graph has
  // been painted, and a physics layout has settled.
  var ready = false, initDone = false, settled = !DATA.physics;
  function markReady() {
    if (ready || !initDone || !settled) return;
    ready = true;
    // the next frame vis-network paints (it draws on animation frames), then one more frame
    var done = false;
    function finish() {
      if (done) return;
      done = true;
      requestAnimationFrame(function () {
        setTimeout(function () {
          api.readyAt = performance.now();   // ms since navigation started (benchmarks read it)
          byId("ag-loading").className = "ag-done";
          document.documentElement.setAttribute("data-ready", "1");
          api.ready = true;
          if (lod.pending) setTimeout(pump, 0);
        }, 0);
      });
    }
    network.once("afterDrawing", finish);
    network.redraw();
  }
  if (DATA.physics) {
    network.once("stabilized", function () { network.fit(); settled = true; markReady(); });
    network.once("stabilizationIterationsDone", function () {
      setTimeout(function () { settled = true; markReady(); }, 1500);   // still gently moving: ready enough
    });
    setTimeout(function () { settled = true; markReady(); }, 8000);   // in case both events came and went
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

  // ---------------------------------------------------------------- side panel (panels.js)
  var panels = window.actorgraphPanels({
    data: DATA, groups: GROUPS, relIds: relIds, outRel: outRel, inRel: inRel, byClaimant: byClaimant,
    srcCounts: srcCounts, verbs: VERBS, name: name, whoSays: whoSays, voiced: voiced, srcTitle: srcTitle,
    isVisible: function (rid) { return visibleEdges.has(rid); }, hops: function () { return state.hops; },
    reader: function () { return api.reader; },
    select: select, setFocus: setFocus, focusCamera: focusCamera
  });
  var showOverview = panels.showOverview, showEntity = panels.showEntity, showRelation = panels.showRelation;
  if (AGG) {   // aggregate.js: the panel of an aggregated edge lists its claims
    showRelation = window.actorgraphAggregatePanel({data: DATA, name: name, srcTitle: srcTitle, select: select}).show;
    byId("ag-json").style.display = "none";   // the page does not hold every claim: nothing honest to export
  }

  function focusCamera(eid) {
    if (!visibleNodes.has(eid)) return false;
    network.focus(toVis(eid), {scale: Math.max(network.getScale(), 1.0), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    return true;
  }

  /* Select an entity ("node") or a relation ("edge"): highlight it and show its panel. */
  function select(kind, id, camera) {
    if (kind === "node" && hasOwn(ENT, id)) {
      state.sel = ["node", id];
      if (visibleNodes.has(id)) { network.selectNodes([toVis(id)], false); if (camera) focusCamera(id); }
      else network.unselectAll();
      showEntity(id);
    } else if (kind === "edge" && hasOwn(REL, id)) {
      state.sel = ["edge", id];
      if (visibleEdges.has(id)) { hold([toVis(id)]); network.selectEdges([toVis(id)]); } else network.unselectAll();
      showRelation(id);
    } else {
      state.sel = null;
      network.unselectAll();
      showOverview();
    }
    writeHash();
  }

  var moved = false;   // a node was dragged (physics off): keep its place across filter changes
  network.on("dragEnd", function (params) { if (params.nodes && params.nodes.length) moved = true; });

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) select("node", fromVis(params.nodes[0]), false);
    else if (params.edges && params.edges.length && String(params.edges[0]).charAt(0) === CLAIM_MARK) select("node", LINKS[params.edges[0]].from, false);
    else if (params.edges && params.edges.length) select("edge", fromVis(params.edges[0]), false);
    else {
      var pending = lod.edgeAt ? lod.edgeAt(params.pointer.canvas) : null;
      if (pending) select("edge", pending, false); else select(null, null);
    }
  });

  // ---------------------------------------------------------------- filters UI
  function setFrom(set, all) { return (!set || set.size === all.length) ? null : set; }
  function toggleIn(key, all, value, on) {
    var s = state[key] ? new Set(state[key]) : new Set(all);
    if (on) s.add(value); else s.delete(value);
    state[key] = setFrom(s, all);
    apply();
  }

  var typeBoxes = dict(), quadBoxes = dict(), polBoxes = dict(), modBoxes = dict(), srcBoxes = dict();
  function buildTypeFilter() {
    var sec = byId("ag-f-type");
    VOCAB.quads.concat(["other"]).forEach(function (q) {
      var types = allTypes.filter(function (t) {
        var tq = hasOwn(VOCAB.types, t) ? VOCAB.types[t].quad : "other";
        return tq === q;
      });
      if (!types.length) return;
      var n = types.reduce(function (a, t) { return a + typeCounts[t]; }, 0);
      var qb = checkbox(true, function () {
        var s = state.types ? new Set(state.types) : new Set(allTypes);
        types.forEach(function (t) { if (qb.checked) s.add(t); else s.delete(t); });
        state.types = setFrom(s, allTypes);
        apply();
      });
      quadBoxes[q] = [qb, types];
      sec.appendChild(h("label", {title: "all " + q + " types"}, qb, h("strong", {cls: "ag-lbl", text: q}), h("span", {cls: "ag-count", text: n})));
      types.forEach(function (t) {
        var b = checkbox(true, function () { toggleIn("types", allTypes, t, b.checked); });
        typeBoxes[t] = b;
        var desc = hasOwn(VOCAB.types, t) ? VOCAB.types[t].description : "";
        sec.appendChild(h("label", {cls: "ag-sub", title: desc}, b, h("span", {cls: "ag-lbl", text: t}), h("span", {cls: "ag-count", text: typeCounts[t]})));
      });
    });
  }
  function buildPolarityFilter() {
    var sec = byId("ag-f-polarity");
    POLS.forEach(function (p) {
      if (!polCounts[p[0]]) return;
      var b = checkbox(true, function () { toggleIn("pols", allPols, p[0], b.checked); });
      polBoxes[p[0]] = b;
      sec.appendChild(h("label", null, b, dashSample(false, p[2]), h("span", {cls: "ag-lbl", text: p[1]}), h("span", {cls: "ag-count", text: polCounts[p[0]]})));
    });
  }
  function buildModalityFilter() {
    var sec = byId("ag-f-modality");
    allMods.forEach(function (m) {
      var info = hasOwn(VOCAB.modalities, m) ? VOCAB.modalities[m] : {description: "", dashes: [6, 6]};
      var b = checkbox(true, function () { toggleIn("mods", allMods, m, b.checked); });
      modBoxes[m] = b;
      sec.appendChild(h("label", {title: info.description}, b, dashSample(info.dashes), h("span", {cls: "ag-lbl", text: m}), h("span", {cls: "ag-count", text: modCounts[m]})));
    });
  }
  function buildSourceFilter() {
    var sec = byId("ag-f-source");
    if (!allSrcs.length) { sec.style.display = "none"; return; }
    allSrcs.forEach(function (sid) {
      var s = hasOwn(SRC, sid) ? SRC[sid] : {};
      var b = checkbox(true, function () { toggleIn("srcs", allSrcs, sid, b.checked); });
      srcBoxes[sid] = b;
      sec.appendChild(h("label", {title: (s.title || sid) + (s.published ? " (" + s.published + ")" : "")}, b,
        h("span", {cls: "ag-lbl", text: s.title || sid}), h("span", {cls: "ag-count", text: srcCounts[sid]})));
    });
  }
  var timeFrom, timeTo, timeLabel, undatedBox, timeBasis, undatedCountEl;
  function buildTimeFilter() {
    var sec = byId("ag-f-time");
    if (tMin === null) {
      sec.appendChild(h("p", {cls: "ag-muted", text: "No relation is dated, and no source has a publication date."}));
      return;
    }
    timeBasis = h("select", {title: "Which time of a claim the range applies to",
                             on: {change: function () { state.time = timeBasis.value; apply(); }}},
      h("option", {value: "happened", text: "when it happened"}),
      h("option", {value: "made", text: "when it was said (the source's date)"}),
      h("option", {value: "happened-or-made", text: "when it happened, else when said"}));
    timeBasis.setAttribute("aria-label", "time of a claim");
    sec.appendChild(h("div", {cls: "ag-row"}, timeBasis));
    timeFrom = h("input", {type: "range", cls: "ag-range", min: tMin, max: tMax, step: 1, value: tMin,
                           title: "from", on: {input: onTime}});
    timeTo = h("input", {type: "range", cls: "ag-range", min: tMin, max: tMax, step: 1, value: tMax,
                         title: "to", on: {input: onTime}});
    timeFrom.setAttribute("aria-label", "from month");
    timeTo.setAttribute("aria-label", "to month");
    timeLabel = h("div", {cls: "ag-timelabel"});
    undatedBox = checkbox(true, function () { state.undated = undatedBox.checked; apply(); });
    undatedCountEl = h("span", {cls: "ag-count", text: undatedCount});
    append(sec, [timeLabel, timeFrom, timeTo,
      h("label", {title: "Claims without a date are kept unless this is unticked"}, undatedBox,
        h("span", {cls: "ag-lbl", text: "include undated claims"}), undatedCountEl)]);
  }
  var contestedBox, claimantsBox;
  function buildClaimsFilter() {
    var sec = byId("ag-f-claims");
    contestedBox = checkbox(false, function () { state.contested = contestedBox.checked; apply(); });
    contestedBox.id = "ag-contested";
    claimantsBox = checkbox(false, function () { state.claimants = claimantsBox.checked; apply(); });
    claimantsBox.id = "ag-claimants";
    var contestedLabel;
    append(sec, [
      contestedLabel = h("label", {title: "Only the claims of a contested group: the same subject, type and object asserted and denied " +
                         "(by anyone, in any source), or asserted with opposite polarity"},
        contestedBox, h("span", {cls: "ag-lbl", text: "contested only"}), h("span", {cls: "ag-count", text: contestedCount})),
      h("label", {title: "Draw the entities that make claims (asserted_by), with a dotted link to the subject of each claim they assert or deny"},
        claimantsBox, h("span", {cls: "ag-lbl", text: "show claimants"}),
        h("span", {cls: "ag-count", text: Object.keys(byClaimant).filter(function (c) { return hasOwn(ENT, c); }).length}))]);
    if (!contestedCount) {   // nothing to filter on: say so instead of offering an empty filter
      contestedLabel.style.display = "none";
      sec.insertBefore(h("p", {cls: "ag-muted", text: "No claim is both asserted and denied."}), contestedLabel);
    }
  }
  function onTime() {
    var a = parseInt(timeFrom.value, 10), b = parseInt(timeTo.value, 10);
    if (a > b) { if (this === timeFrom) timeTo.value = a; else timeFrom.value = b; a = parseInt(timeFrom.value, 10); b = parseInt(timeTo.value, 10); }
    state.from = a === tMin ? null : a;
    state.to = b === tMax ? null : b;
    apply();
  }
  var MAX_HOPS = 6;
  /* A hop count from text: a whole number in 1..MAX_HOPS (out-of-range values clamped). */
  function clampHops(v) {
    var n = parseInt(v, 10);
    return isNaN(n) ? 1 : Math.max(1, Math.min(MAX_HOPS, n));
  }
  var focusSelect, hopsInput;
  function buildFocusFilter() {
    var sec = byId("ag-f-focus");
    focusSelect = h("select", {title: "Only the relations within N hops of this actor",
                               on: {change: function () { setFocus(focusSelect.value || null, state.hops); }}});
    focusSelect.setAttribute("aria-label", "neighbourhood of");
    focusSelect.appendChild(h("option", {value: "", text: "(all actors)"}));
    focusSelect.addEventListener("focus", fillFocusOptions);
    focusSelect.addEventListener("mousedown", fillFocusOptions);
    if (Object.keys(ENT).length <= 1000) fillFocusOptions();
    hopsInput = h("input", {type: "number", min: 1, max: MAX_HOPS, step: 1, value: 1, style: "width:4em",
                            on: {change: function () {
                              var n = clampHops(hopsInput.value);
                              hopsInput.value = n;
                              setFocus(state.focus, n);
                            }}});
    hopsInput.setAttribute("aria-label", "hops");
    append(sec, [h("div", {cls: "ag-row"}, focusSelect),
      h("div", {cls: "ag-row"}, "within ", hopsInput, " hop(s)",
        h("button", {type: "button", text: "Clear", on: {click: function () { setFocus(null, state.hops); }}}))]);
  }
  var focusFilled = false;
  function fillFocusOptions() {   // on first use, as the search suggestions
    if (focusFilled) return;
    focusFilled = true;
    var frag = document.createDocumentFragment();
    Object.keys(ENT).sort(function (a, b) { return ENT[a].name.localeCompare(ENT[b].name); }).forEach(function (eid) {
      frag.appendChild(h("option", {value: eid, text: ENT[eid].name + " (" + eid + ")"}));
    });
    focusSelect.appendChild(frag);
    focusSelect.value = state.focus || "";
  }
  function setFocus(eid, hops) {
    state.focus = eid && hasOwn(ENT, eid) ? eid : null;
    state.hops = hops || 1;
    apply();
    if (state.focus) setTimeout(function () { network.fit({animation: {duration: 300}}); }, 30);
  }

  function syncControls() {
    Object.keys(typeBoxes).forEach(function (t) { typeBoxes[t].checked = !state.types || state.types.has(t); });
    Object.keys(quadBoxes).forEach(function (q) {
      var types = quadBoxes[q][1], on = types.filter(function (t) { return typeBoxes[t].checked; }).length;
      quadBoxes[q][0].checked = on === types.length;
      quadBoxes[q][0].indeterminate = on > 0 && on < types.length;
    });
    Object.keys(polBoxes).forEach(function (p) { polBoxes[p].checked = !state.pols || state.pols.has(p); });
    Object.keys(modBoxes).forEach(function (m) { modBoxes[m].checked = !state.mods || state.mods.has(m); });
    Object.keys(srcBoxes).forEach(function (s) { srcBoxes[s].checked = !state.srcs || state.srcs.has(s); });
    if (timeFrom) {
      timeFrom.value = state.from === null ? tMin : state.from;
      timeTo.value = state.to === null ? tMax : state.to;
      timeLabel.textContent = monthText(parseInt(timeFrom.value, 10)) + " … " + monthText(parseInt(timeTo.value, 10));
      undatedBox.checked = state.undated;
      timeBasis.value = state.time;
      undatedCountEl.textContent = undatedCounts[state.time];
    }
    contestedBox.checked = state.contested;
    claimantsBox.checked = state.claimants;
    if (state.focus) fillFocusOptions();
    focusSelect.value = state.focus || "";
    hopsInput.value = state.hops;
    physicsBox.checked = !!state.physics;
  }

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
  var countsEl = byId("ag-counts");
  /* Recompute what is visible, redraw, and record the state in the URL. */
  var shownAll = nodesView.length === nodesAll.length && edgesView.length === edgesAll.length;   // the views hold everything
  function apply(opts) {
    if (state.physics || moved) {
      storePositions();
      moved = false;
    }
    compute();
    var all = visibleNodes.size === nodesAll.length && visibleEdges.size + visibleLinks.size === edgesAll.length;
    if (!(all && shownAll)) {
      nodesView.refresh();
      edgesView.refresh();
    }
    shownAll = all;
    syncControls();
    var nN = state.claimants ? drawableWithClaimants.size : drawable.size;
    countsEl.textContent = visibleNodes.size + " of " + nN + " entities · " + visibleEdges.size + " of " + relIds.length + (AGG ? " edges (" + AGG.claims + " claims, per " + AGG.by + ")" : " relations");
    if (state.sel) {
      var kind = state.sel[0], id = state.sel[1];
      if (kind === "node") { if (visibleNodes.has(id)) network.selectNodes([toVis(id)], false); showEntity(id); }
      else { if (visibleEdges.has(id)) { hold([toVis(id)]); network.selectEdges([toVis(id)]); } showRelation(id); }
    }
    if (!(opts && opts.noHash)) writeHash();
  }

  // ---------------------------------------------------------------- URL fragment state
  var NONE = "~";   // the value of an empty list (every box unticked)
  function writeHash() {
    var p = new URLSearchParams();
    [["type", "types"], ["pol", "pols"], ["mod", "mods"], ["src", "srcs"]].forEach(function (kv) {
      var s = state[kv[1]];
      if (s) { if (!s.size) p.append(kv[0], NONE); else Array.from(s).sort().forEach(function (v) { p.append(kv[0], v); }); }
    });
    if (state.from !== null) p.set("from", monthText(state.from));
    if (state.to !== null) p.set("to", monthText(state.to));
    if (!state.undated) p.set("undated", "0");
    if (state.time !== "happened") p.set("time", state.time);
    if (state.contested) p.set("contested", "1");
    if (state.claimants) p.set("claimants", "1");
    if (state.focus) { p.set("focus", state.focus); p.set("hops", String(state.hops)); }
    if (state.sel) p.set(state.sel[0] === "node" ? "entity" : "relation", state.sel[1]);
    if (state.physics !== DATA.physics) p.set("physics", state.physics ? "1" : "0");
    var text = p.toString();
    var hash = text ? "#" + text : "";
    if (location.hash === hash || (!hash && !location.hash)) return;
    try { history.replaceState(null, "", hash || location.pathname + location.search); }
    catch (e) { /* a sandboxed or srcdoc frame: the state just is not shareable there */ }
  }
  function readHash() {
    var st = defaults();
    var p;
    try { p = new URLSearchParams(location.hash.replace(/^#/, "")); } catch (e) { return st; }
    function setOf(key, all) {
      var vals = p.getAll(key);
      if (!vals.length) return null;
      var s = new Set(vals.filter(function (v) { return all.indexOf(v) >= 0; }));
      if (!s.size && vals.indexOf(NONE) < 0) return null;   // only unknown values: no filter
      return setFrom(s, all);
    }
    st.types = setOf("type", allTypes);
    st.pols = setOf("pol", allPols);
    st.mods = setOf("mod", allMods);
    st.srcs = setOf("src", allSrcs);
    function month(key) {
      var v = p.get(key);
      if (!v || tMin === null || !/^\d{4}-\d{2}$/.test(v)) return null;
      var i = Math.max(tMin, Math.min(tMax, monthIndex(v + "-01")));
      return i;
    }
    st.from = month("from"); st.to = month("to");
    if (st.from === tMin) st.from = null;
    if (st.to === tMax) st.to = null;
    if (st.from !== null && st.to !== null && st.from > st.to) { st.from = null; st.to = null; }
    st.undated = p.get("undated") !== "0";
    if (TIMES.indexOf(p.get("time")) >= 0) st.time = p.get("time");
    st.contested = p.get("contested") === "1" && contestedCount > 0;
    st.claimants = p.get("claimants") === "1";
    var f = p.get("focus");
    if (f && hasOwn(ENT, f)) st.focus = f;
    st.hops = clampHops(p.get("hops"));
    var ent = p.get("entity"), rel = p.get("relation");
    if (ent && hasOwn(ENT, ent)) st.sel = ["node", ent];
    else if (rel && hasOwn(REL, rel)) st.sel = ["edge", rel];
    if (p.get("physics") === "0") st.physics = false;
    if (p.get("physics") === "1") st.physics = true;
    return st;
  }
  function restore() {
    state = readHash();
    network.setOptions({physics: {enabled: !!state.physics}});
    apply({noHash: true});
    if (!state.sel) { network.unselectAll(); showOverview(); }
    if (state.focus) network.fit({animation: false});
  }
  window.addEventListener("hashchange", restore);

  // ---------------------------------------------------------------- search
  var searchInput = byId("ag-search"), searchMsg = byId("ag-search-msg");
  var datalist = byId("ag-names"), datalistFilled = false;
  function fillDatalist() {   // on first use: thousands of options cost time at load
    if (datalistFilled) return;
    datalistFilled = true;
    var frag = document.createDocumentFragment();
    names();
    nameList.slice().sort(function (a, b) { return a[0].localeCompare(b[0]); }).slice(0, 20000).forEach(function (pair) {
      var label = pair[0] === ENT[pair[1]].name || pair[0] === pair[1] ? ENT[pair[1]].name + " (" + pair[1] + ")"
        : pair[0] + " → " + ENT[pair[1]].name;
      frag.appendChild(h("option", {value: pair[0], label: label}));
    });
    datalist.appendChild(frag);
  }
  searchInput.addEventListener("focus", fillDatalist);
  /* The entity a search text names: an exact id/name/alias, else the first name that contains it. */
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
    if (!eid) { if (String(text || "").trim()) searchMsg.textContent = "no actor matches"; return null; }
    select("node", eid, true);
    if (!visibleNodes.has(eid)) searchMsg.textContent = ENT[eid].name + " is hidden by the filters";
    return eid;
  }
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (search(searchInput.value)) searchInput.blur(); }  // blur closes the suggestions
  });
  searchInput.addEventListener("change", function () { if (hasOwn(names(), searchInput.value.trim().toLowerCase())) search(searchInput.value); });

  // ---------------------------------------------------------------- toolbar
  var physicsBox = byId("ag-physics");
  physicsBox.addEventListener("change", function () {
    state.physics = physicsBox.checked;
    network.setOptions({physics: {enabled: state.physics}});
    writeHash();
  });
  byId("ag-fit").addEventListener("click", function () { network.fit({animation: {duration: 300}}); });
  function reset() {
    var physics = state.physics, claimants = state.claimants;
    state = defaults();
    state.physics = physics;
    state.claimants = claimants;   // a way of drawing, like physics: not a filter
    searchInput.value = "";
    searchMsg.textContent = "";
    apply();
    network.unselectAll();
    showOverview();
    network.fit({animation: false});
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
    var rels = relIds.filter(function (rid) { return visibleEdges.has(rid); });
    var ents = new Set(visibleNodes), srcs = new Set();
    rels.forEach(function (rid) {
      var r = REL[rid];
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

  // ---------------------------------------------------------------- public API (tests, power users)
  var api = {
    ready: false,
    state: function () {
      return {types: state.types && Array.from(state.types), pols: state.pols && Array.from(state.pols),
              mods: state.mods && Array.from(state.mods), srcs: state.srcs && Array.from(state.srcs),
              from: state.from === null ? null : monthText(state.from), to: state.to === null ? null : monthText(state.to),
              undated: state.undated, time: state.time, contested: state.contested, claimants: state.claimants,
              focus: state.focus, hops: state.hops, sel: state.sel, physics: state.physics};
    },
    visibleNodeIds: function () { return nodesView.getIds().map(fromVis); },
    /* the relations drawn (on a large graph, also those vis-network does not hold yet) */
    visibleEdgeIds: function () {
      return edgeIds.filter(function (rid) { return visibleEdges.has(rid); });
    },
    /* the claimant links drawn ("show claimants"): [claimant, subject, verb, [relation ids]] */
    visibleClaimantLinks: function () {
      return edgesView.getIds().filter(function (id) { return id.charAt(0) === CLAIM_MARK; }).sort().map(function (id) {
        var l = LINKS[id]; return [l.from, l.to, l.verb, l.rels.slice()];
      });
    },
    claimantLinkPoint: function (claimant, subject, verb) {
      return api.edgePoint(CLAIM_MARK + (verb || "asserts") + CLAIM_MARK + claimant + CLAIM_MARK + subject, true);
    },
    /* large graphs: enabled, batched (edges stroked as plain lines in the last frame), pending (edges
       vis-network does not hold yet), completeAt (ms from navigation start when it held them all) */
    lod: function () {
      return {enabled: lod.enabled, batched: lod.batched, scale: LOD_SCALE, pending: lod.pending, completeAt: lod.completeAt};
    },
    select: select, search: search, reset: reset, setFocus: setFocus, visibleData: visibleData,
    findActor: findActor,
    /* DOM (page) coordinates of an entity, or of the middle of a relation's line. */
    nodePoint: function (id) {
      var v = toVis(id), p = network.getPositions([v])[v];
      return p ? domPoint(p) : null;
    },
    edgePoint: function (id, raw) {
      var v = raw ? id : toVis(id);
      if (!raw && hasOwn(REL, id) && visibleEdges.has(id)) hold([v]);
      var e = hasOwn(network.body.edges, v) ? network.body.edges[v] : null;
      if (!e || !e.edgeType) return null;
      var via = e.edgeType.getViaNode ? e.edgeType.getViaNode() : undefined;
      var p = e.edgeType.getPoint(0.5, via);
      return domPoint(p);
    }
  };
  function domPoint(p) {
    var d = network.canvasToDOM(p), r = container.getBoundingClientRect();
    return {x: d.x + r.left, y: d.y + r.top};
  }
  /* for the page's other scripts (reader.js): not a stable interface */
  api.internal = {data: DATA, h: h, clear: clear, srcTitle: srcTitle, voiced: voiced};
  window.actorgraph = api;

  // ---------------------------------------------------------------- start
  buildFocusFilter();
  buildTypeFilter();
  buildPolarityFilter();
  buildModalityFilter();
  buildTimeFilter();
  buildSourceFilter();
  buildClaimsFilter();
  state = readHash();
  if (state.physics !== DATA.physics) network.setOptions({physics: {enabled: !!state.physics}});
  apply({noHash: true});
  if (state.sel) select(state.sel[0], state.sel[1], false); else showOverview();
  if (filtersActive() && !DATA.physics) network.fit({animation: false});
  initDone = true;
  markReady();
})();
