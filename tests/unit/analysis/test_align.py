"""Sentence alignment: every original sentence finds its counterpart(s)."""

from __future__ import annotations

from edition.analysis.align import Bead, align_lengths, keys_of_translation
from edition.build.generate import load
from edition.build.settings import read_settings
from tests.conftest import ROOT


def test_one_to_one() -> None:
    assert align_lengths([40, 80, 20], [44, 90, 18]) == [
        Bead((0,), (0,)),
        Bead((1,), (1,)),
        Bead((2,), (2,)),
    ]


def test_a_translation_that_splits_a_sentence() -> None:
    assert align_lengths([40, 160, 30], [42, 75, 80, 33]) == [
        Bead((0,), (0,)), Bead((1,), (1, 2)), Bead((2,), (3,))
    ]  # fmt: skip


def test_a_translation_that_merges_two_sentences() -> None:
    assert align_lengths([50, 60, 70, 40], [52, 125, 45]) == [
        Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), (2,))
    ]  # fmt: skip


def test_every_original_sentence_of_the_corpus_has_a_counterpart() -> None:
    corpus = load(read_settings(ROOT / "mkdocs.yml"))
    for text in corpus.texts:
        for version in text.translations.values():
            for orig, tr in zip(text.original.paragraphs, version.paragraphs, strict=True):
                keys = keys_of_translation(orig, tr)
                covered = {k for ks in keys for k in ks}
                assert covered == {s.id for s in orig.sentences}, (text.id, version.lang, orig.id)
