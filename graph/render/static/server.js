/* actorgraph page, served (actorgraph serve): what the page fetches from its server -- an aggregated
 * edge's claims, an actor's claims, the claims a search finds, a page at a time (GET api/claims, JSON),
 * how many claims the filters keep on the server, and links to the pages of those questions (drawn
 * one edge per claim when they are few enough). Only in a page the server made (DATA.server; its CSP
 * allows connect-src 'self'); the token comes from the page's own URL.
 *
 * A factory: app.js calls actorgraphServer(context) and gets {group, entity, search, filtered}, or
 * null on a page that is not served. Every question carries the page's own (DATA.server.view) and the
 * filters of the page's state (the URL fragment's names, graph/serve/question.py reads them).
 *
 * Safety rule: data strings only ever reach the DOM as text (textContent via D.h); no innerHTML.
 */
(function () {
  "use strict";

  /* the fragment's names that are filters (the rest: selection and ways of drawing) */
  var FILTERS = ["type", "pol", "mod", "src", "from", "to", "undated", "time", "contested", "focus", "hops"];

  window.actorgraphServer = function (C) {
    var DATA = C.data, S = DATA.server;
    if (!S) return null;
    var D = window.actorgraphDom;
    var h = D.h, append = D.append, clear = D.clear, byId = D.byId, hasOwn = D.hasOwn;
    var token = new URLSearchParams(location.search).get("token") || "";
    var PAGE = S.limit || 100;
    function n(x) { return Number(x).toLocaleString("en-US"); }

    /* The filters of the page's state, as query parameters. */
    function filterParams() {
      var p = new URLSearchParams(C.fragment().replace(/^#/, "")), out = new URLSearchParams();
      p.forEach(function (v, k) { if (FILTERS.indexOf(k) >= 0) out.append(k, v); });
      return out;
    }
    function withParams(base, params) {
      Object.keys(params).forEach(function (k) { if (params[k] !== null && params[k] !== undefined) base.set(k, params[k]); });
      return base;
    }
    /* The API's URL for params, with the page's own question (view) and the state's filters. */
    function apiUrl(params) {
      var p = filterParams();
      p.set("token", token);
      if (S.view) p.set("view", S.view);
      return "api/claims?" + withParams(p, params).toString();
    }
    /* The URL of the page of a question: the page's own, then the state's filters, then params. */
    function pageUrl(params) {
      var p = new URLSearchParams(S.view || "");
      filterParams().forEach(function (v, k) { p.delete(k); });
      filterParams().forEach(function (v, k) { p.append(k, v); });
      p = withParams(p, params);
      p.delete("token");
      return "./?token=" + encodeURIComponent(token) + (p.toString() ? "&" + p.toString() : "");
    }
    function fetchClaims(params) {
      return fetch(apiUrl(params), {credentials: "same-origin", cache: "no-store"}).then(function (res) {
        return res.json().catch(function () { return {error: "the server's answer is not JSON (" + res.status + ")"}; })
          .then(function (body) { if (!res.ok) throw new Error(body.error || ("HTTP " + res.status)); return body; });
      });
    }

    // ---------------------------------------------------------------- a list of claims, a page at a time
    function entityButton(eid) {
      if (!hasOwn(DATA.entities, eid)) return h("span", {text: String(eid), dir: "auto"});
      return h("button", {type: "button", cls: "ag-linkbtn", text: C.name(eid), title: String(eid), dir: "auto",
                          on: {click: function () { C.select("node", eid, true); }}});
    }
    function claimItem(c, pair) {
      var who = c.claimants.length ? c.claimants.map(C.name).join(", ") : (c.modality === "denied" ? "the source" : "the author");
      var li = h("li", {cls: "ag-agg-claim ag-srv-claim"},
        pair ? h("div", null, entityButton(c.subject), " \u2192 ", entityButton(c.object)) : null,
        h("div", null, h("strong", {text: c.type + (c.mode ? "/" + c.mode : "")}),
          " \u00b7 " + c.modality + " by " + who + " \u00b7 " + (c.when ? c.when : "not dated") + " \u00b7 ", h("code", {text: c.id})));
      c.evidence.forEach(function (ev) {
        li.appendChild(ev.quote !== undefined && ev.quote !== null ? h("blockquote", {text: "\u201c" + ev.quote + "\u201d", dir: "auto"})
          : h("blockquote", {cls: "ag-record", text: "record: " + ev.record, dir: "auto"}));
        li.appendChild(h("div", {cls: "ag-cite", text: "\u2014 " + C.srcTitle(ev.source), dir: "auto"}));
      });
      return li;
    }
    /* Into box: the claims of params, PAGE at a time, with a pager; pair: show each claim's two ends. */
    function pager(box, params, pair) {
      var offset = 0, seq = 0;
      function load() {
        var mine = ++seq;
        clear(box);
        box.appendChild(h("p", {cls: "ag-muted ag-srv-loading", text: "fetching claims from the server\u2026"}));
        fetchClaims(Object.assign({offset: offset, limit: PAGE}, params)).then(function (ans) {
          if (mine === seq) show(ans);
        }, function (err) {
          if (mine !== seq) return;
          clear(box);
          box.appendChild(h("p", {cls: "ag-srv-error", text: "the server could not answer: " + err.message}));
        });
      }
      function button(label, to, enabled) {
        return h("button", {type: "button", text: label, disabled: !enabled, on: {click: function () { offset = to; load(); }}});
      }
      function show(ans) {
        clear(box);
        var last = ans.offset + ans.claims.length;
        box.appendChild(h("p", {cls: "ag-srv-range", text: ans.total === 0 ? "no claim (with these filters)" :
          "claims " + n(ans.offset + 1) + "\u2013" + n(last) + " of " + n(ans.total)}));
        var ul = h("ul", {cls: "ag-agg-claims ag-srv-list"});
        ans.claims.forEach(function (c) { ul.appendChild(claimItem(c, pair)); });
        box.appendChild(ul);
        if (ans.total > PAGE) {
          box.appendChild(h("div", {cls: "ag-srv-pager"},
            button("\u2039 previous", Math.max(0, ans.offset - PAGE), ans.offset > 0), " ",
            button("next \u203a", last, last < ans.total)));
        }
      }
      load();
    }

    // ---------------------------------------------------------------- the panels' questions
    /* An aggregated edge's panel (aggregate.js): its claims, fetched, and the page that draws them. */
    function group(gid, panel) {
      var r = DATA.relations[gid], m = DATA.relmeta[gid], g = DATA.aggregate.groups[gid];
      var params = {subject: r.subject, object: r.object, quad: m.quad, period: g.period, by: DATA.aggregate.by};
      var box = h("div", {cls: "ag-srv-claims"});
      append(panel, [h("h3", {text: "Claims, from the server"}), box,
        h("p", null, h("a", {cls: "ag-srv-draw", href: pageUrl(params), text: "draw these claims, one edge each"}))]);
      pager(box, params, false);
    }
    /* After an entity's panel: its claims on the server, fetched when asked ("expand"). */
    function entity(eid) {
      var panel = byId("ag-panel"), box = h("div", {cls: "ag-srv-claims"});
      append(panel, [h("h3", {text: "Every claim of " + C.name(eid) + ", from the server"}),
        h("p", null, h("button", {type: "button", cls: "ag-srv-expand", text: "Expand " + C.name(eid) + ": fetch its claims",
                                  on: {click: function () { pager(box, {actor: eid}, true); }}}),
          " or ", h("a", {cls: "ag-srv-draw", href: pageUrl({actor: eid}), text: "draw them, one edge each"})),
        box]);
    }
    /* The claims whose id, quote or record holds text (the search found no actor). */
    function search(text) {
      var panel = byId("ag-panel"), box = h("div", {cls: "ag-srv-claims"});
      clear(panel);
      append(panel, [h("h2", {text: "Claims that mention \u201c" + text + "\u201d"}),
        h("p", {cls: "ag-muted", text: "No actor has this name: the server searched the claims' ids, quotes and records."}), box]);
      pager(box, {q: String(text).trim()}, true);
    }

    // ---------------------------------------------------------------- the header: the filters on the server
    var status = h("span", {id: "ag-server", role: "status"});
    byId("ag-counts").insertAdjacentElement("afterend", status);
    var countSeq = 0, timer = null, lastFilters = null;
    function setStatus(parts) { clear(status); append(status, parts); }
    var overview = S.view ? [" \u00b7 ", h("a", {href: "./?token=" + encodeURIComponent(token), text: "overview"})] : [];
    var here = S.title ? "this page: " + S.title : (S.drawn === "full" ? "every claim" : "the overview");
    /* After the page's state changed: how many claims its filters keep on the server. */
    function filtered() {
      var f = filterParams().toString();
      if (f === lastFilters) return;
      lastFilters = f;
      clearTimeout(timer);
      if (!f) { setStatus(["served: " + here].concat(overview)); return; }
      timer = setTimeout(function () {
        var mine = ++countSeq;
        setStatus(["served: counting on the server\u2026"]);
        fetchClaims({limit: 0}).then(function (ans) {
          if (mine !== countSeq) return;
          setStatus(["served: these filters keep " + n(ans.total) + " claim" + (ans.total === 1 ? "" : "s") + " \u00b7 ",
                     h("a", {cls: "ag-srv-draw", href: pageUrl({}), text: "draw them"})].concat(overview));
        }, function (err) { if (mine === countSeq) setStatus(["served: " + err.message]); });
      }, 250);
    }
    return {group: group, entity: entity, search: search, filtered: filtered};
  };
})();
