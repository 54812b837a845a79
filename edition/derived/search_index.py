"""The search index: every form of every word of the corpus and the register, in JavaScript files.

Readers search in Polish and Ukrainian, whose words inflect: a query form is mapped to the
lemmas the matcher's analysers (``morphology.Analyser``) give it, and every token sharing a
lemma is found. No analyser runs in the browser, so the form-to-lemma table holds, beside
every form of the corpus and of the register's names, every form the dictionaries inflect
their lemmas in (``Language.paradigms``: Morfeusz 2's ``generate``, pymorphy3's lexeme):
"Stalinowi" finds "Stalin" though only "Stalin" occurs. A word no dictionary knows is found
by its fallback stems, which the browser takes off the query word with the languages' own
endings (``meta.js`` carries them): "Chunguzowi" finds "Chunguzów". Register entries are found
by any of their names in any language, and by any form of a name's words ("Józefa Stalina",
"Мао Цзедуна"), through the mentions the annotation found, in every language.

A query's cost must not grow with its hits: postings are kept per corpus form (so that the
very form typed ranks first without reading any text), long lists are cut into pages loaded
one at a time, and a result's snippet comes from a file of its own paragraph, never from the
whole text. The index is cut into small JavaScript files that call ``edSearch.put(name,
data)``: script tags load from ``file://`` where ``fetch`` cannot.

Files (under ``assets/edition/search/``):
- ``meta.js``: the first level of the shard prefixes of both families (:func:`shard_lists`)
  and the fallback endings per language;
- ``docs_<k>.js``: documents ``k * DOCS_CHUNK`` to ``(k + 1) * DOCS_CHUNK - 1`` (text versions,
  :func:`documents`), for the language filter: a filtered query loads the chunks of the
  documents its result pages reach, never a table of every document;
- ``x_<text ID>.js``: one text's titles (per UI language) and its documents' range (its
  versions are numbered together), for the text filter and the results' headings
  (:func:`text_files`);
- ``s_<prefix>.js``: ``w:<folded form>`` -> {form: [keys]} (keys: lemmas, fallback stems);
  ``l:<key>`` -> the corpus forms with that key, most frequent first; ``f:<form>`` -> the
  form's hits, a paged list (``_Pages.paged``) of [doc, paragraph, token]; ``n:<name key>`` -> [entry
  IDs]; ``m:<key>`` -> [[entry ID, keys of the name's second word, ...]] for the names whose
  first word has that key; ``c:<folded prefix>`` -> the most frequent corpus forms with that
  prefix (search as you type); ``a:<folded prefix>`` -> register names with a word of that
  prefix, as [name, entry ID] (both completions: :func:`completions`);
- ``e_<prefix>.js``: entry ID -> {"u": the address of its section, "m": its mentions, a paged
  list (``_Pages.paged``) of [doc, paragraph, first, last token]};
- ``d_<prefix>.js``, beside each ``s_<prefix>.js``: its ``w:`` keys' forms alone, corpus forms
  apart, for did-you-mean (:func:`typo_candidates`);
- ``s<n>_<prefix>.js``, ``e<n>_<prefix>.js``: level ``n`` of a family's shard list, the
  prefixes below ``prefix`` (:func:`shard_lists`);
- ``o_<n>.js``: page ``n`` of a long list;
- ``t_<doc>_<paragraph>.js``: one paragraph: its document, ID, text, sentences with the
  reading-page fragment each one deep-links to, and its mentions as spans of word tokens.

Shards are keyed by prefixes of the folded key (see :func:`shard`), grown until each file is
small; the browser picks the longest listed prefix of a key (``edition/web/assets/search.js``),
level by level: ``meta.js``, which every query loads, lists the groups of prefixes only, so
that its size does not grow with the number of shards.
"""

from __future__ import annotations

import json
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from typing import Any

import regex

from edition.analysis.corpus import Corpus
from edition.base import addresses, lang
from edition.base.addresses import SEARCH_DIR
from edition.base.lang.base import MIN_STEM
from edition.base.morphology import WORD, analyser, normalise
from edition.base.sources import Paragraph

# A shard is split by one more letter of its keys while its JSON is larger than this, in UTF-8
# bytes (what a reader downloads: a Cyrillic letter is two).
SHARD_BYTES = 8_000
# A list of shard prefixes is cut into groups while its JSON is larger than this, in UTF-8 bytes
# (``shard_lists``).
LIST_BYTES = 4_000
# Hits of a list kept in its shard, and hits per further page (``o_<n>.js``).
INLINE_HITS = 24
PAGE_HITS = 600
# Completions kept per prefix, and the shortest prefix completed.
COMPLETIONS = 8
MIN_PREFIX = 2
# Letters that carry no combining mark in Unicode but should fold all the same.
_FOLD = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


