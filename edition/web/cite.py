"""The "Cite" block and the downloads of a reading page: TEI, BibTeX, RIS, CSL-JSON.

The passage citation is the link panel's (``linkpanel.py``): it adds the edition's version.
"""

from __future__ import annotations

from edition.base import addresses
from edition.base.sources import Text
from edition.base.strings import ui_strings
from edition.derived.citation import FORMATS, Edition, edition_citation, text_citation
from edition.web.html import esc

# Each download's label: the names of the formats, the same in every language.
_LABELS = {"tei.xml": "TEI P5", "bib": "BibTeX", "ris": "RIS", "csl.json": "CSL-JSON"}


def downloads_html(text: Text, edition: Edition, ui: str) -> str:
    """Links to the text's TEI and citation files, from a page in ``texts/``."""
    s = ui_strings(ui)
    to = edition.to_data(ui)
    files = {"tei.xml": addresses.tei_file(text.id)}
    files |= {ext: addresses.citation_file(text.id, ext) for ext in FORMATS}
    links = [
        f'<a href="{to}{esc(path.removeprefix(addresses.TEXTS_DIR + "/"))}" download>{_LABELS[ext]}</a>'
        for ext, path in files.items()
    ]
    return f'<p class="ed-downloads">{esc(s["downloads"])}: {" · ".join(links)}</p>'


def cite_html(text: Text, edition: Edition, ui: str) -> str:
    """The citations of the edition and of this text, with its version; how to cite a passage."""
    s = ui_strings(ui)
    rows = [
        (s["cite_edition"], esc(edition_citation(edition, s))),
        (s["cite_text"], esc(text_citation(text, edition, s, ui))),
        (s["share_title"], esc(s["cite_passage"])),
    ]
    items = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f'<details class="ed-cite"><summary>{esc(s["cite_heading"])}</summary>'
        f"<dl>{items}</dl></details>"
    )


def corpus_downloads_html(texts: list[Text], edition: Edition, ui: str) -> str:
    """The catalogue's TEI links: the whole edition, then each text (from ``texts/``)."""
    s = ui_strings(ui)
    own, to = addresses.TEXTS_DIR + "/", edition.to_data(ui)
    links = [f'<a href="{to}{esc(addresses.TEI_CORPUS.removeprefix(own))}" download>teiCorpus</a>']
    links += [
        f'<a href="{to}{esc(addresses.tei_file(t.id).removeprefix(own))}" download>'
        f"{esc(t.meta['title'][ui])}</a>"
        for t in texts
    ]
    return f'<p class="ed-downloads">{esc(s["downloads"])} (TEI P5): {" · ".join(links)}</p>'
