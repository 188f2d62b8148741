/* actorgraph page: the panel of an aggregated edge (render --aggregate month|year|all) -- the group's
 * pair, quad, period, count, mean polarity, sources, and the claims the page holds for it (at most
 * DATA.aggregate.limit), with the command that lists them all. A factory, like panels.js: app.js calls
 * actorgraphAggregatePanel(context) and gets show(groupId) back.
 *
 * Safety rule: data strings only ever reach the DOM as text (textContent via D.h); no innerHTML.
 */
(function () {
  "use strict";

  window.actorgraphAggregatePanel = function (C) {
    var D = window.actorgraphDom;
    var hasOwn = D.hasOwn, h = D.h, append = D.append, clear = D.clear, byId = D.byId;
    var DATA = C.data, ENT = DATA.entities, REL = DATA.relations, META = DATA.relmeta, AGG = DATA.aggregate;
    var VOCAB = DATA.vocab, name = C.name, srcTitle = C.srcTitle;
    var panel = byId("ag-panel");

    function entityButton(eid) {
      if (!hasOwn(ENT, eid)) return h("span", {text: String(eid)});
      return h("button", {type: "button", cls: "ag-linkbtn", text: name(eid), title: String(eid),
                          on: {click: function () { C.select("node", eid, true); }}});
    }
    function polarityPill(p) {
      var colour = p < 0 ? VOCAB.colors.conflict : (p > 0 ? VOCAB.colors.cooperation : VOCAB.colors.neutral);
      return h("span", {cls: "ag-pill", text: (p > 0 ? "+" : "") + p, style: "background:" + colour});
    }
    function periodText(p) { return p === "undated" ? "undated claims" : (p === "all" ? "all time" : p); }
    /* A shell word: kept as it is when plain, else in single quotes. */
    function shellWord(s) {
      s = String(s);
      return /^[A-Za-z0-9_.:\/-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
    }
    /* The command that lists every claim of the group (and, for a period, those overlapping it). */
    function command(r, m, g) {
      var cmd = ["actorgraph", "relations", "-s", shellWord(r.subject), "--object", shellWord(r.object),
                 "--quad", shellWord(m.quad)];
      if (g.period !== "undated" && g.period !== "all") cmd.push("--start", g.period, "--end", g.period);
      return cmd.join(" ");
    }
    function claimantText(ids, modality) {
      if (!ids.length) return modality === "denied" ? "the source" : "the author";
      return ids.map(name).join(", ");
    }

    function show(gid) {
      var r = REL[gid], m = META[gid], g = AGG.groups[gid];
      clear(panel);
      var denied = m.modalities.length === 1 && m.modalities[0] === "denied";
      append(panel, [
        h("h2", {text: (denied ? "Denied: " : "") + r.type + " · " + g.count + " claim" + (g.count === 1 ? "" : "s")}),
        h("div", {cls: "ag-claim"}, entityButton(r.subject), " → ", entityButton(r.object)),
        h("p", {cls: "ag-muted ag-agg-note", text: "An aggregated edge: every claim of this pair (subject → object) in the " +
          m.quad + " quad " + (g.period === "all" ? "" : (g.period === "undated" ? "without a date" : "that happened in " + g.period)) +
          " (the page is aggregated per " + AGG.by + ")."})]);
      append(panel, h("dl", null,
        h("dt", {text: "period"}), h("dd", {text: periodText(g.period)}),
        h("dt", {text: "claims"}), h("dd", {text: String(g.count)}),
        h("dt", {text: "types"}), h("dd", null, m.types.map(function (t) { return h("span", {cls: "ag-tag", text: t}); })),
        h("dt", {text: "modalities"}), h("dd", {text: m.modalities.join(", ")}),
        h("dt", {text: denied ? "mean polarity of the denied events" : "mean polarity"}), h("dd", null, polarityPill(g.mean)),
        h("dt", {text: "sources"}), h("dd", {text: m.sources.map(srcTitle).join("; ")}),
        m.contested ? h("dt", {text: "contested"}) : null,
        m.contested ? h("dd", {text: "\u2691 a claim of it is asserted and denied, or of opposite sign"}) : null));
      append(panel, h("h3", {text: "Claims" + (g.more ? " · the first " + g.claims.length + " of " + g.count : " · " + g.count)}));
      var ul = h("ul", {cls: "ag-agg-claims"});
      g.claims.forEach(function (c) {
        // [id, type, modality, claimants, when, first quote, source]
        ul.appendChild(h("li", {cls: "ag-agg-claim"},
          h("div", null, h("strong", {text: c[1]}), " · " + c[2] + " by " + claimantText(c[3], c[2]) +
            " · " + (c[4] ? c[4] : "not dated") + " · ", h("code", {text: c[0]})),
          c[5] !== null && c[5] !== undefined ? h("blockquote", {text: "“" + c[5] + "”"}) : null,
          c[6] !== null && c[6] !== undefined ? h("div", {cls: "ag-cite", text: "— " + srcTitle(c[6])}) : null));
      });
      panel.appendChild(ul);
      if (g.more) {
        append(panel, h("p", {cls: "ag-agg-more"}, "… and " + g.more + " more, not in this page (it holds at most " + AGG.limit +
          " claims per edge). To see them all: ", h("code", {text: command(r, m, g)}),
          g.period === "undated" ? " (it lists the dated ones too)"
            : (g.period === "all" ? "" : " (with any claim of an earlier period that runs into it)")));
      }
    }

    return {show: show};
  };
  /* The tooltip of aggregated edge gid (plain text), made when it is shown (app.js). */
  window.actorgraphAggregatePanel.title = function (DATA, gid, name) {
    var r = DATA.relations[gid], m = DATA.relmeta[gid], g = DATA.aggregate.groups[gid];
    var when = g.period === "undated" ? "undated" : (g.period === "all" ? "all time" : g.period);
    var types = g.types || [[r.type, g.count]];
    var denied = m.modalities.length === 1 && m.modalities[0] === "denied";
    var p = +g.mean || 0;
    var lines = [name(r.subject) + " \u2192 " + name(r.object) + ": " + m.quad + ", " + when,
      g.count + " claim" + (g.count === 1 ? "" : "s") + ": " +
        types.slice(0, 6).map(function (tc) { return tc[0] + " " + tc[1]; }).join(", ") + (types.length > 6 ? " \u2026" : ""),
      "modality: " + m.modalities.join(", "),
      "mean polarity: " + (p > 0 ? "+" + p : String(p)) + (denied ? " (of the events denied)" : ""),
      "sources: " + m.sources.length];
    if (m.contested) lines.push("contested: a claim of it is asserted and denied, or of opposite sign");
    lines.push("click for its claims");
    return lines.join("\n");
  };
})();
