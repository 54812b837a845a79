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

The templates of one edition are kept for the next UI language while the edition's corpus
lives (a build's; a new build's replaces them), up to ``BUDGET`` bytes: all of them for an
edition of 200 texts with 5,000 entries (52 MB), 60% of the bytes for one of 800 texts
(which would need 200 MB). Beyond the budget, an entry's template is made again in each
language. The entries' groups (``by_group``) are kept with them.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from edition.analysis.corpus import Corpus, Occurrence
from edition.base.addresses import any_group, by_group, entry, parallel, reading, relative
from edition.base.register import Entry
from edition.base.sources import Text
from edition.base.strings import ui_strings
from edition.derived.register_index import kwic, surface_forms
from edition.web.html import authority_links, esc

BUDGET = 128_000_000  # bytes of templates kept for the other UI languages, at most


def _field(name: str) -> str:
    return f"%({name})s"


def _lit(text: str) -> str:
    """``text`` as it stands in a template: its ``%`` doubled."""
    return text.replace("%", "%%")


def _html(text: str) -> str:
    """``text`` escaped for HTML (``_t``), as it stands in a template."""
    return _lit(esc(text))


@dataclass(frozen=True)
class EntryTemplate:
    count: int  # occurrences
    texts: int  # texts it occurs in
    names: bytes  # the names and the forms found, up to the heading of the occurrences
    occurrences: bytes  # the "in texts" list and a section per text
    authority: str  # the links to authority files, each after " · "


@dataclass
class _Kept:
    """The templates of one edition, the words that fill them in each UI language, and the
    entries' groups."""

    corpus: weakref.ref[Corpus]
    # field names: a text's, a language's number (IDs and codes may hold any character)
    texts: dict[str, int]
    languages: dict[str, int]
    templates: dict[str, EntryTemplate] = field(default_factory=dict)
    size: int = 0
    words: dict[str, dict[bytes, bytes]] = field(default_factory=dict)  # per UI language
    groups: dict[tuple[str, str], list[Entry]] | None = None


_kept: _Kept | None = None


def _forget(corpus: weakref.ref[Corpus]) -> None:
    """Drop the templates of an edition that is gone."""
    global _kept
    if _kept is not None and _kept.corpus is corpus:
        _kept = None


def release() -> None:
    """Drop the templates now (the register's pages are all made), not when the edition goes."""
    global _kept
    _kept = None


def _current(corpus: Corpus) -> _Kept:
    global _kept
    if _kept is None or _kept.corpus() is not corpus:
        codes = [v.lang for t in corpus.texts for v in t.versions]
        codes += [code for e in corpus.register for code in e.names]
        _kept = _Kept(
            weakref.ref(corpus, _forget),
            {text.id: k for k, text in enumerate(corpus.texts)},
            {code: k for k, code in enumerate(dict.fromkeys(codes))},
        )
    return _kept


def groups_of(corpus: Corpus) -> dict[tuple[str, str], list[Entry]]:
    """The entries' groups (``by_group``), the same in every UI language: made once."""
    kept = _current(corpus)
    if kept.groups is None:
        kept.groups = by_group(corpus.register)
    return kept.groups


def _names(kept: _Kept, entry: Entry, forms: dict[str, list[str]]) -> list[str]:
    rows = []
    for code, names in entry.names.items():
        main, *variants = names
        value = f"<strong>{_html(main)}</strong>" + (
            f" ({', '.join(_html(v) for v in variants)})" if variants else ""
        )
        rows.append(
            f'<dt>{_field(f"L{kept.languages[code]}")}</dt><dd lang="{_html(code)}">{value}</dd>'
        )
    table = f'<dl class="ed-meta">{"".join(rows)}</dl>'
    if forms:
        found = "".join(
            f"<dt>{_field(f'L{kept.languages[code]}')}</dt>"
            f'<dd lang="{_html(code)}">{", ".join(_html(f) for f in found)}</dd>'
            for code, found in forms.items()
        )
        table += f"<h3>{_field('forms_in_texts')}</h3>" + f'<dl class="ed-meta">{found}</dl>'
    return [f"<h3>{_field('names_label')}</h3>", table, f"<h3>{_field('mentions')}</h3>", ""]


