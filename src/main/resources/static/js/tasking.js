// Tasking pages: progress bars take their width from data-percent (no inline styles under the CSP);
// the report page's print button.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = Math.max(0, Math.min(100, parseInt(bar.dataset.percent, 10) || 0)) + '%';
  });
  var print = document.getElementById('report-print');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
});
