"""Popups of register entries as shared JavaScript data files, built into a page on first use.

A page carries no popups, only an empty host (:func:`host_html`), so that it does not carry
the popup of every entry it mentions: ``edition.js`` loads the shard that holds an entry's
popup when a reader first points at, focuses, clicks or taps a mention, and builds the popup
from it. The shards are per UI language and shared by every page, so the browser caches
them across pages. They are JavaScript files calling ``edPopups.put(name, data)`` (loaded by
a script tag: works from ``file://``, where ``fetch`` cannot), like the search index
(``edition/derived/search_index.py``).

Files: ``assets/edition/popups/<ui>/<k>.js`` with entry ID -> the popup's HTML, links
relative to the UI language's root (``edition.js`` prefixes the page's way there, the
host's ``data-root``). An entry's shard is :func:`shard_of` its ID, mirrored in
``edition.js``; the number of shards is on the host (``data-shards``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from math import ceil

from edition.base.addresses import entry, popup_shard, url
from edition.base.register import Entry, Register
from edition.base.strings import ui_strings
from edition.web.fallback import definition_in_language, in_language
from edition.web.html import authority_links, dates, esc

# Small shards: the first popup of an entry costs one small script; a page that opens them
# all loads at most one file per entry.
ENTRIES_PER_SHARD = 16


def shard_count(register: Register) -> int:
    return max(1, ceil(len(register.entries) / ENTRIES_PER_SHARD))


def shard_of(entry_id: str, shards: int) -> int:
    """A stable hash of an (ASCII) entry ID; ``shardOf`` in ``edition.js`` is the same."""
    h = 0
    for c in entry_id:
        h = (h * 31 + ord(c)) % shards
    return h


def host_html(register: Register, ui: str, to_root: str, follow: bool = False) -> str:
    """The element popups are built into; says where their data and the UI root are.
    ``follow``: a page's address with an entry's ID it does not hold (``register/persons.html
    #Q17``, written before the index was paged) leads to the entry, by its popup's link."""
    return (
        f'<div class="ed-popups" data-ui="{esc(ui)}" data-root="{esc(to_root)}"'
        f' data-shards="{shard_count(register)}"{" data-follow" if follow else ""}></div>'
    )


def popup_html(e: Entry, ui: str) -> str:
    """The popup of one entry: name, kind and dates, definition, index and authority links
    (the site's own relative to the UI language's root)."""
    s = ui_strings(ui)
    ref, name = esc(e.id), e.name(ui)
    facts = [esc(s["kinds"][e.kind])]
    if dates(e, s):
        facts.append(esc(dates(e, s)))
    links = [
        f'<a href="{esc(url(entry(e)))}">{esc(s["index_entry"])}</a>',
        *authority_links(e),
    ]
    return (
        f'<div popover id="ref-{ref}" class="ed-popup" role="dialog" aria-label="{esc(name)}">'
        f'<button type="button" class="ed-popup-close" popovertarget="ref-{ref}"'
        f' popovertargetaction="hide" aria-label="{esc(s["close"])}">×</button>'
        f'<p class="ed-popup-name"><strong>{in_language(e.name_in(ui), ui)}</strong></p>'
        f'<p class="ed-popup-facts">{" · ".join(facts)}</p>'
        f'<p class="ed-popup-def">{definition_in_language(e.definition_in(ui), ui)}</p>'
        f'<p class="ed-popup-links">{" · ".join(links)}</p></div>'
    )


def files(register: Register, ui_languages: Iterable[str]) -> dict[str, bytes]:
    """The shards of every UI language: path relative to ``docs`` -> content."""
    n = shard_count(register)
    out: dict[str, bytes] = {}
    for ui in ui_languages:
        shards: list[dict[str, str]] = [{} for _ in range(n)]
        for e in register.entries.values():
            shards[shard_of(e.id, n)][e.id] = popup_html(e, ui)
        for k, data in enumerate(shards):
            body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            name = json.dumps(f"{ui}/{k}", ensure_ascii=False)
            out[popup_shard(ui, k).path] = f"edPopups.put({name},{body});\n".encode()
    return out
