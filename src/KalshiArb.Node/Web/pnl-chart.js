// P&L over time as an inline SVG, drawn without any library (the machines are offline). Shared by the web status page
// and the audit report. Points are {at, realized, markedAtMid} with money as wire text ("12.3400"): the text is what
// the labels show; numbers are only used to place the lines.
"use strict";

var KalshiArbChart = (function () {
  var SVG = "http://www.w3.org/2000/svg";
  var W = 900, H = 240, LEFT = 80, RIGHT = 16, TOP = 16, BOTTOM = 34;

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Seconds, or milliseconds when the whole history fits in a few seconds; the date when it spans days.
  function time(iso, spanMs) {
    var s = new Date(iso).toISOString();
    if (spanMs > 86400000) return s.substring(0, 10) + " " + s.substring(11, 16) + " UTC";
    return s.substring(11, spanMs < 10000 ? 23 : 19) + " UTC";
  }

  // The series' points with a value; the extreme points keep their wire text for the axis labels.
  function series(points, field) {
    var out = [];
    for (var i = 0; i < points.length; i++) {
      var text = points[i][field];
      if (text === null || text === undefined) continue;
      out.push({ t: Date.parse(points[i].at), v: Number(text), text: text });
    }
    return out;
  }

  function drawPnl(container, points, title) {
    container.textContent = "";
    if (!points || points.length === 0) {
      var empty = document.createElement("p");
      empty.className = "muted chart-empty";
      empty.textContent = "No P&L history yet.";
      container.appendChild(empty);
      return null;
    }
    var realized = series(points, "realized");
    var marked = series(points, "markedAtMid");
    var all = realized.concat(marked);
    var lo = all[0], hi = all[0];
    for (var i = 1; i < all.length; i++) {
      if (all[i].v < lo.v) lo = all[i];
      if (all[i].v > hi.v) hi = all[i];
    }
    var t0 = Date.parse(points[0].at), t1 = Date.parse(points[points.length - 1].at);
    var vMin = Math.min(lo.v, 0), vMax = Math.max(hi.v, 0);
    if (vMax === vMin) { vMax += 1; vMin -= 1; }
    var x = function (t) { return t1 === t0 ? LEFT + (W - LEFT - RIGHT) / 2 : LEFT + (t - t0) / (t1 - t0) * (W - LEFT - RIGHT); };
    var y = function (v) { return TOP + (vMax - v) / (vMax - vMin) * (H - TOP - BOTTOM); };

    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "pnl-chart", "aria-label": title || "P&L over time" });
    svg.appendChild(el("rect", { x: LEFT, y: TOP, width: W - LEFT - RIGHT, height: H - TOP - BOTTOM, "class": "plot" }));
    svg.appendChild(el("line", { x1: LEFT, x2: W - RIGHT, y1: y(0), y2: y(0), "class": "zero" }));
    svg.appendChild(el("text", { x: LEFT - 6, y: y(0) + 4, "class": "axis", "text-anchor": "end" }, "0"));
    if (hi.v > 0) svg.appendChild(el("text", { x: LEFT - 6, y: y(hi.v) + 4, "class": "axis", "text-anchor": "end" }, hi.text));
    if (lo.v < 0) svg.appendChild(el("text", { x: LEFT - 6, y: y(lo.v) + 4, "class": "axis", "text-anchor": "end" }, lo.text));
    svg.appendChild(el("text", { x: LEFT, y: H - 10, "class": "axis" }, time(points[0].at, t1 - t0)));
    svg.appendChild(el("text", { x: W - RIGHT, y: H - 10, "class": "axis", "text-anchor": "end" }, time(points[points.length - 1].at, t1 - t0)));

    [[marked, "marked", "realized + unrealized at mid"], [realized, "realized", "realized"]].forEach(function (s, n) {
      var pts = s[0];
      if (pts.length === 0) return;
      var path = pts.map(function (p) { return x(p.t).toFixed(1) + "," + y(p.v).toFixed(1); }).join(" ");
      if (pts.length === 1) path = path + " " + (x(pts[0].t) + 1).toFixed(1) + "," + y(pts[0].v).toFixed(1);
      svg.appendChild(el("polyline", { points: path, "class": "line " + s[1] }));
      var last = pts[pts.length - 1];
      svg.appendChild(el("circle", { cx: x(last.t), cy: y(last.v), r: 3, "class": "dot " + s[1] }));
      svg.appendChild(el("text", { x: LEFT + 10 + n * 360, y: TOP + 14, "class": "legend " + s[1] }, "— " + s[2] + " " + last.text));
    });
    container.appendChild(svg);
    return svg;
  }

  return { drawPnl: drawPnl };
})();
