"""A build's second process: the work done on the second core while the first builds.

A build has two kinds of output besides the pages MkDocs renders from ``docs``: generated
pages that MkDocs must find in ``docs`` before it starts, and data files (the search index,
popup and open data) that MkDocs only copies. The second process takes a share of the
first kind (written while this process writes the rest: :meth:`Background.docs_written`
waits for it) and then makes all of the second kind while MkDocs builds the pages, writing
them straight into the built site's folder once MkDocs has emptied it
(:meth:`Background.publish`, :meth:`Background.wait`).

The process is forked, so it inherits the annotated corpus instead of having it pickled,
and its memory (the search index's is the largest structure of a build) goes back to the
system when it ends. A small edition, or a platform without ``fork``, does both in this
process, when they are waited for.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import traceback
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from pathlib import Path

from edition.build.tree import write_files

Files = Callable[[], Iterable[tuple[str, bytes]]]  # makes (path, content) pairs, one at a time


def _run(conn: Connection, docs: Path, docs_files: Files, site_files: Files) -> None:
    """The second process: write ``docs_files``, send their paths; make ``site_files``, wait
    for their folder, write them, send ``None``. What went wrong is sent instead."""
    try:
        conn.send(("docs", write_files(docs, docs_files())))
        made = iter(site_files())
        first = next(made, None)  # made before waiting for the folder
        target = Path(conn.recv())
        if first is not None:
            write_files(target, [first])
            write_files(target, made)
        conn.send(("site", None))
    except BaseException:
        conn.send(("failed", traceback.format_exc()))


class BackgroundError(RuntimeError):
    """The second process failed: a bug, not bad input (the sources were checked when the
    corpus was loaded)."""


class Background:
    def __init__(self, docs: Path, docs_files: Files, site_files: Files, fork: bool) -> None:
        self._docs, self._docs_files, self._site_files = docs, docs_files, site_files
        self._target: Path | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if not fork or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_run, args=(child, docs, docs_files, site_files), daemon=True
        )
        self._process.start()
        child.close()

    def _receive(self, expected: str) -> object:
        assert self._process is not None
        try:
            what, value = self._conn.recv()
        except EOFError:
            what, value = "failed", f"it ended with exit code {self._process.exitcode}"
        if what != expected:
            self.cancel()
            raise BackgroundError(f"the build's second process failed:\n{value}")
        return value

    def docs_written(self) -> set[str]:
        """Waits for the files under ``docs``; returns their paths."""
        if self._process is None:
            return write_files(self._docs, self._docs_files())
        written = self._receive("docs")
        assert isinstance(written, set)  # what ``_run`` sends: ``write_files``' paths
        return written

    def publish(self, target: Path) -> None:
        """The folder to write the site files into (emptied by MkDocs and ready)."""
        self._target = target
        if self._process is not None:
            # if it has already failed and gone, wait() reads why from the pipe
            with contextlib.suppress(OSError):
                self._conn.send(str(target))

    def wait(self) -> None:
        """Returns when the site files are written."""
        if self._target is None:
            raise BackgroundError("the site files were never given a folder (publish)")
        if self._process is None:
            write_files(self._target, self._site_files())
            return
        self._receive("site")
        self._process.join()
        self._conn.close()
        self._process = None

    def cancel(self) -> None:
        """Stop the second process (the build failed)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._conn.close()
            self._process = None
