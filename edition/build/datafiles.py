"""The site's data files: the search index, the popup data and the open data.

They are not pages: the static-site generator only copies them into the built site, and
they cost as much to make as the pages (the search index most), so the build's second
process makes them while the pages are built (``background``).
"""

from __future__ import annotations

from collections.abc import Iterator

from edition.analysis.corpus import Corpus
from edition.build.gc_policy import paused_gc
from edition.derived import citation, open_data, search_index, tei
from edition.web import popups


def files(
    corpus: Corpus, ui_languages: tuple[str, ...], edition: citation.Edition = citation.UNVERSIONED
) -> Iterator[tuple[str, bytes]]:
    """Every data file, path relative to the site's root -> content, one kind at a time (each
    kind's structures are released before the next is made)."""
    with paused_gc():  # the search index: many objects, no cycles (see gc_policy)
        yield from search_index.files(search_index.build(corpus))
    yield from popups.files(corpus.register, ui_languages).items()
    yield from open_data.files(corpus, ui_languages)
    yield from tei.files(corpus, edition)
    yield from citation.files(corpus, edition, ui_languages[0])
