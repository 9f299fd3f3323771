// Ferry dashboard: live updates and confirmation prompts. Everything works without it.
(function () {
  "use strict";
  var INTERVAL_MS = 5000;

  // Ask before destructive actions (forms marked with data-confirm).
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });

  // Re-fetch this page and swap the [data-live] region while the tab is visible.
  function refresh() {
    if (document.visibilityState !== "visible") { return; }
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (response.redirected || !response.ok) { window.location.reload(); return null; }
        return response.text();
      })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live]");
        var current = document.querySelector("[data-live]");
        if (fresh && current) { current.replaceWith(fresh); }
      })
      .catch(function () { /* offline: try again next tick */ });
  }

  if (document.querySelector("[data-live]")) {
    window.setInterval(refresh, INTERVAL_MS);
    document.addEventListener("visibilitychange", refresh);
  }
})();
