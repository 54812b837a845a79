/* Popups of register entries: native popovers (keyboard, Escape and light dismiss come
 * from the browser), placed next to their mention, opened on hover too. Hover-opened
 * popups stay while the pointer is over the mention or the popup (WCAG 1.4.13).
 * A page carries no popups: the first time a mention is pointed at, focused, clicked or
 * tapped, its popup is built from the shared data file of its entry's shard
 * (edition/popups.py: assets/edition/popups/<ui>/<k>.js, loaded by a script tag, so it
 * works from file:// too) into the host .ed-popups, and every mention of that entry becomes
 * its invoker (popoverTargetElement, action "show": a click pins a popup that hovering
 * opened). Reading pages, parallel views and assignments all carry the same empty host.
 * Initialised once, whichever event comes first. */
(function () {
  "use strict";
  var OPEN_DELAY = 300, CLOSE_DELAY = 350, GAP = 6, EDGE = 8;
  var lastInvoker = null;
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*$/, "") + "popups/" : "";
  var files = window.edData(base);
  window.edPopups = { put: files.put };

  function invokerFor(pop) {
    if (lastInvoker && lastInvoker.popoverTargetElement === pop) return lastInvoker;
    return document.querySelector('.ed-ref[data-ref="' + CSS.escape(pop.id.slice(4)) + '"]');
  }

  // The same hash as popups.shard_of (IDs are ASCII).
  function shardOf(id, shards) {
    var h = 0;
    for (var i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % shards;
    return h;
  }


  /* The popup of a mention's entry, built on first use; resolves to the popover. */
  function popupFor(ref) {
    var id = ref.dataset.ref, pop = document.getElementById("ref-" + id);
    if (pop) return Promise.resolve(pop);
    var host = document.querySelector(".ed-popups[data-shards]");
    if (!host) return Promise.reject(new Error("no popup host"));
    var name = host.dataset.ui + "/" + shardOf(id, +host.dataset.shards);
    return files.load(name).then(function (data) {
      var pop = document.getElementById("ref-" + id);
      if (pop) return pop;
      host.insertAdjacentHTML("beforeend", data[id]);
      pop = host.lastElementChild;
      pop.querySelectorAll("a[href]").forEach(function (a) {
        var href = a.getAttribute("href");
        if (!/^[a-z]+:/i.test(href)) a.setAttribute("href", host.dataset.root + href);
      });
      adopt(pop);
      return pop;
    });
  }

  /* Every mention of the popup's entry becomes its invoker. */
  function adopt(pop) {
    var id = pop.id.slice(4);
    document.querySelectorAll('.ed-ref[data-ref="' + CSS.escape(id) + '"]').forEach(function (r) {
      r.popoverTargetElement = pop;
      r.popoverTargetAction = "show";
    });
    setUpPopup(pop);
  }

  function show(pop, ref) {
    lastInvoker = ref;
    if (!pop.matches(":popover-open")) pop.showPopover({ source: ref });
  }

  function place(pop, anchor) {
    var r = anchor.getBoundingClientRect();
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var w = pop.offsetWidth || Math.min(352, vw - 2 * EDGE), h = pop.offsetHeight;
    var left = Math.min(Math.max(EDGE, r.left), vw - w - EDGE);
    var top = r.bottom + GAP;
    if (h && top + h > vh - EDGE && r.top - GAP - h >= EDGE) top = r.top - GAP - h;
    if (h) top = Math.max(EDGE, Math.min(top, vh - h - EDGE));
    pop.style.left = Math.max(EDGE, left) + "px";
    pop.style.top = top + "px";
  }

  function onToggle(event) {
    var pop = event.target;
    if (!pop.classList || !pop.classList.contains("ed-popup")) return;
    if (event.newState === "open") {
      var anchor = invokerFor(pop);
      // beforetoggle places it before it shows; toggle corrects it now that it has a size.
      if (anchor) place(pop, anchor);
    } else {
      delete pop.dataset.hover;
    }
  }

  var timers = {};  // per entry: the pending open or close of its popup

  function cancel(id) { clearTimeout(timers[id]); }

  function leave(id, e) {
    if (e.pointerType && e.pointerType !== "mouse") return;
    cancel(id);
    var pop = document.getElementById("ref-" + id);
    if (pop && pop.dataset.hover) timers[id] = setTimeout(function () {
      if (pop.dataset.hover && pop.matches(":popover-open")) pop.hidePopover();
    }, CLOSE_DELAY);
  }

  function setUpPopup(pop) {
    var id = pop.id.slice(4);
    pop.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse") cancel(id); });
    pop.addEventListener("pointerleave", function (e) { leave(id, e); });
  }

  function setUpMention(ref) {
    var id = ref.dataset.ref;
    function prepare() { popupFor(ref).catch(function () {}); }
    ref.addEventListener("focus", prepare);
    ref.addEventListener("pointerdown", prepare);
    ref.addEventListener("pointerenter", function (e) {
      if (e.pointerType !== "mouse") return;
      cancel(id);
      popupFor(ref).then(function (pop) {
        if (pop.matches(":popover-open") || !ref.matches(":hover")) return;
        timers[id] = setTimeout(function () {
          pop.dataset.hover = "1";
          show(pop, ref);
        }, OPEN_DELAY);
      });
    });
    ref.addEventListener("pointerleave", function (e) { leave(id, e); });
    ref.addEventListener("click", function () {
      cancel(id);
      lastInvoker = ref;
      var pop = document.getElementById("ref-" + id);
      if (pop) { delete pop.dataset.hover; return; } // a click (or Enter, or a tap) pins it open
      // Not built yet: the button has no popover target, so open it once it is there.
      popupFor(ref).then(function (p) { show(p, ref); });
    });
  }

  // An entry's address names its group's first page (person-c.html#Q17); where the group
  // is split over numbered parts, that page lists the entry with its anchor and a link to
  // the part that holds it: follow the link, as a reader without this script would.
  // An index page's address with an entry's ID (register/persons.html#Q17, from before
  // the index had pages) whose entry is on another page: go to the entry, by its popup's
  // link (the host says so: data-follow).
  function followMoved() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch { return; }
    if (!id) return;
    var item = document.getElementById(id);
    if (!item) { followEntry(id); return; }
    var link = item.classList.contains("ed-moved") && item.querySelector("a[href]");
    if (link) location.replace(link.href);
  }

  function followEntry(id) {
    var host = document.querySelector(".ed-popups[data-follow][data-shards]");
    var hash = location.hash;
    if (!host || !/^[\x21-\x7e]+$/.test(id)) return; // entry IDs are ASCII
    files.load(host.dataset.ui + "/" + shardOf(id, +host.dataset.shards)).then(function (data) {
      var popup = document.createElement("template");
      popup.innerHTML = data[id] || "";
      var link = popup.content.querySelector(".ed-popup-links a[href]");
      if (link && location.hash === hash) { // unless the reader moved on meanwhile
        location.replace(host.dataset.root + link.getAttribute("href"));
      }
    }).catch(function () {});
  }

  function init() {
    if (document.documentElement.dataset.edPopups) return;
    document.documentElement.dataset.edPopups = "1";
    followMoved();
    window.addEventListener("hashchange", followMoved);
    document.addEventListener("beforetoggle", onToggle, true);
    document.addEventListener("toggle", onToggle, true);
    document.querySelectorAll(".ed-ref[data-ref]").forEach(setUpMention);
    // Light dismiss for taps too: not every touch browser closes a popover on a tap outside.
    document.addEventListener("pointerup", function (e) {
      if (e.pointerType === "mouse") return; // the browser's own light dismiss does it
      if (e.target.closest && e.target.closest(".ed-popup, .ed-ref")) return;
      document.querySelectorAll(".ed-popup:popover-open").forEach(function (pop) {
        pop.hidePopover();
      });
    });
    window.addEventListener("resize", function () {
      document.querySelectorAll(".ed-popup:popover-open").forEach(function (pop) {
        var anchor = invokerFor(pop);
        if (anchor) place(pop, anchor);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
