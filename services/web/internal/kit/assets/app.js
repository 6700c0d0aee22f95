// Onward's small enhancements. Every page works without this file.
//
// Enhancements run on a root element: the page at first, then every
// section that inplace() below puts into the page. Other scripts add theirs
// with window.onward.enhance(fn); fn(root) must only touch root's subtree.
(function () {
  "use strict";

  var enhancers = [];
  var onward = window.onward = window.onward || {};
  onward.enhance = function (fn) {
    enhancers.push(fn);
    fn(document);
  };
  onward.run = function (root) {
    enhancers.forEach(function (fn) { fn(root); });
  };

  // all is root's elements matching css, root itself included.
  function all(root, css) {
    var found = Array.prototype.slice.call(root.querySelectorAll(css));
    if (root.matches && root.matches(css)) found.unshift(root);
    return found;
  }
  onward.all = all;

  // A print button (data-print) prints the page: an invitation's QR code,
  // a candidate's data. Without the script it stays hidden (.print-button).
  onward.enhance(function (root) {
    all(root, "[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });

  // After a rejected form, keyboard and screen-reader users start at the
  // summary of what to fix.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // Copy buttons appear only when the clipboard can be used.
  onward.enhance(function (root) {
    all(root, "[data-copy]").forEach(function (button) {
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
  });

  // A submitted form shows that it is working and cannot be sent twice.
  onward.enhance(function (root) {
    all(root, "form").forEach(function (form) {
      form.addEventListener("submit", function () {
        var button = form.querySelector("button[type=submit][data-busy]");
        if (!button) return;
        button.setAttribute("data-label", button.textContent);
        button.textContent = button.getAttribute("data-busy");
        setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });

  function restoreButtons(root) {
    all(root, "button[data-label]").forEach(function (button) {
      button.textContent = button.getAttribute("data-label");
      button.removeAttribute("data-label");
      button.disabled = false;
    });
  }

  // Coming back with the browser's back button restores the buttons.
  window.addEventListener("pageshow", function () { restoreButtons(document); });

  // In place: a submit is sent with fetch, and only one section of the
  // answer (the same full page a browser without this script gets) is
  // put into this page, which neither reloads nor jumps to the top, when
  //   - the submit button is inside an element with an id marked
  //     data-inplace (that element is the section), or
  //   - the button, or its form, is marked data-inplace="<id>" (the
  //     element with that id is), or data-inplace with no value (the
  //     fragment of the button's formaction, or of the form's action,
  //     names it).
  // Without this script the same button's formaction ends with
  // #<section id>, so the browser comes back to the same section. The
  // section must hold the button (or the form). Anything unexpected falls
  // back to the ordinary submit.
  document.addEventListener("submit", function (e) {
    if (e.defaultPrevented || !window.fetch || !window.DOMParser || !window.FormData) return;
    var form = e.target;
    var submitter = e.submitter || null;
    var section = inplaceSection(form, submitter) || implicitSection(form, submitter);
    if (!section) return;
    e.preventDefault();
    send(form, submitter, section);
  });

  // inplaceSection is the element an in-place submit replaces: the one
  // the button or the form names, else the marked element around the
  // button; null for an ordinary submit.
  function inplaceSection(form, submitter) {
    var marked = submitter && submitter.hasAttribute("data-inplace") ? submitter
      : submitter && submitter.closest ? submitter.closest("[data-inplace]") : null;
    if (!marked && form.hasAttribute("data-inplace")) marked = form;
    if (!marked) return null;
    var id = marked.getAttribute("data-inplace");
    if (!id && (marked === form || marked === submitter)) {
      var address = actionOf(form, submitter);
      id = address.indexOf("#") >= 0 ? decodeURIComponent(address.slice(address.indexOf("#") + 1)) : "";
    }
    var section = id ? document.getElementById(id) : marked;
    if (!section || !section.id || section === form || section === submitter) return null;
    var inside = marked === form ? section.contains(form) || form.contains(section) : section.contains(submitter);
    return inside ? section : null;
  }

  // attr reads a form's own attribute: a field named "action", "method" or
  // "id" hides the form's property of that name.
  function attr(form, name) { return HTMLFormElement.prototype.getAttribute.call(form, name) || ""; }

  // actionOf is where a submit goes: the button's formaction, else the
  // form's action, as an absolute address.
  function actionOf(form, submitter) {
    if (submitter && submitter.hasAttribute("formaction")) return submitter.formAction;
    return new URL(attr(form, "action") || location.href, location.href).href;
  }

  // implicitSection is what Enter in a field refreshes in place. Enter
  // submits a form with its first button, which the long forms make a
  // hidden "refresh" that only draws the form again (value="refresh"):
  // the marked section around the field, else the fieldset or section
  // with an id around it, else the form itself if it has an id.
  function implicitSection(form, submitter) {
    if (!submitter || submitter.value !== "refresh") return null;
    var field = document.activeElement;
    if (!field || !form.contains(field) || !field.closest) return null;
    var around = field.closest("[data-inplace][id], fieldset[id], section[id]");
    if (around && form.contains(around)) return around;
    return attr(form, "id") ? form : null;
  }

  var busy = false;

  function send(form, submitter, section) {
    if (busy) return;
    busy = true;
    var used = document.activeElement;
    var usedID = used && used !== document.body && section.contains(used) ? used.id : "";
    var method = ((submitter && submitter.getAttribute("formmethod")) || attr(form, "method") || "get").toUpperCase();
    var address = actionOf(form, submitter).split("#")[0];
    var data = formData(form, submitter);
    var init = { method: method, credentials: "same-origin", redirect: "follow", headers: { Accept: "text/html" } };
    if (method === "GET") {
      address += (address.indexOf("?") >= 0 ? "&" : "?") + new URLSearchParams(data).toString();
    } else {
      // As the browser would send it: urlencoded unless the form says otherwise.
      init.body = attr(form, "enctype") === "multipart/form-data" ? data : new URLSearchParams(data);
    }
    section.setAttribute("aria-busy", "true");
    fetch(address, init).then(function (res) {
      var type = res.headers.get("Content-Type") || "";
      if (type.indexOf("text/html") < 0) throw new Error("not a page");
      return res.text().then(function (html) { return { res: res, html: html }; });
    }).then(function (answer) {
      busy = false;
      section.removeAttribute("aria-busy");
      var page = new DOMParser().parseFromString(answer.html, "text/html");
      var fresh = page.getElementById(section.getAttribute("id"));
      if (!fresh) {
        // The answer is another page (say, an error): show it as it is,
        // with a GET when the answer came from a redirect.
        if (answer.res.redirected) window.location.assign(answer.res.url);
        else ordinarySubmit(form, submitter);
        return;
      }
      swap(section, document.importNode(fresh, true), page, submitter, usedID);
      // The address follows a redirect or a search, so a reload shows the same.
      if ((answer.res.redirected || method === "GET") && window.history.replaceState) {
        window.history.replaceState(null, "", answer.res.url.split("#")[0] + "#" + section.getAttribute("id"));
      }
    }).catch(function () {
      busy = false;
      section.removeAttribute("aria-busy");
      ordinarySubmit(form, submitter);
    });
  }

  // formData is what the browser would send, the button's name and value
  // included.
  function formData(form, submitter) {
    try {
      return new FormData(form, submitter || undefined);
    } catch (err) {
      var data = new FormData(form);
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
      return data;
    }
  }

  // ordinarySubmit sends the form as if this script were not here.
  function ordinarySubmit(form, submitter) {
    if (submitter && submitter.name) {
      var carry = document.createElement("input");
      carry.type = "hidden";
      carry.name = submitter.name;
      carry.value = submitter.value;
      form.appendChild(carry);
    }
    if (submitter && submitter.hasAttribute("formaction")) HTMLFormElement.prototype.setAttribute.call(form, "action", submitter.formAction);
    HTMLFormElement.prototype.submit.call(form);
  }

  // swap puts the new section in the old one's place without moving the
  // page, takes the answer's fresh CSRF token along, enhances the new
  // section, and brings focus and the screen reader to what changed.
  function swap(section, fresh, page, submitter, usedID) {
    var x = window.scrollX, y = window.scrollY;
    var token = page.querySelector("input[name=_csrf]");
    section.parentNode.replaceChild(fresh, section);
    if (token) {
      all(document, "input[name=_csrf]").forEach(function (input) { input.value = token.value; });
    }
    restoreButtons(document);
    onward.run(fresh);
    window.scrollTo(x, y);
    var notice = fresh.querySelector(".alert, [role=alert]");
    var error = fresh.querySelector(".error-text");
    var target = notice || findControl(fresh, submitter, usedID) || fresh.querySelector("[aria-invalid=true]") || fresh;
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    var box = target.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({ block: "nearest" });
    announce(notice ? notice.textContent : error ? error.textContent : updated(fresh));
  }

  // findControl is the new page's counterpart of the control that was
  // used: the focused one, by id, else the button by id or name and value.
  function findControl(root, submitter, usedID) {
    var candidates = [];
    if (usedID) candidates.push(document.getElementById(usedID));
    if (submitter) {
      if (submitter.id) candidates.push(document.getElementById(submitter.id));
      if (submitter.name) {
        all(root, "[name]").forEach(function (el) {
          if (el.name === submitter.name && el.value === submitter.value) candidates.push(el);
        });
      }
    }
    for (var i = 0; i < candidates.length; i++) {
      var el = candidates[i];
      if (el && root.contains(el) && !el.disabled && el.getClientRects().length > 0) return el;
    }
    return null;
  }

  function updated(section) {
    var main = document.getElementById("main");
    var text = main ? main.getAttribute("data-msg-updated") || "" : "";
    var label = section.getAttribute("aria-labelledby");
    var named = label ? document.getElementById(label) : section.querySelector("h2, h3, legend");
    return text.replace("{section}", named ? named.textContent.trim() : "");
  }

  var live = null;

  // announce says text through a polite live region made for it, which
  // exists only with this script.
  function announce(text) {
    text = (text || "").replace(/\s+/g, " ").trim();
    if (!text) return;
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.id = "inplace-status";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 50);
  }
})();
