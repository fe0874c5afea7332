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
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function (e) { draw(document); });
})();
