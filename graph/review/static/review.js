// The review page of `actorgraph review`: the article, the candidates, keys, undo, keeping and saving.
// Everything from the draft reaches the page as text (textContent, option values), never as markup.
// Served with a CSP that allows this file and its two companions (review-claim.js, review-entities.js).
(function () {
  "use strict";
  var token = new URLSearchParams(location.search).get("token") || "";
  var S = { data: null, cands: [], ents: [], cur: 0, ecur: -1, seq: 0, rev: 0, ids: { relations: {}, entities: {} },
            marked: [], undo: [] };
  var AG = window.actorgraphReview = { state: function () { return S; }, S: S };
  var $ = AG.$ = function (id) { return document.getElementById(id); };
  var REVIEWER = AG.REVIEWER = "made by the reviewer";

  AG.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  var el = AG.el;
  function api(path, body) {
    var opts = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" },
                                             body: JSON.stringify(body) };
    return fetch(path + "?token=" + encodeURIComponent(token), opts).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; },
                           function () { return { status: r.status, body: { ok: false, problems: ["the server answered " + r.status] } }; });
    });
  }
  var status = AG.status = function (msg) { $("ag-status").textContent = msg; };
  function problems(list) {
    var box = $("ag-problems");
    box.textContent = "";
    (list || []).forEach(function (p) { box.appendChild(el("div", "ag-problem", p)); });
  }
  AG.fill = function (sel, options, value) {
    sel.textContent = "";
    options.forEach(function (o) {
      var opt = el("option", "", o[1]);
      opt.value = o[0];
      sel.appendChild(opt);
    });
    if (value !== undefined && value !== null && value !== "" && !options.some(function (o) { return o[0] === value; })) {
      var extra = el("option", "", value + " (unknown)");
      extra.value = value;
      sel.appendChild(extra);
    }
    sel.value = value === null || value === undefined ? "" : value;
  };
  AG.quotes = function (c) {
    return (c.evidence || []).map(function (ev) { return ev && ev.quote; }).filter(function (q) { return q; });
  };
  AG.claimants = function (c) {
    var v = c.asserted_by;
    return v === undefined || v === null || v === "" ? [] : (Array.isArray(v) ? v.slice() : [v]);
  };
  AG.setClaimants = function (c, list) {
    list = list.filter(function (x, i) { return x && list.indexOf(x) === i; });
    if (!list.length) delete c.asserted_by; else c.asserted_by = list.length === 1 ? list[0] : list;
  };

  // -- changes: every one can be undone and is kept in the draft --------------------------------
  AG.change = function (fn, keepRender) {
    S.undo.push(JSON.stringify({ cands: S.cands, ents: S.ents, cur: S.cur, ecur: S.ecur, marked: S.marked }));
    if (S.undo.length > 500) S.undo.shift();
    fn();
    if (!keepRender) AG.render();
    keep();
  };
  function undo() {
    var last = S.undo.pop();
    if (!last) { status("nothing to undo"); return; }
    var u = JSON.parse(last);
    S.cands = u.cands; S.ents = u.ents; S.cur = u.cur; S.ecur = u.ecur; S.marked = u.marked;
    AG.render();
    keep();
    status("undone");
  }
  // requests go one after the other; a change made while one is out is sent with the next
  var chain = Promise.resolve(), waiting = false;
  function keep() {
    $("ag-kept").textContent = "keeping\u2026";
    if (waiting) return chain;
    waiting = true;
    chain = chain.then(function () {
      waiting = false;
      return api("/api/decisions", { rev: S.rev, relations: S.cands, entities: S.ents }).then(function (res) {
        if (res.body.ok) {
          S.rev = res.body.rev;
          S.ids = res.body.ids;
          if (!waiting) $("ag-kept").textContent = "kept in the draft";
          AG.renderIds();
        } else {
          $("ag-kept").textContent = "NOT kept";
          problems(res.body.problems);
        }
      });
    }).catch(function (err) { $("ag-kept").textContent = "NOT kept: " + err; });
    return chain;
  }

  // -- the article with its highlights --------------------------------------------------------
  AG.findQuote = function (q) {
    var i = q ? S.data.text.indexOf(q) : -1;
    return i < 0 ? null : [i, i + q.length];
  };
  function renderText() {
    var text = S.data.text, marks = [];
    S.data.mentions.forEach(function (m) {
      marks.push([m.start, m.end, "ag-mention", m.entity + (m.via ? " (" + m.via + ")" : "")]);
    });
    S.data.new_names.forEach(function (n) {
      (n.spans || []).forEach(function (s) { marks.push([s[0], s[1], "ag-newname", "new: " + n.name]); });
    });
    (S.data.mentioned || []).forEach(function (n) {  // names in no candidate: select one and press w to add it
      (n.spans || []).forEach(function (s) { marks.push([s[0], s[1], "ag-othername", "other name: " + n.name]); });
    });
    S.cands.forEach(function (c, i) {
      AG.quotes(c).forEach(function (q) {
        var sp = AG.findQuote(q);
        if (sp) marks.push([sp[0], sp[1], i === S.cur ? "ag-current" : "ag-quote", null]);
      });
    });
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m[0], m[1]); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var box = $("ag-text");
    box.textContent = "";
    for (var k = 0; k + 1 < cuts.length; k++) {
      var s = cuts[k], e = cuts[k + 1], span = el("span", "", text.slice(s, e)), titles = [];
      span.dataset.start = String(s);
      marks.forEach(function (m) {
        if (m[0] <= s && e <= m[1]) { span.classList.add(m[2]); if (m[3]) titles.push(m[3]); }
      });
      if (titles.length) span.title = titles.join(", ");
      box.appendChild(span);
    }
  }

  // -- the list of candidates -------------------------------------------------------------------
  AG.label = function (c) {
    var who = AG.claimants(c);
    return (c.subject || "?") + " " + (c.type || "?") + (c.mode ? "/" + c.mode : "") + " \u2192 " + (c.object || "?") +
      " \u00b7 " + (c.modality || "?") + (who.length ? " \u00b7 by " + who.join(", ") : "") + (c.when ? " \u00b7 " + c.when : "");
  };
  function renderList() {
    var ol = $("ag-cands");
    ol.textContent = "";
    var counts = { draft: 0, accepted: 0, rejected: 0, merged: 0, saved: 0 };
    S.cands.forEach(function (c, i) {
      counts[c.status] = (counts[c.status] || 0) + 1;
      var li = el("li", "ag-st-" + c.status + (i === S.cur ? " ag-selected" : ""), AG.label(c));
      li.appendChild(el("span", "ag-badge", c.status === "merged" ? "merged" : c.status));
      if (S.marked.indexOf(c.id) >= 0) li.appendChild(el("span", "ag-badge ag-marked", "marked to merge"));
      if (AG.quotes(c).length > 1) li.appendChild(el("span", "ag-badge", AG.quotes(c).length + " quotes"));
      if (S.data.quotes_not_in_text.indexOf(c.id) >= 0) li.appendChild(el("span", "ag-badge ag-warn", "quote not in the text"));
      li.dataset.index = String(i);
      li.addEventListener("click", function () { select(i); });
      ol.appendChild(li);
    });
    var decided = S.cands.length - counts.draft;
    $("ag-counts").textContent = "(" + S.cands.length + ": " + counts.accepted + " accepted, " + counts.rejected +
      " rejected, " + counts.merged + " merged, " + counts.saved + " saved)";
    $("ag-progress").textContent = decided + " of " + S.cands.length + " decided";
  }
  AG.render = function () { renderText(); renderList(); AG.renderEditor(); AG.renderEntities(); };
  var select = AG.select = function (i) {
    if (!S.cands.length) return;
    S.cur = (i + S.cands.length) % S.cands.length;
    AG.render();
    var li = $("ag-cands").children[S.cur];
    if (li && li.scrollIntoView) li.scrollIntoView({ block: "nearest" });
  };
  function decide(st) {
    var c = S.cands[S.cur];
    if (!c || c.status === "saved") return;
    if (st === "accepted") {
      var missing = ["subject", "type", "object", "modality"].filter(function (f) { return !c[f]; });
      if (!AG.quotes(c).length) missing.push("a quote");
      if (missing.length) { status("choose " + missing.join(", ") + " before accepting"); return; }
    }
    AG.change(function () { c.status = st; if (st !== "merged") delete c.merged_into; }, true);
    status(st + ": " + AG.label(c));
    select(S.cur + 1);
  }

  // -- selections of the article ------------------------------------------------------------------
  AG.selection = function () {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0), box = $("ag-text");
    if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return null;
    function at(node, off) {
      var span = node.nodeType === 3 ? node.parentNode : node;
      if (!span.dataset || span.dataset.start === undefined) return null;
      return Number(span.dataset.start) + (node.nodeType === 3 ? off : 0);
    }
    var s = at(r.startContainer, r.startOffset), e = at(r.endContainer, r.endOffset);
    if (s === null || e === null || e <= s) return null;
    var t = S.data.text;
    while (s < e && /\s/.test(t[s])) s++;
    while (e > s && /\s/.test(t[e - 1])) e--;
    return e > s ? [s, e] : null;
  };
  function newClaim() {
    var off = AG.selection();
    if (!off) { status("select words of the article first"); return; }
    S.seq += 1;
    var c = { id: S.data.source + "-new-" + Date.now().toString(36) + "-" + S.seq, subject: null, type: null, mode: null,
              object: null, modality: null, evidence: [{ source: S.data.source, quote: S.data.text.slice(off[0], off[1]) }],
              status: "draft", cue: REVIEWER };
    AG.change(function () { S.cands.push(c); S.cur = S.cands.length - 1; });
    status("a new claim from the selection: choose its subject, type, object and modality, then accept it");
    $("ag-ed-subject").focus();
  }
  function addQuote() {
    var off = AG.selection(), c = S.cands[S.cur];
    if (!off || !c) { status("select words of the article first"); return; }
    if (c.status === "saved") { status("this claim is saved: it cannot change here"); return; }
    var q = S.data.text.slice(off[0], off[1]);
    if (AG.quotes(c).indexOf(q) >= 0) { status("this quote is there already"); return; }
    AG.change(function () { c.evidence = (c.evidence || []).concat([{ source: S.data.source, quote: q }]); });
    status("quote added: " + AG.quotes(c).length + " quotes");
  }
  function mark() {
    var c = S.cands[S.cur];
    if (!c || c.status === "saved") return;
    var i = S.marked.indexOf(c.id);
    AG.change(function () { if (i >= 0) S.marked.splice(i, 1); else S.marked.push(c.id); });
    status((i >= 0 ? "unmarked: " : "marked to merge: ") + AG.label(c));
  }
  function merge() {
    var into = S.cands[S.cur];
    var others = S.cands.filter(function (c) { return S.marked.indexOf(c.id) >= 0 && c !== into && c.status !== "saved"; });
    if (!into || into.status === "saved" || !others.length) {
      status("mark the candidates to merge (m), go to the one to keep, then merge (g)");
      return;
    }
    AG.change(function () {
      others.forEach(function (o) {
        (o.evidence || []).forEach(function (ev) {
          if (ev && ev.quote && AG.quotes(into).indexOf(ev.quote) < 0) into.evidence.push({ source: ev.source || S.data.source, quote: ev.quote });
        });
        o.status = "merged";
        o.merged_into = into.id;
      });
      S.marked = [];
    });
    status("merged " + others.length + " into this claim: " + AG.quotes(into).length + " quotes");
  }

  // -- loading and saving ---------------------------------------------------------------------------
  function load() {
    return api("/api/state").then(function (res) {
      if (!res.body.text) { problems(res.body.problems); status("cannot load the draft"); return; }
      S.data = res.body;
      S.rev = res.body.rev;
      S.ids = res.body.ids;
      S.cands = res.body.relations.map(function (r) { return JSON.parse(JSON.stringify(r)); });
      S.ents = res.body.entities.map(function (e) { return JSON.parse(JSON.stringify(e)); });
      S.marked = [];
      S.undo = [];
      $("ag-draft").textContent = res.body.draft;
      $("ag-into").textContent = "\u2192 " + res.body.into;
      S.cur = Math.min(S.cur, Math.max(0, S.cands.length - 1));
      AG.setup();
      AG.render();
      document.documentElement.dataset.ready = "1";
    });
  }
  var saving = false;
  function save() {
    if (saving) { status("a save is running: wait for it"); return chain; }
    saving = true;
    $("ag-save").disabled = true;
    status("saving\u2026");
    problems([]);
    chain = chain.then(function () {
      return api("/api/save", { rev: S.rev, relations: S.cands, entities: S.ents }).then(function (res) {
        if (res.body.ok) {
          var b = res.body;
          status("saved " + b.relations + " claims, " + b.entities + " entities and " + b.aliases + " aliases into " +
                 b.into + "; " + b.rejected + " rejected kept in the draft");
          return load();
        }
        status("not saved: " + (res.status === 409 ? "" : "fix the problems below ") + "(nothing was written)");
        problems(res.body.problems);
      });
    }).catch(function (err) { status("not saved: " + err); }).then(function () {
      saving = false;
      $("ag-save").disabled = false;
    });
    return chain;
  }

  var KEYS = {
    j: function () { select(S.cur + 1); }, ArrowDown: function () { select(S.cur + 1); },
    k: function () { select(S.cur - 1); }, ArrowUp: function () { select(S.cur - 1); },
    a: function () { decide("accepted"); }, r: function () { decide("rejected"); },
    e: function () { $("ag-ed-subject").focus(); }, u: undo, s: save, n: newClaim, q: addQuote,
    t: function () { AG.trim(); }, m: mark, g: merge, w: function () { AG.entityFromSelection(); }
  };
  function init() {
    $("ag-accept").addEventListener("click", function () { decide("accepted"); });
    $("ag-reject").addEventListener("click", function () { decide("rejected"); });
    $("ag-edit").addEventListener("click", KEYS.e);
    $("ag-next").addEventListener("click", KEYS.j);
    $("ag-prev").addEventListener("click", KEYS.k);
    $("ag-undo").addEventListener("click", undo);
    $("ag-save").addEventListener("click", save);
    $("ag-mark").addEventListener("click", mark);
    $("ag-merge").addEventListener("click", merge);
    $("ag-new-claim").addEventListener("click", newClaim);
    $("ag-add-quote").addEventListener("click", addQuote);
    $("ag-new-entity-sel").addEventListener("click", KEYS.w);
    Array.prototype.forEach.call(document.querySelectorAll(".ag-keeps-selection"), function (b) {
      b.addEventListener("mousedown", function (ev) { ev.preventDefault(); });   // the selection stays
    });
    ["ag-editor", "ag-ent-editor"].forEach(function (f) {
      $(f).addEventListener("submit", function (ev) { ev.preventDefault(); });
    });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target && ev.target.tagName;
      if (ev.ctrlKey && ev.key === "s") { ev.preventDefault(); save(); return; }
      if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) {
        if (ev.key === "Escape" && ev.target.blur) ev.target.blur();
        return;
      }
      var act = KEYS[ev.key];
      if (act && S.data) { ev.preventDefault(); act(); }
    });
    load().catch(function (err) { status("cannot load the draft: " + err); });
  }
  AG.keep = keep;
  AG.saveNow = save;
  document.addEventListener("DOMContentLoaded", init);
}());
