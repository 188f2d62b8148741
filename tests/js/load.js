/* The page's modules and the shared fixture, for the tests of this folder (node --test tests/js/). */
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const STATIC = path.join(__dirname, "..", "..", "graph", "render", "static");

/* A page module by name ("filters" -> graph/render/static/filters.js). */
function mod(name) { return require(path.join(STATIC, name + ".js")); }

/* The fixture (tests/test_page_modules.py writes it): a fresh deep copy each time, since
   records.index fills the page data in place. */
function fixture() {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "filters.json"), "utf-8"));
}

/* A page state from a fixture case's plain state: lists as sets, months as month numbers. */
function stateOf(plain, page) {
  const F = mod("filters"), T = mod("time");
  const st = F.defaults(page || {});
  for (const [k, v] of Object.entries(plain)) {
    if (Array.isArray(v)) st[k] = new Set(v);
    else if (k === "from" || k === "to") st[k] = T.monthIndex(v + "-01");
    else st[k] = v;
  }
  return st;
}

module.exports = {mod, fixture, stateOf};
