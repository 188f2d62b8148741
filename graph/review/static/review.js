// The review page of `actorgraph review`: everything from the draft reaches the page as text
// (textContent, option values), never as markup. Served with a CSP that allows this file only.
(function () {
  "use strict";
  var token = new URLSearchParams(location.search).get("token") || "";
  var S = { data: null, cands: [], ents: [], cur: 0, seq: 0 };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function api(path, body) {
    var opts = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" },
                                             body: JSON.stringify(body) };
    return fetch(path + "?token=" + encodeURIComponent(token), opts).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; });
    });
  }
  function status(msg) { $("ag-status").textContent = msg; }
  function problems(list) {
    var box = $("ag-problems");
    box.textContent = "";
    (list || []).forEach(function (p) { box.appendChild(el("div", "ag-problem", p)); });
  }

  // -- the article with its highlights --------------------------------------------------------
  function quoteSpan(c) {
    var q = c.evidence && c.evidence[0] && c.evidence[0].quote;
    var i = q ? S.data.text.indexOf(q) : -1;
    return i < 0 ? null : [i, i + q.length];
  }
  function renderText() {
    var text = S.data.text, marks = [];
    S.data.mentions.forEach(function (m) {
      marks.push([m.start, m.end, "ag-mention", m.entity + (m.via ? " (" + m.via + ")" : "")]);
    });
    S.data.new_names.forEach(function (n) {
      (n.spans || []).forEach(function (s) { marks.push([s[0], s[1], "ag-newname", "new: " + n.name]); });
    });
    S.cands.forEach(function (c, i) {
      var sp = quoteSpan(c);
      if (sp) marks.push([sp[0], sp[1], i === S.cur ? "ag-current" : "ag-quote", null]);
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

  // -- the candidates and the editor ----------------------------------------------------------
  function label(c) {
    return c.subject + " " + c.type + (c.mode ? "/" + c.mode : "") + " \u2192 " + c.object + " \u00b7 " +
      c.modality + (c.asserted_by ? " \u00b7 by " + c.asserted_by : "");
  }
  function renderList() {
    var ol = $("ag-cands");
    ol.textContent = "";
    var counts = { draft: 0, accepted: 0, rejected: 0, saved: 0 };
    S.cands.forEach(function (c, i) {
      counts[c.status] = (counts[c.status] || 0) + 1;
      var li = el("li", "ag-st-" + c.status + (i === S.cur ? " ag-selected" : ""), label(c));
      li.appendChild(el("span", "ag-badge", c.status));
      li.dataset.index = String(i);
      li.addEventListener("click", function () { select(i); });
      ol.appendChild(li);
    });
    $("ag-counts").textContent = "(" + S.cands.length + ": " + counts.accepted + " accepted, " +
      counts.rejected + " rejected, " + counts.saved + " saved)";
  }
  function entityIds() {
    var ids = S.data.known.map(function (e) { return [e.id, e.id + " \u2014 " + e.name]; });
    S.ents.forEach(function (e) {
      if (e.status !== "rejected") ids.push([e.id, e.id + " \u2014 " + e.name + " (new)"]);
    });
    return ids;
  }
  function fill(sel, options, value) {
    sel.textContent = "";
    options.forEach(function (o) {
      var opt = el("option", "", o[1]);
      opt.value = o[0];
      sel.appendChild(opt);
    });
    if (value !== undefined && value !== null && !options.some(function (o) { return o[0] === value; })) {
      var extra = el("option", "", value + " (unknown)");
      extra.value = value;
      sel.appendChild(extra);
    }
    sel.value = value === null || value === undefined ? "" : value;
  }
  function renderEditor() {
    var c = S.cands[S.cur], form = $("ag-editor");
    form.hidden = !c;
    if (!c) return;
    var ids = entityIds(), v = S.data.vocab;
    $("ag-ed-quote").textContent = "\u201c" + ((c.evidence && c.evidence[0] && c.evidence[0].quote) || "") + "\u201d";
    fill($("ag-ed-subject"), ids, c.subject);
    fill($("ag-ed-object"), ids, c.object);
    fill($("ag-ed-asserted"), [["", "the source's author"]].concat(ids), c.asserted_by || "");
    fill($("ag-ed-type"), Object.keys(v.types).map(function (t) { return [t, t]; }), c.type);
    fill($("ag-ed-mode"), [["", "(none)"]].concat((v.types[c.type] || []).map(function (m) { return [m, m]; })),
         c.mode || "");
    fill($("ag-ed-modality"), v.modalities.map(function (m) { return [m, m]; }), c.modality);
    $("ag-ed-cue").textContent = "why: " + (c.cue || "") + (c.confidence !== undefined ? " (confidence " + c.confidence + ")" : "");
    var locked = c.status === "saved";
    Array.prototype.forEach.call(form.querySelectorAll("select, button"), function (x) { x.disabled = locked; });
    $("ag-next").disabled = false;
  }
  function render() { renderText(); renderList(); renderEditor(); renderNames(); }
  function select(i) {
    if (!S.cands.length) return;
    S.cur = (i + S.cands.length) % S.cands.length;
    render();
    var li = $("ag-cands").children[S.cur];
    if (li && li.scrollIntoView) li.scrollIntoView({ block: "nearest" });
  }
  function edit(field, value) {
    var c = S.cands[S.cur];
    if (!c || c.status === "saved") return;
    c[field] = value === "" ? null : value;
    if (field === "type") {
      var modes = S.data.vocab.types[value] || [];
      if (modes.indexOf(c.mode) < 0) c.mode = null;
    }
    render();
  }
  function decide(st) {
    var c = S.cands[S.cur];
    if (!c || c.status === "saved") return;
    c.status = st;
    status(st + ": " + label(c));
    select(S.cur + 1);
  }

  // -- new names and new claims -------------------------------------------------------------------
  function renderNames() {
    var ul = $("ag-names");
    ul.textContent = "";
    S.ents.forEach(function (e) {
      var li = el("li", "ag-st-" + e.status);
      li.appendChild(el("span", "ag-name", e.name));
      var nn = S.data.new_names.filter(function (n) { return n.id === e.id || n.name === e.name; })[0];
      if (nn) li.appendChild(el("span", "ag-badge", nn.count + "\u00d7"));
      var kind = el("select", "ag-kind");
      fill(kind, [["", "kind\u2026"]].concat(S.data.vocab.kinds.map(function (k) { return [k, k]; })), e.kind || "");
      kind.addEventListener("change", function () { e.kind = kind.value || null; });
      var id = el("input", "ag-id");
      id.value = e.id;
      id.setAttribute("aria-label", "id of " + e.name);
      id.addEventListener("change", function () {
        var old = e.id;
        e.id = id.value.trim() || old;
        S.cands.forEach(function (c) {
          ["subject", "object", "asserted_by"].forEach(function (f) { if (c[f] === old) c[f] = e.id; });
        });
        render();
      });
      var add = el("button", "ag-add", e.status === "accepted" ? "added" : "Add entity");
      add.type = "button";
      add.disabled = e.status === "saved";
      add.addEventListener("click", function () {
        if (!e.kind) { status("choose a kind for " + e.name + " first"); return; }
        e.status = "accepted";
        status("entity added: " + e.id);
        render();
      });
      var rej = el("button", "ag-drop", "Reject");
      rej.type = "button";
      rej.disabled = e.status === "saved";
      rej.addEventListener("click", function () { e.status = "rejected"; render(); });
      [kind, id, add, rej].forEach(function (x) { li.appendChild(x); });
      if (e.status === "saved") li.appendChild(el("span", "ag-badge", "saved"));
      ul.appendChild(li);
    });
  }
  function selectionOffsets() {
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
  }
  function newClaim() {
    var off = selectionOffsets();
    if (!off) { status("select words of the article first"); return; }
    var inside = S.data.mentions.filter(function (m) { return m.start >= off[0] && m.end <= off[1]; });
    var ids = entityIds();
    var subj = inside[0] ? inside[0].entity : (ids[0] || [""])[0];
    var obj = inside.filter(function (m) { return m.entity !== subj; })[0];
    S.seq += 1;
    S.cands.push({ id: S.data.source + "-reviewer-" + Date.now().toString(36) + "-" + S.seq, subject: subj,
                   type: "CONSULT", mode: null, object: obj ? obj.entity : subj, modality: "reported",
                   asserted_by: null, evidence: [{ source: S.data.source, quote: S.data.text.slice(off[0], off[1]) }],
                   status: "draft", cue: "made by the reviewer from a selection", confidence: 1 });
    select(S.cands.length - 1);
    status("new claim from the selection: edit it, then accept it");
    $("ag-ed-subject").focus();
  }

  // -- loading and saving ---------------------------------------------------------------------------
  function load() {
    return api("/api/state").then(function (res) {
      S.data = res.body;
      S.cands = res.body.relations.map(function (r) { return Object.assign({}, r); });
      S.ents = res.body.entities.map(function (e) { return Object.assign({}, e); });
      $("ag-draft").textContent = res.body.draft;
      $("ag-into").textContent = "\u2192 " + res.body.into;
      S.cur = Math.min(S.cur, Math.max(0, S.cands.length - 1));
      render();
      document.documentElement.dataset.ready = "1";
    });
  }
  function save() {
    status("saving\u2026");
    problems([]);
    return api("/api/save", { relations: S.cands, entities: S.ents }).then(function (res) {
      if (res.body.ok) {
        status("saved " + res.body.relations + " claims and " + res.body.entities + " entities into " +
               res.body.into + "; " + res.body.rejected + " rejected kept in the draft");
        return load();
      }
      status("not saved: fix the problems below (nothing was written)");
      problems(res.body.problems);
    }).catch(function (err) { status("not saved: " + err); });
  }

  function init() {
    [["ag-ed-subject", "subject"], ["ag-ed-object", "object"], ["ag-ed-type", "type"], ["ag-ed-mode", "mode"],
     ["ag-ed-modality", "modality"], ["ag-ed-asserted", "asserted_by"]].forEach(function (p) {
      $(p[0]).addEventListener("change", function (ev) { edit(p[1], ev.target.value); });
    });
    $("ag-accept").addEventListener("click", function () { decide("accepted"); });
    $("ag-reject").addEventListener("click", function () { decide("rejected"); });
    $("ag-next").addEventListener("click", function () { select(S.cur + 1); });
    $("ag-save").addEventListener("click", save);
    $("ag-new-claim").addEventListener("mousedown", function (ev) { ev.preventDefault(); });
    $("ag-new-claim").addEventListener("click", newClaim);
    $("ag-editor").addEventListener("submit", function (ev) { ev.preventDefault(); });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target && ev.target.tagName;
      if (ev.ctrlKey && ev.key === "s") { ev.preventDefault(); save(); return; }
      if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) {
        if (ev.key === "Escape" && ev.target.blur) ev.target.blur();
        return;
      }
      var k = ev.key, act = { j: function () { select(S.cur + 1); }, ArrowDown: function () { select(S.cur + 1); },
        k: function () { select(S.cur - 1); }, ArrowUp: function () { select(S.cur - 1); },
        a: function () { decide("accepted"); }, r: function () { decide("rejected"); },
        e: function () { $("ag-ed-subject").focus(); }, n: newClaim, s: save }[k];
      if (act) { ev.preventDefault(); act(); }
    });
    load().catch(function (err) { status("cannot load the draft: " + err); });
  }
  window.actorgraphReview = { state: function () { return S; } };
  document.addEventListener("DOMContentLoaded", init);
}());
