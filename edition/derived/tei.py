"""The edition as TEI P5: one document per text (``texts/<id>.tei.xml``) and one ``teiCorpus``.

A text's document holds the original and every translation as ``<text xml:lang>`` in a
``<group>``, paragraphs and sentences with the edition's own IDs (the original's ``p3s2``, a
translation's ``en.p3s2``, so a TEI user and a web reader cite the same unit), every mention
as ``persName``/``placeName``/``orgName``/``term`` pointing into a ``standOff`` that describes
the entries, and the sentence alignment of the parallel view as a ``linkGrp``. The text
inside each ``<p>`` is the source line, character for character.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from lxml import etree

from edition.analysis.annotate import Mention
from edition.analysis.corpus import Corpus
from edition.base import addresses
from edition.base.register import Entry, Register
from edition.base.sources import Paragraph, Text, Version
from edition.derived.citation import Edition

NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The mention's element per kind of register entry, and the standOff list of that kind.
ELEMENTS = {"person": "persName", "place": "placeName", "organisation": "orgName", "term": "term"}
_LISTS = {"person": ("listPerson", "person"), "place": ("listPlace", "place"),
          "organisation": ("listOrg", "org"), "term": ("list", "item")}  # fmt: skip
# Register IDs may look like paragraph IDs (a slug ``p1``) or start with a digit: in the TEI
# they carry a prefix no other ID has (a dot is in no register, paragraph or language ID).
ENTRY_PREFIX = "ent."
# The licence of the encoding (the markup), which is the edition's own work: that of its code.
ENCODING_LICENCE = ("MIT", "https://opensource.org/license/mit")


def entry_xml_id(entry_id: str) -> str:
    return ENTRY_PREFIX + entry_id


def _el(
    parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    attrs = {XML_ID if k == "xml_id" else XML_LANG if k == "xml_lang" else k: v
             for k, v in attrs.items()}  # fmt: skip
    el = (
        etree.Element(f"{{{NS}}}{tag}", attrs, nsmap={None: NS})
        if parent is None
        else etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    )
    el.text = text
    return el


def _id(prefix: str, local: str) -> str:
    return prefix + local


class _Document:
    """One TEI document under construction; paragraphs are filled in after indenting (their
    content is mixed: indentation there would change the text)."""

    def __init__(self, corpus: Corpus, edition: Edition, prefix: str = "") -> None:
        self.corpus, self.edition, self.prefix = corpus, edition, prefix
        self.fill: list[Callable[[], None]] = []

    # -- header --------------------------------------------------------------------------
    def header(self, parent: etree._Element, text: Text | None) -> None:
        e = self.edition
        head = _el(parent, "teiHeader")
        fd = _el(head, "fileDesc")
        ts = _el(fd, "titleStmt")
        titles = text.meta["title"] if text else {}
        for code, title in titles.items():
            _el(ts, "title", title, xml_lang=code)
        if not titles:
            _el(ts, "title", e.name)
        for code, credit in ((text.meta.get("translations") or {}) if text else {}).items():
            rs = _el(ts, "respStmt")
            _el(rs, "resp", f"translation ({code}, {credit['status']})")
            by = credit["by"]  # a name, or a description per language
            for lang_, name in ({"": by} if isinstance(by, str) else by).items():
                _el(rs, "name", name, **({"xml_lang": lang_} if lang_ else {}))
        es = _el(fd, "editionStmt")
        ed = _el(es, "edition", f"{e.name}, version {e.version or 'unversioned'}", n=e.version)
        if e.date:
            _el(ed, "date", e.date, when=e.date)
        ps = _el(fd, "publicationStmt")
        _el(ps, "publisher", e.by)
        if e.date:
            _el(ps, "date", e.date, when=e.date)
        target = addresses.tei_file(text.id) if text else addresses.TEI_CORPUS
        _el(ps, "idno", e.href(target), type="URI")
        av = _el(ps, "availability", status=_status(text))
        if text:
            lic = text.meta["licence"]
            notes = lic.get("note") or {}
            status = lic["status"]
            for code, note in notes.items() or [("en", status)]:
                _el(av, "licence", f"The text: {status}. {note}".strip(), xml_lang=code)
        spdx, url = ENCODING_LICENCE
        _el(av, "licence", f"The TEI encoding: {spdx}", target=url)
        if text and text.meta.get("remarks"):
            ns = _el(fd, "notesStmt")
            for code, remark in text.meta["remarks"].items():
                _el(ns, "note", remark, xml_lang=code)
        sd = _el(fd, "sourceDesc")
        if text:
            for code, source in text.meta["source"].items():
                bibl = _el(sd, "bibl", source, xml_lang=code)
                if text.meta.get("source_file"):
                    _el(bibl, "idno", text.meta["source_file"], type="file")
        else:
            _el(
                sd, "p", "Born digital: the texts of the edition, each described in its own header."
            )
        ed_desc = _el(head, "encodingDesc")
        _el(ed_desc, "p", "Generated by the edition's build from its plain-text sources; paragraph "
            "and sentence IDs are those of the edition's web pages.")  # fmt: skip
        codes = [v.lang for v in text.versions] if text else _languages(self.corpus)
        pd = _el(head, "profileDesc")
        lu = _el(pd, "langUsage")
        for code in codes:
            _el(lu, "language", code, ident=code)

    # -- body ----------------------------------------------------------------------------
    def version(self, group: etree._Element, text: Text, version: Version) -> None:
        original = version is text.original
        own = "" if original else f"{version.lang}."
        attrs = {"xml_lang": version.lang, "xml_id": _id(self.prefix, f"text.{version.lang}")}
        if original:
            attrs["type"] = "original"
        else:
            attrs |= {"type": "translation", "corresp": f"#{self.prefix}text.{text.original.lang}"}
        body = _el(_el(group, "text", **attrs), "body")
        div = _el(body, "div")
        mentions = self.corpus.of(text, version)
        for par in version.paragraphs:
            p_attrs = {"xml_id": _id(self.prefix, own + par.id)}
            if not original:
                p_attrs["corresp"] = f"#{self.prefix}{par.id}"
            p = _el(div, "p", **p_attrs)
            ms = mentions.get(par.id, [])
            own_ids = self.prefix + own
            self.fill.append(partial(self._paragraph, p, par, ms, own_ids))

    def _paragraph(
        self, p: etree._Element, par: Paragraph, mentions: list[Mention], own: str
    ) -> None:
        """The source line as ``<s>`` elements (IDs ``own`` + the sentence's), mentions inside
        them, the spacing between them as it is in the source."""
        register = self.corpus.register
        pos, last = 0, None
        for s in par.sentences:
            _tail(p, last, par.text[pos : s.start])
            last = _el(p, "s", xml_id=own + s.id)
            inner, at = None, s.start
            for m in mentions:
                if s.start <= m.start < s.end:
                    _tail(last, inner, par.text[at : m.start])
                    entry = register[m.ref]
                    inner = _el(last, ELEMENTS[entry.kind], par.text[m.start : m.end],
                                ref=f"#{entry_xml_id(m.ref)}")  # fmt: skip
                    at = m.end
            _tail(last, inner, par.text[at : s.end])
            pos = s.end
        _tail(p, last, par.text[pos:])

    def alignment(self, parent: etree._Element, text: Text) -> None:
        """The parallel view's alignment: each translated sentence with the original ones it
        renders (a sentence that renders none has no link)."""
        for version in text.translations.values():
            grp = _el(parent, "linkGrp", type="alignment", corresp=f"#{self.prefix}text.{version.lang}")  # fmt: skip
            for par, keys in zip(version.paragraphs, self.corpus.alignment(text, version),
                                 strict=True):  # fmt: skip
                for s, originals in zip(par.sentences, keys, strict=True):
                    if originals:
                        ids = [f"{version.lang}.{s.id}", *originals]
                        _el(grp, "link", target=" ".join(f"#{self.prefix}{i}" for i in ids))


def _tail(parent: etree._Element, last: etree._Element | None, value: str) -> None:
    """Append ``value`` as text after ``last`` (or at the start of ``parent``)."""
    if not value:
        return
    if last is None:
        parent.text = (parent.text or "") + value
    else:
        last.tail = (last.tail or "") + value


def _status(text: Text | None) -> str:
    if text is None:
        return "restricted"
    status = text.meta["licence"]["status"]
    return (
        "free" if status == "public-domain" else "unknown" if status == "unknown" else "restricted"
    )


def _languages(corpus: Corpus) -> list[str]:
    return list(dict.fromkeys(v.lang for t in corpus.texts for v in t.versions))


def stand_off(parent: etree._Element, register: Register, ids: list[str]) -> None:
    """The register entries ``ids`` (in register order) as TEI lists, one per kind."""
    wanted = set(ids)
    so = _el(parent, "standOff")
    lists: dict[str, etree._Element] = {}
    for entry in register:
        if entry.id not in wanted:
            continue
        if entry.kind not in lists:
            tag, _ = _LISTS[entry.kind]
            lists[entry.kind] = (
                _el(so, tag, type="glossary") if entry.kind == "term" else _el(so, tag)
            )
        _entry(lists[entry.kind], entry)


def _entry(parent: etree._Element, entry: Entry) -> None:
    _, tag = _LISTS[entry.kind]
    el = _el(parent, tag, xml_id=entry_xml_id(entry.id))
    name = ELEMENTS[entry.kind]
    for code, names in entry.names.items():
        for k, n in enumerate(names):
            attrs = {"xml_lang": code} | ({} if k == 0 else {"type": "variant"})
            _el(el, name, n, **attrs)
    data = entry.data
    if entry.kind == "person":
        if data.get("born"):
            _el(el, "birth", when=str(data["born"]))
        if data.get("died"):
            _el(el, "death", when=str(data["died"]))
    if "coordinates" in data:
        c = data["coordinates"]
        _el(_el(el, "location"), "geo", f"{c['lat']} {c['lon']}")
    if entry.wikidata:
        _el(el, "idno", f"https://www.wikidata.org/wiki/{entry.wikidata}", type="wikidata")
    if data.get("geonames"):
        _el(el, "idno", f"https://www.geonames.org/{data['geonames']}", type="geonames")
    # After the names and identifiers: an <org> takes its notes last.
    for code, definition in entry.definition.items():
        _el(el, "gloss" if entry.kind == "term" else "note", definition, xml_lang=code)


def _mentioned(corpus: Corpus, texts: list[Text]) -> list[str]:
    return [m.ref for t in texts for v in t.versions for ms in corpus.of(t, v).values() for m in ms]


def _tei(doc: _Document, text: Text, own_stand_off: bool) -> etree._Element:
    tei = _el(None, "TEI", xml_lang=text.original.lang)
    if doc.prefix:
        tei.set(XML_ID, doc.prefix.rstrip("."))
    doc.header(tei, text)
    group = _el(_el(tei, "text"), "group")
    for version in text.versions:
        doc.version(group, text, version)
    if own_stand_off:
        stand_off(tei, doc.corpus.register, _mentioned(doc.corpus, [text]))
    if text.translations:
        found = tei.find(f"{{{NS}}}standOff")
        doc.alignment(_el(tei, "standOff") if found is None else found, text)
    return tei


def _serialise(root: etree._Element, doc: _Document) -> bytes:
    etree.indent(root, space=" ")
    for fill in doc.fill:
        fill()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def text_document(corpus: Corpus, text: Text, edition: Edition) -> bytes:
    """The TEI document of ``text``."""
    doc = _Document(corpus, edition)
    return _serialise(_tei(doc, text, own_stand_off=True), doc)


def corpus_document(corpus: Corpus, edition: Edition) -> bytes:
    """Every text in one ``teiCorpus``, the register once in its standOff. IDs are unique in
    a document: each text's IDs are prefixed with its own ID (``<text-id>.p3s2``)."""
    root = _el(None, "teiCorpus")
    doc = _Document(corpus, edition)
    doc.header(root, None)
    stand_off(root, corpus.register, _mentioned(corpus, corpus.texts))
    for text in corpus.texts:
        doc.prefix = f"{text.id}."
        root.append(_tei(doc, text, own_stand_off=False))
    return _serialise(root, doc)


def files(corpus: Corpus, edition: Edition) -> Iterator[tuple[str, bytes]]:
    """(path from the site's root, content) of every TEI file, one at a time."""
    for text in corpus.texts:
        yield addresses.tei_file(text.id), text_document(corpus, text, edition)
    yield addresses.TEI_CORPUS, corpus_document(corpus, edition)
