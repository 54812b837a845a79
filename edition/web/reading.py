"""HTML of the generated pages. Knows nothing of MkDocs.

Pages are Markdown files whose body is raw HTML blocks: Markdown leaves raw HTML blocks
untouched, so no source character is reinterpreted as Markdown. Links in them are
written as final ``.html`` paths, relative to the page (MkDocs does not rewrite them).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple

from edition.analysis.annotate import Mention
from edition.analysis.corpus import Corpus
from edition.base.addresses import Address, parallel, reading, search, translation, up
from edition.base.register import Register
from edition.base.sources import Paragraph, Text, Version, credit_by
from edition.base.strings import ui_strings
from edition.derived import citation
from edition.derived.citation import UNVERSIONED, Edition
from edition.web import cite
from edition.web.html import esc, href
from edition.web.linkpanel import panel_html
from edition.web.popups import host_html


# A page: its address, its title (plain text) and its body (HTML). The face's layout makes
# the page's source file of the two (``edition.build.generate.Layout``).
class Page(NamedTuple):
    """A generated page: its address, its title (plain text), its HTML body, and data for the
    page's head that the face writes beside the title (the citation meta tags)."""

    address: Address
    title: str
    body: str
    meta: Mapping[str, Any] = MappingProxyType({})


@cache
def _button(ref: str, kind: str) -> str:
    """The opening tag of a mention of entry ``ref``: the same for each of its many mentions."""
    return f'<button class="ed-ref" data-ref="{esc(ref)}" data-kind="{esc(kind)}">'


# Punctuation that belongs to the word beside it. A mention is a button, which the browser
# lays out as one box with a line-break opportunity on each side, even before a comma: the
# button and the punctuation touching it are kept on one line (``.ed-nw``).
_OPENING = frozenset({"Ps", "Pi"})  # ( „ « “
_CLOSING = frozenset({"Pe", "Pf", "Po"})  # ) ” » , . ; : ! ?


def _glued_before(text: str, lo: int, at: int) -> int:
    while at > lo and unicodedata.category(text[at - 1]) in _OPENING:
        at -= 1
    return at


def _glued_after(text: str, at: int, hi: int) -> int:
    while at < hi and unicodedata.category(text[at]) in _CLOSING:
        at += 1
    return at


def _mentions_html(
    text: str, start: int, end: int, mentions: list[Mention], register: Register
) -> str:
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    out, pos = [], start
    for n, m in enumerate(inside):
        a = _glued_before(text, pos, m.start)
        b = _glued_after(text, m.end, inside[n + 1].start if n + 1 < len(inside) else end)
        out.append(esc(text[pos:a]))
        # Lean: edition.js builds the popup on first use and makes the button its invoker.
        button = f"{_button(m.ref, register[m.ref].kind)}{esc(text[m.start : m.end])}</button>"
        if a < m.start or b > m.end:
            button = (
                f'<span class="ed-nw">{esc(text[a : m.start])}{button}{esc(text[m.end : b])}</span>'
            )
        out.append(button)
        pos = b
    out.append(esc(text[pos:end]))
    return "".join(out)


def sentences_html(
    par: Paragraph,
    mentions: list[Mention],
    register: Register,
    attrs: list[str],
    first: list[str] | None = None,
) -> str:
    """The text of a paragraph, each sentence a span with ``attrs[i]`` (starting with
    ``first[i]``, if given), mentions as buttons."""
    out, pos = [], 0
    for i, (s, attr) in enumerate(zip(par.sentences, attrs, strict=True)):
        out.append(esc(par.text[pos : s.start]))
        inner = _mentions_html(par.text, s.start, s.end, mentions, register)
        out.append(f'<span class="ed-s" {attr}>{first[i] if first else ""}{inner}</span>')
        pos = s.end
    out.append(esc(par.text[pos:]))
    return "".join(out)


def _switch(here: Address, there: Address, label: str, pid: str) -> str:
    """A link to the same paragraph in the other view (reading <-> parallel); ``reader.js``
    adds the parallel view's ``?cols=`` of the page it is on."""
    name = esc(f"{label} {pid}")
    return (
        f'<a class="ed-switch" href="{href(here, there.at(pid))}" title="{name}"'
        f' aria-label="{name}" data-ed-keep="cols">⇆</a>'
    )


def _anchor(here: Address, pid: str, s: dict[str, Any]) -> str:
    title = esc(f"{s['paragraph_link']} {pid}")
    return f'<a class="ed-anchor" href="{href(here, here.at(pid))}" title="{title}">{esc(pid)}</a>'


