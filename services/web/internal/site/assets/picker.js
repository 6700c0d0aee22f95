// Onward's picker: turns each [data-picker] text field into a WAI-ARIA 1.2
// combobox that suggests skills, occupations or places as the user types.
// Without this file the field is a plain search: the form's "Search" button
// sends the text and the page comes back with the matches as radio buttons.
// All text comes from the element's data-msg-* attributes, already in the
// user's language. No inline styles: state is shown with classes and the
// hidden attribute.
(function () {
  "use strict";

  var DEBOUNCE_MS = 150;
  var MIN_CHARS = 2;
  var renewing = null;

  // renew refreshes the session once for every picker on the page. It is
  // never aborted: an aborted refresh would leave the browser with a used
  // refresh token, which the gateway treats as stolen.
  function renew() {
    if (!renewing) {
      renewing = fetch("/session/renew", { credentials: "same-origin", cache: "no-store" }).then(
        function (r) { renewing = null; return r.ok; },
        function () { renewing = null; return false; });
    }
    return renewing;
  }

  // ask fetches suggestions; on 401 it renews the session and tries once
  // more. It resolves to {status, body}; a network failure has status 0.
  function ask(url, signal, mayRenew) {
    return fetch(url, { signal: signal, credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (r.status === 401 && mayRenew) {
        return renew().then(function (ok) {
          return ok ? ask(url, signal, false) : { status: 401, body: {} };
        });
      }
      return r.json().then(function (body) { return { status: r.status, body: body || {} }; },
        function () { return { status: r.status, body: {} }; });
    });
  }

  function submitForm(form, button) {
    if (form.requestSubmit) {
      form.requestSubmit(button);
      return;
    }
    if (button && button.formAction) form.action = button.formAction;
    form.submit();
  }

  function enhance(root) {
    var input = root.querySelector(".picker-input");
    var box = root.querySelector(".picker-box");
    var shown = root.querySelector(".picker-shown");
    var searchButton = root.querySelector(".picker-search");
    var results = root.querySelector(".picker-results");
    var status = root.querySelector(".picker-status");
    if (!input || !box || !status) return;
    var form = input.form;
    var name = input.name.replace(/_q$/, "");
    var country = root.getAttribute("data-country-from");
    country = country ? document.getElementById(country) : null;
    var autoSubmit = root.hasAttribute("data-submit");
    var msg = function (key) { return root.getAttribute("data-msg-" + key) || ""; };

    var list = document.createElement("ul");
    list.id = name + "-listbox";
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-labelledby", input.labels && input.labels[0] ? labelID(input.labels[0]) : "");
    list.hidden = true;
    box.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    root.classList.add("picker-enhanced");
    // The type-ahead replaces the Search button, unless the server has
    // listed matches to choose from with it.
    if (!results && searchButton) searchButton.hidden = true;

    var items = [];
    var active = -1;
    var timer = 0;
    var controller = null;
    var enterChose = false;

    function labelID(label) {
      if (!label.id) label.id = name + "-label";
      return label.id;
    }

    // chosenID is the id the form will submit.
    function chosenID() {
      var el = root.querySelector(".picker-value");
      return el ? el.value : "";
    }

    // setChosen records a choice, or clears it with "". The server's list
    // of matches, if any, goes: it was for an earlier text.
    function setChosen(id) {
      if (results) {
        results.parentNode.removeChild(results);
        results = null;
        if (searchButton) searchButton.hidden = true;
      }
      var none = root.querySelector(".picker-none");
      if (none) none.parentNode.removeChild(none);
      var el = root.querySelector(".picker-value");
      if (!el) {
        el = document.createElement("input");
        el.type = "hidden";
        el.name = name;
        el.className = "picker-value";
        root.appendChild(el);
      }
      el.value = id;
      root.classList.toggle("picker-chosen", id !== "");
    }

    function setStatus(text, isError) {
      status.textContent = text;
      status.classList.toggle("picker-status-error", !!isError);
    }

    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      if (active >= 0 && list.children[active]) list.children[active].setAttribute("aria-selected", "false");
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      var options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (i < 0 || !options[i]) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[i].id);
      if (options[i].scrollIntoView) options[i].scrollIntoView({ block: "nearest" });
    }

    function render(found) {
      items = found;
      list.textContent = "";
      active = -1;
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = name + "-option-" + i;
        li.className = "picker-option";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-index", String(i));
        var label = document.createElement("span");
        label.className = "picker-option-label";
        label.textContent = item.label;
        li.appendChild(label);
        if (item.detail) {
          var detail = document.createElement("span");
          detail.className = "picker-option-detail";
          detail.textContent = item.detail;
          li.appendChild(detail);
        }
        list.appendChild(li);
      });
      if (items.length === 0) {
        close();
        setStatus(msg("none"), false);
        return;
      }
      open();
      setStatus(items.length === 1 ? msg("one") : msg("many").replace("{n}", String(items.length)), false);
    }

    function query() {
      var q = input.value.trim();
      if (controller) controller.abort();
      controller = null;
      if (q.length < MIN_CHARS) {
        items = [];
        close();
        setStatus("", false);
        return;
      }
      controller = new AbortController();
      var mine = controller;
      var url = root.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q);
      if (country && country.value) url += "&country=" + encodeURIComponent(country.value);
      root.classList.add("picker-busy");
      setStatus(msg("loading"), false);
      ask(url, mine.signal, true).then(function (res) {
        if (mine !== controller) return;
        root.classList.remove("picker-busy");
        if (res.status === 200 && res.body.items) {
          render(res.body.items);
          return;
        }
        items = [];
        close();
        var text = res.status === 401 ? msg("expired") : (res.body.message || msg("failed"));
        setStatus(text, true);
      }, function (err) {
        if (mine !== controller || (err && err.name === "AbortError")) return;
        root.classList.remove("picker-busy");
        items = [];
        close();
        setStatus(msg("failed"), true);
      });
    }

    function choose(i) {
      var item = items[i];
      if (!item) return;
      if (timer) clearTimeout(timer);
      if (controller) controller.abort();
      controller = null;
      input.value = item.label;
      setChosen(item.id);
      if (shown) shown.value = item.label;
      close();
      setStatus(msg("chosen").replace("{label}", item.label), false);
      root.dispatchEvent(new CustomEvent("picker:change", { bubbles: true, detail: item }));
      if (autoSubmit && form) submitForm(form, searchButton);
    }

    input.addEventListener("input", function () {
      // New text undoes an earlier choice.
      setChosen("");
      if (timer) clearTimeout(timer);
      timer = setTimeout(query, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (e) {
      var n = list.children.length;
      switch (e.key) {
        case "ArrowDown":
        case "Down":
          if (!n) return;
          e.preventDefault();
          if (list.hidden) open();
          highlight(active + 1 >= n ? 0 : active + 1);
          break;
        case "ArrowUp":
        case "Up":
          if (!n) return;
          e.preventDefault();
          if (list.hidden) open();
          highlight(active <= 0 ? n - 1 : active - 1);
          break;
        case "Enter":
          if (!list.hidden && active >= 0) {
            e.preventDefault();
            enterChose = true;
            choose(active);
          }
          break;
        case "Escape":
        case "Esc":
          if (!list.hidden) {
            e.preventDefault();
            close();
          } else if (input.value) {
            e.preventDefault();
            input.value = "";
            setChosen("");
            items = [];
            list.textContent = "";
            setStatus("", false);
          }
          break;
      }
    });

    // The Enter that chose an option must not also submit the form: some
    // keyboards still send its keypress, which would start a second
    // navigation and abort the first.
    input.addEventListener("keypress", function (e) {
      if (enterChose && (e.key === "Enter" || e.keyCode === 13)) e.preventDefault();
    });
    input.addEventListener("keyup", function (e) {
      if (e.key === "Enter") enterChose = false;
    });

    // Taps and clicks on the list must not take the focus from the field,
    // or the list would close before the choice lands.
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });
    list.addEventListener("click", function (e) {
      var li = e.target.closest ? e.target.closest("[role=option]") : null;
      if (li) choose(Number(li.getAttribute("data-index")));
    });
    input.addEventListener("blur", close);
    input.addEventListener("focus", function () {
      // A chosen item's label is selected, so typing replaces it at once.
      if (chosenID()) input.select();
      else if (items.length) open();
    });

    if (country) {
      country.addEventListener("change", function () {
        if (!chosenID() && input.value.trim().length >= MIN_CHARS) query();
      });
    }

    // A match the server listed can be chosen with one tap, too.
    if (results && autoSubmit && form) {
      results.addEventListener("change", function () { submitForm(form, searchButton); });
    }
  }

  // Pickers in a section that app.js puts in place are enhanced too.
  function enhanceAll(root) {
    var found = Array.prototype.slice.call(root.querySelectorAll("[data-picker]"));
    if (root.matches && root.matches("[data-picker]")) found.unshift(root);
    found.forEach(enhance);
  }
  if (window.onward && window.onward.enhance) window.onward.enhance(enhanceAll);
  else enhanceAll(document);
})();