class _Folding(dict[int, str]):
    """The translation table of :func:`fold`, filled one character at a time as it is met:
    combining marks to nothing, the letters of ``_FOLD`` to theirs, others to themselves
    (one ``str.translate`` instead of a category look-up per character, three times faster)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = folded = "" if unicodedata.category(char) == "Mn" else char.translate(_FOLD)
        return folded


_FOLDING = _Folding()


def fold(norm: str) -> str:
    """A normalised form without diacritics: the fallback key ("mandżuria" -> "mandzuria").

    Mirrored by ``fold`` in ``search.js``: NFD, combining marks dropped, a few letters mapped.
    """
    return unicodedata.normalize("NFD", norm).translate(_FOLDING)


def words(text: str) -> list[tuple[int, int, str]]:
    """The word tokens of ``text`` (start, end, surface): the matcher's tokens less punctuation.

    ``WORD`` finds them at the same places as ``TOKEN`` does: TOKEN's other alternative is
    one character that is neither a word character nor space, which a scan by WORD skips."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def word_span(
    starts: Sequence[int], ends: Sequence[int], start: int, end: int
) -> tuple[int, int] | None:
    """The first and last word token within ``start``-``end`` (a mention's characters), by
    position among the word tokens' ``starts`` and ``ends`` (ascending, as tokens never overlap).

    A mention starts and ends where the matcher's tokens do, and those may be punctuation
    ("U.S.", "Washington, D.C.", "„Kurier”"), which are no word tokens: the words are found
    by where they lie, never by their offsets as keys. ``None`` for a mention of no word."""
    first = bisect_right(ends, start)  # the first word ending after the mention starts
    last = bisect_left(starts, end) - 1  # the last word starting before it ends
    return (first, last) if first <= last else None


def name_key(name: str) -> str:
    """How a register name or a whole query is compared: folded words joined by spaces, a
    hyphen as good as a space ("Kaj szek" for "Kaj-szek")."""
    return " ".join(fold(normalise(w)).replace("-", " ") for _, _, w in words(name))


@dataclass
class SearchTables:
    """The search index in memory, before it is cut into files (the register's own index,
    ``register_index``, is a different thing: the index pages of entries)."""

    docs: list[list[Any]] = field(default_factory=list)  # [text, lang, original] per version
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # text ID -> UI -> title
    texts: list[list[dict[str, Any]]] = field(default_factory=list)  # per doc, its paragraphs
    forms: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # fold -> form -> keys
    names: dict[str, list[str]] = field(default_factory=dict)  # name_key -> entry IDs
    # first word's key -> [entry ID, keys of each further word] of every register name
    name_keys: dict[str, list[list[Any]]] = field(default_factory=dict)
    name_words: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # fold -> names
    places: dict[str, str] = field(default_factory=dict)  # entry ID -> its section's address
    # Flat arrays of unsigned ints, 4 bytes each: as lists of Python ints (most above 256, so
    # objects of their own) the postings of 800 texts took about 1 GB.
    postings: dict[str, array[int]] = field(default_factory=dict)  # corpus form -> [d, p, t]
    lemmas: dict[str, set[str]] = field(default_factory=dict)  # key -> its corpus forms
    entries: dict[str, array[int]] = field(default_factory=dict)  # entry -> [d, p, t0, t1, ...]

    def add_form(self, norm: str, keys: Iterable[str]) -> None:
        self.forms.setdefault(fold(norm), {}).setdefault(norm, set()).update(keys)


def _fragment(keys: list[str], pid: str) -> str:
    """The reading-page fragment of a translated sentence: the original sentences it renders."""
    if not keys:
        return pid
    return keys[0] if len(keys) == 1 else f"{keys[0]}-{keys[-1]}"


def documents(corpus: Corpus) -> list[list[Any]]:
    """The documents the index numbers, in order: [text ID, language, is the original,
    the original's language]."""
    return [
        [t.id, v.lang, v is t.original, t.original.lang] for t in corpus.texts for v in t.versions
    ]


