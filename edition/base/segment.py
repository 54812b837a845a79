"""Sentence segmentation by rule, per language.

Written by hand because no maintained, offline library segments Polish and Ukrainian
with the rules an edition needs (initials "Д. В.", years "1934р.", "tzw.") and returns
character offsets into the untouched source: sentence IDs must cover the text exactly.
"""

from __future__ import annotations

import re

from edition.base.lang import Language

# A terminator run and optional closing quotes/brackets, then (looked ahead at, so that one
# regex search finds all a break needs) the whitespace, any opening quotes/brackets and the
# first character of what follows. The leading lookahead lets the regex engine skip to the
# next terminator at once instead of trying the whole pattern at every character.
_BREAK = re.compile(r"(?=[.…!?])(?:\.{3}|…|[.!?])+[\"'»”’)\]]*(?=(\s+)[\"'«„“‘(\[]*(.))", re.DOTALL)


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]", re.UNICODE)


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
    word = _word_before(text, start, end)
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "Д. В. Богомолов"
        return True
    if _INITIALS.fullmatch(word):  # initials or a dotted acronym: "W.W.", "N.V."
        return True
    lower = word.lower()
    if language.is_abbreviation(lower):
        return True
    digits = lower.rstrip("".join(language.year_suffixes))
    return digits != lower and digits.isdigit()  # "1934р."


def _word_before(text: str, start: int, end: int) -> str:
    r"""What regex ``[\w.\-]+$`` finds in ``text[start:end]``, read backwards from its end.

    A regex search for a word at the end tries every position of the sentence so far; this
    looks at the word's own characters only (``\w`` is ``str.isalnum()`` and the underscore).
    """
    if end > start and text[end - 1] == "\n":  # "$" matches before a final line feed too
        end -= 1
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "_.-"):
        i -= 1
    return text[i:end]
