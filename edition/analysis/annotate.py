"""Finds register entries in text, in any inflected form: longest match wins, no overlaps.

Each name and variant of an entry becomes a pattern of words. A text word matches a
pattern word when
- the case gate lets it through: a capitalised pattern word needs a capitalised text word,
  an acronym (ZSRR) a word in capitals; a lower-case pattern word takes any case;
- and they share a dictionary lemma, or the text word is unknown to the dictionary and
  shares a fallback stem with the pattern word (stems know the language's alternations:
  Dakota/Dakocie, Гамбург/Гамбурзі; and Polish apostrophe endings: Shakespeare'a);
- or, for a hyphenated pattern word, the text word has as many hyphenated segments and
  each matches its own ("Аполлон-11"/"Аполлона-11", "Łuna-9"/"Łuny-9").

A name of one capitalised word is where a common word matches by accident ("Kim jesteś?"
is a form of *kto*, not Kim Ir Sen; "Dane" is not Dania; "Polskie Radio" is not Poland),
so such a name matches by a stricter rule:
- where the dictionary knows the name word as a proper name, a text word the dictionary
  knows matches only through a proper-name reading of the same lexeme, of the class of
  the entry's kind where the name word has one (a place entry "Polska" is the country,
  never the surname Polska of "Polskie");
- at a sentence start, in a language whose dictionary tags proper names fully, a text word
  the dictionary reads only as common words is no mention at all, not even in the exact
  spelling ("Kim jesteś?"): a sentence-initial capital says nothing of a name.
Words of longer names keep the plain rule: a common noun in a name ("Liga Narodów")
inflects, and the other words guard against accidents.

Hyphenated text words are matched whole first ("Czang Kaj-szeka", "Цин-Хуа", a register
name "Kraków-Balice"); a hyphenated word that is no mention as a whole is matched segment
by segment, each segment a word of its own ("rozmowy UE-Chiny": two mentions, "Telegram-
канал": one; "Kraków-Balice" without an entry of its own: a mention of Kraków).

Punctuation in a name ("Д. В. Богомолов") must stand in the text as it stands in the name.
Where several patterns match at one place, the one with most words wins, then the one whose
words stand in the text exactly as written (a variant "BASF-Wintershall" spelled so beats a
lemma match of another entry), then the entry listed first; matching then resumes after it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import compress

import regex

from edition.base.lang import Language
from edition.base.morphology import TOKEN, Analysis, analyser, normalise
from edition.base.register import Register

_SUFFIX = re.compile(r"[-'’ʼ]")
_SEGMENT = re.compile(r"[^-]+")
_TERMINATORS = frozenset(".!?…")
_OPENERS = frozenset("\"'«„“‘([—–-")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    ref: str


@dataclass(frozen=True, slots=True, eq=False)  # one object per name word: hashed by identity
class _Word:
    text: str
    analysis: Analysis
    gate: str  # "acronym", "capital", "any" or "exact"
    is_word: bool
    parts: tuple[_Word, ...] = ()  # the segments of a hyphenated word
    # For the one word of a capitalised one-word name (the stricter rule): the proper-name
    # readings it matches through (None: the plain rule), and whether a sentence-initial
    # word read only as common words is refused.
    names: frozenset[str] | None = None
    initial_guard: bool = False

    def accepts(self, token: str, analysis: Analysis, initial: bool = False) -> bool:
        if not self.is_word:
            return token == self.text
        if self.gate == "acronym" and not _SUFFIX.split(token, maxsplit=1)[0].isupper():
            return False  # "USSR's" and "KPJ-u" are the acronym with an ending
        if self.gate == "capital" and not token[0].isupper():
            return False
        if self.names is not None and analysis.known:
            if initial and self.initial_guard and not analysis.names:
                return False
            if self.names:
                return bool(analysis.names & self.names) or (
                    normalise(token) == normalise(self.text)
                )
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


def _gate(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "acronym"
    return "capital" if word[0].isupper() else "any"


class Matcher:
    """The register's names in one language, ready to be found in text.

    Word forms repeat massively in any corpus, so what depends on one form alone is worked
    out once per distinct form and kept: the patterns a form may start (those whose first
    word accepts it, best first; apart for sentence-initial forms) and whether a pattern
    word accepts it. Per token, finding is then a dictionary lookup, and for the few tokens
    that start a name, a check of the following words.
    """

    def __init__(self, register: Register, language: Language):
        self.language = language
        self.analyser = analyser(language)
        words: dict[tuple[str, str | None], _Word] = {}
        groups: dict[_Word, list[_Pattern]] = {}
        order = 0
        for entry in register:
            for name in dict.fromkeys(entry.names.get(language.code, ())):
                tokens = TOKEN.findall(name)
                if not tokens:
                    continue
                # The one word of a one-word name is a word of its own: the stricter rule
                # depends on the entry's kind.
                kind = entry.kind if len(tokens) == 1 else None
                pattern_words = tuple(
                    words.get((t, kind)) or words.setdefault((t, kind), self._word(t, kind))
                    for t in tokens
                )
                groups.setdefault(pattern_words[0], []).append(
                    _Pattern(entry.id, pattern_words, order)
                )
                order += 1
        # Key (lemma or stem) -> first words of patterns indexed under it.
        self._index: dict[str, list[_Word]] = defaultdict(list)
        self._groups = groups
        for first in groups:
            for key in self._keys(first):
                self._index[key].append(first)
        # Text form -> the patterns it may start, best first, inside a sentence and at its
        # start; (pattern word, form) -> accepted.
        self._starts: dict[str, tuple[_Pattern, ...]] = {}
        self._initial: dict[str, tuple[_Pattern, ...]] = {}
        self._accepts: dict[tuple[_Word, str], bool] = {}

    def _word(self, text: str, kind: str | None = None) -> _Word:
        """The pattern word ``text``; ``kind`` is the entry's kind if it is a one-word name."""
        is_word = text[0].isalnum() or text[0] == "_"
        if not is_word:
            return _Word(text, self.analyser.analyse(text), "exact", False)
        analysis = self.analyser.analyse(text)
        if analysis.known:
            # A name's own words may also stand in the text unknown to the dictionary.
            analysis = Analysis(
                analysis.lemmas, self.analyser.stems(normalise(text)), True, analysis.names
            )
        parts = tuple(self._word(s) for s in text.split("-")) if "-" in text else ()
        gate = _gate(text)
        if kind is None or gate == "any":
            return _Word(text, analysis, gate, True, parts)
        own = frozenset(n for n in analysis.names if n.endswith(f"@{kind}"))
        return _Word(
            text, analysis, gate, True, parts, own or analysis.names, self.language.names_tagged
        )

    def _keys(self, word: _Word) -> frozenset[str]:
        """The keys a first word is indexed under: its lemmas and stems, and for a
        hyphenated word those of its first segment."""
        keys = word.analysis.lemmas | (word.analysis.stems if word.is_word else frozenset())
        return keys | self._keys(word.parts[0]) if word.parts else keys

    def _token_keys(self, token: str, analysis: Analysis) -> frozenset[str]:
        head = token.split("-", 1)[0]
        if not head:  # no hyphenated word: a dash, or "-" before a word
            return analysis.keys
        return analysis.keys | self.analyser.analyse(head).keys

    def _accepts_token(self, word: _Word, token: str, initial: bool = False) -> bool:
        if word.accepts(token, self.analyser.analyse(token), initial):
            return True
        if not word.parts or token.count("-") != len(word.parts) - 1:
            return False
        return all(
            part.accepts(segment, self.analyser.analyse(segment))
            for part, segment in zip(word.parts, token.split("-"), strict=True)
        )

    def _starting(self, token: str, initial: bool) -> tuple[_Pattern, ...]:
        """The patterns whose first word accepts ``token``, best first: most words, then
        the entry listed first. (At one place, patterns of as many words span as much text,
        so this is the order in which they win.)"""
        analysis = self.analyser.analyse(token)
        keys = self._token_keys(token, analysis)
        firsts = {w for key in keys for w in self._index.get(key, ())}
        found = [
            p for w in firsts if self._accepts_token(w, token, initial) for p in self._groups[w]
        ]
        found.sort(key=lambda p: (-len(p.words), p.order))
        (self._initial if initial else self._starts)[token] = starting = tuple(found)
        return starting

    def _accepted(self, word: _Word, token: str) -> bool:
        self._accepts[(word, token)] = found = self._accepts_token(word, token)
        return found

    def _is_initial(self, tokens: list[str], i: int) -> bool:
        """Whether ``tokens[i]`` starts a sentence: it stands first, or after a terminator
        (past any opening quotes, brackets and dashes) that is not an abbreviation's or an
        initial's full stop."""
        j = i - 1
        while j >= 0 and tokens[j] in _OPENERS:
            j -= 1
        if j < 0:
            return True
        if tokens[j] not in _TERMINATORS:
            return False
        if tokens[j] == "." and j > 0:
            before = tokens[j - 1]
            if before.lower() in self.language.abbreviations or (
                len(before) == 1 and before.isupper()
            ):
                return False
        return True

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, without overlaps: at each place, the
        first pattern (best first) whose every word accepts the text's words there.

        Most tokens start no name: the patterns each token may start are looked up for all
        tokens at once, and only the places where some may start are visited."""
        tokens = TOKEN.findall(text)
        found = self._match(tokens, initial_first=None)
        hyphenated = [i for i, t in enumerate(tokens) if "-" in t] if "-" in text else []
        if not found and not hyphenated:
            return []
        matches = list(TOKEN.finditer(text))
        mentions = [Mention(matches[i].start(), matches[i + n - 1].end(), r) for i, n, r in found]
        if hyphenated:
            covered = {k for i, n, _ref in found for k in range(i, i + n)}
            for i in hyphenated:
                if i not in covered:
                    mentions.extend(self._segments(tokens, i, matches[i]))
            mentions.sort(key=lambda m: m.start)
        return mentions

    def _segments(self, tokens: list[str], i: int, match: regex.Match[str]) -> list[Mention]:
        """Mentions within the segments of the hyphenated word ``tokens[i]``."""
        spans = [(m.start(), m.end()) for m in _SEGMENT.finditer(match.group())]
        segments = [match.group()[a:b] for a, b in spans]
        at = match.start()
        return [
            Mention(at + spans[k][0], at + spans[k + n - 1][1], ref)
            for k, n, ref in self._match(segments, initial_first=self._is_initial(tokens, i))
        ]

    def _match(self, tokens: list[str], initial_first: bool | None) -> list[tuple[int, int, str]]:
        """``(first token, number of tokens, ref)`` of every mention in ``tokens``; whether
        the first token starts a sentence is ``initial_first``, or found from the tokens."""
        starting = list(map(self._starts.get, tokens))
        if None in starting:  # forms not met before
            for i, found in enumerate(starting):
                if found is None:
                    starting[i] = self._starting(tokens[i], False)
        accepts = self._accepts
        mentions: list[tuple[int, int, str]] = []
        end = 0  # the first token after the last mention
        for i in compress(range(len(tokens)), starting):
            if i < end:
                continue
            candidates: tuple[_Pattern, ...] = starting[i] or ()
            initial = initial_first if i == 0 and initial_first is not None else None
            if self._is_initial(tokens, i) if initial is None else initial:
                known = self._initial.get(tokens[i])
                candidates = self._starting(tokens[i], True) if known is None else known
            best: _Pattern | None = None
            for pattern in candidates:
                n = len(pattern.words)
                if best is not None and n < len(best.words):
                    break
                if i + n > len(tokens):
                    continue
                for k, word in enumerate(pattern.words[1:], i + 1):
                    ok = accepts.get((word, tokens[k]))
                    if not (self._accepted(word, tokens[k]) if ok is None else ok):
                        break
                else:  # every word accepted
                    if best is None:
                        best = pattern
                    if _exact(pattern, tokens, i):
                        best = pattern
                        break
            if best is not None:
                mentions.append((i, len(best.words), best.ref))
                end = i + len(best.words)
        return mentions


def _exact(pattern: _Pattern, tokens: list[str], i: int) -> bool:
    """Whether ``pattern``'s words stand at ``tokens[i:]`` exactly as written."""
    return all(w.text == t for w, t in zip(pattern.words, tokens[i:], strict=False))
