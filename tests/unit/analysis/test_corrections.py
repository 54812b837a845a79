"""Per-text corrections in annotations.yml: force and suppress, without touching the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.analysis.corpus import annotate_corpus
from edition.base.errors import EditionError
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.build.generate import load
from edition.build.settings import read_settings
from tests.conftest import ROOT

UK_TEXT = "sino-soviet-1932-1937"


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def mentions(edition: Path, pid: str) -> list[tuple[str, str]]:
    corpus = load(read_settings(edition / "mkdocs.yml"))
    text = next(t for t in corpus.texts if t.id == UK_TEXT)
    par = next(p for p in text.original.paragraphs if p.id == pid)
    return [(par.text[m.start : m.end], m.ref) for m in corpus.of(text, text.original)[pid]]


def test_the_shipped_override_forces_a_russian_spelling(edition: Path) -> None:
    assert ("германии", "Q183") in mentions(edition, "p10")


def test_suppress_one_occurrence(edition: Path) -> None:
    sidecar = edition / "seeds" / UK_TEXT / "annotations.yml"
    sidecar.write_text(
        sidecar.read_text("utf-8")
        + '  - {paragraph: p4, text: "Москві", occurrence: 2, suppress: true}\n',
        "utf-8",
    )
    assert [s for s, ref in mentions(edition, "p4") if ref == "Q649"] == ["Москві"]


def test_a_force_that_matches_nothing_is_an_error(edition: Path) -> None:
    sidecar = edition / "seeds" / UK_TEXT / "annotations.yml"
    sidecar.write_text("uk:\n  - {paragraph: p2, text: Берлін, ref: Q183}\n", "utf-8")
    with pytest.raises(EditionError) as info:
        load(read_settings(edition / "mkdocs.yml"))
    assert [str(p) for p in info.value.problems] == [
        f"{sidecar}:2: 'Берлін' (occurrence 1) is not in p2"
    ]


def test_an_unknown_entry_is_an_error(edition: Path) -> None:
    sidecar = edition / "seeds" / UK_TEXT / "annotations.yml"
    sidecar.write_text("uk:\n  - {paragraph: p2, text: Китаю, ref: nowhere}\n", "utf-8")
    with pytest.raises(EditionError) as info:
        load(read_settings(edition / "mkdocs.yml"))
    assert "no register entry 'nowhere'" in str(info.value)


TEI_IMPORT = ROOT / "tests" / "fixtures" / "tei" / "import" / "seeds"
TEI_GLOSSARY = ROOT / "tests" / "fixtures" / "tei" / "edition" / "glossary"


def _tei_mentions(seeds: Path) -> tuple[list[list[tuple[str, str]]], list[str]]:
    ui = ("pl", "uk", "en")
    corpus = annotate_corpus(load_texts(seeds, ui), load_register(TEI_GLOSSARY, ui))
    (text,) = corpus.texts
    found = [
        [(p.text[m.start : m.end], m.ref) for m in corpus.of(text, text.original)[p.id]]
        for p in text.original.paragraphs
    ]
    return found, corpus.notes


def test_a_tei_sources_names_with_a_ref_are_forced_annotations() -> None:
    found, notes = _tei_mentions(TEI_IMPORT)
    # "Jasio" and "stolicy" are no names of the register: only the TEI's refs make them
    # mentions (by the entry's ID and by its Wikidata address).
    assert found == [
        [("Jasio", "jan-kowalski"), ("stolicy", "Q270"), ("Lidze", "liga-narodow")],
        [("drodze żelaznej", "kolej")],
    ]
    (unknown,) = [n for n in notes if "names no register entry" in n]
    assert unknown.startswith(f"{TEI_IMPORT / 'notatka' / 'pl.xml'}:20: ref '#atlantyda'")


def test_annotations_yml_has_the_last_word_over_a_tei_source(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(TEI_IMPORT, seeds)
    (seeds / "notatka" / "annotations.yml").write_text(
        "pl:\n  - {paragraph: p1, text: Jasio, suppress: true}\n", "utf-8"
    )
    found, _ = _tei_mentions(seeds)
    assert ("Jasio", "jan-kowalski") not in found[0] and ("stolicy", "Q270") in found[0]