def build(corpus: Corpus) -> SearchTables:
    """Index every word of every version of every text and every register name.

    A form's keys are looked up (and the form and every form of its lemmas entered in the form
    table) once per language: forms repeat massively, and the analyses come from the analysers
    the annotation filled.
    """
    index = SearchTables(
        docs=documents(corpus), titles={t.id: dict(t.meta["title"]) for t in corpus.texts}
    )
    known: dict[str, dict[str, tuple[str, ...]]] = {}  # language -> form -> keys

    def keys_of(code: str) -> Callable[[str], tuple[str, ...]]:
        seen = known.setdefault(code, {})
        expanded: set[str] = set()  # lemmas whose forms are in the table
        language = lang.get(code)
        analyse = analyser(language).analyse

        def keys(surface: str) -> tuple[str, ...]:
            found = seen.get(surface)
            if found is None:
                analysis = analyse(surface)
                found = seen[surface] = tuple(sorted(analysis.keys))
                index.add_form(normalise(surface), found)
                # (a word the dictionary lacks has no paradigm: not looked up again)
                paradigms = language.paradigms(surface) if analysis.known else {}
                for lemma, forms in paradigms.items():
                    if lemma in expanded:
                        continue
                    expanded.add(lemma)
                    key = (normalise(lemma),)
                    for f in forms:
                        index.add_form(normalise(f), key)
            return found

        return keys

    postings: dict[str, array[int]] = defaultdict(_ints)
    lemmas: dict[str, set[str]] = defaultdict(set)
    entries: dict[str, array[int]] = defaultdict(_ints)
    for d, (text, version) in enumerate((t, v) for t in corpus.texts for v in t.versions):
        original = version is text.original
        alignment = None if original else corpus.alignment(text, version)
        mentions = corpus.of(text, version)
        keys = keys_of(version.lang)
        # form -> (its postings, its norm): a surface is normalised and analysed once per text
        of_form: dict[str, tuple[array[int], str]] = {}
        paragraphs = []
        for p, par in enumerate(version.paragraphs):
            for t, surface in enumerate(WORD.findall(par.text)):
                found = of_form.get(surface)
                if found is None:
                    norm = normalise(surface)
                    for k in keys(surface):
                        lemmas[k].add(norm)
                    found = of_form[surface] = (postings[norm], norm)
                found[0].extend((d, p, t))
            offsets = _ints(chain.from_iterable(map(regex.Match.span, WORD.finditer(par.text))))
            spans = []
            if mentions.get(par.id):
                starts, ends = offsets[::2], offsets[1::2]
                for m in mentions[par.id]:
                    span = word_span(starts, ends, m.start, m.end)
                    if span is not None:
                        entries[m.ref].extend((d, p, *span))
                        spans.append([*span, m.ref])
            frags = (
                [s.id for s in par.sentences]
                if alignment is None
                else [_fragment(k, par.id) for k in alignment[p]]
            )
            paragraphs.append(_paragraph(par, frags, spans))
        index.texts.append(paragraphs)
    for entry in corpus.register:
        index.places[entry.id] = addresses.url(addresses.entry(entry))
        for code, names in entry.names.items():
            keys = keys_of(code)
            for name in names:
                ws = [w for _, _, w in words(name)]
                if not ws:
                    continue
                ids = index.names.setdefault(name_key(name), [])
                if entry.id not in ids:
                    ids.append(entry.id)
                analysed = [keys(w) for w in ws]
                for k in analysed[0]:
                    index.name_keys.setdefault(k, []).append([entry.id, *map(list, analysed[1:])])
                for w in ws:
                    index.name_words.setdefault(fold(normalise(w)), set()).add((name, entry.id))
    index.postings = dict(postings)
    index.lemmas = dict(lemmas)
    index.entries = dict(entries)
    return index


def _ints(values: Iterable[int] = ()) -> array[int]:
    return array("I", values)


def _paragraph(par: Paragraph, frags: list[str], spans: list) -> dict:
    """A paragraph as its file has it; its word tokens are found again by the browser (the
    same ``WORD``), which halves the file against listing their offsets."""
    return {
        "id": par.id,
        "text": par.text,
        "sentences": [[s.start, s.end, f] for s, f in zip(par.sentences, frags, strict=True)],
        "mentions": spans,
    }


