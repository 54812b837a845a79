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
from copy import deepcopy
from functools import partial

from lxml import etree

from edition.analysis.annotate import Mention
from edition.analysis.corpus import Corpus
from edition.base import addresses
from edition.base.register import Entry, Register
from edition.base.sources import Paragraph, Text, Version
from edition.base.tei_source import ENTRY_PREFIX, NS, XML_ID, XML_LANG
from edition.derived.citation import Edition

# The mention's element per kind of register entry, and the standOff list of that kind.
ELEMENTS = {"person": "persName", "place": "placeName", "organisation": "orgName", "term": "term"}
_LISTS = {"person": ("listPerson", "person"), "place": ("listPlace", "place"),
          "organisation": ("listOrg", "org"), "term": ("list", "item")}  # fmt: skip
# Register IDs may look like paragraph IDs (a slug ``p1``) or start with a digit: in the TEI
# they carry a prefix no other ID has (a dot is in no register, paragraph or language ID),
# ENTRY_PREFIX, which the TEI reader (edition.base.tei_source) knows too.
# The licence of the encoding (the markup), which is the edition's own work: that of its code.
ENCODING_LICENCE = ("MIT", "https://opensource.org/license/mit")


def entry_xml_id(entry_id: str) -> str:
    return ENTRY_PREFIX + entry_id


_ATTR = {"xml_id": XML_ID, "xml_lang": XML_LANG}
_QNAMES: dict[str, str] = {}  # tag -> its name in the TEI namespace, made once


def _qname(tag: str) -> str:
    name = _QNAMES.get(tag)
    if name is None:
        name = _QNAMES[tag] = f"{{{NS}}}{tag}"
    return name


