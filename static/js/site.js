// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // After htmx replaces the directory results, say the new count in the live
  // region, and move focus to the heading when a page link was followed.
  document.addEventListener("htmx:afterSettle", function (event) {
    var heading = document.getElementById("results-heading");
    var status = document.getElementById("result-status");
    if (!heading) {
      return;
    }
    if (status) {
      status.textContent = heading.textContent.replace(/\s+/g, " ").trim();
    }
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (source && source.closest && source.closest(".pagination")) {
      heading.focus({ preventScroll: true });
      // After htmx's own scrolling of the swapped area, bring the results'
      // heading to the top, so a phone does not land on the filters again.
      window.setTimeout(function () {
        heading.scrollIntoView({ block: "start", behavior: "instant" });
      }, 0);
    }
  });
})();

// A print button on the advice-flow result; without JavaScript the page tells
// people to use the browser's own print command instead.
(function () {
  "use strict";
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // Move focus to an error summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();

// "Använd min position" on the directory: asks the browser for the position
// (only when the person presses the button), rounds it to about a kilometre,
// and submits the search nearest first. The button stays hidden where the
// browser cannot do this; the postal-code field works without it.
(function () {
  "use strict";
  if (!("geolocation" in navigator)) {
    return;
  }
  function reveal() {
    document.querySelectorAll(".js-near-me").forEach(function (button) {
      button.hidden = false;
    });
  }
  reveal();
  document.addEventListener("htmx:afterSettle", reveal);
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".js-near-me");
    if (!button) {
      return;
    }
    var form = button.form;
    var status = button.parentNode.querySelector(".js-near-me-status");
    status.textContent = button.dataset.wait;
    navigator.geolocation.getCurrentPosition(
      function (found) {
        var coords = found.coords;
        form.elements.position.value =
          coords.latitude.toFixed(2) + "," + coords.longitude.toFixed(2);
        form.elements.nara.value = "";
        form.elements.sortering.value = "narmast";
        status.textContent = "";
        form.requestSubmit();
      },
      function () {
        status.textContent = button.dataset.failed;
      },
      { timeout: 15000, maximumAge: 600000 }
    );
  });
})();
