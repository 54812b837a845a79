"""A register name or definition on a page, marked with its language where it is not the page's.

The register requires one name and one definition in any language (see
``edition/base/register.py``); a page in a UI language without one shows the entry's fallback,
and its ``lang`` attribute tells screen readers, hyphenation and fonts which language it is.
A definition in another language is also labelled for the eye, in the page's language
("(in Polish)", "(po polsku)", "(польською)"): a name in its own script explains itself, a
paragraph in a language the reader may not read does not.
"""

from __future__ import annotations

from edition.base.strings import ui_strings
from edition.web.html import esc


def in_language(value: tuple[str, str], ui: str) -> str:
    """``value`` (text, language) as HTML for a page in ``ui``: escaped, and inside a
    ``<span lang>`` when its language is another."""
    text, code = value
    return esc(text) if code == ui else f'<span lang="{esc(code)}">{esc(text)}</span>'


def language_label(code: str, ui: str) -> str:
    """The label of language ``code`` in UI language ``ui``: "(in Polish)" (a language
    without its own label: its name, else its code, in brackets)."""
    s = ui_strings(ui)
    return s["in_language"].get(code) or f"({s['languages'].get(code, code)})"


def definition_in_language(value: tuple[str, str], ui: str) -> str:
    """A definition (text, language) as HTML for a page in ``ui``: as :func:`in_language`,
    followed by a visible label naming its language where that is another."""
    text, code = value
    if code == ui:
        return esc(text)
    label = esc(language_label(code, ui))
    return f'{in_language(value, ui)} <span class="ed-fallback-lang">{label}</span>'
