"""The catalogue, the list of texts: in pages of ``Paging.texts_per_page`` rows, filtered by
the language of the original and by the decade of the date in ``meta.yml`` (the fields the
schema has; there is no topic field). Every filtered list is a static page of its own, so
the filters are plain links: they work without a script, from ``file://``, and each
filtered page has an address to cite (``addresses.catalogue``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from edition.base.addresses import ALL, Address, Paging, catalogue, reading, translation
from edition.base.sources import Text
from edition.base.strings import ui_strings
from edition.derived.citation import Edition
from edition.web import cite
from edition.web.html import esc, href, pager
from edition.web.reading import Page

UNDATED = "undated"
_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")


def period(text: Text) -> str:
    """The decade of the first year in the text's date (free form: "12 March 1932",
    "1920s–1934"), ``1930s``; ``undated`` where it names no year."""
    found = _YEAR.search(str(text.meta.get("date") or ""))
    return f"{found.group(1)[:3]}0s" if found else UNDATED


def _period_label(s: dict[str, Any], value: str) -> str:
    if value == UNDATED:
        return s["undated"]
    start = int(value[:4])
    return s["decade"].format(start=start, end=start + 9)


def catalogue_pages(
    texts: list[Text], ui: str, edition: Edition, ui_root: str, paging: Paging
) -> Iterator[Page]:
    """Every page of every filter that keeps at least one text (all texts: always)."""
    s = ui_strings(ui)
    periods = {t.id: period(t) for t in texts}
    languages = list(dict.fromkeys(t.original.lang for t in texts))
    dated = sorted({p for p in periods.values() if p != UNDATED})
    decades = dated + ([UNDATED] if UNDATED in periods.values() else [])
    options: Options = {
        "language": [(code, s["languages"].get(code, code)) for code in languages],
        "period": [(p, _period_label(s, p)) for p in decades],
    }

    def kept(language: str, when: str) -> list[Text]:
        return [
            t for t in texts if language in (ALL, t.original.lang) and when in (ALL, periods[t.id])
        ]

    # a filter with one choice would repeat the whole list
    for language in (ALL, *languages) if len(languages) > 1 else (ALL,):
        for when in (ALL, *decades) if len(decades) > 1 else (ALL,):
            chosen = kept(language, when)
            if not chosen and (language, when) != (ALL, ALL):
                continue
            per = paging.texts_per_page
            total = max(1, -(-len(chosen) // per))
            pages = [catalogue(language, when, n) for n in range(1, total + 1)]
            filters = _filters(s, pages[0], language, when, options, kept)
            for n in range(1, total + 1):
                rows = chosen[(n - 1) * per : n * per]
                yield _page(s, ui, ui_root, pages, n, language, when, options, filters, rows,
                            len(chosen))  # fmt: skip


Options = dict[str, list[tuple[str, str]]]  # filter -> (value, label) of each choice


def _filters(
    s: dict[str, Any],
    here: Address,
    language: str,
    when: str,
    options: Options,
    kept: Callable[[str, str], list[Text]],
) -> str:
    """Links to the other filters (each dimension with more than one value), the current
    one marked; a choice that keeps no text is not a link."""
    groups = []
    for dimension, label in (("language", s["original_language"]), ("period", s["date"])):
        if len(options[dimension]) < 2:
            continue
        items = []
        for value, name in [(ALL, s["filter_all"]), *options[dimension]]:
            target = (value, when) if dimension == "language" else (language, value)
            count = len(kept(*target))
            text = f"{esc(name)} ({count})"
            if target == (language, when):
                items.append(f'<li><strong aria-current="true">{text}</strong></li>')
            elif count:
                items.append(f'<li><a href="{href(here, catalogue(*target))}">{text}</a></li>')
            else:
                items.append(f"<li>{text}</li>")
        groups.append(f"<div><h2>{esc(label)}</h2><ul>{''.join(items)}</ul></div>")
    if not groups:
        return ""
    name = esc(s["catalogue_filters"])
    return f'<nav class="ed-filters" aria-label="{name}">{"".join(groups)}</nav>\n\n'


def _page(
    s: dict[str, Any],
    ui: str,
    ui_root: str,
    pages: list[Address],
    n: int,
    language: str,
    when: str,
    options: Options,
    filters: str,
    texts: list[Text],
    count: int,
) -> Page:
    here = pages[n - 1]
    names = dict(options["language"]) | dict(options["period"])
    title = " · ".join([s["catalogue"], *(names[v] for v in (language, when) if v != ALL)])
    if n > 1:
        title = s["page_of"].format(title=title, n=n, total=len(pages))
    rows = []
    for t in texts:
        langs = ", ".join(
            f'<a href="{href(here, translation(t.id, v.lang))}">{esc(s["languages"][v.lang])}</a>'
            for v in t.translations.values()
        )
        length = esc(
            f"{t.original.word_count} {s['words']}, {len(t.original.paragraphs)} {s['paragraphs']}"
        )
        date = esc(str(t.meta.get("date") or "")) or esc(s["undated"])
        rows.append(
            "<tr>"
            f'<td><a href="{href(here, reading(t.id))}">{esc(t.meta["title"][ui])}</a></td>'
            f"<td>{esc(s['languages'][t.original.lang])}</td>"
            f"<td>{date}</td>"
            f"<td>{length}</td>"
            f"<td>{langs or esc(s['none'])}</td>"
            f"<td>{cite.tei_link(t, here, ui_root)}</td>"
            "</tr>"
        )
    head = "".join(
        f"<th>{esc(s[k])}</th>"
        for k in ("title", "original_language", "date", "length", "translations", "downloads")
    )
    nav = pager(here, pages, n, s["pages_of_catalogue"]) if len(pages) > 1 else ""
    return Page(
        here,
        title,
        (
            f"<h1>{esc(title)}</h1>\n\n<p>{esc(s['catalogue_intro'])}</p>\n\n"
            + filters
            + f'<p class="ed-count">{esc(s["texts_count"].format(count=count))}</p>\n\n'
            + nav
            # a wide table scrolls on a phone, by keyboard too
            + f'<div class="ed-scroll" tabindex="0" role="region" aria-label="{esc(title)}">'
            + f'<table class="ed-catalogue"><thead><tr>{head}</tr></thead><tbody>'
            + "".join(rows)
            + "</tbody></table></div>\n\n"
            + cite.corpus_downloads_html(ui, here, ui_root)
            + "\n"
        ),
    )
