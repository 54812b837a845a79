"""The build's garbage-collector policy, in one place.

CPython's cyclic collector walks every tracked object at each full collection. A build
makes millions of objects (texts, sentences, the register, mentions, the search index) that
form no cycles and are freed by reference counting or kept to the end, so the collector
would walk them again and again and find nothing (measured in ``benchmarks/``). So loading,
annotation and the search index run with it paused (:func:`paused_gc`); the analysed corpus
is frozen once made (:func:`freeze`), which also keeps the forked second process from
copying the memory pages it lives in; and :func:`thaw` undoes that when the build ends, so
that the rebuilds of ``mkdocs serve`` do not pile frozen corpora up.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the ``with`` block (reference counting goes on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze() -> None:
    """Collect what loading left (it ran paused), then move every live object out of the
    collector's reach for the rest of the build."""
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """The end of a build: the collector sees every object again."""
    gc.unfreeze()
