/* Deep links to passages: #p3, #p3-p5, #p3s2, #p3s2-p4s1 highlight that range on a reading
 * page or a parallel view and scroll to its start; over http and from file:// alike.
 * The grammar is the one of edition/passages.py. */
(function () {
  "use strict";
  var REF = /^(p[1-9][0-9]*(?:s[1-9][0-9]*)?)(?:-(p[1-9][0-9]*(?:s[1-9][0-9]*)?))?$/;

  function units(sentences) {
    // Paragraphs (reading rows) or sentences of the original, in text order.
    var sel = sentences ? ".ed-text .ed-s[id], .ed-parallel .ed-s[id]" : ".ed-para[id], .ed-row[id]";
    return Array.prototype.slice.call(document.querySelectorAll(sel));
  }

  function apply() {
    document.querySelectorAll(".ed-range").forEach(function (el) { el.classList.remove("ed-range"); });
    var m = REF.exec(decodeURIComponent(location.hash.slice(1)));
    if (!m) return;
    var start = m[1], end = m[2] || m[1];
    if ((start.indexOf("s") > 0) !== (end.indexOf("s") > 0)) return;
    var list = units(start.indexOf("s") > 0);
    var ids = list.map(function (el) { return el.id; });
    var i = ids.indexOf(start), j = ids.indexOf(end);
    if (i < 0 || j < i) return;
    list.slice(i, j + 1).forEach(function (el) { el.classList.add("ed-range"); });
    if (m[2]) list[i].scrollIntoView({ block: "start" });
  }

  function init() {
    if (document.documentElement.dataset.edPassages) return;
    document.documentElement.dataset.edPassages = "1";
    window.addEventListener("hashchange", apply);
    apply();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
