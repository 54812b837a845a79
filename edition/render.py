"""HTML of reading pages and the catalogue. Knows nothing of MkDocs.

Pages are Markdown files whose body is one raw HTML block per part: Markdown leaves
raw HTML blocks untouched, so no source character is reinterpreted as Markdown.
"""

from __future__ import annotations

from html import escape
from typing import Any

import yaml

from .sources import Paragraph, Text, Version
from .strings import ui_strings


def front_matter(**fields: Any) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n"


def paragraph_html(par: Paragraph, link_label: str) -> str:
    """One paragraph: a visible permalink, then the text with every sentence in a span."""
    out, pos = [], 0
    for s in par.sentences:
        out.append(escape(par.text[pos : s.start], quote=False))
        out.append(
            f'<span class="ed-s" id="{s.id}">{escape(par.text[s.start : s.end], quote=False)}</span>'
        )
        pos = s.end
    out.append(escape(par.text[pos:], quote=False))
    return (
        f'<div class="ed-para" id="{par.id}">'
        f'<a class="ed-anchor" href="#{par.id}" title="{escape(link_label)} {par.id}">{par.id}</a>'
        f'<p class="ed-p">{"".join(out)}</p></div>'
    )


def text_html(version: Version, link_label: str) -> str:
    paras = "\n".join(paragraph_html(p, link_label) for p in version.paragraphs)
    return f'<article class="ed-text" lang="{version.lang}">\n{paras}\n</article>'


def _localized(value: dict[str, str] | None, ui: str) -> str:
    return (value or {}).get(ui, "")


def _licence(text: Text, s: dict[str, Any], ui: str) -> str:
    lic = text.meta["licence"]
    status = s["licence_unknown"] if lic["status"] == "unknown" else lic["status"]
    note = _localized(lic.get("note"), ui)
    return escape(status) + (f" — {escape(note)}" if note else "")


def _translations(text: Text, s: dict[str, Any]) -> str:
    credits = text.meta.get("translations") or {}
    items = [
        f"{escape(s['languages'][code])} ({s['translated_by']}: {escape(credits[code]['by'])})"
        for code in text.translations
    ]
    return ", ".join(items) or s["none"]


def reading_page(text: Text, ui: str) -> str:
    s = ui_strings(ui)
    title = text.meta["title"][ui]
    rows = [
        (s["original_language"], escape(s["languages"][text.original.lang])),
        (s["translations"], _translations(text, s)),
        (s["source"], escape(_localized(text.meta["source"], ui))),
        (s["licence"], _licence(text, s, ui)),
    ]
    if text.meta.get("remarks"):
        rows.append((s["remarks"], escape(_localized(text.meta["remarks"], ui))))
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    header = (
        f'<header class="ed-header"><h1>{escape(title)}</h1>'
        f'<dl class="ed-meta">{meta}</dl></header>'
    )
    return (
        front_matter(title=title, ed_text=text.id)
        + header
        + "\n\n"
        + text_html(text.original, s["paragraph_link"])
        + "\n"
    )


def catalogue_page(texts: list[Text], ui: str) -> str:
    s = ui_strings(ui)
    rows = []
    for t in texts:
        langs = ", ".join(escape(s["languages"][v.lang]) for v in t.translations.values())
        rows.append(
            "<tr>"
            f'<td><a href="{t.id}.html">{escape(t.meta["title"][ui])}</a></td>'
            f"<td>{escape(s['languages'][t.original.lang])}</td>"
            f"<td>{t.original.word_count} {s['words']}, {len(t.original.paragraphs)} {s['paragraphs']}</td>"
            f"<td>{langs or s['none']}</td>"
            "</tr>"
        )
    head = "".join(
        f"<th>{s[k]}</th>" for k in ("title", "original_language", "length", "translations")
    )
    return (
        front_matter(title=s["catalogue"])
        + f"<h1>{s['catalogue']}</h1>\n\n<p>{escape(s['catalogue_intro'])}</p>\n\n"
        + f'<table class="ed-catalogue"><thead><tr>{head}</tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>\n"
    )
