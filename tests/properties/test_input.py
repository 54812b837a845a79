"""Any input, safely: generated texts, meta.yml values and register names, through ``check``
and the core's generation of pages, in process. For any of them: no traceback (only an
EditionError whose problems name a file and line), every source character on the page in
order, and no element or attribute made from input."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from edition.base.errors import EditionError
from tests.properties.edition_files import (
    body,
    check,
    generate_pages,
    unnamed,
    write_edition,
)
from tests.properties.strategies import LINE, RAW_YAML, TEXT, VALUE

# Every element and attribute the page builders make: input may add none.
TAGS = {
    "a", "article", "button", "dd", "details", "div", "dl", "dt", "fieldset", "form", "h1",
    "h2", "h3", "h4", "h5", "header", "input", "label", "legend", "li", "mark", "nav", "ol",
    "option", "p", "section", "select", "span", "strong", "summary", "table", "tbody", "td",
    "textarea", "th", "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "action", "aria-current", "aria-describedby", "aria-label", "aria-labelledby", "aria-live", "autocomplete",
    "checked", "class", "data-accessed", "data-align", "data-cite", "data-copied", "data-copy",
    "data-ed-keep", "hreflang",
    "data-failed", "data-field", "data-follow", "data-kind", "data-lang", "data-original", "data-paragraph",
    "data-paragraphs", "data-ref", "data-root", "data-sentence", "data-sentences",
    "data-shards", "data-strings", "data-title", "data-ui", "data-version", "download", "for",
    "hidden", "href", "id", "lang", "method", "name", "placeholder", "readonly", "role", "rows", "spellcheck",
    "style", "tabindex", "title", "type", "value",
}  # fmt: skip
UI = ("en", "pl", "uk")


@st.composite
def editions(draw: st.DrawFn) -> dict:
    """The arguments of ``write_edition``: a text, maybe a translation of as many
    paragraphs, meta values, and register names, some of which stand in the text."""
    lines = draw(TEXT)
    names = draw(st.lists(VALUE, max_size=3))
    if names:  # a name somewhere in the text, so that it is found and marked
        k = draw(st.integers(0, len(lines) - 1))
        lines[k] = f"{lines[k]} {draw(st.sampled_from(names))}"
    translation = draw(st.none() | st.lists(LINE, min_size=len(lines), max_size=len(lines)))
    return {
        "lines": lines,
        "names": names,
        "title": draw(VALUE),
        "source": draw(VALUE),
        "translation": translation,
    }


@given(editions())
def test_generated_texts_are_checked_without_traceback(args: dict) -> None:
    """``check`` of any generated edition: it passes or names files and lines."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        try:
            check(write_edition(root, **args))
        except EditionError as exc:
            assert unnamed(exc, root) == []


@given(RAW_YAML)
def test_any_meta_yml_is_checked_without_traceback(raw: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        try:
            check(write_edition(root, ["Ala ma kota."], raw_meta=raw))
        except EditionError as exc:
            assert exc.problems
            assert unnamed(exc, root) == []


def test_an_empty_meta_yml_is_named_with_a_line(tmp_path: Path) -> None:
    with pytest.raises(EditionError) as exc:
        check(write_edition(tmp_path, ["Ala ma kota."], raw_meta=""))
    assert unnamed(exc.value, tmp_path) == []


def test_a_bare_hyphen_between_polish_words_is_checked(tmp_path: Path) -> None:
    check(write_edition(tmp_path, ["Ala - kot.", "Mandżuria - kraj."], names=["Mandżuria"]))


def test_a_zero_width_space_between_polish_words_is_checked(tmp_path: Path) -> None:
    check(write_edition(tmp_path, ["Ala \u200b ma kota."]))


def as_read(lines: list[str]) -> list[str]:
    """The paragraphs as the text file gives them: a byte-order mark that opens the file is
    the encoding's signature, not text (README, "Adding a text")."""
    return [lines[0].removeprefix("\ufeff"), *lines[1:]] if lines else lines


@given(editions())
@example(
    {"lines": ["<script>alert(1)</script>"], "names": [], "title": "<script>alert(1)</script>",
     "source": "<script>alert(1)</script>", "translation": ["\ufeff<script>alert(1)</script>"]}
)  # fmt: skip
def test_pages_show_every_source_character_and_make_no_markup(args: dict) -> None:
    """The reading page of any text shows each paragraph exactly as its line; no page has an
    element or attribute the builders do not make, whatever the text, meta and names."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = write_edition(Path(tmp), **args)
        try:
            corpus = check(settings)
        except EditionError:
            return  # reported with file and line (the property above)
        pages = generate_pages(settings, corpus)
        for ui in UI:
            shown = body(pages[f"texts/t.{ui}.md"]).cssselect("article .ed-p")
            assert [p.text_content() for p in shown] == as_read(args["lines"])
            if args["translation"] is not None:
                cells = body(pages[f"parallel/t.{ui}.md"]).cssselect(
                    '.ed-cell[data-lang="uk"] .ed-p'
                )
                assert [p.text_content() for p in cells] == as_read(args["translation"])
        for path, page in pages.items():
            doc = body(page)
            tags = {el.tag for el in doc.iter() if isinstance(el.tag, str)}
            attributes = {a for el in doc.iter() for a in el.attrib}
            assert tags <= TAGS, (path, tags - TAGS)
            assert attributes <= ATTRIBUTES, (path, attributes - ATTRIBUTES)
