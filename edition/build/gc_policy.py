"""The build's garbage-collector policy, in one place.

CPython's cyclic collector walks every tracked object at each full collection. A build
makes millions of objects (texts, sentences, the register, mentions, the search index) that
form no cycles and are freed by reference counting or kept to the end, so the collector
would walk them again and again and find nothing (measured in ``benchmarks/``). So a build
(:class:`BuildPolicy`, made by :func:`edition.build.generate.generate`) loads and annotates
with the collector paused, then freezes the analysed corpus (``gc.freeze``), which also keeps
the forked second processes from copying the memory pages it lives in, and lets the
collector run again: the pages and data files make garbage with cycles, and a collector
paused for all of them would hold it to the end. The search index, the largest structure
and free of cycles, is made with it paused (:func:`paused`). When the build ends or fails,
:meth:`BuildPolicy.end` unfreezes and leaves the collector as it was found, so that the
rebuilds of ``mkdocs serve`` do not pile frozen corpora up.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside the ``with`` block (reference counting goes on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class BuildPolicy:
    """The collector over one build: paused from the moment this is made until
    :meth:`loaded`."""

    def __init__(self) -> None:
        self._enabled = gc.isenabled()
        self._frozen = False
        gc.disable()

    def loaded(self) -> None:
        """The corpus is made: collect what loading left, move every live object (the
        corpus) out of the collector's reach for the rest of the build, and let it run."""
        gc.collect()
        gc.freeze()
        self._frozen = True
        self._resume()

    def end(self) -> None:
        """The build is over: the collector sees every object again, as before the build."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        self._resume()

    def _resume(self) -> None:
        if self._enabled:
            gc.enable()
