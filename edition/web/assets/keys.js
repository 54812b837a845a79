/* Single keys for reading without a mouse (documented on the About page and in the README):
 *   j / k        the next / previous paragraph (reading page, parallel view, assignment)
 *   m / Shift+m  the next / previous mention of a register entry
 * Keys are read by their position (KeyboardEvent.code), so they are the same on Polish and
 * Ukrainian layouts. Never while typing in a field or with Ctrl, Alt or Meta held, and never
 * Material's own keys (/, s, f: search; n, p, ",", ".": next and previous page).
 * Works over http and from file://; initialised idempotently on DOMContentLoaded. */
(function () {
  "use strict";

  var PARAGRAPHS = ".ed-para, .ed-row";
  var MENTIONS = ".ed-ref";

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function visible(el) {
    return el.getClientRects().length > 0;
  }

  /* The element after (step 1) or before (step -1) the focused element in the page's order,
   * or, with nothing focused, the first below the top of the window (going forward) or the
   * last above it (going back). */
  function neighbour(selector, step) {
    var all = Array.prototype.filter.call(document.querySelectorAll(selector), visible);
    var here = document.activeElement;
    if (here && here !== document.body && !here.matches(".md-skip")) {
      var after = all.filter(function (el) {
        if (el === here) return false;
        var where = here.compareDocumentPosition(el);
        return Boolean(where & Node.DOCUMENT_POSITION_FOLLOWING) || Boolean(where & Node.DOCUMENT_POSITION_CONTAINED_BY);
      });
      var before = all.filter(function (el) {
        return el !== here && !el.contains(here) && after.indexOf(el) < 0;
      });
      return step > 0 ? after[0] || null : before[before.length - 1] || null;
    }
    if (step > 0) {
      return all.find(function (el) { return el.getBoundingClientRect().top > 1; }) || null;
    }
    var above = all.filter(function (el) { return el.getBoundingClientRect().top < -1; });
    return above[above.length - 1] || null;
  }

  function go(el) {
    if (!el) return;
    if (el.matches(PARAGRAPHS) && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (typing(event.target)) return;
    var target;
    if (event.code === "KeyJ" && !event.shiftKey) target = neighbour(PARAGRAPHS, 1);
    else if (event.code === "KeyK" && !event.shiftKey) target = neighbour(PARAGRAPHS, -1);
    else if (event.code === "KeyM") target = neighbour(MENTIONS, event.shiftKey ? -1 : 1);
    else return;
    if (!target) return;
    event.preventDefault();
    event.stopPropagation(); // before Material's own keyboard handler sees it
    go(target);
  }

  function init() {
    if (document.documentElement.dataset.edKeys) return;
    document.documentElement.dataset.edKeys = "1";
    window.addEventListener("keydown", onKey, true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
