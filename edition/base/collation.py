"""Alphabetical order and index letters of a language, from ICU (PyICU).

ICU carries the CLDR tailorings: Polish sorts Ł after L, Ś after S, Ź and Ż after Z;
Ukrainian sorts Ґ after Г, Є after Е, І and Ї after И. Punctuation and spaces are
"shifted" (ignored unless everything else is equal), so an apostrophe (``ім'я``) or a
hyphen (``Kaj-szek``) does not change a name's place. ``AlphabeticIndex`` gives the
letters of the language's alphabet that a reader expects in a letter bar (``Ó`` in
Polish, no ``Ё`` in Ukrainian); names in another script fall under an "other" bucket.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import icu

OTHER = "…"  # ICU's label for names before or after the language's alphabet


@dataclass(frozen=True)
class Collation:
    """Sort keys and index letters for one language."""

    collator: icu.Collator
    index: icu.ImmutableIndex

    def key(self, text: str) -> bytes:
        return self.collator.getSortKey(text)

    def letter(self, text: str) -> str:
        """The letter-bar bucket of ``text``: ``Ł`` for ``Łódź`` in Polish, else OTHER."""
        return self.index.getBucket(self.index.getBucketIndex(text))[0]

    @property
    def letters(self) -> list[str]:
        """The letters of the alphabet, in order, without the "other" buckets."""
        labels = [self.index.getBucket(i)[0] for i in range(self.index.bucketCount)]
        return [x for x in labels if x != OTHER]


@cache
def collation(code: str) -> Collation:
    locale = icu.Locale(code)
    collator = icu.Collator.createInstance(locale)
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    return Collation(collator, icu.AlphabeticIndex(locale).buildImmutableIndex())
