/* actorgraph page: the filter and drawing controls of the left column -- neighbourhood, type (by
 * quad), polarity, modality, time, source, across sources (contested only, show claimants, roll-up), and
 * the ways of drawing (merge parallel claims, group parts, part_of lines). A factory: app.js calls
 * actorgraphLib.controls(C) once and gets {sync} back, which sets every control from the state.
 *
 * C: {I (records.js index), state() (the current state), apply(), changed(), setFocus(eid, hops), cross
 * (cross.js)}. A control changes the state C.state() returns, then calls C.apply() (C.changed() when
 * what is drawn stays: the roll-up).
 */
(function () {
  "use strict";
  var lib = window.actorgraphLib = window.actorgraphLib || {};

  lib.controls = function (C) {
    var D = window.actorgraphDom, F = lib.filters, T = lib.time;
    var hasOwn = D.hasOwn, dict = D.dict, h = D.h, append = D.append, byId = D.byId, checkbox = D.checkbox,
        dashSample = D.dashSample;
    var I = C.I, ENT = I.ENT, SRC = I.SRC, VOCAB = I.VOCAB, counts = I.counts;
    var POLS = [["-1", "conflict (\u2212)", VOCAB.colors.conflict], ["0", "neutral (0)", VOCAB.colors.neutral],
                ["1", "cooperation (+)", VOCAB.colors.cooperation]];

    function toggleIn(key, all, value, on) {
      var st = C.state(), s = st[key] ? new Set(st[key]) : new Set(all);
      if (on) s.add(value); else s.delete(value);
      st[key] = F.setFrom(s, all);
      C.apply();
    }
    function count(n) { return h("span", {cls: "ag-count", text: n}); }

    var typeBoxes = dict(), quadBoxes = dict(), polBoxes = dict(), modBoxes = dict(), srcBoxes = dict();
    function buildTypes() {
      var sec = byId("ag-f-type");
      VOCAB.quads.concat(["other"]).forEach(function (q) {
        var types = I.allTypes.filter(function (t) { return (hasOwn(VOCAB.types, t) ? VOCAB.types[t].quad : "other") === q; });
        if (!types.length) return;
        var n = types.reduce(function (a, t) { return a + counts.type[t]; }, 0);
        var qb = checkbox(true, function () {
          var st = C.state(), s = st.types ? new Set(st.types) : new Set(I.allTypes);
          types.forEach(function (t) { if (qb.checked) s.add(t); else s.delete(t); });
          st.types = F.setFrom(s, I.allTypes);
          C.apply();
        });
        quadBoxes[q] = [qb, types];
        sec.appendChild(h("label", {title: "all " + q + " types"}, qb, h("strong", {cls: "ag-lbl", text: q}), count(n)));
        types.forEach(function (t) {
          var b = checkbox(true, function () { toggleIn("types", I.allTypes, t, b.checked); });
          typeBoxes[t] = b;
          sec.appendChild(h("label", {cls: "ag-sub", title: hasOwn(VOCAB.types, t) ? VOCAB.types[t].description : ""},
            b, h("span", {cls: "ag-lbl", text: t}), count(counts.type[t])));
        });
      });
    }
    function buildPolarity() {
      var sec = byId("ag-f-polarity");
      POLS.forEach(function (p) {
        if (!counts.pol[p[0]]) return;
        var b = checkbox(true, function () { toggleIn("pols", I.allPols, p[0], b.checked); });
        polBoxes[p[0]] = b;
        sec.appendChild(h("label", null, b, dashSample(false, p[2]), h("span", {cls: "ag-lbl", text: p[1]}), count(counts.pol[p[0]])));
      });
    }
    function buildModality() {
      var sec = byId("ag-f-modality");
      I.allMods.forEach(function (m) {
        var info = hasOwn(VOCAB.modalities, m) ? VOCAB.modalities[m] : {description: "", dashes: [6, 6]};
        var b = checkbox(true, function () { toggleIn("mods", I.allMods, m, b.checked); });
        modBoxes[m] = b;
        sec.appendChild(h("label", {title: info.description}, b, dashSample(info.dashes), h("span", {cls: "ag-lbl", text: m}), count(counts.mod[m])));
      });
    }
    function buildSources() {
      var sec = byId("ag-f-source");
      if (!I.allSrcs.length) { sec.style.display = "none"; return; }
      I.allSrcs.forEach(function (sid) {
        var s = hasOwn(SRC, sid) ? SRC[sid] : {};
        var b = checkbox(true, function () { toggleIn("srcs", I.allSrcs, sid, b.checked); });
        srcBoxes[sid] = b;
        sec.appendChild(h("label", {title: (s.title || sid) + (s.published ? " (" + s.published + ")" : "")}, b,
          h("span", {cls: "ag-lbl", text: s.title || sid, dir: "auto"}), count(counts.src[sid])));
      });
    }
    var time = null;
    function buildTime() {
      var sec = byId("ag-f-time");
      if (I.tMin === null) {
        sec.appendChild(h("p", {cls: "ag-muted", text: "No relation is dated, and no source has a publication date."}));
        return;
      }
      time = {};
      time.basis = h("select", {title: "Which time of a claim the range applies to",
                                on: {change: function () { C.state().time = time.basis.value; C.apply(); }}},
        h("option", {value: "happened", text: "when it happened"}),
        h("option", {value: "made", text: "when it was said (the source's date)"}),
        h("option", {value: "happened-or-made", text: "when it happened, else when said"}));
      time.basis.setAttribute("aria-label", "time of a claim");
      sec.appendChild(h("div", {cls: "ag-row"}, time.basis));
      function range(which, value) {
        var el = h("input", {type: "range", cls: "ag-range", min: I.tMin, max: I.tMax, step: 1, value: value, title: which, on: {input: onTime}});
        el.setAttribute("aria-label", which + " month");
        return el;
      }
      time.from = range("from", I.tMin);
      time.to = range("to", I.tMax);
      time.label = h("div", {cls: "ag-timelabel"});
      time.undated = checkbox(true, function () { C.state().undated = time.undated.checked; C.apply(); });
      time.undatedCount = count(I.undatedCounts.happened);
      append(sec, [time.label, time.from, time.to,
        h("label", {title: "Claims without a date are kept unless this is unticked"}, time.undated,
          h("span", {cls: "ag-lbl", text: "include undated claims"}), time.undatedCount)]);
    }
    function onTime() {
      var a = parseInt(time.from.value, 10), b = parseInt(time.to.value, 10);
      if (a > b) { if (this === time.from) time.to.value = a; else time.from.value = b; a = parseInt(time.from.value, 10); b = parseInt(time.to.value, 10); }
      var st = C.state();
      st.from = a === I.tMin ? null : a;
      st.to = b === I.tMax ? null : b;
      C.apply();
    }
    var boxes = {};
    /* A checkbox bound to a boolean of the state (contested, claimants, merge, group, partof, rollup);
       then: C.apply (what is drawn changes), or C.changed (only the panels change). */
    function stateBox(key, id, label, title, n, then) {
      var b = checkbox(!!C.state()[key], function () { C.state()[key] = b.checked; (then || C.apply)(); });
      b.id = id;
      boxes[key] = b;
      return h("label", {title: title}, b, h("span", {cls: "ag-lbl", text: label}), n === undefined ? null : count(n));
    }
    function buildClaims() {
      var sec = byId("ag-f-claims");
      var contested = stateBox("contested", "ag-contested", "contested only",
        "Only the claims of a contested group: the same subject, type and object asserted and denied " +
        "(by anyone, in any source), or asserted with opposite polarity", I.contestedCount);
      append(sec, [contested, stateBox("claimants", "ag-claimants", "show claimants",
        "Draw the entities that make claims (asserted_by), with a dotted link to the subject of each claim they assert or deny",
        Object.keys(I.byClaimant).filter(function (c) { return hasOwn(ENT, c); }).length)]);
      if (C.cross.rolls) {   // something is part of something: the panels can count it as what it is part of
        sec.appendChild(stateBox("rollup", "ag-rollup", "count offices and people as their state",
          "Roll up: in the panels across sources and in \u201cwho sides with whom\u201d, an office or a person counts as the " +
          "state or organisation at the top of its part_of chain (as --roll-up); each claim stays one click away",
          Object.keys(C.cross.rollUp).length, C.changed));
      }
      if (!I.contestedCount) {   // nothing to filter on: say so instead of offering an empty filter
        contested.style.display = "none";
        sec.insertBefore(h("p", {cls: "ag-muted", text: "No claim is both asserted and denied."}), contested);
      }
    }
    function buildDrawing() {
      var sec = byId("ag-f-drawing"), nGroups = Object.keys(I.parts).length;
      append(sec, [
        stateBox("merge", "ag-merge", "merge parallel claims",
          "Claims of the same quad from one entity to another are drawn as one edge with their count (click it for the list); untick to draw each claim"),
        stateBox("group", "ag-group", "group parts",
          "Fold every office and person into the state or organisation it is part of (its claims count as the group's); double-click a group to unfold it", nGroups),
        stateBox("partof", "ag-partof", "part_of lines", "A thin grey line from an office or person to what it is part of")]);
      if (!nGroups) { boxes.group.parentNode.style.display = "none"; boxes.partof.parentNode.style.display = "none"; }
    }

    var focus = {filled: false};
    function buildFocus() {
      var sec = byId("ag-f-focus");
      focus.select = h("select", {title: "Only the relations within N hops of this actor",
                                  on: {change: function () { C.setFocus(focus.select.value || null, C.state().hops); }}});
      focus.select.setAttribute("aria-label", "neighbourhood of");
      focus.select.appendChild(h("option", {value: "", text: "(all actors)"}));
      focus.select.addEventListener("focus", fillFocus);
      focus.select.addEventListener("mousedown", fillFocus);
      if (Object.keys(ENT).length <= 1000) fillFocus();
      focus.hops = h("input", {type: "number", min: 1, max: F.MAX_HOPS, step: 1, value: 1, style: "width:4em",
                               on: {change: function () {
                                 var n = F.clampHops(focus.hops.value);
                                 focus.hops.value = n;
                                 C.setFocus(C.state().focus, n);
                               }}});
      focus.hops.setAttribute("aria-label", "hops");
      append(sec, [h("div", {cls: "ag-row"}, focus.select),
        h("div", {cls: "ag-row"}, "within ", focus.hops, " hop(s)",
          h("button", {type: "button", text: "Clear", on: {click: function () { C.setFocus(null, C.state().hops); }}}))]);
    }
    function fillFocus() {   // on first use, as the search suggestions
      if (focus.filled) return;
      focus.filled = true;
      var frag = document.createDocumentFragment();
      Object.keys(ENT).sort(function (a, b) { return ENT[a].name.localeCompare(ENT[b].name); }).forEach(function (eid) {
        frag.appendChild(h("option", {value: eid, text: ENT[eid].name + " (" + eid + ")"}));
      });
      focus.select.appendChild(frag);
      focus.select.value = C.state().focus || "";
    }

    /* Every control as the state says. */
    function sync() {
      var st = C.state();
      Object.keys(typeBoxes).forEach(function (t) { typeBoxes[t].checked = !st.types || st.types.has(t); });
      Object.keys(quadBoxes).forEach(function (q) {
        var types = quadBoxes[q][1], on = types.filter(function (t) { return typeBoxes[t].checked; }).length;
        quadBoxes[q][0].checked = on === types.length;
        quadBoxes[q][0].indeterminate = on > 0 && on < types.length;
      });
      Object.keys(polBoxes).forEach(function (p) { polBoxes[p].checked = !st.pols || st.pols.has(p); });
      Object.keys(modBoxes).forEach(function (m) { modBoxes[m].checked = !st.mods || st.mods.has(m); });
      Object.keys(srcBoxes).forEach(function (s) { srcBoxes[s].checked = !st.srcs || st.srcs.has(s); });
      if (time) {
        time.from.value = st.from === null ? I.tMin : st.from;
        time.to.value = st.to === null ? I.tMax : st.to;
        time.label.textContent = T.monthText(parseInt(time.from.value, 10)) + " \u2026 " + T.monthText(parseInt(time.to.value, 10));
        time.undated.checked = st.undated;
        time.basis.value = st.time;
        time.undatedCount.textContent = I.undatedCounts[st.time];
      }
      Object.keys(boxes).forEach(function (k) { boxes[k].checked = !!st[k]; });
      if (st.focus) fillFocus();
      focus.select.value = st.focus || "";
      focus.hops.value = st.hops;
    }

    buildFocus(); buildTypes(); buildPolarity(); buildModality(); buildTime(); buildSources(); buildClaims(); buildDrawing();
    return {sync: sync};
  };
})();
