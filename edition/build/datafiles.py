"""The site's data files: the search index, the popup data, the open data, the TEI and
citation files.

They are not pages: the site builder never reads them, they go straight into the built
site. They cost as much to make as the pages (the search index most), so a second process
makes them while the pages are built (see ``generate.Build``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from edition.analysis.corpus import Corpus
from edition.base import addresses
from edition.build import gc_policy
from edition.derived import citation, open_data, search_index, tei
from edition.web import popups


def files(
    corpus: Corpus,
    ui_languages: tuple[str, ...],
    edition: citation.Edition = citation.UNVERSIONED,
    texts: Collection[str] | None = None,
    register: bool = True,
) -> Iterator[tuple[str, bytes]]:
    """Every data file, path relative to the site's root -> content, one kind at a time (each
    kind's structures are released before the next is made). Given ``texts`` (IDs), of the
    files of one text (TEI, citations) only those of these texts; the popups (made from the
    register alone) only if ``register``."""
    with gc_policy.paused():  # many objects, no cycles (see gc_policy)
        yield from search_index.files(search_index.build(corpus))
    if register:
        yield from popups.files(corpus.register, ui_languages).items()
    yield from open_data.files(corpus, ui_languages)
    if texts is None:
        yield from tei.files(corpus, edition)
    else:
        for text in corpus.texts:
            if text.id in texts:
                yield addresses.tei_file(text.id), tei.text_document(corpus, text, edition)
        yield addresses.TEI_CORPUS, tei.corpus_document(corpus, edition)
    yield from citation.files(corpus, edition, ui_languages[0], texts)