def _occurrences(
    kept: _Kept, e: Entry, occurrences: list[Occurrence]
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
            k = kept.texts[text.id]
            j = next(j for j, v in enumerate(text.versions) if v is version)
            lang = kept.languages[version.lang]
            role = "original" if version is text.original else "translation"
            lines = [f"{_field(role)}: {_field(f'L{lang}')}"]
            groups[-1][1].append(lines)
            # the start of a line up to its sentence's ID, what comes between the ID and
            # the context: fields, the same in every line of the version
            start, label = _field(f"a{k}.{j}"), _field(f"l{role[0]}")  # short: one a line
            context = _field(f"k{lang}")
            found = forms.setdefault(version.lang, {})
        anchor = occ.anchors[0]
        if not anchor.isalnum():  # an ID from a hand-edited ledger: all but never
            anchor = _html(anchor)
        left, match, right = kwic(occ)
        found[match] = None
        raw = left + match + right
        if "&" in raw or "<" in raw or ">" in raw or "%" in raw:  # seldom there
            left, match, right = _html(left), _html(match), _html(right)
        lines.append(
            f'{start}{anchor}{label}{anchor}">{anchor}{context}'
            f"{left}<mark>{match}</mark>{right}</span></li>"
        )
    parts = []
    here, ref = entry(e), _html(e.id)
    if len(groups) > 1:
        texts = ", ".join(
            f'<a href="{_html(relative(here, here.at(f"{e.id}-text-{text.id}")))}">'
            f"{_field(f't{kept.texts[text.id]}')}</a>"
            for text, _ in groups
        )
        parts.append(f'<p class="ed-in-texts">{_field("in_texts")}: {texts}</p>')
    for text, versions in groups:
        heading = _html(f"{e.id}-text-{text.id}")
        parts.append(
            # named by the text and the entry: landmarks on a page need unique names
            f'<section class="ed-occ-text" aria-labelledby="{heading} {ref}-name">'
            f'<h4 id="{heading}"><a href="{_html(relative(here, reading(text.id)))}">'
            f"{_field(f't{kept.texts[text.id]}')}</a></h4>"
        )
        for h5, *lines in versions:
            parts.append(
                f'<h5>{h5} ({len(lines)})</h5><ol class="ed-occurrences">{"".join(lines)}</ol>'
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
            "\n".join(_names(kept, entry, surface_forms(entry, forms))).encode(),
            "\n".join(parts).encode(),
            "".join(f" · {link}" for link in authority_links(entry)),
        )
        size = len(found.names) + len(found.occurrences)
        if kept.size + size <= BUDGET:
            kept.templates[entry.id] = found
            kept.size += size
    return found


def words(corpus: Corpus, ui: str) -> dict[bytes, bytes]:
    """The fields of the templates in UI language ``ui``."""
    kept = _current(corpus)
    if ui not in kept.words:
        s = ui_strings(ui)
        out = {key: esc(s[key]) for key in ("names_label", "forms_in_texts", "mentions")}
        out |= {key: esc(s[key]) for key in ("in_texts", "original", "translation")}
        # a line's link: to the reading page for the original, to the parallel view (at the
        # original sentence it renders) for a translation; every group page is in one folder
        here = any_group()
        for role, view in (("original", "reading_view"), ("translation", "parallel_view")):
            out[f"l{role[0]}"] = f'" aria-label="{esc(s[view])} '
        for k, text in enumerate(corpus.texts):
            out[f"t{k}"] = esc(text.meta["title"][ui])
            for j, version in enumerate(text.versions):
                page = (reading if version is text.original else parallel)(text.id)
                link = esc(relative(here, page))
                out[f"a{k}.{j}"] = f'<li><a class="ed-occ-link" href="{link}#'
        for code, n in kept.languages.items():
            out[f"L{n}"] = esc(s["languages"].get(code, code))
            out[f"k{n}"] = f'</a> <span class="ed-kwic" lang="{esc(code)}">'
        kept.words[ui] = {key.encode(): value.encode() for key, value in out.items()}
    return kept.words[ui]


def fill(template: bytes, words: dict[bytes, bytes]) -> str:
    """A template of :func:`of` filled in with the :func:`words` of a UI language."""
    return (template % words).decode()
