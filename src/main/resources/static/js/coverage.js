// Coverage page: gauge, per-sector bars and per-region bars (click a bar to drill down) against the target line.
// Data comes from /coverage/data (data-url on #coverage-charts); labels come from data-* attributes.
document.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('coverage-charts');
  if (!root || typeof echarts === 'undefined') { return; }
  var d = root.dataset;
  var target = parseFloat(d.target) * 100;
  var sectorNames = {};
  var codes = (d.sectorCodes || '').split(',');
  var names = (d.sectorNames || '').split(',');
  codes.forEach(function (c, i) { sectorNames[c] = names[i]; });
  function pct(r) { return Math.round(parseFloat(r) * 1000) / 10; }
  function colour(r) { return pct(r) >= target ? '#2e7d32' : '#c62828'; }
  function targetLine() {
    return { silent: true, symbol: 'none', lineStyle: { color: '#f57c00', type: 'dashed', width: 2 },
      label: { position: 'insideEndTop', formatter: d.labelTarget + ' ' + target + '%' }, data: [{ yAxis: target }] };
  }
  function bars(el, labels, items, onClick) {
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 45, right: 20, top: 30, bottom: 60 },
      tooltip: { trigger: 'axis', formatter: function (p) {
        var it = items[p[0].dataIndex];
        return p[0].name + '<br>' + d.labelRatio + ': ' + pct(it.ratio) + '%<br>' + d.labelCovered + ': ' +
          it.coveredValue + '<br>' + d.labelTotal + ': ' + it.totalValue;
      } },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', barMaxWidth: 40, name: d.labelRatio,
        data: items.map(function (it) { return { value: pct(it.ratio), itemStyle: { color: colour(it.ratio) } }; }),
        label: { show: true, position: 'top', formatter: '{c}%' }, markLine: targetLine() }]
    });
    if (onClick) { chart.on('click', onClick); }
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  fetch(d.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var gaugeEl = document.getElementById('coverage-gauge');
      if (gaugeEl) {
        var gauge = echarts.init(gaugeEl);
        gauge.setOption({ series: [{ type: 'gauge', min: 0, max: 100, radius: '95%', center: ['50%', '60%'],
          startAngle: 200, endAngle: -20, splitNumber: 5, progress: { show: true, width: 10 },
          axisLine: { lineStyle: { width: 10, color: [[target / 100, '#ffcdd2'], [1, '#c8e6c9']] } },
          axisTick: { show: false }, splitLine: { length: 6 }, axisLabel: { distance: 14, fontSize: 9 },
          pointer: { width: 4 }, detail: { formatter: '{value}%', fontSize: 16, offsetCenter: [0, '35%'] },
          itemStyle: { color: colour(data.figure.ratio) }, data: [{ value: pct(data.figure.ratio) }] }] });
      }
      bars(document.getElementById('coverage-sector-chart'),
        data.sectors.map(function (s) { return sectorNames[s.sector] || s.sector; }), data.sectors, null);
      var regionEl = document.getElementById('coverage-region-chart');
      if (regionEl && data.children.length) {
        bars(regionEl, data.children.map(function (c) { return c.regionName; }), data.children, function (p) {
          var child = data.children[p.dataIndex];
          var url = d.drillUrl + '?regionCode=' + encodeURIComponent(child.regionCode) +
            (d.sector ? '&sector=' + encodeURIComponent(d.sector) : '');
          window.location.href = url;
        });
      }
      root.setAttribute('data-rendered', 'true');
    });
});
