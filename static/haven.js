// Haven's only script, and an optional one: every page works without it.
// Quick exit: leave at once through /exit (which clears the site's data)
// and replace this page in the history, so that Back does not return here.
(function () {
  "use strict";
  var exit = document.getElementById("quick-exit");
  if (!exit) { return; }
  exit.addEventListener("click", function (event) {
    event.preventDefault();
    window.location.replace(exit.href);
  });
  // Pressing Escape three times in a row also leaves.
  var presses = 0, timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1500);
    if (presses >= 3) { window.location.replace(exit.href); }
  });
})();

// A print button (the recovery key's page): shown only when the script
// runs, since without it the button could do nothing.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

// Keyboard shortcuts on staff pages: pressing the key an element names in
// `data-key` (outside a text field or list) moves focus to it, or follows
// it if it is a link. The page lists them; without the script, Tab reaches
// the same fields in the same order.
(function () {
  "use strict";
  var targets = document.querySelectorAll("[data-key]");
  if (!targets.length) { return; }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var active = document.activeElement;
    if (active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable)) { return; }
    for (var i = 0; i < targets.length; i += 1) {
      if (targets[i].getAttribute("data-key") === event.key) {
        event.preventDefault();
        if (targets[i].tagName === "A") {
          window.location.assign(targets[i].href);
        } else {
          targets[i].focus();
        }
        return;
      }
    }
  });
})();
