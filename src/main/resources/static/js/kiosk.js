// The door kiosk: a tap is kept on the tablet first and sent when the network allows, so taps made while the network
// is down are not lost; each tap carries its own random id, so a tap sent twice counts once. The screen resets after 10 s.
(function () {
  "use strict";
  var KEY = "impactlab-kiosk-taps";
  function queue() { try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; } }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); }
  function uuid() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  var sending = false;
  function flush() {
    var q = queue();
    if (sending || q.length === 0 || !navigator.onLine) { return; }
    sending = true;
    var tap = q[0];
    var body = new URLSearchParams({ tapId: tap.tapId, reason: tap.reason, tappedAt: String(tap.at) });
    fetch("/kiosk/taps", { method: "POST", body: body, headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        sending = false;
        if (r.status === 403) { window.location.reload(); return; }
        // Counted, or refused for good: either way this tap is done; a network failure keeps it for later.
        save(queue().filter(function (t) { return t.tapId !== tap.tapId; }));
        flush();
      })
      .catch(function () { sending = false; });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var thanks = document.getElementById("kiosk-thanks");
    var question = document.getElementById("kiosk-question");
    var timer;
    function reset() { thanks.hidden = true; question.hidden = false; }
    if (!thanks.hidden) { timer = setTimeout(function () { window.location.href = "/kiosk"; }, 10000); }
    document.querySelectorAll("form.kiosk-tap").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var q = queue();
        q.push({ tapId: uuid(), reason: form.elements.reason.value, at: Date.now() });
        save(q);
        flush();
        question.hidden = true;
        thanks.hidden = false;
        clearTimeout(timer);
        timer = setTimeout(reset, 10000);
      });
    });
    thanks.querySelector("a").addEventListener("click", function (event) { event.preventDefault(); clearTimeout(timer); reset(); });
    window.addEventListener("online", flush);
    setInterval(flush, 30000);
    flush();
  });
})();
