// Reading tools: the "Text size" buttons on every page, the large-print choice on stretch
// pages and the routine sheet. follow-along.js (the "Follow along" mode) uses the same text.
(function () {
  "use strict";

  // ---- Interface text of the reading tools, in the page's language: words/interface.js
  // (written from the language's catalog, content/languages/<code>.yaml) sets it first.
  // {n}, {of}, {name}, ... are filled in by the code. ----
  var STRINGS = (window.stretchesWords || {}).reading;
  if (!STRINGS) {
    return;
  }
  window.stretchesReading = { strings: STRINGS, fill: fill };

  var html = document.documentElement;
  var STEPS = STRINGS.sizeNames.length; // data-text-size 0 .. STEPS - 1 (reading.css)
  var KEY = "stretches-text-size"; // the key text-size-early.js reads

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function button(className, label, glyph) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = className;
    if (glyph) {
      var mark = document.createElement("span");
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = glyph + " ";
      node.appendChild(mark);
    }
    node.appendChild(document.createTextNode(label));
    return node;
  }

  // ---- Text size: buttons in the slot main.html puts at the top of every page ----

  function currentStep() {
    var step = parseInt(html.getAttribute("data-text-size"), 10);
    return step >= 0 && step < STEPS ? step : 0;
  }

  function textSize(slot) {
    var label = document.createElement("span");
    label.className = "text-size-label";
    label.id = "text-size-label";
    label.textContent = STRINGS.textSize;
    var smaller = button("text-size-button", STRINGS.smaller, "A\u2212");
    var larger = button("text-size-button", STRINGS.larger, "A+");
    var now = document.createElement("span");
    now.className = "text-size-now";
    now.setAttribute("aria-live", "polite");
    slot.setAttribute("role", "group");
    slot.setAttribute("aria-labelledby", label.id);
    slot.append(label, smaller, larger, now);

    function show(step) {
      html.setAttribute("data-text-size", String(step));
      // aria-disabled, not disabled: the focus stays on the button at either end.
      smaller.setAttribute("aria-disabled", String(step === 0));
      larger.setAttribute("aria-disabled", String(step === STEPS - 1));
      var text = fill(STRINGS.sizeNow, { name: STRINGS.sizeNames[step], n: step + 1, of: STEPS });
      now.textContent = text; // a polite live region: a change is announced
    }

    function change(by) {
      var step = Math.min(Math.max(currentStep() + by, 0), STEPS - 1);
      try {
        window.localStorage.setItem(KEY, String(step));
      } catch (error) {
        // Kept for this page only.
      }
      show(step);
    }

    smaller.addEventListener("click", function () {
      change(-1);
    });
    larger.addEventListener("click", function () {
      change(1);
    });
    show(currentStep());
  }

  // ---- Large print: a stretch page's button, the routine sheet's choice (?print=large) ----

  function printLarge() {
    var previous = html.getAttribute("data-print");
    html.setAttribute("data-print", "large");
    window.print(); // returns when the print dialog has closed
    restore(previous);
  }

  function restore(previous) {
    if (previous) {
      html.setAttribute("data-print", previous);
    } else {
      html.removeAttribute("data-print");
    }
  }

  function stretchPage(printButton) {
    var large = button("md-button", STRINGS.printLarge);
    large.setAttribute("data-print-large", "");
    large.addEventListener("click", printLarge);
    printButton.after(large);
  }

  function largeInAddress(on) {
    var search = location.search.replace(/^\?/, "").split("&").filter(function (part) {
      return part && part.split("=")[0] !== "print";
    });
    if (on) {
      search.push("print=large");
    }
    var query = search.length ? "?" + search.join("&") : "";
    if (query !== location.search) {
      history.replaceState(null, "", location.pathname + query + location.hash);
    }
  }

  function sheet(actions) {
    var label = document.createElement("label");
    label.className = "sheet-large";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.setAttribute("data-print-large-choice", "");
    label.append(box, document.createTextNode(" " + STRINGS.sheetLarge));
    actions.before(label);
    var on = new URLSearchParams(location.search).get("print") === "large";
    box.checked = on;
    if (on) {
      html.setAttribute("data-print", "large");
    }
    box.addEventListener("change", function () {
      restore(box.checked ? "large" : null);
      largeInAddress(box.checked); // sheet.js keeps it when it rewrites the address
    });
  }

  function ready() {
    var slot = document.querySelector("[data-text-size-control]");
    if (slot) {
      textSize(slot);
    }
    // A stretch page's address can ask for large print too (?print=large), as make pdfs does.
    if (new URLSearchParams(location.search).get("print") === "large") {
      html.setAttribute("data-print", "large");
    }
    var printButton = document.querySelector("[data-print-page]");
    if (printButton) {
      stretchPage(printButton);
    }
    var actions = document.querySelector("[data-sheet] .sheet-actions");
    if (actions) {
      sheet(actions);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
