"""Export, import, export: a text given as TEI (``<lang>.xml``, the edition's own export) reads
back as the same paragraphs, IDs and mentions, and exports to the same bytes. On both texts
of the real edition and on the TEI fixture edition (forced and suppressed annotations)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.analysis.corpus import Corpus, annotate_corpus
from edition.base.addresses import tei_file
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.build.settings import read_settings
from edition.derived import tei
from edition.derived.citation import Edition
from tests.conftest import ROOT

SETTINGS = read_settings(ROOT / "mkdocs.yml")
EDITION = Edition("An edition", "https://example.org/ed/", "2.3", "2026-01-31")
FIXTURE = ROOT / "tests" / "fixtures" / "tei" / "edition"
CASES = {
    "real": (ROOT / "seeds", SETTINGS.glossary),
    "fixture": (FIXTURE / "seeds", FIXTURE / "glossary"),
}


def _corpus(seeds: Path, glossary: Path) -> Corpus:
    ui = SETTINGS.ui_languages
    return annotate_corpus(load_texts(seeds, ui), load_register(glossary, ui))


def _as_tei(seeds: Path, exported: dict[str, bytes], out: Path) -> Path:
    """A copy of ``seeds`` in which every version of every text is its exported TEI file."""
    shutil.copytree(seeds, out)
    for folder in out.iterdir():
        for txt in folder.glob("*.txt"):
            txt.unlink()
            (folder / f"{txt.stem}.xml").write_bytes(exported[tei_file(folder.name)])
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_export_import_export_gives_the_same_files(case: str, tmp_path: Path) -> None:
    seeds, glossary = CASES[case]
    first = _corpus(seeds, glossary)
    exported = dict(tei.files(first, EDITION))
    second = _corpus(_as_tei(seeds, exported, tmp_path / "seeds"), glossary)
    assert all(v.path.suffix == ".xml" for t in second.texts for v in t.versions)
    for a, b in zip(first.texts, second.texts, strict=True):
        for va, vb in zip(a.versions, b.versions, strict=True):
            assert [(p.id, p.text, p.sentences) for p in va.paragraphs] == [
                (p.id, p.text, p.sentences) for p in vb.paragraphs
            ]
            assert first.of(a, va) == second.of(b, vb)
            assert vb.marks  # the mentions came through the TEI's names
    assert dict(tei.files(second, EDITION)) == exported
