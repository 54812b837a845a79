"""The site's data files, made beside the pages: the search index, the popup data and the
open data.

They are not pages: the static-site generator has nothing to do with them but copy them,
and they cost as much to make as all the pages together (the search index most). So on a
large edition they are made in a process of their own (forked: it inherits the annotated
corpus rather than having it pickled) while the generator builds the pages on the other
core, and written straight into the built site's folder once the generator has emptied it
(:meth:`DataFiles.publish`). Their memory (the search index's is the largest structure of
a build) goes back to the system when that process ends.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from . import export, popups, render, search
from .corpus import PARALLEL_FROM, Corpus
from .tree import write_files


def files(corpus: Corpus, ui_languages: tuple[str, ...]) -> Iterator[tuple[str, bytes]]:
    """Every data file, path relative to the site's root -> content, one kind at a time (each
    kind's structures are released before the next is made)."""
    yield from search.files(search.build(corpus)).items()
    yield from popups.files(corpus.register, ui_languages, render.popup_html).items()
    for rel, content in export.files(corpus, ui_languages).items():
        yield rel, content.encode()


# What the forked process reads: set just before it forks (inherited, not pickled).
_inherited: tuple[Corpus, tuple[str, ...]] | None = None


def _make_and_write(conn: Connection) -> None:
    """In the forked process: make the files, wait for the folder, write them; send back
    ``None``, or what went wrong."""
    assert _inherited is not None
    corpus, ui_languages = _inherited
    try:
        made = files(corpus, ui_languages)
        first = next(made, None)
        target = Path(conn.recv())
        if first is not None:
            write_files(target, [first])
            write_files(target, made)
        conn.send(None)
    except BaseException:
        conn.send(traceback.format_exc())


class DataFiles:
    """The data files of one build, started as soon as the corpus is annotated.

    ``publish(folder)`` says where to write them (the built site's root, once it has been
    emptied); ``wait()`` returns when they are all written. A small edition, or a platform
    without ``fork``, makes them in this process, in ``wait``.
    """

    def __init__(self, corpus: Corpus, ui_languages: tuple[str, ...]) -> None:
        global _inherited
        self._corpus, self._ui_languages = corpus, ui_languages
        self._target: Path | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if (
            len(corpus.texts) < PARALLEL_FROM
            or "fork" not in multiprocessing.get_all_start_methods()
        ):
            return
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        _inherited = (corpus, ui_languages)
        try:
            self._process = context.Process(target=_make_and_write, args=(child,), daemon=True)
            self._process.start()
        finally:
            _inherited = None
        child.close()

    def publish(self, target: Path) -> None:
        self._target = target
        if self._process is not None:
            self._conn.send(str(target))

    def wait(self) -> None:
        """Raises RuntimeError if the files could not be made (a bug, not bad input: the
        sources were checked when the corpus was loaded)."""
        if self._target is None:
            raise RuntimeError("the data files were never given a folder (publish)")
        if self._process is None:
            write_files(self._target, files(self._corpus, self._ui_languages))
            return
        try:
            failure = self._conn.recv()
        except EOFError:
            failure = f"the process ended with exit code {self._process.exitcode}"
        self._process.join()
        self._conn.close()
        self._process = None
        if failure is not None:
            raise RuntimeError(f"making the search index, popup and open data failed:\n{failure}")

    def cancel(self) -> None:
        """Stop making them (the build failed)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._conn.close()
            self._process = None
