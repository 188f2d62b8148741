/* actorgraph page: the reader panel. A source's stored text, every quote of every claim highlighted;
 * clicking a highlight opens the claim (again: the next claim quoting the same words); a claim's quote
 * in the details panel scrolls the reader to it.
 *
 * Runs after app.js and uses its window.actorgraph. Same safety rule: the text only ever reaches the
 * DOM as text nodes. The text is built once per source, when first opened, in one DocumentFragment:
 * a 200 kB text with 500 highlights is a few thousand nodes.
 */
(function () {
  "use strict";

  var api = window.actorgraph;
  var I = api.internal, DATA = I.data, h = I.h, clear = I.clear;
  var READER = DATA.reader || {};
  var REL = DATA.relations;
  var hasOwn = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var pane = document.getElementById("ag-reader");

  var built = Object.create(null);   // source id -> {body, firstEl: [element of mark i], byKey}
  var current = null;

  function stanceClass(rid) {
    var m = hasOwn(REL, rid) ? REL[rid].modality : "";
    if (m === "denied") return "ag-m-denied";
    if (m === "reported" || m === "claimed") return "ag-m-asserted";
    return "ag-m-other";
  }

  /* The text cut at every mark boundary; each piece inside a mark is a <mark> that knows its marks. */
  function build(sid) {
    var src = READER[sid], text = src.text, marks = src.marks;
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m[0], m[1]); });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    var starts = Object.create(null), ends = Object.create(null);
    marks.forEach(function (m, i) {
      (starts[m[0]] = starts[m[0]] || []).push(i);
      (ends[m[1]] = ends[m[1]] || []).push(i);
    });
    var frag = document.createDocumentFragment();
    var active = [], firstEl = new Array(marks.length), owners = new Map();
    for (var c = 0; c < cuts.length - 1; c++) {
      var a = cuts[c], b = cuts[c + 1];
      if (ends[a]) active = active.filter(function (i) { return ends[a].indexOf(i) < 0; });
      if (starts[a]) active = active.concat(starts[a]);
      if (b <= a) continue;
      var piece = text.slice(a, b);
      if (!active.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var el = document.createElement("mark");
      el.textContent = piece;
      var rids = active.map(function (i) { return marks[i][2]; });
      el.className = "ag-hl " + stanceClass(rids[0]) + (active.length > 1 ? " ag-hl-many" : "");
      el.title = rids.filter(function (r, k) { return rids.indexOf(r) === k; }).map(function (r) {
        return hasOwn(REL, r) ? I.voiced(r) + ": " + REL[r].subject + " " + REL[r].type + " " + REL[r].object : r;
      }).join("\n");
      owners.set(el, active.slice());
      active.forEach(function (i) { if (!firstEl[i]) firstEl[i] = el; });
      frag.appendChild(el);
    }
    var body = h("div", {cls: "ag-reader-text"});
    body.appendChild(frag);
    var next = new Map();   // clicks on the same words cycle through the claims quoting them
    body.addEventListener("click", function (ev) {
      var el = ev.target;
      if (!el || el.tagName !== "MARK" || !owners.has(el)) return;
      var list = owners.get(el), k = next.get(el) || 0;
      var m = marks[list[k % list.length]];
      next.set(el, k + 1);
      highlight(sid, [list[k % list.length]]);
      api.select("edge", m[2], true);
    });
    var byKey = Object.create(null);
    marks.forEach(function (m, i) { byKey[m[2] + "\u0000" + m[3]] = i; });
    return {body: body, firstEl: firstEl, byKey: byKey, owners: owners};
  }

  function header(sid) {
    var s = hasOwn(DATA.sources, sid) ? DATA.sources[sid] : {};
    var n = READER[sid].marks.length, missing = READER[sid].missing || [];
    return h("div", {cls: "ag-reader-head"},
      h("button", {type: "button", cls: "ag-reader-close", text: "Close", title: "Close the reader",
                   on: {click: close}}),
      h("h2", {text: s.title || sid, dir: "auto"}),
      h("div", {cls: "ag-muted", text: [s.kind, s.published, s.author, s.outlet].filter(Boolean).join(" · ") +
        " — " + n + " highlighted quote" + (n === 1 ? "" : "s") + " (click one to open its claim)"}),
      s.note ? h("div", {cls: "ag-source-note", text: "note: " + s.note, dir: "auto"}) : null,
      missing.length ? h("div", {cls: "ag-muted", text: "quotes not found in this text: " + missing.join(", ")}) : null);
  }

  function open(sid) {
    if (!hasOwn(READER, sid)) return false;
    if (current !== sid) {
      if (!built[sid]) built[sid] = build(sid);
      clear(pane);
      pane.appendChild(header(sid));
      pane.appendChild(built[sid].body);
      pane.scrollTop = 0;
      current = sid;
    }
    pane.hidden = false;
    pane.setAttribute("data-source", sid);
    return true;
  }
  function close() {
    pane.hidden = true;
    pane.removeAttribute("data-source");
  }
  function highlight(sid, indexes) {
    var b = built[sid];
    Array.prototype.forEach.call(b.body.querySelectorAll("mark.ag-current"), function (el) {
      el.classList.remove("ag-current");
    });
    b.owners.forEach(function (list, el) {
      if (list.some(function (i) { return indexes.indexOf(i) >= 0; })) el.classList.add("ag-current");
    });
  }
  /* Open the reader on source sid and scroll to the quote of evidence k of claim rid. */
  function show(sid, rid, k) {
    if (!open(sid)) return false;
    var b = built[sid], i = b.byKey[rid + "\u0000" + k];
    if (i === undefined) return false;
    highlight(sid, [i]);
    var el = b.firstEl[i];
    el.scrollIntoView({block: "center"});
    return true;
  }
  function hasMark(sid, rid, k) {
    return hasOwn(READER, sid) && READER[sid].marks.some(function (m) { return m[2] === rid && m[3] === k; });
  }

  api.reader = {
    open: open, close: close, show: show, hasMark: hasMark,
    current: function () { return pane.hidden ? null : current; },
    /* for tests: the highlighted pieces of the open text ([text, [relation ids]]) */
    highlights: function () {
      if (pane.hidden || !current) return [];
      var b = built[current], out = [];
      b.owners.forEach(function (list, el) {
        out.push([el.textContent, list.map(function (i) { return READER[current].marks[i][2]; })]);
      });
      return out;
    }
  };
  // a selected claim re-shows its panel, whose quotes now know the reader: redraw it
  if (api.state().sel && api.state().sel[0] === "edge") api.select("edge", api.state().sel[1], false);
})();
