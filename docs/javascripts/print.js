// Printing a stretch page: show the "Print this stretch" button (it needs JavaScript), and,
// when the site was built without site_url, write the page's own address into the printed
// foot, since the build could not know it.
(function () {
  "use strict";

  function writeAddress() {
    if (location.protocol !== "http:" && location.protocol !== "https:") {
      return; // a file:// address means nothing on paper
    }
    document.querySelectorAll("[data-live-address]").forEach(function (line) {
      line.querySelector("span").textContent = location.origin + location.pathname;
      line.hidden = false;
    });
  }

  function ready() {
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    writeAddress();
  }

  window.addEventListener("beforeprint", writeAddress);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
