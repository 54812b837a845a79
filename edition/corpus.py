"""The edition read and analysed once: texts, register, and every mention in every version.

Every page is rendered from this one structure, so a text is analysed once per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import lang
from .align import keys_of_translation
from .annotate import Matcher, Mention
from .errors import Problem, raise_if
from .overrides import apply, load_overrides
from .register import Register
from .sources import Paragraph, Text, Version

Mentions = dict[str, list[Mention]]  # paragraph ID -> mentions in text order


@dataclass(frozen=True, eq=False)
class Occurrence:
    """One mention of an entry in one version (original or translation) of a text."""

    text: Text
    version: Version
    paragraph: Paragraph
    sentence: int  # index of the sentence in the version's paragraph
    anchors: tuple[str, ...]  # IDs of the original sentences it is in (or renders)
    mention: Mention

    @property
    def is_original(self) -> bool:
        return self.version is self.text.original

    @property
    def surface(self) -> str:
        return self.paragraph.text[self.mention.start : self.mention.end]


@dataclass
class Corpus:
    texts: list[Text]
    register: Register
    mentions: dict[tuple[str, str], Mentions] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _alignments: dict[tuple[str, str], list[list[list[str]]]] = field(
        default_factory=dict, repr=False
    )

    def of(self, text: Text, version: Version) -> Mentions:
        return self.mentions.get((text.id, version.lang), {})

    @cached_property
    def occurrences(self) -> dict[str, list[Occurrence]]:
        """Entry ID -> every mention of it, text by text, the original before translations,
        in text order. A translation's sentence is anchored to the original sentences it
        renders (its own have no IDs); one that renders none, to its paragraph."""
        where: dict[str, list[Occurrence]] = {}
        for text in self.texts:
            for version in text.versions:
                mentions = self.of(text, version)
                for k, par in enumerate(version.paragraphs):
                    if version is text.original:
                        anchors = [[s.id] for s in par.sentences]
                    else:
                        anchors = [keys or [par.id] for keys in self.alignment(text, version)[k]]
                    for m in mentions.get(par.id, []):
                        i = next(
                            i for i, s in enumerate(par.sentences) if s.start <= m.start < s.end
                        )
                        where.setdefault(m.ref, []).append(
                            Occurrence(text, version, par, i, tuple(anchors[i]), m)
                        )
        return where

    def alignment(self, text: Text, version: Version) -> list[list[list[str]]]:
        """Per paragraph of ``version``, per sentence, the original sentence IDs it renders.
        Computed once per translation, whatever the number of pages that show it."""
        key = (text.id, version.lang)
        if key not in self._alignments:
            self._alignments[key] = [
                keys_of_translation(orig, par)
                for orig, par in zip(text.original.paragraphs, version.paragraphs, strict=True)
            ]
        return self._alignments[key]


def annotate_corpus(texts: list[Text], register: Register) -> Corpus:
    """Find every register entry in every version of every text; raises EditionError."""
    corpus = Corpus(texts, register)
    matchers: dict[str, Matcher] = {}
    problems: list[Problem] = []
    for text in texts:
        overrides, found = load_overrides(text, register)
        problems += found
        for version in text.versions:
            matcher = matchers.get(version.lang)
            if matcher is None:
                matcher = matchers[version.lang] = Matcher(register, lang.get(version.lang))
            per_paragraph: Mentions = {}
            for par in version.paragraphs:
                own = [o for o in overrides if o.lang == version.lang and o.paragraph == par.id]
                mentions = apply(matcher.find(par.text), own)
                kept = [m for m in mentions if _within_a_sentence(m, par)]
                corpus.notes += [
                    f"{version.path}:{par.line}: {par.text[m.start : m.end]!r} spans two sentences;"
                    " not annotated"
                    for m in mentions
                    if m not in kept
                ]
                per_paragraph[par.id] = kept
            corpus.mentions[(text.id, version.lang)] = per_paragraph
    raise_if(problems)
    return corpus


def _within_a_sentence(m: Mention, par: Paragraph) -> bool:
    return any(s.start <= m.start and m.end <= s.end for s in par.sentences)
