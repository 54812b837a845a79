"""Per-text corrections to automatic annotation, kept beside the text (``annotations.yml``).

An editor forces an annotation the matcher cannot find ("германии" for Germany) or
suppresses a wrong one, for one occurrence or all in a paragraph; the text stays untouched.
A TEI source's names with a ``ref`` to a register entry are forced annotations too
(:func:`marked_overrides`); ``annotations.yml`` is applied after them, so it has the last word.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.analysis.annotate import Mention
from edition.base.errors import Problem
from edition.base.register import Register
from edition.base.sources import Text, Version
from edition.base.tei_source import ENTRY_PREFIX
from edition.base.yamlfile import load_yaml, validate

OVERRIDES_NAME = "annotations.yml"


@dataclass(frozen=True)
class Override:
    lang: str
    paragraph: str
    start: int
    end: int
    ref: str | None  # None: suppress


def load_overrides(text: Text, register: Register) -> tuple[list[Override], list[Problem]]:
    path = text.folder / OVERRIDES_NAME
    if not path.exists():
        return [], []
    doc, problems = load_yaml(path)
    if doc is None or doc.data is None:
        return [], problems
    problems = validate(doc, "annotations")
    if problems:
        return [], problems
    found: list[Override] = []
    for code, items in doc.data.items():
        if code not in {v.lang for v in text.versions}:
            problems.append(doc.problem((code,), f"{code}: the text has no {code}.txt"))
            continue
        paragraphs = {p.id: p for p in text.version(code).paragraphs}
        for i, item in enumerate(items):
            where = (code, i)
            par = paragraphs.get(item["paragraph"])
            if par is None:
                problems.append(
                    doc.problem(where, f"no paragraph {item['paragraph']} in {code}.txt")
                )
                continue
            ref = item.get("ref")
            if ref is not None and ref not in register:
                problems.append(doc.problem((*where, "ref"), f"no register entry {ref!r}"))
                continue
            spans = _occurrences(par.text, item["text"])
            wanted = item.get("occurrence")
            if not spans or (wanted and wanted > len(spans)):
                problems.append(
                    doc.problem(
                        where, f"{item['text']!r} (occurrence {wanted or 1}) is not in {par.id}"
                    )
                )
                continue
            for start, end in [spans[wanted - 1]] if wanted else spans:
                found.append(Override(code, par.id, start, end, ref))
    return found, problems


def marked_overrides(version: Version, register: Register) -> tuple[list[Override], list[str]]:
    """The forced annotations of a TEI source's marked names, and a note on each mark whose
    ``ref`` names no register entry (``#ent.<ID>``, ``#<ID>``, ``<ID>``, or an entry's
    Wikidata item as ``Q…`` or its address), which stays plain text."""
    if not version.marks:  # a plain-text source: no register-wide look-up to make
        return [], []
    by_qid = {e.wikidata: e.id for e in register if e.wikidata}
    found, notes = [], []
    for par in version.paragraphs:
        for mark in version.marks.get(par.id, []):
            ref = mark.ref.removeprefix("#")
            ref = ref.removeprefix(ENTRY_PREFIX) if ref not in register else ref
            ref = ref if ref in register else by_qid.get(ref.rsplit("/", 1)[-1], "")
            if ref:
                found.append(Override(version.lang, par.id, mark.start, mark.end, ref))
            else:
                notes.append(
                    f"{version.path}:{par.line}: ref {mark.ref!r} of "
                    f"{par.text[mark.start : mark.end]!r} names no register entry; read as "
                    "plain text (add the entry, or correct the ref)"
                )
    return found, notes


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(needle)
    while i >= 0:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return spans


def apply(mentions: list[Mention], overrides: list[Override]) -> list[Mention]:
    """``mentions`` of one paragraph corrected by its ``overrides``, in text order."""
    for o in overrides:
        mentions = [m for m in mentions if m.end <= o.start or m.start >= o.end]
        if o.ref is not None:
            mentions.append(Mention(o.start, o.end, o.ref))
    return sorted(mentions, key=lambda m: m.start)
