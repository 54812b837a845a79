"""The interface every language module implements."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Language:
    """What the edition needs to know about one language.

    ``abbreviations`` are lower-case words that, followed by a full stop, never end a
    sentence; ``year_suffixes`` are letters glued to a year ("1934р.") with the same effect.
    ``endings`` is the closed list of inflectional endings by which a word the dictionary
    does not know is reduced to a stem. A subclass with a morphological dictionary
    overrides :meth:`lookup`.
    """

    code: str
    abbreviations: frozenset[str] = field(default_factory=frozenset)
    year_suffixes: frozenset[str] = field(default_factory=frozenset)
    endings: tuple[str, ...] = ()

    def lookup(self, word: str) -> frozenset[str] | None:
        """Lower-case candidate lemmas of ``word``, or None if the dictionary lacks it."""
        return None
