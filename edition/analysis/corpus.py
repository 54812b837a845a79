"""The edition read and analysed once: texts, register, and every mention in every version.

Every page is rendered from this one structure, so a text is analysed once per build.
"""

from __future__ import annotations

import multiprocessing
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from edition.analysis.align import keys_of_translation
from edition.analysis.annotate import Choice, Matcher, Mention
from edition.analysis.corrections import Override, apply, load_overrides, marked_overrides
from edition.base import lang
from edition.base.errors import Problem, raise_if
from edition.base.register import Register
from edition.base.sources import Paragraph, Text, Version

Mentions = dict[str, list[Mention]]  # paragraph ID -> mentions in text order


@dataclass(frozen=True, eq=False, slots=True)
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


# From this many texts on, the build forks its second processes (edition/build/worker.py).
PARALLEL_FROM = 8
# Texts are annotated in a pool of processes, one per core, once each would get this many.
# The pool has costs of its own (forking, gathering, each worker repeating analyses another
# did), which only many texts and an idle second core repay (see benchmarks/).
TEXTS_PER_WORKER = 50

# What the pool's workers share: set in the parent just before they fork, so that the texts,
# the register and the matchers (with their analysis caches) are inherited rather than pickled.
_shared: tuple[list[Text], Register, dict[str, Matcher]] | None = None

# A text's mentions as they travel back from a worker: per version, per paragraph, plain
# (start, end, ref) tuples: pickling Mention objects (dataclasses, pickled by Python code)
# and unpickling them would cost more CPU than annotating.
_Packed = dict[str, dict[str, list[tuple[int, int, str]]]]


def annotate_corpus(texts: list[Text], register: Register) -> Corpus:
    """Find every register entry in every version of every text; raises EditionError.

    The result does not depend on the number of processes: each text is annotated on its
    own, and the results are gathered in text order."""
    global _shared
    corpus = Corpus(texts, register)
    codes = dict.fromkeys(v.lang for t in texts for v in t.versions)
    _shared = texts, register, {code: Matcher(register, lang.get(code)) for code in codes}
    workers = min(len(os.sched_getaffinity(0)), len(texts) // TEXTS_PER_WORKER)
    try:
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                packed = pool.map(
                    _annotate_packed,
                    range(len(texts)),
                    chunksize=max(1, len(texts) // (4 * workers)),
                )
            results = [(_unpack(mentions), notes, found) for mentions, notes, found in packed]
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


def _annotate_packed(i: int) -> tuple[_Packed, list[str], list[Problem]]:
    """What a worker returns for text ``i``: :func:`_annotate_text` with packed mentions."""
    assert _shared is not None
    mentions, notes, problems = _annotate_text(_shared[0][i])
    packed = {
        code: {pid: [(m.start, m.end, m.ref) for m in ms] for pid, ms in per_paragraph.items()}
        for code, per_paragraph in mentions.items()
    }
    return packed, notes, problems


def _unpack(packed: _Packed) -> dict[str, Mentions]:
    return {
        code: {pid: [Mention(*m) for m in ms] for pid, ms in per_paragraph.items()}
        for code, per_paragraph in packed.items()
    }


def _annotate_text(text: Text) -> tuple[dict[str, Mentions], list[str], list[Problem]]:
    """Mentions per version of ``text``, notes on mentions left out, problems of its overrides."""
    assert _shared is not None
    _texts, register, matchers = _shared
    overrides, problems = load_overrides(text, register)
    notes: list[str] = []
    for version in text.versions:  # a TEI source's marks first: annotations.yml then wins
        marked, found_notes = marked_overrides(version, register)
        overrides = marked + overrides
        notes += version.notes + found_notes
    own: dict[tuple[str, str], list[Override]] = {}
    for o in overrides:
        own.setdefault((o.lang, o.paragraph), []).append(o)
    mentions: dict[str, Mentions] = {}
    for version in text.versions:
        matcher = matchers[version.lang]
        per_paragraph: Mentions = {}
        annotated, choices = matcher.find_text([par.text for par in version.paragraphs])
        notes += _choice_notes(version, choices)
        for par, found in zip(version.paragraphs, annotated, strict=True):
            if (version.lang, par.id) in own:
                found = apply(found, own[(version.lang, par.id)])
            kept = per_paragraph[par.id] = []
            starts = [s.start for s in par.sentences]
            for m in found:
                if _within_a_sentence(m, par, starts):
                    kept.append(m)
                else:
                    notes.append(
                        f"{version.path}:{par.line}: {par.text[m.start : m.end]!r} spans two"
                        " sentences; not annotated"
                    )
        mentions[version.lang] = per_paragraph
    return mentions, notes, problems


def _choice_notes(version: Version, choices: list[Choice]) -> list[str]:
    """One note per name that several entries share in ``version``: which entry it went
    to, why, and on which lines."""
    lines: dict[tuple[str, str, tuple[str, ...], str], list[int]] = {}
    for c in choices:
        par = version.paragraphs[c.paragraph]
        surface = par.text[c.mention.start : c.mention.end]
        lines.setdefault((surface, c.mention.ref, c.candidates, c.reason), []).append(par.line)
    return [
        f"{version.path}:{where[0]}: {surface!r} (entries {', '.join(candidates)}) is"
        f" {ref} ({reason}), line(s) {', '.join(map(str, dict.fromkeys(where)))}"
        for (surface, ref, candidates, reason), where in lines.items()
    ]


def _within_a_sentence(m: Mention, par: Paragraph, starts: list[int]) -> bool:
    """Whether ``m`` lies in one sentence of ``par``, whose sentence ``starts`` are given: the
    sentences are in order and disjoint, so the last one starting at or before it decides."""
    k = bisect_right(starts, m.start) - 1
    return k >= 0 and m.end <= par.sentences[k].end
