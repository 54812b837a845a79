"""A word typed decomposed or with an invisible soft hyphen or joiner inside is one word of the
search index, found by its composed form, while the text keeps every character it has."""

from __future__ import annotations

import pytest
import yaml

from edition.analysis.corpus import annotate_corpus
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.derived.search_index import SearchTables, build, fold, name_key, words
from tests.conftest import META, make_text

UI = ("en", "pl", "uk")
# z + U+0307 for ż; a soft hyphen; a zero-width joiner; і + U+0308 for ї in the translation.
PL = "Wojska weszły do Mandz\u0307urii. Potem do Man\u00addżurii i Ja\u200dponii.\n"
UK = "Уряд Украі\u0308ни мовчав про Маньчжурію.\n"
DECOMPOSED = ("Mandz\u0307urii", "Man\u00addżurii", "Ja\u200dponii")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchTables:
    root = tmp_path_factory.mktemp("edition")
    meta = META + "translations: {uk: {by: test, status: working}}\n"
    make_text(root / "seeds", meta=meta, pl=PL, uk=UK)
    (root / "glossary").mkdir()
    items = [
        {
            "id": ident,
            "kind": "place",
            "names": {c: {"name": n} for c, n in zip(UI, names, strict=True)},
            "definition": dict.fromkeys(UI, "d"),
        }
        for ident, names in [
            ("Q1", ("Manchuria", "Mandżuria", "Маньчжурія")),
            ("Q2", ("Japan", "Japonia", "Японія")),
            ("Q3", ("Ukraine", "Ukraina", "Україна")),
        ]
    ]
    (root / "glossary" / "all.yml").write_text(yaml.safe_dump(items, allow_unicode=True), "utf-8")
    corpus = annotate_corpus(load_texts(root / "seeds", UI), load_register(root / "glossary", UI))
    return build(corpus)


def _tokens(index: SearchTables, doc: int) -> list[str]:
    return [w for _, _, w in words(index.texts[doc][0]["text"])]


def test_the_text_and_its_tokens_keep_every_original_character(index: SearchTables) -> None:
    assert index.texts[0][0]["text"] == PL.strip()
    assert index.texts[1][0]["text"] == UK.strip()
    tokens = _tokens(index, 0)
    for word in DECOMPOSED:
        assert word in tokens  # one token each, not cut at the mark or the soft hyphen
    assert "Украі\u0308ни" in _tokens(index, 1)


def test_the_composed_form_is_found_with_its_lemma(index: SearchTables) -> None:
    # What a reader types ("Mandżurii", composed) folds to the form table's key, which
    # lists the form composed and without the soft hyphen, under its lemma.
    forms = index.forms[fold("mandżurii")]
    assert set(forms) == {"mandżurii"}
    assert "mandżuria" in forms["mandżurii"]
    assert "japonia" in index.forms["japonii"]["japonii"]
    assert "україна" in index.forms[fold("україни")]["україни"]
    tokens = _tokens(index, 0)
    hits = {
        tuple(flat[i : i + 3])
        for form in index.lemmas["mandżuria"]
        for flat in [index.postings[form]]
        for i in range(0, len(flat), 3)
    }
    wanted = {(0, 0, tokens.index(w)) for w in DECOMPOSED[:2]}
    assert wanted <= hits


def test_mentions_of_decomposed_words_are_indexed_as_whole_words(index: SearchTables) -> None:
    tokens = _tokens(index, 0)
    flat = index.entries["Q1"]
    spans = {tuple(flat[i : i + 4]) for i in range(0, len(flat), 4)}
    for word in DECOMPOSED[:2]:
        t = tokens.index(word)
        assert (0, 0, t, t) in spans
    assert index.names[name_key("Mandz\u0307uria")] == ["Q1"]
