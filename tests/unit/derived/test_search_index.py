"""The search index: words by lemma, translations keyed to the original's sentences, register
names in every language, shards a query can find."""

from __future__ import annotations

import json
import random
import re
from array import array
from pathlib import Path

import pytest
import yaml

from edition.analysis.corpus import annotate_corpus
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.derived.search_index import (
    DOCS_CHUNK,
    INLINE_HITS,
    LIST_BYTES,
    PAGE_HITS,
    SHARD_BYTES,
    SearchTables,
    _cut,
    _forms,
    _Pages,
    _shard_key,
    build,
    completions,
    file_name,
    files,
    fold,
    name_key,
    shard,
    shard_lists,
    shard_of,
    text_files,
    words,
)
from tests.conftest import META, make_text

UI = ("en", "pl", "uk")
SEARCH = "assets/edition/search"
PL = "Sowieci wycofali się z Mandżurii. Czang Kaj-szek zerwał stosunki.\nMandżuria była daleko.\n"
# The first paragraph's two sentences are one in the translation: a 2-1 bead.
UK = "Радянський Союз відступив з Маньчжурії, і Чан Кайши розірвав відносини.\nМаньчжурія була далеко.\n"
ENTRIES = [
    ("Q1", "place", {"pl": ["Mandżuria"], "uk": ["Маньчжурія"], "en": ["Manchuria"]}),
    ("Q2", "person", {"pl": ["Czang Kaj-szek"], "uk": ["Чан Кайши"], "en": ["Chiang Kai-shek"]}),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchTables:
    root = tmp_path_factory.mktemp("edition")
    meta = META + "translations: {uk: {by: test, status: working}}\n"
    make_text(root / "seeds", meta=meta, pl=PL, uk=UK)
    (root / "glossary").mkdir()
    items = [
        {
            "id": ident,
            "kind": kind,
            "names": {c: {"name": n[0]} for c, n in names.items()},
            "definition": dict.fromkeys(UI, "d"),
        }
        for ident, kind, names in ENTRIES
    ]
    (root / "glossary" / "all.yml").write_text(yaml.safe_dump(items, allow_unicode=True), "utf-8")
    corpus = annotate_corpus(load_texts(root / "seeds", UI), load_register(root / "glossary", UI))
    return build(corpus)


def postings(index: SearchTables, key: str) -> set[tuple[int, int, int]]:
    """The hits of every corpus form with ``key``."""
    return {
        tuple(flat[i : i + 3])
        for form in index.lemmas.get(key, ())
        for flat in [index.postings[form]]
        for i in range(0, len(flat), 3)
    }


def test_every_word_of_every_version_is_indexed_by_its_lemmas(index: SearchTables) -> None:
    assert index.docs == [["t", "pl", True, "pl"], ["t", "uk", False, "pl"]]
    # "Mandżurii" (p1, 5th word) and "Mandżuria" (p2, 1st word) share the lemma.
    assert {(0, 0, 4), (0, 1, 0)} <= postings(index, "mandżuria")
    assert {(1, 0, 4), (1, 1, 0)} <= postings(index, "маньчжурія")
    n_words = len(words(PL.splitlines()[0]))
    indexed = set().union(*(postings(index, k) for k in index.lemmas))
    assert {(0, 0, t) for t in range(n_words)} <= indexed


def test_the_form_table_maps_forms_and_register_names_to_lemmas(index: SearchTables) -> None:
    assert "mandżuria" in index.forms["mandzurii"]["mandżurii"]
    assert "маньчжурія" in index.forms[fold("маньчжурії")]["маньчжурії"]
    # Names of the register are in the table even where the text has another form:
    # "Manchuria" (en) and the uk nominative are names, "czang" a name's word.
    assert "manchuria" in index.forms["manchuria"]["manchuria"]
    assert index.forms["czang"]["czang"]
    assert index.names[name_key("Chiang Kai-shek")] == ["Q2"]
    assert index.names[name_key("czang kaj szek")] == ["Q2"]
    # Every form the dictionary inflects a lemma in, though the corpus has only some:
    assert index.forms["mandzurie"]["mandżurię"] == {"mandżuria"}
    assert index.forms[fold("маньчжурією")]["маньчжурією"] == {"маньчжурія"}
    # A name is found by any form of its words: its first word's keys, then the others'.
    assert ["Q2", ["kaj-szek"]] in index.name_keys["czang"]


def test_the_form_table_is_written_compactly() -> None:
    assert _forms({"stalina": {"stalin"}}, "stalina") == "stalin"
    assert _forms({"mandżurii": {"mandżuria", "mandżurii"}}, "mandzurii") == {
        "mandżurii": "mandżuria|mandżurii"
    }


def test_register_mentions_are_spans_of_tokens(index: SearchTables) -> None:
    flat = index.entries["Q2"]
    spans = [tuple(flat[i : i + 4]) for i in range(0, len(flat), 4)]
    assert (0, 0, 5, 6) in spans  # "Czang Kaj-szek": words 6 and 7 of the Polish p1
    assert (1, 0, 6, 7) in spans  # "Чан Кайши"
    assert len(index.entries["Q1"]) == 4 * 4  # Manchuria: twice in each version


def test_translated_sentences_link_to_the_original_sentences_they_render(
    index: SearchTables,
) -> None:
    orig, trans = index.texts[0][0], index.texts[1][0]
    assert [s[2] for s in orig["sentences"]] == ["p1s1", "p1s2"]
    assert [s[2] for s in trans["sentences"]] == ["p1s1-p1s2"]
    start, end, _ = trans["sentences"][0]
    assert trans["text"][start:end] == UK.splitlines()[0]


def test_fold_drops_diacritics_and_name_key_apostrophes_and_hyphens() -> None:
    assert fold("mandżuria") == "mandzuria"
    assert fold("łódź") == "lodz"
    assert fold("її") == "іі"
    assert name_key("З’ясування") == name_key("з'ясування") == name_key("Зʼясування")
    assert name_key("Czang  Kaj-szek!") == "czang kaj szek"


def test_shards_respect_the_limit_and_every_key_has_one() -> None:
    keys = ["a", "ab", "abc", "abd", "b", "ba", "bz", *(f"c{i:03}" for i in range(50))]
    prefixes = shard(keys, lambda k: 10, limit=40)
    members: dict[str, list[str]] = {}
    for k in keys:
        members.setdefault(shard_of(prefixes, k), []).append(k)
    assert "" in prefixes and "c" in prefixes
    assert all(len(m) * 10 <= 40 or len(set(map(len, m))) == 1 for m in members.values())
    assert max(len(m) for m in members.values()) <= 10


def test_long_lists_are_paged() -> None:
    pages = _Pages()
    short = array("I", range(3 * INLINE_HITS))
    assert pages.paged(short, 3) is short
    long = array("I", range(3 * (INLINE_HITS + PAGE_HITS + 1)))
    assert pages.paged(long, 3) == {
        "n": INLINE_HITS + PAGE_HITS + 1,
        "h": long[: 3 * INLINE_HITS],
        "o": [0, 2],
    }
    written = [_data(content, path.split("/")[-1][:-3]) for path, content in pages.files()]
    assert [len(w) for w in written] == [3 * PAGE_HITS, 3]
    assert list(long[: 3 * INLINE_HITS]) + written[0] + written[1] == list(long)


def test_completions_list_a_prefix_until_its_list_is_whole() -> None:
    members = {f"ma{c}": [f"ma{c}"] for c in "abcdefghij"} | {"mo": ["mo"]}
    found = completions(members, lambda x: x, limit=4)
    assert found["ma"] == [["maa", "mab", "mac", "mad"], 0]
    assert found["mo"] == [["mo"], 1]
    assert found["mab"] == [["mab"], 1]  # a list too long is split by the next letter
    assert "m" not in found  # shorter than MIN_PREFIX


COMPACT = {"ensure_ascii": False, "separators": (",", ":"), "sort_keys": True, "default": list}


def test_shards_are_cut_by_the_compact_json_written() -> None:
    """Shards are put together from their members encoded once: the same bytes as encoding
    each shard's table whole, each shard within the limit unless one key alone exceeds it."""
    rng = random.Random(9)
    letters = "abcżźčйї\"\\ '-"
    table: dict = {}
    for i in range(600):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) + str(i)
        table["w:" + word] = {word + "ʼ" * j: "|".join([word, "x", "ё"][: j % 4]) for j in range(9)}
        table["n:" + word + " " + word] = [f"Q{i}", 'a "quoted" \\ id']
        table["f:" + word] = array("I", rng.sample(range(100_000), rng.randint(0, 30)))
    listed, made = _cut("s", table, _shard_key)
    raw = dict(made)
    out = {k: v.decode() for k, v in raw.items()}
    prefixes = _listed(raw, "s", listed)
    assert len(prefixes) > 10
    seen: dict = {}
    for p in prefixes:
        name = file_name("s", p)
        data = _data(out[f"assets/edition/search/{name}"].encode(), name[:-3])
        assert (
            out[f"assets/edition/search/{name}"]
            == f'edSearch.put("{name[:-3]}",' + json.dumps(data, **COMPACT) + ");\n"
        )
        body = len(json.dumps(data, **COMPACT).encode())  # (bytes: Cyrillic takes two)
        assert body <= SHARD_BYTES + 2 or len({_shard_key(k) for k in data}) == 1
        for k in data:
            assert shard_of(prefixes, _shard_key(k)) == p
        seen.update(data)
    assert seen == json.loads(json.dumps(table, default=list))