def _sentence_ids(text: Text, version: Version, corpus: Corpus, k: int) -> tuple[list, list]:
    """The attributes of the sentences of paragraph ``k`` of ``version`` on a page of its own,
    and what each starts with: the original's sentence IDs. A translated sentence takes the
    first ID of the original sentences it renders (``data-align``) not yet given; where it
    renders several (two sentences merged), the others mark its start as empty spans inside
    it (after it in document order), so that every ``#p3s2`` of the original has its place
    in the translation too."""
    par = version.paragraphs[k]
    if version is text.original:
        return [f'id="{esc(x.id)}"' for x in par.sentences], [""] * len(par.sentences)
    given: set[str] = set()
    attrs, first = [], []
    for keys in corpus.alignment(text, version)[k]:
        new = [key for key in keys if key not in given]
        given.update(new)
        own = f'id="{esc(new[0])}" ' if new else ""
        attrs.append(f'{own}data-align="{esc(" ".join(keys))}"')
        first.append("".join(f'<span class="ed-s" id="{esc(key)}"></span>' for key in new[1:]))
    return attrs, first


class Sentences:
    """The sentence markup of one text's paragraphs (spans, IDs, mention buttons), the bulk of
    its pages and the same on them in every UI language: made once for all of them, as each
    page asks for it. Held for one text at a time (a build's pages hold it for the text it is
    writing)."""

    def __init__(self, corpus: Corpus, text: Text) -> None:
        self.corpus, self.text = corpus, text
        self._own: dict[str, list[str]] = {}
        self._parallel: list[list[str]] | None = None

    def own(self, version: Version) -> list[str]:
        """Each paragraph of ``version`` on a page of its own (the original's sentence IDs)."""
        found = self._own.get(version.lang)
        if found is None:
            corpus, text = self.corpus, self.text
            mentions = corpus.of(text, version)
            found = self._own[version.lang] = []
            for k, par in enumerate(version.paragraphs):
                attrs, first = _sentence_ids(text, version, corpus, k)
                found.append(
                    sentences_html(par, mentions.get(par.id, []), corpus.register, attrs, first)
                )
        return found

    def parallel(self) -> list[list[str]]:
        """Each row of the parallel view: the paragraph of each version, sentences keyed by
        the original sentence they render (``data-align``)."""
        if self._parallel is None:
            corpus, text = self.corpus, self.text
            self._parallel = []
            for k in range(len(text.original.paragraphs)):
                cells = []
                for v in text.versions:
                    par = v.paragraphs[k]
                    if v is text.original:
                        attrs = [
                            f'id="{esc(x.id)}" data-align="{esc(x.id)}"' for x in par.sentences
                        ]
                    else:
                        attrs = [
                            f'data-align="{esc(" ".join(keys))}"'
                            for keys in corpus.alignment(text, v)[k]
                        ]
                    mentions = corpus.of(text, v).get(par.id, [])
                    cells.append(sentences_html(par, mentions, corpus.register, attrs))
                self._parallel.append(cells)
        return self._parallel


def text_html(
    text: Text,
    version: Version,
    corpus: Corpus,
    ui: str,
    here: Address,
    sentences: Sentences | None = None,
) -> str:
    """One version of ``text`` on page ``here``, paragraph by paragraph: a visible permalink
    (and, if the text has translations, a link to the paragraph in the parallel view), then
    the text with every sentence in a span and every mention a button."""
    s = ui_strings(ui)
    bodies = (sentences or Sentences(corpus, text)).own(version)
    other = parallel(text.id) if text.translations else None
    paras = []
    for par, body in zip(version.paragraphs, bodies, strict=True):
        paras.append(
            f'<div class="ed-para" id="{esc(par.id)}">{_anchor(here, par.id, s)}'
            + (_switch(here, other, s["parallel_of"], par.id) if other else "")
            + f'<p class="ed-p">{body}</p></div>'
        )
    return (
        f'<article class="ed-text" lang="{esc(version.lang)}">\n'
        + "\n".join(paras)
        + "\n</article>"
    )


def _localized(value: dict[str, str] | None, ui: str) -> str:
    return (value or {}).get(ui, "")


def _licence(text: Text, s: dict[str, Any], ui: str) -> str:
    lic = text.meta["licence"]
    status = s["licence_unknown"] if lic["status"] == "unknown" else lic["status"]
    note = _localized(lic.get("note"), ui)
    return esc(status) + (f" — {esc(note)}" if note else "")


