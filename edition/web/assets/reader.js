/* The reader keeps their place across pages: the language switcher (Material's
 * .md-select__link) keeps the query (?cols=, ?q=, ?hl=) and the #fragment; a link marked
 * data-ed-keep keeps what it names ("cols": the parallel view's columns, "hash": the
 * passage), as the other view of the same text has the same paragraph and sentence IDs.
 * The links are rewritten when they may be followed (pointer, focus, click), because
 * parallel.js changes the query with history.replaceState, which fires no event.
 * Also: the reading page's header ("About this text") opens on wide screens, and an address
 * to print (.ed-served-url, where the edition has no public address) shows where the page is
 * served from. Over http and from file:// alike. */
(function () {
  "use strict";

  function keep(a, what) {
    if (!a.dataset.edHref) a.dataset.edHref = a.getAttribute("href");
    var url = new URL(a.dataset.edHref, location.href);
    var here = new URLSearchParams(location.search);
    if (what.indexOf("query") >= 0) url.search = location.search;
    if (what.indexOf("cols") >= 0) {
      if (here.get("cols")) url.searchParams.set("cols", here.get("cols"));
      else url.searchParams.delete("cols");
    }
    if (what.indexOf("hash") >= 0 && location.hash) url.hash = location.hash;
    // Relative again where it was, so that a copy opened from disk keeps working when moved.
    var rel = a.dataset.edHref.split(/[?#]/)[0] + url.search + url.hash;
    a.setAttribute("href", /^[a-z]+:/i.test(a.dataset.edHref) ? url.href : rel);
  }

  function refresh() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (a) {
      keep(a, ["query", "hash"]);
    });
    document.querySelectorAll("a[data-ed-keep]").forEach(function (a) {
      keep(a, a.dataset.edKeep.split(" "));
    });
  }

  function init() {
    if (document.documentElement.dataset.edReader) return;
    document.documentElement.dataset.edReader = "1";
    refresh();
    window.addEventListener("hashchange", refresh);
    ["pointerdown", "focusin", "click", "contextmenu"].forEach(function (type) {
      document.addEventListener(type, function (e) {
        if (e.target.closest && e.target.closest("a")) refresh();
      }, true);
    });
    var about = document.querySelector("details.ed-about");
    if (about && window.matchMedia("(min-width: 60em)").matches) about.open = true;
    document.querySelectorAll("a.ed-served-url").forEach(function (a) {
      a.textContent = a.href;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