def test_limits_count_utf8_bytes_not_characters() -> None:
    """A Cyrillic letter is two bytes in the file a reader downloads: shards and shard lists
    of Cyrillic keys stay within their limits in bytes (counted in characters, they reached
    nearly twice the limit)."""
    rng = random.Random(5)
    letters = "абвгдеєжзиіїй"
    table = {}
    for _ in range(4_000):  # about 7,000 characters a first letter: 14,000 bytes
        word = "".join(rng.choice(letters) for _ in range(rng.randint(3, 9)))
        table["w:" + word] = "|".join([word, word[:-1]])
    _, made = _cut("s", table, _shard_key)
    out = dict(made)
    shards = [c for n, c in out.items() if Path(n).name.startswith("s_")]
    assert len(shards) > 10
    for content in shards:
        body = content.decode().split(",", 1)[1][:-3]
        assert len(body.encode()) <= SHARD_BYTES + 2 or len(json.loads(body)) == 1
    prefixes = sorted({"".join(rng.choice(letters) for _ in range(4)) for _ in range(3_000)})
    top, lists = shard_lists("s", prefixes, prefixes)
    assert top["d"] >= 1
    assert len(json.dumps(top["p"], **COMPACT).encode()) <= LIST_BYTES + 2
    assert all(len(content) <= LIST_BYTES + 40 for _, content in lists)