def _translations(text: Text, s: dict[str, Any]) -> str:
    """Each translation's language and credit in the UI language: "angielski (przekład
    roboczy: redakcja edycji)"."""
    credits = text.meta.get("translations") or {}
    items = []
    for code in text.translations:
        credit = credits[code]
        kind = s["translation_status"].get(credit.get("status", ""), s["translated_by"])
        items.append(
            f"{esc(s['languages'][code])} ({esc(kind)}: {esc(credit_by(credit, s['ui']))})"
        )
    return ", ".join(items) or esc(s["none"])


def _endonym(code: str, s: dict[str, Any]) -> str:
    """A language's name in that language (``English``, ``Українська``), else in the UI's."""
    try:
        name: str = ui_strings(code)["languages"][code]
    except KeyError:
        name = s["languages"][code]
    return name[:1].upper() + name[1:]


def _views_html(text: Text, s: dict[str, Any], here: Address, current: str) -> str:
    """The choice of version (Original | English | Українська) and the parallel view, the
    ``current`` one (a language code, or ``parallel``) marked: links that keep the passage
    and the columns the reader is at (``reader.js`` adds the ``#fragment`` and ``?cols=``)."""
    if not text.translations:
        return ""
    links = []
    for v in text.versions:
        to = reading(text.id) if v is text.original else translation(text.id, v.lang)
        label = s["original"] if v is text.original else _endonym(v.lang, s)
        lang = "" if v is text.original else f' lang="{esc(v.lang)}" hreflang="{esc(v.lang)}"'
        links.append((to, label, lang, v.lang))
    links.append((parallel(text.id), s["parallel_view"], "", "parallel"))
    current_mark = ' aria-current="page"'
    items = "".join(
        f'<a href="{href(here, to)}"{lang}{current_mark if key == current else ""}'
        f' data-ed-keep="cols hash">{esc(label)}</a>'
        for to, label, lang, key in links
    )
    return (
        f'<nav class="ed-views" aria-label="{esc(s["versions"])}">'
        f'<span class="ed-versions">{items}</span></nav>'
    )


def _legend_html(corpus: Corpus, text: Text, version: Version, s: dict[str, Any]) -> str:
    """What the underline of a mention says: one sample per kind of entry in this version."""
    kinds = {corpus.register[m.ref].kind for ms in corpus.of(text, version).values() for m in ms}
    samples = [
        f'<span class="ed-legend-kind" data-kind="{esc(k)}">{esc(s["kinds_plural"][k])}</span>'
        for k in ("person", "place", "organisation", "term")
        if k in kinds
    ]
    if not samples:
        return ""
    return f'<p class="ed-legend">{esc(s["legend"])} {" ".join(samples)}</p>'


def _header_html(
    text: Text, s: dict[str, Any], title: str, about: str, views: str, legend: str
) -> str:
    """The page's header: the title, the versions, then what is known of the text in a
    collapsed block (``reader.js`` opens it on wide screens), so that on a phone the text
    starts on the first screen."""
    return (
        f'<header class="ed-header"><h1>{esc(title)}</h1>{views}'
        f'<details class="ed-about"><summary>{esc(s["about_text"])}</summary>{about}</details>'
        f"{legend}</header>"
    )


def search_in_text_html(text: Text, s: dict[str, Any], here: Address) -> str:
    """A GET form to the search page with the text filter set (``text``): the search page
    lists no texts, so that its size does not grow with the corpus."""
    label = esc(s["search_in_text"])
    return (
        f'<form class="ed-search-in-text" role="search" method="get" aria-label="{label}"'
        f' action="{href(here, search())}"><input type="hidden" name="text" value="{esc(text.id)}">'
        f'<input type="search" name="q" aria-label="{label}" placeholder="{label}"'
        ' autocomplete="off" spellcheck="false">'
        f'<button type="submit" class="md-button">{esc(s["search"])}</button></form>'
    )


def reading_page(
    corpus: Corpus,
    text: Text,
    ui: str,
    edition: Edition = UNVERSIONED,
    ui_root: str = "",
    sentences: Sentences | None = None,
) -> Page:
    s = ui_strings(ui)
    here = reading(text.id)
    title = text.meta["title"][ui]
    rows = [
        (s["original_language"], esc(s["languages"][text.original.lang])),
        (s["translations"], _translations(text, s)),
        (s["source"], esc(_localized(text.meta["source"], ui))),
        (s["licence"], _licence(text, s, ui)),
    ]
    if text.meta.get("remarks"):
        rows.append((s["remarks"], esc(_localized(text.meta["remarks"], ui))))
    meta = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    about = (
        f'<dl class="ed-meta">{meta}</dl>'
        + cite.downloads_html(text, edition, ui, here, ui_root)
        + cite.cite_html(text, edition, ui)
        + search_in_text_html(text, s, here)
    )
    views = _views_html(text, s, here, text.original.lang)
    legend = _legend_html(corpus, text, text.original, s)
    return Page(
        here,
        title,
        (
            _header_html(text, s, title, about, views, legend)
            + "\n\n"
            + text_html(text, text.original, corpus, ui, here, sentences)
            + "\n\n"
            + host_html(corpus.register, ui, up(here.path))
            + "\n\n"
            + panel_html(ui, title, citation.version_label(edition, s))
            + "\n"
        ),
        {"citation": citation.page_meta(text, edition, ui)},
    )


