// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to an error summary so keyboard and screen-reader users hear it first.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
    // A table wider than its frame scrolls inside it: the frame takes keyboard focus so arrow keys can scroll it too.
    document.querySelectorAll(".table-scroll:not([tabindex])").forEach(function (frame) {
      if (frame.scrollWidth <= frame.clientWidth) { return; }
      frame.tabIndex = 0;
      var caption = frame.querySelector("caption");
      if (caption) {
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", caption.textContent.trim());
      }
    });
    // A print button only makes sense with JavaScript; without it, the browser's own print works as always.
    document.querySelectorAll(".print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
  // Links that look like buttons answer the Space key as buttons do (keyboard users expect it from role=button).
  document.addEventListener("keydown", function (event) {
    var link = event.target;
    if ((event.key === " " || event.key === "Spacebar") && link.matches && link.matches("a[role='button'][href]")) {
      event.preventDefault();
      link.click();
    }
  });
  // htmx requests carry the CSRF token from the page's form (no inline script under our CSP).
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name='_csrf']");
    if (token) { event.detail.headers["X-CSRF-TOKEN"] = token.value; }
  });
})();
