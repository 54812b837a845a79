"""Passage references: ``p3``, ``p3-p5``, ``p3s2``, ``p3s2-p4s1`` resolved against a text.

The same grammar is read by the browser (``passages.js``) from a page's fragment; here it
serves the build (assignment pages) and ``python -m edition check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.base.sources import Version

_REF = re.compile(r"^(p[1-9][0-9]*(?:s[1-9][0-9]*)?)(?:-(p[1-9][0-9]*(?:s[1-9][0-9]*)?))?$")


@dataclass(frozen=True)
class Passage:
    start: str
    end: str
    ids: tuple[str, ...]  # the paragraph or sentence IDs covered, in text order


class PassageError(ValueError):
    """A reference that does not parse or names no such paragraph or sentence."""


def parse(ref: str) -> tuple[str, str]:
    m = _REF.match(ref.strip())
    if not m:
        raise PassageError(f"{ref!r} is not a passage (p3, p3-p5, p3s2, p3s2-p4s1)")
    return m.group(1), m.group(2) or m.group(1)


def resolve(ref: str, version: Version) -> Passage:
    """The IDs ``ref`` covers in ``version``, in text order (paragraphs keep ledger order)."""
    start, end = parse(ref)
    sentence_level = "s" in start
    if sentence_level != ("s" in end):
        raise PassageError(f"{ref!r} mixes a paragraph and a sentence")
    order = [
        s.id for p in version.paragraphs for s in p.sentences
    ] if sentence_level else [p.id for p in version.paragraphs]  # fmt: skip
    for point in (start, end):
        if point not in order:
            raise PassageError(f"{ref!r}: no {point}; nearest: {', '.join(nearest(point, order))}")
    i, j = order.index(start), order.index(end)
    if j < i:
        raise PassageError(f"{ref!r} ends before it starts")
    return Passage(start, end, tuple(order[i : j + 1]))


def nearest(point: str, order: list[str], n: int = 3) -> list[str]:
    """The ``n`` valid IDs closest to ``point`` by paragraph and sentence number."""

    def numbers(x: str) -> tuple[int, int]:
        p, _, s = x[1:].partition("s")
        return int(p), int(s or 0)

    target = numbers(point)
    return sorted(
        order, key=lambda x: (abs(numbers(x)[0] - target[0]), abs(numbers(x)[1] - target[1]))
    )[:n]
