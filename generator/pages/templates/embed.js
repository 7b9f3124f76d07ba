/* Stretch embeds: include once; every iframe showing a stretch of this site takes the height of
   its content. Listens only for {type: "stretch-embed:height", version: 1, height} from an
   iframe whose address is on this script's site, sent from that same origin. */
(function () {
  var script = document.currentScript || document.querySelector('script[src$="embed/embed.js"]');
  if (!script) return;
  var base = new URL(".", script.src).href;
  addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "stretch-embed:height" || data.version !== 1) return;
    var height = data.height;
    if (typeof height !== "number" || !(height > 0 && height < 100000)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var src = frame.src;
      if (src.indexOf(base) === 0 && new URL(src).origin === event.origin) {
        frame.style.height = Math.ceil(height) + "px";
      }
      return;
    }
  });
})();
