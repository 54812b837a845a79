"""Languages the edition knows: one module per language behind one interface.

Adding a language is adding a module here that defines ``LANGUAGE``; nothing else
in the package branches on a language code.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from edition.base.lang.base import Language

__all__ = ["Language", "get", "known_codes"]


@cache
def known_codes() -> frozenset[str]:
    return frozenset(
        m.name for m in pkgutil.iter_modules(__path__) if m.name != "base" and not m.ispkg
    )


@cache
def get(code: str) -> Language:
    """The language with ISO 639-1 ``code``; raises KeyError for an unknown code."""
    if code not in known_codes():
        raise KeyError(code)
    return importlib.import_module(f"{__name__}.{code}").LANGUAGE
