"""The teacher's link builder panel on reading pages and parallel views.

The panel is written into the page, hidden, with every interface string from ``ui.yml``;
``assets/linkbuilder.js`` shows a small button beside a selection, which opens it (a panel
that opened on every selection would cover the text being read), or opens it from a
paragraph's permalink, and fills in the link and the citation (which needs the reader's date
and the range chosen). Where the edition has no public address (no ``site_url``), the panel
says so and its links are to the page as it is served.
"""

from __future__ import annotations

from edition.base.strings import ui_strings
from edition.web.html import esc


def panel_html(ui: str, title: str, version: str = "") -> str:
    """The panel; ``version`` (the edition's, in words) goes into every passage citation."""
    s = ui_strings(ui)
    data = {
        "title": title,
        "version": version,
        "cite": s["cite_format"],
        "accessed": s["accessed"],
        "copied": s["copied"],
        "failed": s["copy_failed"],
        **{k: s[f"passage_{k}"] for k in ("paragraph", "paragraphs", "sentence", "sentences")},
    }
    attrs = " ".join(f'data-{k}="{esc(v)}"' for k, v in data.items())

    def field(name: str, label: str, tag: str) -> str:
        box = (
            f'<textarea id="ed-share-{name}" rows="3" readonly></textarea>'
            if tag == "textarea"
            else f'<input id="ed-share-{name}" type="text" readonly>'
        )
        return (
            f'<div class="ed-share-field" data-field="{name}">'
            f'<label for="ed-share-{name}">{esc(label)}</label>'
            f'<div class="ed-share-row">{box}<button type="button" data-copy="ed-share-{name}"'
            f' aria-describedby="ed-share-{name}">{esc(s["copy"])}</button></div></div>'
        )

    return (
        f'<div class="ed-share" id="ed-share" role="dialog" aria-labelledby="ed-share-title" hidden {attrs}>'
        f'<button type="button" class="ed-share-close" aria-label="{esc(s["close"])}">×</button>'
        f'<p class="ed-share-title" id="ed-share-title"><strong>{esc(s["share_title"])}</strong></p>'
        f'<p class="ed-share-note" hidden>{esc(s["no_public_url"])}</p>'
        + field("link", s["share_link"], "input")
        + field("local", s["share_local"], "input")
        + field("cite", s["share_citation"], "textarea")
        + '<p class="ed-share-status" role="status"></p></div>'
        + f'<button type="button" class="ed-share-open" hidden>{esc(s["share_title"])}</button>'
    )
