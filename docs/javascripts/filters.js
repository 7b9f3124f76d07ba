// Filters on the list of stretches (/stretches/): position, equipment, body area and level.
// The page is the full list without this script; the script shows the filter controls, keeps
// them in the address (?position=standing&level=gentle) so a link opens the same choice, and
// says how many stretches are shown in a live region. It only shows and hides cards and sets
// text with textContent: it never builds markup from the page's data.
(function () {
  "use strict";

  // The words come from the page (the language's catalog, in data-none, data-one and
  // data-other of the count), so the same script speaks every language.
  function countText(count, status) {
    var words = status.dataset;
    if (count === 0) return words.none;
    return (count === 1 ? words.one : words.other).replace("{n}", String(count));
  }

  function setUp(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    var list = document.querySelector(".stretch-list");
    var status = form.querySelector(".stretch-count");
    var clear = form.querySelector(".stretch-filters-clear");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var cards = Array.prototype.slice.call(list ? list.querySelectorAll(".stretch-card") : []);

    function hasValue(select, value) {
      return Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      });
    }

    // A value the list does not offer (an old link, a typo) is ignored, not an empty list.
    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        select.value = hasValue(select, value) ? value : "";
      });
    }

    function writeAddress() {
      var url = new URL(window.location.href);
      selects.forEach(function (select) {
        if (select.value) url.searchParams.set(select.name, select.value);
        else url.searchParams.delete(select.name);
      });
      if (url.href !== window.location.href) window.history.replaceState(null, "", url.href);
    }

    function show() {
      var shown = 0;
      cards.forEach(function (card) {
        var matches = selects.every(function (select) {
          if (!select.value) return true;
          var values = (card.getAttribute("data-" + select.name) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        card.hidden = !matches;
        if (matches) shown += 1;
      });
      var text = countText(shown, status);
      if (status.textContent !== text) status.textContent = text;
      clear.disabled = selects.every(function (select) { return !select.value; });
    }

    form.addEventListener("change", function () {
      show();
      writeAddress();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    clear.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      show();
      writeAddress();
      selects[0].focus();
    });
    window.addEventListener("popstate", function () {
      readAddress();
      show();
    });

    readAddress();
    show();
    writeAddress();
    form.hidden = false;
  }

  function start() {
    var form = document.querySelector("form.stretch-filters");
    if (form) setUp(form);
  }

  // Material's instant navigation swaps pages without loading scripts again; it announces
  // each page on document$. Without it, the script runs once the page is parsed.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
