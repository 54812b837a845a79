"""The search index: every word of every version of every text, by lemma, in JavaScript files.

Readers search in Polish and Ukrainian, whose words inflect: a query form is mapped to the
lemmas the matcher's analysers (``morphology.Analyser``) give it, and every token sharing a
lemma is found. No analyser runs in the browser: the form-to-lemma table holds every form of
the corpus vocabulary and of the register's names. Register entries are also found by any of
their names in any language, through the mentions the annotation found ("Chiang Kai-shek"
finds "Czang Kaj-szeka").

The index is cut into small JavaScript files that call ``edSearch.put(name, data)``: script
tags load from ``file://`` where ``fetch`` cannot. A query loads the meta file, the shards
of its words (which mostly hold the postings of their lemmas too), the register entries it
names and the texts with hits, nothing else.
Shards are keyed by prefixes of the folded key (see :func:`shard`), grown until each file is
small; the browser picks the longest listed prefix of a key (``edition/assets/search.js``).

Files (under ``assets/edition/search/``):
- ``meta.js``: the documents (text versions) and the shard prefixes of both families;
- ``s_<prefix>.js``: ``w:<folded form>`` -> {form: [keys]}, ``n:<name key>`` -> [entry IDs],
  ``l:<key>`` (a lemma or fallback stem) -> flat [doc, paragraph, token, ...];
- ``e_<prefix>.js``: entry ID -> flat [doc, paragraph, first token, last token, ...];
- ``t_<doc>.js``: one version of a text: per paragraph its ID, text, token offsets and
  sentences with the reading-page fragment each one deep-links to.
"""

from __future__ import annotations

import json
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import regex

from edition.analysis.corpus import Corpus
from edition.base import lang
from edition.base.addresses import SEARCH_DIR
from edition.base.morphology import WORD, analyser, normalise
from edition.base.sources import Paragraph

# A shard is split by one more letter of its keys while its JSON is larger than this.
SHARD_BYTES = 8_000
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
class Index:
    """The index in memory, before it is cut into files."""

    docs: list[dict[str, Any]] = field(default_factory=list)  # one per text version
    texts: list[list[dict[str, Any]]] = field(default_factory=list)  # per doc, its paragraphs
    forms: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # fold -> form -> keys
    names: dict[str, list[str]] = field(default_factory=dict)  # name_key -> entry IDs
    # Flat arrays of unsigned ints, 4 bytes each: as lists of Python ints (most above 256, so
    # objects of their own) the postings of 800 texts took about 1 GB.
    postings: dict[str, array[int]] = field(default_factory=dict)  # key -> [d, p, t, ...]
    entries: dict[str, array[int]] = field(default_factory=dict)  # entry -> [d, p, t0, t1, ...]

    def add_form(self, norm: str, keys: Iterable[str]) -> None:
        self.forms.setdefault(fold(norm), {}).setdefault(norm, set()).update(keys)


def _fragment(keys: list[str], pid: str) -> str:
    """The reading-page fragment of a translated sentence: the original sentences it renders."""
    if not keys:
        return pid
    return keys[0] if len(keys) == 1 else f"{keys[0]}-{keys[-1]}"


def build(corpus: Corpus) -> Index:
    """Index every word of every version of every text and every register name.

    A form's keys are looked up (and the form entered in the form table) once per language:
    forms repeat massively, and the analyses come from the analysers the annotation filled.
    """
    index = Index()
    known: dict[str, dict[str, tuple[str, ...]]] = {}  # language -> form -> keys

    def keys_of(code: str) -> Callable[[str], tuple[str, ...]]:
        seen = known.setdefault(code, {})
        analyse = analyser(lang.get(code)).analyse

        def keys(surface: str) -> tuple[str, ...]:
            found = seen.get(surface)
            if found is None:
                found = seen[surface] = tuple(analyse(surface).keys)
                index.add_form(normalise(surface), found)
            return found

        return keys

    postings: dict[str, array[int]] = defaultdict(_ints)
    # Language -> form -> the postings of its keys, each token of the form goes to.
    targets: dict[str, dict[str, tuple[array[int], ...]]] = {}
    entries: dict[str, array[int]] = defaultdict(_ints)
    for text in corpus.texts:
        for version in text.versions:
            d = len(index.docs)
            original = version is text.original
            index.docs.append({"text": text.id, "lang": version.lang, "original": original})
            alignment = None if original else corpus.alignment(text, version)
            mentions = corpus.of(text, version)
            keys = keys_of(version.lang)
            of_form = targets.setdefault(version.lang, {})
            paragraphs = []
            for p, par in enumerate(version.paragraphs):
                for t, surface in enumerate(WORD.findall(par.text)):
                    found = of_form.get(surface)
                    if found is None:
                        found = of_form[surface] = tuple(postings[k] for k in keys(surface))
                    token = (d, p, t)
                    for posting in found:
                        posting.extend(token)
                offsets = _ints(chain.from_iterable(map(regex.Match.span, WORD.finditer(par.text))))
                if mentions.get(par.id):
                    starts, ends = offsets[::2], offsets[1::2]
                    for m in mentions[par.id]:
                        span = word_span(starts, ends, m.start, m.end)
                        if span is not None:
                            entries[m.ref].extend((d, p, *span))
                frags = (
                    [s.id for s in par.sentences]
                    if alignment is None
                    else [_fragment(k, par.id) for k in alignment[p]]
                )
                paragraphs.append(_paragraph(par, offsets, frags))
            index.texts.append(paragraphs)
    for entry in corpus.register:
        for code, names in entry.names.items():
            keys = keys_of(code)
            for name in names:
                for _, _, word in words(name):
                    keys(word)
                ids = index.names.setdefault(name_key(name), [])
                if entry.id not in ids:
                    ids.append(entry.id)
    index.postings = dict(postings)
    index.entries = dict(entries)
    return index


