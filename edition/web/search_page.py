"""The search page of one UI language (``search.<ui>.md``); ``assets/search.js`` runs it.

The form works without the script too: it is a GET form whose fields (``q``, ``text``,
``lang``) are the parameters the script reads, so the header's search box (a plain form in
``overrides/partials/header.html``) can send a query to this page.

The page's size does not depend on the corpus: it lists no texts. The text filter is the
``text`` parameter (a reading page's "Search in this text" form sends it), shown as the chosen
text's title with a button that clears it; the script reads the title from the text's small
file of the search index (``x_<text>.js``). The languages, few, are a ``<select>``.
"""

from __future__ import annotations

import json

from edition.analysis.corpus import Corpus
from edition.base.addresses import search
from edition.base.strings import ui_strings
from edition.web.html import esc, href
from edition.web.reading import Page


def _select(name: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{esc(v)}">{esc(text)}</option>' for v, text in options)
    return (
        f'<span class="ed-search-filter"><label for="ed-search-{name}">{esc(label)}</label> '
        f'<select id="ed-search-{name}" name="{name}"><option value="">{esc(everything)}</option>'
        f"{items}</select></span>"
    )


def search_page(corpus: Corpus, ui: str) -> Page:
    s = ui_strings(ui)
    here = search()
    codes = dict.fromkeys(v.lang for t in corpus.texts for v in t.versions)
    langs = [(c, s["languages"][c]) for c in codes]
    chosen = (
        f'<span id="ed-search-in" class="ed-search-filter ed-search-in" hidden><span class="ed-search-label">{esc(s["search_text"])}</span>'
        '<strong></strong><input type="hidden" name="text" value=""> '
        f'<button type="button" class="md-button">{esc(s["search_all_texts"])}</button></span>'
    )
    keys = (
        "results",
        "none",
        "none_yet",
        "more",
        "did_you_mean",
        "why_form",
        "why_entry",
        "why_fold",
    )
    strings = esc(
        json.dumps({k: s[f"search_{k}"] for k in (*keys, "why_prefix")}, ensure_ascii=False)
    )
    return Page(
        here,
        s["search_title"],
        (
            f"<h1>{esc(s['search_title'])}</h1>\n\n"
            + f'<p class="ed-help">{esc(s["search_intro"])}</p>\n\n'
            + f'<form id="ed-search" class="ed-search" role="search" method="get" action="{href(here, here)}"'
            + f' aria-label="{esc(s["search_title"])}" data-ui="{esc(ui)}" data-strings="{strings}">'
            + f'<p class="ed-search-q"><label for="ed-search-q">{esc(s["search_query"])}</label>'
            + '<input type="search" id="ed-search-q" name="q" autocomplete="off" spellcheck="false">'
            + f'<button type="submit" class="md-button md-button--primary">{esc(s["search"])}</button></p>'
            + '<p class="ed-search-filters">'
            + chosen
            + _select("lang", s["search_language"], s["search_all_languages"], langs)
            + "</p></form>\n\n"
            + '<p id="ed-search-status" class="ed-search-status" role="status" aria-live="polite"></p>\n'
            + '<div id="ed-search-results" class="ed-search-results"></div>\n'
        ),
    )
