/* Popups of register entries: native popovers (keyboard, Escape and light dismiss come
 * from the browser), placed next to their mention, opened on hover too. Hover-opened
 * popups stay while the pointer is over the mention or the popup (WCAG 1.4.13).
 * Mentions use popovertargetaction="show": a click pins a popup that hovering opened.
 * Works over http and from file://; initialised once, whichever event comes first. */
(function () {
  "use strict";
  var OPEN_DELAY = 300, CLOSE_DELAY = 350, GAP = 6, EDGE = 8;
  var lastInvoker = null;

  function invokerFor(pop) {
    if (lastInvoker && lastInvoker.getAttribute("popovertarget") === pop.id) return lastInvoker;
    return document.querySelector('.ed-ref[popovertarget="' + pop.id + '"]');
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

  function setUpHover(ref) {
    var pop = document.getElementById(ref.getAttribute("popovertarget"));
    if (!pop) return;
    var openTimer = 0, closeTimer = 0;
    function cancel() { clearTimeout(openTimer); clearTimeout(closeTimer); }
    function leave(e) {
      if (e.pointerType && e.pointerType !== "mouse") return;
      cancel();
      if (pop.dataset.hover) closeTimer = setTimeout(function () {
        if (pop.dataset.hover && pop.matches(":popover-open")) pop.hidePopover();
      }, CLOSE_DELAY);
    }
    ref.addEventListener("pointerenter", function (e) {
      if (e.pointerType !== "mouse") return;
      cancel();
      if (pop.matches(":popover-open")) return;
      openTimer = setTimeout(function () {
        lastInvoker = ref;
        pop.dataset.hover = "1";
        pop.showPopover();
      }, OPEN_DELAY);
    });
    ref.addEventListener("pointerleave", leave);
    pop.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse") cancel(); });
    pop.addEventListener("pointerleave", leave);
    ref.addEventListener("click", function () {
      cancel();
      lastInvoker = ref;
      delete pop.dataset.hover; // a click (or Enter, or a tap) pins the popup open
    });
  }

  function init() {
    if (document.documentElement.dataset.edPopups) return;
    document.documentElement.dataset.edPopups = "1";
    document.addEventListener("beforetoggle", onToggle, true);
    document.addEventListener("toggle", onToggle, true);
    document.querySelectorAll(".ed-ref[popovertarget]").forEach(setUpHover);
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
