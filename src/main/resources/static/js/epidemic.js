// Epidemic pages (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener('DOMContentLoaded', function () {
  // Filters apply as soon as a choice changes: <select data-autosubmit>.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (el) {
    el.addEventListener('change', function () { el.form.submit(); });
  });

  // The re-test countdown: the server gives the seconds left on the business clock (which may run ahead of the
  // browser's in a drill), the page counts them down from when it was loaded.
  document.querySelectorAll('[data-countdown-seconds]').forEach(function (el) {
    var loaded = Date.now();
    var seconds = parseInt(el.getAttribute('data-countdown-seconds'), 10);
    function render() {
      var left = seconds - Math.floor((Date.now() - loaded) / 1000);
      var overdue = left < 0;
      var abs = Math.abs(left);
      var template = el.getAttribute(overdue ? 'data-overdue' : 'data-remaining');
      el.textContent = template.replace('{h}', Math.floor(abs / 3600)).replace('{m}', Math.floor((abs % 3600) / 60));
      el.classList.toggle('text-bg-danger', overdue);
      el.classList.toggle('text-bg-warning', !overdue);
    }
    render();
    setInterval(render, 30000);
  });
});
