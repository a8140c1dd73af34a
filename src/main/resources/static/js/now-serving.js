// The now-serving board shows its words in the lab's languages in turn. Without this script every language stands
// side by side; with it one language at a time shows, all groups in step, also after htmx redraws the board.
(function () {
  "use strict";
  var SECONDS = 5;
  var tick = 0;

  function show() {
    document.querySelectorAll(".turns").forEach(function (group) {
      var turns = group.querySelectorAll(":scope > .turn");
      turns.forEach(function (turn, i) {
        turn.classList.toggle("turn-current", i === tick % turns.length);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("turns-rotate");
    show();
    setInterval(function () { tick += 1; show(); }, SECONDS * 1000);
    document.body.addEventListener("htmx:afterSwap", show);
  });
})();
