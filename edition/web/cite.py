"""The "Cite" block and the downloads of a reading page: TEI, BibTeX, RIS, CSL-JSON.

The passage citation is the link panel's (``linkpanel.py``): it adds the edition's version.
"""

from __future__ import annotations

from edition.base import addresses
from edition.base.addresses import Address, relative
from edition.base.sources import Text
from edition.base.strings import ui_strings
from edition.derived.citation import FORMATS, Edition, edition_citation, text_citation
from edition.web.html import esc

# Each download's label: the names of the formats, the same in every language.
_LABELS = {"tei.xml": "TEI P5", "bib": "BibTeX", "ris": "RIS", "csl.json": "CSL-JSON"}


def downloads_html(text: Text, edition: Edition, ui: str, here: Address, ui_root: str) -> str:
    """Links to the text's TEI and citation files (at the site's root) from page ``here`` of
    the UI language whose pages are at ``ui_root``."""
    s = ui_strings(ui)
    files = {"tei.xml": addresses.tei_file(text.id)}
    files |= {ext: addresses.citation_file(text.id, ext) for ext in FORMATS}
    links = [
        f'<a href="{esc(relative(ui_root + here.path, Address(path)))}" download>{_LABELS[ext]}</a>'
        for ext, path in files.items()
    ]
    return f'<p class="ed-downloads">{esc(s["downloads"])}: {" · ".join(links)}</p>'


def _served(citation: str, url: str, link: str) -> str:
    """A citation ending in ``url`` as HTML. Without a public address ``url`` is a path from
    the site's root: never a placeholder; the page's own address, where it is served from,
    stands there instead (``reader.js`` writes the absolute form of ``link``)."""
    if "://" in url:
        return esc(citation)
    head = citation.removesuffix(url).rstrip()
    return f'{esc(head)} <a class="ed-served-url" href="{esc(link)}">{esc(link)}</a>'


def cite_html(text: Text, edition: Edition, ui: str) -> str:
    """The citations of the edition and of this text, with its version; how to cite a passage."""
    s = ui_strings(ui)
    here = addresses.reading(text.id)
    home = Address("index.html")
    rows = [
        (
            s["cite_edition"],
            _served(edition_citation(edition, s), edition.url, relative(here, home)),
        ),
        (
            s["cite_text"],
            _served(
                text_citation(text, edition, s, ui),
                edition.href(addresses.url(here)),
                relative(here, here),
            ),
        ),
        (s["share_title"], esc(s["cite_passage"])),
    ]
    items = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f'<details class="ed-cite"><summary>{esc(s["cite_heading"])}</summary>'
        f"<dl>{items}</dl></details>"
    )


def corpus_downloads_html(ui: str, here: Address, ui_root: str) -> str:
    """The catalogue's link to the whole edition in TEI (a file at the site's root; each
    text's is in its row)."""
    s = ui_strings(ui)
    link = esc(relative(ui_root + here.path, Address(addresses.TEI_CORPUS)))
    return (
        f'<p class="ed-downloads">{esc(s["downloads"])} (TEI P5): '
        f'<a href="{link}" download>teiCorpus</a></p>'
    )


def tei_link(text: Text, here: Address, ui_root: str) -> str:
    """A link to the text's TEI document (at the site's root) from page ``here``."""
    link = esc(relative(ui_root + here.path, Address(addresses.tei_file(text.id))))
    return f'<a href="{link}" download>TEI P5</a>'
