/* Agenda: for a reader whose clock differs from the event's, show their own time first and the
   event's time second, in each session, each time-slot heading and the table of contents.
   Every word comes from the page (#dj-agenda-times: built with Babel); Intl only tells which
   day and hour it is where the reader is. Without JavaScript the page shows the event's time. */
(function () {
  // The timetable (a grid per day) is an addition for wide screens; datajam.css hides it on phones.
  document.querySelectorAll(".dj-timetable[hidden]").forEach(function (grid) { grid.hidden = false; });
})();
(function () {
  // The filters work without JavaScript (CSS :target); this tells assistive technology which one is chosen
  // and keeps the page's contents to the days and time slots the filter shows.
  var links = document.querySelectorAll(".dj-filters__link");
  var mark = function () {
    var key = "";
    links.forEach(function (link) {
      var chosen = link.getAttribute("href") === location.hash;
      if (chosen) { link.setAttribute("aria-current", "true"); key = location.hash.slice("#filter-".length); }
      else link.removeAttribute("aria-current");
    });
    document.querySelectorAll("h2[data-dj-filters][id], h3[data-dj-filters][id]").forEach(function (heading) {
      var shown = !key || key === "all" || heading.getAttribute("data-dj-filters").split(" ").indexOf(key) >= 0;
      document.querySelectorAll("nav a[href='#" + heading.id + "']").forEach(function (entry) { entry.parentNode.hidden = !shown; });
    });
  };
  if (links.length) { window.addEventListener("hashchange", mark); mark(); }
})();
(function () {
  // Upcoming, live or over, from the reader's clock (the page says what it was when it was built).
  var status = document.querySelector(".dj-status[data-dj-start]");
  var table = document.getElementById("dj-agenda-times");
  if (!status || !table) return;
  var words = JSON.parse(table.textContent).status;
  var phase = function (start, end, now) { return now < Date.parse(start) ? "upcoming" : now < Date.parse(end) ? "live" : "over"; };
  var update = function () {
    var now = Date.now();
    var event = phase(status.getAttribute("data-dj-start"), status.getAttribute("data-dj-end"), now);
    status.setAttribute("data-dj-status", event);
    status.textContent = words[event];
    document.querySelectorAll("li.dj-session").forEach(function (session) {
      var times = session.querySelector("[data-dj-start]");
      var when = phase(times.getAttribute("data-dj-start"), times.getAttribute("data-dj-end"), now);
      ["upcoming", "live", "over"].forEach(function (name) { session.classList.toggle("dj-session--" + name, name === when); });
      session.querySelectorAll(".dj-badge--live, .dj-badge--over").forEach(function (badge) {
        badge.hidden = !badge.classList.contains("dj-badge--" + when);
      });
    });
  };
  update();
  setInterval(update, 60000);
})();
(function () {
  var root = document.querySelector("[data-dj-agenda]");
  var table = document.getElementById("dj-agenda-times");
  if (!root || !table || !window.Intl) return;
  var words = JSON.parse(table.textContent);
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  var parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone || undefined, year: "numeric", month: "2-digit", day: "2-digit",
    hour: "numeric", minute: "2-digit", hourCycle: "h23"
  });
  var NBSP = "\u00a0";
  // The reader's day ("2021-05-08") and time ("7:30") of an ISO moment; null if the words are missing.
  var local = function (iso) {
    var p = {};
    parts.formatToParts(new Date(iso)).forEach(function (part) { p[part.type] = part.value; });
    var time = Number(p.hour) % 24 + ":" + p.minute;
    var day = p.year + "-" + p.month + "-" + p.day;
    return words.times[time] && words.dates[day] ? { day: day, time: time } : null;
  };
  // The event's own day and time, as written in the ISO moment (event time with its offset).
  var eventClock = function (iso) { return { day: iso.slice(0, 10), time: Number(iso.slice(11, 13)) + ":" + iso.slice(14, 16) }; };
  var same = function (a, b) { return a.day === b.day && a.time === b.time; };
  var zoneWords = words.zones[zone] || zone.replace(/_/g, " ");
  // "7 h 30 – 8 h 15 HAP"; the reader's date is added when it is not the event's.
  var range = function (startIso, endIso) {
    var start = local(startIso), end = endIso ? local(endIso) : null;
    if (!start || same(start, eventClock(startIso)) || (endIso && !end)) return null;
    var eventDay = startIso.slice(0, 10);
    var text = (start.day !== eventDay ? words.dates[start.day] + ", " : "") + words.times[start.time];
    if (end) text += " – " + (end.day !== start.day ? words.dates[end.day] + ", " : "") + words.times[end.time];
    return text + NBSP + zoneWords;
  };
  var label = root.getAttribute("data-dj-local-label");
  document.querySelectorAll(".dj-session__local[data-dj-start]").forEach(function (line) {
    var text = range(line.getAttribute("data-dj-start"), line.getAttribute("data-dj-end"));
    if (!text) return;
    line.textContent = label + " " + text;
    line.hidden = false;
    var eventLabel = line.parentNode.querySelector(".dj-session__event-label");
    if (eventLabel) eventLabel.hidden = false;
  });
  // Time-slot headings, their entries in the table of contents, the timetable's times: "7 h 30 HAP (10 h 30 HAE)".
  document.querySelectorAll("h3[id^='slot-'] > time[datetime], .dj-timetable__time > time[datetime]").forEach(function (time) {
    var heading = time.parentNode;
    var text = range(time.getAttribute("datetime"));
    if (!text) return;
    var event = document.createElement("span");
    event.className = "dj-slot__event";
    while (heading.firstChild && !(heading.firstChild.classList && heading.firstChild.classList.contains("headerlink"))) {
      event.appendChild(heading.firstChild);
    }
    var eventText = event.textContent.trim();
    heading.insertBefore(event, heading.firstChild);
    heading.insertBefore(document.createTextNode(text + " ("), event);
    heading.insertBefore(document.createTextNode(") "), event.nextSibling);
    if (heading.id) document.querySelectorAll("nav a[href='#" + heading.id + "']").forEach(function (link) {
      var target = link.querySelector(".md-ellipsis") || link;
      target.textContent = text + " (" + eventText + ")";
    });
  });
})();
