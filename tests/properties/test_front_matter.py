"""A generated page's front matter reads back, as MkDocs reads it, as exactly the title and
head data written, whatever characters they hold; the hook finds the body again without
parsing the front matter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from hooks.edition_hook import SuffixLayout

LAYOUT = SuffixLayout(("en", "pl", "uk"))
# Every character a source file can hold (UTF-8 has no lone surrogates), controls included.
ANY = st.text(st.characters(codec="utf-8", exclude_categories=()))
HOSTILE = [
    "",
    "---",
    "...\n---\ntitle: x",
    "a: b",
    "- [x]",
    "{a: 1}",
    "&anchor *alias !!python/object:os.system",
    "'\"\\",
    "yes",
    "null",
    "2018-11-06",
    "0x1F",
    "# comment",
    " leading and trailing ",
    "tab\there",
    "\u0085 next line \u2028 line \u2029 paragraph",
    "\x00\x07\x1b\x7f\x80\x9f",
    "\ufeff\ufffe\uffff",
    "😀 Mandżuria Маньчжурія",
    "<script>alert(1)</script>",
]


def read_back(title: str, meta: dict) -> dict:
    body, data = get_data(LAYOUT.page_file(title, "<p>body</p>", meta))
    assert body == "<p>body</p>"
    return data


@given(ANY, st.lists(st.lists(ANY, max_size=3), max_size=3))
def test_any_title_and_head_data_read_back_unchanged(title: str, tags: list) -> None:
    meta = {"citation": {"tags": tags}, "description": title[::-1]}
    assert read_back(title, meta) == {"title": title, **meta}


@given(ANY, ANY)
def test_the_body_is_found_after_any_front_matter(title: str, body: str) -> None:
    assert SuffixLayout.body(LAYOUT.page_file(title, body, {"description": title})) == body


def test_hostile_titles_read_back_unchanged() -> None:
    for title in HOSTILE:
        assert read_back(title, {}) == {"title": title}, repr(title)
