"""Writes the generated pages of an edition into the site builder's ``docs`` folder.

Where a page's source file goes and what it holds besides its body is the face's
:class:`Layout` (the MkDocs face's is mkdocs-static-i18n's suffix layout): the core knows
each page's address (``edition.base.addresses``), title and body. A file is written only
when its content changed, so ``mkdocs serve`` does not rebuild in a loop.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from edition.analysis import assignments
from edition.analysis.cache import AnalysisCache
from edition.analysis.corpus import PARALLEL_FROM, Corpus, annotate_corpus
from edition.base import addresses
from edition.base.addresses import (
    ASSETS_DIR,
    ASSIGNMENTS_DIR,
    DEFAULT_PAGING,
    GENERATED_DIRS,
    Address,
    Paging,
)
from edition.base.errors import EditionError, Problem
from edition.base.ledger import LEDGER_NAME
from edition.base.register import load_register
from edition.base.sources import Text, load_texts
from edition.base.strings import missing_ui_languages
from edition.build import datafiles, gc_policy, worker
from edition.build.session import Changes, Session
from edition.build.settings import Settings
from edition.build.tree import move_into, prune, sync_tree, write_files, write_new
from edition.derived.citation import UNVERSIONED, Edition
from edition.web import assignments as assignment_pages
from edition.web import reading
from edition.web import register_pages as register_web
from edition.web.catalogue import catalogue_pages
from edition.web.reading import Page
from edition.web.search_page import search_page


class Layout(Protocol):
    """How the face's site builder lays out the pages of each UI language."""

    def source(self, page: Address, ui: str) -> str:
        """The source file of ``page`` in UI language ``ui``, relative to ``docs``."""
        ...

    def ui_root(self, ui: str) -> str:
        """The folder of UI language ``ui``'s pages from the built site's root: ``""`` or a
        path ending in ``/``."""
        ...

    def page_file(self, title: str, body: str, meta: Mapping[str, Any]) -> str:
        """The content of a page's source file: its ``title`` (plain text, data), its
        ``body`` (HTML) and data for its head (``meta``)."""
        ...


def _check_ui_languages(settings: Settings) -> None:
    missing = missing_ui_languages(settings.ui_languages)
    if missing:
        raise EditionError(
            [Problem(Path("edition/data/ui.yml"), None, f"no interface strings for {missing}")]
        )


def load(settings: Settings, only: Iterable[str] | None = None) -> Corpus:
    """Read, validate and annotate everything the build needs (of the texts, those of the
    IDs ``only`` if given); raises EditionError."""
    _check_ui_languages(settings)
    problems: list[Problem] = []
    try:
        texts = load_texts(settings.seeds, settings.ui_languages, only)
    except EditionError as exc:
        problems += exc.problems
    try:
        register = load_register(settings.glossary, settings.ui_languages)
    except EditionError as exc:
        problems += exc.problems
    if problems:
        raise EditionError(problems)
    return annotate_corpus(texts, register, analysis_cache(settings))


def analysis_cache(settings: Settings) -> AnalysisCache:
    """The edition's analysis cache (``.cache/edition/analysis/``)."""
    return AnalysisCache.of_edition(
        settings.cache / "analysis", settings.glossary, settings.ui_languages
    )


def _files(layout: Layout, ui: str, pages: Iterator[Page]) -> Iterator[tuple[str, str]]:
    for page in pages:
        yield layout.source(page.address, ui), layout.page_file(page.title, page.body, page.meta)


def _pages_of_text(
    corpus: Corpus,
    text: Text,
    ui: str,
    edition: Edition,
    ui_root: str,
    sentences: reading.Sentences,
) -> Iterator[Page]:
    """A text's own pages in UI language ``ui`` (reading page, parallel view, translations):
    they show the text, its mentions and the register, nothing else."""
    yield reading.reading_page(corpus, text, ui, edition, ui_root, sentences)
    if text.translations:
        yield reading.parallel_page(corpus, text, ui, sentences)
    for lang in text.translations:
        yield reading.translation_page(corpus, text, lang, ui, edition, sentences)


