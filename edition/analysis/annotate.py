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
lemma match of another entry); matching then resumes after it. Where several entries are
still tied (two ministries "MSZ", a company and its product), the text decides
(:meth:`Matcher.find_text`): the entry the same text names by a fuller name elsewhere
("Kim Ir Sen" before "Kim"), else the one it mentions most by names of its own; else the
entry whose ``preferred`` names the register lists the name under, else the entry listed
first. :meth:`Matcher.report` says all this per name for ``python -m edition check``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple

import regex

from edition.base.errors import Problem
from edition.base.lang import Language
from edition.base.lang.base import Reading
from edition.base.morphology import TOKEN, Analysis, analyser, form, normalise
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
    name: str  # as the register writes it
    preferred: bool = False  # the entry lists this name under ``preferred``


@dataclass(frozen=True, slots=True)
class Choice:
    """How the text decided a mention that several entries share: ``candidates`` in the
    order they would win without the text's evidence, ``reason`` why ``mention.ref`` won."""

    paragraph: int
    mention: Mention
    candidates: tuple[str, ...]
    reason: str


# Why a shared name went to its entry (Choice.reason).
FULLER, MOST, PREFERRED, FIRST = (
    "the text names it by a fuller name",
    "the text mentions it most",
    "the register marks it preferred",
    "listed first in the register",
)


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
        self.register = register
        self.analyser = analyser(language)
        words: dict[tuple[str, str | None], _Word] = {}
        groups: dict[_Word, list[_Pattern]] = {}
        order = 0
        for entry in register:
            preferred = {normalise(n) for n in entry.data.get("preferred", ())}
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
                    _Pattern(entry.id, pattern_words, order, name, normalise(name) in preferred)
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
        # form -> its common-word readings as an adjective and as a noun
        self._readings: dict[str, dict[str, tuple[Reading, ...]]] = {}
        # (hyphenated form, sentence-initial) -> the mentions within its segments
        self._within: dict[tuple[str, bool], list[_Found]] = {}

    def report(self) -> list[Problem]:
        """What an editor should know of the register's names in this language: names
        several entries share and names that differ only in case (and which entry wins
        where), one-letter names, and one-word names that are also common words (and how
        they are told apart). One note per name, at the entry that lists it first."""
        code = self.language.code
        patterns = sorted(
            (p for group in self._groups.values() for p in group), key=lambda p: p.order
        )
        by_key: dict[str, list[_Pattern]] = defaultdict(list)
        for p in patterns:
            by_key[" ".join(normalise(w.text) for w in p.words)].append(p)
        notes: list[Problem] = []
        for same in by_key.values():
            refs = list(dict.fromkeys(p.ref for p in same))
            if len(refs) < 2:
                continue
            spellings = dict.fromkeys(p.name for p in same)
            ranked = sorted(same, key=lambda p: (not p.preferred, p.order))
            winner = ranked[0]
            default = f"else {winner.ref} ({PREFERRED if winner.preferred else FIRST})"
            decided = (
                "in a text, the one it names elsewhere by a fuller name, or mentions most by"
                f" names of its own; {default}"
            )
            if len(spellings) == 1:
                message = f"{code} name {same[0].name!r} is shared by {', '.join(refs)}: {decided}"
            else:
                owners = ", ".join(f"{p.name!r} ({p.ref})" for p in same)
                message = (
                    f"{code} names {owners} differ only in case: a word spelled as one of"
                    " them goes to that one; a form the case rules let several take (a"
                    " capitalised name needs a capital, an acronym capitals) goes,"
                    f" {decided}"
                )
            notes.append(self._note(winner.ref, message))
        for p in patterns:
            word = p.words[0]
            if len(p.words) != 1 or not word.is_word or word.gate == "any":
                continue
            if len(word.text) == 1:
                notes.append(
                    self._note(
                        p.ref,
                        f"{code} name {word.text!r} of {p.ref} is one letter: every capitalised"
                        f" {word.text!r} standing alone is taken for it (an initial"
                        f" '{word.text}.' too); give the entry a longer name, or correct"
                        " occurrences in the text's annotations.yml",
                    )
                )
                continue
            common = self._common_lemmas(word)
            if not self.language.names_tagged:
                # a dictionary that tags few names reads many a name as a common word of
                # its own spelling (pymorphy3: "Польща"): only another lemma says "common"
                common = [c for c in common if c != normalise(word.text)]
            if not common:
                continue
            also = (
                f"{code} name {word.text!r} of {p.ref} is also a common word ({', '.join(common)})"
            )
            if word.names:
                rule = "found only where the dictionary reads the word as this name" + (
                    ", not where it is an adjective agreeing with the next word"
                    if self._common("adj", word.text)
                    else ""
                )
            elif word.initial_guard:
                rule = (
                    "the dictionary knows it only as a common word: found where capitalised"
                    " inside a sentence, never at a sentence start"
                )
            else:
                rule = "found wherever capitalised, at a sentence start too"
            notes.append(self._note(p.ref, f"{also}: {rule}"))
        return notes

    def _note(self, ref: str, message: str) -> Problem:
        return Problem(*self.register[ref].origin, message)

    def _common_lemmas(self, word: _Word) -> list[str]:
        """The lemmas of the dictionary's common-word readings of a name word."""
        found = self.language.lookup(form(word.text))
        if found is None:
            return []
        proper = {n.split("@", 1)[0].split(":", 1)[0] for n in found.names}
        return sorted(found.lemmas - proper)

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
        a preferred name, then the entry listed first. (At one place, patterns of as many
        words span as much text, so this is the order in which they win.)"""
        analysis = self.analyser.analyse(token)
        keys = self._token_keys(token, analysis)
        firsts = {w for key in keys for w in self._index.get(key, ())}
        found = [
            p for w in firsts if self._accepts_token(w, token, initial) for p in self._groups[w]
        ]
        found.sort(key=lambda p: (-len(p.words), not p.preferred, p.order))
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

    def _attributive(self, tokens: list[str], i: int) -> bool:
        """Whether ``tokens[i]`` is a common adjective agreeing with the next word, a common
        noun: "Polska delegacja" (*polski* with *delegacja*), not "Polska podpisała"."""
        if i + 1 >= len(tokens):
            return False
        adjectives = self._common("adj", tokens[i])
        return bool(adjectives) and any(
            _agree(a, n) for a in adjectives for n in self._common("noun", tokens[i + 1])
        )

    def _common(self, pos: str, token: str) -> tuple[Reading, ...]:
        """The dictionary's common-word readings of ``token`` as a ``pos`` (noun, adj)."""
        found = self._readings.get(token)
        if found is None:
            readings = [r for r in self.language.readings(form(token)) if not r.proper]
            found = self._readings[token] = {
                p: tuple(r for r in readings if r.pos == p) for p in ("adj", "noun")
            }
        return found[pos]

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, without overlaps: at each place, the
        best pattern whose every word accepts the text's words there (a name several
        entries share goes to the preferred or first-listed one: :meth:`find_text` lets a
        whole text decide)."""
        return [Mention(f.start, f.end, f.refs[0]) for f in self._find(text)]

    def find_text(self, paragraphs: Sequence[str]) -> tuple[list[list[Mention]], list[Choice]]:
        """The mentions of each of ``paragraphs`` (one text), with every name that several
        entries share decided by the text's own evidence, and how each was decided.

        Evidence is what the text says unambiguously: the entries it mentions by names of
        their own, and by how many words at most. A shared name goes to the one candidate
        named elsewhere by a longer name (the text said "Kim Ir Sen", then "Kim"), else to
        the one mentioned most, else to the first by the register's order (a preferred
        name first)."""
        found = [self._find(text) for text in paragraphs]
        longest: dict[str, int] = defaultdict(int)  # entry -> most words of a mention
        count: Counter[str] = Counter()
        for mentions in found:
            for f in mentions:
                if len(f.refs) == 1:
                    count[f.refs[0]] += 1
                    longest[f.refs[0]] = max(longest[f.refs[0]], f.words)
        result: list[list[Mention]] = []
        choices: list[Choice] = []
        for k, mentions in enumerate(found):
            result.append([])
            for f in mentions:
                ref = f.refs[0]
                if len(f.refs) > 1:
                    ref, reason = _decided(f, longest, count)
                    choices.append(Choice(k, Mention(f.start, f.end, ref), f.refs, reason))
                result[-1].append(Mention(f.start, f.end, ref))
        return result, choices

    def _find(self, text: str) -> list[_Found]:
        """Every mention in ``text``, its candidate refs best first.

        Most tokens start no name: the patterns each token may start are looked up for all
        tokens at once, and only the places where some may start are visited."""
        tokens = TOKEN.findall(text)
        found = self._match(tokens, initial_first=None)
        hyphenated = [i for i, t in enumerate(tokens) if "-" in t] if "-" in text else []
        if not found and not hyphenated:
            return []
        matches = list(TOKEN.finditer(text))
        mentions = [
            _Found(matches[i].start(), matches[i + n - 1].end(), n, refs, preferred)
            for i, n, refs, preferred in found
        ]
        if hyphenated:
            covered = {k for i, n, *_ in found for k in range(i, i + n)}
            for i in hyphenated:
                if i not in covered:
                    mentions.extend(self._segments(tokens, i, matches[i]))
            mentions.sort()
        return mentions

    def _segments(self, tokens: list[str], i: int, match: regex.Match[str]) -> list[_Found]:
        """Mentions within the segments of the hyphenated word ``tokens[i]`` (worked out
        once per word and sentence position: they depend on nothing else)."""
        key = (tokens[i], self._is_initial(tokens, i))
        found = self._within.get(key)
        if found is None:
            spans = [(m.start(), m.end()) for m in _SEGMENT.finditer(key[0])]
            segments = [key[0][a:b] for a, b in spans]
            found = self._within[key] = [
                _Found(spans[k][0], spans[k + n - 1][1], n, refs, preferred)
                for k, n, refs, preferred in self._match(segments, initial_first=key[1])
            ]
        at = match.start()
        return [f._replace(start=f.start + at, end=f.end + at) for f in found] if found else []

    def _match(
        self, tokens: list[str], initial_first: bool | None
    ) -> list[tuple[int, int, tuple[str, ...], bool]]:
        """``(first token, number of tokens, candidate refs, whether the first is by a
        preferred name)`` of every mention in ``tokens``; whether the first token starts a
        sentence is ``initial_first``, or found from the tokens. The candidates are the
        entries of the patterns tied at the place (as many words, and as exactly written),
        best first."""
        starting = list(map(self._starts.get, tokens))
        if None in starting:  # forms not met before
            for i, found in enumerate(starting):
                if found is None:
                    starting[i] = self._starting(tokens[i], False)
        accepts = self._accepts
        mentions: list[tuple[int, int, tuple[str, ...], bool]] = []
        end = 0  # the first token after the last mention
        for i in compress(range(len(tokens)), starting):
            if i < end:
                continue
            candidates: tuple[_Pattern, ...] = starting[i] or ()
            initial = initial_first if i == 0 and initial_first is not None else None
            if self._is_initial(tokens, i) if initial is None else initial:
                known = self._initial.get(tokens[i])
                candidates = self._starting(tokens[i], True) if known is None else known
            tied: list[_Pattern] = []
            for pattern in candidates:
                n = len(pattern.words)
                if tied and n < len(tied[0].words):
                    break
                if i + n > len(tokens):
                    continue
                if n == 1 and pattern.words[0].names is not None and self._attributive(tokens, i):
                    continue
                for k, word in enumerate(pattern.words[1:], i + 1):
                    ok = accepts.get((word, tokens[k]))
                    if not (self._accepted(word, tokens[k]) if ok is None else ok):
                        break
                else:  # every word accepted
                    tied.append(pattern)
            if tied:
                exact = [p for p in tied if _exact(p, tokens, i)] if len(tied) > 1 else tied
                best = exact or tied
                n = len(tied[0].words)
                mentions.append(
                    (i, n, tuple(dict.fromkeys(p.ref for p in best)), best[0].preferred)
                )
                end = i + n
        return mentions


class _Found(NamedTuple):
    """A mention before the text decides between the entries that share its name."""

    start: int
    end: int
    words: int
    refs: tuple[str, ...]  # best first
    preferred: bool  # refs[0] is first by a preferred name


def _decided(found: _Found, longest: dict[str, int], count: Counter[str]) -> tuple[str, str]:
    """The entry a shared name goes to, and why: see :meth:`Matcher.find_text`."""
    refs = found.refs
    fuller = [r for r in refs if longest.get(r, 0) > found.words]
    if len(fuller) == 1:
        return fuller[0], FULLER
    among = fuller or list(refs)
    ranked = sorted(among, key=lambda r: -count[r])  # stable: ties keep the register's order
    if count[ranked[0]] and (len(ranked) == 1 or count[ranked[0]] > count[ranked[1]]):
        return ranked[0], MOST
    return among[0], PREFERRED if found.preferred and among[0] == refs[0] else FIRST


def _agree(adjective: Reading, noun: Reading) -> bool:
    """Whether an adjective's reading agrees with a noun's in case, number and gender (a
    reading without a gender, as a Ukrainian plural, agrees with any)."""
    return bool(
        adjective.cases & noun.cases
        and adjective.numbers & noun.numbers
        and (not adjective.genders or not noun.genders or adjective.genders & noun.genders)
    )


def _exact(pattern: _Pattern, tokens: list[str], i: int) -> bool:
    """Whether ``pattern``'s words stand at ``tokens[i:]`` exactly as written."""
    return all(w.text == t for w, t in zip(pattern.words, tokens[i:], strict=False))
