// Filters on the list of stretches (/stretches/): position, equipment, body area and level.
// The page is the full list without this script; the script shows the filter controls, keeps
// them in the address (?position=standing&level=gentle) so a link opens the same choice, and
// says how many stretches are shown in a live region. It sets text with textContent: it
// never builds markup from the page's data.
//
// A large library's list is in pages (/stretches/page/2/ ...) and its form names the whole
// library's cards (data-cards, stretches/cards.json): a filter then loads that file once and
// shows every match, from any page, instead of the page's own cards. If it can't be loaded,
// the filters work on the page's cards and say so.
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
    // This page's own cards, as the page has them.
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

    function chosenValues() {
      return selects.filter(function (select) { return select.value; });
    }

    // valueOf(name) is a card's space-separated values for the filter `name`.
    function matches(valueOf) {
      return chosenValues().every(function (select) {
        return (valueOf(select.name) || "").split(" ").indexOf(select.value) !== -1;
      });
    }

    function say(text) {
      if (status.textContent !== text) status.textContent = text;
    }

    // ---- The whole library, for a paged list ----
    var libraryAddress = form.dataset.cards ? new URL(form.dataset.cards, window.location.href) : null;
    var pageParts = Array.prototype.slice.call(
      document.querySelectorAll(".stretch-pages, .stretch-pages-where")
    );
    var library = null; // the request for cards.json, once made
    var failed = false; // cards.json could not be loaded: filter this page only
    var asked = 0; // the latest filter choice; an older answer arriving late is dropped

    function loadLibrary() {
      if (!library) {
        library = fetch(libraryAddress.href).then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + libraryAddress.href);
          return response.json();
        });
      }
      return library;
    }

    function part(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    // A card as the page's own are, from its entry in cards.json.
    function cardOf(item) {
      var card = part("li", "stretch-card");
      var figure = part("img", "stretch-card-figure");
      figure.alt = "";
      figure.width = item.figure[1];
      figure.height = item.figure[2];
      figure.loading = "lazy";
      figure.decoding = "async";
      figure.src = new URL(item.figure[0], libraryAddress).href;
      var link = part("a");
      link.href = new URL(item.url, libraryAddress).href;
      link.appendChild(part("strong", "", item.name));
      card.append(figure, link);
      if (item.english_only) {
        var mark = part("span", "stretch-english-only", "(" + form.dataset.englishOnly + ")");
        mark.lang = document.documentElement.lang;
        card.append(" ", mark);
      }
      card.append(
        part("span", "stretch-card-summary", item.summary),
        part("span", "stretch-card-facts", item.facts)
      );
      return card;
    }

    function showLibrary() {
      var request = ++asked;
      list.hidden = true;
      pageParts.forEach(function (node) { node.hidden = true; });
      say(form.dataset.loading);
      loadLibrary().then(
        function (data) {
          if (request !== asked) return;
          var found = document.createDocumentFragment();
          data.stretches.forEach(function (item) {
            if (matches(function (name) { return item[name]; })) found.appendChild(cardOf(item));
          });
          var shown = found.childNodes.length;
          list.replaceChildren(found);
          list.hidden = false;
          say(countText(shown, status));
        },
        function () {
          if (request !== asked) return;
          failed = true;
          show();
        }
      );
    }

    function showPage() {
      asked += 1;
      if (list.firstElementChild !== cards[0]) list.replaceChildren.apply(list, cards);
      list.hidden = false;
      pageParts.forEach(function (node) { node.hidden = false; });
      var shown = 0;
      cards.forEach(function (card) {
        card.hidden = !matches(function (name) { return card.getAttribute("data-" + name); });
        if (!card.hidden) shown += 1;
      });
      var filtering = chosenValues().length > 0;
      if (libraryAddress && !filtering) say(countText(Number(form.dataset.total), status));
      else if (failed) say(form.dataset.failed + " " + countText(shown, status));
      else say(countText(shown, status));
    }

    function show() {
      var filtering = chosenValues().length > 0;
      clear.disabled = !filtering;
      if (libraryAddress && filtering && !failed) showLibrary();
      else showPage();
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
