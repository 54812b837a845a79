"""Teachers' reading assignments: ``docs/assignments/<name>.<ui>.md``.

A teacher writes Markdown with a front matter naming passages of the texts, register
entries to learn and questions (schema: ``schemas/assignment.schema.json``). The core reads
that front matter itself (with MkDocs' own front-matter pattern), resolves every reference
against the edition, and the web layer (``edition.web.assignments``) renders what is appended to the teacher's prose.

``passages.lock.yml`` beside the assignments records the text of every assigned passage
as it was when the build first saw it, so that ``python -m edition check`` can say which
passages changed after the teacher chose them (see :func:`review`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from edition.analysis.corpus import Corpus
from edition.analysis.passages import Passage, PassageError, resolve
from edition.base.addresses import ASSIGNMENTS_DIR
from edition.base.errors import EditionError, Problem, raise_if
from edition.base.sources import Text
from edition.base.textfile import read_text_file
from edition.base.yamlfile import parse_yaml, validate

LOCK_NAME = "passages.lock.yml"
INDEX = "index"  # docs/assignments/index.<ui>.md is generated: no assignment may be called so
# What mkdocs-static-i18n reads as the language of a file name (name.<lang>.md): its
# RE_LOCALE (mkdocs_static_i18n.config), whether or not the site is built in that language.
_LANGUAGE_SUFFIX = re.compile(r"[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?|[a-z]{2}_[A-Z]{2}")
# MkDocs' own front-matter pattern (mkdocs.utils.meta), so both read the same block.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_LOCK_HEADER = (
    "# Assigned passages as they read when the build first saw them, kept by the build:\n"
    "# commit it with the assignments. `python -m edition check` lists passages changed since;\n"
    "# after reviewing them, `python -m edition check --accept-changes` records the new text.\n"
)


@dataclass(frozen=True)
class AssignedPassage:
    text: Text
    ref: str
    passage: Passage
    note: str
    line: int | None
    # How the passage's words differ from the lock's (see :func:`reviewed`): empty while they
    # are the words the teacher chose.
    changed: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.text.id} {self.ref}"

    def units(self) -> dict[str, str]:
        """Each paragraph or sentence of the passage in the original: ID -> its words."""
        out = {}
        for par in self.text.original.paragraphs:
            if par.id in self.passage.ids:
                out[par.id] = par.text
            for s in par.sentences:
                if s.id in self.passage.ids:
                    out[s.id] = par.text[s.start : s.end]
        return out


@dataclass(frozen=True)
class Assignment:
    path: Path
    name: str
    ui: str
    title: str
    passages: tuple[AssignedPassage, ...]
    terms: tuple[str, ...]
    questions: tuple[str, ...]


def folder(docs: Path) -> Path:
    return docs / ASSIGNMENTS_DIR


def load_assignments(docs: Path, corpus: Corpus, ui_languages: tuple[str, ...]) -> list[Assignment]:
    """Every assignment under ``docs/assignments``; raises EditionError listing all problems.

    ``ui_languages[0]`` is the default language (a file without a language suffix)."""
    found, problems = [], []
    for path in sorted(folder(docs).glob("*.md")):
        name, _, ui = path.name[: -len(".md")].rpartition(".")
        if name and ui not in ui_languages and _LANGUAGE_SUFFIX.fullmatch(ui):
            problems.append(
                Problem(
                    path,
                    None,
                    f"written in {ui!r}, a language the site is not built in (it is built in "
                    f"{', '.join(ui_languages)}): the page would be missing and links to it "
                    f"dead; rename the file {name}.<language>.md with one of those",
                )
            )
            continue
        if not name or ui not in ui_languages:
            name, ui = path.name[: -len(".md")], ui_languages[0]
        if name == INDEX and not _is_generated_index(path):
            problems.append(
                Problem(
                    path,
                    None,
                    f"the name {INDEX!r} is reserved: assignments/{INDEX}.html is the generated "
                    "list of assignments and would replace this one; rename the file",
                )
            )
            continue
        if name == INDEX:
            continue
        assignment, errs = _load(path, name, ui, corpus)
        problems += errs
        if assignment:
            found.append(assignment)
    raise_if(problems)
    return found


def _is_generated_index(path: Path) -> bool:
    """Whether ``path`` is the list of assignments a build wrote: its front matter has a title
    and nothing else (an assignment's names its passages)."""
    text, _ = read_text_file(path)
    m = _FRONT_MATTER.match(text or "")
    doc = parse_yaml(path, m.group(1))[0] if m else None
    return doc is not None and isinstance(doc.data, dict) and doc.data.keys() == {"title"}


def _load(
    path: Path, name: str, ui: str, corpus: Corpus
) -> tuple[Assignment | None, list[Problem]]:
    text, problems = read_text_file(path)
    if text is None:
        return None, problems
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, [Problem(path, 1, "no front matter: the file must start with a --- block")]
    # One blank line in front keeps the file's line numbers (the block starts on line 2).
    doc, problems = parse_yaml(path, "\n" + m.group(1))
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "the front matter must be a mapping of fields")]
    problems = validate(doc, "assignment")
    if problems:
        return None, problems
    data = doc.data
    texts = {t.id: t for t in corpus.texts}
    passages = []
    for i, item in enumerate(data["passages"]):
        text_obj = texts.get(item["text"])
        if text_obj is None:
            problems.append(
                doc.problem(
                    ("passages", i, "text"),
                    f"passages[{i}]: no text {item['text']!r}; nearest: "
                    + _nearest(item["text"], list(texts)),
                )
            )
            continue
        try:
            passage = resolve(item["range"], text_obj.original)
        except PassageError as exc:
            problems.append(
                doc.problem(("passages", i, "range"), f"passages[{i}]: {text_obj.id} {exc}")
            )
            continue
        passages.append(
            AssignedPassage(
                text_obj,
                item["range"].strip(),
                passage,
                item.get("note", ""),
                doc.line_of(("passages", i)),
            )
        )
    for i, term in enumerate(data.get("terms") or []):
        if term not in corpus.register:
            problems.append(
                doc.problem(
                    ("terms", i),
                    f"terms[{i}]: no register entry {term!r}; nearest: "
                    + _nearest(term, list(corpus.register.entries)),
                )
            )
    if problems:
        return None, problems
    return Assignment(
        path,
        name,
        ui,
        data["title"],
        tuple(passages),
        tuple(data.get("terms") or ()),
        tuple(data.get("questions") or ()),
    ), []


