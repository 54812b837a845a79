"""The analysis cache: a text's stored analysis is used for the very same input, and only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from edition.analysis import cache as cache_module
from edition.analysis.cache import AnalysisCache, code_version
from edition.analysis.corpus import Corpus, annotate_corpus
from edition.base.register import load_register
from edition.base.sources import load_texts
from tests.conftest import META, make_text

UI = ("en", "pl", "uk")
TEXTS = {
    "a": "Sowieci wycofali się z Mandżurii. Czang Kaj-szek zerwał stosunki.\nMandżuria była daleko.\n",
    "b": "W Mandżurii było zimno.\nCzang Kaj-szek wrócił.\n",
    "c": "Nic tu nie ma.\n",
}
ENTRIES = [
    {"id": "Q1", "kind": "place", "names": {"pl": {"name": "Mandżuria"}}},
    {"id": "Q2", "kind": "person", "names": {"pl": {"name": "Czang Kaj-szek"}}},
]


def write_register(root: Path, entries: list[dict]) -> None:
    items = [{**e, "definition": dict.fromkeys(UI, "d")} for e in entries]
    (root / "glossary").mkdir(exist_ok=True)
    (root / "glossary" / "all.yml").write_text(yaml.safe_dump(items, allow_unicode=True), "utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name, text in TEXTS.items():
        make_text(tmp_path / "seeds", name, pl=text)
    write_register(tmp_path, ENTRIES)
    return tmp_path


def analyse(root: Path, context: str | None = None) -> Corpus:
    folder = root / ".cache"
    store = (
        AnalysisCache.of_edition(folder, root / "glossary", UI)
        if context is None
        else AnalysisCache(folder, context)
    )
    return annotate_corpus(
        load_texts(root / "seeds", UI), load_register(root / "glossary", UI), store
    )


def mentions(corpus: Corpus) -> dict:
    return {
        k: {p: [(m.start, m.end, m.ref) for m in ms] for p, ms in v.items()}
        for k, v in corpus.mentions.items()
    }


def test_an_unchanged_edition_is_not_analysed_again_and_gives_the_same_corpus(root: Path) -> None:
    cold = analyse(root)
    assert cold.analysed == ["a", "b", "c"]
    warm = analyse(root)
    assert warm.analysed == []
    assert mentions(warm) == mentions(cold)
    assert mentions(cold)[("a", "pl")]["p1"] == [(23, 32, "Q1"), (34, 48, "Q2")]
    assert warm.notes == cold.notes


def test_the_stored_analysis_is_what_the_build_uses(root: Path) -> None:
    analyse(root)
    path = root / ".cache" / "b.json"
    path.write_text(path.read_text("utf-8").replace('"Q2"', '"Q1"'), "utf-8")
    assert [m.ref for m in analyse(root).mentions[("b", "pl")]["p2"]] == ["Q1"]


def test_editing_a_text_invalidates_that_text_only(root: Path) -> None:
    analyse(root)
    (root / "seeds" / "b" / "pl.txt").write_text(TEXTS["b"] + "Mandżuria znów.\n", "utf-8")
    corpus = analyse(root)
    assert corpus.analysed == ["b"]
    assert [m.ref for m in corpus.mentions[("b", "pl")]["p3"]] == ["Q1"]


def test_a_new_translation_invalidates_its_text_only(root: Path) -> None:
    analyse(root)
    (root / "seeds" / "c" / "meta.yml").write_text(
        META + "translations: {uk: {by: test, status: working}}\n", "utf-8"
    )
    (root / "seeds" / "c" / "uk.txt").write_text("Тут нічого немає.\n", "utf-8")
    assert analyse(root).analysed == ["c"]


def test_meta_data_that_the_analysis_does_not_read_invalidates_nothing(root: Path) -> None:
    analyse(root)
    meta = root / "seeds" / "a" / "meta.yml"
    meta.write_text(meta.read_text("utf-8").replace("Tytuł", "Inny tytuł"), "utf-8")
    assert analyse(root).analysed == []


def test_an_override_invalidates_its_text_only(root: Path) -> None:
    analyse(root)
    (root / "seeds" / "a" / "annotations.yml").write_text(
        'pl:\n  - {paragraph: p2, text: "Mandżuria", suppress: true}\n', "utf-8"
    )
    corpus = analyse(root)
    assert corpus.analysed == ["a"]
    assert corpus.mentions[("a", "pl")]["p2"] == []


def test_a_changed_ledger_invalidates_its_text_only(root: Path) -> None:
    analyse(root)
    ledger = root / "seeds" / "b" / "paragraph-ids.yml"
    ledger.write_text(load_texts(root / "seeds", UI)[1].ledger_text, "utf-8")
    assert analyse(root).analysed == []  # the same IDs as assigned without a ledger
    ledger.write_text(ledger.read_text("utf-8").replace("p1", "p7").replace("next: 3", "next: 8"))
    corpus = analyse(root)
    assert corpus.analysed == ["b"]
    assert set(corpus.mentions[("b", "pl")]) == {"p7", "p2"}


def test_a_changed_register_invalidates_every_text(root: Path) -> None:
    analyse(root)
    write_register(
        root, [*ENTRIES, {"id": "Q3", "kind": "term", "names": {"pl": {"name": "zimno"}}}]
    )
    corpus = analyse(root)
    assert corpus.analysed == ["a", "b", "c"]
    assert [m.ref for m in corpus.mentions[("b", "pl")]["p1"]] == ["Q1", "Q3"]
    (root / "glossary" / ".wikidata-cache.json").write_text('{"entities": {}}', "utf-8")
    assert analyse(root).analysed == ["a", "b", "c"]


def test_another_code_version_invalidates_every_text(root: Path) -> None:
    analyse(root, "one")
    assert analyse(root, "one").analysed == []
    assert analyse(root, "two").analysed == ["a", "b", "c"]


def test_the_code_version_is_a_hash_of_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "edition"
    shutil.copytree(
        Path(cache_module.__file__).parent.parent,
        package,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    monkeypatch.setattr(cache_module.resources, "files", lambda name: package)
    code_version.cache_clear()
    try:
        first = code_version()
        (package / "__pycache__").mkdir()
        (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
        code_version.cache_clear()
        assert code_version() == first
        lemmas = package / "base" / "lang" / "pl.py"
        lemmas.write_text(lemmas.read_text("utf-8") + "\n# changed\n", "utf-8")
        code_version.cache_clear()
        assert code_version() != first
    finally:
        code_version.cache_clear()


def test_an_unreadable_or_foreign_cache_file_is_a_miss(root: Path) -> None:
    analyse(root)
    (root / ".cache" / "a.json").write_text("{not json", "utf-8")
    (root / ".cache" / "b.json").write_text('{"key": 1, "mentions": []}', "utf-8")
    corpus = analyse(root)
    assert corpus.analysed == ["a", "b"]
    assert analyse(root).analysed == []


def test_a_text_whose_overrides_have_problems_is_not_stored(root: Path) -> None:
    (root / "seeds" / "a" / "annotations.yml").write_text(
        'pl:\n  - {paragraph: p9, text: "Mandżuria", suppress: true}\n', "utf-8"
    )
    with pytest.raises(Exception, match="no paragraph p9"):
        analyse(root)
    assert not (root / ".cache" / "a.json").exists()
    assert (root / ".cache" / "b.json").exists()
