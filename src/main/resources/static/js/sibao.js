// Shell behaviour shared by every page (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener('DOMContentLoaded', function () {
  // htmx requests carry the CSRF token of the page.
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', function (e) {
      e.detail.headers[header.content] = token.content;
    });
  }
  // Remember an explicit language choice for the following pages.
  var lang = new URLSearchParams(window.location.search).get('lang');
  if (lang) {
    document.cookie = 'lang=' + (lang.indexOf('en') === 0 ? 'en' : 'zh') + ';path=/;max-age=31536000;SameSite=Lax';
  }
  // Print buttons: <button data-print> prints the page (the menus and forms are left off by the print styles).
  document.querySelectorAll('[data-print]').forEach(function (el) {
    el.addEventListener('click', function () { window.print(); });
  });
  // Confirmation prompts for dangerous actions: <button data-confirm="...">.
  document.querySelectorAll('[data-confirm]').forEach(function (el) {
    el.addEventListener('click', function (e) {
      // an incomplete form is left to the browser's own checks: no question before it can be sent
      if (el.form && !el.hasAttribute('formnovalidate') && !el.form.checkValidity()) { return; }
      if (!window.confirm(el.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
});
