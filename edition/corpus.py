"""The edition read and analysed once: texts, register, and every mention in every version.

Every page is rendered from this one structure, so a text is analysed once per build.
"""

from __future__ import annotations

import multiprocessing
import os
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


# From this many texts on, texts are annotated in a pool of processes, one per core; below it,
# starting the pool costs more than it saves.
PARALLEL_FROM = 8

# What the pool's workers share: set in the parent just before they fork, so that the register
# and the matchers (with their analysis caches) are inherited rather than pickled per task.
_shared: tuple[Register, dict[str, Matcher]] | None = None


def annotate_corpus(texts: list[Text], register: Register) -> Corpus:
    """Find every register entry in every version of every text; raises EditionError.

    The result does not depend on the number of processes: each text is annotated on its
    own, and the results are gathered in text order."""
    global _shared
    corpus = Corpus(texts, register)
    codes = dict.fromkeys(v.lang for t in texts for v in t.versions)
    _shared = register, {code: Matcher(register, lang.get(code)) for code in codes}
    workers = min(len(os.sched_getaffinity(0)), len(texts) // PARALLEL_FROM)
    try:
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                results = pool.map(
                    _annotate_text, texts, chunksize=max(1, len(texts) // (4 * workers))
                )
        else:
            results = [_annotate_text(text) for text in texts]
    finally:
        _shared = None
    problems: list[Problem] = []
    for text, (mentions, notes, found) in zip(texts, results, strict=True):
        for code, per_paragraph in mentions.items():
            corpus.mentions[(text.id, code)] = per_paragraph
        corpus.notes += notes
        problems += found
    raise_if(problems)
    return corpus


def _annotate_text(text: Text) -> tuple[dict[str, Mentions], list[str], list[Problem]]:
    """Mentions per version of ``text``, notes on mentions left out, problems of its overrides."""
    assert _shared is not None
    register, matchers = _shared
    overrides, problems = load_overrides(text, register)
    notes: list[str] = []
    mentions: dict[str, Mentions] = {}
    for version in text.versions:
        matcher = matchers[version.lang]
        per_paragraph: Mentions = {}
        for par in version.paragraphs:
            own = [o for o in overrides if o.lang == version.lang and o.paragraph == par.id]
            found = apply(matcher.find(par.text), own)
            kept = [m for m in found if _within_a_sentence(m, par)]
            notes += [
                f"{version.path}:{par.line}: {par.text[m.start : m.end]!r} spans two sentences;"
                " not annotated"
                for m in found
                if m not in kept
            ]
            per_paragraph[par.id] = kept
        mentions[version.lang] = per_paragraph
    return mentions, notes, problems


def _within_a_sentence(m: Mention, par: Paragraph) -> bool:
    return any(s.start <= m.start and m.end <= s.end for s in par.sentences)
