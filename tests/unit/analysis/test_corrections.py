"""Per-text corrections in annotations.yml: force and suppress, without touching the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.base.errors import EditionError
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
