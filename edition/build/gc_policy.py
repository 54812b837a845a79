"""The build's garbage-collector policy, in one place.

CPython's cyclic collector walks every tracked object at each full collection. A build
makes millions of objects (texts, sentences, the register, mentions, the search index) that
form no cycles and are freed by reference counting or kept to the end, so the collector
would walk them again and again and find nothing (measured in ``benchmarks/``). So a build
(:class:`BuildPolicy`, made by :func:`edition.build.generate.generate`) runs with it paused
until its generated pages are written: loading and annotation, the pages, and the second
processes, which inherit the paused collector when they are forked (the search index is
theirs). The analysed corpus is frozen once made (``gc.freeze``), which also keeps the forked
processes from copying the memory pages it lives in; while the site builder renders the
pages the collector runs again, without walking the corpus. When the build ends or fails,
:meth:`BuildPolicy.end` unfreezes and leaves the collector as it was found, so that the
rebuilds of ``mkdocs serve`` do not pile frozen corpora up.
"""

from __future__ import annotations

import gc


class BuildPolicy:
    """The collector over one build: paused from the moment this is made."""

    def __init__(self) -> None:
        self._enabled = gc.isenabled()
        self._frozen = False
        gc.disable()

    def freeze(self) -> None:
        """Collect what loading left, then move every live object (the corpus) out of the
        collector's reach for the rest of the build."""
        gc.collect()
        gc.freeze()
        self._frozen = True

    def resume(self) -> None:
        """The generated pages are written: the collector runs again (if it did before)."""
        if self._enabled:
            gc.enable()

    def end(self) -> None:
        """The build is over: the collector sees every object again, as before the build."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        self.resume()
