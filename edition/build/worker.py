"""Work done by a second process on the second core while this process goes on.

:func:`start` forks a process that runs ``work`` and sends back, through a one-way pipe,
either its result or what went wrong: the problems of an :class:`EditionError`, or a
:class:`WorkerError` naming the exception and where it was raised (a bug, never bad input,
and never a traceback on the editor's screen). :meth:`Worker.wait` returns the result or
raises that error; :meth:`Worker.cancel` ends the process.

The process is forked, so it inherits the annotated corpus instead of having it pickled,
and its memory goes back to the system when it ends. Without ``fork`` (a small edition, or a
platform without it), ``work`` runs in this process when it is waited for.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Generic, TypeVar

from edition.base.errors import EditionError

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent.parent  # edition/


class WorkerError(RuntimeError):
    """The second process failed: a bug in the generator, not a problem of the sources
    (those were checked when the corpus was loaded)."""


def _described(what: str, exc: BaseException) -> str:
    """``what`` failed: the exception, and the innermost line of the edition's code it passed
    (else the line that raised it)."""
    frames = traceback.extract_tb(exc.__traceback__)[1:]  # below _run's own call of ``work``
    ours = [f for f in frames if Path(f.filename).is_relative_to(_PACKAGE)] or frames
    where = ""
    if ours:
        path = Path(ours[-1].filename)
        shown = path.relative_to(_PACKAGE.parent) if path.is_relative_to(_PACKAGE) else path
        where = f" (in {ours[-1].name}, {shown.as_posix()}:{ours[-1].lineno})"
    return (
        f"{what} could not be made: {type(exc).__name__}: {exc}{where}. This is a bug in the "
        "edition generator, not in the sources: please report it with this message."
    )


def _run(conn: Connection, what: str, work: Callable[[], object]) -> None:
    """The second process: send ``("result", value)``, ``("problems", [Problem])`` or
    ``("failed", message)``."""
    try:
        conn.send(("result", work()))
    except EditionError as exc:
        conn.send(("problems", exc.problems))
    except BaseException as exc:
        conn.send(("failed", _described(what, exc)))
    finally:
        conn.close()


class Worker(Generic[T]):
    """``work``, run by a second process (see :func:`start`)."""

    def __init__(self, what: str, work: Callable[[], T], fork: bool) -> None:
        self.what, self._work = what, work
        self._process: multiprocessing.process.BaseProcess | None = None
        if fork and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._conn, child = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(child, what, work), daemon=True)
            self._process.start()
            child.close()

    @property
    def forked(self) -> bool:
        return self._process is not None

    def wait(self) -> T:
        """The result of ``work``; raises its EditionError or a WorkerError."""
        if self._process is None:
            return self._work()
        try:
            kind, value = self._conn.recv()
        except EOFError:
            kind = "failed"
            value = f"{self.what} could not be made: the second process ended without a word"
        finally:
            self._end()
        if kind == "problems":
            raise EditionError(value)
        if kind == "failed":
            raise WorkerError(value)
        return value  # what ``work`` returned, through the pipe

    def kill(self) -> None:
        """End the second process, from another thread than the one waiting for it (which
        then gets a WorkerError and cleans up)."""
        process = self._process
        if process is not None:
            process.kill()

    def cancel(self) -> None:
        """End the second process and forget its work (the build failed)."""
        if self._process is not None:
            self._process.kill()
            self._end()

    def _end(self) -> None:
        assert self._process is not None
        self._process.join()
        self._conn.close()
        self._process = None


def start(what: str, work: Callable[[], T], fork: bool) -> Worker[T]:
    """Start ``work`` (named ``what`` in messages: "the register pages") in a second process
    where ``fork`` is asked for and possible; else it runs when waited for."""
    return Worker(what, work, fork)
