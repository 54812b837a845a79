"""Sentence segmentation by rule, per language.

Written by hand because no maintained, offline library segments Polish and Ukrainian
with the rules an edition needs (initials "Д. В.", years "1934р.", "tzw.") and returns
character offsets into the untouched source: sentence IDs must cover the text exactly.
"""

from __future__ import annotations

import re

from .lang import Language

# A terminator run and optional closing quotes/brackets, then (looked ahead at, so that one
# regex search finds all a break needs) the whitespace, any opening quotes/brackets and the
# first character of what follows.
_BREAK = re.compile(r"(?:\.{3}|…|[.!?])+[\"'»”’)\]]*(?=(\s+)[\"'«„“‘(\[]*(.))", re.DOTALL)
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")
# How far back the word before a full stop is looked for first: searching the whole sentence
# so far for a word at its end costs time in proportion to the sentence's length.
_WORD_WINDOW = 64


def sentence_spans(text: str, language: Language) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of one paragraph, whitespace excluded."""
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for m in _BREAK.finditer(text):
        if m.end() <= start:
            continue
        space, first = m.groups()
        if not (first.isupper() or first.isdigit()):
            continue
        if (
            m.group().startswith(".")
            and not m.group().startswith("...")
            and _is_abbreviation(text, start, m.start(), language)
        ):
            continue
        spans.append((start, m.end()))
        start = m.end() + len(space)
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_abbreviation(text: str, start: int, end: int, language: Language) -> bool:
    """Whether the word that ends ``text[start:end]`` is an abbreviation, an initial or a year."""
    window = max(start, end - _WORD_WINDOW)
    m = _WORD_BEFORE.search(text, window, end)
    if m and m.start() == window > start:  # the word may begin before the window
        m = _WORD_BEFORE.search(text, start, end)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "Д. В. Богомолов"
        return True
    lower = word.lower()
    if lower in language.abbreviations:
        return True
    digits = lower.rstrip("".join(language.year_suffixes))
    return digits != lower and digits.isdigit()  # "1934р."