def translation_page(
    corpus: Corpus,
    text: Text,
    lang: str,
    ui: str,
    edition: Edition = UNVERSIONED,
    sentences: Sentences | None = None,
) -> Page:
    """A translation read on its own, one column, with the original's paragraph and sentence
    IDs: a reader of English need not use the parallel view."""
    s = ui_strings(ui)
    here = translation(text.id, lang)
    version = text.translations[lang]
    title = text.meta["title"][ui]
    credit = (text.meta.get("translations") or {})[lang]
    label = s["translation_label"].format(language=s["languages"][lang])
    about = (
        f'<dl class="ed-meta"><dt>{esc(s["original_language"])}</dt>'
        f"<dd>{esc(s['languages'][text.original.lang])}</dd>"
        f"<dt>{esc(s['translations'])}</dt><dd>{_translations(text, s)}</dd></dl>"
    )
    views = _views_html(text, s, here, lang)
    legend = _legend_html(corpus, text, version, s)
    page_title = s["translation_page"].format(title=title, language=label)
    return Page(
        here,
        page_title,
        (
            _header_html(text, s, title, about, views, legend)
            + f'<p class="ed-version-label">{esc(label)} — {esc(credit_by(credit, ui))}</p>'
            + "\n\n"
            + text_html(text, version, corpus, ui, here, sentences)
            + "\n\n"
            + host_html(corpus.register, ui, up(here.path))
            + "\n\n"
            + panel_html(ui, page_title, citation.version_label(edition, s))
            + "\n"
        ),
    )


def parallel_page(corpus: Corpus, text: Text, ui: str, sentences: Sentences | None = None) -> Page:
    """The original beside its translations, one row per paragraph, sentences keyed by the
    original sentence they render (``data-align``). On a phone the cells of a row follow one
    another, each labelled with its language. Material's side columns are hidden (front
    matter ``hide``) so that the columns have the page's width."""
    s = ui_strings(ui)
    here, there = parallel(text.id), reading(text.id)
    title = text.meta["title"][ui]
    versions = text.versions
    boxes = "".join(
        f'<label><input type="checkbox" name="col" value="{esc(v.lang)}" checked> '
        f"{esc(s['languages'][v.lang])}</label>"
        for v in versions
    )
    rows = []
    bodies = (sentences or Sentences(corpus, text)).parallel()
    for orig, row in zip(text.original.paragraphs, bodies, strict=True):
        cells = []
        for v, body in zip(versions, row, strict=True):
            cells.append(
                f'<div class="ed-cell" lang="{esc(v.lang)}" data-lang="{esc(v.lang)}">'
                f'<p class="ed-cell-lang" lang="{esc(ui)}">{esc(s["languages"][v.lang])}</p>'
                f'<p class="ed-p">{body}</p></div>'
            )
        rows.append(
            f'<div class="ed-row" id="{esc(orig.id)}">{_anchor(here, orig.id, s)}'
            + _switch(here, there, s["reading_of"], orig.id)
            + "".join(cells)
            + "</div>"
        )
    return Page(
        here,
        f"{title} — {s['parallel_view']}",
        (
            f'<header class="ed-header"><h1>{esc(title)}</h1>'
            + _views_html(text, s, here, "parallel")
            + f'<fieldset class="ed-columns"><legend>{esc(s["columns"])}</legend>{boxes}</fieldset>'
            + f'<p class="ed-help">{esc(s["parallel_help"])}</p>'
            + _legend_html(corpus, text, text.original, s)
            + "</header>"
            + "\n\n"
            + f'<div class="ed-parallel" style="--ed-cols: {len(versions)}">\n'
            + "\n".join(rows)
            + "\n</div>\n\n"
            + host_html(corpus.register, ui, up(here.path))
            + "\n\n"
            + panel_html(ui, title)
            + "\n"
        ),
        {"hide": ["navigation", "toc"]},
    )
