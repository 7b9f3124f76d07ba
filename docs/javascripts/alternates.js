/* Material's language switcher fetches sitemap.xml beside every <link rel="alternate"> in the
   page when the page is ready. The build marks the links that have no sitemap beside them
   (data-no-sitemap: the oEmbed link, a page's twin in another language), which would each be
   a 404 on every visit. Hide those from Material while it looks, then put them back, so that
   the page keeps every link. This script runs before the page is ready; Material subscribed
   to document$ first, so it looks before the second callback below puts the links back. */
(function () {
  var hidden = document.querySelectorAll('link[rel="alternate"][data-no-sitemap]');
  if (!hidden.length || !window.document$) return;
  hidden.forEach(function (link) { link.rel = "alternate-hidden"; });
  window.document$.subscribe(function () {
    hidden.forEach(function (link) { link.rel = "alternate"; });
  });
})();
