"""Writes the generated pages of an edition into the MkDocs ``docs`` folder.

Generated Markdown goes to a git-ignored folder under ``docs/`` in the suffix layout
mkdocs-static-i18n expects (``texts/<id>.<lang>.md``): files made in memory crash
or are dropped by that plugin (see the project notes). A file is written only when its
content changed, so ``mkdocs serve`` does not rebuild in a loop.
"""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import export, index_pages, popups, render, search
from .corpus import PARALLEL_FROM, Corpus, annotate_corpus
from .errors import EditionError, Problem
from .ledger import LEDGER_NAME
from .register import load_register
from .search_page import SEARCH_PAGE, search_page
from .sources import load_texts
from .strings import missing_ui_languages

GENERATED_DIRS = ("texts", "parallel", "register", "assets/edition")


@dataclass(frozen=True)
class Settings:
    """Where an edition lives and which UI languages it is built in."""

    root: Path
    ui_languages: tuple[str, ...]  # the default language first
    docs_dir: Path | None = None
    site_url: str = ""

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary"

    @property
    def docs(self) -> Path:
        return self.docs_dir or self.root / "docs"


def load(settings: Settings) -> Corpus:
    """Read, validate and annotate everything the build needs; raises EditionError."""
    missing = missing_ui_languages(settings.ui_languages)
    if missing:
        raise EditionError(
            [Problem(Path("edition/data/ui.yml"), None, f"no interface strings for {missing}")]
        )
    problems: list[Problem] = []
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


def pages(corpus: Corpus, ui_languages: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """Every generated page: (path relative to ``docs``, Markdown), one at a time (all the
    pages of a large edition at once would take gigabytes)."""
    for ui in ui_languages:
        yield f"texts/index.{ui}.md", render.catalogue_page(corpus.texts, ui)
        for text in corpus.texts:
            yield f"texts/{text.id}.{ui}.md", render.reading_page(corpus, text, ui)
            if text.translations:
                yield (
                    f"{render.PARALLEL_DIR}/{text.id}.{ui}.md",
                    render.parallel_page(corpus, text, ui),
                )
        yield from index_pages.pages(corpus, ui, default=ui == ui_languages[0]).items()
        yield f"{SEARCH_PAGE}.{ui}.md", search_page(corpus, ui)


def assets() -> dict[str, bytes]:
    """The browser-side files of the edition (scripts, styles, vendored shims)."""
    folder = Path(str(resources.files("edition").joinpath("assets")))
    return {
        f"assets/edition/{f.relative_to(folder).as_posix()}": f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def generate(settings: Settings) -> Corpus:
    """Load the edition and bring the generated files under ``docs`` up to date."""
    corpus = load(settings)
    for text in corpus.texts:
        if text.ledger_is_stale():
            (text.folder / LEDGER_NAME).write_text(text.ledger_text, "utf-8")
    search_index = _start_search_index(corpus, settings.docs)
    kept = write_files(settings.docs, _generated_files(corpus, settings))
    kept |= search_index()
    kept |= write_files(settings.docs, _open_data(corpus, settings))
    prune(settings.docs, GENERATED_DIRS, kept)
    return corpus


def _generated_files(corpus: Corpus, settings: Settings) -> Iterator[tuple[str, bytes]]:
    """The assets, the popup data and the pages, made one at a time."""
    yield from assets().items()
    yield from popups.files(corpus.register, settings.ui_languages, render.popup_html).items()
    for rel, content in pages(corpus, settings.ui_languages):
        yield rel, content.encode()


def _open_data(corpus: Corpus, settings: Settings) -> Iterator[tuple[str, bytes]]:
    for rel, content in export.files(corpus, settings.ui_languages).items():
        yield rel, content.encode()


# The corpus the search index's process reads: set just before it forks (inherited, not
# pickled).
_search_corpus: Corpus | None = None


def _write_search_index(docs: Path) -> set[str]:
    assert _search_corpus is not None
    return write_files(docs, search.files(search.build(_search_corpus)).items())


def _start_search_index(corpus: Corpus, docs: Path) -> Callable[[], set[str]]:
    """Write the search index; returns a call that waits for it and gives the files written.

    On a large edition the index is built in a process of its own, beside the pages: it
    uses the second core, and the memory of the index (the largest structure of the build,
    about 1 GB with 800 texts) goes back to the system when that process ends instead of
    staying in the MkDocs process for the rest of the build."""
    global _search_corpus
    if len(corpus.texts) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        _search_corpus = corpus
        try:
            written = _write_search_index(docs)
        finally:
            _search_corpus = None
        return lambda: written
    _search_corpus = corpus
    try:
        pool = multiprocessing.get_context("fork").Pool(1)
    finally:
        _search_corpus = None
    result = pool.apply_async(_write_search_index, (docs,))
    pool.close()

    def wait() -> set[str]:
        try:
            return result.get()
        finally:
            pool.join()

    return wait


def sync_tree(
    base: Path,
    managed: tuple[str, ...],
    files: Mapping[str, bytes] | Iterable[tuple[str, bytes]],
) -> None:
    """Make the ``managed`` folders under ``base`` hold exactly ``files``: path -> content,
    or (path, content) pairs made one at a time."""
    prune(base, managed, write_files(base, files))


def write_files(base: Path, files: Mapping[str, bytes] | Iterable[tuple[str, bytes]]) -> set[str]:
    """Write each file under ``base`` whose content differs; returns every path given."""
    kept: set[str] = set()
    made: set[Path] = set()  # folders known to exist: one mkdir per folder, not per file
    for rel, content in files.items() if isinstance(files, Mapping) else files:
        kept.add(rel)
        path = base / rel
        try:
            if path.read_bytes() == content:
                continue
        except FileNotFoundError:
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
        path.write_bytes(content)
    return kept


def prune(base: Path, managed: tuple[str, ...], kept: set[str]) -> None:
    """Remove from the ``managed`` folders under ``base`` every file not in ``kept``, and
    the folders left empty."""
    for folder in managed:
        root = base / folder
        if not root.exists():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(base).as_posix()
            if path.is_file() and rel not in kept:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
