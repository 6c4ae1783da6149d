// The header's search button on narrow screens.
//
// Without this script the button is a link to the search page. With it, it opens the search box
// in the header instead (a disclosure button), and moves the focus into the box.
(function () {
  "use strict";

  function enhance(toggle) {
    var form = document.getElementById(toggle.getAttribute("data-controls"));
    if (!form) {
      return;
    }
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-controls", form.id);
    toggle.setAttribute("aria-expanded", "false");

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      form.classList.toggle("site-search--open", open);
      if (open) {
        var input = form.querySelector("input[name=query]");
        if (input) {
          input.focus();
        }
      }
    }

    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
      }
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && form.classList.contains("site-search--open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  var toggles = document.querySelectorAll(".search-toggle[data-controls]");
  for (var i = 0; i < toggles.length; i++) {
    enhance(toggles[i]);
  }
})();
