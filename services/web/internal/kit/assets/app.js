// Onward's small enhancements. Every page works without this file.
(function () {
  "use strict";

  // After a rejected form, keyboard and screen-reader users start at the
  // summary of what to fix.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // Copy buttons appear only when the clipboard can be used.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (!input || !navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = button.getAttribute("data-copied");
        setTimeout(function () { button.textContent = label; }, 2500);
      }, function () {
        input.select();
      });
    });
  });

  // A submitted form shows that it is working and cannot be sent twice.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit][data-busy]");
      if (!button) return;
      button.setAttribute("data-label", button.textContent);
      button.textContent = button.getAttribute("data-busy");
      setTimeout(function () { button.disabled = true; }, 0);
    });
  });

  // Coming back with the browser's back button restores the buttons.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button[data-label]").forEach(function (button) {
      button.textContent = button.getAttribute("data-label");
      button.disabled = false;
    });
  });
})();
