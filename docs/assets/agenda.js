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
  // French Canadian usage: "16 h", not "16 h 00".
  var tidy = function (text) { return locale === "fr-CA" ? text.replace(/(\d)\s?h\s?00\b/g, "$1\u00a0h") : text; };
  var label = root.getAttribute("data-dj-local-label").replace("{zone}", zone.replace(/_/g, " "));
  document.querySelectorAll("[data-dj-start]").forEach(function (line) {
    var start = new Date(line.getAttribute("data-dj-start"));
    var end = new Date(line.getAttribute("data-dj-end"));
    line.textContent = label + " " + tidy(startFormat.format(start)) + " – " + tidy(endFormat.format(end));
    line.hidden = false;
  });
})();
