/* Theme from the address (?theme=light|dark, ?accent=0b5c8a; anything else is ignored), and the
   content's height posted to the page around the iframe, for /embed/embed.js.
   Message, version 1: {type: "stretch-embed:height", version: 1, height: <CSS pixels>}. */
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var theme = query.get("theme");
  var accent = (query.get("accent") || "").replace(/^#/, "");
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  if (/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent)) root.style.setProperty("--accent", "#" + accent);
  if (window.parent === window) return;
  var posted = -1;
  function post() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    window.parent.postMessage({ type: "stretch-embed:height", version: 1, height: height }, "*");
  }
  // Any change of the content's size: width, fonts, images, zoom.
  if (window.ResizeObserver) new ResizeObserver(post).observe(root);
  addEventListener("load", post);
  addEventListener("resize", post);
})();
