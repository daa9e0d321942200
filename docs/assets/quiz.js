/* Knowledge checks: immediate feedback, a score and "try again" for the questions that
   datajam.quiz.markdown writes (every word comes from the page, in its language).
   Without this script the questions still work: each answer is in a native <details>.
   Nothing is stored: no localStorage, sessionStorage or cookie; leaving the page forgets it all. */
(function () {
  var boxes = [].slice.call(document.querySelectorAll("fieldset.dj-quiz"));
  var score = document.querySelector(".dj-quiz-score");
  if (!boxes.length || !score) { return; }
  var total = score.querySelector(".dj-quiz-score__text");
  var pending = total.textContent;
  var results = {};
  function words(name) { return score.getAttribute("data-dj-" + name) || ""; }
  function values(box, selector) {
    return [].map.call(box.querySelectorAll(selector), function (input) { return input.value; });
  }
  function part(box, name) { return box.querySelector(".dj-quiz__" + name); }
  function list(letters) {  /* "A", "A and C", "A, B and C", as datajam.quiz.markdown writes them */
    var last = letters[letters.length - 1];
    return letters.length > 1 ? letters.slice(0, -1).join(", ") + words("and") + last : last;
  }

  function clear(box) {
    box.classList.remove("dj-quiz--right", "dj-quiz--wrong");
    [].forEach.call(box.querySelectorAll(".dj-quiz__option"), function (row) {
      row.classList.remove("dj-quiz__option--right", "dj-quiz__option--wrong");
    });
  }

  function showScore() {
    var checked = Object.keys(results);
    if (checked.length < boxes.length) { return; }
    var right = checked.filter(function (id) { return results[id]; }).length;
    total.textContent = words("score").replace("{correct}", right).replace("{total}", boxes.length);
  }

  function check(box) {
    var chosen = values(box, "input:checked");
    var status = part(box, "status");
    if (!chosen.length) {
      status.textContent = words("choose-first");
      return;
    }
    var answer = values(box, "input[data-dj-correct]");
    var ok = chosen.join() === answer.join();
    var explanations = part(box, "answer");
    var said = chosen.map(function (value) {
      var item = explanations.querySelector('[data-dj-option="' + value + '"]');
      return item ? item.textContent : "";
    });
    clear(box);
    box.classList.add(ok ? "dj-quiz--right" : "dj-quiz--wrong");
    [].forEach.call(box.querySelectorAll("input"), function (input) {
      var row = input.closest(".dj-quiz__option");
      if (input.hasAttribute("data-dj-correct")) { row.classList.add("dj-quiz__option--right"); }
      else if (input.checked) { row.classList.add("dj-quiz__option--wrong"); }
    });
    status.textContent = [ok ? words("correct") : words("wrong"),
      words("answer-is").replace("{answer}", list(answer))].concat(said).join(" ");
    explanations.hidden = false;
    results[box.id] = ok;
    showScore();
  }

  function again() {
    results = {};
    boxes.forEach(function (box) {
      [].forEach.call(box.querySelectorAll("input"), function (input) { input.checked = false; });
      part(box, "status").textContent = "";
      part(box, "answer").open = false;
      part(box, "answer").hidden = true;
      clear(box);
    });
    total.textContent = pending;
    boxes[0].querySelector("input").focus();
  }

  boxes.forEach(function (box) {
    part(box, "js").hidden = false;
    part(box, "answer").hidden = true;  /* shown, with every explanation, once the answer is checked */
    part(box, "check").addEventListener("click", function () { check(box); });
  });
  score.hidden = false;
  score.querySelector(".dj-quiz-score__again").addEventListener("click", again);
})();
