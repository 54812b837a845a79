"""Writes the generated pages of an edition into the MkDocs ``docs`` folder.

Generated Markdown goes to a git-ignored folder under ``docs/`` in the suffix layout
mkdocs-static-i18n expects (``texts/<id>.<lang>.md``): files made in memory crash
or are dropped by that plugin (see the project notes). A file is written only when its
content changed, so ``mkdocs serve`` does not rebuild in a loop.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from edition.analysis import assignments
from edition.analysis.corpus import PARALLEL_FROM, Corpus, annotate_corpus
from edition.base.addresses import ASSIGNMENTS_DIR, PARALLEL_DIR, SEARCH_PAGE
from edition.base.errors import EditionError, Problem
from edition.base.ledger import LEDGER_NAME
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.base.strings import missing_ui_languages
from edition.build import datafiles
from edition.build.gc_policy import paused_gc
from edition.build.settings import Settings
from edition.build.tree import prune, sync_tree, write_files
from edition.build.worker import Background
from edition.derived.citation import UNVERSIONED, Edition
from edition.web import assignments as assignment_pages
from edition.web import entry_sections, reading
from edition.web import register_pages as register_web
from edition.web.search_page import search_page

GENERATED_DIRS = ("texts", "parallel", "register", "assets/edition")


def load(settings: Settings) -> Corpus:
    """Read, validate and annotate everything the build needs; raises EditionError."""
    missing = missing_ui_languages(settings.ui_languages)
    if missing:
        raise EditionError(
            [Problem(Path("edition/data/ui.yml"), None, f"no interface strings for {missing}")]
        )
    problems: list[Problem] = []
    with paused_gc():  # texts, register and mentions: many objects, no cycles (see gc_policy)
        try:
            texts = load_texts(settings.seeds, settings.ui_languages)
        except EditionError as exc:
            problems += exc.problems
        try:
            register = load_register(settings.glossary, settings.ui_languages)
        except EditionError as exc:
            problems += exc.problems
        if problems:
            raise EditionError(problems)
        return annotate_corpus(texts, register)


def text_pages(
    corpus: Corpus, ui_languages: tuple[str, ...], edition: Edition = UNVERSIONED
) -> Iterator[tuple[str, str]]:
    """The catalogue, the reading pages and parallel views, the search page: (path relative
    to ``docs``, Markdown), one at a time (all the pages of a large edition at once would
    take gigabytes)."""
    for ui in ui_languages:
        yield f"texts/index.{ui}.md", reading.catalogue_page(corpus.texts, ui, edition)
        for text in corpus.texts:
            yield f"texts/{text.id}.{ui}.md", reading.reading_page(corpus, text, ui, edition)
            if text.translations:
                yield (
                    f"{PARALLEL_DIR}/{text.id}.{ui}.md",
                    reading.parallel_page(corpus, text, ui),
                )
        yield f"{SEARCH_PAGE}.{ui}.md", search_page(corpus, ui)


def register_pages(corpus: Corpus, ui_languages: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """The index pages, the entry pages, the map and the overview."""
    for ui in ui_languages:
        yield from register_web.pages(corpus, ui, default=ui == ui_languages[0]).items()
    entry_sections.release()


def assets() -> dict[str, bytes]:
    """The browser-side files of the edition (scripts, styles, vendored shims)."""
    folder = Path(str(resources.files("edition").joinpath("web", "assets")))
    return {
        f"assets/edition/{f.relative_to(folder).as_posix()}": f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def generate(settings: Settings) -> tuple[Corpus, Background]:
    """Load the edition and bring the generated pages and assets under ``docs`` up to date.

    The register's pages are written by the build's second process (``background``) while
    this one writes the texts' pages; it goes on to make the data files, to be written into
    the built site (``Background.publish``)."""
    corpus = load(settings)
    gc.collect()  # what loading left (it ran without the cyclic collector), before the freeze
    # The corpus (millions of objects on a large edition) lives until the end of the build
    # and is never garbage: frozen, the cyclic collector no longer walks it at every full
    # collection (a third of the build's time at 200 texts), and the forked second process
    # does not copy the pages it lives in by touching them.
    gc.freeze()
    for text in corpus.texts:
        if text.ledger_is_stale():
            (text.folder / LEDGER_NAME).write_text(text.ledger_text, "utf-8")
    ui = settings.ui_languages
    background = Background(
        settings.docs,
        lambda: _encoded(register_pages(corpus, ui)),
        lambda: datafiles.files(corpus, ui, settings.edition),
        fork=len(corpus.texts) >= PARALLEL_FROM,
    )
    try:
        kept = write_files(settings.docs, assets().items())
        kept |= write_files(settings.docs, _encoded(text_pages(corpus, ui, settings.edition)))
        kept |= background.docs_written()
    except BaseException:
        background.cancel()
        raise
    prune(settings.docs, GENERATED_DIRS, kept)
    return corpus, background


def _encoded(pages: Iterator[tuple[str, str]]) -> Iterator[tuple[str, bytes]]:
    for rel, content in pages:
        yield rel, content.encode()


def write_lock(docs: Path, lock: assignments.Lock) -> None:
    """Write the passage lock if it changed; an edition without assignments gets none."""
    path = assignments.folder(docs) / assignments.LOCK_NAME
    if lock or path.exists():
        rel = f"{ASSIGNMENTS_DIR}/{assignments.LOCK_NAME}"
        sync_tree(docs, (), {rel: assignments.dump_lock(lock).encode()})


def generate_assignments(
    docs: Path, corpus: Corpus, ui_languages: tuple[str, ...]
) -> list[assignments.Assignment]:
    """Load and check the assignments, write their index pages (one per UI language) and
    bring the passage lock up to date; raises EditionError naming every bad reference."""
    found = assignments.load_assignments(docs, corpus, ui_languages)
    files = {
        f"{ASSIGNMENTS_DIR}/{assignments.INDEX}.{ui}.md": assignment_pages.index_page(
            found, ui, ui_languages[0]
        ).encode()
        for ui in ui_languages
    }
    sync_tree(docs, (), files)
    write_lock(docs, assignments.merged_lock(assignments.read_lock(docs), found))
    return found
