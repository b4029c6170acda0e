// User creation form: show only the fields the chosen role needs (data-role-field="ROLE ROLE ...").
document.addEventListener('DOMContentLoaded', function () {
  var role = document.getElementById('role');
  if (!role) { return; }
  var fields = document.querySelectorAll('[data-role-field]');
  function update() {
    fields.forEach(function (el) {
      var roles = el.getAttribute('data-role-field').split(' ');
      var invalid = el.querySelector('.is-invalid');
      el.hidden = !invalid && roles.indexOf(role.value) < 0;
      // a hidden field is not submitted, so that a value chosen for another role is not saved
      el.querySelectorAll('input, select').forEach(function (c) { c.disabled = el.hidden; });
    });
  }
  role.addEventListener('change', update);
  update();
});