def shard(keys: Iterable[str], size: Callable[[str], int], limit: int = SHARD_BYTES) -> list[str]:
    """Prefixes that cut ``keys`` into shards of at most ``limit`` (by ``size``) where possible.

    A shard is split by the next letter of its keys; keys no longer than the prefix stay in
    it. A key belongs to the longest listed prefix it starts with (:func:`shard_of`).
    """
    found: list[str] = []

    def split(prefix: str, members: list[str]) -> None:
        found.append(prefix)
        if sum(size(k) for k in members) <= limit:
            return
        children: dict[str, list[str]] = defaultdict(list)
        for k in members:
            if len(k) > len(prefix):
                children[k[: len(prefix) + 1]].append(k)
        for child, sub in sorted(children.items()):
            split(child, sub)

    split("", sorted(set(keys)))
    return found


def shard_of(prefixes: Collection[str], key: str) -> str:
    """The longest of ``prefixes`` that ``key`` starts with: the key's own prefixes, longest
    first, looked up (pass a set for many keys: a scan of every prefix per key was seconds)."""
    return next(key[:n] for n in range(len(key), -1, -1) if key[:n] in prefixes)


def file_name(family: str, prefix: str) -> str:
    """``s_6d_61.js`` for prefix "ma": code points in hex, safe in any file system and URL."""
    return f"{family}_{'_'.join(f'{ord(c):x}' for c in prefix)}.js"


