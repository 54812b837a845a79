"""Source texts: ``seeds/<text-id>/meta.yml`` and one ``<lang>.txt`` per language.

One paragraph per line, blank lines ignored; or, for any language, ``<lang>.xml`` in TEI P5
(``edition.base.tei_source``: its paragraphs, and the names it marks with a ``ref``). Every problem is collected and reported
with its file and line, so an editor sees all of them at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from edition.base import lang
from edition.base.errors import EditionError, Problem, raise_if
from edition.base.ledger import LEDGER_NAME, Ledger, Split
from edition.base.segment import sentence_spans
from edition.base.tei_source import Mark, read_tei
from edition.base.textfile import control_character_message, read_text_file
from edition.base.yamlfile import YamlDocument, load_yaml, validate

META_NAME = "meta.yml"
# A text's ID is its folder's name, and part of its pages' addresses and file names.
TEXT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
TEXT_ID_RULE = (
    "1 to 100 lower-case letters a-z, digits and hyphens, starting with a letter or digit "
    "(e.g. manchuria-1920-1934)"
)
# Names the site gives its own pages beside the texts': texts/index is the catalogue.
RESERVED_TEXT_IDS = frozenset({"index"})
_LOCALIZED = (("title",), ("source",), ("remarks",), ("licence", "note"))
# The control characters (Unicode category Cc, which the Unicode stability policy fixes as
# U+0000-U+001F and U+007F-U+009F) other than the tab; the line feed never occurs in a line.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    id: str
    line: int
    text: str
    sentences: tuple[Sentence, ...]


@dataclass
class Version:
    """The text in one language: the original or a translation."""

    lang: str
    path: Path
    paragraphs: list[Paragraph]
    # From a TEI source: per paragraph ID, the names it marks (see edition.base.tei_source),
    # and notes on what the file holds that was not read.
    marks: dict[str, list[Mark]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # the original's: where its sentences and the sentence rules or the published IDs differ
    sentence_notes: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


@dataclass
class Text:
    id: str
    folder: Path
    meta: dict[str, Any]
    original: Version
    translations: dict[str, Version] = field(default_factory=dict)
    ledger: Ledger = field(default_factory=Ledger)
    ledger_changed: bool = False  # the ledger as assigned differs from the file's (or no file)

    @property
    def versions(self) -> list[Version]:
        return [self.original, *self.translations.values()]

    def version(self, code: str) -> Version:
        return self.original if code == self.original.lang else self.translations[code]

    def ledger_is_stale(self) -> bool:
        """Whether ``paragraph-ids.yml`` must be written (with :attr:`ledger_text`)."""
        return self.ledger_changed

    @property
    def ledger_text(self) -> str:
        return self.ledger.dump()


def credit_by(credit: dict[str, Any], lang: str) -> str:
    """Who made a translation (``translations: <code>: by:`` of ``meta.yml``) in language
    ``lang``: a name is the same in every language; a description is given per language."""
    by = credit["by"]
    return by if isinstance(by, str) else by.get(lang) or next(iter(by.values()))


def load_texts(
    seeds: Path, ui_languages: Iterable[str], only: Iterable[str] | None = None
) -> list[Text]:
    """Every text under ``seeds`` (or those of the IDs ``only``), sorted by ID; raises
    EditionError listing all problems."""
    ui = tuple(ui_languages)
    if not seeds.is_dir():
        raise EditionError([Problem(seeds, None, "the seeds folder does not exist")])
    texts, problems = [], []
    folders = sorted(p for p in seeds.iterdir() if p.is_dir() and p.name[0] not in "._")
    if only is not None:
        wanted = set(only)
        problems += [
            Problem(seeds / name, None, f"no text {name!r} (no such folder under {seeds})")
            for name in sorted(wanted - {p.name for p in folders})
        ]
        folders = [p for p in folders if p.name in wanted]
    for folder in folders:
        if not TEXT_ID.fullmatch(folder.name):
            problems.append(
                Problem(
                    folder,
                    None,
                    f"not a valid text ID (the folder's name must be {TEXT_ID_RULE}): "
                    "rename the folder",
                )
            )
            continue
        if folder.name in RESERVED_TEXT_IDS:
            problems.append(
                Problem(
                    folder,
                    None,
                    f"the text ID {folder.name!r} is reserved (texts/{folder.name}.html is the "
                    "site's catalogue of texts); rename the folder",
                )
            )
            continue
        text, found = _load_text(folder, ui)
        problems += found
        if text:
            texts.append(text)
    raise_if(problems)
    if not texts:
        raise EditionError([Problem(seeds, None, "no texts: add a folder with meta.yml")])
    return texts


def skipped_folders(seeds: Path) -> list[str]:
    """Notes on the folders under ``seeds`` that are not read as texts (``_draft``, ``.old``)."""
    if not seeds.is_dir():
        return []
    return [
        f"{p}: skipped, not a text (a folder whose name starts with '.' or '_' is not read)"
        for p in sorted(seeds.iterdir())
        if p.is_dir() and p.name[0] in "._"
    ]


def _load_text(folder: Path, ui: tuple[str, ...]) -> tuple[Text | None, list[Problem]]:
    meta_path = folder / META_NAME
    if not meta_path.exists():
        return None, [Problem(meta_path, None, "missing meta.yml for this text folder")]
    doc, problems = load_yaml(meta_path)
    if doc is None:
        return None, problems
    if doc.data is None:
        return None, [
            Problem(meta_path, 1, "meta.yml is empty: write its fields (see the README's example)")
        ]
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "meta.yml must be a mapping of fields")]
    problems = validate(doc, "meta") + _check_localized(doc, ui)
    if problems:
        return None, problems
    meta = doc.data
    original_code = meta["original"]
    if original_code not in lang.known_codes():
        return None, [doc.problem(("original",), _unknown_code(original_code))]

    files: dict[str, Path] = {}
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.xml")]):
        if path.stem in files:
            problems.append(
                Problem(path, None, f"both {files[path.stem].name} and {path.name}: keep one")
            )
        files.setdefault(path.stem, path)
    for code, path in files.items():
        if code not in lang.known_codes():
            problems.append(
                Problem(path, None, _unknown_code(code) + " (file names are <lang>.txt or .xml)")
            )
        elif code != original_code and code not in (meta.get("translations") or {}):
            problems.append(doc.problem((), f"{path.name} has no credit under 'translations:'"))
    for code in meta.get("translations") or {}:
        if code not in files:
            problems.append(
                doc.problem(("translations", code), f"{code}.txt (or {code}.xml) does not exist")
            )
    if original_code not in files:
        problems.append(
            doc.problem(
                ("original",), f"missing original: {folder / (original_code + '.txt')} (or .xml)"
            )
        )
    if problems:
        return None, problems

    lines: dict[str, list[tuple[int, str]]] = {}
    sources: dict[str, tuple[list[list[Mark]], list[str]]] = {}
    for code, path in files.items():
        found, errs, marked = _read_paragraph_lines(path, code)
        problems += errs
        if found is not None:
            lines[code] = found
        sources[code] = marked
    if problems:
        return None, problems

    original_lines = lines.pop(original_code)
    for code, tr_lines in lines.items():
        if len(tr_lines) != len(original_lines):
            problems.append(
                _count_mismatch(files[code], tr_lines, files[original_code], original_lines)
            )
    if problems:
        return None, problems

    try:
        recorded = Ledger.read(folder / LEDGER_NAME)
    except EditionError as exc:
        return None, exc.problems
    ledger = replace(recorded, entries=dict(recorded.entries), retired=list(recorded.retired))
    ids = ledger.assign([t for _, t in original_lines])
    original = _version(
        original_code, files[original_code], original_lines, ids, sources[original_code], ledger
    )
    text = Text(
        id=folder.name,
        folder=folder,
        meta=meta,
        original=original,
        translations={
            code: _version(code, files[code], tr_lines, ids, sources[code])
            for code, tr_lines in sorted(lines.items())
        },
        ledger=ledger,
        ledger_changed=ledger != recorded,
    )
    return text, []


def _unknown_code(code: str) -> str:
    return f"unknown language code {code!r} (known: {', '.join(sorted(lang.known_codes()))})"


def _check_localized(doc: YamlDocument, ui: tuple[str, ...]) -> list[Problem]:
    problems = []
    paths = [
        *_LOCALIZED,
        *(
            ("translations", c, k)
            for c in doc.data.get("translations") or {}
            for k in ("note", "by")
        ),
    ]
    for path in paths:
        node: Any = doc.data
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict):
            missing = [c for c in ui if c not in node]
            if missing:
                problems.append(
                    doc.problem(path, f"{'.'.join(path)}: no text for {', '.join(missing)}")
                )
    return problems


def _read_paragraph_lines(
    path: Path, code: str
) -> tuple[list[tuple[int, str]] | None, list[Problem], tuple[list[list[Mark]], list[str]]]:
    """The paragraphs of a source file as (line, text), its problems, and from a TEI file
    the names each paragraph marks and the notes on what was not read."""
    if path.suffix == ".xml":
        tei, problems = read_tei(path, code)
        if tei is None:
            return None, problems, ([], [])
        candidates, marked = tei.lines, (tei.marks, tei.notes)
    else:
        text, problems = read_text_file(path)
        if text is None:
            return None, problems, ([], [])
        candidates, marked = list(enumerate(text.split("\n"), 1)), ([], [])
    found = []
    for number, line in candidates:
        control = _CONTROL.search(line)
        if control:
            problems.append(Problem(path, number, control_character_message(control[0])))
        if line.strip():
            found.append((number, line))
    if not found and not problems:
        problems.append(Problem(path, None, "the text is empty (no non-blank line)"))
    return found, problems, marked


def _count_mismatch(
    tr_path: Path, tr: list[tuple[int, str]], or_path: Path, orig: list[tuple[int, str]]
) -> Problem:
    """Say which paragraph first fails to line up, and how (see :func:`_first_misaligned`)."""
    i, j, (di, dj) = _first_misaligned([len(t) for _, t in orig], [len(t) for _, t in tr])
    where = tr[j][0] if j < len(tr) else tr[-1][0] + 1
    # Lengths alone cannot tell a merged paragraph from a left-out one, nor split from added.
    how = (
        "the translation has a paragraph fewer here (merged with the next, or left out)"
        if di > dj
        else "the translation has a paragraph more here (split in two, or added)"
    )
    paragraph = min(i, len(orig) - 1)
    return Problem(
        tr_path,
        where,
        f"{len(tr)} paragraphs but the original {or_path} has {len(orig)}; paragraph "
        f"{paragraph + 1} (original line {orig[paragraph][0]}) is the first that does not line "
        f"up: {how}",
    )


# Steps of the alignment: (original paragraphs, translated paragraphs, penalty).
_STEPS = ((1, 1, 0.0), (1, 2, 0.6), (2, 1, 0.6), (1, 0, 1.5), (0, 1, 1.5))


def _first_misaligned(orig: list[int], tr: list[int]) -> tuple[int, int, tuple[int, int]]:
    """Where a length-based alignment of the paragraphs (original and translated lengths in
    characters) first pairs other than one to one: (original index, translated index, step).

    The best alignment, by dynamic programming, is the one whose pairs' length ratios stay
    closest to the whole text's, with a split, a merge or a lone paragraph costing a little
    more; it is only worked out when the counts differ, so only ever for a report.
    """
    n, m = len(orig), len(tr)
    ratio = (sum(tr) + 1) / (sum(orig) + 1)
    band = abs(n - m) + 20  # an alignment strays from the diagonal by about the difference

    def cost(lo: int, lt: int) -> float:
        return abs(math.log((lt + 10) / (ratio * lo + 10)))

    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        centre = i * m / max(n, 1)
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if (i, j) not in best:
                continue
            here = best[i, j][0]
            for di, dj, penalty in _STEPS:
                if i + di > n or j + dj > m:
                    continue
                total = here + penalty + cost(sum(orig[i : i + di]), sum(tr[j : j + dj]))
                if total < best.get((i + di, j + dj), (math.inf,))[0]:
                    best[i + di, j + dj] = (total, (di, dj))
    steps = []
    at = (n, m)
    while at != (0, 0):
        step = best[at][1]
        at = (at[0] - step[0], at[1] - step[1])
        steps.append((at, step))
    for (i, j), step in reversed(steps):
        if step != (1, 1):
            return i, j, step
    raise AssertionError("paragraph counts differ, so some step is not one to one")


def _version(
    code: str,
    path: Path,
    lines: list[tuple[int, str]],
    ids: list[str],
    marked: tuple[list[list[Mark]], list[str]],
    ledger: Ledger | None = None,
) -> Version:
    """One version of a text; the original's sentences as the ``ledger`` keeps them (its
    sentence IDs are published), a translation's as the sentence rules split them."""
    language = lang.get(code)
    paragraphs = []
    sentence_notes = []
    for (number, line), pid in zip(lines, ids, strict=True):
        spans = sentence_spans(line, language)
        if ledger is not None:
            split = ledger.split(pid, line, spans)
            spans = split.spans
            sentence_notes += _split_notes(path, number, pid, line, split)
        sentences = tuple(Sentence(f"{pid}s{n}", s, e) for n, (s, e) in enumerate(spans, 1))
        paragraphs.append(Paragraph(pid, number, line, sentences))
    marks, notes = marked
    marks = marks or [[] for _ in paragraphs]
    by_id = {p.id: ms for p, ms in zip(paragraphs, marks, strict=True) if ms}
    return Version(code, path, paragraphs, by_id, notes, sentence_notes)


def _split_notes(path: Path, number: int, pid: str, line: str, split: Split) -> list[str]:
    """What ``check`` says of a paragraph's sentences: a published split kept where the
    sentence rules now differ, or published sentence IDs an edit moved to other words."""
    where = f"{path}:{number}: {pid}"
    if split.kept:
        ruled = " | ".join(line[a:b] for a, b in split.ruled)
        return [
            f"{where}: the sentence rules would now split it otherwise ({ruled!r}); its"
            " published sentence IDs keep the split recorded in the ledger"
        ]
    if split.moved:
        return [
            f"{where}: edited; its published sentence ID(s) {', '.join(split.moved)} now stand"
            " for other words"
        ]
    return []
