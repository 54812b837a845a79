/* Answers typed into an assignment's questions (edition/web/assignments.py) kept on the
 * device: saved in localStorage as they are typed, per page and question (with the question's
 * words, so that an answer never returns under a question the teacher has changed), restored
 * on load. The tools copy every question with its answer as plain text, print the worksheet
 * with the typed answers on it, or delete them. Nothing leaves the browser. Works over http
 * and from file:// (where Chromium keeps one localStorage for all files). */
(function () {
  "use strict";

  var PREFIX = "edition.answers:";

  function key(field) {
    return PREFIX + location.pathname + "#" + field.dataset.q;
  }

  function question(field) {
    var label = document.getElementById(field.getAttribute("aria-labelledby"));
    return label ? label.textContent : "";
  }

  function read(field) {
    try {
      var saved = JSON.parse(localStorage.getItem(key(field)) || "null");
      return saved && saved.q === question(field) ? saved.a : "";
    } catch {
      return ""; // storage unavailable (privacy mode) or not ours: start empty
    }
  }

  function write(field) {
    try {
      if (field.value) localStorage.setItem(key(field), JSON.stringify({ q: question(field), a: field.value }));
      else localStorage.removeItem(key(field));
    } catch {
      /* storage full or unavailable: the answer stays on the page until it is closed */
    }
  }

  function mirror(field) {
    var printed = field.parentNode.querySelector(".ed-answer-printed");
    if (printed) printed.textContent = field.value; // text only, never HTML
  }

  function asText(fields) {
    var title = document.querySelector("h1");
    var lines = [title ? title.textContent.trim() : document.title, location.href, ""];
    fields.forEach(function (field, k) {
      lines.push(k + 1 + ". " + question(field).trim(), field.value.trim(), "");
    });
    return lines.join("\n");
  }

  function status(tools, text) {
    tools.querySelector(".ed-answer-status").textContent = text;
  }

  function init() {
    var tools = document.querySelector(".ed-answer-tools");
    if (!tools || tools.dataset.ready) return;
    tools.dataset.ready = "1";
    var fields = Array.prototype.slice.call(document.querySelectorAll("textarea.ed-answer[data-q]"));
    fields.forEach(function (field) {
      field.value = read(field);
      mirror(field);
      field.addEventListener("input", function () {
        write(field);
        mirror(field);
      });
    });
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-answers]");
      if (!button) return;
      var what = button.dataset.answers;
      if (what === "print") {
        window.print();
      } else if (what === "copy") {
        var text = asText(fields);
        var done = function () { status(tools, tools.dataset.copied); };
        var failed = function () { status(tools, tools.dataset.copyFailed); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, failed);
        } else {
          failed();
        }
      } else if (what === "clear" && window.confirm(tools.dataset.confirm)) {
        fields.forEach(function (field) {
          field.value = "";
          write(field);
          mirror(field);
        });
        status(tools, tools.dataset.cleared);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
