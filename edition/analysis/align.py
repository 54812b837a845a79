"""Sentence alignment of a translation to its original, paragraph by paragraph.

Paragraphs align by position (the sources guarantee equal counts). Within a paragraph,
sentences align by a Gale-Church-style dynamic programme over sentence lengths that allows
1-1, 1-2, 2-1 and 2-2 beads, so a translation may merge or split sentences. Hand-written:
the maintained aligners (hunalign, bleualign, vecalign) need binaries, a machine translation
or sentence embeddings that cannot be installed offline here; lengths suffice for careful,
sentence-for-sentence translations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from edition.base.sources import Paragraph

# (original sentences, translation sentences) per bead, and a penalty for the shape.
_BEADS = {(1, 1): 0.0, (1, 2): 2.3, (2, 1): 2.3, (2, 2): 4.6, (1, 0): 6.0, (0, 1): 6.0}


@dataclass(frozen=True)
class Bead:
    original: tuple[int, ...]  # indices of sentences in the original paragraph
    translation: tuple[int, ...]  # indices of sentences in the translated paragraph


def align_lengths(a: list[int], b: list[int]) -> list[Bead]:
    """Best bead sequence for sentence lengths ``a`` (original) and ``b`` (translation)."""
    ratio = (sum(b) or 1) / (sum(a) or 1)
    inf = math.inf
    cost = [[inf] * (len(b) + 1) for _ in range(len(a) + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (len(b) + 1) for _ in range(len(a) + 1)]
    cost[0][0] = 0.0
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), penalty in _BEADS.items():
                ni, nj = i + di, j + dj
                if ni > len(a) or nj > len(b):
                    continue
                la, lb = sum(a[i:ni]) * ratio, sum(b[j:nj])
                c = cost[i][j] + penalty + abs(la - lb) / math.sqrt(max(la + lb, 1.0))
                if c < cost[ni][nj]:
                    cost[ni][nj] = c
                    back[ni][nj] = (i, j)
    beads, i, j = [], len(a), len(b)
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None  # every cell on the way back from the end was reached
        pi, pj = step
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j))))
        i, j = pi, pj
    return beads[::-1]


def align_paragraph(original: Paragraph, translation: Paragraph) -> list[Bead]:
    def lengths(p: Paragraph) -> list[int]:
        return [s.end - s.start for s in p.sentences]

    if len(original.sentences) == len(translation.sentences):
        n = len(original.sentences)
        return [Bead((k,), (k,)) for k in range(n)]
    return align_lengths(lengths(original), lengths(translation))


def keys_of_translation(original: Paragraph, translation: Paragraph) -> list[list[str]]:
    """For each sentence of ``translation``, the IDs of the original sentences it renders."""
    keys: list[list[str]] = [[] for _ in translation.sentences]
    for bead in align_paragraph(original, translation):
        for t in bead.translation:
            keys[t] = [original.sentences[o].id for o in bead.original]
    return keys
