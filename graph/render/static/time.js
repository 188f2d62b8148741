/* actorgraph page: time arithmetic -- months as whole numbers (the time slider), their first and
 * last days as ISO dates, and the date spans of a claim on a time basis.
 *
 * A module of the page's script that runs without a browser: in the page it is
 * window.actorgraphLib.time, in Node require("./time.js") (tests/js/).
 */
(function (name, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require);
  else { var lib = window.actorgraphLib = window.actorgraphLib || {}; lib[name] = factory(function (p) { return lib[p.replace(/^.*\/|\.js$/g, "")]; }); }
})("time", function () {
  "use strict";

  /* "2024-02-10" -> the month's number (year * 12 + month - 1). */
  function monthIndex(iso) { return parseInt(iso.slice(0, 4), 10) * 12 + parseInt(iso.slice(5, 7), 10) - 1; }
  /* month number -> "YYYY-MM" */
  function monthText(i) {
    var y = Math.floor(i / 12), m = i % 12 + 1;
    return ("000" + y).slice(-4) + "-" + (m < 10 ? "0" : "") + m;
  }
  function monthStart(i) { return monthText(i) + "-01"; }
  function monthEnd(i) {
    var y = Math.floor(i / 12), m = i % 12 + 1, d = new Date(0);
    d.setUTCFullYear(y, m, 0);   // day 0 of the next month: this month's last day
    var last = d.getUTCDate();
    return monthText(i) + "-" + (last < 10 ? "0" : "") + last;
  }

  /* The times a claim can be placed at (graph/filters.py TIMES): when it happened ("happened": its
     'when'), when it was said ("made": its sources' publication dates), or when it happened and, if
     undated, when it was said. */
  var TIMES = ["happened", "made", "happened-or-made"];
  /* The date spans of claim meta m on a basis: [[start or null, end or null], ...] (none: undated). */
  function spansOf(m, basis) {
    if (basis === "made") return m.made;
    if (m.span) return [m.span];
    return basis === "happened-or-made" ? m.made : [];
  }
  /* Does one of the spans overlap the months from..to (null: open)? ISO dates compare as text. */
  function overlaps(spans, from, to) {
    var lo = from === null ? "0000-01-01" : monthStart(from), hi = to === null ? "9999-12-31" : monthEnd(to);
    for (var i = 0; i < spans.length; i++) {
      var a = spans[i][0] || "0000-01-01", b = spans[i][1] || "9999-12-31";
      if (a <= hi && lo <= b) return true;
    }
    return false;
  }

  return {monthIndex: monthIndex, monthText: monthText, monthStart: monthStart, monthEnd: monthEnd,
          TIMES: TIMES, spansOf: spansOf, overlaps: overlaps};
});
