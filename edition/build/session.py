"""What one build keeps in memory for the next build of the same process: the rebuilds of
``mkdocs serve``, where one edit to one text must show in seconds.

A :class:`Session` (the MkDocs face keeps one while it serves) remembers what the last
build read and made, and tells the next one what it can take over:

- the register, when none of its files changed (their size, times and inode: ``os.stat``),
  and each text, when no file of its folder changed: the others are read again;
- each text's analysis, in memory, while the text and the register are the ones it was
  made from (a text read again is looked up in the on-disk cache first, see
  ``edition.analysis.cache``);
- each text's pages (reading page, parallel view, translations): made again only for the
  texts read again, the others left as their files are;
- the register's pages (``edition.web.register_pages.Made``): made again only for the
  entries mentioned in a changed text, before or after the change, and the index pages
  only if an entry's count or page changed;
- the data files (``Changes.data_files``): a text's TEI and citation files only for the
  texts read again, the popups only when the register changed.

Anything else (the settings, the UI languages, a failed build) and the session starts
over: the next build is a whole one. ``mkdocs build`` uses no session, so a cold build is
exactly what it was; a test proves that a build through a session after an edit writes
the same files as a cold build of the edited edition.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from edition.analysis.cache import Analysis, AnalysisCache
from edition.analysis.corpus import Corpus, annotate_corpus
from edition.base.addresses import Address
from edition.base.errors import EditionError, Problem, raise_if
from edition.base.ledger import LEDGER_NAME
from edition.base.register import Register, load_register, register_files
from edition.base.sources import Text, load_texts
from edition.build.settings import Settings
from edition.web.register_pages import Made

# A file's identity and version as the system reports them: any write changes them.
_Stamp = tuple[int, int, int, int]
_Stamps = dict[str, _Stamp]


def _stamp(path: Path) -> _Stamp:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def _folder_stamps(folder: Path) -> _Stamps:
    """Every file directly in ``folder`` (a text's folder holds no subfolders it reads)."""
    with os.scandir(folder) as found:
        return {e.name: _stamp(Path(e.path)) for e in found if e.is_file()}


def _text_folders(seeds: Path) -> list[Path]:
    """The folders ``load_texts`` reads (the same rule)."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.iterdir() if p.is_dir() and p.name[0] not in "._")


class _Remembered(AnalysisCache):
    """The on-disk analysis cache, with the analyses of this session's texts in memory: a
    text object the session took over has the analysis it had."""

    def __init__(self, disk: AnalysisCache) -> None:
        super().__init__(disk.folder, disk.context)
        self.memory: dict[str, tuple[Text, Analysis]] = {}

    def get(self, text: Text) -> Analysis | None:
        kept = self.memory.get(text.id)
        if kept is not None and kept[0] is text:
            return kept[1]
        found = super().get(text)
        if found is not None:
            self.memory[text.id] = (text, found)
        return found

    def put(self, text: Text, analysis: Analysis) -> None:
        super().put(text, analysis)
        self.memory[text.id] = (text, analysis)


@dataclass
class Changes:
    """What a build through a session must make again; ``None``: everything."""

    texts: set[str] | None  # IDs of the texts read again (or gone)
    entries: set[str] | None  # IDs of the entries whose occurrences may have changed

    @property
    def whole(self) -> bool:
        return self.texts is None


@dataclass
class Session:
    """What the last build of this process read and made (see the module's docstring)."""

    settings: Settings | None = None
    register: tuple[_Stamps, Register] | None = None
    texts: dict[str, tuple[_Stamps, Text]] = field(default_factory=dict)
    analyses: _Remembered | None = None
    corpus: Corpus | None = None
    # text ID -> the page files (relative to ``docs``) its pages were written to
    text_pages: dict[str, list[str]] = field(default_factory=dict)
    register_pages: Made | None = None
    landed: bool = False  # a build moved a whole set of data files into the site
    # the texts (IDs; None: all) whose data files may differ from those in the site, and
    # whether the popups may: what builds whose data files never landed changed
    pending_texts: set[str] | None = None
    pending_register: bool = True

    def forget(self) -> None:
        """Start over: the next build is a whole one (after a failed build)."""
        self.__init__()  # type: ignore[misc]

    def register_pages_made(self) -> Made:
        """What the register pages of this build are to fill: the last build's (for a build
        that is not whole, see :meth:`load`), else a new record."""
        return self.register_pages or Made()

    def texts_to_make(self, changes: Changes, docs: Path) -> set[str] | None:
        """The IDs of the texts whose pages must be made (None: all): those read again, and
        those whose page files are not there."""
        if changes.texts is None:
            return None
        assert self.corpus is not None
        return changes.texts | {
            t.id
            for t in self.corpus.texts
            if t.id not in self.text_pages or not _exist(docs, self.text_pages[t.id])
        }

    def made(self, written: dict[str, list[str]], made: Made, layout: _Layout) -> set[str]:
        """Record the page files this build wrote (``written``: text ID -> files; ``made``:
        the register's pages) and return every page file the build keeps."""
        assert self.corpus is not None
        self.text_pages = {
            t.id: written.get(t.id) or self.text_pages[t.id] for t in self.corpus.texts
        }
        self.register_pages = made
        kept = {rel for files in self.text_pages.values() for rel in files}
        kept |= {layout.source(a, ui) for found in made.pages.values() for ui, a in found}
        return kept

    def data_files(self, changes: Changes, site: Path) -> tuple[set[str] | None, bool, Path | None]:
        """What the data files of this build are to be: the texts (IDs; None: all) whose own
        files to make, whether to make the popups, and the folder of the files already in
        the site (only the files that differ are written)."""
        if changes.texts is None or self.pending_texts is None:
            self.pending_texts, self.pending_register = None, True
        else:
            self.pending_texts |= changes.texts
        texts = None if self.pending_texts is None else set(self.pending_texts)
        return texts, self.pending_register, site if self.landed else None

    def data_landed(self) -> None:
        """The data files of the last build are in the site."""
        self.landed, self.pending_texts, self.pending_register = True, set(), False

    def load(
        self, settings: Settings, cache: Callable[[], AnalysisCache]
    ) -> tuple[Corpus, Changes]:
        """The texts and the register, read again where their files changed, the corpus
        annotated (from memory where the text and the register are the same), and what
        changed since the last build; raises EditionError."""
        if settings != self.settings:
            self.forget()
        folders = _text_folders(settings.seeds)
        stamps = {f.name: _folder_stamps(f) for f in folders}
        register_stamps = {str(p): _stamp(p) for p in register_files(settings.glossary)}
        register = (
            self.register[1] if self.register and self.register[0] == register_stamps else None
        )
        problems: list[Problem] = []
        if register is None:
            try:
                register = load_register(settings.glossary, settings.ui_languages)
            except EditionError as exc:
                problems += exc.problems
        kept = {
            name: self.texts[name][1]
            for name in stamps
            if name in self.texts and self.texts[name][0] == stamps[name]
        }
        again = [name for name in stamps if name not in kept]
        fresh: list[Text] = []
        if again or not stamps:
            try:
                fresh = load_texts(settings.seeds, settings.ui_languages, again or None)
            except EditionError as exc:
                problems += exc.problems
        raise_if(problems)
        assert register is not None
        texts = sorted([*kept.values(), *fresh], key=lambda t: t.id)
        whole = (
            self.register is None
            or self.register[1] is not register
            or self.corpus is None
            or self.register_pages is None
        )
        if whole or self.analyses is None:
            self.analyses = _Remembered(cache())
        corpus = annotate_corpus(texts, register, self.analyses)
        if whole:
            changes = Changes(None, None)
        else:
            assert self.corpus is not None
            gone = set(self.texts) - set(stamps)
            changed = {t.id for t in fresh} | gone
            changes = Changes(
                changed, _mentioned(self.corpus, changed) | _mentioned(corpus, changed)
            )
        for text in fresh:
            if text.ledger_is_stale():
                ledger = text.folder / LEDGER_NAME
                ledger.write_text(text.ledger_text, "utf-8")
                stamps[text.id][LEDGER_NAME] = _stamp(ledger)
        self.settings = settings
        self.register = register_stamps, register
        self.texts = {t.id: (stamps[t.id], t) for t in texts}
        self.corpus = corpus
        return corpus, changes


def _mentioned(corpus: Corpus, texts: set[str]) -> set[str]:
    """The IDs of the entries mentioned in any version of the ``texts`` (IDs)."""
    return {
        m.ref
        for (text_id, _), per_paragraph in corpus.mentions.items()
        if text_id in texts
        for mentions in per_paragraph.values()
        for m in mentions
    }


class _Layout(Protocol):
    def source(self, page: Address, ui: str) -> str: ...


def _exist(docs: Path, files: list[str]) -> bool:
    return all((docs / rel).is_file() for rel in files)
