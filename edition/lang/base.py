"""The interface every language module implements."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Language:
    """What the edition needs to know about one language.

    ``abbreviations`` are lower-case words that, followed by a full stop, never end a
    sentence. ``year_suffixes`` are letters glued to a year ("1934р.") with the same effect.
    Morphology (lemmas for matching and search) is added by the analyser layer.
    """

    code: str
    abbreviations: frozenset[str] = field(default_factory=frozenset)
    year_suffixes: frozenset[str] = field(default_factory=frozenset)
