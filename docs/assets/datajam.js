/* Keep the section anchor when switching language: headings carry the same ids in both languages. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-dj-twin]");
  if (link && location.hash) {
    link.href = link.href.split("#")[0] + location.hash;
  }
});

/* Quick exit, modelled on GOV.UK's "Exit this page" (alphagov/govuk-frontend, exit-this-page).
   Every [data-dj-exit] link (the header button and the skip link) leaves for a neutral site:
   the page is hidden at once, then location.replace() takes its place in the history, so Back
   does not return to it. Shift pressed three times (within 5 s, not held with another key) does
   the same, with a spoken status message. Pages reached with Back/Forward after an exit in this
   tab (including pages restored from the back-forward cache) leave again at once. Without
   JavaScript the links still go to the neutral site. Messages come from data attributes written
   by overrides/partials/quick-exit.html in the page's language. */
(function () {
  var EXITED = "dj-exit";          /* sessionStorage flag: this tab used the quick exit */
  var PRESSES = 3;
  var TIMEOUT = 5000;
  var root = document.documentElement;
  var button = document.getElementById("dj-exit");
  var status = document.querySelector("[data-dj-exit-status]");
  var target = button ? button.href : null;
  var text = function (name) { return button ? button.getAttribute("data-dj-exit-" + name) || "" : ""; };
  var overlay = null;

  function store(value) {
    try { if (value) { sessionStorage.setItem(EXITED, "1"); } else { sessionStorage.removeItem(EXITED); } } catch (e) { /* storage off */ }
  }
  function stored() {
    try { return sessionStorage.getItem(EXITED) === "1"; } catch (e) { return false; }
  }

  function hide() {
    root.classList.add("dj-exiting");
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "dj-exit__overlay";
      overlay.setAttribute("role", "alert");
      overlay.textContent = text("loading");
      document.body.appendChild(overlay);
    }
    document.title = text("loading");
  }

  function exit(url) {
    hide();
    store(true);
    window.location.replace(url || target);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-dj-exit]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    exit(link.href);
  });

  /* Shift three times. */
  var count = 0;
  var timer = null;
  var combined = false;
  function say(message) { if (status) { status.textContent = message; } }
  function dots(n) {
    if (button) { button.setAttribute("data-dj-exit-count", String(n)); }
  }
  function reset(message) {
    count = 0;
    dots(0);
    clearTimeout(timer);
    timer = null;
    if (message !== undefined) { say(message); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { combined = false; }
      return;
    }
    combined = true;      /* Shift held with another key (e.g. a capital letter) does not count */
    if (count) { reset(""); }
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !button) { return; }
    if (combined) { combined = false; return; }
    count += 1;
    dots(count);
    clearTimeout(timer);
    if (count >= PRESSES) {
      reset();
      say(text("activated"));
      exit();
      return;
    }
    say(text(count === 1 ? "press-two" : "press-one"));
    timer = setTimeout(function () { reset(text("timed-out")); }, TIMEOUT);
  });

  /* Back/Forward after an exit in this tab: never show the handbook again. A fresh visit
     (a typed address, a link) clears the flag. */
  function navigationType() {
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return entries.length ? entries[0].type : "";
  }
  if (stored()) {
    if (navigationType() === "back_forward" && target) {
      exit();
    } else {
      store(false);
    }
  }
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && (stored() || root.classList.contains("dj-exiting")) && target) {
      exit();
    }
  });
})();

/* Material's search results box is focusable (tabindex=0, which axe wants for a scrollable
   region) even while it is collapsed to zero height: keyboard focus would then sit on something
   invisible (WCAG 2.4.7). Focus arriving on it while it has no height moves on (or back). */
(function () {
  var box = document.querySelector(".md-search__scrollwrap");
  if (!box) { return; }
  var backwards = false;
  var empty = function () { return box.getBoundingClientRect().height < 1; };
  document.addEventListener("keydown", function (event) { if (event.key === "Tab") { backwards = event.shiftKey; } }, true);
  box.addEventListener("focus", function () {
    if (!empty()) { return; }
    var next = backwards ? document.querySelector(".md-search__input") : document.getElementById("dj-exit");
    if (next) { next.focus(); }
  });
})();
