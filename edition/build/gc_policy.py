"""Cyclic garbage collection paused for a phase that makes many objects and no cycles.

CPython's collector walks every tracked object at each full collection, and it runs one
for every so many objects made. With an edition loaded (millions of objects: texts,
sentences, register) the annotation spent about 40 % of its CPU time in the collector
(200-text synthetic edition), collecting nothing: its objects (mentions, analyses) are freed
by reference counting or kept. Loading the texts and the register is paused the same way,
and ``site.generate`` freezes the corpus once it is annotated;
the search index, made after that, still gains about a tenth from the pause.
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
