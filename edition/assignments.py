"""Teachers' reading assignments: ``docs/assignments/<name>.<ui>.md``.

A teacher writes Markdown with a front matter naming passages of the texts, register
entries to learn and questions (schema: ``schemas/assignment.schema.json``). The core reads
that front matter itself (with MkDocs' own front-matter pattern), resolves every reference
against the edition, and renders the HTML the MkDocs hook appends to the teacher's prose.

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

import segno
import yaml

from . import render
from .corpus import Corpus
from .entry_groups import entry_href
from .errors import EditionError, Problem, raise_if
from .passages import Passage, PassageError, resolve
from .sources import Paragraph, Sentence, Text, Version
from .strings import ui_strings
from .textfile import read_text_file
from .tree import sync_tree
from .yamlfile import parse_yaml, validate

ASSIGNMENTS_DIR = "assignments"
LOCK_NAME = "passages.lock.yml"
INDEX = "index"  # docs/assignments/index.<ui>.md is generated: no assignment may be called so
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
        if not name or ui not in ui_languages:
            name, ui = path.name[: -len(".md")], ui_languages[0]
        if name == INDEX:
            continue
        assignment, errs = _load(path, name, ui, corpus)
        problems += errs
        if assignment:
            found.append(assignment)
    raise_if(problems)
    return found


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


# --- pages -------------------------------------------------------------------------------


def passage_label(ref: str, s: dict[str, Any]) -> str:
    """``paragraphs p3–p5``, ``sentence p3s2``…: the words a citation gives for a range."""
    start, _, end = ref.partition("-")
    kind = "sentence" if "s" in start else "paragraph"
    if end and end != start:
        return s[f"passage_{kind}s"].format(ref=f"{start}–{end}")
    return s[f"passage_{kind}"].format(ref=start)


def _excerpt(par: Paragraph, keep: list[bool], mentions: list) -> tuple[Paragraph, list]:
    """The kept sentences of ``par`` (a contiguous run) as a paragraph of their own."""
    if all(keep):
        return par, mentions
    kept = [s for s, k in zip(par.sentences, keep, strict=True) if k]
    a, b = kept[0].start, kept[-1].end
    part = Paragraph(
        par.id, par.line, par.text[a:b], tuple(Sentence(s.id, s.start - a, s.end - a) for s in kept)
    )
    moved = [replace(m, start=m.start - a, end=m.end - a) for m in mentions if a <= m.start < b]
    return part, moved


def _version_html(corpus: Corpus, item: AssignedPassage, version: Version) -> tuple[str, list[str]]:
    """The passage in ``version``: its paragraphs, and the register entries they mention."""
    text, ids = item.text, set(item.passage.ids)
    mentions = corpus.of(text, version)
    aligned = corpus.alignment(text, version) if version is not text.original else None
    out, refs = [], []
    for k, (orig, par) in enumerate(zip(text.original.paragraphs, version.paragraphs, strict=True)):
        if orig.id in ids:
            keep = [True] * len(par.sentences)
        elif aligned is None:
            keep = [s.id in ids for s in par.sentences]
        else:
            keep = [bool(ids.intersection(keys)) for keys in aligned[k]]
        if not any(keep):
            continue
        part, ms = _excerpt(par, keep, mentions.get(par.id, []))
        refs += [m.ref for m in ms]
        attrs = [f'data-s="{x.id}"' for x in part.sentences]
        out.append(
            f'<div class="ed-para"><span class="ed-pid" aria-hidden="true">{orig.id}</span>'
            f'<p class="ed-p">{render.sentences_html(part, ms, corpus.register, attrs)}</p></div>'
        )
    return "".join(out), refs


def _passage_html(corpus: Corpus, item: AssignedPassage, ui: str) -> tuple[str, list[str]]:
    s = ui_strings(ui)
    text = item.text
    title = text.meta["title"][ui]
    frag = f"#{item.ref}"
    links = [f'<a href="../texts/{text.id}.html{frag}">{render._t(s["reading_view"])}</a>']
    if text.translations:
        links.append(
            f'<a href="../{render.PARALLEL_DIR}/{text.id}.html{frag}">'
            f"{render._t(s['parallel_view'])}</a>"
        )
    versions = [text.original]
    if ui in text.translations:
        versions.append(text.translations[ui])
    blocks, refs = [], []
    for v in versions:
        body, found = _version_html(corpus, item, v)
        refs += found
        key = "original_label" if v is text.original else "translation_label"
        label = s[key].format(language=s["languages"][v.lang])
        blocks.append(
            f'<div class="ed-excerpt" lang="{v.lang}">'
            f'<p class="ed-excerpt-label" lang="{ui}">{render._t(label)}</p>{body}</div>'
        )
    note = f'<p class="ed-passage-note">{render._t(item.note)}</p>' if item.note else ""
    return (
        f'<section class="ed-passage" data-text="{text.id}" data-range="{item.ref}">'
        f"<h3>{render._t(title)}, {render._t(passage_label(item.ref, s))}</h3>{note}"
        f'<p class="ed-views">{" · ".join(links)}</p>' + "".join(blocks) + "</section>",
        refs,
    )


def qr_svg(url: str, label: str) -> str:
    """The QR code of ``url`` as inline SVG (scalable: CSS sets its printed size)."""
    return segno.make(url, error="m").svg_inline(
        scale=1, omitsize=True, title=label, svgclass="ed-qr-code", lineclass=None
    )


def page_html(assignment: Assignment, corpus: Corpus, public_url: str) -> str:
    """What the build appends to the teacher's Markdown: passages, terms, questions, and
    (where the edition has a public address) the QR code of ``public_url``."""
    ui = assignment.ui
    s = ui_strings(ui)
    t = render._t
    parts, refs = [], []
    for item in assignment.passages:
        html, found = _passage_html(corpus, item, ui)
        parts.append(html)
        refs += found
    out = [f'<div class="ed-assignment" lang="{ui}">']
    if public_url:
        out.append(
            f'<figure class="ed-qr">{qr_svg(public_url, s["qr_label"])}'
            f'<figcaption>{t(s["worksheet_online"])}: <a href="{public_url}">{t(public_url)}</a>'
            "</figcaption></figure>"
        )
    out += [
        '<p class="ed-student">'
        + "".join(f"<span>{t(s[k])}:</span>" for k in ("student_name", "student_date"))
        + "</p>",
        f'<section class="ed-passages"><h2>{t(s["passages"])}</h2>{"".join(parts)}</section>',
    ]
    if assignment.terms:
        items = "".join(
            f'<dt><a href="../{entry_href(e)}">{t(e.name(ui))}</a></dt>'
            f"<dd>{t(e.definition.get(ui, ''))}</dd>"
            for e in (corpus.register[x] for x in assignment.terms)
        )
        out.append(
            f'<section class="ed-terms"><h2>{t(s["terms_to_learn"])}</h2><dl>{items}</dl></section>'
        )
    if assignment.questions:
        items = "".join(
            f'<li><p id="ed-q{n}">{t(q)}</p>'
            f'<textarea class="ed-answer" rows="4" aria-labelledby="ed-q{n}"></textarea>'
            '<div class="ed-lines" aria-hidden="true"></div></li>'
            for n, q in enumerate(assignment.questions, 1)
        )
        out.append(
            f'<section class="ed-questions"><h2>{t(s["questions"])}</h2><ol>{items}</ol></section>'
        )
    out.append("</div>")
    popups = render.popups_html(list(dict.fromkeys(refs)), corpus.register, ui, "../")
    return "\n\n" + "\n".join(out) + "\n\n" + popups + "\n"


def index_page(assignments: list[Assignment], ui: str, default: str) -> str:
    """The list of assignments shown in UI language ``ui``: each in ``ui`` where the teacher
    wrote it so, else in the default language (as mkdocs-static-i18n falls back)."""
    s = ui_strings(ui)
    t = render._t
    shown: dict[str, Assignment] = {}
    for a in assignments:
        if a.ui == ui or (a.ui == default and a.name not in shown):
            shown[a.name] = a
    rows = []
    for name in sorted(shown, key=lambda n: shown[n].title.lower()):
        a = shown[name]
        where = "; ".join(
            f"{t(p.text.meta['title'][ui])}, {t(passage_label(p.ref, s))}" for p in a.passages
        )
        rows.append(
            f'<tr><td><a href="{name}.html" hreflang="{a.ui}">{t(a.title)}</a></td>'
            f"<td>{where}</td><td>{len(a.questions)}</td></tr>"
        )
    head = "".join(f"<th>{t(s[k])}</th>" for k in ("title", "passages", "questions"))
    table = (
        f'<table class="ed-catalogue"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
        "</tbody></table>"
        if rows
        else f"<p>{t(s['no_assignments'])}</p>"
    )
    return (
        render.front_matter(title=s["assignments"])
        + f"<h1>{t(s['assignments'])}</h1>\n\n<p>{t(s['assignments_intro'])}</p>\n\n"
        + table
        + "\n"
    )


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


def review(assignments: list[Assignment], lock: Lock) -> tuple[list[Problem], list[Problem]]:
    """(changed, unrecorded): assigned passages whose text differs from the lock, and
    passages the lock does not know yet (the next build records them)."""
    changed, unrecorded = [], []
    for a in assignments:
        for p in a.passages:
            old = lock.get(a.path.name, {}).get(p.key)
            if old is None:
                unrecorded.append(Problem(a.path, p.line, f"{p.key}: not recorded yet"))
                continue
            diffs = _differences(old, p.units())
            if diffs:
                changed.append(
                    Problem(a.path, p.line, f"{p.key} changed since assigned: " + "; ".join(diffs))
                )
    return changed, unrecorded


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


def write_lock(docs: Path, lock: Lock) -> None:
    """Write the lock if it changed; an edition without assignments gets none."""
    path = folder(docs) / LOCK_NAME
    if lock or path.exists():
        sync_tree(docs, (), {f"{ASSIGNMENTS_DIR}/{LOCK_NAME}": dump_lock(lock).encode()})


def generate(docs: Path, corpus: Corpus, ui_languages: tuple[str, ...]) -> list[Assignment]:
    """Load and check the assignments, write their index pages (one per UI language) and
    bring the passage lock up to date; raises EditionError naming every bad reference."""
    assignments = load_assignments(docs, corpus, ui_languages)
    files = {
        f"{ASSIGNMENTS_DIR}/{INDEX}.{ui}.md": index_page(assignments, ui, ui_languages[0]).encode()
        for ui in ui_languages
    }
    sync_tree(docs, (), files)
    write_lock(docs, merged_lock(read_lock(docs), assignments))
    return assignments
