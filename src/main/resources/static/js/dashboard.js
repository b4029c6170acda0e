// The one screen: bars of ACTIVE entries by sector and by child region (click a bar to drill down).
// Data comes from /dashboard/data (data-url on #dashboard-charts); labels come from data-* attributes.
document.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('dashboard-charts');
  if (!root || typeof echarts === 'undefined') { return; }
  var d = root.dataset;
  var sectorNames = {};
  var codes = (d.sectorCodes || '').split(',');
  var names = (d.sectorNames || '').split(',');
  codes.forEach(function (c, i) { sectorNames[c] = names[i]; });
  function pct(r) { return Math.round(parseFloat(r) * 1000) / 10; }
  function bars(el, labels, values, tips, onClick) {
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 50, right: 20, top: 30, bottom: 60 },
      tooltip: { trigger: 'axis', formatter: function (p) { return p[0].name + '<br>' + tips[p[0].dataIndex]; } },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barMaxWidth: 40, name: d.labelActive, data: values, itemStyle: { color: '#1565c0' },
        label: { show: true, position: 'top' } }]
    });
    if (onClick) { chart.on('click', onClick); }
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  // the sector filter applies as soon as it changes
  document.querySelectorAll('select[data-autosubmit]').forEach(function (el) {
    el.addEventListener('change', function () { el.form.submit(); });
  });
  fetch(d.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var bySector = data.whitelist.bySector;
      var coverage = data.whitelist.coverage;
      var keys = Object.keys(bySector);
      bars(document.getElementById('dashboard-sector-chart'),
        keys.map(function (k) { return sectorNames[k] || k; }),
        keys.map(function (k) { return bySector[k]; }),
        keys.map(function (k) { return d.labelActive + ': ' + bySector[k] + '<br>' + d.labelCoverage + ': ' + pct(coverage[k]) + '%'; }),
        null);
      var regionEl = document.getElementById('dashboard-region-chart');
      if (regionEl && data.children.length) {
        bars(regionEl, data.children.map(function (c) { return c.regionName; }),
          data.children.map(function (c) { return c.active; }),
          data.children.map(function (c) { return d.labelActive + ': ' + c.active + '<br>' + d.labelCoverage + ': ' + pct(c.coverage) + '%'; }),
          function (p) {
            var child = data.children[p.dataIndex];
            window.location.href = d.drillUrl + '?regionCode=' + encodeURIComponent(child.regionCode)
              + (d.sector ? '&sector=' + encodeURIComponent(d.sector) : '');
          });
      }
      root.setAttribute('data-rendered', 'true');
    })
    .catch(function (e) { root.setAttribute('data-error', String(e)); });
});
