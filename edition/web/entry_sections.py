"""The parts of a register entry's section on its entry page that are the same in every UI
language, made once: its names and the forms found in the texts, and its occurrences, text
by text and version by version, as keyword-in-context lines linked to their sentences: the
first few in the section, the rest in pages of their own (``addresses.occurrences``).

They differ between UI languages only in a few words: headings, the names of languages and
the texts' titles ("Original: Polish (2)"), the label of each line's link ("Reading view
p8s1"). Made again in each language, the lines were most of the cost of the index pages
(half a million lines for 5,000 entries in 200 texts). So they are made once, as UTF-8
``%``-templates whose fields are those words (:class:`EntryTemplate`), and each UI language
fills them in with one ``bytes % words`` (:meth:`Fields.fill`), which does no per-line work
in Python. Hand-rolled because a template engine would make the lines one by one again.

The register's pages are made group by group (``register_pages``): a group's templates are
made once, filled in for every UI language and dropped, so nothing is kept between groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.analysis.corpus import Corpus, Occurrence
from edition.base.addresses import Paging, any_group, entry, parallel, reading, relative
from edition.base.register import Entry
from edition.base.sources import Text
from edition.base.strings import ui_strings
from edition.derived.register_index import kwic, surface_forms
from edition.web.html import authority_links, esc


def _field(name: str) -> str:
    return f"%({name})s"


def _lit(text: str) -> str:
    """``text`` as it stands in a template: its ``%`` doubled."""
    return text.replace("%", "%%")


def _html(text: str) -> str:
    """``text`` escaped for HTML, as it stands in a template."""
    return _lit(esc(text))


@dataclass(frozen=True)
class OccurrencePage:
    """Occurrences ``first`` to ``last`` (from 1) of an entry, as a template."""

    first: int
    last: int
    template: bytes


@dataclass(frozen=True)
class EntryTemplate:
    count: int  # occurrences
    texts: int  # texts it occurs in
    names: bytes  # the names and the forms found, up to the heading of the occurrences
    occurrences: OccurrencePage  # the first ones: the "in texts" list and a section per text
    more: tuple[OccurrencePage, ...]  # the pages of the others (pages 2, 3, ...)
    authority: str  # the links to authority files, each after " · "


class Fields:
    """The field names of the templates (a text's and a language's number: IDs and codes may
    hold any character) and the words that fill them in each UI language, for one build."""

    def __init__(self, corpus: Corpus, ui_languages: tuple[str, ...]) -> None:
        self.corpus = corpus
        self.texts = {text.id: k for k, text in enumerate(corpus.texts)}
        codes = [v.lang for t in corpus.texts for v in t.versions]
        codes += [code for e in corpus.register for code in e.names]
        self.languages = {code: k for k, code in enumerate(dict.fromkeys(codes))}
        self.words = {ui: self._words(ui) for ui in ui_languages}

    def _words(self, ui: str) -> dict[bytes, bytes]:
        s = ui_strings(ui)
        out = {key: esc(s[key]) for key in ("names_label", "forms_in_texts", "mentions")}
        out |= {key: esc(s[key]) for key in ("in_texts", "original", "translation")}
        # a line's link: to the reading page for the original, to the parallel view (at the
        # original sentence it renders) for a translation; every group page and occurrence
        # page is at the same depth
        here = any_group()
        for role, view in (("original", "reading_view"), ("translation", "parallel_view")):
            out[f"l{role[0]}"] = f'" aria-label="{esc(s[view])} '
        for k, text in enumerate(self.corpus.texts):
            out[f"t{k}"] = esc(text.meta["title"][ui])
            for j, version in enumerate(text.versions):
                page = (reading if version is text.original else parallel)(text.id)
                link = esc(relative(here, page))
                out[f"a{k}.{j}"] = f'<li><a class="ed-occ-link" href="{link}#'
        for code, n in self.languages.items():
            out[f"L{n}"] = esc(s["languages"].get(code, code))
            out[f"k{n}"] = f'</a> <span class="ed-kwic" lang="{esc(code)}">'
        return {key.encode(): value.encode() for key, value in out.items()}

    def fill(self, template: bytes, ui: str) -> str:
        """A template filled in with the words of UI language ``ui``."""
        return (template % self.words[ui]).decode()


def _names(fields: Fields, entry: Entry, forms: dict[str, list[str]]) -> list[str]:
    rows = []
    for code, names in entry.names.items():
        main, *variants = names
        value = f"<strong>{_html(main)}</strong>" + (
            f" ({', '.join(_html(v) for v in variants)})" if variants else ""
        )
        rows.append(
            f'<dt>{_field(f"L{fields.languages[code]}")}</dt><dd lang="{_html(code)}">{value}</dd>'
        )
    table = f'<dl class="ed-meta">{"".join(rows)}</dl>'
    if forms:
        found = "".join(
            f"<dt>{_field(f'L{fields.languages[code]}')}</dt>"
            f'<dd lang="{_html(code)}">{", ".join(_html(f) for f in found)}</dd>'
            for code, found in forms.items()
        )
        table += f"<h3>{_field('forms_in_texts')}</h3>" + f'<dl class="ed-meta">{found}</dl>'
    return [f"<h3>{_field('names_label')}</h3>", table, f"<h3>{_field('mentions')}</h3>", ""]


def _occurrences(
    fields: Fields, e: Entry, occurrences: list[Occurrence], forms: dict[str, dict[str, None]]
) -> bytes:
    """The "in texts" list and a section per text of ``occurrences``; the forms found are
    added to ``forms`` (language -> forms). One pass over the occurrences, which the corpus
    lists text by text, version by version (the original first): they are scattered in
    memory, and reading them was the largest cost."""
    groups: list[tuple[Text, list[list[str]]]] = []  # text, its versions' parts
    version = None
    for occ in occurrences:
        text = occ.text
        if not groups or groups[-1][0] is not text:
            groups.append((text, []))
            version = None
        if occ.version is not version:
            version = occ.version
            k = fields.texts[text.id]
            j = next(j for j, v in enumerate(text.versions) if v is version)
            lang = fields.languages[version.lang]
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
            f"{_field(f't{fields.texts[text.id]}')}</a>"
            for text, _ in groups
        )
        parts.append(f'<p class="ed-in-texts">{_field("in_texts")}: {texts}</p>')
    for text, versions in groups:
        heading = _html(f"{e.id}-text-{text.id}")
        parts.append(
            # named by the text and the entry: landmarks on a page need unique names
            f'<section class="ed-occ-text" aria-labelledby="{heading} {ref}-name">'
            f'<h4 id="{heading}"><a href="{_html(relative(here, reading(text.id)))}">'
            f"{_field(f't{fields.texts[text.id]}')}</a></h4>"
        )
        for h5, *lines in versions:
            parts.append(
                f'<h5>{h5} ({len(lines)})</h5><ol class="ed-occurrences">{"".join(lines)}</ol>'
            )
        parts.append("</section>")
    return "\n".join(parts).encode()


def of(fields: Fields, entry: Entry, paging: Paging) -> EntryTemplate:
    """The entry's templates: the first ``paging.occurrences_on_entry`` occurrences for its
    section, the others in pages of ``paging.occurrences_per_page``."""
    occurrences = fields.corpus.occurrences.get(entry.id, [])
    forms: dict[str, dict[str, None]] = {}
    first = paging.occurrences_on_entry
    pages = [OccurrencePage(1, min(first, len(occurrences)), b"")]
    pages += [
        OccurrencePage(start + 1, min(start + paging.occurrences_per_page, len(occurrences)), b"")
        for start in range(first, len(occurrences), paging.occurrences_per_page)
    ]
    made = tuple(
        OccurrencePage(
            p.first, p.last, _occurrences(fields, entry, occurrences[p.first - 1 : p.last], forms)
        )
        for p in pages
    )
    return EntryTemplate(
        len(occurrences),
        len({id(occ.text) for occ in occurrences}),
        "\n".join(_names(fields, entry, surface_forms(entry, forms))).encode(),
        made[0],
        made[1:],
        "".join(f" · {link}" for link in authority_links(entry)),
    )
