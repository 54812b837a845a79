"""Annotation of the corpus in a pool of processes gives what one process gives."""

from __future__ import annotations

import os

import pytest

from edition.analysis import corpus as corpus_module
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.build.settings import read_settings
from tests.conftest import ROOT


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="a pool needs two cores")
def test_a_pool_of_processes_finds_the_same_mentions_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    texts = load_texts(settings.seeds, settings.ui_languages)
    register = load_register(settings.glossary, settings.ui_languages)
    alone = corpus_module.annotate_corpus(texts, register)
    pools = []
    real_pool = corpus_module.multiprocessing.get_context("fork").Pool

    class CountingContext:
        def Pool(self, workers: int):  # the name multiprocessing gives it
            pools.append(workers)
            return real_pool(workers)

    monkeypatch.setattr(corpus_module, "TEXTS_PER_WORKER", 1)
    monkeypatch.setattr(corpus_module.multiprocessing, "get_context", lambda _: CountingContext())
    pooled = corpus_module.annotate_corpus(texts, register)
    assert pools == [2]
    assert list(pooled.mentions) == list(alone.mentions)
    assert pooled.mentions == alone.mentions
    assert pooled.notes == alone.notes
    assert sum(len(ms) for per in pooled.mentions.values() for ms in per.values()) > 100
