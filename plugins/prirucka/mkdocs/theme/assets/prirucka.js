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
});
