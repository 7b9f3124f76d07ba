// Loaded in the <head>, before the page is drawn: the reader's text size, kept on this device
// only (localStorage), set on <html> at once so the page never jumps from one size to another.
// reading.js draws the "Text size" buttons that change it. No interface text here.
(function () {
  "use strict";
  var step = "0";
  try {
    var kept = window.localStorage.getItem("stretches-text-size");
    if (kept && /^[0-3]$/.test(kept)) {
      step = kept;
    }
  } catch (error) {
    // Storage blocked: the buttons still work on this page.
  }
  document.documentElement.setAttribute("data-text-size", step);
})();