def _listed(out: dict, family: str, top: dict) -> list[str]:
    """Every shard prefix of ``family`` down the levels of its list from ``top`` (meta.js's)."""
    level = list(top["p"])
    for depth in range(top["d"], 0, -1):
        names = [file_name(f"{family}{depth}", g) for g in level]
        level = [p for n in names for p in _data(out[f"{SEARCH}/{n}"], n[:-3])]
    return level


def _shard_name(out: dict, family: str, top: dict, key: str) -> str | None:
    """The file of ``key``'s shard, found as ``shard`` in search.js does: down the levels,
    each time the longest prefix of the key listed (none: no shard)."""
    level, depth = top["p"], top["d"]
    while True:
        at = [p for p in level if key.startswith(p)]
        if not at:
            return None
        name = file_name(f"{family}{depth or ''}", max(at, key=len))
        if not depth:
            return name
        level, depth = _data(out[f"{SEARCH}/{name}"], name[:-3]), depth - 1


def test_files_are_scripts_a_browser_can_load_from_disk(index: SearchTables) -> None:
    out = dict(files(index))
    meta = _data(out["assets/edition/search/meta.js"], "meta")
    for family in ("shards", "entries"):
        for prefix in _listed(out, family[0], meta[family]):
            path = f"assets/edition/search/{file_name(family[0], prefix)}"
            assert path in out
            assert re.fullmatch(r"[a-z]_[0-9a-f_]*\.js", Path(path).name)

    # Every form sits in the shard its folded form points to, every posting list in the one
    # its folded lemma points to; "mandżurii" and its lemma "mandżuria" share a shard.
    def shard_data(key: str) -> dict:
        name = _shard_name(out, "s", meta["shards"], key)
        return _data(out[f"assets/edition/search/{name}"], name[:-3])

    for folded, forms in index.forms.items():
        assert shard_data(folded)["w:" + folded] == _forms(forms, folded)
    for key, norms in index.lemmas.items():
        assert set(shard_data(fold(key))["l:" + key]) == norms
    for norm, flat in index.postings.items():
        assert shard_data(fold(norm))["f:" + norm] == list(flat)
    assert "l:mandżuria" in shard_data("mandzurii")
    assert shard_data("chiang")["n:chiang kai shek"] == ["Q2"]
    assert "mandżurii" in shard_data("ma")["c:ma"][0]
    assert ["Czang Kaj-szek", "Q2"] in shard_data("cz")["a:cz"][0]
    par = _data(out["assets/edition/search/t_1_0.js"], "t_1_0")
    assert par == json.loads(json.dumps({"doc": index.docs[1], **index.texts[1][0]}, default=list))
    assert par["mentions"]  # "Маньчжурії", "Чан Кайши"


