// The aging charts: one bar chart per currency (open amount per bucket), drawn with uPlot from the numbers the page
// carries in data- attributes, again after htmx swaps a page in.
(function () {
  function draw(root) {
    root.querySelectorAll('.aging-chart:not([data-drawn])').forEach(function (el) {
      var labels = el.dataset.buckets.split('|');
      var open = el.dataset.open.split('|').map(Number);
      var xs = labels.map(function (_, i) { return i; });
      el.dataset.drawn = 'true';
      new uPlot({
        width: 420, height: 220, legend: { show: false }, cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
        axes: [{ values: function (u, ticks) { return ticks.map(function (t) { return labels[t] || ''; }); }, splits: xs },
               { size: 70 }],
        series: [{}, { label: el.dataset.currency, fill: '#1f5fbf', stroke: '#1f5fbf',
                      paths: uPlot.paths.bars({ size: [0.6, 60] }), points: { show: false } }]
      }, [xs, open], el);
    });
  }
  // the DSO trend: one line chart per currency, standard and countback DSO at each month end (a gap where no sales)
  function drawTrends(root) {
    root.querySelectorAll('.dso-chart:not([data-drawn])').forEach(function (el) {
      var labels = el.dataset.months.split('|');
      var series = function (text) { return text.split('|').map(function (v) { return v === '' ? null : Number(v); }); };
      var xs = labels.map(function (_, i) { return i; });
      el.dataset.drawn = 'true';
      new uPlot({
        width: 520, height: 220, cursor: { show: false },
        scales: { x: { time: false } },
        // every other month, as YY-MM, so twelve labels fit under a small chart
        axes: [{ values: function (u, ticks) { return ticks.map(function (t) {
                   return labels[t] && (labels.length - 1 - t) % 2 === 0 ? labels[t].slice(2) : ''; }); }, splits: xs },
               { size: 50 }],
        series: [{}, { label: 'standard', stroke: '#1f5fbf', width: 2 }, { label: 'countback', stroke: '#bf5f1f', width: 2 }]
      }, [xs, series(el.dataset.standard), series(el.dataset.countback)], el);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { drawTrends(document); });
  document.addEventListener('htmx:afterSettle', function () { drawTrends(document); });
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function (e) { draw(document); });
})();
