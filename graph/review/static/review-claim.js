// The review page's claim editor: every field of a claim, its quotes (trim, remove), claimants, when.
(function () {
  "use strict";
  var AG = window.actorgraphReview, S = AG.S, $ = AG.$, el = AG.el;
  var WHEN = /^(\d{4}(-\d{2}(-\d{2})?)?)?(\.\.(\d{4}(-\d{2}(-\d{2})?)?)?)?$/;

  AG.entityOptions = function () {
    var ids = S.data.known.map(function (e) { return [e.id, e.id + " \u2014 " + e.name]; });
    S.ents.forEach(function (e) {
      if (e.status === "rejected" || e.status === "alias" || (e.status === "saved" && e.alias_of)) return;
      var final = e.saved_as || S.ids.entities[e.id];
      if (e.status === "saved" && final && S.data.known.some(function (k) { return k.id === final; })) return;
      ids.push([e.id, (final || e.id) + " \u2014 " + (e.name || "(no name)") + " (new)"]);
    });
    return ids;
  };
  function current() { var c = S.cands[S.cur]; return c && c.status !== "saved" ? c : null; }
  function set(field, value) {
    var c = current();
    if (!c) return;
    AG.change(function () {
      if (value === "" || value === null || value === undefined || (Array.isArray(value) && !value.length)) delete c[field];
      else c[field] = value;
      if (field === "type" && (S.data.vocab.types[value] || []).indexOf(c.mode) < 0) delete c.mode;
    });
  }

  function whenOk(v) {
    return !v || (WHEN.test(v) && v !== ".." && (v.indexOf("..") < 0 || v.split("..").some(function (x) { return x; })));
  }
  function parseAttributes(text) {
    var out = {}, bad = null;
    text.split("\n").forEach(function (line, i) {
      if (!line.trim()) return;
      var at = line.indexOf(":");
      if (at <= 0) { bad = bad || "line " + (i + 1) + ": write key: value"; return; }
      var v = line.slice(at + 1).trim(), n = Number(v);
      out[line.slice(0, at).trim()] = v !== "" && isFinite(n) && /^-?\d+(\.\d+)?$/.test(v) ? n : v;
    });
    return { value: out, bad: bad };
  }
  function attributesText(a) {
    return Object.keys(a || {}).map(function (k) { return k + ": " + a[k]; }).join("\n");
  }

  AG.setup = function () {
    if (AG.setupDone) return;
    AG.setupDone = true;
    [["ag-ed-subject", "subject"], ["ag-ed-object", "object"], ["ag-ed-type", "type"], ["ag-ed-mode", "mode"],
     ["ag-ed-modality", "modality"]].forEach(function (p) {
      $(p[0]).addEventListener("change", function (ev) { set(p[1], ev.target.value); });
    });
    $("ag-ed-id").addEventListener("change", function (ev) { set("typed_id", ev.target.value.trim()); });
    $("ag-ed-polarity").addEventListener("change", function (ev) {
      var v = ev.target.value.trim();
      set("polarity", v === "" ? "" : Number(v));
    });
    $("ag-ed-when").addEventListener("input", function (ev) {
      $("ag-when-msg").textContent = whenOk(ev.target.value.trim()) ? "" : "write YYYY, YYYY-MM, YYYY-MM-DD or START..END";
    });
    $("ag-ed-when").addEventListener("change", function (ev) {
      var v = ev.target.value.trim();
      if (!whenOk(v)) { AG.status("when: write YYYY, YYYY-MM, YYYY-MM-DD or START..END (not kept)"); return; }
      set("when", v);
    });
    function picked() {
      var a = $("ag-ed-when-from").value, b = $("ag-ed-when-to").value;
      if (a || b) set("when", b && b !== a ? a + ".." + b : a || ".." + b);
    }
    $("ag-ed-when-from").addEventListener("change", picked);
    $("ag-ed-when-to").addEventListener("change", picked);
    $("ag-ed-attributes").addEventListener("change", function (ev) {
      var p = parseAttributes(ev.target.value);
      if (p.bad) { AG.status("attributes: " + p.bad + " (not kept)"); return; }
      set("attributes", Object.keys(p.value).length ? p.value : "");
    });
    $("ag-ed-note").addEventListener("change", function (ev) { set("note", ev.target.value.trim()); });
    $("ag-add-claimant").addEventListener("click", function () {
      var c = current();
      if (!c) return;
      var free = AG.entityOptions().filter(function (o) { return AG.claimants(c).indexOf(o[0]) < 0; })[0];
      AG.change(function () { AG.setClaimants(c, AG.claimants(c).concat([c.subject && AG.claimants(c).indexOf(c.subject) < 0 ? c.subject : (free || [""])[0]])); });
      var sels = $("ag-ed-claimant-list").querySelectorAll("select");
      if (sels.length) sels[sels.length - 1].focus();
    });
    var box = $("ag-ed-context");
    S.data.vocab.contexts.forEach(function (name) {
      var lab = el("label", "ag-check"), cb = el("input");
      cb.type = "checkbox";
      cb.value = name;
      cb.addEventListener("change", function () {
        var c = current();
        if (!c) return;
        var now = (c.context || []).filter(function (x) { return x !== name; });
        if (cb.checked) now.push(name);
        set("context", now);
      });
      lab.appendChild(cb);
      lab.appendChild(document.createTextNode(" " + name));
      box.appendChild(lab);
    });
    AG.setupEntities();
  };

  function renderClaimants(c, ids) {
    var box = $("ag-ed-claimant-list");
    box.textContent = "";
    AG.claimants(c).forEach(function (who, i) {
      var row = el("div", "ag-claimant"), sel = el("select");
      sel.setAttribute("aria-label", "claimant " + (i + 1));
      AG.fill(sel, ids, who);
      sel.addEventListener("change", function () {
        var list = AG.claimants(c);
        list[i] = sel.value;
        AG.change(function () { AG.setClaimants(c, list); });
      });
      var rm = el("button", "ag-remove-claimant", "remove");
      rm.type = "button";
      rm.addEventListener("click", function () {
        var list = AG.claimants(c);
        list.splice(i, 1);
        AG.change(function () { AG.setClaimants(c, list); });
      });
      row.appendChild(sel);
      row.appendChild(rm);
      box.appendChild(row);
    });
  }
  function renderQuotes(c) {
    var box = $("ag-ed-quotes");
    box.textContent = "";
    (c.evidence || []).forEach(function (ev, i) {
      if (!ev || !ev.quote) return;
      var row = el("div", "ag-quote-row"), q = el("blockquote", "ag-q", ev.quote);
      q.dataset.index = String(i);
      if (!AG.findQuote(ev.quote)) row.appendChild(el("span", "ag-badge ag-warn", "not found in the text"));
      row.appendChild(q);
      var trim = el("button", "ag-trim ag-keeps-selection", "Trim to selection");
      trim.type = "button";
      trim.title = "Select words inside this quote, then trim it to them (t)";
      trim.addEventListener("mousedown", function (e) { e.preventDefault(); });
      trim.addEventListener("click", function () { AG.trim(); });
      var rm = el("button", "ag-remove-quote", "Remove quote");
      rm.type = "button";
      rm.addEventListener("click", function () {
        AG.change(function () { c.evidence.splice(i, 1); });
        AG.status("quote removed");
      });
      row.appendChild(trim);
      row.appendChild(rm);
      box.appendChild(row);
    });
  }
  // Trim a quote to the words selected inside it (in the editor's quote box).
  AG.trim = function () {
    var c = current(), sel = window.getSelection();
    if (!c || !sel || sel.rangeCount === 0 || sel.isCollapsed) { AG.status("select words inside a quote first"); return; }
    var r = sel.getRangeAt(0), node = r.startContainer, q = node.nodeType === 3 ? node.parentNode : node;
    if (!q.classList || !q.classList.contains("ag-q") || !q.contains(r.endContainer)) {
      AG.status("select words inside one quote of the claim to trim it"); return;
    }
    var full = q.textContent, s = r.startOffset, e = r.endContainer === r.startContainer ? r.endOffset : full.length;
    while (s < e && /\s/.test(full[s])) s++;
    while (e > s && /[\s,;:]/.test(full[e - 1])) e--;
    if (e <= s) { AG.status("select words inside a quote first"); return; }
    var i = Number(q.dataset.index), words = full.slice(s, e);
    AG.change(function () { c.evidence[i] = { source: c.evidence[i].source || S.data.source, quote: words }; });
    sel.removeAllRanges();
    AG.status("quote trimmed: \u201c" + words + "\u201d");
  };
  AG.renderIds = function () {
    var c = S.cands[S.cur];
    if (c) $("ag-ed-id").placeholder = c.saved_as ? "" : "made on save: " + (S.ids.relations[c.id] || "(choose subject, type, object)");
    AG.renderEntityId();
  };

  AG.renderEditor = function () {
    var c = S.cands[S.cur], form = $("ag-editor");
    form.hidden = !c;
    if (!c) return;
    var ids = AG.entityOptions(), v = S.data.vocab, locked = c.status === "saved", none = [["", "(choose)"]];
    renderQuotes(c);
    $("ag-ed-id").value = c.saved_as || c.typed_id || "";
    AG.fill($("ag-ed-subject"), none.concat(ids), c.subject);
    AG.fill($("ag-ed-object"), none.concat(ids), c.object);
    AG.fill($("ag-ed-type"), none.concat(Object.keys(v.types).map(function (t) { return [t, t]; })), c.type);
    AG.fill($("ag-ed-mode"), [["", "(none)"]].concat((v.types[c.type] || []).map(function (m) { return [m, m]; })), c.mode || "");
    AG.fill($("ag-ed-modality"), none.concat(v.modalities.map(function (m) { return [m, m]; })), c.modality);
    renderClaimants(c, ids);
    $("ag-ed-when").value = c.when || "";
    if (AG.shown !== c.id) {            // another claim: its pickers and messages start empty
      AG.shown = c.id;
      $("ag-when-msg").textContent = "";
      $("ag-ed-when-from").value = "";
      $("ag-ed-when-to").value = "";
    }
    $("ag-ed-polarity").value = c.polarity === undefined || c.polarity === null ? "" : String(c.polarity);
    $("ag-ed-polarity").placeholder = c.type ? "default " + v.polarity[c.type] : "";
    Array.prototype.forEach.call($("ag-ed-context").querySelectorAll("input"), function (cb) {
      cb.checked = (c.context || []).indexOf(cb.value) >= 0;
    });
    $("ag-ed-attributes").value = attributesText(c.attributes);
    $("ag-ed-note").value = c.note || "";
    var why = c.status === "merged" ? "merged into " + c.merged_into : "why: " + (c.cue || "");
    $("ag-ed-cue").textContent = why + (c.confidence !== undefined ? " (confidence " + c.confidence + ")" : "") +
      (c.saved_as ? "; saved as " + c.saved_as : "");
    Array.prototype.forEach.call(form.querySelectorAll("select, button, input, textarea"), function (x) { x.disabled = locked; });
    $("ag-edit").disabled = false;
    if (AG.quotes(c).length < 2) {    // a claim keeps at least one quote
      Array.prototype.forEach.call(form.querySelectorAll(".ag-remove-quote"), function (x) { x.disabled = true; });
    }
    AG.renderIds();
  };
}());
