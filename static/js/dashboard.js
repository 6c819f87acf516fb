/* Director dashboards: draws every <canvas data-chart="ID"> from the JSON in
   <script id="ID" type="application/json"> (written by reports/dashboard/charts.py via
   json_script) with the vendored Chart.js. Colour is never the only cue: every series also has a fill
   pattern or a dash style and point shape, and bars carry their values as text. */
(function () {
  "use strict";

  var COLOURS = ["#0b5cab", "#e69f00", "#1b7a3d", "#b3261e", "#6a3d9a", "#56b4e9", "#5b6775"];
  /* A verdict's or a project status's colour, by the code the chart sends in "keys"
     (indicators/rules.py Verdict, reports/dashboard/rules.py ProjectStatus). */
  var CODE_COLOURS = { achieved: "#1b7a3d", not_achieved: "#b3261e", not_reported: "#8a94a3",
    not_due: "#5b7fa6", on_track: "#1b7a3d", behind: "#e69f00", at_risk: "#b3261e" };
  var PATTERNS = ["solid", "diagonal", "dots", "cross", "horizontal", "vertical", "zigzag"];
  var DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
  var POINTS = ["circle", "triangle", "rectRot", "rect", "star"];
  var thaiNumber = new Intl.NumberFormat("th-TH-u-nu-thai", { maximumFractionDigits: 2 });

  function fmt(value) {
    return value === null || value === undefined ? "" : thaiNumber.format(value);
  }

  function pattern(colour, kind) {
    if (kind === "solid") return colour;
    var size = 10;
    var tile = document.createElement("canvas");
    tile.width = tile.height = size;
    var c = tile.getContext("2d");
    c.fillStyle = colour;
    c.globalAlpha = 0.35;
    c.fillRect(0, 0, size, size);
    c.globalAlpha = 1;
    c.strokeStyle = colour;
    c.fillStyle = colour;
    c.lineWidth = 2;
    c.beginPath();
    if (kind === "diagonal") { c.moveTo(0, size); c.lineTo(size, 0); c.moveTo(-2, 2); c.lineTo(2, -2); c.moveTo(size - 2, size + 2); c.lineTo(size + 2, size - 2); }
    if (kind === "cross") { c.moveTo(0, 0); c.lineTo(size, size); c.moveTo(0, size); c.lineTo(size, 0); }
    if (kind === "horizontal") { c.moveTo(0, size / 2); c.lineTo(size, size / 2); }
    if (kind === "vertical") { c.moveTo(size / 2, 0); c.lineTo(size / 2, size); }
    if (kind === "zigzag") { c.moveTo(0, size / 2); c.lineTo(size / 2, 2); c.lineTo(size, size / 2); }
    c.stroke();
    if (kind === "dots") { c.beginPath(); c.arc(size / 2, size / 2, 2.2, 0, Math.PI * 2); c.fill(); }
    return c.createPattern(tile, "repeat");
  }

  /* Writes each bar's value at its end, so a reader needs neither colour nor the axis. */
  var valueLabels = {
    id: "valueLabels",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var horizontal = chart.options.indexAxis === "y";
      ctx.save();
      ctx.font = "12px Sarabun, sans-serif";
      ctx.fillStyle = "#1d2733";
      chart.data.datasets.forEach(function (dataset, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.hidden || meta.type !== "bar" || chart.options.scales.x.stacked) return;
        meta.data.forEach(function (bar, j) {
          var value = dataset.data[j];
          if (value === null || value === undefined) return;
          var text = fmt(value);
          if (horizontal) {
            ctx.textAlign = "left"; ctx.textBaseline = "middle";
            ctx.fillText(text, bar.x + 4, bar.y);
          } else {
            ctx.textAlign = "center"; ctx.textBaseline = "bottom";
            ctx.fillText(text, bar.x, bar.y - 2);
          }
        });
      });
      ctx.restore();
    },
    afterRender: function (chart) {
      chart.canvas.dataset.drawn = "true";
    },
  };

  /* The colour of a chart's j-th category: its code's, else the palette's. */
  function categoryColour(spec, j) {
    var key = spec.keys && spec.keys[j];
    return (key && CODE_COLOURS[key]) || COLOURS[j % COLOURS.length];
  }

  function datasets(spec) {
    var single = spec.series.length === 1;
    var bars = 0;
    var lines = 0;
    return spec.series.map(function (s, i) {
      if (s.kind === "line") {
        var colour = COLOURS[(COLOURS.length - 1 - lines) % COLOURS.length];
        var dash = DASHES[lines % DASHES.length];
        var point = POINTS[lines % POINTS.length];
        lines += 1;
        return { type: "line", label: s.label, data: s.values, borderColor: colour,
          backgroundColor: colour, borderDash: dash, pointStyle: point, pointRadius: 5,
          borderWidth: 2, spanGaps: true, order: 0 };
      }
      var fill;
      if (single) {
        fill = spec.labels.map(function (label, j) {
          return pattern(categoryColour(spec, j), PATTERNS[j % PATTERNS.length]);
        });
      } else {
        fill = pattern(COLOURS[bars % COLOURS.length], PATTERNS[bars % PATTERNS.length]);
      }
      var border = single ? spec.labels.map(function (label, j) {
        return categoryColour(spec, j);
      }) : COLOURS[bars % COLOURS.length];
      bars += 1;
      return { type: "bar", label: s.label, data: s.values, backgroundColor: fill,
        borderColor: border, borderWidth: 1.5, order: 1 };
    });
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || !window.Chart) return;
    var spec = JSON.parse(source.textContent);
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var valueAxis = { beginAtZero: true, stacked: spec.stacked, grace: "8%",
      ticks: { callback: function (v) { return fmt(v); } },
      title: { display: !!spec.unit, text: spec.unit } };
    var categoryAxis = { stacked: spec.stacked, ticks: { autoSkip: false } };
    new window.Chart(canvas, {
      data: { labels: spec.labels, datasets: datasets(spec) },
      plugins: [valueLabels],
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: still ? false : { duration: 400 },
        layout: { padding: { right: spec.horizontal ? 48 : 8, top: 18 } },
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: spec.series.length > 1, labels: { usePointStyle: true } },
          tooltip: { callbacks: { label: function (item) {
            return item.dataset.label + ": " + fmt(item.raw) + (spec.unit ? " " + spec.unit : "");
          } } },
        },
      },
    });
  }

  function start() {
    if (window.Chart) {
      window.Chart.defaults.font.family = "Sarabun, sans-serif";
      window.Chart.defaults.font.size = 13;
      window.Chart.defaults.color = "#1d2733";
    }
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
    document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
      select.addEventListener("change", function () { select.form.requestSubmit(); });
    });
  }

  /* Printing: open every data table and fit the charts to the paper. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.chart-table:not([open])").forEach(function (d) {
      d.open = true; opened.push(d);
    });
    if (window.Chart) Object.values(window.Chart.instances).forEach(function (c) { c.resize(); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
