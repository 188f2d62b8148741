/* actorgraph page: the legend -- shapes and colours of entity kinds, polarity colours, line styles,
 * denied and contested claims, claimant links. Runs after app.js.
 */
(function () {
  "use strict";

  var D = window.actorgraphDom;
  var hasOwn = D.hasOwn, h = D.h, byId = D.byId, pretty = D.pretty, dashSample = D.dashSample, shapeIcon = D.shapeIcon;
  var VOCAB = window.actorgraph.internal.data.vocab;

  function buildLegend() {
    var sec = byId("ag-legend");
    sec.appendChild(h("div", {cls: "ag-legend-note", text: "Actors and things (colour and shape by kind; size: number of relations)"}));
    Object.keys(VOCAB.kinds).forEach(function (k) {
      var v = VOCAB.kinds[k];
      sec.appendChild(h("div", {cls: "ag-legend-item", title: v.description}, shapeIcon(v.shape, v.color), pretty(k)));
    });
    sec.appendChild(h("div", {cls: "ag-legend-note", text: "Relations: an arrow from the subject (who acts) to the object, labelled with its type. Colour: polarity on −10..+10"}));
    var grad = h("div", {cls: "ag-gradient"});
    grad.style.background = "linear-gradient(to right," + [VOCAB.colors.conflict, VOCAB.colors.weak_conflict,
      VOCAB.colors.neutral, VOCAB.colors.weak_cooperation, VOCAB.colors.cooperation].join(",") + ")";
    sec.appendChild(grad);
    sec.appendChild(h("div", {cls: "ag-gradient-labels"}, h("span", {text: "conflict −10"}), h("span", {text: "0"}), h("span", {text: "+10 cooperation"})));
    sec.appendChild(h("div", {cls: "ag-legend-note", text: "Line style: modality (solid = reported as fact)"}));
    Object.keys(VOCAB.modalities).forEach(function (m) {
      sec.appendChild(h("div", {cls: "ag-legend-item", title: VOCAB.modalities[m].description}, dashSample(VOCAB.modalities[m].dashes), m + " — " + VOCAB.modalities[m].description));
    });
    sec.appendChild(h("div", {cls: "ag-legend-item", title: "A denied claim is never drawn in the colour of the event it denies"},
      dashSample(VOCAB.modalities.denied ? VOCAB.modalities.denied.dashes : [3, 3], VOCAB.colors.denied),
      "denied: its own colour, never the event's"));
    var halo = h("span", {cls: "ag-halo"});
    halo.style.background = VOCAB.colors.contested;
    sec.appendChild(h("div", {cls: "ag-legend-item", title: "Asserted and denied, or asserted with opposite polarity"},
      halo, "\u2691 contested claim (halo)"));
    sec.appendChild(h("div", {cls: "ag-legend-item"}, dashSample(VOCAB.claimant_link.dashes, VOCAB.claimant_link.color),
      "claimant → subject of its claim (show claimants)"));
    sec.appendChild(h("div", {cls: "ag-legend-item", title: "An office or person and the state or organisation it is part of"},
      dashSample(false, "#c4c4c4"), "part of (a thin grey line)"));
    sec.appendChild(h("div", {cls: "ag-legend-note", text: "Claims of the same quad from one actor to another are drawn as one line, " +
      "its width by their count (\u00d7N in its label; click it for the list). Other claims between the same two actors are separate curves. " +
      "A thick dashed border: a group, with the offices and people that are part of it folded in (\u201cgroup parts\u201d; double-click to unfold)."}));
  }
  buildLegend();
})();
