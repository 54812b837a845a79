"""The parts of a register entry's section on its entry page that are the same in every UI
language, made once: its names and the forms found in the texts, and every occurrence, text
by text and version by version, as keyword-in-context lines linked to their sentences.

They differ between UI languages only in a few words: headings, the names of languages and
the texts' titles ("Original: Polish (2)"), the label of each line's link ("Reading view
p8s1"). Made again in each language, the lines were most of the cost of the index pages
(half a million lines for 5,000 entries in 200 texts). So they are made once, as UTF-8
``%``-templates whose fields are those words (:class:`EntryTemplate`), and each UI language
fills them in with one ``bytes % words`` (:func:`fill`), which does no per-line work in
Python. Hand-rolled because a template engine would make the lines one by one again.

The templates are kept for the next UI language up to ``BUDGET`` bytes; beyond that, an
entry's template is made again in each language. One edition's templates are kept at a time.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from html import escape

from .corpus import Corpus, Occurrence
from .index import kwic, surface_forms
from .register import Entry
from .render import PARALLEL_DIR, _t
from .sources import Text
from .strings import ui_strings

BUDGET = 256_000_000  # bytes of templates kept for the other UI languages, at most

# A field while a template is a str: its name between two lone surrogates, which no text
# read as UTF-8 contains; it becomes ``%(name)s`` once the text's own ``%`` are doubled.
_OPEN, _CLOSE = "\ud800", "\ud801"


def _field(name: str) -> str:
    return f"{_OPEN}{name}{_CLOSE}"


def _template(parts: list[str]) -> bytes:
    text = "\n".join(parts).replace("%", "%%")
    return text.replace(_OPEN, "%(").replace(_CLOSE, ")s").encode()


@dataclass(frozen=True)
class EntryTemplate:
    count: int  # occurrences
    texts: int  # texts it occurs in
    names: bytes  # the names and the forms found, up to the heading of the occurrences
    occurrences: bytes  # the "in texts" list and a section per text


@dataclass
class _Kept:
    """The templates of one edition, and the words that fill them in each UI language."""

    corpus: weakref.ref[Corpus]
    # field names: a text's, a language's number (IDs and codes may hold any character)
    texts: dict[str, int]
    languages: dict[str, int]
    templates: dict[str, EntryTemplate] = field(default_factory=dict)
    size: int = 0
    words: dict[str, dict[bytes, bytes]] = field(default_factory=dict)  # per UI language


_kept: _Kept | None = None


def _current(corpus: Corpus) -> _Kept:
    global _kept
    if _kept is None or _kept.corpus() is not corpus:
        codes = [v.lang for t in corpus.texts for v in t.versions]
        codes += [code for e in corpus.register for code in e.names]
        _kept = _Kept(
            weakref.ref(corpus),
            {text.id: k for k, text in enumerate(corpus.texts)},
            {code: k for k, code in enumerate(dict.fromkeys(codes))},
        )
    return _kept


def _names(kept: _Kept, entry: Entry, forms: dict[str, list[str]]) -> list[str]:
    rows = []
    for code, names in entry.names.items():
        main, *variants = names
        value = f"<strong>{_t(main)}</strong>" + (
            f" ({', '.join(_t(v) for v in variants)})" if variants else ""
        )
        rows.append(f'<dt>{_field(f"L{kept.languages[code]}")}</dt><dd lang="{code}">{value}</dd>')
    table = f'<dl class="ed-meta">{"".join(rows)}</dl>'
    if forms:
        found = "".join(
            f"<dt>{_field(f'L{kept.languages[code]}')}</dt>"
            f'<dd lang="{code}">{", ".join(_t(f) for f in found)}</dd>'
            for code, found in forms.items()
        )
        table += f"<h3>{_field('forms_in_texts')}</h3>" + f'<dl class="ed-meta">{found}</dl>'
    return [f"<h3>{_field('names_label')}</h3>", table, f"<h3>{_field('mentions')}</h3>", ""]


def _occurrences(
    kept: _Kept, entry: Entry, occurrences: list[Occurrence]
) -> tuple[list[str], dict[str, dict[str, None]], int]:
    """The "in texts" list and a section per text; the forms found per language; the
    number of texts. One pass over the occurrences, which the corpus lists text by text,
    version by version (the original first): they are scattered in memory, and reading
    them was the largest cost."""
    groups: list[tuple[Text, list[list[str]]]] = []  # text, its versions' parts
    forms: dict[str, dict[str, None]] = {}
    version = None
    for occ in occurrences:
        text = occ.text
        if not groups or groups[-1][0] is not text:
            groups.append((text, []))
            version = None
        if occ.version is not version:
            version = occ.version
            # the original's lines link to the reading page, a translation's to the
            # parallel view (at the original sentence it renders)
            if version is text.original:
                href, role, label = f"../../texts/{text.id}.html#", "original", "reading_view"
            else:
                href, role = f"../../{PARALLEL_DIR}/{text.id}.html#", "translation"
                label = "parallel_view"
            lines = [f"{_field(role)}: {_field(f'L{kept.languages[version.lang]}')}"]
            groups[-1][1].append(lines)
            head = f'<li><a class="ed-occ-link" href="{href}'
            middle = f'" aria-label="{_field(label)} '
            kwic_start = f'</a> <span class="ed-kwic" lang="{version.lang}">'
            found = forms.setdefault(version.lang, {})
        anchor = occ.anchors[0]
        left, match, right = kwic(occ)
        found[match] = None
        raw = left + match + right
        if "&" in raw or "<" in raw or ">" in raw:  # what ``_t`` escapes: seldom there
            left, match, right = _t(left), _t(match), _t(right)
        lines.append(
            f'{head}{anchor}{middle}{anchor}">{anchor}{kwic_start}'
            f"{left}<mark>{match}</mark>{right}</span></li>"
        )
    parts = []
    if len(groups) > 1:
        texts = ", ".join(
            f'<a href="#{entry.id}-text-{text.id}">{_field(f"t{kept.texts[text.id]}")}</a>'
            for text, _ in groups
        )
        parts.append(f'<p class="ed-in-texts">{_field("in_texts")}: {texts}</p>')
    for text, versions in groups:
        heading = f"{entry.id}-text-{text.id}"
        parts.append(
            # named by the text and the entry: landmarks on a page need unique names
            f'<section class="ed-occ-text" aria-labelledby="{heading} {entry.id}-name">'
            f'<h4 id="{heading}"><a href="../../texts/{text.id}.html">'
            f"{_field(f't{kept.texts[text.id]}')}</a></h4>"
        )
        for role, *lines in versions:
            parts.append(
                f'<h5>{role} ({len(lines)})</h5><ol class="ed-occurrences">{"".join(lines)}</ol>'
            )
        parts.append("</section>")
    return parts, forms, len(groups)


def of(corpus: Corpus, entry: Entry) -> EntryTemplate:
    """The entry's templates, kept for the next UI language while within ``BUDGET``."""
    kept = _current(corpus)
    found = kept.templates.get(entry.id)
    if found is None:
        occurrences = corpus.occurrences.get(entry.id, [])
        parts, forms, texts = _occurrences(kept, entry, occurrences)
        found = EntryTemplate(
            len(occurrences),
            texts,
            _template(_names(kept, entry, surface_forms(entry, forms))),
            _template(parts),
        )
        size = len(found.names) + len(found.occurrences)
        if kept.size + size <= BUDGET:
            kept.templates[entry.id] = found
            kept.size += size
    return found


def _words(kept: _Kept, corpus: Corpus, ui: str) -> dict[bytes, bytes]:
    """The fields of the templates in UI language ``ui``."""
    if ui not in kept.words:
        s = ui_strings(ui)
        words = {key: _t(s[key]) for key in ("names_label", "forms_in_texts", "mentions")}
        words |= {key: _t(s[key]) for key in ("in_texts", "original", "translation")}
        words |= {key: escape(s[key]) for key in ("reading_view", "parallel_view")}
        words |= {f"t{k}": _t(corpus.texts[k].meta["title"][ui]) for k in kept.texts.values()}
        words |= {f"L{k}": _t(s["languages"].get(c, c)) for c, k in kept.languages.items()}
        kept.words[ui] = {key.encode(): value.encode() for key, value in words.items()}
    return kept.words[ui]


def fill(corpus: Corpus, template: bytes, ui: str) -> str:
    """A template of :func:`of` filled in in UI language ``ui``."""
    return (template % _words(_current(corpus), corpus, ui)).decode()
