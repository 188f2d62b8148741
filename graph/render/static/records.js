/* actorgraph page: the page data as records and indexes -- entities and claims back from their
 * tables, each claim's derived fields (quad, sign, sources, when said), the indexes the filters,
 * panels and drawing read (claims by entity and claimant, counts, parts), and the claimant links.
 *
 * Runs without a browser (window.actorgraphLib.records in the page, require("./records.js") in Node).
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("records", function (require) {
  "use strict";
  var T = require("./time.js");

  var hasOwn = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  /* A map keyed by data (ids, names, types): no prototype, so ids such as "constructor",
     "toString" or "__proto__" are ordinary keys. */
  function dict() { return Object.create(null); }

  /* A table of records (graph/render/data.py records_table) back to {id: record}, an empty field left out. */
  function records(t) {
    if (!t || !Array.isArray(t.fields) || !Array.isArray(t.rows)) return t;
    var out = dict(), f = t.fields, n = f.length;
    t.rows.forEach(function (row) {
      var o = {};
      for (var i = 0; i < n; i++) if (row[i] !== null && row[i] !== undefined) o[f[i]] = row[i];
      out[o.id] = o;
    });
    return out;
  }

  /* ids such as "\u2061asserts\u2061KIRBY\u2061TAL": no data id keeps this mark inside vis-network */
  var CLAIM_MARK = "\u2061";

  /* The index of page data DATA (whose entities and relations are still tables, or already records):
     {ENT, REL, META, SRC, VOCAB, AGG, relIds, outRel, inRel, byClaimant, counts, contestedCount,
      allTypes, allMods, allPols, allSrcs, tMin, tMax, undatedCounts, drawable, drawableWithClaimants,
      LINKS, linksOfRel, parent, root, parts}. META gets every derived field a claim's record does not
      say: quad (by its type), sign (of its polarity), sources (of its evidence, in order, once each),
      made (the date spans of its sources), claimants, contested, group. */
  function index(DATA) {
    DATA.entities = records(DATA.entities);
    DATA.relations = records(DATA.relations);
    var ENT = DATA.entities, REL = DATA.relations, META = DATA.relmeta, VOCAB = DATA.vocab;
    var PUBLISHED = DATA.published || dict();
    var relIds = Object.keys(REL);
    function quadOf(type) { return hasOwn(VOCAB.types, type) ? VOCAB.types[type].quad : "other"; }
    /* the lists below are read, never changed: claims with the same sources share one (a large page
       has tens of thousands of claims and a handful of sources) */
    var NO_CLAIMANTS = [], sourceLists = dict(), madeLists = dict();
    relIds.forEach(function (rid) {
      var m = META[rid], r = REL[rid];
      if (m.quad === undefined) m.quad = quadOf(r.type);
      if (m.sign === undefined) { var p = +r.polarity || 0; m.sign = (p > 0) - (p < 0); }
      if (m.sources === undefined) {
        var ev = r.evidence || [], key = ev.length === 1 ? "s" + ev[0].source : JSON.stringify(ev.map(function (e) { return e.source; }));
        if (!hasOwn(sourceLists, key)) {
          var srcSeen = dict(), list = [];
          ev.forEach(function (e) { if (!srcSeen[e.source]) { srcSeen[e.source] = true; list.push(e.source); } });
          sourceLists[key] = list;
        }
        m.sources = sourceLists[key];
      }
      m.claimants = m.claimants || NO_CLAIMANTS;
      m.contested = !!m.contested;
      if (m.group === undefined) m.group = null;
      var mk = m.sources.length === 1 ? "s" + m.sources[0] : JSON.stringify(m.sources);
      if (!hasOwn(madeLists, mk)) {
        var seen = dict(), made = [];
        m.sources.forEach(function (sid) {
          var sp = hasOwn(PUBLISHED, sid) ? PUBLISHED[sid] : null;
          if (sp && !seen[sp[0] + "/" + sp[1]]) { seen[sp[0] + "/" + sp[1]] = true; made.push(sp); }
        });
        madeLists[mk] = made;
      }
      m.made = madeLists[mk];
    });

    /* one pass: each entity's claims out and in, each claimant's claims, the counts the filters show
       (of an aggregated page's groups: each type and modality present in a group) */
    var outRel = dict(), inRel = dict(), byClaimant = dict(), contestedCount = 0;
    var counts = {type: dict(), mod: dict(), pol: dict(), src: dict()};
    function tally(c, k) { c[k] = (c[k] || 0) + 1; }
    relIds.forEach(function (rid) {
      var r = REL[rid], m = META[rid], i;
      (outRel[r.subject] = outRel[r.subject] || []).push(rid);
      (inRel[r.object] = inRel[r.object] || []).push(rid);
      for (i = 0; i < m.claimants.length; i++) (byClaimant[m.claimants[i]] = byClaimant[m.claimants[i]] || []).push(rid);
      if (m.contested) contestedCount++;
      if (m.types) for (i = 0; i < m.types.length; i++) tally(counts.type, m.types[i]); else tally(counts.type, r.type);
      if (m.modalities) for (i = 0; i < m.modalities.length; i++) tally(counts.mod, m.modalities[i]); else tally(counts.mod, r.modality);
      tally(counts.pol, String(m.sign));
      for (i = 0; i < m.sources.length; i++) tally(counts.src, m.sources[i]);
    });
    var allTypes = Object.keys(counts.type).sort();
    var allMods = Object.keys(VOCAB.modalities).filter(function (m) { return counts.mod[m]; })
      .concat(Object.keys(counts.mod).filter(function (m) { return !hasOwn(VOCAB.modalities, m); }));
    var allPols = ["-1", "0", "1"].filter(function (p) { return counts.pol[p]; });
    var allSrcs = Object.keys(counts.src).sort(function (a, b) {
      return (counts.src[b] - counts.src[a]) || (a < b ? -1 : 1);
    });

    /* the months spanned by dated claims and dated sources (the time slider); undated claims per basis */
    var dMin = null, dMax = null, undatedCounts = {happened: 0, made: 0, "happened-or-made": 0};
    function seeSpan(sp) {
      for (var k = 0; k < 2; k++) {
        var d = sp[k];
        if (!d) continue;
        if (dMin === null || d < dMin) dMin = d;
        if (dMax === null || d > dMax) dMax = d;
      }
    }
    relIds.forEach(function (rid) {
      var m = META[rid];
      if (!m.span) { undatedCounts.happened++; if (!m.made.length) undatedCounts["happened-or-made"]++; }
      else seeSpan(m.span);
      if (!m.made.length) undatedCounts.made++;
    });
    Object.keys(madeLists).forEach(function (k) { madeLists[k].forEach(seeSpan); });   // each list once

    /* The entities drawn when nothing is filtered: every entity, except one that is in no drawn claim
       and only makes claims (asserted_by): drawing it would show an unconnected node that the
       filters of the full page never show. (Focusing it, or "show claimants", draws it.) */
    var related = new Set();
    relIds.forEach(function (rid) {
      var r = REL[rid];
      if (hasOwn(ENT, r.subject) && hasOwn(ENT, r.object)) { related.add(r.subject); related.add(r.object); }
    });
    var drawable = new Set(Object.keys(ENT).filter(function (e) { return related.has(e) || !hasOwn(byClaimant, e); }));
    var drawableWithClaimants = new Set(drawable);
    Object.keys(byClaimant).forEach(function (c) { if (hasOwn(ENT, c)) drawableWithClaimants.add(c); });

    /* "show claimants": a dotted link from each claimant to the subject of each claim it makes, one per
       claimant, subject and verb (asserts / denies) */
    var LINKS = dict(), linksOfRel = dict();
    relIds.forEach(function (rid) {
      var r = REL[rid];
      if (!META[rid].claimants.length || !hasOwn(ENT, r.subject) || !hasOwn(ENT, r.object)) return;
      var verb = r.modality === "denied" ? "denies" : "asserts";
      META[rid].claimants.forEach(function (c) {
        if (!hasOwn(ENT, c)) return;
        var id = CLAIM_MARK + verb + CLAIM_MARK + c + CLAIM_MARK + r.subject;
        if (!hasOwn(LINKS, id)) LINKS[id] = {from: c, to: r.subject, verb: verb, rels: []};
        LINKS[id].rels.push(rid);
        (linksOfRel[rid] = linksOfRel[rid] || []).push(id);
      });
    });

    /* part_of: each entity's parent (when the dataset has it), its root (the top of the chain; a
       cycle, which validation refuses, stops where it closes) and each root's parts */
    var parent = dict(), root = dict(), parts = dict();
    Object.keys(ENT).forEach(function (eid) {
      var p = ENT[eid].part_of;
      if (p && p !== eid && hasOwn(ENT, p)) parent[eid] = p;
    });
    Object.keys(ENT).forEach(function (eid) {
      var top = eid, seen = new Set([eid]);
      while (hasOwn(parent, top) && !seen.has(parent[top])) { top = parent[top]; seen.add(top); }
      root[eid] = top;
      if (top !== eid) (parts[top] = parts[top] || []).push(eid);
    });

    return {ENT: ENT, REL: REL, META: META, SRC: DATA.sources, VOCAB: VOCAB, AGG: DATA.aggregate || null,
            relIds: relIds, outRel: outRel, inRel: inRel, byClaimant: byClaimant, counts: counts,
            contestedCount: contestedCount, allTypes: allTypes, allMods: allMods, allPols: allPols, allSrcs: allSrcs,
            tMin: dMin === null ? null : T.monthIndex(dMin), tMax: dMax === null ? null : T.monthIndex(dMax),
            undatedCounts: undatedCounts, drawable: drawable, drawableWithClaimants: drawableWithClaimants,
            LINKS: LINKS, linksOfRel: linksOfRel, parent: parent, root: root, parts: parts};
  }

  return {hasOwn: hasOwn, dict: dict, records: records, index: index, CLAIM_MARK: CLAIM_MARK};
});
