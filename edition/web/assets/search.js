/* Search of the edition (index: edition/search.py) and the highlight of a hit on the page a
 * result links to. Data files are scripts calling edSearch.put(name, data), loaded by adding
 * <script> tags, so everything works from file:// (where fetch cannot read local files).
 * A query loads the meta file, the shards of its words (which mostly hold the postings of
 * their lemmas too), the register entries it names and the texts with hits. Ranking: sentences
 * with more of the query's terms first; then a hit of the very form (or phrase) typed, then a
 * hit by lemma or by a register name in any language, then a hit by the diacritic-free
 * fallback; then text order. Pure functions are exposed on window.edSearch for the tests. */
(function () {
  "use strict";
  // Mirrors edition/base/morphology.py: WORD (combining marks and the invisible soft hyphen and
  // joiners inside a word) and normalise (compared composed, without those characters).
  // (The joiner U+200D stands outside the character classes: inside, it reads as joining its
  // neighbours.)
  var WORD = /[\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_\u00ad\u200c\u2060]|\u200d)*(?:[-'’ʼ][\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_\u00ad\u200c\u2060]|\u200d)*)*/gu;
  var FOLD = { "ł": "l", "đ": "d", "ø": "o", "ß": "ss" };
  var EXACT = 0, LEMMA = 1, FALLBACK = 2;
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*$/, "") + "search/" : "";
  var files = window.edData(base);

  function normalise(word) {
    return word.replace(/[’ʼ]/g, "'").replace(/\u00ad|\u200c|\u200d|\u2060/g, "").normalize("NFC").toLowerCase();
  }

  function fold(norm) {
    return norm.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/[łđøß]/g, function (c) { return FOLD[c]; });
  }

  function words(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) out.push(m[0]);
    return out;
  }

  function nameKey(list) { return list.map(function (w) { return fold(normalise(w)).replace(/-/g, " "); }).join(" "); }

  function shardOf(prefixes, key) {
    var best = null;
    prefixes.forEach(function (p) {
      if (key.lastIndexOf(p, 0) === 0 && (best === null || p.length > best.length)) best = p;
    });
    return best;
  }

  function fileName(family, prefix) {
    return family + "_" + Array.from(prefix).map(function (c) { return c.codePointAt(0).toString(16); }).join("_");
  }


  function shard(meta, family, key) {
    var p = shardOf(meta[family], key);
    return p === null ? Promise.resolve({}) : files.load(fileName(family.charAt(0), p));
  }

  /* The query as terms: quoted phrases, and loose words; a whole unquoted query that is a
   * register name is one term. Each term must have a hit in a paragraph. */
  function parse(query) {
    var terms = [], loose = [], re = /["„“”«»]([^"„“”«»]*)["„“”«»]?|([^"„“”«»]+)/g, m;
    while ((m = re.exec(query))) {
      if (m[1] !== undefined) { if (words(m[1]).length) terms.push({ words: words(m[1]), phrase: true }); }
      else loose = loose.concat(words(m[2]));
    }
    var each = loose.map(function (w) { return { words: [w], phrase: false }; });
    if (!terms.length && loose.length > 1) return [{ words: loose, phrase: true, unlessName: each }];
    return terms.concat(each);
  }

  /* The IDs of the register entries one of whose names is ``list`` of words. */
  function namesOf(meta, list) {
    var key = nameKey(list);
    return shard(meta, "shards", key.split(" ")[0]).then(function (data) {
      return data["n:" + key] || [];
    });
  }

  /* A whole unquoted query is one term only if it is a register name. */
  function resolveTerms(meta, terms) {
    if (terms.length !== 1 || !terms[0].unlessName) return Promise.resolve(terms);
    return namesOf(meta, terms[0].words).then(function (ids) { return ids.length ? terms : terms[0].unlessName; });
  }

  function lookupWord(meta, word) {
    var n = normalise(word), f = fold(n);
    return shard(meta, "shards", f).then(function (data) {
      var group = data["w:" + f];
      if (!group) return { norm: n, keys: [], fallback: false };
      if (group[n]) return { norm: n, keys: group[n], fallback: false };
      var keys = {};
      Object.keys(group).forEach(function (form) { group[form].forEach(function (k) { keys[k] = 1; }); });
      return { norm: n, keys: Object.keys(keys), fallback: true };
    });
  }

  function postingsOf(meta, keys) {
    return Promise.all(keys.map(function (k) {
      return shard(meta, "shards", fold(k)).then(function (data) { return data["l:" + k] || []; });
    })).then(function (lists) {
      var seen = {};
      lists.forEach(function (list) {
        for (var i = 0; i < list.length; i += 3) seen[list[i] + ":" + list[i + 1] + ":" + list[i + 2]] = [list[i], list[i + 1], list[i + 2]];
      });
      return seen;
    });
  }

  function entryHits(meta, term) {
    return namesOf(meta, term.words).then(function (ids) {
      return Promise.all(ids.map(function (id) {
        return shard(meta, "entries", id.toLowerCase()).then(function (e) { return e[id] || []; });
      }));
    }).then(function (lists) {
      var hits = [];
      lists.forEach(function (list) {
        for (var i = 0; i < list.length; i += 4) hits.push({ d: list[i], p: list[i + 1], t0: list[i + 2], t1: list[i + 3], via: "name" });
      });
      return hits;
    });
  }

  /* Hits of one term: consecutive tokens sharing a key with each word, and mentions of a
   * register entry the term names. Tiers are set once the texts are loaded (rankHits). */
  function termHits(meta, term) {
    return Promise.all(term.words.map(function (w) { return lookupWord(meta, w); })).then(function (looked) {
      return Promise.all([
        Promise.all(looked.map(function (l) { return postingsOf(meta, l.keys); })),
        entryHits(meta, term),
      ]).then(function (res) {
        var sets = res[0], hits = res[1], k = term.words.length;
        Object.keys(sets[0]).forEach(function (key) {
          var h = sets[0][key];
          for (var i = 1; i < k; i++) if (!sets[i][h[0] + ":" + h[1] + ":" + (h[2] + i)]) return;
          hits.push({ d: h[0], p: h[1], t0: h[2], t1: h[2] + k - 1, via: "word" });
        });
        hits.forEach(function (h) {
          h.norms = looked.map(function (l) { return l.norm; });
          h.fallback = looked.some(function (l) { return l.fallback; });
        });
        return hits;
      });
    });
  }

  function surfaces(par, t0, t1) {
    var out = [];
    for (var t = t0; t <= t1; t++) out.push(par.text.slice(par.tokens[2 * t], par.tokens[2 * t + 1]));
    return out;
  }

  /* The tier of a hit: the very form(s) typed, a lemma or name, or the fallback. */
  function tierOf(hit, par) {
    var found = surfaces(par, hit.t0, hit.t1).map(normalise);
    if (found.length === hit.norms.length && found.every(function (f, i) { return f === hit.norms[i]; })) return EXACT;
    return hit.via === "word" && hit.fallback ? FALLBACK : LEMMA;
  }

  function sentenceOf(par, t) {
    var at = par.tokens[2 * t];
    for (var s = 0; s < par.sentences.length; s++) if (at < par.sentences[s][1]) return s;
    return par.sentences.length - 1;
  }

  /* Results sorted best first: sentences with more of the query's terms, then by tier, then
   * in document order (texts in order, each original before its translations), paragraph
   * and sentence. */
  function rank(results) {
    return results.slice().sort(function (a, b) {
      return b.terms - a.terms || a.tier - b.tier || a.d - b.d || a.p - b.p || a.s - b.s;
    });
  }

  /* Results grouped by text, groups in the order of their best result. */
  function group(ranked) {
    var groups = [], byText = {};
    ranked.forEach(function (r) {
      var id = r.text;
      if (!byText[id]) groups.push(byText[id] = { text: id, results: [] });
      byText[id].results.push(r);
    });
    return groups;
  }

  /* A keyword-in-context snippet of a sentence: ``width`` characters either side of the
   * hits, cut at spaces, with an ellipsis where cut; returns segments {text, mark}. */
  function snippet(text, spans, width) {
    spans = spans.slice().sort(function (a, b) { return a[0] - b[0]; });
    var start = Math.max(0, spans[0][0] - width), end = Math.min(text.length, spans[spans.length - 1][1] + width);
    if (start > 0 && text.charAt(start - 1) !== " ") {  // mid-word: start after the next space
      var sp = text.indexOf(" ", start);
      start = sp >= 0 && sp < spans[0][0] ? sp + 1 : spans[0][0];
    }
    if (end < text.length && text.charAt(end) !== " ") {  // mid-word: end at the space before
      var ep = text.lastIndexOf(" ", end);
      end = ep > spans[spans.length - 1][1] ? ep : spans[spans.length - 1][1];
    }
    var out = [], pos = start;
    if (start > 0) out.push({ text: "… ", mark: false });
    spans.forEach(function (s) {
      if (s[0] < pos) { if (s[1] > pos) { out.push({ text: text.slice(pos, s[1]), mark: true }); pos = s[1]; } return; }
      if (s[0] > pos) out.push({ text: text.slice(pos, s[0]), mark: false });
      out.push({ text: text.slice(s[0], s[1]), mark: true });
      pos = s[1];
    });
    if (end > pos) out.push({ text: text.slice(pos, end), mark: false });
    if (end < text.length) out.push({ text: " …", mark: false });
    return out;
  }

  /* Runs a query; ``filter`` {text, lang} may narrow it. Resolves to ranked groups of
   * results {d, p, s, tier, text, lang, pid, fragment, forms, snippet}. */
  function query(q, filter) {
    filter = filter || {};
    var terms = parse(q);
    if (!terms.length) return Promise.resolve([]);
    return files.load("meta").then(function (meta) {
      var wanted = function (d) {
        var doc = meta.docs[d];
        return (!filter.text || doc.text === filter.text) && (!filter.lang || doc.lang === filter.lang);
      };
      return resolveTerms(meta, terms).then(function (resolved) {
        return Promise.all(resolved.map(function (t, i) {
          return termHits(meta, t).then(function (hits) {
            hits.forEach(function (h) { h.term = i; });
            return hits;
          });
        }));
      }).then(function (per) {
        var paragraphs = null;
        per.forEach(function (hits) {
          var here = {};
          hits.forEach(function (h) { if (wanted(h.d)) here[h.d + ":" + h.p] = 1; });
          paragraphs = paragraphs === null ? here : Object.keys(paragraphs).reduce(function (acc, k) {
            if (here[k]) acc[k] = 1;
            return acc;
          }, {});
        });
        var hits = [].concat.apply([], per).filter(function (h) { return paragraphs[h.d + ":" + h.p]; });
        var docs = Object.keys(hits.reduce(function (a, h) { a[h.d] = 1; return a; }, {}));
        return Promise.all(docs.map(function (d) { return files.load("t_" + d); })).then(function () {
          return group(rank(results(meta, hits)));
        });
      });
    });
  }

  function results(meta, hits) {
    var byS = {};
    hits.forEach(function (h) {
      var par = files.get("t_" + h.d)[h.p], s = sentenceOf(par, h.t0), key = h.d + ":" + h.p + ":" + s;
      var r = byS[key] || (byS[key] = { d: h.d, p: h.p, s: s, tier: FALLBACK, spans: {}, forms: {}, terms: {} });
      r.terms[h.term] = 1;
      r.tier = Math.min(r.tier, tierOf(h, par));
      r.spans[par.tokens[2 * h.t0] + "-" + par.tokens[2 * h.t1 + 1]] = [par.tokens[2 * h.t0], par.tokens[2 * h.t1 + 1]];
      surfaces(par, h.t0, h.t1).forEach(function (f) { r.forms[f] = 1; });
    });
    return Object.keys(byS).map(function (key) {
      var r = byS[key], doc = meta.docs[r.d], par = files.get("t_" + r.d)[r.p], sen = par.sentences[r.s];
      var spans = Object.keys(r.spans).map(function (k) {
        return [r.spans[k][0] - sen[0], Math.min(r.spans[k][1], sen[1]) - sen[0]];
      });
      return {
        d: r.d, p: r.p, s: r.s, tier: r.tier, terms: Object.keys(r.terms).length, text: doc.text, lang: doc.lang, original: doc.original,
        pid: par.id, fragment: sen[2], forms: Object.keys(r.forms),
        snippet: snippet(par.text.slice(sen[0], sen[1]), spans, 60),
      };
    });
  }

  /* The page a result links to, relative to the search page, with the forms to mark. */
  function href(r, original) {
    var hl = "hl=" + encodeURIComponent(r.forms.join(" "));
    if (r.original) return "texts/" + r.text + ".html?" + hl + "#" + r.fragment;
    return "parallel/" + r.text + ".html?cols=" + original + "," + r.lang + "&lang=" + r.lang + "&" + hl + "#" + r.fragment;
  }

  /* ---- The search page ---- */

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  function optionText(select, value) {
    var o = select.querySelector('option[value="' + value + '"]');
    return o ? o.textContent : value;
  }

  function render(form, groups, q) {
    var strings = JSON.parse(form.getAttribute("data-strings"));
    var status = document.getElementById("ed-search-status"), out = document.getElementById("ed-search-results");
    var n = groups.reduce(function (a, g) { return a + g.results.length; }, 0);
    var plural = new Intl.PluralRules(document.documentElement.lang || "en").select(n);
    status.textContent = n ? (strings.results[plural] || strings.results.other).replace("{n}", n)
      : strings.none.replace("{q}", q);
    out.replaceChildren();
    groups.forEach(function (g) {
      var textSelect = form.elements.text, langSelect = form.elements.lang;
      var originalLang = g.results.filter(function (r) { return r.original; }).map(function (r) { return r.lang; })[0];
      var list = el("ol", { class: "ed-search-list" });
      g.results.forEach(function (r) {
        var original = originalLang || form.querySelector('option[value="' + r.text + '"]').getAttribute("data-original");
        var kwic = el("span", { class: "ed-kwic", lang: r.lang }, r.snippet.map(function (seg) {
          return seg.mark ? el("mark", {}, [seg.text]) : document.createTextNode(seg.text);
        }));
        var where = el("span", { class: "ed-search-where" }, [optionText(langSelect, r.lang) + " · " + r.fragment]);
        list.append(el("li", {}, [el("a", { href: href(r, original) }, [where, " ", kwic])]));
      });
      out.append(el("section", { class: "ed-search-group" }, [el("h2", {}, [optionText(textSelect, g.text)]), list]));
    });
  }

  function initPage(form) {
    if (form.dataset.edReady) return;
    form.dataset.edReady = "1";
    var params = new URLSearchParams(location.search);
    ["q", "text", "lang"].forEach(function (k) { if (params.get(k)) form.elements[k].value = params.get(k); });
    function run(write) {
      var q = form.elements.q.value.trim(), filter = { text: form.elements.text.value, lang: form.elements.lang.value };
      if (write) {
        var p = new URLSearchParams();
        p.set("q", q);
        if (filter.text) p.set("text", filter.text);
        if (filter.lang) p.set("lang", filter.lang);
        history.replaceState(null, "", "?" + p.toString());
      }
      if (!q) return;
      query(q, filter).then(function (groups) { render(form, groups, q); });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
    // While the reader types, the shards of the words so far are loaded (a word's shard is
    // mostly its first letters'), so the query waits for little more than the texts.
    var typing;
    form.elements.q.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () {
        files.load("meta").then(function (meta) {
          words(form.elements.q.value).forEach(function (w) { shard(meta, "shards", fold(normalise(w))); });
        });
      }, 150);
    });
    if (params.get("q")) run(false);
    else files.load("meta");  // while the reader types: one file less to wait for
  }

  /* ---- The page a result links to: mark the hit's forms in the highlighted sentence ---- */

  function markWords(root, wanted) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue, m, pos = 0, parts = [];
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text))) {
        if (!wanted[normalise(m[0])]) continue;
        parts.push(document.createTextNode(text.slice(pos, m.index)), el("mark", { class: "ed-mark" }, [m[0]]));
        pos = m.index + m[0].length;
      }
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(pos)));
      node.replaceWith.apply(node, parts);
    });
  }

  function initMarks() {
    var params = new URLSearchParams(location.search), hl = params.get("hl");
    if (!hl || document.documentElement.dataset.edMarks) return;
    document.documentElement.dataset.edMarks = "1";
    var wanted = {}, lang = params.get("lang");
    words(hl).forEach(function (w) { wanted[normalise(w)] = 1; });
    var all = [];
    document.querySelectorAll(".ed-range").forEach(function (r) {
      var targets = [r];
      if (lang) {
        var cell = r.closest(".ed-row") && r.closest(".ed-row").querySelector('.ed-cell[data-lang="' + lang + '"]');
        if (!cell) return;
        targets = r.classList.contains("ed-s") ? Array.prototype.filter.call(cell.querySelectorAll(".ed-s"), function (s) {
          return (s.getAttribute("data-align") || "").split(" ").indexOf(r.id) >= 0;
        }) : [cell];
        targets.forEach(function (t) { t.classList.add("ed-hit"); });
      }
      targets.forEach(function (t) { if (all.indexOf(t) < 0) all.push(t); });
    });
    all.forEach(function (t) { markWords(t, wanted); });
    // The marks are for this visit: the address a reader copies or cites stays clean.
    params.delete("hl");
    params.delete("lang");
    var rest = params.toString();
    history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  }

  function init() {
    var form = document.getElementById("ed-search");
    if (form) initPage(form);
    else initMarks();
  }

  window.edSearch = {
    put: files.put,
    query: query, parse: parse, normalise: normalise, fold: fold, nameKey: nameKey, shardOf: shardOf, fileName: fileName,
    snippet: snippet, rank: rank, group: group, href: href,
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
