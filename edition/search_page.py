"""The search page of one UI language (``search.<ui>.md``); ``assets/search.js`` runs it.

The form works without the script too: it is a GET form whose fields (``q``, ``text``,
``lang``) are the parameters the script reads, so the header's search box (a plain form in
``overrides/partials/header.html``) can send a query to this page.
"""

from __future__ import annotations

import json
from html import escape

from .corpus import Corpus
from .render import _t, front_matter
from .strings import ui_strings

SEARCH_PAGE = "search"


def _select(name: str, label: str, everything: str, options: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<option value="{v}"{extra}>{_t(text)}</option>' for v, text, extra in options)
    return (
        f'<span class="ed-search-filter"><label for="ed-search-{name}">{_t(label)}</label> '
        f'<select id="ed-search-{name}" name="{name}"><option value="">{_t(everything)}</option>'
        f"{items}</select></span>"
    )


def search_page(corpus: Corpus, ui: str) -> str:
    s = ui_strings(ui)
    texts = [
        (t.id, t.meta["title"][ui], f' data-original="{t.original.lang}"') for t in corpus.texts
    ]
    codes = dict.fromkeys(v.lang for t in corpus.texts for v in t.versions)
    langs = [(c, s["languages"][c], "") for c in codes]
    strings = escape(json.dumps({"results": s["search_results"], "none": s["search_none"]}))
    return (
        front_matter(title=s["search_title"])
        + f"<h1>{_t(s['search_title'])}</h1>\n\n"
        + f'<p class="ed-help">{_t(s["search_intro"])}</p>\n\n'
        + f'<form id="ed-search" class="ed-search" role="search" method="get" action="{SEARCH_PAGE}.html"'
        + f' aria-label="{escape(s["search_title"])}" data-strings="{strings}">'
        + f'<p class="ed-search-q"><label for="ed-search-q">{_t(s["search_query"])}</label>'
        + '<input type="search" id="ed-search-q" name="q" autocomplete="off" spellcheck="false">'
        + f'<button type="submit" class="md-button md-button--primary">{_t(s["search"])}</button></p>'
        + '<p class="ed-search-filters">'
        + _select("text", s["search_text"], s["search_all_texts"], texts)
        + _select("lang", s["search_language"], s["search_all_languages"], langs)
        + "</p></form>\n\n"
        + '<p id="ed-search-status" class="ed-search-status" role="status" aria-live="polite"></p>\n'
        + '<div id="ed-search-results" class="ed-search-results"></div>\n'
    )