def _ints(values: Iterable[int] = ()) -> array[int]:
    return array("I", values)


def _paragraph(par: Paragraph, offsets: array[int], frags: list[str]) -> dict:
    return {
        "id": par.id,
        "text": par.text,
        "tokens": offsets,
        "sentences": [[s.start, s.end, f] for s, f in zip(par.sentences, frags, strict=True)],
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


def _js(name: str, data: Any) -> bytes:
    return _put(name, _json(data))


def _put(name: str, body: str) -> bytes:
    return f'edSearch.put("{name}",{body});\n'.encode()


def _spaces(data: Any) -> int:
    """How much longer ``data`` is as JSON with the default separators (", " and ": ") than
    compact: one character per separator. (The shard sizes were measured that way; counting
    separators instead of encoding every value a second time halves the encoding.)"""
    if isinstance(data, dict):
        return sum(1 + _spaces(v) for v in data.values()) + max(len(data) - 1, 0)
    if isinstance(data, list):
        return sum(_spaces(v) for v in data if isinstance(v, dict | list | array)) + max(
            len(data) - 1, 0
        )
    return max(len(data) - 1, 0) if isinstance(data, array) else 0


def _encoded(table: dict[str, Any]) -> dict[str, tuple[str, str, int]]:
    """Each member of ``table`` as JSON: its key, its value (compact) and the length of
    ``key: value`` with the default separators."""
    encoded = {}
    for k, v in table.items():
        key, value = json.dumps(k, ensure_ascii=False), _json(v)
        encoded[k] = key, value, len(key) + 2 + len(value) + _spaces(v)
    return encoded


def _cut(
    family: str, table: dict[str, Any], key_of: Callable[[str], str]
) -> tuple[list[str], Iterator[tuple[str, bytes]]]:
    """``table`` as shards of ``family``: the shard prefixes, and the files made one at a time.

    Each value is encoded once: a shard's JSON is put together from its members' encoded
    keys and values, in key order, exactly as ``json.dumps(..., sort_keys=True)`` writes it
    (a shard of a large edition holds thousands of values; encoding each once for its size
    and again for its shard was most of the time of :func:`files`). An encoded member is
    dropped once its shard is made, so that the index is never twice in memory as text."""
    encoded = _encoded(table)
    table_by_key: dict[str, list[str]] = defaultdict(list)
    for k in table:
        table_by_key[key_of(k)].append(k)
    # A key's size, the measure SHARD_BYTES is set in: its members' table as JSON with the
    # default separators, plus the key's length and 4.
    sizes = {
        k: sum(encoded[m][2] for m in members) + 2 * len(members) + len(k) + 4
        for k, members in table_by_key.items()
    }
    prefixes = shard(table_by_key, sizes.__getitem__)
    shards: dict[str, list[str]] = {p: [] for p in prefixes}
    for k, members in table_by_key.items():
        shards[shard_of(shards.keys(), k)] += members

    def made() -> Iterator[tuple[str, bytes]]:
        for p, members in shards.items():
            if members:
                parts = (encoded.pop(k) for k in sorted(members))
                body = ",".join(f"{key}:{value}" for key, value, _ in parts)
                name = file_name(family, p)
                yield f"{SEARCH_DIR}/{name}", _put(name[:-3], f"{{{body}}}")

    return [p for p in prefixes if shards[p]], made()


def _shard_key(key: str) -> str:
    """What a table key is sharded by: the folded form, a name's first word, a folded lemma."""
    kind, rest = key[:2], key[2:]
    return fold(rest) if kind == "l:" else rest.split(" ", 1)[0]


def files(index: Index) -> Iterator[tuple[str, bytes]]:
    """The index as JavaScript files: (path relative to the site's root, content), made one
    at a time (an 800-text edition's index is hundreds of MB as text)."""
    # Forms, names and postings share one family of shards keyed by folded prefixes: a word,
    # its diacritic-free fallback, a name starting with it and, as a form and its lemma mostly
    # begin alike, the postings of its lemma are usually in one file ("mandżurii" and
    # "mandżuria"): one script load fewer, one round trip less, per query.
    table: dict[str, Any] = {
        "w:" + f: {form: sorted(keys) for form, keys in forms.items()}
        for f, forms in index.forms.items()
    }
    table.update({"n:" + k: ids for k, ids in index.names.items()})
    table.update({"l:" + k: flat for k, flat in index.postings.items()})
    shards, made = _cut("s", table, _shard_key)
    del table
    yield from made
    entries, made = _cut("e", index.entries, lambda k: k.lower())
    yield from made
    for d, paragraphs in enumerate(index.texts):
        yield f"{SEARCH_DIR}/t_{d}.js", _js(f"t_{d}", paragraphs)
    yield (
        f"{SEARCH_DIR}/meta.js",
        _js("meta", {"docs": index.docs, "shards": shards, "entries": entries}),
    )
