/* actorgraph page: across sources -- the roll-up (one map from Python, graph/render/cross.py: an office
 * or person counts as the state or organisation at the top of its part_of chain), claims merged as the
 * analyses merge them (graph/analysis/merge.py: the same subject, type, object, modality and claimant
 * in one source are one claim, with all its quotes), a claimant's claims counted once (as
 * graph/analysis/claimants.py counts them), the claim group of a claim (exact or rolled up), and what
 * a pair of the discourse network stands on (as Discourse.evidence gives it).
 *
 * Runs without a browser (window.actorgraphLib.cross in the page, require("./cross.js") in Node).
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("cross", function (require) {
  "use strict";
  var R = require("./records.js");
  var hasOwn = R.hasOwn, dict = R.dict;

  var AUTHOR = "author";   // the claimant of a claim without asserted_by: the source's own voice
  var SEP = "\u0000";

  /* What an entity id counts as: with the roll-up (map: {id: the id it counts as}), else itself. */
  function upOf(map, on) {
    if (!on || !map) return function (eid) { return eid; };
    return function (eid) { return hasOwn(map, eid) ? map[eid] : eid; };
  }

  /* The merged claims of claims rids (records.js index I), in the order of their first claim: one per
     (subject, type, object, modality, claimant, source), rolled by up -- {key: [subject, type, object],
     modality, claimant (an entity id or "author"), source, relations, claimants (as coded)}. */
  function merged(I, rids, up) {
    var units = new Map(), out = [];
    rids.forEach(function (rid) {
      var r = I.REL[rid], m = I.META[rid], s = up(r.subject), o = up(r.object);
      (m.claimants.length ? m.claimants : [AUTHOR]).forEach(function (c) {
        var who = c === AUTHOR ? c : up(c);
        m.sources.forEach(function (sid) {
          var k = [s, r.type, o, r.modality, who, sid].join(SEP), u = units.get(k);
          if (!u) {
            u = {key: [s, r.type, o], modality: r.modality, claimant: who, source: sid, relations: [], claimants: []};
            units.set(k, u);
            out.push(u);
          }
          if (u.relations.indexOf(rid) < 0) u.relations.push(rid);
          if (u.claimants.indexOf(c) < 0) u.claimants.push(c);
        });
      });
    });
    return out;
  }

  /* The quotes of claim rid in source sid (a record's id when it has no quote), in order. */
  function quotes(I, rid, sid) {
    return (I.REL[rid].evidence || []).filter(function (e) { return e.source === sid; })
      .map(function (e) { return e.quote !== undefined && e.quote !== null ? e.quote : e.record; });
  }

  /* Claims rids counted once (graph/analysis/merge.py count_once): a claim whose units (units(rid): a
     list of strings) share one with a claim counted before repeats it. [{relations: [the counted claim,
     then those repeating it]}], one per claim counted. */
  function countOnce(rids, units) {
    var owner = new Map(), lines = [];
    rids.forEach(function (rid) {
      var us = units(rid), line = null;
      us.forEach(function (u) { if (!line && owner.has(u)) line = owner.get(u); });
      if (line) line.relations.push(rid);
      else { line = {relations: [rid]}; lines.push(line); }
      us.forEach(function (u) { if (!owner.has(u)) owner.set(u, line); });
    });
    return lines;
  }

  /* The claims entity eid makes (asserts or denies), counted once as graph.analysis.claimants counts
     them: with the roll-up, those of every office and person that counts as eid too. {lines: [{relations}],
     relations: [every claim, in data order]}; lines.length is the count. */
  function claimsMade(I, eid, up) {
    var rids = I.byClaimant[eid] || [];
    var parts = up(eid) !== eid ? [] : Object.keys(I.byClaimant).filter(function (c) { return c !== eid && up(c) === eid; });
    if (parts.length) {
      var mine = new Set(rids);
      parts.forEach(function (c) { I.byClaimant[c].forEach(function (rid) { mine.add(rid); }); });
      rids = I.relIds.filter(function (rid) { return mine.has(rid); });
    }
    var lines = countOnce(rids, function (rid) {
      var r = I.REL[rid], head = [up(r.subject), r.type, up(r.object), r.modality].join(SEP);
      return I.META[rid].sources.map(function (sid) { return head + SEP + sid; });
    });
    return {lines: lines, relations: rids};
  }

  /* Claim -> index of its group in groups (the rolled up contested and corroborated groups, cross.groups;
     the page data's relmeta gives each claim's exact group). */
  function groupIndex(groups) {
    var of = dict();
    groups.forEach(function (g, i) { g.relations.forEach(function (rid) { of[rid] = i; }); });
    return of;
  }

  /* What the pair of edge row e ([a, b, congruence, conflict, weight, [group, ...]]) of network net
     stands on: per group, whether they agree on it ("congruence"), disagree ("conflict") or both, and
     each side's claims -- {group: [subject, type, object], kind, a: [{stance, source, relations}], b}. */
  function pair(net, e) {
    var by = net._by;
    if (!by) {
      by = net._by = dict();
      net.claims.forEach(function (c) { (by[c[0] + SEP + c[1]] = by[c[0] + SEP + c[1]] || []).push(c); });
    }
    function side(ci, gi) {
      return (by[ci + SEP + gi] || []).map(function (c) { return {stance: c[2], source: c[3], relations: c[4]}; });
    }
    return e[5].map(function (gi) {
      var a = side(e[0], gi), b = side(e[1], gi);
      var sa = new Set(a.map(function (x) { return x.stance; })), sb = new Set(b.map(function (x) { return x.stance; }));
      var same = Array.from(sa).some(function (s) { return sb.has(s); });
      var opposed = (sa.has(1) && sb.has(-1)) || (sa.has(-1) && sb.has(1));
      return {group: net.groups[gi], kind: same && opposed ? "both" : same ? "congruence" : "conflict", a: a, b: b};
    });
  }

  /* The page's view of its cross-source data (page data DATA.cross; null on a page without it):
     {rolls (something rolls up), up(on), groups(on), groupOf(rid, on), merged(rids, on),
      claimsMade(eid, on), network(on), quotes(rid, sid)}. */
  function make(I, DATA) {
    var C = DATA.cross || null, exact = DATA.groups || [];
    var rolls = !!(C && Object.keys(C.roll_up).length);
    var rolled = rolls && C.groups ? C.groups : exact;
    var rolledOf = rolls ? groupIndex(rolled) : null;
    function up(on) { return upOf(C && C.roll_up, on && rolls); }
    return {
      AUTHOR: AUTHOR, available: !!C, rolls: rolls, rollUp: C ? C.roll_up : {},
      up: up,
      groups: function (on) { return on && rolls ? rolled : exact; },
      groupOf: function (rid, on) {
        if (on && rolls) return hasOwn(rolledOf, rid) ? rolled[rolledOf[rid]] : null;
        var i = I.META[rid].group;
        return i === null || i === undefined ? null : exact[i] || null;
      },
      merged: function (rids, on) { return merged(I, rids, up(on)); },
      claimsMade: function (eid, on) { return claimsMade(I, eid, up(on)); },
      network: function (on) { return C ? (on && rolls && C.discourse.rolled ? C.discourse.rolled : C.discourse.exact) : null; },
      quotes: function (rid, sid) { return quotes(I, rid, sid); }
    };
  }

  return {AUTHOR: AUTHOR, upOf: upOf, merged: merged, quotes: quotes, countOnce: countOnce, claimsMade: claimsMade,
          groupIndex: groupIndex, pair: pair, make: make};
});
