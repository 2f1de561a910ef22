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
  // print helper (issue 12): "print this sheet" prints one record sheet alone.
  document.querySelectorAll("[data-prirucka-print-sheet]").forEach(function (button) {
    var sheet = button.closest(".prirucka-record");
    button.hidden = false;
    button.addEventListener("click", function () {
      sheet.classList.add("prirucka-print-target");
      document.body.classList.add("prirucka-printing-sheet");
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("prirucka-printing-sheet");
    document.querySelectorAll(".prirucka-print-target").forEach(function (sheet) {
      sheet.classList.remove("prirucka-print-target");
    });
  });
  // end print helper
});
