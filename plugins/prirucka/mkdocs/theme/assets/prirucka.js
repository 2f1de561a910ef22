// Příručka: small helpers for readers. No third-party code, nothing sent anywhere.
(function () {
  "use strict";

  /* Quick exit: leave for a neutral site so that Back does not return here
   * (location.replace), on the button or on pressing Escape twice. */
  var exit = document.querySelector("[data-quick-exit]");
  var lastEscape = 0;

  function leave() {
    try {
      window.sessionStorage.clear();
    } catch (error) {
      // Storage may be switched off; leaving matters more.
    }
    window.location.replace(exit.href);
  }

  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      var now = Date.now();
      if (now - lastEscape < 1500) leave();
      lastEscape = now;
    }, true);
  }

  function ready() {
    // A citation's date is the day the reader cites the page.
    var today = new Date().toISOString().slice(0, 10);
    document.querySelectorAll("[data-prirucka-today]").forEach(function (element) {
      element.textContent = today;
    });
    document.querySelectorAll("[data-prirucka-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var box = button.closest(".prirucka-cite");
        var text = box.querySelector("[data-prirucka-citation]").textContent.trim();
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = button.getAttribute("data-copied");
        });
      });
    });
    // The 404 page speaks every language: the one of the requested address first.
    var notFound = document.querySelector("[data-prirucka-not-found]");
    if (notFound) {
      var best = null;
      notFound.querySelectorAll("section[data-lang-home]").forEach(function (section) {
        var home = section.getAttribute("data-lang-home");
        if (location.pathname.indexOf(home) === 0 &&
            (!best || home.length > best.getAttribute("data-lang-home").length)) best = section;
      });
      if (best) notFound.insertBefore(best, notFound.firstChild);
    }
    // "Print this sheet" prints one record sheet alone: while printing, a copy of it is
    // the only thing shown (the rest is hidden by prirucka.css).
    document.querySelectorAll("[data-prirucka-print-sheet]").forEach(function (button) {
      var sheet = button.closest(".prirucka-record");
      if (!sheet) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var copy = sheet.cloneNode(true);
        copy.classList.add("prirucka-print-copy", "md-typeset");
        document.body.appendChild(copy);
        document.body.classList.add("prirucka-printing-sheet");
        window.print();
      });
    });
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("prirucka-printing-sheet");
      document.querySelectorAll(".prirucka-print-copy").forEach(function (copy) {
        copy.remove();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
