(function () {
  var table = document.querySelector("table.shortlist");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var minScore = document.getElementById("min-score");
  var skill = document.getElementById("skill");
  var shown = document.getElementById("shown");

  // Only the first rows of the current order are laid out: a page of
  // thousands of rows costs the browser a second per sort, a page of
  // hundreds a blink. "Show more" adds the next page.
  var page = 500;
  var limit = page;
  var more = document.getElementById("more");

  function filter() {
    var min = parseFloat(minScore.value) || 0;
    var want = skill.value ? " " + skill.value + " " : "";
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var score = parseFloat(r.dataset.score);
      // Files that were not ranked (score -1) stay in view until a filter
      // asks for something they cannot have.
      var ok = (score >= min || (score < 0 && min <= 0 && !want)) && (!want || r.dataset.has.indexOf(want) >= 0);
      var show = ok && n < limit;
      if (r.hidden === show) { r.hidden = !show; }
      if (ok) { n++; }
    }
    shown.textContent = "Showing " + Math.min(n, limit) + " of " + n + " matching (" + rows.length + " in all)";
    more.hidden = n <= limit;
  }

  function sortBy(th) {
    var key = th.dataset.key;
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    if (!th.hasAttribute("aria-sort")) { dir = key === "score" ? "descending" : "ascending"; }
    var sign = dir === "ascending" ? 1 : -1;
    var numeric = key === "rank" || key === "score";
    var keyed = rows.map(function (r, i) {
      var v = r.dataset[key];
      return { r: r, i: i, v: numeric ? parseFloat(v) : v.toLowerCase() };
    });
    keyed.sort(function (a, b) {
      if (a.v < b.v) { return -sign; }
      if (a.v > b.v) { return sign; }
      return a.i - b.i;
    });
    rows = keyed.map(function (k) { return k.r; });
    // The table body leaves the page, is emptied at once and refilled in
    // the new order. Moving 5,000 rows (each with a <details>) one by one
    // inside the body took Chromium 148 four to nine seconds a sort; this
    // way takes a fifth of a second.
    var next = body.nextSibling;
    table.removeChild(body);
    body.replaceChildren();
    rows.forEach(function (r) { body.appendChild(r); });
    filter();
    table.insertBefore(body, next);
    table.querySelectorAll("th[data-key]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
  }

  table.querySelectorAll("th[data-key] button").forEach(function (b) {
    b.addEventListener("click", function () { sortBy(b.parentElement); });
  });
  minScore.addEventListener("input", function () { limit = page; filter(); });
  skill.addEventListener("change", function () { limit = page; filter(); });
  more.addEventListener("click", function () { limit += page; filter(); });
  document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  filter();
})();
