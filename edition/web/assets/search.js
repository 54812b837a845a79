/* Search of the edition (index: edition/derived/search_index.py), the header's box that
 * offers hits and entries as the reader types, and the highlight of a hit on the page a
 * result links to. Data files are scripts calling edSearch.put(name, data), loaded by adding
 * <script> tags, so everything works from file:// (where fetch cannot read local files).
 *
 * A query's cost does not grow with its hits: its words' shards give their forms, lemmas and
 * the hits of each corpus form (long lists in pages); the term with the fewest hits drives,
 * and a page of results loads only the paragraphs it shows (t_<doc>_<paragraph>), where the
 * other terms are checked. Tiers, best first: the very form typed, another form of its
 * lemmas or a name of the entry it names, a diacritic-free or fallback-stem match, a word
 * the last one typed begins (as you type). Within a page: sentences with more of the query's
 * terms first, then by tier, then in stream order. Pure functions are exposed on
 * window.edSearch for the tests. */
(function () {
  "use strict";
  // Mirrors edition/base/morphology.py: WORD (combining marks and the invisible soft hyphen and
  // joiners inside a word) and normalise (compared composed, without those characters).
  // (The joiner U+200D stands outside the character classes: inside, it reads as joining its
  // neighbours.)
  var WORD = /[\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_\u00ad\u200c\u2060]|\u200d)*(?:[-'’ʼ][\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_\u00ad\u200c\u2060]|\u200d)*)*/gu;
  var FOLD = { "ł": "l", "đ": "d", "ø": "o", "ß": "ss" };
  var EXACT = 0, LEMMA = 1, FALLBACK = 2, PREFIX = 3;
  // Results per page; paragraphs read per page at most, and the bytes of their text (a page
  // stops once it has read that much: a query's bytes do not grow with the paragraphs it reads).
  var PAGE = 10, BUDGET = 30, PAGE_BYTES = 12000;
  // Documents per chunk of the document table (search_index.DOCS_CHUNK), and the chunks a
  // page of language-filtered results may load before it offers the next page.
  var DOCS_CHUNK = 128, CHUNKS = 4;
  var UTF8 = new TextEncoder();
  var MIN_PREFIX = 2;
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*$/, "") + "search/" : "";
  var files = window.edData(base);

  function normalise(word) {
    // (composed first: a word typed decomposed is compared as the index has it)
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

  /* The prefix of the shard of ``key`` in ``family`` (null if none), found down the levels
   * of its list: meta.js holds
   * {d: levels below it, p: prefixes}, and level n's group g is the file <f><n>_<g> with the
   * prefixes of level n - 1 below g (search_index.shard_lists). */
  function shardPrefix(meta, family, key) {
    function down(list, depth) {
      var p = shardOf(list, key);
      if (p === null || !depth) return Promise.resolve(p);
      return files.load(fileName(family.charAt(0) + depth, p)).then(function (below) { return down(below, depth - 1); });
    }
    return down(meta[family].p, meta[family].d);
  }

  /* The shard of ``key`` in ``family`` ({} if none), by its prefix (shardPrefix). */
  function shard(meta, family, key) {
    return shardPrefix(meta, family, key).then(function (p) { return p === null ? {} : files.load(fileName(family.charAt(0), p)); });
  }

  /* The value of table key kind+key, from the shard of ``at`` (the folded key). */
  function entry(meta, kind, key, at) {
    return shard(meta, "shards", at).then(function (data) { return data[kind + key]; });
  }

  function split(keys) { return keys ? keys.split("|") : []; }

  /* The query as terms: quoted phrases, and loose words; a whole unquoted query that is a
   * register name is one term. Each term must have a hit in a paragraph. */
  function parse(query) {
    var terms = [], loose = [], re = /["„“”«»]([^"„“”«»]*)["„“”«»]?|([^"„“”«»]+)/g, m;
    query = query.normalize("NFC");
    while ((m = re.exec(query))) {
      if (m[1] !== undefined) { if (words(m[1]).length) terms.push({ words: words(m[1]), phrase: true }); }
      else loose = loose.concat(words(m[2]));
    }
    var each = loose.map(function (w) { return { words: [w], phrase: false }; });
    if (!terms.length && loose.length > 1) return [{ words: loose, phrase: true, unlessName: each }];
    return terms.concat(each);
  }

  /* Fallback stems of a normalised word no form matches: the languages' endings taken off. */
  function stems(meta, norm) {
    var out = {};
    out[norm] = 1;
    Object.keys(meta.endings).forEach(function (code) {
      meta.endings[code].forEach(function (e) {
        if (norm.length - e.length >= meta.minStem && norm.slice(-e.length) === e) out[norm.slice(0, -e.length)] = 1;
      });
    });
    return Object.keys(out);
  }

  /* One word of a query: its keys (lemmas or stems), and its corpus forms with their tier. */
  function lookupWord(meta, word) {
    var n = normalise(word), f = fold(n);
    return entry(meta, "w:", f, f).then(function (group) {
      var keys = {}, fallback = false;
      if (typeof group === "string") group = (function (g) { var o = {}; o[f] = g; return o; })(group);
      if (group && group[n] !== undefined) split(group[n]).forEach(function (k) { keys[k] = 1; });
      else if (group) {
        fallback = true;
        Object.keys(group).forEach(function (form) { split(group[form]).forEach(function (k) { keys[k] = 1; }); });
      } else {
        fallback = true;
        stems(meta, n).forEach(function (k) { keys[k] = 1; });
      }
      keys = Object.keys(keys);
      return Promise.all(keys.map(function (k) { return entry(meta, "l:", k, fold(k)); })).then(function (lists) {
        var forms = {};
        forms[n] = EXACT;
        lists.forEach(function (list) {
          (list || []).forEach(function (form) {
            if (forms[form] === undefined) forms[form] = form === n ? EXACT : fallback ? FALLBACK : LEMMA;
          });
        });
        return { word: word, norm: n, fold: f, keys: keys, forms: forms, known: !!group || lists.some(function (l) { return l; }) };
      });
    });
  }

  /* The corpus forms the last word begins, most frequent first (c: lists, see completions). */
  function completionsOf(meta, kind, f) {
    if (Array.from(f).length < MIN_PREFIX) return Promise.resolve([]);
    function at(p) {
      return entry(meta, kind, p, p).then(function (found) {
        if (found) return found[1] || p === f ? found[0].filter(function (x) { return fold(typeof x === "string" ? x : normalise(x[0])).indexOf(f) === 0 || kind === "a:"; }) : found[0];
        return p.length > MIN_PREFIX ? at(p.slice(0, -1)) : [];
      });
    }
    return at(f).then(function (items) {
      return kind === "a:" ? items.filter(function (x) {
        return words(x[0]).some(function (w) { return fold(normalise(w)).indexOf(f) === 0; });
      }) : items;
    });
  }

  /* Entries one of whose names is the words ``looked`` in any form: the folded name, or
   * each word sharing a key with the name's word (m: lists). */
  function entriesNamed(meta, list, looked) {
    var key = nameKey(list);
    return Promise.all([
      entry(meta, "n:", key, key.split(" ")[0]),
      Promise.all(looked[0].keys.map(function (k) { return entry(meta, "m:", k, fold(k)); })),
    ]).then(function (res) {
      var ids = {};
      (res[0] || []).forEach(function (id) { ids[id] = 1; });
      res[1].forEach(function (named) {
        (named || []).forEach(function (n) {
          if (n.length !== looked.length) return;
          for (var i = 1; i < n.length; i++) {
            if (!n[i].some(function (k) { return looked[i].keys.indexOf(k) >= 0; })) return;
          }
          ids[n[0]] = 1;
        });
      });
      return Object.keys(ids);
    });
  }

  /* A source's hits, its first page and their number: a corpus form's tokens, an entry's
   * mentions (paged lists). */
  function fill(meta, src) {
    var got = src.kind === "e" ? shard(meta, "entries", src.key.toLowerCase()).then(function (d) { return d[src.key] && d[src.key].m; })
      : entry(meta, "f:", src.key, fold(src.key));
    return got.then(function (list) {
      src.list = list || [];
      src.n = Array.isArray(src.list) ? src.list.length / src.width : src.list.n;
    });
  }

  /* A term made ready: per word its forms with tiers, the entries it names, and its sources
   * of hits best tier first. A term ``alone`` (the whole query, one word) needs no count of
   * its hits: its sources are loaded as its results reach them (a lemma's forms may lie in
   * many shards); otherwise all are, to find the rarest term and word. */
  function prepare(meta, term, prefix, alone) {
    return Promise.all(term.words.map(function (w) { return lookupWord(meta, w); })).then(function (looked) {
      var last = looked[looked.length - 1];
      return Promise.all([
        entriesNamed(meta, term.words, looked),
        prefix ? completionsOf(meta, "c:", last.fold) : Promise.resolve([]),
      ]).then(function (res) {
        var ids = res[0];
        res[1].forEach(function (form) { if (last.forms[form] === undefined) last.forms[form] = PREFIX; });
        term.looked = looked;
        term.entries = ids;
        var sources = [];
        if (term.words.length === 1) {
          Object.keys(last.forms).forEach(function (form) {
            sources.push({ tier: last.forms[form], kind: "f:", key: form, width: 3 });
          });
        } else {  // a phrase: driven by its rarest word's forms, checked in the paragraph
          looked.forEach(function (l, i) {
            Object.keys(l.forms).forEach(function (form) { sources.push({ tier: l.forms[form], kind: "f:", key: form, width: 3, word: i }); });
          });
        }
        ids.forEach(function (id) { sources.push({ tier: LEMMA, kind: "e", key: id, width: 4 }); });
        sources.forEach(function (src) { src.fill = function () { return fill(meta, src); }; });
        if (alone && term.words.length === 1) {
          sources.sort(function (a, b) { return a.tier - b.tier; });
          term.sources = sources;
          term.total = null;  // (not counted)
          return term;
        }
        return Promise.all(sources.map(function (src) { return src.fill(); })).then(function () {
          sources = sources.filter(function (s) { return s.n; });
          if (term.words.length > 1) {  // only the rarest word's forms, and the entries
            var per = looked.map(function (l, i) { return sources.filter(function (s) { return s.word === i; }).reduce(function (a, s) { return a + s.n; }, 0); });
            var rarest = per.indexOf(Math.min.apply(null, per));
            sources = sources.filter(function (s) { return s.word === undefined || s.word === rarest; });
          }
          sources.sort(function (a, b) { return a.tier - b.tier; });
          term.sources = sources;
          term.total = sources.reduce(function (a, s) { return a + s.n; }, 0);
          return term;
        });
      });
    });
  }

  /* The hits of one source, page ``k`` (0: the ones in the shard). */
  function sourcePage(src, k) {
    if (src.list === undefined) return src.fill().then(function () { return sourcePage(src, k); });
    var list = src.list;
    if (Array.isArray(list)) return Promise.resolve(k === 0 ? list : null);
    if (k === 0) return Promise.resolve(list.h);
    if (k > list.o[1]) return Promise.resolve(null);
    return files.load("o_" + (list.o[0] + k - 1));
  }

  /* The paragraphs a term's hits fall in, in its sources' order, as a lazy stream. */
  function stream(term) {
    var s = 0, k = 0, buffer = [], at = 0, seen = {};
    function next() {
      if (at < buffer.length) {
        var key = buffer[at++];
        return Promise.resolve(key);
      }
      if (s >= term.sources.length) return Promise.resolve(null);
      var src = term.sources[s];
      return sourcePage(src, k).then(function (hits) {
        if (hits === null) { s++; k = 0; return next(); }
        k++;
        buffer = []; at = 0;
        for (var i = 0; i < hits.length; i += src.width) {
          var key = hits[i] + "_" + hits[i + 1];
          if (!seen[key]) { seen[key] = 1; buffer.push(key); }
        }
        return next();
      });
    }
    return next;
  }

  /* The word tokens' offsets of a paragraph, [start, end, ...]: the index's tokens (WORD). */
  function tokensOf(par) {
    if (!par.tokens) {
      var out = [], m;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(par.text))) out.push(m.index, m.index + m[0].length);
      par.tokens = out;
    }
    return par.tokens;
  }

  /* How each term matches in a paragraph: [{t0, t1, tier, why}] per term. */
  function matchTerm(term, par) {
    tokensOf(par);
    var found = [], n = par.tokens.length / 2, norms = [];
    for (var t = 0; t < n; t++) norms.push(normalise(par.text.slice(par.tokens[2 * t], par.tokens[2 * t + 1])));
    var k = term.looked.length;
    for (t = 0; t + k <= n; t++) {
      var tier = -1;
      for (var i = 0; i < k; i++) {
        var got = term.looked[i].forms[norms[t + i]];
        if (got === undefined || (got === PREFIX && i < k - 1)) { tier = -1; break; }
        tier = Math.max(tier, got);
      }
      if (tier >= 0) found.push({ t0: t, t1: t + k - 1, tier: tier, why: tier === EXACT ? null : { kind: tier, form: term.words.join(" ") } });
    }
    (par.mentions || []).forEach(function (m) {
      if (term.entries.indexOf(m[2]) >= 0 && !found.some(function (h) { return h.t0 === m[0] && h.t1 === m[1]; })) {
        found.push({ t0: m[0], t1: m[1], tier: LEMMA, why: { kind: "entry", id: m[2], form: term.words.join(" ") } });
      }
    });
    return found;
  }

  function sentenceOf(par, t) {
    var at = par.tokens[2 * t];
    for (var s = 0; s < par.sentences.length; s++) if (at < par.sentences[s][1]) return s;
    return par.sentences.length - 1;
  }

  /* The results (one per sentence with a hit) of a paragraph all terms match, else []. */
  function resultsOf(terms, par, d, p, order) {
    var per = terms.map(function (term) { return matchTerm(term, par); });
    if (per.some(function (h) { return !h.length; })) return [];
    var byS = {};
    per.forEach(function (hits, i) {
      hits.forEach(function (h) {
        var s = sentenceOf(par, h.t0);
        var r = byS[s] || (byS[s] = { d: d, p: p, s: s, tier: PREFIX, spans: [], forms: {}, terms: {}, why: [], order: order });
        r.terms[i] = 1;
        r.tier = Math.min(r.tier, h.tier);
        r.spans.push([par.tokens[2 * h.t0], par.tokens[2 * h.t1 + 1]]);
        for (var t = h.t0; t <= h.t1; t++) r.forms[par.text.slice(par.tokens[2 * t], par.tokens[2 * t + 1])] = 1;
        var surface = par.text.slice(par.tokens[2 * h.t0], par.tokens[2 * h.t1 + 1]);
        if (h.why && !r.why.some(function (w) { return w.surface === surface; })) r.why.push({ kind: h.why.kind, form: h.why.form, id: h.why.id, surface: surface });
      });
    });
    var doc = par.doc;
    return Object.keys(byS).map(function (s) {
      var r = byS[s], sen = par.sentences[r.s];
      var spans = r.spans.map(function (x) { return [x[0] - sen[0], Math.min(x[1], sen[1]) - sen[0]]; });
      return {
        d: r.d, p: r.p, s: r.s, tier: r.tier, terms: Object.keys(r.terms).length, order: r.order,
        text: doc[0], lang: doc[1], original: doc[2], originalLang: doc[3], pid: par.id, fragment: sen[2], forms: Object.keys(r.forms),
        why: r.why, snippet: snippet(par.text.slice(sen[0], sen[1]), spans, 60),
      };
    });
  }

  /* Results sorted best first: sentences with more of the query's terms, then by tier, then
   * in the order their paragraphs came (``order``), paragraph and sentence. */
  function rank(results) {
    return results.slice().sort(function (a, b) {
      return b.terms - a.terms || a.tier - b.tier || (a.order || 0) - (b.order || 0) || a.d - b.d || a.p - b.p || a.s - b.s;
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

  /* Damerau-Levenshtein distance (optimal string alignment) is at most one. */
  function oneEditApart(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* A shard's forms as its candidate file (d_<prefix>) has them: {c: corpus forms, o: the
   * others}, each a group's first form (search_index.typo_candidates). */
  function candidatesOf(data) {
    var out = { c: [], o: [] };
    Object.keys(data).forEach(function (k) {
      if (k.lastIndexOf("w:", 0) !== 0) return;
      var g = data[k], form = typeof g === "string" ? k.slice(2) : Object.keys(g)[0];
      out[data["f:" + form] ? "c" : "o"].push(form);
    });
    return out;
  }

  /* Known forms one edit from a word no form matches: its shard's forms, and those of the
   * shards of its first letters deleted or swapped (an edit there moves the word to another
   * shard), read from the shards' small candidate files (d_<prefix>: the forms alone) unless
   * the shard itself is loaded. */
  function suggestions(meta, word) {
    var f = fold(normalise(word)), variants = [f];
    for (var i = 0; i < Math.min(3, f.length); i++) {
      variants.push(f.slice(0, i) + f.slice(i + 1));
      if (i + 1 < f.length) variants.push(f.slice(0, i) + f[i + 1] + f[i] + f.slice(i + 2));
    }
    return Promise.all(variants.map(function (v) { return shardPrefix(meta, "shards", v); })).then(function (ps) {
      ps = ps.filter(function (p, i) { return p !== null && ps.indexOf(p) === i; });
      return Promise.all(ps.map(function (p) {
        var loaded = files.get(fileName("s", p));
        return loaded ? candidatesOf(loaded) : files.load(fileName("d", p));
      }));
    }).then(function (lists) {
      var found = {};
      lists.forEach(function (list) {
        [["c", 0], ["o", 1]].forEach(function (kind) {
          list[kind[0]].forEach(function (form) {
            if (oneEditApart(f, fold(form)) && !(found[form] <= kind[1])) found[form] = kind[1];
          });
        });
      });
      return Object.keys(found).sort(function (a, b) { return found[a] - found[b] || (a < b ? -1 : 1); });
    });
  }

  /* A search: ``q`` with ``options`` {text, lang, prefix (the last word may be begun),
   * pageBytes (of paragraph text a page reads at most; PAGE_BYTES)}.
   * Resolves to {results (ranked, a page), more(): the next page or null, total hits,
   * suggestion (a query one edit away, when nothing is found)}. */
  function search(q, options) {
    options = options || {};
    var terms = parse(q);
    if (!terms.length) return Promise.resolve({ results: [], more: null, total: 0 });
    return files.load("meta").then(function (meta) {
      // A text's versions are numbered together (x_<text>: their range); a document's
      // language is in its chunk of the document table (docs_<k>), loaded when reached.
      var range = options.text ? files.load("x_" + options.text).then(function (x) { return x.d; }, function () { return [0, 0]; }) : Promise.resolve(null);
      return Promise.all([range, resolveTerms(meta, terms, options.prefix)]).then(function (res) {
        var within = res[0], resolved = res[1];
        function langOf(d) {
          var name = "docs_" + Math.floor(d / DOCS_CHUNK), known = files.get(name);
          if (known) return Promise.resolve(known[d % DOCS_CHUNK][1]);
          fresh++;
          return files.load(name).then(function (chunk) { return chunk[d % DOCS_CHUNK][1]; });
        }
        var driver = resolved.reduce(function (a, t) { return t.total < a.total ? t : a; });
        var next = stream(driver), order = 0, fresh = 0;
        function page() {
          var out = [], read = 0, bytes = 0;
          fresh = 0;
          function step() {
            if (out.length >= PAGE || read >= BUDGET || fresh >= CHUNKS || bytes >= (options.pageBytes || PAGE_BYTES)) return Promise.resolve(true);
            return next().then(function (key) {
              if (key === null) return false;
              var dp = key.split("_"), d = +dp[0], p = +dp[1];
              if (within && (d < within[0] || d >= within[1])) return step();
              return (options.lang ? langOf(d) : Promise.resolve(null)).then(function (l) {
                if (l !== null && l !== options.lang) return step();
                read++;
                return files.load("t_" + key).then(function (par) {
                  bytes += UTF8.encode(par.text).length;
                  out = out.concat(resultsOf(resolved, par, d, p, order++));
                  return step();
                });
              });
            });
          }
          return step().then(function (more) {
            return titled(out).then(function () {
              return { results: rank(out), more: more ? page : null, total: resolved.map(function (t) { return t.total; }) };
            });
          });
        }
        return page().then(function (first) {
          if (first.results.length || first.more) return first;
          var unknown = resolved.map(function (t) { return t.looked; }).reduce(function (a, l) { return a.concat(l); }, [])
            .filter(function (l) { return !l.known; });
          if (!unknown.length) return first;
          return suggestions(meta, unknown[0].word).then(function (found) {
            if (!found.length) return first;
            var word = unknown[0].word, better = found[0];
            if (word.charAt(0) !== word.charAt(0).toLowerCase()) better = better.charAt(0).toUpperCase() + better.slice(1);
            first.suggestion = q.normalize("NFC").replace(word, better);
            return first;
          });
        });
      });
    });
  }

  /* Each result's text's titles (per UI language), from its x_<text> file: one per text. */
  function titled(results) {
    return Promise.all(results.map(function (r) {
      return files.load("x_" + r.text).then(function (x) { r.titles = x.t; }, function () { r.titles = {}; });
    }));
  }

  /* A whole unquoted query is one term only if it is a register name (in any form). */
  function resolveTerms(meta, terms, prefix) {
    function ready(ts) {
      return Promise.all(ts.map(function (t, i) { return prepare(meta, t, prefix && i === ts.length - 1 && !t.phrase, ts.length === 1); }));
    }
    if (terms.length !== 1 || !terms[0].unlessName) return ready(terms);
    return prepare(meta, terms[0], false).then(function (t) { return t.entries.length ? [t] : ready(terms[0].unlessName); });
  }

  /* Every result of ``q`` (all pages), grouped by text: for the tests and the benchmark. */
  function query(q, filter) {
    return search(q, filter).then(function (first) {
      var all = first.results;
      function more(pageFn) {
        if (!pageFn) return Promise.resolve();
        return pageFn().then(function (r) { all = all.concat(r.results); return more(r.more); });
      }
      return more(first.more).then(function () { return group(rank(all)); });
    });
  }

  /* The page a result links to, relative to the search page, with the forms to mark. */
  function href(r, original) {
    original = original || r.originalLang;
    var hl = "hl=" + encodeURIComponent(r.forms.join(" ")), id = encodeURIComponent(r.text);
    if (r.original) return "texts/" + id + ".html?" + hl + "#" + r.fragment;
    return "parallel/" + id + ".html?cols=" + original + "," + r.lang + "&lang=" + r.lang + "&" + hl + "#" + r.fragment;
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

  function kwic(r) {
    return el("span", { class: "ed-kwic", lang: r.lang }, r.snippet.map(function (seg) {
      return seg.mark ? el("mark", {}, [seg.text]) : document.createTextNode(seg.text);
    }));
  }

  /* Why a result matched, in the page's words: the form or the register entry. */
  function why(strings, r) {
    return r.why.map(function (w) {
      var says = w.kind === "entry" ? strings.why_entry : w.kind === FALLBACK ? strings.why_fold
        : w.kind === PREFIX ? strings.why_prefix : strings.why_form;
      return says.replace("{form}", w.surface).replace("{q}", w.form);
    }).join("; ");
  }

  function resultItem(strings, r, langName) {
    var where = el("span", { class: "ed-search-where" }, [langName + " · " + r.fragment]);
    var parts = [where, " ", kwic(r)];
    var because = why(strings, r);
    if (because) parts.push(el("span", { class: "ed-search-why" }, [because]));
    return el("li", {}, [el("a", { href: href(r, r.originalLang) }, parts)]);
  }

  function render(form, state, q, append) {
    var strings = JSON.parse(form.getAttribute("data-strings"));
    var status = document.getElementById("ed-search-status"), out = document.getElementById("ed-search-results");
    if (!append) { out.replaceChildren(); form.edShown = 0; }
    var old = out.querySelector(".ed-search-more");
    if (old) old.remove();
    form.edShown += state.results.length;
    var n = form.edShown;
    var plural = new Intl.PluralRules(document.documentElement.lang || "en").select(n);
    status.replaceChildren(n ? (strings.results[plural] || strings.results.other).replace("{n}", n)
      : (state.more ? strings.none_yet : strings.none).replace("{q}", q));
    if (state.suggestion) {
      var again = el("a", { href: "?q=" + encodeURIComponent(state.suggestion), class: "ed-search-suggestion" }, [state.suggestion]);
      var said = strings.did_you_mean.split("{q}");
      status.append(" ", said[0], again, said[1] || "");
    }
    group(state.results).forEach(function (g) {
      var langSelect = form.elements.lang, title = g.results[0].titles[form.dataset.ui] || g.text;
      var section = out.querySelector('.ed-search-group[data-text="' + CSS.escape(g.text) + '"]');
      if (!section) {
        section = el("section", { class: "ed-search-group", "data-text": g.text }, [el("h2", {}, [title]), el("ol", { class: "ed-search-list" })]);
        out.append(section);
      }
      var list = section.querySelector("ol");
      g.results.forEach(function (r) { list.append(resultItem(strings, r, optionText(langSelect, r.lang))); });
    });
    if (state.more) {
      var button = el("button", { type: "button", class: "md-button ed-search-more" }, [strings.more]);
      button.addEventListener("click", function () {
        button.disabled = true;
        state.more().then(function (next) { render(form, next, q, true); });
      });
      out.append(button);
    }
  }

  /* The text filter: the chosen text's title (from its x_<text> file), with a button that
   * clears it; hidden while no text is chosen (the page lists no texts). */
  function showText(form, changed) {
    var box = document.getElementById("ed-search-in"), id = form.elements.text.value;
    box.querySelector("button").addEventListener("click", function () {
      form.elements.text.value = "";
      box.hidden = true;
      form.elements.q.focus();
      changed();
    });
    if (!id) return;
    files.load("x_" + id).then(function (x) {
      box.querySelector("strong").textContent = x.t[form.dataset.ui] || id;
      box.hidden = false;
    }, function () { form.elements.text.value = ""; });
  }

  function initPage(form) {
    if (form.dataset.edReady) return;
    form.dataset.edReady = "1";
    var params = new URLSearchParams(location.search), latest = 0;
    ["q", "text", "lang"].forEach(function (k) { if (params.get(k)) form.elements[k].value = params.get(k); });
    function run(write, typing) {
      var raw = form.elements.q.value, q = raw.trim(), filter = { text: form.elements.text.value, lang: form.elements.lang.value };
      if (write) {
        var p = new URLSearchParams();
        p.set("q", q);
        if (filter.text) p.set("text", filter.text);
        if (filter.lang) p.set("lang", filter.lang);
        history.replaceState(null, "", "?" + p.toString());
      }
      if (!q) return;
      // As the reader types, the last word may be the beginning of one (not after a space);
      // a query sent (Enter, a link) that finds no whole word is then taken as begun too, so
      // Enter never takes away the results the reader saw while typing.
      var begun = !/\s$/.test(raw);
      filter.prefix = typing && begun;
      var mine = ++latest;
      search(q, filter).then(function (state) {
        if (state.results.length || filter.prefix || !begun) return state;
        return search(q, Object.assign({}, filter, { prefix: true })).then(function (begunState) {
          return begunState.results.length ? begunState : state;
        });
      }).then(function (state) { if (mine === latest) render(form, state, q, false); });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); run(true, false); });
    var typing;
    form.elements.q.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { run(false, true); }, 250);
    });
    form.elements.lang.addEventListener("change", function () { run(true, false); });
    showText(form, function () { run(true, false); });
    if (params.get("q")) run(false, false);
    else files.load("meta");  // while the reader types: one file less to wait for
  }

  /* ---- The header's box: the first hits and the entries named, as the reader types ---- */

  function initHeader(form) {
    if (form.dataset.edReady) return;
    form.dataset.edReady = "1";
    var input = form.elements.q, box = form.querySelector(".ed-header-hits"), latest = 0, typing;
    var site = form.getAttribute("action").replace(/[^/]*$/, "");
    function close() { box.replaceChildren(); box.hidden = true; }
    function show() {
      var raw = input.value, q = raw.trim(), mine = ++latest;
      if (Array.from(fold(normalise(q))).length < MIN_PREFIX) { close(); return; }
      var last = words(q).pop() || "";
      files.load("meta").then(function (meta) {
        return Promise.all([
          /\s$/.test(raw) ? Promise.resolve([]) : completionsOf(meta, "a:", fold(normalise(last))),
          search(q, { prefix: !/\s$/.test(raw) }),
        ]).then(function (res) {
          if (mine !== latest) return;
          var named = [], items = [];
          res[0].forEach(function (x) {
            if (named.length < 4 && !named.some(function (n) { return n[1] === x[1]; })) named.push(x);
          });
          return Promise.all(named.map(function (x) {
            return shard(meta, "entries", x[1].toLowerCase()).then(function (d) {
              return el("li", { class: "ed-header-entry" }, [el("a", { href: site + d[x[1]].u }, [x[0]])]);
            });
          })).then(function (entries) {
            items = entries;
            res[1].results.slice(0, 5).forEach(function (r) {
              items.push(el("li", {}, [el("a", { href: site + href(r, r.originalLang) }, [kwic(r)])]));
            });
            box.replaceChildren.apply(box, items);
            box.hidden = !items.length;
          });
        });
      });
    }
    input.addEventListener("input", function () { clearTimeout(typing); typing = setTimeout(show, 200); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") close();
      else if (e.key === "ArrowDown" && !box.hidden) { e.preventDefault(); box.querySelector("a").focus(); }
    });
    box.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(box.querySelectorAll("a")), at = links.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && at < links.length - 1) { e.preventDefault(); links[at + 1].focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      else if (e.key === "Escape") { close(); input.focus(); }
    });
    form.addEventListener("focusout", function (e) { if (!form.contains(e.relatedTarget)) setTimeout(close, 150); });
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
    var header = document.querySelector(".ed-header-search");
    if (header && header.querySelector(".ed-header-hits")) initHeader(header);
    if (form) initPage(form);
    else initMarks();
  }

  window.edSearch = {
    put: files.put, loaded: files.get,
    query: query, search: search, suggestions: suggestions, oneEditApart: oneEditApart, parse: parse, normalise: normalise, fold: fold, nameKey: nameKey, shardOf: shardOf, fileName: fileName,
    snippet: snippet, rank: rank, group: group, href: href,
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
