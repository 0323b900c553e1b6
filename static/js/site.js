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
      heading.focus();
    }
  });
})();
