// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to an error summary so keyboard and screen-reader users hear it first.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
    // A print button only makes sense with JavaScript; without it, the browser's own print works as always.
    document.querySelectorAll(".print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
  // htmx requests carry the CSRF token from the page's form (no inline script under our CSP).
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name='_csrf']");
    if (token) { event.detail.headers["X-CSRF-TOKEN"] = token.value; }
  });
})();
