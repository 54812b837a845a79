"""Reading seeds: the happy path, and every kind of bad input named by file and line."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from edition.base.errors import EditionError
from edition.base.sources import load_texts, skipped_folders
from tests.conftest import META, ROOT, make_text

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
        f"{tmp_path / 't' / 'meta.yml'}:1: missing original: {tmp_path / 't' / 'uk.txt'} (or .xml)"
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
        f"{tmp_path / 't' / 'pl.txt'}:2: control character U+0007 in the text: remove it"
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
    found = problems(tmp_path)
    assert len(found) == len(controls)
    for message, (n, ch) in zip(found, enumerate(controls, 1), strict=True):
        assert message.startswith(f"{path}:{n}: control character U+{ord(ch):04X} in the text")


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


def test_cr_only_line_ends_are_line_ends(tmp_path: Path) -> None:
    make_text(tmp_path, pl="Pierwszy.\rDrugi.\r")
    (text,) = load_texts(tmp_path, UI)
    assert [(p.line, p.text) for p in text.original.paragraphs] == [(1, "Pierwszy."), (2, "Drugi.")]


def test_a_stray_carriage_return_is_explained(tmp_path: Path) -> None:
    make_text(tmp_path, pl="Pierwszy.\nDru\rgi.\n")
    (msg,) = problems(tmp_path)
    assert msg.startswith(f"{tmp_path / 't' / 'pl.txt'}:2: control character U+000D")
    assert "mixes line ends" in msg


@pytest.mark.parametrize(
    ("char", "meant"), [("\x92", "’"), ("\x96", "–"), ("\x97", "—"), ("\x93", "“"), ("\x85", "…")]
)
def test_a_c1_control_character_names_the_windows_1252_character_meant(
    tmp_path: Path, char: str, meant: str
) -> None:
    make_text(tmp_path, pl=f"Dobrze.\nTo{char}s.\n")
    assert problems(tmp_path) == [
        f"{tmp_path / 't' / 'pl.txt'}:2: control character U+{ord(char):04X} in the text: "
        f"almost certainly Windows-1252 text decoded wrongly, where it was {meant} "
        f"(U+{ord(meant):04X} {unicodedata.name(meant).lower()}); replace it with {meant}"
    ]


def test_a_text_may_not_take_a_name_the_site_uses(tmp_path: Path) -> None:
    make_text(tmp_path, "index")
    make_text(tmp_path, "ok")
    assert problems(tmp_path) == [
        f"{tmp_path / 'index'}: the text ID 'index' is reserved (texts/index.html is the site's "
        "catalogue of texts); rename the folder"
    ]


@pytest.mark.parametrize(
    "name", ['x" autofocus onfocus="alert(1)', "a" * 101, "a" * 251, "Big", "-x", "a_b", "ą", "a.b"]
)
def test_a_text_id_outside_the_one_pattern_is_refused(tmp_path: Path, name: str) -> None:
    make_text(tmp_path, name)
    assert problems(tmp_path) == [
        f"{tmp_path / name}: not a valid text ID (the folder's name must be 1 to 100 lower-case "
        "letters a-z, digits and hyphens, starting with a letter or digit (e.g. "
        "manchuria-1920-1934)): rename the folder"
    ]


@pytest.mark.parametrize("name", ["a", "9", "a" * 100, "manchuria-1920-1934", "x-"])
def test_a_text_id_inside_the_pattern_is_read(tmp_path: Path, name: str) -> None:
    make_text(tmp_path, name)
    assert [t.id for t in load_texts(tmp_path, UI)] == [name]


def test_skipped_folders_are_named(tmp_path: Path) -> None:
    make_text(tmp_path, "ok")
    make_text(tmp_path, "_draft")
    make_text(tmp_path, ".old")
    (tmp_path / "_notes.txt").write_text("not a folder")
    assert [t.id for t in load_texts(tmp_path, UI)] == ["ok"]
    assert skipped_folders(tmp_path) == [
        f"{tmp_path / name}: skipped, not a text (a folder whose name starts with '.' or '_' "
        "is not read)"
        for name in (".old", "_draft")
    ]


def test_a_split_first_paragraph_is_named_as_the_first_that_does_not_line_up(
    tmp_path: Path,
) -> None:
    """The real text, its translation's first paragraph split in two."""
    folder = tmp_path / "manchuria-1920-1934"
    shutil.copytree(ROOT / "seeds" / folder.name, folder)
    first, *rest = (folder / "en.txt").read_text("utf-8").split("\n")
    cut = first.index(" They also")
    (folder / "en.txt").write_text("\n".join([first[:cut], first[cut + 1 :], *rest]), "utf-8")
    (msg,) = problems(tmp_path)
    assert msg.startswith(f"{folder / 'en.txt'}:1: ")
    assert msg.endswith(
        "paragraph 1 (original line 1) is the first that does not line up: the translation has "
        "a paragraph more here (split in two, or added)"
    )


@pytest.mark.parametrize(
    ("change", "line", "paragraph", "how"),
    [
        (lambda ps: [*ps[:3], ps[3] + " " + ps[4], *ps[5:]], 4, 4, "a paragraph fewer here"),
        (lambda ps: ps[:2] + ps[3:], 3, 3, "a paragraph fewer here"),
        (lambda ps: [*ps[:5], "Akapit dodany przez tłumacza.", *ps[5:]], 6, 6,
         "a paragraph more here"),
    ],
)  # fmt: skip
def test_a_merge_a_gap_or_an_extra_paragraph_is_found_where_it_is(
    tmp_path: Path, change: Any, line: int, paragraph: int, how: str
) -> None:
    folder = tmp_path / "sino-soviet-1932-1937"
    shutil.copytree(ROOT / "seeds" / folder.name, folder)
    paragraphs = (folder / "pl.txt").read_text("utf-8").split("\n")
    (folder / "pl.txt").write_text("\n".join(change(paragraphs)), "utf-8")
    (msg,) = problems(tmp_path)
    assert msg.startswith(f"{folder / 'pl.txt'}:{line}: ")
    assert f"; paragraph {paragraph} (original line {paragraph}) is the first" in msg
    assert how in msg
