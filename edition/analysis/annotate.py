"""Finds register entries in text, in any inflected form: longest match wins, no overlaps.

Each name and variant of an entry becomes a pattern of words. A text word matches a
pattern word when
- the case gate lets it through: a capitalised pattern word needs a capitalised text word,
  an acronym (ZSRR) a word in capitals; a lower-case pattern word takes any case;
- and they share a dictionary lemma, or the text word is unknown to the dictionary and
  shares a fallback stem with the pattern word.
Punctuation in a name ("Д. В. Богомолов") must stand in the text as it stands in the name.
Where several patterns match at one place, the one with most words wins, then the longer
span, then the entry listed first; matching then resumes after it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress

from edition.base.lang import Language
from edition.base.morphology import TOKEN, Analysis, analyser, normalise
from edition.base.register import Register

_SUFFIX = re.compile(r"[-'’ʼ]")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    ref: str


@dataclass(frozen=True, slots=True, eq=False)  # one object per name word: hashed by identity
class _Word:
    text: str
    analysis: Analysis
    gate: str  # "acronym", "capital" or "any"
    is_word: bool

    def accepts(self, token: str, analysis: Analysis) -> bool:
        if not self.is_word:
            return token == self.text
        if self.gate == "acronym" and not _SUFFIX.split(token, maxsplit=1)[0].isupper():
            return False  # "USSR's" and "KPJ-u" are the acronym with an ending
        if self.gate == "capital" and not token[0].isupper():
            return False
        if analysis.lemmas & self.analysis.lemmas:
            return True
        return not analysis.known and bool(analysis.stems & self.stems)

    @property
    def stems(self) -> frozenset[str]:
        return self.analysis.stems or self.analysis.lemmas


@dataclass(frozen=True, slots=True)
class _Pattern:
    ref: str
    words: tuple[_Word, ...]
    order: int


class _Starts(dict[str, tuple[_Pattern, ...]]):
    """Text form -> the patterns it may start, worked out when the form is first met."""

    def __init__(self, starting: Callable[[str], tuple[_Pattern, ...]]) -> None:
        super().__init__()
        self._starting = starting

    def __missing__(self, token: str) -> tuple[_Pattern, ...]:
        self[token] = found = self._starting(token)
        return found


def _gate(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "acronym"
    return "capital" if word[0].isupper() else "any"


class Matcher:
    """The register's names in one language, ready to be found in text.

    Word forms repeat massively in any corpus, so what depends on one form alone is worked
    out once per distinct form and kept: the patterns a form may start (those whose first
    word accepts it, best first) and whether a pattern word accepts it. Per token, finding
    is then a dictionary lookup, and for the few tokens that start a name, a check of the
    following words.
    """

    def __init__(self, register: Register, language: Language):
        self.analyser = analyser(language)
        words: dict[str, _Word] = {}
        groups: dict[str, list[_Pattern]] = {}
        order = 0
        for entry in register:
            for name in dict.fromkeys(entry.names.get(language.code, ())):
                tokens = TOKEN.findall(name)
                if not tokens:
                    continue
                pattern_words = tuple(
                    words.get(t) or words.setdefault(t, self._word(t)) for t in tokens
                )
                groups.setdefault(tokens[0], []).append(_Pattern(entry.id, pattern_words, order))
                order += 1
        # Key (lemma or stem) -> first words of patterns indexed under it.
        self._index: dict[str, list[_Word]] = defaultdict(list)
        self._groups = {words[first]: patterns for first, patterns in groups.items()}
        for first in self._groups:
            for key in first.analysis.lemmas | (first.analysis.stems if first.is_word else set()):
                self._index[key].append(first)
        # Text form -> the patterns it may start, best first; (pattern word, form) -> accepted.
        self._starts = _Starts(self._starting)
        self._accepts: dict[tuple[_Word, str], bool] = {}

    def _word(self, text: str) -> _Word:
        is_word = text[0].isalnum() or text[0] == "_"
        analysis = self.analyser.analyse(text)
        if is_word and analysis.known:
            # A name's own words may also stand in the text unknown to the dictionary.
            analysis = Analysis(analysis.lemmas, self.analyser.stems(normalise(text)), True)
        return _Word(text, analysis, _gate(text) if is_word else "exact", is_word)

    def _starting(self, token: str) -> tuple[_Pattern, ...]:
        """The patterns whose first word accepts ``token``, best first: most words, then
        the entry listed first. (At one place, patterns of as many words span as much text,
        so this is the order in which they win.)"""
        analysis = self.analyser.analyse(token)
        firsts = {w for key in analysis.keys for w in self._index.get(key, ())}
        found = [p for w in firsts if w.accepts(token, analysis) for p in self._groups[w]]
        found.sort(key=lambda p: (-len(p.words), p.order))
        return tuple(found)

    def _accepted(self, word: _Word, token: str) -> bool:
        self._accepts[(word, token)] = found = word.accepts(token, self.analyser.analyse(token))
        return found

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, without overlaps: at each place, the
        first pattern (best first) whose every word accepts the text's words there.

        Most tokens start no name: the patterns each token may start are looked up for all
        tokens at once, and only the places where some may start are visited."""
        tokens = TOKEN.findall(text)
        starting = list(map(self._starts.__getitem__, tokens))
        matches: list[re.Match[str]] | None = None  # the tokens' offsets, once needed
        accepts = self._accepts
        mentions: list[Mention] = []
        end = 0  # the first token after the last mention
        for i in compress(range(len(tokens)), starting):
            if i < end:
                continue
            for pattern in starting[i]:
                n = len(pattern.words)
                if i + n > len(tokens):
                    continue
                for k, word in enumerate(pattern.words[1:], i + 1):
                    ok = accepts.get((word, tokens[k]))
                    if not (self._accepted(word, tokens[k]) if ok is None else ok):
                        break
                else:  # every word accepted: the best pattern here
                    if matches is None:
                        matches = list(TOKEN.finditer(text))
                    mentions.append(
                        Mention(matches[i].start(), matches[i + n - 1].end(), pattern.ref)
                    )
                    end = i + n
                    break
        return mentions
