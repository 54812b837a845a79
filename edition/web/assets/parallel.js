/* Parallel view: columns chosen by the reader and kept in the URL (?cols=pl,en; a single
 * language, ?cols=en, opens that version's own page at the same passage), the
 * counterparts of the hovered or focused sentence highlighted, and the arrow keys moving
 * sentence by sentence within a column (one Tab stop per column). Works from file://. */
(function () {
  "use strict";

  function keysOf(el) { return (el.getAttribute("data-align") || "").split(" ").filter(Boolean); }

  function highlight(view, sentence) {
    view.querySelectorAll(".ed-hl, .ed-hl-self").forEach(function (el) {
      el.classList.remove("ed-hl", "ed-hl-self");
    });
    if (!sentence) return;
    sentence.classList.add("ed-hl-self");
    var keys = keysOf(sentence), cell = sentence.closest(".ed-cell");
    var row = sentence.closest(".ed-row");
    row.querySelectorAll(".ed-cell:not([hidden]) .ed-s[data-align]").forEach(function (el) {
      if (el.closest(".ed-cell") === cell) return;
      if (keysOf(el).some(function (k) { return keys.indexOf(k) >= 0; })) el.classList.add("ed-hl");
    });
  }

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll('.ed-columns input[name="col"]'));
  }

  function asked() {
    var all = boxes().map(function (box) { return box.value; });
    return (new URLSearchParams(location.search).get("cols") || "").split(",").filter(function (c) {
      return all.indexOf(c) >= 0;
    });
  }

  function chosen() {
    var all = boxes().map(function (box) { return box.value; }), cols = asked();
    return cols.length >= 2 ? cols.slice(0, 3) : all.slice(0, 3);
  }

  /* The page of one version (the original's link is the first, without hreflang). */
  function versionPage(lang) {
    var links = document.querySelectorAll(".ed-versions a");
    var first = boxes()[0];
    if (first && first.value === lang) return links[0];
    return document.querySelector('.ed-versions a[hreflang="' + CSS.escape(lang) + '"]');
  }

  function show(view, langs, write) {
    boxes().forEach(function (box) {
      box.checked = langs.indexOf(box.value) >= 0;
      // Never fewer than two columns: the last two cannot be unchecked.
      box.disabled = box.checked && langs.length <= 2;
    });
    view.querySelectorAll(".ed-cell").forEach(function (cell) {
      cell.hidden = langs.indexOf(cell.getAttribute("data-lang")) < 0;
    });
    view.style.setProperty("--ed-shown", String(langs.length));
    if (write) {
      var params = new URLSearchParams(location.search);
      params.set("cols", langs.join(","));
      history.replaceState(null, "", "?" + params.toString() + location.hash);
    }
  }

  function column(sentence) {
    var lang = sentence.closest(".ed-cell").getAttribute("data-lang");
    return Array.prototype.slice.call(
      sentence.closest(".ed-parallel").querySelectorAll('.ed-cell[data-lang="' + lang + '"] .ed-s'));
  }

  function init() {
    var view = document.querySelector(".ed-parallel");
    if (!view || view.dataset.edReady) return;
    view.dataset.edReady = "1";
    var one = asked();
    if (one.length === 1 && versionPage(one[0])) {
      location.replace(versionPage(one[0]).getAttribute("href").split(/[?#]/)[0] + location.hash);
      return;
    }
    show(view, chosen(), false);
    boxes().forEach(function (box) {
      box.addEventListener("change", function () {
        var langs = boxes().filter(function (b) { return b.checked; })
          .map(function (b) { return b.value; });
        if (langs.length > 3) langs = langs.slice(0, 3);
        show(view, langs, true);
      });
    });
    // Roving tabindex: the first sentence of each column is the column's Tab stop.
    view.querySelectorAll(".ed-s").forEach(function (s) { s.tabIndex = -1; });
    view.querySelectorAll(".ed-row:first-child .ed-cell .ed-s:first-child").forEach(function (s) {
      s.tabIndex = 0;
    });
    view.addEventListener("mouseover", function (e) {
      var s = e.target.closest && e.target.closest(".ed-s[data-align]");
      if (s) highlight(view, s);
    });
    view.addEventListener("mouseleave", function () { highlight(view, null); });
    view.addEventListener("focusin", function (e) {
      var s = e.target.closest && e.target.closest(".ed-s[data-align]");
      if (s) highlight(view, s);
    });
    view.addEventListener("keydown", function (e) {
      if (!e.target.classList || !e.target.classList.contains("ed-s")) return;
      var step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      var list = column(e.target), next = list[list.indexOf(e.target) + step];
      if (!next) return;
      e.preventDefault();
      e.target.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
