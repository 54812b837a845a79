"""Annotation of the corpus in a pool of processes gives what one process gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition.analysis import corpus as corpus_module
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.build.settings import read_settings
from tests.conftest import ROOT, make_text


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


def test_a_shared_name_is_decided_by_its_text_and_noted(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    make_text(
        seeds, "a", pl="Ministerstwo Spraw Zagranicznych RP milczy.\n\nMSZ wydało komunikat.\n"
    )
    make_text(seeds, "b", pl="MSZ wydało komunikat.\n")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "a.yml").write_text(
        "- {id: msz-ua, kind: organisation, definition: {pl: d}, names: {pl: {name:"
        " Ministerstwo Spraw Zagranicznych Ukrainy, variants: [MSZ]}}}\n"
        "- {id: msz-pl, kind: organisation, definition: {pl: d}, names: {pl: {name:"
        " Ministerstwo Spraw Zagranicznych RP, variants: [MSZ]}}}\n",
        "utf-8",
    )
    texts = load_texts(seeds, ("en",))
    corpus = corpus_module.annotate_corpus(texts, load_register(tmp_path / "glossary", ("en",)))
    a, b = (corpus.mentions[(t, "pl")] for t in ("a", "b"))
    assert [m.ref for m in a["p2"]] == ["msz-pl"]  # the text named it in full in p1
    assert [m.ref for m in b["p1"]] == ["msz-ua"]  # nothing to tell: the one listed first
    assert corpus.notes == [
        f"{seeds / 'a' / 'pl.txt'}:3: 'MSZ' (entries msz-ua, msz-pl) is msz-pl (the text names it"
        " by a fuller name), line(s) 3",
        f"{seeds / 'b' / 'pl.txt'}:1: 'MSZ' (entries msz-ua, msz-pl) is msz-ua (listed first in the"
        " register), line(s) 1",
    ]
