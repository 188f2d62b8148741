/* actorgraph page: DOM helpers shared by the page's scripts (elements, text, SVG icons, safe links).
 *
 * Safety rule: data strings only ever reach the DOM as text (textContent, createTextNode,
 * element properties); no innerHTML, no HTML strings. Only http(s) URLs become links.
 */
(function () {
  "use strict";

  var hasOwn = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  /* A map keyed by data (ids, names, types): no prototype, so ids such as "constructor",
     "toString" or "__proto__" are ordinary keys. */
  function dict() { return Object.create(null); }

  // ---------------------------------------------------------------- DOM helpers
  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      for (var k in props) {
        if (!hasOwn(props, k)) continue;
        if (k === "text") el.textContent = props[k];
        else if (k === "cls") el.className = props[k];
        else if (k === "on") { for (var ev in props.on) el.addEventListener(ev, props.on[ev]); }
        else el[k] = props[k];
      }
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function byId(id) { return document.getElementById(id); }
  var SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var el = document.createElementNS(SVGNS, tag);
    for (var k in attrs) if (hasOwn(attrs, k)) el.setAttribute(k, String(attrs[k]));
    for (var i = 2; i < arguments.length; i++) el.appendChild(arguments[i]);
    return el;
  }
  /* An http(s) URL as a link that opens in a new tab without referrer or opener;
     anything else (javascript:, data:, relative paths...) as plain text. */
  function safeUrl(u) {
    if (typeof u !== "string" || !/^\s*https?:\/\//i.test(u)) return null;
    try {
      var url = new URL(u.trim());
      return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
    } catch (e) { return null; }
  }
  function link(u, label) {
    var href = safeUrl(u);
    if (!href) return h("span", {text: label === undefined ? String(u) : label});
    return h("a", {href: href, target: "_blank", rel: "noopener noreferrer", text: label === undefined ? u : label});
  }
  function str(v) {
    if (v === null || v === undefined) return "";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  function pretty(kind) { return String(kind || "").replace(/_/g, " "); }

  function checkbox(checked, onchange) {
    return h("input", {type: "checkbox", checked: checked, on: {change: onchange}});
  }
  function dashSample(dashes, colour) {
    return svg("svg", {width: 26, height: 10, "class": "ag-swatch", "aria-hidden": "true"},
      svg("line", {x1: 0, y1: 5, x2: 26, y2: 5, stroke: colour || "#555", "stroke-width": 2,
                   "stroke-dasharray": dashes ? dashes.join(" ") : "none"}));
  }
  function shapeIcon(shape, colour) {
    var s, c = {fill: colour, stroke: "#333", "stroke-width": 1};
    var pts = {
      diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
      star: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"
    };
    if (shape === "square") s = svg("rect", Object.assign({x: 2, y: 2, width: 12, height: 12}, c));
    else if (hasOwn(pts, shape)) s = svg("polygon", Object.assign({points: pts[shape]}, c));
    else s = svg("circle", Object.assign({cx: 8, cy: 8, r: 6.5}, c));
    return svg("svg", {width: 16, height: 16, "aria-hidden": "true"}, s);
  }

  window.actorgraphDom = {hasOwn: hasOwn, dict: dict, h: h, append: append, clear: clear, byId: byId, svg: svg,
                          safeUrl: safeUrl, link: link, str: str, pretty: pretty, checkbox: checkbox,
                          dashSample: dashSample, shapeIcon: shapeIcon};
})();
