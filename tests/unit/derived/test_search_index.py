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
    Index,
    _cut,
    _encoded,
    _shard_key,
    build,
    file_name,
    files,
    fold,
    name_key,
    shard,
    shard_of,
    words,
)
from tests.conftest import META, make_text

UI = ("en", "pl", "uk")
PL = "Sowieci wycofali się z Mandżurii. Czang Kaj-szek zerwał stosunki.\nMandżuria była daleko.\n"
# The first paragraph's two sentences are one in the translation: a 2-1 bead.
UK = "Радянський Союз відступив з Маньчжурії, і Чан Кайши розірвав відносини.\nМаньчжурія була далеко.\n"
ENTRIES = [
    ("Q1", "place", {"pl": ["Mandżuria"], "uk": ["Маньчжурія"], "en": ["Manchuria"]}),
    ("Q2", "person", {"pl": ["Czang Kaj-szek"], "uk": ["Чан Кайши"], "en": ["Chiang Kai-shek"]}),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
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


def postings(index: Index, key: str) -> set[tuple[int, int, int]]:
    flat = index.postings.get(key, [])
    return {tuple(flat[i : i + 3]) for i in range(0, len(flat), 3)}


def test_every_word_of_every_version_is_indexed_by_its_lemmas(index: Index) -> None:
    assert index.docs == [
        {"text": "t", "lang": "pl", "original": True},
        {"text": "t", "lang": "uk", "original": False},
    ]
    # "Mandżurii" (p1, 5th word) and "Mandżuria" (p2, 1st word) share the lemma.
    assert {(0, 0, 4), (0, 1, 0)} <= postings(index, "mandżuria")
    assert {(1, 0, 4), (1, 1, 0)} <= postings(index, "маньчжурія")
    first = index.texts[0][0]
    n_words = len(words(PL.splitlines()[0]))
    assert len(first["tokens"]) == 2 * n_words
    indexed = set().union(*(postings(index, k) for k in index.postings))
    assert {(0, 0, t) for t in range(n_words)} <= indexed


def test_the_form_table_maps_forms_and_register_names_to_lemmas(index: Index) -> None:
    assert "mandżuria" in index.forms["mandzurii"]["mandżurii"]
    assert "маньчжурія" in index.forms[fold("маньчжурії")]["маньчжурії"]
    # Names of the register are in the table even where the text has another form:
    # "Manchuria" (en) and the uk nominative are names, "czang" a name's word.
    assert "manchuria" in index.forms["manchuria"]["manchuria"]
    assert index.forms["czang"]["czang"]
    assert index.names[name_key("Chiang Kai-shek")] == ["Q2"]
    assert index.names[name_key("czang kaj szek")] == ["Q2"]


def test_register_mentions_are_spans_of_tokens(index: Index) -> None:
    flat = index.entries["Q2"]
    spans = [tuple(flat[i : i + 4]) for i in range(0, len(flat), 4)]
    assert (0, 0, 5, 6) in spans  # "Czang Kaj-szek": words 6 and 7 of the Polish p1
    assert (1, 0, 6, 7) in spans  # "Чан Кайши"
    assert len(index.entries["Q1"]) == 4 * 4  # Manchuria: twice in each version


def test_translated_sentences_link_to_the_original_sentences_they_render(index: Index) -> None:
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


COMPACT = {"ensure_ascii": False, "separators": (",", ":"), "sort_keys": True, "default": list}


def test_shards_are_cut_and_written_as_json_dumps_would() -> None:
    """Shards are put together from their members encoded once: the same bytes and the same
    cut as encoding each shard's table whole (sizes with the default separators)."""
    rng = random.Random(9)
    letters = "abcżźčйї\"\\ '-"
    table: dict = {}
    for i in range(600):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) + str(i)
        table["w:" + word] = {word + "ʼ" * j: sorted([word, "x", "ё"][: j % 4]) for j in range(9)}
        table["n:" + word + " " + word] = [f"Q{i}", 'a "quoted" \\ id']
        table["l:" + word] = array("I", rng.sample(range(100_000), rng.randint(0, 30)))
    for k, (key, value, size) in _encoded(table).items():
        assert f"{{{key}:{value}}}" == json.dumps({k: table[k]}, **COMPACT)
        assert size + 2 == len(json.dumps({k: table[k]}, ensure_ascii=False, default=list))
    prefixes, made = _cut("s", table, _shard_key)
    out = dict(made)

    by_key: dict[str, dict] = {}
    for k, v in table.items():
        by_key.setdefault(_shard_key(k), {})[k] = v
    sizes = {
        k: len(json.dumps(m, ensure_ascii=False, default=list)) + len(k) + 4
        for k, m in by_key.items()
    }
    shards: dict[str, dict] = {p: {} for p in shard(by_key, sizes.__getitem__)}
    for k, members in by_key.items():
        shards[shard_of(shards, k)].update(members)
    expected = {
        f"assets/edition/search/{file_name('s', p)}": f'edSearch.put("{file_name("s", p)[:-3]}",'
        + json.dumps(data, **COMPACT)
        + ");\n"
        for p, data in shards.items()
        if data
    }
    assert len(expected) > 10
    assert {k: v.decode() for k, v in out.items()} == expected
    assert prefixes == [p for p, data in shards.items() if data]


def test_files_are_scripts_a_browser_can_load_from_disk(index: Index) -> None:
    out = dict(files(index))
    meta = _data(out["assets/edition/search/meta.js"], "meta")
    for family in ("shards", "entries"):
        for prefix in meta[family]:
            path = f"assets/edition/search/{file_name(family[0], prefix)}"
            assert path in out
            assert re.fullmatch(r"[a-z]_[0-9a-f_]*\.js", Path(path).name)

    # Every form sits in the shard its folded form points to, every posting list in the one
    # its folded lemma points to; "mandżurii" and its lemma "mandżuria" share a shard.
    def shard_data(key: str) -> dict:
        name = file_name("s", shard_of(meta["shards"], key))
        return _data(out[f"assets/edition/search/{name}"], name[:-3])

    for folded, forms in index.forms.items():
        assert shard_data(folded)["w:" + folded] == {f: sorted(k) for f, k in forms.items()}
    for key, flat in index.postings.items():
        assert shard_data(fold(key))["l:" + key] == list(flat)
    assert "l:mandżuria" in shard_data("mandzurii")
    assert shard_data("chiang")["n:chiang kai shek"] == ["Q2"]
    assert _data(out["assets/edition/search/t_1.js"], "t_1") == json.loads(
        json.dumps(index.texts[1], default=list)
    )


def _data(content: bytes, name: str):
    prefix = f'edSearch.put("{name}",'
    text = content.decode()
    assert text.startswith(prefix) and text.endswith(");\n")
    return json.loads(text[len(prefix) : -3])
