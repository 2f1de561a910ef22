// Příručka: small helpers for readers. No third-party code, nothing sent anywhere.
document.addEventListener("DOMContentLoaded", function () {
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
  // print helper (issue 12): "print this sheet" prints one record sheet alone: a copy of it
  // is the only thing left in the body while printing.
  document.querySelectorAll("[data-prirucka-print-sheet]").forEach(function (button) {
    var sheet = button.closest(".prirucka-record");
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
  // end print helper
});
