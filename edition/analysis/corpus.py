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
from edition.analysis.annotate import Matcher, Mention
from edition.analysis.cache import Analysis, AnalysisCache, Chosen, Mentions, Note
from edition.analysis.corrections import Override, apply, load_overrides, marked_overrides
from edition.base import lang
from edition.base.errors import Problem, raise_if
from edition.base.register import Register
from edition.base.sources import Paragraph, Text, Version


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
    analysed: list[str] = field(default_factory=list)  # IDs of the texts not found in the cache
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


def annotate_corpus(
    texts: list[Text], register: Register, cache: AnalysisCache | None = None
) -> Corpus:
    """Find every register entry in every version of every text; raises EditionError.

    A text whose analysis ``cache`` holds is not analysed again; every other one is, and
    stored there (unless its overrides have problems). The result does not depend on the
    number of processes nor on what the cache held: each text is annotated on its own, and
    the results are gathered in text order."""
    corpus = Corpus(texts, register)
    results: dict[int, tuple[Analysis, list[Problem]]] = {}
    if cache is not None:
        for i, text in enumerate(texts):
            stored = cache.get(text)
            if stored is not None:
                results[i] = stored, []
    todo = [i for i in range(len(texts)) if i not in results]
    for i, (analysis, found) in zip(todo, _annotate(texts, todo, register), strict=True):
        results[i] = analysis, found
        corpus.analysed.append(texts[i].id)
        if cache is not None and not found:
            cache.put(texts[i], analysis)
    problems: list[Problem] = []
    for i, text in enumerate(texts):
        (mentions, notes, choices), found = results[i]
        for code, per_paragraph in mentions.items():
            corpus.mentions[(text.id, code)] = per_paragraph
        for version in text.versions:  # what a TEI source holds that was not read
            corpus.notes += version.notes + marked_overrides(version, register)[1]
        corpus.notes += [_note_message(text, note) for note in notes]
        corpus.notes += _choice_notes(text, choices)
        problems += found
    raise_if(problems)
    return corpus


def _annotate(
    texts: list[Text], todo: list[int], register: Register
) -> list[tuple[Analysis, list[Problem]]]:
    """The analyses of ``texts[i]`` for each ``i`` in ``todo``, in that order, made by this
    process or a pool (see TEXTS_PER_WORKER); the matchers are made only if there is work."""
    global _shared
    if not todo:
        return []
    codes = dict.fromkeys(v.lang for i in todo for v in texts[i].versions)
    _shared = texts, register, {code: Matcher(register, lang.get(code)) for code in codes}
    workers = min(len(os.sched_getaffinity(0)), len(todo) // TEXTS_PER_WORKER)
    try:
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                packed = pool.map(
                    _annotate_packed, todo, chunksize=max(1, len(todo) // (4 * workers))
                )
            return [
                ((_unpack(mentions), notes, choices), found)
                for mentions, notes, choices, found in packed
            ]
        return [_annotate_text(texts[i]) for i in todo]
    finally:
        _shared = None


def _annotate_packed(i: int) -> tuple[_Packed, list[Note], list[Chosen], list[Problem]]:
    """What a worker returns for text ``i``: :func:`_annotate_text` with packed mentions."""
    assert _shared is not None
    (mentions, notes, choices), problems = _annotate_text(_shared[0][i])
    packed = {
        code: {pid: [(m.start, m.end, m.ref) for m in ms] for pid, ms in per_paragraph.items()}
        for code, per_paragraph in mentions.items()
    }
    return packed, notes, choices, problems


def _unpack(packed: _Packed) -> dict[str, Mentions]:
    return {
        code: {pid: [Mention(*m) for m in ms] for pid, ms in per_paragraph.items()}
        for code, per_paragraph in packed.items()
    }


def _annotate_text(text: Text) -> tuple[Analysis, list[Problem]]:
    """Mentions per version of ``text``, mentions left out (notes), problems of its overrides."""
    assert _shared is not None
    _texts, register, matchers = _shared
    overrides, problems = load_overrides(text, register)
    for version in text.versions:  # a TEI source's marks first: annotations.yml then wins
        overrides = marked_overrides(version, register)[0] + overrides
    own: dict[tuple[str, str], list[Override]] = {}
    for o in overrides:
        own.setdefault((o.lang, o.paragraph), []).append(o)
    notes: list[Note] = []
    choices: list[Chosen] = []
    mentions: dict[str, Mentions] = {}
    for version in text.versions:
        matcher = matchers[version.lang]
        per_paragraph: Mentions = {}
        annotated, chosen = matcher.find_text([par.text for par in version.paragraphs])
        for c in chosen:
            pid, m = version.paragraphs[c.paragraph].id, c.mention
            choices.append((version.lang, pid, m.start, m.end, m.ref, c.candidates, c.reason))
        for par, found in zip(version.paragraphs, annotated, strict=True):
            if (version.lang, par.id) in own:
                found = apply(found, own[(version.lang, par.id)])
            kept = per_paragraph[par.id] = []
            starts = [s.start for s in par.sentences]
            for m in found:
                if _within_a_sentence(m, par, starts):
                    kept.append(m)
                else:
                    notes.append((version.lang, par.id, m.start, m.end))
        mentions[version.lang] = per_paragraph
    return (mentions, notes, choices), problems


def _note_message(text: Text, note: Note) -> str:
    code, pid, start, end = note
    version = text.version(code)
    par = next(p for p in version.paragraphs if p.id == pid)
    return f"{version.path}:{par.line}: {par.text[start:end]!r} spans two sentences; not annotated"


def _choice_notes(text: Text, choices: list[Chosen]) -> list[str]:
    """One note per name that several entries share in a version of ``text``: which entry it
    went to, why, and on which lines."""
    lines: dict[tuple[str, str, str, tuple[str, ...], str], list[int]] = {}
    for code, pid, start, end, ref, candidates, reason in choices:
        par = next(p for p in text.version(code).paragraphs if p.id == pid)
        key = (code, par.text[start:end], ref, candidates, reason)
        lines.setdefault(key, []).append(par.line)
    return [
        f"{text.version(code).path}:{where[0]}: {surface!r} (entries {', '.join(candidates)})"
        f" is {ref} ({reason}), line(s) {', '.join(map(str, dict.fromkeys(where)))}"
        for (code, surface, ref, candidates, reason), where in lines.items()
    ]


def _within_a_sentence(m: Mention, par: Paragraph, starts: list[int]) -> bool:
    """Whether ``m`` lies in one sentence of ``par``, whose sentence ``starts`` are given: the
    sentences are in order and disjoint, so the last one starting at or before it decides."""
    k = bisect_right(starts, m.start) - 1
    return k >= 0 and m.end <= par.sentences[k].end
