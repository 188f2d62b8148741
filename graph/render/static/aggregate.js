/* actorgraph page: an aggregated page (render --aggregate month|year|all) -- expand(DATA) makes from
 * its table of groups (graph/render/aggregated_data.py), before app.js reads them, the records the filters
 * and panels read (relations, relmeta) and each group's summary; panel(context).show(groupId) shows
 * an aggregated edge: the group's pair, quad, period, count, mean polarity, sources, and the claims
 * the page holds for it (at most DATA.aggregate.examples) with their evidence, and how to see them all
 * (served: the server's pages of them, server.js); title() is its tooltip; counts() the header's
 * words for the edges (and, with --top, how many the page keeps).
 *
 * expand, title and counts run without a browser (window.actorgraphLib.aggregate in the page,
 * require("./aggregate.js") in Node).
 *
 * Safety rule: data strings only ever reach the DOM as text (textContent via D.h); no innerHTML.
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("aggregate", function () {
  "use strict";

  function panel(C) {
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
      if (C.server) { C.server.group(gid, panel); return; }   // served: its claims, a page at a time
      append(panel, h("h3", {text: "Claims" + (g.more ? " · " + g.claims.length + " of " + g.count + " in this page" : " · " + g.count)}));
      var ul = h("ul", {cls: "ag-agg-claims"});
      g.claims.forEach(function (c) {
        // [id, type, mode, modality, claimants, when, evidence: [[source, quote] or [source, null, record], ...]]
        var li = h("li", {cls: "ag-agg-claim"},
          h("div", null, h("strong", {text: c[1] + (c[2] ? "/" + c[2] : "")}), " · " + c[3] + " by " + claimantText(c[4], c[3]) +
            " · " + (c[5] ? c[5] : "not dated") + " · ", h("code", {text: c[0]})));
        c[6].forEach(function (ev) {
          li.appendChild(ev[1] !== null && ev[1] !== undefined ? h("blockquote", {text: "\u201c" + ev[1] + "\u201d", dir: "auto"})
            : h("blockquote", {cls: "ag-record", text: "record: " + ev[2]}));
          li.appendChild(h("div", {cls: "ag-cite", text: "— " + srcTitle(ev[0])}));
        });
        if (!c[6].length) li.appendChild(h("p", {cls: "ag-muted", text: "no quote"}));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
      if (g.more) {
        append(panel, h("p", {cls: "ag-agg-more"}, "… and " + g.more + " more, not in this page (it holds at most " + AGG.examples +
          " claim" + (AGG.examples === 1 ? "" : "s") + " per edge). To see them all, serve the data (",
          h("code", {text: "actorgraph serve"}), ", then click this edge) or list them: ", h("code", {text: command(r, m, g)}),
          g.period === "undated" ? " (it lists the dated ones too)"
            : (g.period === "all" ? "" : " (with any claim of an earlier period that runs into it)"),
          "; ", h("code", {text: "actorgraph render"}), " with the same options draws them."));
      }
    }

    return {show: show};
  }
  /* The records of an aggregated page from its table of groups (graph/render/aggregated_data.py, which
     does the same in aggregated_records): DATA.relations and DATA.relmeta (the fields the filters
     and panels read, per group id "g0", "g1" ...) and DATA.aggregate.groups (the panel's summary).
     What the claims a row lists already say (its sources, types, modalities, claimants and count) is
     worked out from them; a row carries it ("more") only when it lists fewer claims than it has. */
  function expand(DATA) {
    var AGG = DATA.aggregate, F = Object.create(null);
    AGG.fields.forEach(function (f, i) { F[f] = i; });
    var iS = F.subject, iO = F.object, iQ = F.quad, iP = F.period, iM = F.mean, iC = F.contested,
        iCl = F.claims, iMore = F.more, iSpan = F.span, quads = AGG.quads;
    var rels = Object.create(null), metas = Object.create(null), groups = Object.create(null);
    /* the lists are read, never changed: one list of one value is shared by every group that has it */
    var ones = Object.create(null), spans = Object.create(null);
    function one(x) { var k = String(x); return ones[k] || (ones[k] = [x]); }
    function uniq(list) {
      if (list.length === 1) return one(list[0]);
      var seen = Object.create(null), out = [];
      for (var i = 0; i < list.length; i++) {
        var k = String(list[i]);
        if (!seen[k]) { seen[k] = true; out.push(list[i]); }
      }
      return out;
    }
    function periodSpan(p) {
      if (p === "undated" || p === "all") return null;
      if (spans[p]) return spans[p];
      var s;
      if (p.length === 4) s = [p + "-01-01", p + "-12-31"];
      else {
        var d = new Date(0);
        d.setUTCFullYear(parseInt(p.slice(0, 4), 10), parseInt(p.slice(5, 7), 10), 0);   // the month's last day
        s = [p + "-01", p + "-" + (d.getUTCDate() < 10 ? "0" : "") + d.getUTCDate()];
      }
      return (spans[p] = s);
    }
    AGG.rows.forEach(function (row, k) {
      var gid = "g" + k, claims = row[iCl], more = row[iMore], period = row[iP], mean = row[iM];
      var quad = quads[row[iQ]], count, sources, types, mods, claimants, typeCounts = null, i, j, c;
      if (more) {
        count = more.count; sources = more.sources; types = more.types; mods = more.modalities;
        claimants = more.claimants; typeCounts = more.typecounts || null;
      } else if (claims.length === 1) {
        c = claims[0];
        count = 1; types = one(c[1]); mods = one(c[3]); claimants = c[4];
        sources = c[6].length === 1 ? one(c[6][0][0]) : uniq(c[6].map(function (ev) { return ev[0]; }));
      } else {
        var srcs = [], ts = [], ms = [], cs = [], n = Object.create(null);
        for (i = 0; i < claims.length; i++) {
          c = claims[i];
          for (j = 0; j < c[6].length; j++) srcs.push(c[6][j][0]);
          ts.push(c[1]); ms.push(c[3]);
          for (j = 0; j < c[4].length; j++) cs.push(c[4][j]);
          n[c[1]] = (n[c[1]] || 0) + 1;
        }
        count = claims.length; sources = uniq(srcs); types = uniq(ts); mods = uniq(ms); claimants = uniq(cs);
        if (types.length > 1) {   // most first; equal counts in the order first seen (a stable sort)
          typeCounts = types.map(function (t) { return [t, n[t]]; }).sort(function (a, b) { return b[1] - a[1]; });
        }
      }
      var r = {id: gid, subject: row[iS], object: row[iO], type: types.length === 1 ? types[0] : quad,
               modality: mods.length === 1 ? mods[0] : "mixed"};
      if (period !== "undated" && period !== "all") r.when = period;
      rels[gid] = r;
      /* (with every field app.js adds: one shape for all) */
      metas[gid] = {quad: quad, sign: (mean > 0) - (mean < 0), span: iSpan === undefined ? periodSpan(period) : row[iSpan],
                    sources: sources, types: types, modalities: mods, claimants: claimants, contested: !!row[iC],
                    group: null, made: null};
      var g = {period: period, count: count, mean: mean, claims: claims, more: count - claims.length};
      if (typeCounts) g.types = typeCounts;
      groups[gid] = g;
    });
    DATA.relations = rels;
    DATA.relmeta = metas;
    AGG.groups = groups;
  }
  /* The tooltip of aggregated edge gid (plain text), made when it is shown (app.js). */
  function title(DATA, gid, name) {
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
  }

  /* The header's words for the edges of an aggregated page (after "N of M"): how many claims they
     stand for, per which period, and, when the page keeps only the heaviest edges, how many of all. */
  function counts(AGG) {
    function n(x) { return Number(x).toLocaleString("en-US"); }
    if (!AGG.top) return " edges (" + AGG.claims + " claims, per " + AGG.by + ")";
    return " edges (the " + n(AGG.top) + " heaviest of " + n(AGG.edges) + ": " + n(AGG.shown) + " of " + n(AGG.claims) +
      " claims, per " + AGG.by + ")";
  }

  return {panel: panel, expand: expand, title: title, counts: counts};
});
