"""What a citation of the edition, of a text or of a passage says, and the downloads reference
managers read: BibTeX, RIS and CSL-JSON, one of each per text (``texts/<id>.bib`` etc.).

The edition's version and date come from ``mkdocs.yml`` (``extra: edition:``, read by
``build.settings``); a passage cited as ``p3s2`` of a version keeps its meaning across versions
(the paragraph ledger guarantees it), so every citation names the version.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TypedDict

from edition.analysis.corpus import Corpus
from edition.base import addresses, strings
from edition.base.sources import Text


@dataclass(frozen=True)
class Edition:
    """The edition as a publication: its name, public address, version and date."""

    name: str
    url: str = ""  # the public site_url, with its final slash
    version: str = ""
    date: str = ""  # ISO 8601, YYYY-MM-DD
    publisher: str = ""  # who publishes it; the edition's name where not set

    @property
    def by(self) -> str:
        return self.publisher or self.name

    def href(self, path: str) -> str:
        """The public address of ``path`` (from the site's root)."""
        return self.url + path if self.url else path


# An edition that names no version (a fixture edition without ``extra: edition:``).
UNVERSIONED = Edition("")


def _year(date: str) -> str:
    return date[:4]


def _authors(text: Text) -> list[str]:
    """The text's authors from ``meta.yml`` (``author:``, a string or a list), if known."""
    found = text.meta.get("author") or []
    return [found] if isinstance(found, str) else list(found)


class Fields(TypedDict):
    """What every citation format says of a text."""

    id: str
    title: str
    authors: list[str]
    container: str
    publisher: str
    version: str
    date: str
    language: str
    url: str
    note: str


def fields(text: Text, edition: Edition, ui: str) -> Fields:
    """The citation of ``text``, in the UI language ``ui``: what every format says."""
    return {
        "id": text.id,
        "title": text.meta["title"].get(ui) or next(iter(text.meta["title"].values())),
        "authors": _authors(text),
        "container": edition.name,
        "publisher": edition.by,
        "version": edition.version,
        "date": edition.date,
        "language": text.original.lang,
        "url": edition.href(addresses.url(addresses.reading(text.id))),
        "note": (text.meta.get("source") or {}).get(ui, ""),
    }


_BIB_SPECIAL = re.compile(r"[\\{}%&$#_^~]")
_BIB_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _bib(value: str) -> str:
    """A BibTeX field value with TeX's special characters escaped (so braces stay balanced)."""
    return _BIB_SPECIAL.sub(lambda m: _BIB_ESCAPES.get(m[0], "\\" + m[0]), value)


def bibtex(f: Fields) -> str:
    entries = {
        "title": f["title"],
        "author": " and ".join(f["authors"]),
        "booktitle": f["container"],
        "publisher": f["publisher"],
        "edition": f["version"],
        "year": _year(f["date"]),
        "date": f["date"],
        "language": f["language"],
        "url": f["url"],
        "note": f["note"],
    }
    body = ",\n".join(f"  {k} = {{{_bib(v)}}}" for k, v in entries.items() if v)
    key = re.sub(r"[^A-Za-z0-9-]", "", f["id"]) or "text"
    return f"@incollection{{{key},\n{body}\n}}\n"


def ris(f: Fields) -> str:
    lines = [("TY", "ELEC"), ("TI", f["title"])]
    lines += [("AU", a) for a in f["authors"]]
    lines += [
        ("T2", f["container"]),
        ("PB", f["publisher"]),
        ("ET", f["version"]),
        ("PY", _year(f["date"])),
        ("DA", f["date"].replace("-", "/")),
        ("LA", f["language"]),
        ("UR", f["url"]),
        ("N1", f["note"]),
    ]
    # One line per field: a line break in a value would start a new tag.
    out = [f"{tag}  - {' '.join(value.split())}" for tag, value in lines if value]
    return "\n".join([*out, "ER  - ", ""])


def csl_json(f: Fields) -> str:
    item: dict = {
        "id": f["id"],
        "type": "chapter",
        "title": f["title"],
        "container-title": f["container"],
        "publisher": f["publisher"],
        "language": f["language"],
        "URL": f["url"],
    }
    if f["authors"]:
        item["author"] = [{"literal": a} for a in f["authors"]]
    if f["version"]:
        item["version"] = f["version"]
    if f["date"]:
        item["issued"] = {"date-parts": [[int(p) for p in f["date"].split("-")]]}
    if f["note"]:
        item["note"] = f["note"]
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


FORMATS = {"bib": bibtex, "ris": ris, "csl.json": csl_json}


def files(
    corpus: Corpus, edition: Edition, ui: str, only: Collection[str] | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every text's citation downloads (path from the site's root, content), in the default UI
    language ``ui`` (a reference manager stores one title); of the text IDs ``only`` if given."""
    for text in corpus.texts if only is None else [t for t in corpus.texts if t.id in only]:
        f = fields(text, edition, ui)
        for ext, make in FORMATS.items():
            yield addresses.citation_file(text.id, ext), make(f).encode()


def version_label(edition: Edition, s: dict) -> str:
    """``version 1.0 of 1 December 2026`` in the UI language of strings ``s``; empty if
    unversioned."""
    if not edition.version:
        return ""
    date = strings.date_text(edition.date, s["ui"]) if edition.date else "?"
    return s["edition_version"].format(version=edition.version, date=date)


def edition_citation(edition: Edition, s: dict) -> str:
    """How to cite the edition as a whole (plain text): name, version, address."""
    head = ", ".join(p for p in (edition.name, version_label(edition, s)) if p)
    return f"{head}. {edition.url}".strip()


def text_citation(text: Text, edition: Edition, s: dict, ui: str) -> str:
    """How to cite one text of the edition (plain text)."""
    f = fields(text, edition, ui)
    head = ", ".join([*f["authors"], f["title"]])
    where = ", ".join(p for p in (edition.name, version_label(edition, s)) if p)
    return f"{head}. {where}. {f['url']}"


def page_meta(text: Text, edition: Edition, ui: str) -> dict[str, list[list[str]]]:
    """The Highwire Press (``citation_*``) and Dublin Core ``<meta>`` tags of a reading page,
    as (name, content) pairs in the page's front matter, for the page template to write:
    Zotero's connector and library catalogues read them."""
    f = fields(text, edition, ui)
    tags = [["citation_title", f["title"]]]
    tags += [["citation_author", a] for a in f["authors"]]
    tags += [
        ["citation_publication_date", f["date"].replace("-", "/")],
        ["citation_date", f["date"]],
        ["citation_language", f["language"]],
        ["citation_publisher", f["publisher"]],
        ["citation_inbook_title", f["container"]],
        ["citation_public_url", f["url"]],
        ["DC.title", f["title"]],
    ]
    tags += [["DC.creator", a] for a in f["authors"]]
    tags += [
        ["DC.date", f["date"]],
        ["DC.language", f["language"]],
        ["DC.publisher", f["publisher"]],
        ["DC.type", "Text"],
        ["DC.format", "text/html"],
        ["DC.identifier", f["url"]],
        ["DC.relation.isPartOf", f["container"]],
        ["DC.relation.isVersionOf", f"{f['container']} {f['version']}".strip()],
    ]
    return {"tags": [t for t in tags if t[1]]}
