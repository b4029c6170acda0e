// Production summary page: grouped SVG bars (last week / this week output value) drawn from the rows of the table
// named by data-table on each .production-chart, leaving out rows without output in either week; a bar of a
// drillable region links to that region's summary.
document.addEventListener('DOMContentLoaded', function () {
  var SVG = 'http://www.w3.org/2000/svg';
  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  document.querySelectorAll('.production-chart').forEach(function (box) {
    var table = document.getElementById(box.dataset.table);
    if (!table) { return; }
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr[data-label]'), function (tr) {
      return { label: tr.dataset.label, output: parseFloat(tr.dataset.output) || 0,
        previous: parseFloat(tr.dataset.previous) || 0, href: tr.dataset.href };
    }).filter(function (r) { return r.output > 0 || r.previous > 0; });
    if (!rows.length) { return; }
    var width = Math.max(360, rows.length * 70), height = 220, left = 56, bottom = 46, top = 24;
    var max = Math.max.apply(null, rows.map(function (r) { return Math.max(r.output, r.previous); })) || 1;
    var svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img' });
    var plotH = height - bottom - top, step = (width - left - 10) / rows.length, bar = Math.min(24, step / 3);
    [0, 0.5, 1].forEach(function (f) {
      var y = top + plotH * (1 - f);
      svg.appendChild(el('line', { x1: left, x2: width - 10, y1: y, y2: y, stroke: '#dee2e6' }));
      svg.appendChild(el('text', { x: left - 4, y: y + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#6c757d' },
        Math.round(max * f).toLocaleString()));
    });
    rows.forEach(function (r, i) {
      var x = left + step * i + step / 2;
      var g = el('g', { 'class': 'bar-group' });
      [[r.previous, '#adb5bd', -bar], [r.output, '#0d6efd', 0]].forEach(function (b) {
        var h = plotH * b[0] / max;
        var rect = el('rect', { x: x + b[2], y: top + plotH - h, width: bar, height: h, fill: b[1] });
        rect.appendChild(el('title', {}, r.label + ': ' + b[0].toLocaleString()));
        g.appendChild(rect);
      });
      g.appendChild(el('text', { x: x, y: height - bottom + 14, 'text-anchor': 'middle', 'font-size': 11 },
        r.label.length > 6 ? r.label.slice(0, 6) + '…' : r.label));
      if (r.href) {
        g.style.cursor = 'pointer';
        g.addEventListener('click', function () { window.location.href = r.href; });
      }
      svg.appendChild(g);
    });
    [[box.dataset.labelPrevious, '#adb5bd', left], [box.dataset.labelOutput, '#0d6efd', left + 150]]
      .forEach(function (l) {
        svg.appendChild(el('rect', { x: l[2], y: height - 16, width: 10, height: 10, fill: l[1] }));
        svg.appendChild(el('text', { x: l[2] + 14, y: height - 7, 'font-size': 11 }, l[0]));
      });
    box.appendChild(svg);
    box.setAttribute('data-rendered', 'true');
  });
});
