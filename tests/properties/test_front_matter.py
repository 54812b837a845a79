"""A generated page's source file: MkDocs reads back the title and head data as written, and
the hook finds the body again without parsing the front matter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from hooks.edition_hook import SuffixLayout

# Any text a source file may hold (no surrogates, no control characters but tab and line ends).
_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"))
_MARKERS = st.sampled_from(["", "---", "\n---\n\n", "...", "- ", "? ", ": ", "#", "'", '"'])


@given(title=st.tuples(_MARKERS, _TEXT, _MARKERS), value=_TEXT, body=_TEXT)
def test_front_matter_round_trips_and_the_body_is_found(
    title: tuple[str, str, str], value: str, body: str
) -> None:
    layout = SuffixLayout(("en",))
    written = layout.page_file("".join(title), body, {"citation": [["citation_title", value]]})
    assert SuffixLayout.body(written) == body
    _, meta = get_data(written)
    assert meta == {"title": "".join(title), "citation": [["citation_title", value]]}