def test_each_shard_has_its_forms_alone_for_did_you_mean(index: SearchTables) -> None:
    """Beside every shard, a small file of its forms (one per folded key, corpus forms apart):
    did-you-mean reads these, not the shards of the letters it tries."""
    out = dict(files(index))
    meta = _data(out[f"{SEARCH}/meta.js"], "meta")
    seen: dict[str, list[str]] = {"c": [], "o": []}
    for prefix in _listed(out, "s", meta["shards"]):
        shard_data = _data(out[f"{SEARCH}/{file_name('s', prefix)}"], file_name("s", prefix)[:-3])
        name = file_name("d", prefix)
        candidates = _data(out[f"{SEARCH}/{name}"], name[:-3])
        assert sorted(map(fold, candidates["c"] + candidates["o"])) == sorted(
            k[2:] for k in shard_data if k.startswith("w:")
        )
        assert all("f:" + form in shard_data for form in candidates["c"])
        assert not any("f:" + form in shard_data for form in candidates["o"])
        for kind in seen:
            seen[kind] += candidates[kind]
    assert "mandżurii" in seen["c"] and "mandżuriom" in seen["o"]  # (the corpus lacks it)
    assert set(seen["c"]) <= set(index.postings)
    size = {f: sum(len(c) for n, c in out.items() if Path(n).name.startswith(f)) for f in "ds"}
    assert size["d"] < size["s"] / 2


def _data(content: bytes, name: str):
    prefix = f'edSearch.put("{name}",'
    text = content.decode()
    assert text.startswith(prefix) and text.endswith(");\n")
    return json.loads(text[len(prefix) : -3])


@pytest.mark.parametrize("limit", [LIST_BYTES, 120])
def test_meta_lists_a_bounded_first_level_whatever_the_number_of_shards(limit: int) -> None:
    """meta.js (which every query loads) holds at most ``limit`` bytes of prefixes however
    many shards there are, and so does each file of a level below; every key still finds
    the shard it was cut into. (120 bytes: three levels and more; half the shards empty.)"""
    rng = random.Random(3)
    letters = "abcdeżźčйї"
    for n in (300, 3_000, 30_000):
        keys = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(n)}
        prefixes = shard(keys, lambda k: 10, limit=100)
        listed = prefixes[::2]  # (empty shards are not listed)
        top, made = shard_lists("s", prefixes, listed, limit)
        out = dict(made)
        assert len(json.dumps(top["p"], **COMPACT).encode()) <= limit + 2
        assert all(len(content) <= limit + 40 for content in out.values())
        assert sorted(_listed(out, "s", top)) == sorted(listed)
        on_list = set(listed)
        for key in rng.sample(sorted(keys), min(300, len(keys))):
            own = shard_of(prefixes, key)  # the shard the key is cut into
            found = _shard_name(out, "s", top, key)
            if own in on_list:
                assert found == file_name("s", own)
            else:  # an empty shard: no file, or another one (which lacks the key too)
                assert found in (None, *(file_name("s", p) for p in on_list if key.startswith(p)))
    assert top["d"] >= (1 if limit == LIST_BYTES else 3)


def _tables(n_texts: int) -> SearchTables:
    docs = [[f"text-{t:05d}", c, c == "pl", "pl"] for t in range(n_texts) for c in ("pl", "uk")]
    titles = {f"text-{t:05d}": dict.fromkeys(UI, f"Title {t}") for t in range(n_texts)}
    return SearchTables(docs=docs, titles=titles)


def test_the_document_table_is_cut_into_chunks_and_each_text_has_its_file() -> None:
    index = _tables(150)  # 300 documents: three chunks
    out = dict(text_files(index))
    chunks = sorted((k for k in out if "/docs_" in k), key=lambda k: int(k[len(SEARCH) + 6 : -3]))
    assert len(chunks) == -(-len(index.docs) // DOCS_CHUNK) == 3
    table = [doc for k in chunks for doc in _data(out[k], Path(k).stem)]
    assert table == index.docs
    for t, (ident, titles) in enumerate(index.titles.items()):
        x = _data(out[f"{SEARCH}/x_{ident}.js"], f"x_{ident}")
        assert x == {"d": [2 * t, 2 * t + 2], "t": titles}
        assert {index.docs[d][0] for d in range(*x["d"])} == {ident}
    assert f"{SEARCH}/docs.js" not in dict(files(index))


def test_no_file_of_the_document_table_grows_with_the_corpus() -> None:
    def largest(n: int) -> int:
        return max(len(v) for _, v in text_files(_tables(n)))

    assert largest(3000) <= largest(300) + 1  # a digit more in the chunk's number
