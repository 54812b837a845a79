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
from dataclasses import dataclass

from .lang import Language
from .morphology import TOKEN, Analyser, Analysis, normalise
from .register import Register

_SUFFIX = re.compile(r"[-'’ʼ]")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    ref: str


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True)
class _Pattern:
    ref: str
    words: tuple[_Word, ...]
    order: int


@dataclass
class _Group:
    """The patterns that start with one word, longest first: the first word is tested once."""

    first: _Word
    patterns: list[_Pattern]


def _gate(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "acronym"
    return "capital" if word[0].isupper() else "any"


class Matcher:
    """The register's names in one language, ready to be found in text."""

    def __init__(self, register: Register, language: Language):
        self.analyser = Analyser(language)
        words: dict[str, _Word] = {}
        groups: dict[str, _Group] = {}
        order = 0
        for entry in register:
            for name in dict.fromkeys(entry.names.get(language.code, ())):
                tokens = TOKEN.findall(name)
                if not tokens:
                    continue
                pattern_words = tuple(
                    words.get(t) or words.setdefault(t, self._word(t)) for t in tokens
                )
                group = groups.setdefault(tokens[0], _Group(pattern_words[0], []))
                group.patterns.append(_Pattern(entry.id, pattern_words, order))
                order += 1
        self._index: dict[str, list[_Group]] = defaultdict(list)
        for group in groups.values():
            group.patterns.sort(key=lambda p: (-len(p.words), p.order))
            first = group.first
            for key in first.analysis.lemmas | (first.analysis.stems if first.is_word else set()):
                self._index[key].append(group)

    def _word(self, text: str) -> _Word:
        is_word = text[0].isalnum() or text[0] == "_"
        analysis = self.analyser.analyse(text)
        if is_word and analysis.known:
            # A name's own words may also stand in the text unknown to the dictionary.
            analysis = Analysis(analysis.lemmas, self.analyser.stems(normalise(text)), True)
        return _Word(text, analysis, _gate(text) if is_word else "exact", is_word)

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, without overlaps."""
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        analyses = [self.analyser.analyse(t) for _, _, t in tokens]
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            best = self._best_at(i, tokens, analyses)
            if best is None:
                i += 1
                continue
            pattern, n = best
            mentions.append(Mention(tokens[i][0], tokens[i + n - 1][1], pattern.ref))
            i += n
        return mentions

    def _best_at(self, i, tokens, analyses) -> tuple[_Pattern, int] | None:
        analysis = analyses[i]
        token = tokens[i][2]
        seen: set[int] = set()
        best: tuple[tuple[int, int, int], _Pattern, int] | None = None
        for key in analysis.keys:
            for group in self._index.get(key, ()):
                if id(group) in seen:
                    continue
                seen.add(id(group))
                if not group.first.accepts(token, analysis):
                    continue
                for pattern in group.patterns:
                    n = len(pattern.words)
                    if best is not None and n < best[0][0]:
                        break  # longest first: nothing shorter can win
                    if i + n > len(tokens) or not all(
                        w.accepts(tokens[i + k][2], analyses[i + k])
                        for k, w in enumerate(pattern.words[1:], 1)
                    ):
                        continue
                    rank = (n, tokens[i + n - 1][1] - tokens[i][0], -pattern.order)
                    if best is None or rank > best[0]:
                        best = (rank, pattern, n)
                    break
        return (best[1], best[2]) if best else None