def _nearest(word: str, choices: list[str]) -> str:
    return ", ".join(difflib.get_close_matches(word, choices, n=3, cutoff=0)) or "(none)"


# --- the passage lock ------------------------------------------------------------------------

Lock = dict[str, dict[str, dict[str, str]]]  # file name -> "text range" -> unit ID -> words


def current_lock(assignments: list[Assignment]) -> Lock:
    return {a.path.name: {p.key: p.units() for p in a.passages} for a in assignments if a.passages}


def read_lock(docs: Path) -> Lock:
    path = folder(docs) / LOCK_NAME
    if not path.exists():
        return {}
    text, problems = read_text_file(path)
    doc = None
    if text is not None:
        doc, problems = parse_yaml(path, text)
    if doc is None:
        raise EditionError(problems)
    if doc.data is not None and not _is_lock(doc.data):
        raise EditionError([Problem(path, 1, "not a passage lock: delete it and build again")])
    return doc.data or {}


def _is_lock(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(per, dict)
        and all(
            isinstance(units, dict) and all(isinstance(w, str) for w in units.values())
            for units in per.values()
        )
        for per in data.values()
    )


def merged_lock(old: Lock, assignments: list[Assignment]) -> Lock:
    """The lock a build writes: new passages recorded, passages no longer assigned dropped,
    and recorded passages kept as they were, changed or not, until a teacher accepts them."""
    now = current_lock(assignments)
    return {
        name: {key: old.get(name, {}).get(key, units) for key, units in per.items()}
        for name, per in now.items()
    }


def dump_lock(lock: Lock) -> str:
    if not lock:
        return _LOCK_HEADER
    return _LOCK_HEADER + yaml.safe_dump(lock, allow_unicode=True, sort_keys=False, width=10**6)


class PassagesChanged(EditionError):
    """Assigned passages whose words changed since the lock recorded them (one problem each):
    what ``python -m edition check`` reports (exit 1) and a strict build stops with."""

    def __str__(self) -> str:
        return (
            f"{len(self.problems)} assigned passage(s) changed since the assignment was written;"
            " review them, then record the new text with"
            " `python -m edition check --accept-changes`:\n" + super().__str__()
        )


def review(assignments: list[Assignment], lock: Lock) -> tuple[list[Problem], list[Problem]]:
    """(changed, unrecorded): assigned passages whose text differs from the lock, and
    passages the lock does not know yet (the next build records them)."""
    changed, unrecorded = [], []
    for a in reviewed(assignments, lock):
        for p in a.passages:
            if p.key not in lock.get(a.path.name, {}):
                unrecorded.append(Problem(a.path, p.line, f"{p.key}: not recorded yet"))
            elif p.changed:
                message = f"{p.key} changed since assigned: " + "; ".join(p.changed)
                changed.append(Problem(a.path, p.line, message))
    return changed, unrecorded


def reviewed(assignments: list[Assignment], lock: Lock) -> list[Assignment]:
    """``assignments`` with each passage's differences from ``lock`` (none where the lock
    does not know it yet), for the page to say so."""
    out = []
    for a in assignments:
        recorded = lock.get(a.path.name, {})
        passages = tuple(
            replace(p, changed=tuple(_differences(recorded[p.key], p.units())))
            if p.key in recorded
            else p
            for p in a.passages
        )
        out.append(replace(a, passages=passages))
    return out


def _differences(old: dict[str, str], new: dict[str, str]) -> list[str]:
    out = [f"{u} no longer in the passage" for u in old if u not in new]
    out += [f"{u} is new in the passage: {_quote(new[u])}" for u in new if u not in old]
    for u in old:
        if u in new and " ".join(old[u].split()) != " ".join(new[u].split()):
            out.append(f"{u}: {_word_diff(old[u], new[u])}")
    return out


def _word_diff(old: str, new: str) -> str:
    """The replaced, removed and added words, as ``'old' -> 'new'``."""
    a, b = old.split(), new.split()
    edits = [
        f"{_quote(' '.join(a[i1:i2]))} -> {_quote(' '.join(b[j1:j2]))}"
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if op != "equal"
    ]
    return ", ".join(edits[:3]) + (f" (and {len(edits) - 3} more)" if len(edits) > 3 else "")


def _quote(words: str, limit: int = 60) -> str:
    return (
        repr(words if len(words) <= limit else words[: limit - 1] + "…") if words else "(nothing)"
    )
