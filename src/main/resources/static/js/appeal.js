// Appeal pages: the triage form's two kinds, and the metrics charts (no inline scripts: CSP forbids them).
document.addEventListener('DOMContentLoaded', function () {
  var individual = document.getElementById('individual-fields');
  var common = document.getElementById('common-fields');
  document.querySelectorAll('.triage-kind').forEach(function (radio) {
    radio.addEventListener('change', function () {
      var isCommon = document.getElementById('kind-common').checked;
      individual.classList.toggle('d-none', isCommon);
      common.classList.toggle('d-none', !isCommon);
    });
  });

  var trend = document.getElementById('chart-trend');
  if (trend && window.echarts) {
    fetch(trend.getAttribute('data-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var chart = echarts.init(trend);
        chart.setOption({
          tooltip: {trigger: 'axis'},
          legend: {data: [trend.getAttribute('data-filed'), trend.getAttribute('data-resolved')]},
          xAxis: {type: 'category', data: data.trend.map(function (d) { return d.date.substring(5); })},
          yAxis: {type: 'value', minInterval: 1},
          series: [
            {name: trend.getAttribute('data-filed'), type: 'line', data: data.trend.map(function (d) { return d.filed; })},
            {name: trend.getAttribute('data-resolved'), type: 'line', data: data.trend.map(function (d) { return d.resolved; })}
          ]
        });
        var pie = echarts.init(document.getElementById('chart-categories'));
        pie.setOption({
          tooltip: {trigger: 'item'},
          series: [{type: 'pie', radius: '65%', data: data.topCategories.map(function (c) {
            return {name: c.label || c.category, value: c.count};
          })}]
        });
        trend.setAttribute('data-rendered', 'true');
        window.addEventListener('resize', function () { chart.resize(); pie.resize(); });
      });
  }
});
