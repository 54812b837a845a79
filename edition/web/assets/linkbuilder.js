/* The teacher's link builder: select text in a reading page or parallel view and press the
 * small button that appears beside the selection, or follow a paragraph's permalink, and a
 * panel offers the link to that passage (#p3, #p3s2-p4s1: the grammar of passages.js), a
 * short citation and Copy buttons.
 * The link uses the edition's public address (the page's canonical link, written by MkDocs
 * from site_url), so a link copied from a copy on disk still works for students online; a
 * second link to this very copy is offered when the two differ (a teacher working offline).
 * Without a public address (no canonical link) the panel says so, and links to this copy.
 * Copying uses the Clipboard API where the browser grants it, else a selected field and
 * execCommand("copy"), which also works from file://. Strings come from the panel's data-*. */
(function () {
  "use strict";
  var panel, button, opener = null, timer = 0, dragging = false;

  function originals() {
    return Array.prototype.slice.call(
      document.querySelectorAll(".ed-text .ed-s[id], .ed-parallel .ed-s[id]"));
  }

  function overlap(range, el) {
    // The selected characters of el (the selection may start or end inside it).
    var r = document.createRange();
    r.selectNodeContents(el);
    if (range.compareBoundaryPoints(Range.START_TO_START, r) > 0) r.setStart(range.startContainer, range.startOffset);
    if (range.compareBoundaryPoints(Range.END_TO_END, r) < 0) r.setEnd(range.endContainer, range.endOffset);
    return r.toString().trim();
  }

  function selectionRef() {
    // The sentence range covering the selection, in original sentence IDs; null if none.
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    var range = sel.getRangeAt(0);
    var keys = {};
    document.querySelectorAll(".ed-text .ed-s, .ed-parallel .ed-s").forEach(function (el) {
      if (!range.intersectsNode(el) || !overlap(range, el)) return;
      (el.dataset.align || el.id || "").split(" ").forEach(function (k) { if (k) keys[k] = 1; });
    });
    var hit = originals().filter(function (el) { return keys[el.id]; });
    if (!hit.length) return null;
    var a = hit[0].id, b = hit[hit.length - 1].id;
    return a === b ? a : a + "-" + b;
  }

  function label(ref) {
    var parts = ref.split("-"), kind = parts[0].indexOf("s") > 0 ? "sentence" : "paragraph";
    return parts.length > 1
      ? panel.dataset[kind + "s"].replace("{ref}", parts[0] + "–" + parts[1])
      : panel.dataset[kind].replace("{ref}", ref);
  }

  function links(ref) {
    var local = location.href.split("#")[0];
    var canonical = document.querySelector('link[rel="canonical"]');
    var pub = canonical ? canonical.href.split("#")[0] + location.search : local;
    return { pub: pub + "#" + ref, local: local + "#" + ref };
  }

  function citation(ref, url) {
    var lang = document.documentElement.lang || undefined;
    var date = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    var name = document.querySelector('meta[name="application-name"]');
    return panel.dataset.cite
      .replace("{title}", panel.dataset.title)
      .replace("{passage}", label(ref))
      .replace("{edition}", (name ? name.content : document.title) +
        (panel.dataset.version ? ", " + panel.dataset.version : ""))
      .replace("{url}", url)
      .replace("{accessed}", panel.dataset.accessed.replace("{date}", date));
  }

  function show(ref, from) {
    var l = links(ref);
    panel.querySelector("#ed-share-link").value = l.pub;
    panel.querySelector("#ed-share-local").value = l.local;
    panel.querySelector('[data-field="local"]').hidden = l.local === l.pub;
    panel.querySelector(".ed-share-note").hidden = !!document.querySelector('link[rel="canonical"]');
    panel.querySelector("#ed-share-cite").value = citation(ref, l.pub);
    panel.querySelector(".ed-share-status").textContent = "";
    panel.dataset.ref = ref;
    panel.hidden = false;
    if (from) {
      // After the permalink's own navigation, which moves focus to the document.
      opener = from;
      setTimeout(function () { panel.querySelector("[data-copy]").focus(); }, 0);
    }
  }

  function hide() {
    panel.hidden = true;
    if (opener && panel.contains(document.activeElement)) opener.focus();
    opener = null;
  }

  function announce(ok) {
    panel.querySelector(".ed-share-status").textContent = ok ? panel.dataset.copied : panel.dataset.failed;
  }

  function copy(button) {
    var field = document.getElementById(button.dataset.copy);
    function fallback() {
      field.focus();
      field.select();
      var ok;
      try { ok = document.execCommand("copy"); } catch { ok = false; }
      button.focus();
      announce(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { announce(true); }, fallback);
    } else {
      fallback();
    }
  }

  /* The button by the selection's end (below it: a phone's own selection menu is above). */
  function offer() {
    var ref = selectionRef();
    // Nothing to offer, or the panel already shows this passage.
    if (!ref || (!panel.hidden && panel.dataset.ref === ref)) { button.hidden = true; return; }
    var rects = window.getSelection().getRangeAt(0).getClientRects();
    var r = rects[rects.length - 1];
    if (!r) { button.hidden = true; return; }
    button.dataset.ref = ref;
    button.hidden = false;
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var left = Math.min(Math.max(8, r.right - button.offsetWidth), vw - button.offsetWidth - 8);
    var top = r.bottom + 8;
    if (top + button.offsetHeight > vh - 8) top = r.top - button.offsetHeight - 8;
    // Always in the window, even when the selection runs beyond it.
    top = Math.max(8, Math.min(top, vh - button.offsetHeight - 8));
    button.style.left = left + "px";
    button.style.top = top + "px";
  }

  function init() {
    panel = document.getElementById("ed-share");
    if (!panel || panel.dataset.ready) return;
    panel.dataset.ready = "1";
    button = document.querySelector(".ed-share-open");
    button.addEventListener("click", function () {
      button.hidden = true;
      show(button.dataset.ref, null);
      setTimeout(function () { panel.querySelector("[data-copy]").focus(); }, 0);
    });
    document.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a.ed-anchor");
      if (a) show(a.getAttribute("href").slice(1), a);
    });
    panel.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (!b) return;
      if (b.dataset.copy) copy(b);
      else hide();
    });
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); hide(); }
    });
    // Mouse: when the button is released. Touch handles and the keyboard: once the
    // selection has stopped changing for a moment.
    document.addEventListener("pointerdown", function (e) { dragging = e.pointerType === "mouse"; });
    document.addEventListener("pointerup", function (e) {
      dragging = false;
      if (e.target !== button) offer();
    });
    document.addEventListener("selectionchange", function () {
      clearTimeout(timer);
      if (!dragging) timer = setTimeout(offer, 300);
    });
    window.addEventListener("scroll", function () { if (!button.hidden) offer(); }, { passive: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
