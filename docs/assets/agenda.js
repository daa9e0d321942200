/* Agenda: add each session's time in the reader's own time zone, clearly labelled.
   The event time (Toronto) stays visible; without JavaScript nothing changes. */
(function () {
  var root = document.querySelector("[data-dj-agenda]");
  if (!root || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === root.getAttribute("data-dj-zone")) return;
  var locale = (document.documentElement.lang || "en") + "-CA";
  var startFormat = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" });
  var endFormat = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  var label = root.getAttribute("data-dj-local-label").replace("{zone}", zone.replace(/_/g, " "));
  document.querySelectorAll("[data-dj-start]").forEach(function (line) {
    var start = new Date(line.getAttribute("data-dj-start"));
    var end = new Date(line.getAttribute("data-dj-end"));
    line.textContent = label + " " + startFormat.format(start) + " – " + endFormat.format(end);
    line.hidden = false;
  });
})();
