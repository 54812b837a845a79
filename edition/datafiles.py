"""The site's data files: the search index, the popup data and the open data.

They are not pages: the static-site generator only copies them into the built site, and
they cost as much to make as the pages (the search index most), so the build's second
process makes them while the pages are built (``background``).
"""

from __future__ import annotations

from collections.abc import Iterator

from . import export, popups, render, search
from .corpus import Corpus


def files(corpus: Corpus, ui_languages: tuple[str, ...]) -> Iterator[tuple[str, bytes]]:
    """Every data file, path relative to the site's root -> content, one kind at a time (each
    kind's structures are released before the next is made)."""
    yield from search.files(search.build(corpus))
    yield from popups.files(corpus.register, ui_languages, render.popup_html).items()
    yield from export.files(corpus, ui_languages)
