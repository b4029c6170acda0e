// Appeal pages: attachment checks before upload, the triage form's two kinds, and the metrics charts (no inline
// scripts: CSP forbids them).
document.addEventListener('DOMContentLoaded', function () {
  // The server checks every file again; this only spares a person a long upload that would be refused.
  var allowed = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'];
  document.querySelectorAll('input.attachment-input').forEach(function (input) {
    var box = document.getElementById(input.getAttribute('data-error'));
    var check = function () {
      var max = parseInt(input.getAttribute('data-max-bytes'), 10);
      var problems = [];
      if (input.files.length > 10) { problems.push(input.getAttribute('data-too-many')); }
      Array.prototype.forEach.call(input.files, function (f) {
        var ext = f.name.indexOf('.') < 0 ? '' : f.name.substring(f.name.lastIndexOf('.') + 1).toLowerCase();
        if (allowed.indexOf(ext) < 0) {
          problems.push(input.getAttribute('data-bad-type').replace('{0}', f.name));
        } else if (f.size > max) {
          problems.push(input.getAttribute('data-too-large').replace('{0}', f.name));
        }
      });
      box.textContent = problems.join('；');
      input.classList.toggle('is-invalid', problems.length > 0);
      return problems.length === 0;
    };
    input.addEventListener('change', check);
    input.form.addEventListener('submit', function (e) {
      if (!check()) { e.preventDefault(); }
    });
  });

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
