document.querySelectorAll("button.copy").forEach(function (b) {
  b.addEventListener("click", function () {
    var code = b.parentElement.querySelector("code");
    var done = function () {
      b.textContent = "Copied";
      setTimeout(function () { b.textContent = "Copy"; }, 1500);
    };
    var fallback = function () {
      var r = document.createRange();
      r.selectNodeContents(code);
      var s = window.getSelection();
      s.removeAllRanges();
      s.addRange(r);
      try { if (document.execCommand("copy")) { done(); } } catch (e) { /* the line stays selected to copy by hand */ }
    };
    if (navigator.clipboard) {
      navigator.clipboard.writeText(code.textContent).then(done, fallback);
    } else {
      fallback();
    }
  });
});
