"""HTML of the generated pages. Knows nothing of MkDocs.

Pages are Markdown files whose body is raw HTML blocks: Markdown leaves raw HTML blocks
untouched, so no source character is reinterpreted as Markdown. Links in them are
written as final ``.html`` paths, relative to the page (MkDocs does not rewrite them).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple

from edition.analysis.annotate import Mention
from edition.analysis.corpus import Corpus
from edition.base.addresses import Address, parallel, reading, up
from edition.base.register import Register
from edition.base.sources import Paragraph, Text
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


def _mentions_html(
    text: str, start: int, end: int, mentions: list[Mention], register: Register
) -> str:
    out, pos = [], start
    for m in mentions:
        if m.start < start or m.end > end:
            continue
        out.append(esc(text[pos : m.start]))
        # Lean: edition.js builds the popup on first use and makes the button its invoker.
        out.append(_button(m.ref, register[m.ref].kind))
        out.append(f"{esc(text[m.start : m.end])}</button>")
        pos = m.end
    out.append(esc(text[pos:end]))
    return "".join(out)


def sentences_html(
    par: Paragraph, mentions: list[Mention], register: Register, attrs: list[str]
) -> str:
    """The text of a paragraph, each sentence a span with ``attrs[i]``, mentions as buttons."""
    out, pos = [], 0
    for s, attr in zip(par.sentences, attrs, strict=True):
        out.append(esc(par.text[pos : s.start]))
        inner = _mentions_html(par.text, s.start, s.end, mentions, register)
        out.append(f'<span class="ed-s" {attr}>{inner}</span>')
        pos = s.end
    out.append(esc(par.text[pos:]))
    return "".join(out)


def _switch(here: Address, there: Address, label: str, pid: str) -> str:
    """A link to the same paragraph in the other view (reading <-> parallel)."""
    name = esc(f"{label} {pid}")
    return (
        f'<a class="ed-switch" href="{href(here, there.at(pid))}" title="{name}"'
        f' aria-label="{name}">⇆</a>'
    )


def _anchor(here: Address, pid: str, s: dict[str, Any]) -> str:
    title = esc(f"{s['paragraph_link']} {pid}")
    return f'<a class="ed-anchor" href="{href(here, here.at(pid))}" title="{title}">{esc(pid)}</a>'


def paragraph_html(
    par: Paragraph,
    mentions: list[Mention],
    register: Register,
    s: dict[str, Any],
    here: Address,
    other: Address | None,
) -> str:
    """One paragraph of page ``here``: a visible permalink (and a link to it in the
    ``other`` view), then the text with every sentence in a span and every mention a button."""
    attrs = [f'id="{esc(x.id)}"' for x in par.sentences]
    return (
        f'<div class="ed-para" id="{esc(par.id)}">{_anchor(here, par.id, s)}'
        + (_switch(here, other, s["parallel_of"], par.id) if other else "")
        + f'<p class="ed-p">{sentences_html(par, mentions, register, attrs)}</p></div>'
    )


def text_html(text: Text, corpus: Corpus, ui: str) -> str:
    s = ui_strings(ui)
    mentions = corpus.of(text, text.original)
    here, other = reading(text.id), parallel(text.id) if text.translations else None
    paras = "\n".join(
        paragraph_html(p, mentions.get(p.id, []), corpus.register, s, here, other)
        for p in text.original.paragraphs
    )
    return f'<article class="ed-text" lang="{esc(text.original.lang)}">\n{paras}\n</article>'


def _localized(value: dict[str, str] | None, ui: str) -> str:
    return (value or {}).get(ui, "")


def _licence(text: Text, s: dict[str, Any], ui: str) -> str:
    lic = text.meta["licence"]
    status = s["licence_unknown"] if lic["status"] == "unknown" else lic["status"]
    note = _localized(lic.get("note"), ui)
    return esc(status) + (f" — {esc(note)}" if note else "")


def _translations(text: Text, s: dict[str, Any]) -> str:
    credits = text.meta.get("translations") or {}
    items = [
        f"{esc(s['languages'][code])} ({esc(s['translated_by'])}: {esc(credits[code]['by'])})"
        for code in text.translations
    ]
    return ", ".join(items) or esc(s["none"])


def reading_page(
    corpus: Corpus, text: Text, ui: str, edition: Edition = UNVERSIONED, ui_root: str = ""
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
    links = (
        f'<p class="ed-views"><a href="{href(here, parallel(text.id))}">'
        f"{esc(s['parallel_view'])}</a></p>"
        if text.translations
        else ""
    )
    return Page(
        here,
        title,
        (
            f'<header class="ed-header"><h1>{esc(title)}</h1><dl class="ed-meta">{meta}</dl>'
            + f"{links}{cite.downloads_html(text, edition, ui, here, ui_root)}"
            + f"{cite.cite_html(text, edition, ui)}</header>"
            + "\n\n"
            + text_html(text, corpus, ui)
            + "\n\n"
            + host_html(corpus.register, ui, up(here.path))
            + "\n\n"
            + panel_html(ui, title, citation.version_label(edition, s))
            + "\n"
        ),
        {"citation": citation.page_meta(text, edition, ui)},
    )


def parallel_page(corpus: Corpus, text: Text, ui: str) -> Page:
    """The original beside its translations, one row per paragraph, sentences keyed by the
    original sentence they render (``data-align``)."""
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
    for k, orig in enumerate(text.original.paragraphs):
        cells = []
        for v in versions:
            par = v.paragraphs[k]
            if v is text.original:
                attrs = [f'id="{esc(x.id)}" data-align="{esc(x.id)}"' for x in par.sentences]
            else:
                attrs = [
                    f'data-align="{esc(" ".join(keys))}"' for keys in corpus.alignment(text, v)[k]
                ]
            body = sentences_html(par, corpus.of(text, v).get(par.id, []), corpus.register, attrs)
            cells.append(
                f'<div class="ed-cell" lang="{esc(v.lang)}" data-lang="{esc(v.lang)}">'
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
            + f'<p class="ed-views"><a href="{href(here, there)}">{esc(s["reading_view"])}</a></p>'
            + f'<fieldset class="ed-columns"><legend>{esc(s["columns"])}</legend>{boxes}</fieldset>'
            + f'<p class="ed-help">{esc(s["parallel_help"])}</p></header>'
            + "\n\n"
            + f'<div class="ed-parallel" style="--ed-cols: {len(versions)}">\n'
            + "\n".join(rows)
            + "\n</div>\n\n"
            + host_html(corpus.register, ui, up(here.path))
            + "\n\n"
            + panel_html(ui, title)
            + "\n"
        ),
    )