def text_pages(
    corpus: Corpus,
    ui_languages: tuple[str, ...],
    layout: Layout,
    edition: Edition = UNVERSIONED,
    paging: Paging = DEFAULT_PAGING,
    only: Collection[str] | None = None,
    written: dict[str, list[str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """The catalogue, the reading pages and parallel views, the search page: (path relative
    to ``docs``, content), one at a time (all the pages of a large edition at once would
    take gigabytes). A text's pages in every UI language come one after another: their
    sentences are made once for all of them (:class:`~edition.web.reading.Sentences`). Of
    the texts' own pages, those of the text IDs ``only`` if given; ``written`` gets each
    text's page files."""
    for ui in ui_languages:
        catalogue = catalogue_pages(corpus.texts, ui, edition, layout.ui_root(ui), paging)
        yield from _files(layout, ui, catalogue)
    for text in corpus.texts:
        if only is not None and text.id not in only:
            continue
        sentences = reading.Sentences(corpus, text)
        for ui in ui_languages:
            pages = _pages_of_text(corpus, text, ui, edition, layout.ui_root(ui), sentences)
            for rel, content in _files(layout, ui, pages):
                if written is not None:
                    written.setdefault(text.id, []).append(rel)
                yield rel, content
    for ui in ui_languages:
        yield from _files(layout, ui, iter([search_page(corpus, ui)]))


def register_pages(
    corpus: Corpus,
    ui_languages: tuple[str, ...],
    layout: Layout,
    paging: Paging = DEFAULT_PAGING,
    made: register_web.Made | None = None,
    changed: Collection[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """The entry pages, the index pages, the map and the overview (those ``changed`` entries
    call for, after a build that filled ``made``: see ``register_pages.pages``)."""
    roots = {ui: layout.ui_root(ui) for ui in ui_languages}
    for ui, page in register_web.pages(corpus, roots, paging, made, changed):
        yield layout.source(page.address, ui), layout.page_file(page.title, page.body, page.meta)


def assets() -> dict[str, bytes]:
    """The browser-side files of the edition (scripts, styles, vendored shims)."""
    folder = Path(str(resources.files("edition").joinpath("web", "assets")))
    return {
        f"{ASSETS_DIR}/{f.relative_to(folder).as_posix()}": f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


@dataclass
class Build:
    """A build under way (made by :func:`generate`): its corpus, and the data files being
    made by a second process into a staging folder beside the site's."""

    corpus: Corpus
    _data: worker.Worker[None]
    _staging: Path
    _site: Path
    _gc: gc_policy.BuildPolicy
    _landed: Callable[[], None] = lambda: None  # called once the data files are in the site
    _thread: threading.Thread | None = None
    _cancelled: bool = False

    def finish(self) -> None:
        """Wait for the data files and move them into the built site (once the site builder
        has written its pages there); raises EditionError or WorkerError."""
        try:
            self._data.wait()
            if not self._cancelled:
                move_into(self._staging, self._site)
                self._landed()
        finally:
            self.cancel()

    def finish_later(self, done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
        """:meth:`finish` in a thread of this process, while the site is served with the data
        files of the build before (each file is moved in by one rename, so none is ever
        served half-written); then ``done``, or ``failed`` with what :meth:`finish` raised
        (neither if the build is cancelled first)."""
        self._gc.end()

        def run() -> None:
            try:
                self.finish()
            except (EditionError, worker.WorkerError) as exc:
                if not self._cancelled:
                    failed(exc)
            else:
                if not self._cancelled:
                    done()

        self._thread = threading.Thread(target=run, name="edition data files", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """End the build: stop the second process, remove the staging folder, restore the
        collector. Safe to call again, and from :meth:`finish_later`'s thread."""
        if self._thread is not None and self._thread is not threading.current_thread():
            self._cancelled = True
            self._data.kill()  # its thread then ends the process and cleans up
            self._thread.join()
        self._data.cancel()
        shutil.rmtree(self._staging, ignore_errors=True)
        self._gc.end()


def generate(
    settings: Settings, layout: Layout, site: Path, session: Session | None = None
) -> Build:
    """Load the edition, bring the generated pages and assets under ``docs`` up to date and
    start making the data files for the built site ``site`` (see :class:`Build`).

    Once the corpus is made, a second process starts making the data files (the largest
    work, which needs no page) and goes on while the site builder builds the pages; another
    writes the register's pages while this one writes the texts'. Given a ``session`` (the
    rebuilds of one process into one site folder), only what changed since its last build
    is read and made again (see ``edition.build.session``). Raises EditionError, or
    WorkerError (a bug)."""
    policy = gc_policy.BuildPolicy()
    build: Build | None = None
    try:
        if session is None:
            corpus, changes = load(settings), Changes(None, None)
            for text in corpus.texts:
                if text.ledger_is_stale():
                    (text.folder / LEDGER_NAME).write_text(text.ledger_text, "utf-8")
        else:
            _check_ui_languages(settings)
            corpus, changes = session.load(settings, lambda: analysis_cache(settings))
        policy.loaded()  # the corpus lives to the end of the build: see gc_policy
        ui, docs = settings.ui_languages, settings.docs
        fork = len(corpus.texts) >= PARALLEL_FROM
        site.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-data-", dir=site.parent))
        texts, popups, held = (
            (None, True, None) if session is None else session.data_files(changes, site)
        )

        def write_data() -> None:
            files = datafiles.files(corpus, ui, settings.edition, texts, popups)
            if held is None:
                write_new(staging, files)
            else:  # only the files that differ from the site's
                write_files(staging, files, held)

        data = worker.start("the data files", write_data, fork)
        landed = (lambda: None) if session is None else session.data_landed
        build = Build(corpus, data, staging, site, policy, landed)
        made = None if session is None else session.register_pages_made()

        def write_register() -> tuple[set[str], register_web.Made | None]:
            pages = register_pages(corpus, ui, layout, settings.paging, made, changes.entries)
            return write_files(docs, _encoded(pages)), made

        register = worker.start("the register pages", write_register, fork)
        try:
            kept = write_files(docs, assets().items())
            only = None if session is None else session.texts_to_make(changes, docs)
            written: dict[str, list[str]] = {}
            pages = text_pages(corpus, ui, layout, settings.edition, settings.paging, only, written)
            kept |= write_files(docs, _encoded(pages))
            register_kept, made = register.wait()
            kept |= register_kept
        finally:
            register.cancel()
        if session is not None:
            assert made is not None
            kept |= session.made(written, made, layout)
        prune(docs, GENERATED_DIRS, kept)
    except BaseException as exc:
        if build is None:
            policy.end()
        else:  # the data files' process too
            build.cancel()
        if session is not None and not isinstance(exc, EditionError):
            session.forget()  # what it holds may not be what the files are
        raise
    return build


def is_generated(settings: Settings, layout: Layout, path: Path) -> bool:
    """Whether ``path`` is a file a build writes, not an editor: a generated page or asset
    under ``docs``, a text's paragraph ID ledger, the passage lock, the cache. A watcher that
    rebuilds on changes to sources ignores them (a build would otherwise wake it again)."""
    path = path.absolute()
    docs = settings.docs.absolute()
    pages = (addresses.search(), addresses.assignment("index"))
    written = {docs / layout.source(page, ui) for page in pages for ui in settings.ui_languages}
    written.add(assignments.folder(docs) / assignments.LOCK_NAME)
    made = (settings.cache.absolute(), *(docs / folder for folder in GENERATED_DIRS))
    return (
        path in written
        or any(path.is_relative_to(folder) for folder in made)
        or (path.name == LEDGER_NAME and path.is_relative_to(settings.seeds.absolute()))
    )


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
    docs: Path,
    corpus: Corpus,
    ui_languages: tuple[str, ...],
    layout: Layout,
    strict: bool = False,
) -> list[assignments.Assignment]:
    """Load and check the assignments, write their index pages (one per UI language) and
    bring the passage lock up to date; raises EditionError naming every bad reference.

    An assigned passage whose words changed since the lock recorded them (a teacher's link
    would show other words) is never passed over in silence: a ``strict`` build stops with
    :class:`~edition.analysis.assignments.PassagesChanged`, as ``check`` reports it; otherwise
    the passage comes back with its changes, and its page shows a notice."""
    lock = assignments.read_lock(docs)
    found = assignments.reviewed(assignments.load_assignments(docs, corpus, ui_languages), lock)
    if strict:
        changed, _ = assignments.review(found, lock)
        if changed:
            raise assignments.PassagesChanged(changed)
    files = {
        rel: content.encode()
        for ui in ui_languages
        for rel, content in _files(
            layout, ui, iter([assignment_pages.index_page(found, ui, ui_languages[0])])
        )
    }
    sync_tree(docs, (), files)
    write_lock(docs, assignments.merged_lock(lock, found))
    return found
