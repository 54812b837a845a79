"""Register mentions in the search index are spans of word tokens, found by position: a
mention may start or end with punctuation ("U.S.", "Washington, D.C."), which is no word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from edition.analysis.corpus import annotate_corpus
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.derived.search_index import build, word_span, words
from tests.conftest import make_text

UI = ("en", "pl", "uk")
META_EN = """\
original: en
title: {pl: Tytuł, uk: Назва, en: Title}
source: {pl: Źródło, uk: Джерело, en: Source}
licence: {status: unknown}
"""
# Names ending (and one starting) in punctuation, as in the shipped register.
NAMES = {
    "Q30": ["U.S."],
    "Q61": ["Washington, D.C."],
    "Q1": ["S.A."],
    "Q2": ["(AK)"],
    "Q3": ["r."],
}
TEXT = (
    "The U.S. watched. Washington, D.C. answered, S.A. sold rails (AK) and r. 1932.\n"
    "Nothing here but the U.S.\n"
)


def _spans(flat) -> list[tuple[int, int, int, int]]:
    return [tuple(flat[i : i + 4]) for i in range(0, len(flat), 4)]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory):
    root: Path = tmp_path_factory.mktemp("edition")
    make_text(root / "seeds", meta=META_EN, en=TEXT)
    (root / "glossary").mkdir()
    items = [
        {
            "id": ident,
            "kind": "place",
            "names": {"en": {"name": names[0]}, "pl": {"name": "x"}, "uk": {"name": "х"}},
            "definition": dict.fromkeys(UI, "d"),
        }
        for ident, names in NAMES.items()
    ]
    (root / "glossary" / "all.yml").write_text(yaml.safe_dump(items, allow_unicode=True), "utf-8")
    corpus = annotate_corpus(load_texts(root / "seeds", UI), load_register(root / "glossary", UI))
    return corpus, build(corpus)


def test_every_mention_ending_in_punctuation_is_indexed_by_its_words(indexed) -> None:
    corpus, index = indexed
    (text,) = corpus.texts
    mentions = corpus.of(text, text.original)
    assert {m.ref for ms in mentions.values() for m in ms} == set(NAMES)
    for p, par in enumerate(text.original.paragraphs):
        tokens = words(par.text)
        for m in mentions.get(par.id, ()):
            matching = [(d, pp, a, b) for d, pp, a, b in _spans(index.entries[m.ref]) if pp == p]
            assert matching, (m.ref, par.id)
            # The indexed words are exactly the words inside the mention's characters.
            inside = [i for i, (s, e, _) in enumerate(tokens) if s >= m.start and e <= m.end]
            assert any((a, b) == (inside[0], inside[-1]) for _, _, a, b in matching)
    # "U.S." twice: once in each paragraph.
    assert [s[1] for s in _spans(index.entries["Q30"])] == [0, 1]


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("The U.S. watched", 4, 8, (1, 2)),  # ends with "."
        ("Washington, D.C.", 0, 16, (0, 2)),  # "," and "." inside and at the end
        ("(AK) went", 0, 4, (0, 0)),  # starts with "("
        ("a „Kurier” b", 2, 10, (1, 1)),  # quotes around
        ("a — b", 2, 3, None),  # no word at all
    ],
)
def test_word_span_finds_words_by_position(text, start, end, expected) -> None:
    offsets = [x for s, e, _ in words(text) for x in (s, e)]
    assert word_span(offsets[::2], offsets[1::2], start, end) == expected
