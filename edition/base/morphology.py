"""Word analysis for matching: dictionary lemmas, or stems for words the dictionary lacks.

A hybrid: a real analyser's candidate lemmas for known words (``benchmarks/dictionary_eval.py``
measures it), and a closed list of endings for unknown ones (foreign names such as
"Chunguzów"; the language module's stems know its alternations), behind a case gate
applied by the matcher. Proper-name readings are kept apart (``Analysis.names``) so that
the matcher can tell a name from a common word that shares its letters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from edition.base.lang import Language

# Characters that may stand inside a word without being seen: the soft hyphen, the zero-width
# non-joiner and joiner, the word joiner. A word is compared without them.
IGNORABLE = "\u00ad\u200c\u200d\u2060"
# A word: starts with a letter, digit or underscore (Python's ``\w``); then also combining marks
# (a word typed decomposed: "z" + U+0307 for "ż") and the ignorable characters; inner hyphens
# and apostrophes kept ("Kaj-szek", "з'ясувати"). Anything else that is not space is a token of
# its own ("." of "Д. В."). Tokens are found in the text as it is, so that their offsets are
# the page's; what is compared is the word's :func:`form`. (``regex`` for ``\p{M}``: ``re``
# has no class of combining marks.)
_START = r"[\p{L}\p{N}_]"
_INNER = rf"[\p{{L}}\p{{M}}\p{{N}}_{IGNORABLE}]"
WORD = regex.compile(rf"{_START}{_INNER}*(?:[-'’ʼ]{_START}{_INNER}*)*")
# An ignorable character outside a word is no token (it is invisible, and never part of a name).
TOKEN = regex.compile(rf"{WORD.pattern}|[^\p{{L}}\p{{N}}_\s{IGNORABLE}]")
_IGNORED = regex.compile(f"[{IGNORABLE}]")


def normalise(word: str) -> str:
    """The form words are compared in: :func:`form`, lower case. Never shown on a page."""
    return form(word).lower()


def form(word: str) -> str:
    """``word`` as it is analysed: composed (NFC), with one apostrophe and without the
    ignorable characters: "z" + U+0307 is "ż", "Man" + U+00AD + "dżurii" is "Mandżurii".
    (``str.replace`` is ten times faster than ``translate`` for the apostrophes: the table is
    a dict, Python-level lookups for every non-ASCII letter.)"""
    word = word.replace("’", "'").replace("ʼ", "'")
    if word.isascii():
        return word
    return unicodedata.normalize("NFC", _IGNORED.sub("", word))


@dataclass(frozen=True, slots=True)
class Analysis:
    lemmas: frozenset[str]  # dictionary lemmas, or the normalised word itself if unknown
    stems: frozenset[str]  # fallback stems; empty for words the dictionary knows
    known: bool
    names: frozenset[str] = frozenset()  # proper-name readings (``lang.base.Lookup.names``)

    @property
    def keys(self) -> frozenset[str]:
        """Every key under which a name starting with this word may be indexed."""
        return self.lemmas | self.stems if self.stems else self.lemmas


class Analyser:
    """Analyses words of one language, caching each distinct form (see :func:`analyser`)."""

    def __init__(self, language: Language):
        self.language = language
        self._cache: dict[str, Analysis] = {}

    def analyse(self, word: str) -> Analysis:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._analyse(word)
        return found

    def _analyse(self, word: str) -> Analysis:
        norm = normalise(word)
        found = self.language.lookup(form(word))
        if found:
            lemmas = frozenset(normalise(x) for x in found.lemmas) | {norm}
            return Analysis(lemmas, frozenset(), True, found.names)
        return Analysis(frozenset({norm}), self.stems(norm), False)

    def stems(self, norm: str) -> frozenset[str]:
        """The language's fallback stems of ``norm`` (endings and stem alternations)."""
        return self.language.stems(norm)


@cache
def analyser(language: Language) -> Analyser:
    """The analyser of ``language`` shared by the matcher and the search index, so that a
    form is analysed once per process, whoever needs it first (dictionary look-ups are most
    of the cost of analysis). Its cache lives as long as the process: it holds the corpus
    vocabulary and the register's words, a few MB."""
    return Analyser(language)
