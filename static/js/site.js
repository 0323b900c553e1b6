// Progressive enhancement only: every page works without this file.

// The directory. Its filters fold behind "Filtrera" (a <details>, which works
// without this file); on a wide screen they are simply open. After htmx
// replaces the results: the new count goes to the live region; a search that
// was sent (Enter, "Sök", "Visa … företag", "Använd min position") or a page
// link moves focus and the screen to the count, and folds the filters again
// on a phone; a change inside the open filters keeps them open.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 992px)");
  var wasOpen = false;

  function fitFilters(sent) {
    var filters = document.getElementById("filters");
    if (!filters) {
      return;
    }
    if (wide.matches) {
      filters.open = true;
      filters.classList.add("is-pinned");
    } else {
      filters.classList.remove("is-pinned");
      filters.open = filters.open || (wasOpen && !sent);
    }
  }

  function sentByPerson(event) {
    var config = event.detail.requestConfig || {};
    var source = config.elt;
    var trigger = config.triggeringEvent;
    var paged = source && source.closest && source.closest(".pagination");
    return Boolean(paged || (trigger && trigger.type === "submit"));
  }

  // "Visa 7 företag": the count of what the filters now give (htmx rendered it).
  function showCount() {
    document.querySelectorAll(".js-show-count").forEach(function (button) {
      button.textContent = button.dataset.label;
    });
  }

  fitFilters(false);
  showCount();
  wide.addEventListener("change", function () { fitFilters(false); });
  document.addEventListener("htmx:beforeSwap", function () {
    var filters = document.getElementById("filters");
    wasOpen = Boolean(filters && filters.open);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var heading = document.getElementById("results-heading");
    var status = document.getElementById("result-status");
    if (!heading) {
      return;
    }
    var sent = sentByPerson(event);
    fitFilters(sent);
    showCount();
    if (status) {
      status.textContent = heading.textContent.replace(/\s+/g, " ").trim();
    }
    if (sent) {
      heading.focus({ preventScroll: true });
      // After htmx's own scrolling, bring the count to the top of the screen.
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

// The phone menu is a <details>, which opens and closes without this file;
// here Escape and a tap outside it close it too.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu) {
    return;
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
})();
