/* actorgraph page: the details panel -- the overview, an entity (or a group of entities folded into
 * it), a claim (its evidence, who says it, its contested or corroborated group), and a drawn edge that
 * stands for several claims (each one click away). A factory: app.js calls actorgraphPanels(context)
 * once its indexes exist, and gets showOverview, showEntity, showRelation and showBundle back.
 * Across sources (cross.js), a claim repeated in one source is listed once with all its quotes, and
 * with the roll-up (C.rollup()) an office or person counts as its state, its own claim one click away.
 *
 * Every text that comes from the data is shown with its own direction (dir="auto"): a name, title or
 * quote in Urdu, Dari, Pashto, Persian or Arabic reads right to left.
 */
(function () {
  "use strict";

  window.actorgraphPanels = function (C) {
    var D = window.actorgraphDom;
    var hasOwn = D.hasOwn, h = D.h, append = D.append, clear = D.clear, byId = D.byId, link = D.link,
        safeUrl = D.safeUrl, str = D.str, pretty = D.pretty;
    var I = C.index, DATA = C.data, ENT = I.ENT, REL = I.REL, META = I.META, SRC = I.SRC;
    var VOCAB = I.VOCAB, relIds = I.relIds, outRel = I.outRel, inRel = I.inRel;
    var byClaimant = I.byClaimant, srcCounts = I.counts.src, VERBS = C.verbs;
    var name = C.name, whoSays = C.whoSays, voiced = C.voiced, srcTitle = C.srcTitle, X = C.cross;

    var panel = byId("ag-panel");
    function entityButton(eid) {
      if (!hasOwn(ENT, eid)) return h("span", {text: String(eid)});
      return h("button", {type: "button", cls: "ag-linkbtn", text: name(eid), title: String(eid), dir: "auto",
                          on: {click: function () { C.select("node", eid, true); }}});
    }
    function relationButton(rid, label) {
      return h("button", {type: "button", cls: "ag-linkbtn", text: label, title: String(rid),
                          on: {click: function () { C.select("edge", rid, true); }}});
    }
    /* A claim's line in a list: its type (a link to it), its ends, who says it, where and when. */
    function claimLine(rid, extra) {
      var r = REL[rid], hidden = !C.isVisible(rid);
      return h("li", hidden ? {cls: "ag-muted", title: "hidden by the current filters"} : null,
        relationButton(rid, r.type + (r.mode ? "/" + r.mode : "")), " ", entityButton(r.subject), " \u2192 ", entityButton(r.object),
        h("span", {cls: "ag-muted", text: " \u00b7 " + voiced(rid) + " \u00b7 in " + META[rid].sources.map(srcTitle).join(", ") +
                                          (r.when ? " \u00b7 " + r.when : "") + (hidden ? " \u00b7 hidden" : "") + (extra || "")}));
    }
    function polarityPill(p) {
      var colour = p < 0 ? VOCAB.colors.conflict : (p > 0 ? VOCAB.colors.cooperation : VOCAB.colors.neutral);
      var t = (p > 0 ? "+" : "") + p;
      return h("span", {cls: "ag-pill", text: t + (p < 0 ? " conflict" : p > 0 ? " cooperation" : " neutral"),
                        style: "background:" + colour});
    }
    function dl(rows) {
      var el = h("dl");
      rows.forEach(function (row) {
        if (row[1] === null || row[1] === undefined || row[1] === "") return;
        el.appendChild(h("dt", {text: row[0]}));
        el.appendChild(h("dd", null, row[1]));
      });
      return el;
    }
    function sourceCitation(sid) {
      var s = hasOwn(SRC, sid) ? SRC[sid] : null;
      if (!s) return h("div", {cls: "ag-cite"}, "\u2014 source ", h("code", {text: sid}), " (not in this view)");
      var bits = [];
      if (s.kind) bits.push(s.kind);
      if (s.published) bits.push(String(s.published));
      if (s.author) bits.push("by " + s.author);
      if (s.outlet) bits.push(s.outlet);
      return h("div", {cls: "ag-cite"}, "— ",
        s.url && safeUrl(s.url) ? link(s.url, s.title || sid) : h("cite", {text: s.title || sid, dir: "auto"}),
        bits.length ? " (" + bits.join(", ") + ")" : "",
        s.url && !safeUrl(s.url) ? h("div", {cls: "ag-muted", text: "address (not a web link): " + s.url}) : null,
        s.perspective ? h("div", {cls: "ag-muted", text: "perspective: " + s.perspective}) : null,
        s.note ? h("div", {cls: "ag-source-note", text: "note: " + s.note}) : null,
        hasText(sid) ? h("div", null, readButton(sid)) : null);
    }
    /* "Read the text": opens the reader panel (reader.js) on a source with a stored text. */
    function hasText(sid) { return !!(DATA.reader && hasOwn(DATA.reader, sid)); }
    function readButton(sid, label) {
      if (!hasText(sid)) return null;
      return h("button", {type: "button", cls: "ag-linkbtn ag-read", text: label || "read the text",
                          on: {click: function () { if (C.reader()) C.reader().open(sid); }}});
    }

    function showOverview() {
      clear(panel);
      append(panel, [
        h("h2", {text: "What the sources say"}),
        h("p", {cls: "ag-muted", text: "Click an actor to see who it is and every claim about it; click a relation " +
          "(an arrow) to read the claim in the source's own words, who makes it, and where it comes from."}),
        h("h3", {text: "Sources"})]);
      var ul = h("ul");
      Object.keys(SRC).forEach(function (sid) {
        var s = SRC[sid];
        ul.appendChild(h("li", null, s.url && safeUrl(s.url) ? link(s.url, s.title || sid) : h("span", {text: s.title || sid, dir: "auto"}),
          h("div", {cls: "ag-muted", text: [s.kind, s.published, s.author, s.outlet].filter(Boolean).join(" · ") +
            " — " + (srcCounts[sid] || 0) + " claim" + (srcCounts[sid] === 1 ? "" : "s")}),
          s.note ? h("div", {cls: "ag-source-note", text: "note: " + s.note}) : null,
          readButton(sid)));
      });
      panel.appendChild(ul);
      var groups = X.groups(C.rollup());
      var nCont = groups.filter(function (g) { return g.contested; }).length;
      var nCorr = groups.filter(function (g) { return g.corroborated; }).length;
      if (nCont || nCorr) {
        append(panel, [h("h3", {text: "Across sources"}),
          h("p", null, nCont + " contested claim group" + (nCont === 1 ? "" : "s") + " (asserted and denied, or of opposite sign), " +
            nCorr + " corroborated (asserted by two or more sources, denied by none)" +
            (C.rollup() ? ", offices and people counted as their state" : "") + ". Tick “contested only” to see them.")]);
      }
    }

    function showEntity(eid) {
      var e = ENT[eid];
      var kind = hasOwn(VOCAB.kinds, e.kind) ? VOCAB.kinds[e.kind] : null;
      clear(panel);
      append(panel, [
        h("h2", {text: e.name, dir: "auto"}),
        h("div", {cls: "ag-kind"}, pretty(e.kind), " · ", h("code", {text: eid}),
          kind && kind.description ? h("span", {cls: "ag-muted", text: " — " + kind.description}) : null)]);
      if (e.description) panel.appendChild(h("p", {cls: "ag-desc", text: e.description, dir: "auto"}));
      var group = C.groupOf(eid);
      if (group) panel.appendChild(groupSection(eid, group));
      var rows = [];
      if (e.aliases && e.aliases.length) rows.push(["also called", e.aliases.map(function (a) { return h("span", {cls: "ag-tag", text: a, dir: "auto"}); })]);
      if (e.part_of) rows.push(["part of", entityButton(e.part_of)]);
      var parts = Object.keys(ENT).filter(function (k) { return ENT[k].part_of === eid; });
      if (parts.length) rows.push(["has parts", parts.map(function (p, i) { return [i ? ", " : "", entityButton(p)]; })]);
      var top = I.root[eid];
      if (top !== eid && C.grouped() && C.isUnfolded(top)) {
        rows.push(["group", h("button", {type: "button", text: "Fold into " + name(top), on: {click: function () { C.fold(top, false); }}})]);
      }
      var codes = e.codes || {};
      Object.keys(codes).forEach(function (k) {
        var v = str(codes[k]);
        if (k.toLowerCase() === "wikidata" && /^Q[1-9][0-9]*$/.test(v)) {
          rows.push(["Wikidata", link("https://www.wikidata.org/wiki/" + v, v)]);
        } else {
          rows.push([k, v]);
        }
      });
      panel.appendChild(dl(rows));
      append(panel, h("div", {cls: "ag-row"},
        h("button", {type: "button", text: "Only its neighbourhood", title: "Show only the relations within the chosen number of hops of this actor",
                     on: {click: function () { C.setFocus(eid, C.hops()); }}}),
        h("button", {type: "button", text: "Zoom to it", on: {click: function () { C.focusCamera(eid); }}})));
      [["Relations it is the subject of (out)", outRel[eid] || [], "object"],
       ["Relations of which it is the object (in)", inRel[eid] || [], "subject"]].forEach(function (group) {
        append(panel, h("h3", {text: group[0] + " · " + group[1].length}));
        if (!group[1].length) { panel.appendChild(h("p", {cls: "ag-muted", text: "none"})); return; }
        var ul = h("ul"), limit = 300;
        group[1].slice(0, limit).forEach(function (rid) {
          var r = REL[rid];
          var label = r.type + (r.mode ? "/" + r.mode : "");
          var hidden = !C.isVisible(rid);
          ul.appendChild(h("li", hidden ? {cls: "ag-muted", title: "hidden by the current filters"} : null,
            group[2] === "object" ? "→ " : "← ", relationButton(rid, label), " ",
            group[2] === "object" ? entityButton(r.object) : entityButton(r.subject),
            h("span", {cls: "ag-muted", text: " · " + r.modality + (r.when ? " · " + r.when : "") + (hidden ? " · hidden" : "")})));
        });
        panel.appendChild(ul);
        if (group[1].length > limit) panel.appendChild(h("p", {cls: "ag-muted", text: "… and " + (group[1].length - limit) + " more"}));
      });
      panel.appendChild(claimsSection(eid));
    }

    /* The claims entity eid makes, each counted once (a claim repeated in one source: one line, with all
       its quotes); with the roll-up, with those of its offices and people. */
    function claimsSection(eid) {
      var on = C.rollup(), made = X.claimsMade(eid, on), top = X.up(on)(eid), n = made.lines.length;
      var sec = h("section", {cls: "ag-asserts"});
      append(sec, h("h3", {text: "Claims it makes (asserts or denies) · " + n}));
      var parts = on ? Object.keys(byClaimant).filter(function (c) { return c !== eid && top === eid && X.up(true)(c) === eid; }) : [];
      if (parts.length) {
        sec.appendChild(h("p", {cls: "ag-muted"}, "with the claims of its offices and people (roll-up): ",
          parts.map(function (p, i) { return [i ? ", " : "", entityButton(p)]; })));
      } else if (top !== eid) {
        sec.appendChild(h("p", {cls: "ag-muted"}, "with the roll-up they count as claims of ", entityButton(top)));
      }
      if (made.relations.length > n) {
        sec.appendChild(h("p", {cls: "ag-muted", text: made.relations.length + " claims as coded: a claim repeated in one " +
          "source (the same subject, type, object and modality) counts once, with all its quotes"}));
      }
      if (!n) sec.appendChild(h("p", {cls: "ag-muted", text: "none"}));
      var ul = h("ul");
      made.lines.slice(0, 300).forEach(function (line) {
        var rid = line.relations[0], r = REL[rid], hidden = !line.relations.some(C.isVisible);
        var by = once(line.relations, "claimants").filter(function (c) { return c !== eid && X.up(on)(c) === eid; });
        var srcs = once(line.relations, "sources");
        var li = h("li", hidden ? {cls: "ag-muted", title: "hidden by the current filters"} : null,
          (VERBS[r.modality] || r.modality) + ": ", relationButton(rid, r.type + (r.mode ? "/" + r.mode : "")), " ",
          entityButton(r.subject), " → ", entityButton(r.object),
          h("span", {cls: "ag-muted", text: (by.length ? " · by " + by.map(name).join(", ") : "") + " · in " + srcs.map(srcTitle).join(", ") +
            (line.relations.length > 1 ? " · " + quoteCount(line.relations, srcs) : "") + (hidden ? " · hidden" : "")}));
        if (line.relations.length > 1) li.appendChild(quoteList(line.relations, srcs));
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      if (n > 300) sec.appendChild(h("p", {cls: "ag-muted", text: "\u2026 and " + (n - 300) + " more"}));
      return sec;
    }

    /* The claimants or sources (key) of claims rids, once each. */
    function once(rids, key) {
      return rids.reduce(function (a, x) { return a.concat(META[x][key]); }, []).filter(function (v, i, all) { return all.indexOf(v) === i; });
    }
    /* The quotes of claims rids in sources srcs: "3 quotes", and the list of them, each opening its claim. */
    function quotesOf(rids, srcs) {
      var out = [];
      rids.forEach(function (x) { srcs.forEach(function (sid) { X.quotes(x, sid).forEach(function (q) { out.push([x, q]); }); }); });
      return out;
    }
    function quoteCount(rids, srcs) {
      var n = quotesOf(rids, srcs).length;
      return n + " quote" + (n === 1 ? "" : "s");
    }
    function quoteList(rids, srcs) {
      var ul = h("ul", {cls: "ag-quotes"});
      quotesOf(rids, srcs).forEach(function (xq) {
        ul.appendChild(h("li", null, h("button", {type: "button", cls: "ag-linkbtn", text: "\u201c" + xq[1] + "\u201d", dir: "auto",
          title: "open the claim " + xq[0], on: {click: function () { C.select("edge", xq[0], true); }}})));
      });
      return ul;
    }

    /* A claim of the author(s): of the one source (named when known), or of each source (the
       citations under the quotes name them). */
    function authorText(sources) {
      if (sources.length > 1) return "the author of each source";
      var s = sources.length && hasOwn(SRC, sources[0]) ? SRC[sources[0]] : null;
      return "the author" + (s && s.author ? " (" + s.author + ")" : "") + " of the source";
    }
    function showRelation(rid) {
      var r = REL[rid], m = META[rid];
      clear(panel);
      var t = hasOwn(VOCAB.types, r.type) ? VOCAB.types[r.type] : null;
      var denied = r.modality === "denied";
      append(panel, [
        h("h2", {text: (denied ? "Denied: " : "") + r.type + (r.mode ? " / " + r.mode : "")}),
        h("div", {cls: "ag-claim"}, entityButton(r.subject), " → ", entityButton(r.object)),
        denied ? h("div", {cls: "ag-denial", text: m.claimants.length
          ? whoSays(rid) + " " + (m.claimants.length === 1 ? "denies" : "deny") + " that this happened"
          : "The source says this did not happen"}) : null,
        t ? h("div", {cls: "ag-muted", text: m.quad + " — " + t.description}) : h("div", {cls: "ag-muted", text: m.quad})]);
      var mod = hasOwn(VOCAB.modalities, r.modality) ? VOCAB.modalities[r.modality].description : "";
      if (denied && m.claimants.length) mod = "the claimant denies that it happened";
      var claimantsView = m.claimants.length
        ? m.claimants.map(function (c, i) { return [i ? (i === m.claimants.length - 1 ? " and " : ", ") : "", entityButton(c)]; })
        : (denied ? "the source (it says this did not happen)" : authorText(m.sources));
      panel.appendChild(dl([
        ["modality", [h("strong", {text: r.modality}), mod ? " — " + mod : ""]],
        [denied ? "denied by" : "asserted by", claimantsView],
        ["when", r.when ? String(r.when) : "not dated"],
        ["said", m.sources.filter(function (sid) { return hasOwn(SRC, sid) && SRC[sid].published; })
          .map(function (sid) { return String(SRC[sid].published) + (m.sources.length > 1 ? " (" + srcTitle(sid) + ")" : ""); }).join(", ") || null],
        [denied ? "polarity of the denied event" : "polarity", polarityPill(r.polarity)],
        ["context", r.context && r.context.length ? r.context.map(function (c) { return h("span", {cls: "ag-tag", text: c}); }) : null],
        ["id", h("code", {text: rid})]
      ]));
      var bundle = C.bundleOf(rid);
      if (bundle) {
        panel.appendChild(h("p", {cls: "ag-bundle-note"}, "Drawn as one line with " + (bundle.length - 1) + " other claim" +
          (bundle.length === 2 ? "" : "s") + " of the same kind between them: ",
          h("button", {type: "button", cls: "ag-linkbtn", text: "all " + bundle.length, on: {click: function () { C.select("edge", rid, false, true); }}})));
      }
      var group = X.groupOf(rid, C.rollup());
      if (group) append(panel, groupBox(rid, group));
      append(panel, h("h3", {text: "Evidence" + (r.evidence && r.evidence.length > 1 ? " · " + r.evidence.length + " quotes" : "")}));
      (r.evidence || []).forEach(function (ev, k) {
        var q = h("blockquote", {text: "\u201c" + ev.quote + "\u201d", dir: "auto"});
        if (C.reader() && C.reader().hasMark(ev.source, rid, k)) {
          q.className = "ag-quote-link";
          q.title = "Show it in the text of the source";
          q.tabIndex = 0;
          q.addEventListener("click", function () { C.reader().show(ev.source, rid, k); });
          q.addEventListener("keydown", function (e) { if (e.key === "Enter") C.reader().show(ev.source, rid, k); });
        }
        panel.appendChild(q);
        panel.appendChild(sourceCitation(ev.source));
      });
      if (!r.evidence || !r.evidence.length) panel.appendChild(h("p", {cls: "ag-muted", text: "no quote"}));
      var attrs = r.attributes || {};
      var keys = Object.keys(attrs);
      if (keys.length) {
        append(panel, h("h3", {text: "Attributes"}));
        panel.appendChild(dl(keys.map(function (k) { return [k, str(attrs[k])]; })));
      }
      if (r.note) {
        append(panel, h("h3", {text: "Analyst's note"}));
        panel.appendChild(h("div", {cls: "ag-note", text: r.note, dir: "auto"}));
      }
      var others = relIds.filter(function (x) {
        var o = REL[x];
        return x !== rid && ((o.subject === r.subject && o.object === r.object) || (o.subject === r.object && o.object === r.subject));
      });
      if (others.length) {
        append(panel, h("h3", {text: "Other claims between them · " + others.length}));
        var ul = h("ul");
        others.forEach(function (x) {
          var o = REL[x];
          ul.appendChild(h("li", null, o.subject === r.subject ? "→ " : "← ", relationButton(x, o.type + (o.mode ? "/" + o.mode : "")),
            h("span", {cls: "ag-muted", text: " · " + voiced(x) + " · in " + META[x].sources.map(srcTitle).join(", ") +
                                              (o.when ? " · " + o.when : "")})));
        });
        panel.appendChild(ul);
      }
    }

    /* The claim group of a claim: contested (who asserts, who denies, with sources) or corroborated;
       each claim once per claimant and source, a claim repeated in one source once with all its quotes. */
    function groupBox(rid, g) {
      if (!g.contested && !g.corroborated) return null;
      var on = C.rollup();
      var box = h("div", {cls: g.contested ? "ag-contested" : "ag-corroborated"});
      append(box, [h("strong", {text: g.contested ? "\u2691 Contested" : "Corroborated"}),
        h("span", {text: g.contested ? " — " + g.reasons.join("; ") : " — asserted by " +
          new Set(g.relations.filter(function (x) { return REL[x] && REL[x].modality !== "denied"; })
            .reduce(function (a, x) { return a.concat(META[x].sources); }, [])).size + " sources, denied by none"})]);
      if (on) {
        box.appendChild(h("div", {cls: "ag-muted", text: "rolled up: " + name(g.key[0]) + " " + g.key[1] + " " + name(g.key[2]) +
          " (offices and people counted as their state)"}));
      }
      var ul = h("ul");
      X.merged(g.relations.filter(function (x) { return hasOwn(REL, x); }), on).forEach(function (u) {
        var coded = u.claimants.length !== 1 || u.claimants[0] !== u.claimant ? u.claimants : [];
        var who = u.claimant === X.AUTHOR ? (u.modality === "denied" ? "the source (it says this did not happen)" : "the author") : name(u.claimant);
        var li = h("li", u.relations.indexOf(rid) >= 0 ? {cls: "ag-this"} : null,
          relationButton(u.relations[0], u.modality + " by " + who + (coded.length ? " (as " + coded.map(name).join(", ") + ")" : "")),
          h("span", {cls: "ag-muted", text: " · in " + srcTitle(u.source) + (u.relations.length > 1 ? " · " + quoteCount(u.relations, [u.source]) : "")}));
        if (u.relations.length > 1) li.appendChild(quoteList(u.relations, [u.source]));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      return box;
    }

    /* A drawn edge that stands for several claims (merged parallel claims): each one click away. */
    function showBundle(from, to, quad, claims) {
      clear(panel);
      var n = claims.length;
      append(panel, [
        h("h2", {text: n + " claims \u00b7 " + quad}),
        h("div", {cls: "ag-claim"}, entityButton(from), " \u2192 ", entityButton(to)),
        h("p", {cls: "ag-muted", text: "Claims of the same quad from " + name(from) + " to " + name(to) +
          " are drawn as one line, its width by their count (untick \u201cmerge parallel claims\u201d to draw each). Click one to read it."}),
        h("h3", {text: "Claims \u00b7 " + n})]);
      var ul = h("ul");
      claims.forEach(function (rid) { ul.appendChild(claimLine(rid)); });
      panel.appendChild(ul);
    }

    /* A group (entities folded into the one they are part of): its parts, and the claims it stands for. */
    function groupSection(eid, g) {
      var sec = h("section", {cls: "ag-group"});
      append(sec, [h("h3", {text: "Group \u00b7 " + g.parts.length + " part" + (g.parts.length === 1 ? "" : "s") + " folded in"}),
        h("div", null, g.parts.map(function (p, i) { return [i ? ", " : "", entityButton(p)]; })),
        h("div", {cls: "ag-row"}, h("button", {type: "button", text: "Unfold", title: "Draw its parts on their own (or double-click the group)",
                                               on: {click: function () { C.fold(eid, true); }}}))]);
      [["Claims of the group (out)", g.out], ["Claims about the group (in)", g["in"]],
       ["Claims between its parts (not drawn)", g.inside]].forEach(function (part) {
        if (!part[1].length) return;
        append(sec, h("h3", {text: part[0] + " \u00b7 " + part[1].length}));
        var ul = h("ul");
        part[1].slice(0, 300).forEach(function (rid) { ul.appendChild(claimLine(rid)); });
        sec.appendChild(ul);
      });
      return sec;
    }

    return {showOverview: showOverview, showEntity: showEntity, showRelation: showRelation, showBundle: showBundle};
  };
})();
