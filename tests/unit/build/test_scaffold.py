"""``new``: a text folder from a plain file; bad input is a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.base.errors import EditionError
from edition.base.sources import load_texts
from edition.build.scaffold import TODO, leftover_todos, new_text, paragraphs_of

UI = ("en", "pl", "uk")


def test_blank_lines_separate_paragraphs_and_wrapped_lines_join() -> None:
    raw = "  Pierwszy akapit\r\nciąg dalszy.\r\n\r\n\r\nDrugi   akapit.\r\n \n"
    assert paragraphs_of(raw) == ["Pierwszy akapit ciąg dalszy.", "Drugi akapit."]


def test_without_blank_lines_every_line_is_a_paragraph() -> None:
    assert paragraphs_of("Jeden.\rDwa.\nTrzy.\n") == ["Jeden.", "Dwa.", "Trzy."]


def test_new_text_loads_and_its_todos_are_listed(tmp_path: Path) -> None:
    source = tmp_path / "artykuł.txt"
    source.write_bytes("\ufeffWarszawa, 1932.\r\n\r\nDrugi akapit.\r\n".encode())
    folder = new_text(tmp_path / "seeds", "gazeta-1932", source, "pl", UI)
    assert (folder / "pl.txt").read_text("utf-8") == "Warszawa, 1932.\nDrugi akapit.\n"
    (text,) = load_texts(tmp_path / "seeds", UI)  # valid as it stands: TODOs are values
    assert [p.text for p in text.original.paragraphs] == ["Warszawa, 1932.", "Drugi akapit."]
    assert text.meta["source_file"] == "artykuł.txt"
    todos = leftover_todos([text])
    # a title and a source per UI language, author, date and the licence
    assert len(todos) == 2 * len(UI) + 3
    assert all(TODO in p.message and p.line for p in todos)
    meta = folder / "meta.yml"
    filled = "\n".join(
        line.split(":", 1)[0] + ": Wypełnione" if TODO in line and ":" in line else line
        for line in meta.read_text("utf-8").splitlines()
        if not line.lstrip().startswith(("author", "date"))
    )
    meta.write_text(filled + "\n", "utf-8")
    (text,) = load_texts(tmp_path / "seeds", UI)
    assert leftover_todos([text]) == []


@pytest.mark.parametrize(
    ("text_id", "name", "content", "code", "message"),
    [
        ("ok", "missing.txt", None, "pl", "missing.txt: no such file"),
        ("ok", "a.txt", "Tekst.", "xx", "unknown language code 'xx' (known: en, pl, uk)"),
        ("Bad Id", "a.txt", "Tekst.", "pl", "a text ID is lower-case letters"),
        ("existing", "a.txt", "Tekst.", "pl", "existing: already exists: choose another text ID"),
        ("ok", "a.txt", b"za\xc5 bajt", "pl", "a.txt:1: not valid UTF-8 (byte 0xc5); save the"),
        ("ok", "a.txt", "\n \n", "pl", "a.txt: the file holds no text"),
    ],
)
def test_bad_input_is_a_clear_message(
    tmp_path: Path, text_id: str, name: str, content: str | bytes | None, code: str, message: str
) -> None:
    (tmp_path / "seeds" / "existing").mkdir(parents=True)
    source = tmp_path / name
    if isinstance(content, str):
        source.write_text(content, "utf-8")
    elif content is not None:
        source.write_bytes(content)
    with pytest.raises(EditionError) as info:
        new_text(tmp_path / "seeds", text_id, source, code, UI)
    assert message in str(info.value)
    assert not (tmp_path / "seeds" / "ok").exists()