def _el(
    parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    if "xml_id" in attrs or "xml_lang" in attrs:
        attrs = {_ATTR.get(k, k): v for k, v in attrs.items()}
    el = (
        etree.Element(_qname(tag), attrs, nsmap={None: NS})
        if parent is None
        else etree.SubElement(parent, _qname(tag), attrs)
    )
    if text is not None:
        el.text = text
    return el


def _id(prefix: str, local: str) -> str:
    return prefix + local


class _Parts:
    """The parts every document of an export repeats, each built once and copied where it
    recurs (lxml copies a subtree in C, several times faster than building it again): a
    paragraph's content (a text's own document and the ``teiCorpus`` hold the same, with
    prefixed sentence IDs in the latter) and a register entry's description (in the standOff
    of every text that mentions it, and of the corpus)."""

    def __init__(self) -> None:
        self.paragraphs: dict[tuple[str, str, str], etree._Element] = {}
        self.entries: dict[str, etree._Element] = {}
        # Built parts wait under this element, which declares the TEI namespace for them.
        self.holder = _el(None, "div")


class _Document:
    """One TEI document under construction; paragraphs are filled in after indenting (their
    content is mixed: indentation there would change the text)."""

    def __init__(self, corpus: Corpus, edition: Edition, parts: _Parts, keep: bool) -> None:
        self.corpus, self.edition, self.prefix = corpus, edition, ""
        # keep: copy the parts, for a later document; else move them into this one.
        self.parts, self.keep = parts, keep
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
        p_tag = _qname("p")
        for par in version.paragraphs:
            p_attrs = {XML_ID: _id(self.prefix, own + par.id)}
            if not original:
                p_attrs["corresp"] = f"#{self.prefix}{par.id}"
            p = etree.SubElement(div, p_tag, p_attrs)
            key = (text.id, version.lang, par.id)
            fill = partial(self._fill, p, key, par, mentions.get(par.id, []), own, self.prefix)
            self.fill.append(fill)

    def _fill(
        self,
        p: etree._Element,
        key: tuple[str, str, str],
        par: Paragraph,
        mentions: list[Mention],
        own: str,
        prefix: str,
    ) -> None:
        """Give ``p`` the content of paragraph ``par`` (built once, see :class:`_Parts`), with
        ``prefix`` on its sentence IDs."""
        built = self.parts.paragraphs.pop(key, None)
        if built is None:
            built = _el(self.parts.holder, "p")
            self._paragraph(built, par, mentions, own)
        if self.keep:
            self.parts.paragraphs[key] = built
            built = deepcopy(built)
        if prefix:
            for s in built:
                s.set(XML_ID, prefix + s.get(XML_ID))
        p.text = built.text
        p.extend(built)

    def _paragraph(
        self, p: etree._Element, par: Paragraph, mentions: list[Mention], own: str
    ) -> None:
        """The source line as ``<s>`` elements (IDs ``own`` + the sentence's), mentions inside
        them, the spacing between them as it is in the source. Sentences and mentions are
        in text order, and a mention lies within a sentence (the corpus sees to it), so each
        stretch of text between two elements is met once."""
        text, register, sub, s_tag = par.text, self.corpus.register, etree.SubElement, _qname("s")
        pending = iter(sorted(mentions, key=lambda m: m.start))
        m = next(pending, None)
        pos, last = 0, None
        for s in par.sentences:
            if pos < s.start:
                _tail(p, last, text[pos : s.start])
            last = sub(p, s_tag, {XML_ID: own + s.id})
            inner, at = None, s.start
            while m is not None and m.start < s.end:
                if m.start >= s.start:
                    if at < m.start:
                        _tail(last, inner, text[at : m.start])
                    tag = _qname(ELEMENTS[register[m.ref].kind])
                    inner = sub(last, tag, {"ref": f"#{ENTRY_PREFIX}{m.ref}"})
                    inner.text = text[m.start : m.end]
                    at = m.end
                m = next(pending, None)
            if at < s.end:
                _tail(last, inner, text[at : s.end])
            pos = s.end
        if pos < len(text):
            _tail(p, last, text[pos:])

    def alignment(self, parent: etree._Element, text: Text) -> None:
        """The parallel view's alignment: each translated sentence with the original ones it
        renders (a sentence that renders none has no link)."""
        for version in text.translations.values():
            grp = _el(parent, "linkGrp", type="alignment", corresp=f"#{self.prefix}text.{version.lang}")  # fmt: skip
            tag, own, at = _qname("link"), f"#{self.prefix}{version.lang}.", f"#{self.prefix}"
            for par, keys in zip(version.paragraphs, self.corpus.alignment(text, version),
                                 strict=True):  # fmt: skip
                for s, originals in zip(par.sentences, keys, strict=True):
                    if originals:
                        target = " ".join([own + s.id, *(at + i for i in originals)])
                        etree.SubElement(grp, tag, {"target": target})


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


def stand_off(
    parent: etree._Element, register: Register, ids: list[str], parts: _Parts, keep: bool
) -> None:
    """The register entries ``ids`` (in register order) as TEI lists, one per kind; each
    entry's description is taken from ``parts`` where it was built before (copied if
    ``keep``, for a later document)."""
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
        built = parts.entries.pop(entry.id, None)
        if built is None:
            built = _entry(parts.holder, entry)
        if keep:
            parts.entries[entry.id] = built
            built = deepcopy(built)
        lists[entry.kind].append(built)


def _entry(parent: etree._Element, entry: Entry) -> etree._Element:
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
    return el


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
        stand_off(tei, doc.corpus.register, _mentioned(doc.corpus, [text]), doc.parts, doc.keep)
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
    return _text_document(_Document(corpus, edition, _Parts(), keep=False), text)


def _text_document(doc: _Document, text: Text) -> bytes:
    return _serialise(_tei(doc, text, own_stand_off=True), doc)


def corpus_document(corpus: Corpus, edition: Edition) -> bytes:
    """Every text in one ``teiCorpus``, the register once in its standOff. IDs are unique in
    a document: each text's IDs are prefixed with its own ID (``<text-id>.p3s2``)."""
    return _corpus_document(_Document(corpus, edition, _Parts(), keep=False))


def _corpus_document(doc: _Document) -> bytes:
    corpus = doc.corpus
    root = _el(None, "teiCorpus")
    doc.header(root, None)
    stand_off(root, corpus.register, _mentioned(corpus, corpus.texts), doc.parts, doc.keep)
    for text in corpus.texts:
        doc.prefix = f"{text.id}."
        root.append(_tei(doc, text, own_stand_off=False))
    return _serialise(root, doc)


def files(corpus: Corpus, edition: Edition) -> Iterator[tuple[str, bytes]]:
    """(path from the site's root, content) of every TEI file, one at a time. The texts'
    documents keep the parts they build for the ``teiCorpus``, which takes them over."""
    parts = _Parts()
    for text in corpus.texts:
        doc = _Document(corpus, edition, parts, keep=True)
        yield addresses.tei_file(text.id), _text_document(doc, text)
    yield addresses.TEI_CORPUS, _corpus_document(_Document(corpus, edition, parts, keep=False))
