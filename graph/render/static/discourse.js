/* actorgraph page: "who sides with whom" -- the discourse network (graph/analysis/discourse.py) over the
 * graph: the claimants as nodes (an entity in asserted_by, or a source's own voice, its author), each
 * coloured and placed by its camp; a green line between two that take the same stance on claim groups
 * (congruence), a red one between two that take opposite stances (conflict), its width and label by
 * their number. A click on a line lists the groups the pair agrees or disagrees on, each side's claims
 * and quotes, each claim one click from the main panel. Exact, or with the roll-up (the page's
 * "count offices and people as their state"); open, closed and rolled up in the URL (sides=1, rollup=1).
 *
 * Runs after app.js and uses its window.actorgraph (api.sides). Its own vis-network, made when first
 * opened. Same safety rule: data strings reach the DOM only as text.
 */
(function () {
  "use strict";

  var api = window.actorgraph, P = api.internal, X = P.cross, h = P.h, clear = P.clear, name = P.name, srcTitle = P.srcTitle;
  var append = window.actorgraphDom.append;
  var L = window.actorgraphLib, toVis = L.drawing.toVis, fromVis = L.drawing.fromVis, pairOf = L.cross.pair;
  var SRC = P.data.sources;
  var button = document.getElementById("ag-sides-open"), box = document.getElementById("ag-sides");
  if (!X.available || !button || !box) return;   // an aggregated page: no claims to tie claimants by
  button.hidden = false;

  var AGREE = "#2e9a4b", DISAGREE = "#d0413a";
  var CAMPS = {1: "#4f7fc4", 2: "#e08a2c", 0: "#bdbdbd"};
  var CAMP_TEXT = {1: "camp 1", 2: "camp 2", 0: "not placed"};
  var network = null, nodes = null, edges = null, container = null, pane = null, head = null;
  var shown = null, drawnAt = 0;   // the network drawn (exact or rolled), and when
  var net = null, edgeOf = {};     // the network's data (cross.js), vis edge id -> [edge row, kind]

  function state() { return P.state(); }
  function rolled() { return !!(state().rollup && X.rolls); }
  /* A claimant's name: an entity's, or "the author of" a source. */
  function claimantName(c) {
    if (c.indexOf(X.AUTHOR + ":") === 0) {
      var sid = c.slice(X.AUTHOR.length + 1), s = Object.prototype.hasOwnProperty.call(SRC, sid) ? SRC[sid] : null;
      return "the author of " + (s && s.title ? s.title : sid);
    }
    return name(c);
  }
  /* A claimant's label on the drawing: its name, a long one cut short (the tooltip and the pane say it whole). */
  function shortName(c) {
    var n = claimantName(c);
    return n.length <= 34 ? n : n.slice(0, 32) + "\u2026";
  }
  /* The width of a line of n claim groups. */
  function width(n) { return Math.min(16, 1 + 2 * n); }

  // ---------------------------------------------------------------- the view's frame
  function build() {
    head = h("div", {cls: "ag-sides-head"});
    container = h("div", {id: "ag-sides-network"});
    container.setAttribute("aria-label", "The claimants, and who sides with whom");
    pane = h("div", {cls: "ag-sides-pane"});
    pane.setAttribute("aria-live", "polite");
    box.appendChild(head);
    box.appendChild(h("div", {cls: "ag-sides-body"}, container, pane));
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && !box.hidden) close(); });
  }
  function key(colour, text, line) {
    var sw = h("span", {cls: line ? "ag-sides-line" : "ag-sides-dot"});
    sw.style.background = colour;
    return h("span", {cls: "ag-sides-key"}, sw, text);
  }
  function header() {
    clear(head);
    var camps = net.claimants.filter(function (c) { return c[1]; }).length;
    head.appendChild(h("h2", {text: "Who sides with whom"}));
    head.appendChild(h("span", {cls: "ag-muted", text: net.claimants.length + " claimant" + (net.claimants.length === 1 ? "" : "s") +
      " \u00b7 " + net.edges.length + " pair" + (net.edges.length === 1 ? "" : "s") +
      (camps ? " \u00b7 camps: " + (net.method === "exact" ? "exact (every split examined)" : "heuristic (not guaranteed optimal)") : "")}));
    if (X.rolls) {
      var b = h("input", {type: "checkbox", id: "ag-sides-rollup", checked: rolled(),
                          on: {change: function () { state().rollup = b.checked; P.changed(); }}});
      head.appendChild(h("label", {title: "An office or a person counts as the state or organisation at the top of its part_of chain (as --roll-up)"},
        b, " count offices and people as their state"));
    }
    head.appendChild(h("span", null, key(CAMPS[1], "camp 1"), " ", key(CAMPS[2], "camp 2"), " ", key(CAMPS[0], "not placed"), " ",
      key(AGREE, "same stance (congruence)", true), " ", key(DISAGREE, "opposite stances (conflict)", true)));
    head.appendChild(h("button", {type: "button", cls: "ag-sides-close", text: "Close", title: "Back to the graph (Esc)", on: {click: close}}));
  }

  // ---------------------------------------------------------------- the drawing
  /* Camp 1 on arcs on the left, camp 2 on arcs on the right (a line inside a camp is a chord, a line
     across goes through the middle), claimants not placed in a grid in the middle; in each, the
     claimants with most pairs first. */
  function positions() {
    var deg = net.claimants.map(function () { return 0; }), at = {};
    net.edges.forEach(function (e) { deg[e[0]]++; deg[e[1]]++; });
    var camp = {1: [], 2: [], 0: []};
    net.claimants.forEach(function (c, i) { camp[c[1] || 0].push(i); });
    Object.keys(camp).forEach(function (k) {
      camp[k].sort(function (a, b) { return deg[b] - deg[a] || (net.claimants[a][0] < net.claimants[b][0] ? -1 : 1); });
    });
    var STEP = 80, mid = camp[0], cols = Math.ceil(Math.sqrt(mid.length)), rows = Math.ceil(mid.length / Math.max(cols, 1));
    mid.forEach(function (ci, k) {
      at[ci] = {x: (k % cols - (cols - 1) / 2) * 1.8 * STEP, y: (Math.floor(k / cols) - (rows - 1) / 2) * STEP};
    });
    var r0 = Math.max(220, cols * 0.9 * STEP + 170), SPAN = 2.6;   // each arc: 150 degrees around its side
    [[camp[1], Math.PI], [camp[2], 0]].forEach(function (side) {
      var list = side[0], k = 0, r = r0;
      while (k < list.length) {
        var fit = Math.max(1, Math.floor(r * SPAN / STEP)), n = Math.min(fit, list.length - k);
        for (var j = 0; j < n; j++, k++) {
          var t = side[1] + (n === 1 ? 0 : (j / (n - 1) - 0.5) * SPAN * Math.min(1, n / fit + 0.35));
          at[list[k]] = {x: 1.25 * r * Math.cos(t), y: r * Math.sin(t)};
        }
        r += 1.5 * STEP;
      }
    });
    return at;
  }
  function draw() {
    net = X.network(rolled());
    var at = positions(), nodeItems = [], edgeItems = [];
    edgeOf = {};
    var pairs = net.claimants.map(function () { return 0; });
    net.edges.forEach(function (e) { pairs[e[0]]++; pairs[e[1]]++; });
    net.claimants.forEach(function (c, i) {
      var author = c[0].indexOf(X.AUTHOR + ":") === 0, colour = CAMPS[c[1] || 0];
      nodeItems.push({id: toVis(c[0]), label: shortName(c[0]), x: at[i].x, y: at[i].y, shape: author ? "diamond" : "dot",
        size: author ? 11 : 13, color: {background: colour, border: "#555555", highlight: {background: colour, border: "#111111"},
                                        hover: {background: colour, border: "#111111"}},
        title: claimantName(c[0]) + " (" + c[0] + ")\n" + CAMP_TEXT[c[1] || 0] + "\n" + pairs[i] + " pair" + (pairs[i] === 1 ? "" : "s") +
               (author ? "\na source's own voice" : "")});
    });
    net.edges.forEach(function (e, k) {
      var a = net.claimants[e[0]][0], b = net.claimants[e[1]][0], both = e[2] > 0 && e[3] > 0;
      [["c", e[2], AGREE, "congruence", "the same stance on", "curvedCW"], ["x", e[3], DISAGREE, "conflict", "opposite stances on", "curvedCCW"]]
        .forEach(function (kind) {
          if (!kind[1]) return;
          var id = kind[0] + k;
          edgeOf[id] = [e, kind[3]];
          edgeItems.push({id: id, from: toVis(a), to: toVis(b), label: String(kind[1]), width: width(kind[1]),
            color: {color: kind[2], highlight: kind[2], hover: kind[2], opacity: 0.85},
            smooth: both ? {enabled: true, type: kind[5], roundness: 0.18} : {enabled: false},
            title: claimantName(a) + " \u2014 " + claimantName(b) + ": " + kind[4] + " " + kind[1] + " claim group" +
                   (kind[1] === 1 ? "" : "s") + " (" + kind[3] + ")\nclick for the groups and quotes"});
        });
    });
    if (!network) {
      nodes = new vis.DataSet(nodeItems);
      edges = new vis.DataSet(edgeItems);
      network = new vis.Network(container, {nodes: nodes, edges: edges}, {
        physics: {enabled: false}, autoResize: true,
        interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: false, selectConnectedEdges: false},
        nodes: {font: {size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff"}, borderWidth: 1.5},
        edges: {font: {size: 13, color: "#333333", strokeWidth: 3, strokeColor: "#ffffff", align: "middle"}, arrows: {to: {enabled: false}},
                selectionWidth: 2, hoverWidth: 1}
      });
      network.on("click", onClick);
      network.on("afterDrawing", function () { drawnAt = performance.now(); });
    } else {
      edges.clear(); nodes.clear();
      nodes.add(nodeItems); edges.add(edgeItems);
    }
    shown = rolled();
    header();
    overview();
    network.fit({animation: false});
    setTimeout(function () { network.fit({animation: false}); }, 0);   // once the browser has laid the view out
  }

  // ---------------------------------------------------------------- the pane: a pair, a claimant, the overview
  function overview() {
    clear(pane);
    pane.appendChild(h("p", {text: "A claimant (an actor in asserted_by, or a source's own voice) asserts a claim group (subject, type, " +
      "object) when it reports or claims it, and denies it when it denies it. Two claimants agree (green) on the groups on which they take " +
      "the same stance and disagree (red) on those on which they take opposite stances; the two camps are the split with the most " +
      "agreement inside and disagreement across. Every claim of this page counts, whatever the filters."}));
    pane.appendChild(h("p", {cls: "ag-muted", text: net.edges.length ? "Click a line for the claim groups and quotes behind it, a claimant for its pairs."
      : "No two claimants take a stance on the same claim group."}));
    [1, 2].forEach(function (k) {
      var list = net.claimants.filter(function (c) { return c[1] === k; });
      if (!list.length) return;
      pane.appendChild(h("h4", null, key(CAMPS[k], "Camp " + k + " \u00b7 " + list.length)));
      pane.appendChild(h("ul", null, list.map(function (c) { return h("li", null, claimantButton(c[0])); })));
    });
  }
  function claimantButton(c) {
    return h("button", {type: "button", cls: "ag-linkbtn", text: claimantName(c), title: c, dir: "auto",
                        on: {click: function () { showClaimant(c); }}});
  }
  function entityLink(eid) {
    return h("button", {type: "button", cls: "ag-linkbtn", text: name(eid), title: eid, dir: "auto",
                        on: {click: function () { api.select("node", eid, true); }}});
  }
  function claimButton(rid) {
    return h("button", {type: "button", cls: "ag-linkbtn", text: P.voiced(rid), title: "open the claim " + rid + " in the panel",
                        on: {click: function () { api.select("edge", rid, true); }}});
  }
  function showClaimant(c) {
    var i = net.claimants.findIndex(function (x) { return x[0] === c; });
    if (i < 0) return false;
    clear(pane);
    var camp = net.claimants[i][1] || 0;
    pane.appendChild(h("h3", {text: claimantName(c), dir: "auto"}));
    pane.appendChild(h("div", null, key(CAMPS[camp], CAMP_TEXT[camp]), " \u00b7 ",
      Object.prototype.hasOwnProperty.call(P.data.entities, c) ? entityLink(c) : h("span", {cls: "ag-muted", text: c})));
    var mine = net.edges.filter(function (e) { return e[0] === i || e[1] === i; })
      .sort(function (a, b) { return (b[2] + b[3]) - (a[2] + a[3]); });
    pane.appendChild(h("h4", {text: mine.length + " pair" + (mine.length === 1 ? "" : "s")}));
    pane.appendChild(h("ul", null, mine.map(function (e) {
      var other = net.claimants[e[0] === i ? e[1] : e[0]][0];
      return h("li", null, h("button", {type: "button", cls: "ag-linkbtn", text: claimantName(other), dir: "auto",
                                        on: {click: function () { showPair(e); }}}),
        h("span", {cls: "ag-muted", text: " \u00b7 congruence " + e[2] + ", conflict " + e[3]}));
    })));
    network.selectNodes([toVis(c)]);
    return true;
  }
  /* What pair e stands on: each group, agreed or disagreed on, each side's claims with their quotes. */
  function showPair(e) {
    clear(pane);
    var a = net.claimants[e[0]][0], b = net.claimants[e[1]][0];
    pane.appendChild(h("h3", null, claimantButton(a), " \u2014 ", claimantButton(b)));
    pane.appendChild(h("div", null, h("span", {cls: "ag-sides-agree", text: "congruence " + e[2]}), " \u00b7 ",
      h("span", {cls: "ag-sides-disagree", text: "conflict " + e[3]}),
      h("span", {cls: "ag-muted", text: e[4] === null || e[4] === undefined ? "" : " \u00b7 weight " + (e[4] > 0 ? "+" : "") + e[4].toFixed(2) +
        " (agreements less disagreements, over the groups either takes a stance on)"})));
    pairOf(net, e).forEach(function (g) {
      var verdict = g.kind === "congruence" ? ["ag-sides-agree", "the same stance"] : g.kind === "conflict"
        ? ["ag-sides-disagree", "opposite stances"] : ["ag-sides-disagree", "both: one of them holds both stances"];
      pane.appendChild(h("h4", null, entityLink(g.group[0]), " " + g.group[1] + " ", entityLink(g.group[2]), " \u2014 ",
        h("span", {cls: verdict[0], text: verdict[1]})));
      [[a, g.a], [b, g.b]].forEach(function (side) {
        var ul = h("ul");
        side[1].forEach(function (claim) {
          var li = h("li", null, h("strong", {text: claimantName(side[0]) + (claim.stance > 0 ? " asserts" : " denies")}),
            h("span", {cls: "ag-muted", text: " \u00b7 in " + srcTitle(claim.source)}), h("br"));
          claim.relations.forEach(function (rid, k) {
            append(li, [k ? " \u00b7 " : "", claimButton(rid)]);
            X.quotes(rid, claim.source).forEach(function (q) {
              var bq = h("blockquote", {text: "\u201c" + q + "\u201d", dir: "auto", title: "open the claim " + rid, tabIndex: 0});
              bq.style.cursor = "pointer";
              bq.addEventListener("click", function () { api.select("edge", rid, true); });
              li.appendChild(bq);
            });
          });
          ul.appendChild(li);
        });
        pane.appendChild(ul);
      });
    });
    var ids = Object.keys(edgeOf).filter(function (id) { return edgeOf[id][0] === e; });
    network.setSelection({nodes: [], edges: ids}, {unselectAll: true, highlightEdges: false});
    return true;
  }
  function onClick(params) {
    if (params.nodes && params.nodes.length) showClaimant(fromVis(params.nodes[0]));
    else if (params.edges && params.edges.length && edgeOf[params.edges[0]]) showPair(edgeOf[params.edges[0]][0]);
    else { network.unselectAll(); overview(); }
  }

  // ---------------------------------------------------------------- open, close, follow the state
  function sync(st) {
    box.hidden = !st.sides;
    button.setAttribute("aria-pressed", st.sides ? "true" : "false");
    if (!st.sides) return;
    if (!container) build();
    if (network === null || shown !== rolled()) draw();
    else if (X.rolls) document.getElementById("ag-sides-rollup").checked = rolled();
  }
  function open() { state().sides = true; P.changed(); }
  function close() { state().sides = false; P.changed(); }
  button.addEventListener("click", function () { if (state().sides) close(); else open(); });
  P.follow(sync);
  sync(state());

  /* for tests and scripts: the view's vis-network, and where a line or a claimant is on the screen */
  api.sides = {
    open: open, close: close,
    isOpen: function () { return !box.hidden; },
    network: function () { return network; },
    /* the network shown: {claimants: [[id, camp]], edges: [[a, b, congruence, conflict, weight, [group]]], ...} */
    data: function () { return box.hidden ? null : net; },
    drawnAt: function () { return drawnAt; },
    /* DOM coordinates of the middle of a drawn line (vis id), or of a claimant's node */
    edgePoint: function (id) {
      var p = network && L.lod.edgeMiddle(network, P.data.vis_version, id);
      if (!p) return null;
      var d = network.canvasToDOM(p);
      var r = container.getBoundingClientRect();
      return {x: d.x + r.left, y: d.y + r.top};
    },
    nodePoint: function (c) {
      var v = toVis(c), p = network && network.getPositions([v])[v];
      if (!p) return null;
      var d = network.canvasToDOM(p), r = container.getBoundingClientRect();
      return {x: d.x + r.left, y: d.y + r.top};
    },
    /* the vis edge ids that draw the pair of claimants a and b */
    edgesOf: function (a, b) {
      return Object.keys(edgeOf).filter(function (id) {
        var e = edgeOf[id][0], x = net.claimants[e[0]][0], y = net.claimants[e[1]][0];
        return (x === a && y === b) || (x === b && y === a);
      }).sort();
    },
    paneText: function () { return pane ? pane.textContent : ""; }
  };
})();
