"""The search page lists no texts: its size does not grow with the corpus."""

from __future__ import annotations

from pathlib import Path

from edition.analysis.corpus import annotate_corpus
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.web.search_page import search_page
from tests.conftest import make_text

UI = ("en", "pl", "uk")


def _body(root: Path, n: int, ui: str) -> str:
    for i in range(n):
        make_text(root / "seeds", name=f"text-{i:04d}")
    (root / "glossary").mkdir()
    corpus = annotate_corpus(load_texts(root / "seeds", UI), load_register(root / "glossary", UI))
    return search_page(corpus, ui).body


def test_the_search_page_is_the_same_whatever_the_number_of_texts(tmp_path: Path) -> None:
    for ui in UI:
        small, large = _body(tmp_path / f"{ui}2", 2, ui), _body(tmp_path / f"{ui}40", 40, ui)
        assert small == large
        assert "text-0001" not in large
        # The text filter is a field the script and the reading pages' forms fill.
        assert '<input type="hidden" name="text" value="">' in large
