"""A register name or definition on a page, marked with its language where it is not the page's.

The register requires one name and one definition in any language (see
``edition/base/register.py``); a page in a UI language without one shows the entry's fallback,
and its ``lang`` attribute tells screen readers, hyphenation and fonts which language it is.
"""

from __future__ import annotations

from edition.web.html import esc


def in_language(value: tuple[str, str], ui: str) -> str:
    """``value`` (text, language) as HTML for a page in ``ui``: escaped, and inside a
    ``<span lang>`` when its language is another."""
    text, code = value
    return esc(text) if code == ui else f'<span lang="{esc(code)}">{esc(text)}</span>'
