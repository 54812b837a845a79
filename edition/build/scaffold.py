"""The editor's starting points: ``new`` (a text folder made from one plain file, for the
editor to finish) and what ``suggest`` reads (:func:`suggestion_sources`).

The text is normalised to the sources' shape (UTF-8, LF, one paragraph per line): where the
file separates paragraphs by blank lines, the lines of each block are joined (hard-wrapped
prose); where it has no blank line, every line is a paragraph. ``meta.yml`` gets every field
of ``edition/schemas/meta.schema.json`` that only a person can fill in, as a ``TODO`` marker;
``check`` notes every marker left (:func:`leftover_todos`) and ``check --strict`` fails on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from edition.analysis.suggest import Source
from edition.base import lang
from edition.base.errors import EditionError, Problem
from edition.base.segment import sentence_spans
from edition.base.sources import META_NAME, Paragraph, Sentence, Text, load_texts
from edition.base.textfile import read_text_file
from edition.build.settings import Settings

TODO = "TODO"
_TEXT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_BLANK = re.compile(r"\n[ \t]*\n")
# what each localized field asks the editor, in the words of the schema
_ASKS = {
    "title": "the title",
    "source": "where the text comes from (publication, archive, file)",
}


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a plain text, each on one line, spaces collapsed (see the module)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = _BLANK.split(text) if _BLANK.search(text) else text.split("\n")
    return [p for p in (" ".join(block.split()) for block in blocks) if p]


def meta_yaml(code: str, ui_languages: Iterable[str], source_file: str) -> str:
    """A ``meta.yml`` with every required field; ``TODO`` where only a person can answer."""
    lines = [
        "# One text of the edition. Fields: see edition/schemas/meta.schema.json.",
        f"# Replace every {TODO}; `python -m edition check` lists the ones left.",
        f"original: {code}",
    ]
    for key, ask in _ASKS.items():
        lines.append(f"{key}:")
        lines += [f'  {ui}: "{TODO}: {ask}, in {ui}"' for ui in ui_languages]
    lines += [
        f'author: "{TODO}: the author, or delete this line if unknown"',
        f'date: "{TODO}: date or period of the original, or delete this line"',
        f"source_file: {_quoted(source_file)}",
        "licence:",
        f"  status: unknown  # {TODO}: an SPDX identifier, public-domain, or leave unknown",
        "# translations: {en: {by: …, status: working}}  — a credit for every other <lang>.txt",
    ]
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_text(seeds: Path, text_id: str, source: Path, code: str, ui: Iterable[str]) -> Path:
    """Create ``seeds/<text_id>/`` from the plain file ``source`` in language ``code``;
    returns the folder. Raises EditionError for anything the editor must fix first."""
    problems = []
    if not _TEXT_ID.match(text_id):
        problems.append(
            Problem(
                seeds / text_id,
                None,
                "a text ID is lower-case letters, digits and inner hyphens (e.g. gazeta-1932)",
            )
        )
    if code not in lang.known_codes():
        known = ", ".join(sorted(lang.known_codes()))
        problems.append(Problem(source, None, f"unknown language code {code!r} (known: {known})"))
    folder = seeds / text_id
    if folder.exists():
        problems.append(Problem(folder, None, "already exists: choose another text ID"))
    if not source.is_file():
        problems.append(Problem(source, None, "no such file"))
    if problems:
        raise EditionError(problems)
    text, problems = read_text_file(source)
    if text is None:
        raise EditionError(
            [Problem(p.path, p.line, p.message + "; save the file as UTF-8") for p in problems]
        )
    paragraphs = paragraphs_of(text)
    if not paragraphs:
        raise EditionError([Problem(source, None, "the file holds no text")])
    folder.mkdir(parents=True)
    (folder / f"{code}.txt").write_text("\n".join(paragraphs) + "\n", "utf-8")
    (folder / META_NAME).write_text(meta_yaml(code, ui, source.name), "utf-8")
    return folder


def leftover_todos(texts: Iterable[Text]) -> list[Problem]:
    """Every line of a text's ``meta.yml`` that still holds a ``TODO`` marker, in a value
    or in the comment after one (whole-line comments are the file's own explanations)."""
    found = []
    for text in texts:
        path = text.folder / META_NAME
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if TODO in line and not line.lstrip().startswith("#"):
                found.append(Problem(path, number, f"{TODO} left: {line.strip()}"))
    return found


def suggestion_sources(
    settings: Settings, items: list[str], code: str | None
) -> tuple[list[Source], list[tuple[Source, Source]]]:
    """What ``suggest`` looks in: each item a text ID of ``seeds/`` (all its versions, with
    their alignment) or a plain file (in ``code``, else the language its name says:
    ``pl.txt``); no items: every text. Also the (original, translation) pairs."""
    texts = {t.id: t for t in load_texts(settings.seeds, settings.ui_languages)}
    sources: list[Source] = []
    pairs: list[tuple[Source, Source]] = []
    problems = []
    for item in items or list(texts):
        path = Path(item)
        if item in texts:
            text = texts[item]
            original = Source(text.id, text.original.lang, text.original.paragraphs)
            sources.append(original)
            for version in text.translations.values():
                sources.append(Source(text.id, version.lang, version.paragraphs))
                pairs.append((original, sources[-1]))
        elif path.is_file():
            file_code = code or path.stem
            if file_code not in lang.known_codes():
                problems.append(
                    Problem(path, None, "give its language with --lang (the name is no code)")
                )
                continue
            content, found = read_text_file(path)
            if content is None:
                problems += found
                continue
            sources.append(Source(str(path), file_code, _paragraphs(content, file_code)))
        else:
            problems.append(Problem(path, None, "neither a text ID of seeds/ nor a file"))
    if problems:
        raise EditionError(problems)
    return sources, pairs


def _paragraphs(content: str, code: str) -> list[Paragraph]:
    """The paragraphs of a plain file, numbered as a new text's would be (p1, p2, ...)."""
    language = lang.get(code)
    found = []
    for n, text in enumerate(paragraphs_of(content), 1):
        spans = sentence_spans(text, language)
        sentences = tuple(Sentence(f"p{n}s{k}", a, b) for k, (a, b) in enumerate(spans, 1))
        found.append(Paragraph(f"p{n}", n, text, sentences))
    return found
