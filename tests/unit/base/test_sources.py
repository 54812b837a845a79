"""Reading seeds: the happy path, and every kind of bad input named by file and line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from edition.base.errors import EditionError
from edition.base.sources import load_texts
from tests.conftest import META, make_text

UI = ("en", "pl", "uk")


def problems(seeds: Path) -> list[str]:
    with pytest.raises(EditionError) as info:
        load_texts(seeds, UI)
    return [str(p) for p in info.value.problems]


def test_paragraphs_sentences_and_ids(tmp_path: Path) -> None:
    make_text(tmp_path)
    (text,) = load_texts(tmp_path, UI)
    assert [p.id for p in text.original.paragraphs] == ["p1", "p2"]
    assert [p.line for p in text.original.paragraphs] == [1, 3]
    assert [s.id for s in text.original.paragraphs[0].sentences] == ["p1s1", "p1s2"]


def test_bom_and_crlf_are_harmless(tmp_path: Path) -> None:
    make_text(tmp_path, pl=b"\xef\xbb\xbfPierwszy.\r\nDrugi.\r\n")
    (text,) = load_texts(tmp_path, UI)
    assert [p.text for p in text.original.paragraphs] == ["Pierwszy.", "Drugi."]


def test_malformed_meta_names_file_and_line(tmp_path: Path) -> None:
    make_text(tmp_path, meta="original: pl\ntitle: {pl: Tytuł\nsource: x\n")
    (msg,) = problems(tmp_path)
    assert msg.startswith(f"{tmp_path / 't' / 'meta.yml'}:") and "malformed YAML" in msg


def test_schema_error_names_field_and_line(tmp_path: Path) -> None:
    make_text(tmp_path, meta=META.replace("title: {pl: Tytuł, uk: Назва, en: Title}", "title: 5"))
    (msg,) = problems(tmp_path)
    assert msg == f"{tmp_path / 't' / 'meta.yml'}:2: title: 5 is not of type 'object'"


def test_missing_ui_language_in_title(tmp_path: Path) -> None:
    make_text(tmp_path, meta=META.replace(", en: Title", ""))
    (msg,) = problems(tmp_path)
    assert msg.endswith("meta.yml:2: title: no text for en")


def test_unknown_language_code(tmp_path: Path) -> None:
    make_text(tmp_path, meta=META.replace("original: pl", "original: xx"), xx="Tekst.")
    assert any("meta.yml:1: unknown language code 'xx'" in m for m in problems(tmp_path))


def test_unknown_language_in_file_name(tmp_path: Path) -> None:
    make_text(tmp_path, pl="Tekst.", de="Text.")
    (msg,) = problems(tmp_path)
    assert "de.txt: unknown language code 'de'" in msg


def test_missing_original(tmp_path: Path) -> None:
    make_text(tmp_path, meta=META.replace("original: pl", "original: uk"))
    assert (
        f"{tmp_path / 't' / 'meta.yml'}:1: missing original: {tmp_path / 't' / 'uk.txt'}"
        in problems(tmp_path)
    )


def test_missing_meta(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "pl.txt").write_text("Tekst.")
    assert problems(tmp_path) == [
        f"{tmp_path / 't' / 'meta.yml'}: missing meta.yml for this text folder"
    ]


def test_empty_text(tmp_path: Path) -> None:
    make_text(tmp_path, pl="\n  \n\n")
    assert problems(tmp_path) == [
        f"{tmp_path / 't' / 'pl.txt'}: the text is empty (no non-blank line)"
    ]


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    make_text(tmp_path, pl=b"Dobrze.\nZ\xb3y bajt.\n")
    assert problems(tmp_path) == [f"{tmp_path / 't' / 'pl.txt'}:2: not valid UTF-8 (byte 0xb3)"]


def test_control_character(tmp_path: Path) -> None:
    make_text(tmp_path, pl="Dobrze.\nZ\x07ły.\n")
    assert problems(tmp_path) == [
        f"{tmp_path / 't' / 'pl.txt'}:2: control character U+0007 in the text"
    ]


def test_every_control_character_and_no_other(tmp_path: Path) -> None:
    """All of Unicode category Cc but the tab is refused, each on its line; nothing else is."""
    controls = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc"]
    controls.remove("\t")
    controls.remove("\n")  # the line break itself
    harmless = "\t\u00a0\u00ad\u200b\u2028\u2029\ufeff\U0001f600\U000e0001"
    body = "".join(f"Znak {ch}{ch} tu.\n" for ch in controls) + f"A{harmless}b.\n"
    make_text(tmp_path, pl=body)
    path = tmp_path / "t" / "pl.txt"
    assert problems(tmp_path) == [
        f"{path}:{n}: control character U+{ord(ch):04X} in the text"
        for n, ch in enumerate(controls, 1)
    ]


def test_translation_needs_a_credit(tmp_path: Path) -> None:
    make_text(tmp_path, pl="Tekst.", en="Text.")
    (msg,) = problems(tmp_path)
    assert "en.txt has no credit under 'translations:'" in msg


def test_translation_with_other_paragraph_count(tmp_path: Path) -> None:
    meta = META + "translations:\n  en: {by: Editors}\n"
    pl = "Krótki.\nDrugi akapit jest znacznie dłuższy niż pierwszy.\nTrzeci.\n"
    en = "Short.\nThird.\n"
    make_text(tmp_path, meta=meta, pl=pl, en=en)
    (msg,) = problems(tmp_path)
    assert msg.startswith(f"{tmp_path / 't' / 'en.txt'}:2: 2 paragraphs but the original")
    assert "pl.txt has 3; paragraph 2 (original line 2) is the first that does not line up" in msg


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    make_text(tmp_path, "a", pl="")
    make_text(tmp_path, "b", pl=b"\xff")
    assert len(problems(tmp_path)) == 2