def _json(data: Any) -> str:
    """``data`` as compact JSON, keys sorted: the form of every file's data."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=list)


DOCS_CHUNK = 128  # documents per docs_<k>.js: about 6 KB whatever the corpus


def text_files(index: SearchTables) -> Iterator[tuple[str, bytes]]:
    """``x_<text ID>.js`` per text ({"d": [first document, last + 1], "t": {UI: title}}) and
    the document table cut into ``docs_<k>.js`` chunks of ``DOCS_CHUNK`` documents."""
    first: dict[str, int] = {}
    for d, doc in enumerate(index.docs):
        first.setdefault(doc[0], d)
    for d, doc in enumerate(index.docs):
        if d + 1 == len(index.docs) or index.docs[d + 1][0] != doc[0]:
            name = f"x_{doc[0]}"
            yield (
                f"{SEARCH_DIR}/{name}.js",
                _js(name, {"d": [first[doc[0]], d + 1], "t": index.titles[doc[0]]}),
            )
    for k in range(0, len(index.docs), DOCS_CHUNK):
        name = f"docs_{k // DOCS_CHUNK}"
        yield f"{SEARCH_DIR}/{name}.js", _js(name, index.docs[k : k + DOCS_CHUNK])


def _js(name: str, data: Any) -> bytes:
    return _put(name, _json(data))


def _put(name: str, body: str) -> bytes:
    return f"edSearch.put({json.dumps(name, ensure_ascii=False)},{body});\n".encode()


class _Pages:
    """Long lists cut into pages: the first ``INLINE_HITS`` hits stay in the shard, the rest
    go to numbered files (``o_<n>.js``) of ``PAGE_HITS`` hits each, loaded as results are
    paged through."""

    def __init__(self) -> None:
        self.pages: list[Sequence[int]] = []

    def files(self) -> Iterator[tuple[str, bytes]]:
        for n, hits in enumerate(self.pages):
            yield f"{SEARCH_DIR}/o_{n}.js", _js(f"o_{n}", hits)

    def paged(self, flat: Sequence[int], width: int) -> Any:
        """``flat`` as it is written: itself if short, else {"n": hits, "h": the first hits,
        "o": [first page's number, pages]}."""
        n = len(flat) // width
        if n <= INLINE_HITS:
            return flat
        first, rest = INLINE_HITS * width, PAGE_HITS * width
        start = len(self.pages)
        self.pages += (flat[at : at + rest] for at in range(first, len(flat), rest))
        return {"n": n, "h": flat[:first], "o": [start, len(self.pages) - start]}


def _cut(
    family: str,
    table: dict[str, Any],
    key_of: Callable[[str], str],
    beside: dict[str, Callable[[list[str]], Any]] | None = None,
) -> tuple[dict[str, Any], Iterator[tuple[str, bytes]]]:
    """``table`` as shards of ``family``: the shard list as ``meta.js`` holds it
    (:func:`shard_lists`), and the files (shards, then the lists) made one at a time.
    ``beside`` maps a family of files beside the shards (one per shard, by the same prefix)
    to what its file holds, made from the shard's keys.

    Each value is encoded once, and a shard's size is the size in UTF-8 bytes of the compact
    JSON written for it: its members' ``"key":value`` and their commas. An encoded member is dropped once
    its shard is made, so that the index is never twice in memory as text."""
    encoded = {k: f"{json.dumps(k, ensure_ascii=False)}:{_json(v)}" for k, v in table.items()}
    members_of: dict[str, list[str]] = defaultdict(list)
    for k in table:
        members_of[key_of(k)].append(k)
    sizes = {k: sum(len(encoded[m].encode()) + 1 for m in ms) for k, ms in members_of.items()}
    prefixes = shard(members_of, sizes.__getitem__)
    shards: dict[str, list[str]] = {p: [] for p in prefixes}
    for k, members in members_of.items():
        shards[shard_of(shards.keys(), k)] += members

    listed, lists = shard_lists(family, prefixes, [p for p in prefixes if shards[p]])
    besides = [
        (file_name(other, p), data(ms))
        for other, data in (beside or {}).items()
        for p, ms in shards.items()
        if ms
    ]

    def made() -> Iterator[tuple[str, bytes]]:
        for p, members in shards.items():
            if members:
                body = ",".join(encoded.pop(k) for k in sorted(members))
                name = file_name(family, p)
                yield f"{SEARCH_DIR}/{name}", _put(name[:-3], f"{{{body}}}")
        yield from lists
        for name, data in besides:
            yield f"{SEARCH_DIR}/{name}", _js(name[:-3], data)

    return listed, made()


def shard_lists(
    family: str, prefixes: list[str], listed: list[str], limit: int = LIST_BYTES
) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
    """The shard prefixes ``listed`` (those of ``prefixes``, all that :func:`shard` found, whose
    shards are not empty) as ``meta.js`` holds them, and the files of the levels below it.

    While a list is longer than ``limit``, it is itself cut by :func:`shard` (into groups of
    prefixes that begin alike, each a prefix of the level below) and the level above lists
    only the groups: ``meta.js`` has {"d": levels below it, "p": its prefixes}, and group
    ``g`` of level ``n`` is the file ``<family><n>_<g>.js`` with the prefixes of level
    ``n - 1`` whose longest group is ``g``. A key's shard is found level by level, each
    time by the longest prefix it starts with (the groups are prefix-closed, so the longest
    prefix of the level below lies in the longest group). A query reads at most ``limit``
    bytes of list per level, and the levels grow with the logarithm of the shards."""
    files: list[tuple[str, bytes]] = []
    below, written, depth = prefixes, listed, 0

    def size(p: str) -> int:
        return len(json.dumps(p, ensure_ascii=False).encode()) + 1

    while sum(map(size, written)) > limit:
        groups = shard(below, size, limit)
        if len(groups) >= len(below):  # (prefixes too long to group: nothing to gain)
            break
        depth += 1
        known = set(groups)
        members: dict[str, list[str]] = {g: [] for g in groups}
        for p in written:
            members[shard_of(known, p)].append(p)
        for g, ms in members.items():
            name = file_name(f"{family}{depth}", g)
            files.append((f"{SEARCH_DIR}/{name}", _js(name[:-3], ms)))
        below = written = groups
    return {"d": depth, "p": written}, files


def _shard_key(key: str) -> str:
    """What a table key is sharded by: the folded form, a name's first word, a folded key,
    the prefix of a completion."""
    kind, rest = key[:2], key[2:]
    if kind == "n:":
        return rest.split(" ", 1)[0]
    return fold(rest) if kind in ("l:", "f:", "m:") else rest


def completions(
    members: dict[str, list[Any]], order: Callable[[Any], Any], limit: int = COMPLETIONS
) -> dict[str, list[Any]]:
    """Folded prefix -> [the first ``limit`` (by ``order``) of the items whose folded word
    (the key of ``members``) starts with it, and whether that list is all of them]. A prefix is
    listed from ``MIN_PREFIX`` letters until its list is complete: the browser filters a
    complete list for any longer prefix."""
    found: dict[str, list[Any]] = {}

    def visit(prefix: str, words: list[str]) -> None:
        items = sorted({x for w in words for x in members[w]}, key=order)
        complete = len(items) <= limit
        found[prefix] = [items[:limit], int(complete)]
        if complete:
            return
        children: dict[str, list[str]] = defaultdict(list)
        for w in words:
            if len(w) > len(prefix):
                children[w[: len(prefix) + 1]].append(w)
        for child, sub in children.items():
            visit(child, sub)

    starts: dict[str, list[str]] = defaultdict(list)
    for w in members:
        if len(w) >= MIN_PREFIX:
            starts[w[:MIN_PREFIX]].append(w)
    for prefix, words in starts.items():
        visit(prefix, words)
    return found


def _form_completions(counts: dict[str, int]) -> dict[str, list[Any]]:
    """The most frequent corpus forms by folded prefix (search as you type)."""
    by_fold: dict[str, list[str]] = defaultdict(list)
    for norm in counts:
        by_fold[fold(norm)].append(norm)
    return completions(by_fold, lambda n: (-counts[n], n))


def _name_completions(index: SearchTables) -> dict[str, list[Any]]:
    """Register names by the folded prefix of any of their words: the entries most often
    mentioned first, then the shortest names."""
    named = {w: list(ns) for w, ns in index.name_words.items()}
    mentions = {ref: len(flat) for ref, flat in index.entries.items()}
    return completions(named, lambda x: (-mentions.get(x[1], 0), len(x[0]), x))


def _forms(forms: dict[str, set[str]], folded: str) -> str | dict[str, str]:
    """A form-table entry as written: each form's keys joined by "|" (no key has one: keys
    are words), and the keys alone where the only form is the folded one (most forms)."""
    if len(forms) == 1 and folded in forms:
        return "|".join(sorted(forms[folded]))
    return {form: "|".join(sorted(keys)) for form, keys in forms.items()}


def typo_candidates(table: dict[str, Any], members: list[str]) -> dict[str, list[str]]:
    """The forms of a shard's form-table keys (``w:``), for did-you-mean: {"c": those the
    corpus has, "o": the others}, each key's first form as its entry lists them. A query one
    edit from a known form reads these of the shards its variants fall in, a few KB each,
    instead of the whole shards (``suggestions`` in ``search.js``)."""
    found: dict[str, list[str]] = {"c": [], "o": []}
    for k in sorted(members):
        if k.startswith("w:"):
            forms = table[k]
            form = k[2:] if isinstance(forms, str) else min(forms)
            found["c" if "f:" + form in table else "o"].append(form)
    return found


def endings() -> dict[str, list[str]]:
    """Each language's fallback endings, for the browser to take off a word no form matches."""
    return {
        code: [e for e in lang.get(code).endings if e[0] not in "'-"]
        for code in sorted(lang.known_codes())
    }


def files(index: SearchTables) -> Iterator[tuple[str, bytes]]:
    """The index as JavaScript files: (path relative to the site's root, content), made one
    at a time (an 800-text edition's index is hundreds of MB as text)."""
    # All tables but the entries' share one family of shards keyed by folded prefixes: a word,
    # its diacritic-free fallback, a name starting with it, its hits and, as a form and its
    # lemma mostly begin alike, its lemma's forms are usually in one file ("mandżurii" and
    # "mandżuria"): one script load fewer, one round trip less, per query.
    pages = _Pages()
    counts = {norm: len(flat) // 3 for norm, flat in index.postings.items()}
    table: dict[str, Any] = {"w:" + f: _forms(forms, f) for f, forms in index.forms.items()}
    table.update({"n:" + k: ids for k, ids in index.names.items()})
    table.update({"m:" + k: named for k, named in index.name_keys.items()})
    table.update(
        {"l:" + k: sorted(ns, key=lambda n: (-counts[n], n)) for k, ns in index.lemmas.items()}
    )
    table.update({"f:" + n: pages.paged(flat, 3) for n, flat in index.postings.items()})
    table.update({"c:" + p: c for p, c in _form_completions(counts).items()})
    table.update({"a:" + p: named for p, named in _name_completions(index).items()})
    shards, made = _cut("s", table, _shard_key, {"d": partial(typo_candidates, table)})
    del table
    yield from made
    paged_entries = {
        ref: {"u": where, "m": pages.paged(index.entries.get(ref, ()), 4)}
        for ref, where in index.places.items()
    }
    entries, made = _cut("e", paged_entries, lambda k: k.lower())
    yield from made
    yield from pages.files()
    for d, paragraphs in enumerate(index.texts):
        for p, par in enumerate(paragraphs):
            name = f"t_{d}_{p}"
            yield f"{SEARCH_DIR}/{name}.js", _js(name, {"doc": index.docs[d], **par})
    yield from text_files(index)
    yield (
        f"{SEARCH_DIR}/meta.js",
        _js(
            "meta",
            {"shards": shards, "entries": entries, "endings": endings(), "minStem": MIN_STEM},
        ),
    )
