// Headline suggestions under the header search box, as the reader types.
//
// Progressive enhancement: without this script the box is a plain form that submits to /search/.
// With it, the input becomes an ARIA 1.2 combobox (list autocomplete) whose options are headlines
// from /search/suggest/; arrow keys move through them, Enter opens the chosen article, Escape closes
// the list, and Enter with no option chosen still submits the search.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 150;

  function enhance(form) {
    var input = form.querySelector("input[name=query]");
    var endpoint = form.getAttribute("data-suggest-url");
    if (!input || !endpoint || !window.fetch) {
      return;
    }

    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "site-search__suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested articles");
    list.hidden = true;

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    form.classList.add("site-search--suggests");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    var options = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var lastQuery = "";

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      status.textContent = "";
    }

    function open(suggestions) {
      var hadOptions = options.length > 0 && input.value.trim().length >= MIN_LENGTH;
      list.textContent = "";
      options = suggestions.map(function (suggestion, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        option.textContent = suggestion.title; // text, never HTML
        list.appendChild(option);
        return option;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent =
          options.length + (options.length === 1 ? " suggestion" : " suggestions") +
          ": use the up and down arrow keys to choose one.";
      } else {
        close();
        // Said only when there was a list to lose, not for every keystroke.
        status.textContent = hadOptions ? "No suggestions." : "";
      }
    }

    function fetchSuggestions(force) {
      var query = input.value.trim();
      if (query === lastQuery && !list.hidden && !force) {
        return;
      }
      lastQuery = query;
      if (pending) {
        pending.abort();
        pending = null;
      }
      if (query.length < MIN_LENGTH) {
        open([]);
        return;
      }
      pending = new AbortController();
      var url = endpoint + "?query=" + encodeURIComponent(query);
      fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // A slower answer to an earlier query must not replace the current one.
          if (input.value.trim() === query && document.activeElement === input) {
            open(data.suggestions || []);
          }
        })
        .catch(function () {
          // Aborted or offline: the form still submits to the search page.
        });
    }

    function go(option, inNewTab) {
      var url = option.getAttribute("data-url");
      if (inNewTab) {
        window.open(url, "_blank", "noopener");
      } else {
        window.location.assign(url);
      }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.isComposing) {
        return; // Enter and arrows belong to the input method while a word is being composed
      }
      var expanded = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown" && !expanded && input.value.trim().length >= MIN_LENGTH) {
        // Back after Escape, or on returning to the box: show the list again.
        event.preventDefault();
        fetchSuggestions(true);
      } else if (event.key === "ArrowDown" && expanded) {
        event.preventDefault();
        setActive(active + 1 < options.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && expanded) {
        event.preventDefault();
        setActive(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === "Enter" && expanded && active >= 0) {
        event.preventDefault();
        go(options[active]);
      } else if (event.key === "Escape" && expanded) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);

    // mousedown, not click: it comes before the input's blur, which would close the list first.
    // The middle button, Ctrl or Cmd open the article in a new tab, as they would a link.
    list.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      if (!option || event.button > 1) {
        return;
      }
      event.preventDefault();
      go(option, event.button === 1 || event.ctrlKey || event.metaKey);
    });
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(enhance);
})();
