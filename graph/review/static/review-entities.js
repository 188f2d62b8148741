// The review page's entities: the draft's new names and the reviewer's own, every field of an entity,
// or a name attached as an alias of a known entity (searched by id, name or alias).
(function () {
  "use strict";
  var AG = window.actorgraphReview, S = AG.S, $ = AG.$, el = AG.el;
  var CODE = /^[A-Za-z][A-Za-z0-9_]*$/;

  function current() { return S.ents[S.ecur] || null; }
  function editable() { var e = current(); return e && e.status !== "saved" ? e : null; }
  function lines(text) { return text.split("\n").map(function (x) { return x.trim(); }).filter(function (x) { return x; }); }
  function suggest(name) {
    var base = (String(name).match(/[A-Za-z0-9]+/g) || ["ENTITY"]).join("-").toUpperCase().slice(0, 60), key = base, n = 1;
    var taken = S.data.known.map(function (k) { return k.id; }).concat(S.ents.map(function (x) { return x.id; }));
    while (taken.indexOf(key) >= 0) { n += 1; key = base + "-" + n; }
    return key;
  }
  function set(field, value) {
    var e = editable();
    if (!e) return;
    AG.change(function () {
      if (value === "" || value === null || (Array.isArray(value) && !value.length) ||
          (typeof value === "object" && value !== null && !Array.isArray(value) && !Object.keys(value).length)) delete e[field];
      else e[field] = value;
    });
  }
  function knownName(name) {
    var low = String(name || "").trim().toLowerCase();
    if (!low) return null;
    return S.data.known.filter(function (k) {
      return k.name.toLowerCase() === low || k.id.toLowerCase() === low ||
        (k.aliases || []).some(function (a) { return a.toLowerCase() === low; });
    })[0] || null;
  }
  // every reference to the entity *from* (claims' subject, object, claimants; entities' part_of) becomes *to*
  function rename(from, to) {
    S.cands.forEach(function (c) {
      if (c.status === "saved") return;
      if (c.subject === from) c.subject = to;
      if (c.object === from) c.object = to;
      AG.setClaimants(c, AG.claimants(c).map(function (x) { return x === from ? to : x; }));
    });
    S.ents.forEach(function (x) { if (x.part_of === from && x.status !== "saved") x.part_of = to; });
  }
  function choices(q, self) {
    q = q.trim().toLowerCase();
    var all = S.data.known.map(function (k) { return { id: k.id, name: k.name, aliases: k.aliases || [], kind: k.kind }; });
    S.ents.forEach(function (x) {
      if (x !== self && (x.status === "accepted" || (x.status === "saved" && !x.alias_of))) {
        var final = x.saved_as || S.ids.entities[x.id] || x.id;
        if (!all.some(function (k) { return k.id === final; })) {
          all.push({ id: x.id, name: x.name, aliases: x.aliases || [], kind: x.kind, shown: final + " (new)" });
        }
      }
    });
    if (!q) return [];
    return all.filter(function (k) {
      return [k.id, k.name].concat(k.aliases).some(function (s) { return String(s).toLowerCase().indexOf(q) >= 0; });
    }).slice(0, 12);
  }

  AG.setupEntities = function () {
    $("ag-ent-name").addEventListener("change", function (ev) { set("name", ev.target.value.trim()); });
    $("ag-ent-id").addEventListener("change", function (ev) { set("typed_id", ev.target.value.trim()); });
    $("ag-ent-kind").addEventListener("change", function (ev) { set("kind", ev.target.value); });
    $("ag-ent-part-of").addEventListener("change", function (ev) { set("part_of", ev.target.value); });
    $("ag-ent-aliases").addEventListener("change", function (ev) { set("aliases", lines(ev.target.value)); });
    $("ag-ent-description").addEventListener("change", function (ev) { set("description", ev.target.value.trim()); });
    $("ag-ent-codes").addEventListener("change", function (ev) {
      var codes = {}, bad = null;
      lines(ev.target.value).forEach(function (line) {
        var at = line.indexOf(":"), k = at > 0 ? line.slice(0, at).trim() : "";
        if (!CODE.test(k) || !line.slice(at + 1).trim()) { bad = bad || line; return; }
        codes[k] = line.slice(at + 1).trim();
      });
      if (bad) { AG.status("codes: write one 'name: value' a line, such as 'wikidata: Q843' (not kept: " + bad + ")"); return; }
      set("codes", codes);
    });
    $("ag-ent-accept").addEventListener("click", function () {
      var e = editable();
      if (!e) return;
      if (!e.name || !e.kind) { AG.status("give " + (e.name || "the entity") + " a name and a kind first"); return; }
      AG.change(function () { e.status = "accepted"; delete e.alias_of; });
      AG.status("entity accepted: " + e.name);
    });
    $("ag-ent-reject").addEventListener("click", function () {
      var e = editable();
      if (!e) return;
      AG.change(function () { e.status = "rejected"; delete e.alias_of; });
      AG.status("entity rejected: " + e.name);
    });
    $("ag-alias-search").addEventListener("input", renderAliasResults);
    $("ag-new-entity").addEventListener("click", function () { AG.newEntity(""); $("ag-ent-name").focus(); });
  };
  function renderAliasResults() {
    var ul = $("ag-alias-results"), e = editable();
    ul.textContent = "";
    if (!e) return;
    choices($("ag-alias-search").value, e).forEach(function (k) {
      var li = el("li"), b = el("button", "ag-alias-to", (k.shown || k.id) + " \u2014 " + k.name +
        (k.aliases.length ? " (" + k.aliases.join(", ") + ")" : ""));
      b.type = "button";
      b.dataset.id = k.id;
      b.addEventListener("click", function () {
        AG.change(function () {
          e.status = "alias";
          e.alias_of = k.id;
          rename(e.id, k.id);
        });
        $("ag-alias-search").value = "";
        AG.status("\u201c" + e.name + "\u201d is now an alias of " + (k.shown || k.id) + " (" + k.name + ")");
      });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }
  AG.newEntity = function (name) {
    var e = { id: suggest(name || "NEW"), name: name, kind: null, status: "draft", cue: AG.REVIEWER };
    AG.change(function () { S.ents.push(e); S.ecur = S.ents.length - 1; });
    return e;
  };
  AG.entityFromSelection = function () {
    var off = AG.selection();
    if (!off) { AG.status("select the name in the article first"); return; }
    var e = AG.newEntity(S.data.text.slice(off[0], off[1]));
    AG.status("a new entity \u201c" + e.name + "\u201d: choose its kind and accept it, or attach it as an alias");
    $("ag-ent-kind").focus();
  };

  AG.renderEntityId = function () {
    var e = current();
    if (e) $("ag-ent-id").placeholder = e.saved_as ? "" : "made on save: " + (S.ids.entities[e.id] || "(give it a name)");
  };
  AG.renderEntities = function () {
    var ul = $("ag-ents");
    ul.textContent = "";
    S.ents.forEach(function (e, i) {
      var li = el("li", "ag-st-" + e.status + (i === S.ecur ? " ag-selected" : ""));
      li.appendChild(el("span", "ag-name", e.name || "(no name)"));
      if (e.kind) li.appendChild(el("span", "ag-kind", e.kind));
      var nn = S.data.new_names.filter(function (n) { return n.id === e.id || n.name === e.name; })[0];
      if (nn) li.appendChild(el("span", "ag-badge", nn.count + "\u00d7"));
      li.appendChild(el("span", "ag-badge", e.alias_of ? "alias of " + e.alias_of : e.status));
      li.dataset.index = String(i);
      li.addEventListener("click", function () { S.ecur = i; AG.renderEntities(); });
      ul.appendChild(li);
    });
    var e = current(), form = $("ag-ent-editor");
    form.hidden = !e;
    if (!e) return;
    var v = S.data.vocab, locked = e.status === "saved";
    $("ag-ent-name").value = e.name || "";
    $("ag-ent-id").value = e.saved_as || e.typed_id || "";
    AG.fill($("ag-ent-kind"), [["", "(choose)"]].concat(v.kinds.map(function (k) { return [k, k]; })), e.kind || "");
    var parts = [["", "(none)"]].concat(AG.entityOptions().filter(function (o) { return o[0] !== e.id; }));
    AG.fill($("ag-ent-part-of"), parts, e.part_of || "");
    $("ag-ent-aliases").value = (e.aliases || []).join("\n");
    $("ag-ent-description").value = e.description || "";
    $("ag-ent-codes").value = Object.keys(e.codes || {}).map(function (k) { return k + ": " + e.codes[k]; }).join("\n");
    var same = knownName(e.name), note = e.cue ? "why: " + e.cue : "";
    if (same && e.status !== "alias" && !locked) {
      note = "\u201c" + e.name + "\u201d is already a name of " + same.id + " (" + same.name + "): attach it as an alias of " +
        same.id + " rather than make a second entity. " + note;
    }
    if (e.alias_of) note = "an alias of " + e.alias_of + (locked ? " (saved)" : "") + ". " + note;
    if (e.saved_as && !e.alias_of) note = "saved as " + e.saved_as + ". " + note;
    $("ag-ent-note").textContent = note;
    Array.prototype.forEach.call(form.querySelectorAll("select, button, input, textarea"), function (x) { x.disabled = locked; });
    renderAliasResults();
    AG.renderEntityId();
  };
}());
