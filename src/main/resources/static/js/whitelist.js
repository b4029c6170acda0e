// Whitelist pages (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener('DOMContentLoaded', function () {
  // Application form: answer every yes/no declaration with "yes" at once, then re-run the precheck.
  var declareAll = document.getElementById('wl-declare-all');
  if (declareAll) {
    declareAll.addEventListener('click', function () {
      var form = document.getElementById('wl-apply-form');
      form.querySelectorAll('select[name^="d."]').forEach(function (s) { s.value = 'true'; });
      form.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  // Criteria editor: add a blank criterion from the template, remove one.
  var rows = document.getElementById('wl-criteria-rows');
  var add = document.getElementById('wl-criteria-add');
  var template = document.getElementById('wl-criterion-template');
  if (rows && add && template) {
    add.addEventListener('click', function () {
      rows.appendChild(template.content.cloneNode(true));
    });
  }
  if (rows) {
    rows.addEventListener('click', function (e) {
      var button = e.target.closest('.wl-criterion-remove');
      if (button) { button.closest('.wl-criterion').remove(); }
    });
  }
});
