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
    });
  }
  role.addEventListener('change', update);
  update();
});
