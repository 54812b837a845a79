"""A text given as TEI P5 (``seeds/<text-id>/<lang>.xml``) instead of plain text.

What is read: the paragraphs (``<p>``) of the document's ``<text>`` in the file's language (a
``<group>`` of several, like the edition's own export, gives the one whose ``xml:lang`` is
the file's), and every ``persName``, ``placeName``, ``orgName``, ``term``, ``rs`` or ``name``
with a ``ref``, kept as a mark the corpus turns into a forced annotation where the ``ref``
names a register entry (``#ent.<ID>``, as exported, ``#<ID>`` or ``<ID>``). Everything else
inside a paragraph is read as its plain text; what is outside the paragraphs (the header,
headings, verse lines, the ``standOff``) is not read. Each kind of thing left out is one note
with its file and first line. A line break inside a ``<p>`` and the spaces around it are
the XML's layout, read as one space (none at the paragraph's ends); any other character
stays as it is.

The file is parsed by lxml without a DTD, entities, XInclude or the network: a DOCTYPE
(which could declare entities that expand to gigabytes or read local files) and an
``xi:include`` are refused with a message, and lxml's default limits (``huge_tree`` off:
depth, text node size) stop a file built to exhaust memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from edition.base.errors import Problem

NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XINCLUDE = "http://www.w3.org/2001/XInclude"
# Register IDs in a TEI document carry this prefix (see edition.derived.tei), so that they
# never clash with paragraph or sentence IDs; a ref may also name the ID bare.
ENTRY_PREFIX = "ent."
# Elements whose ``ref`` marks a mention of a register entry.
NAMES = frozenset(
    f"{{{NS}}}{t}" for t in ("persName", "placeName", "orgName", "term", "rs", "name")
)
_P, _S, _TEXT, _BODY = (f"{{{NS}}}{t}" for t in ("p", "s", "text", "body"))
# XML's layout inside a paragraph: a run of XML white space that holds a line break.
_LAYOUT = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")
_DOCTYPE = re.compile(r"<!DOCTYPE|<!ENTITY")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


@dataclass(frozen=True)
class Mark:
    """A name in a paragraph with the ``ref`` it carries, as written in the file."""

    start: int
    end: int
    ref: str


@dataclass
class TeiSource:
    """What a TEI file gives: its paragraphs as (line, text), each paragraph's marks, and
    notes on what was not read."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    marks: list[list[Mark]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_tei(path: Path, code: str) -> tuple[TeiSource | None, list[Problem]]:
    """The paragraphs of the TEI file ``path`` in language ``code``, or the problems."""
    raw = path.read_bytes()
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")]
    found = _DOCTYPE.search(decoded)
    if found:
        line = decoded[: found.start()].count("\n") + 1
        return None, [
            Problem(
                path,
                line,
                "a DOCTYPE or entity declaration is not accepted in a TEI source (it can "
                "declare entities that expand without bound or read other files): remove it, "
                "and write each character itself instead of an entity",
            )
        ]
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        if "huge" in exc.msg.lower() or "depth" in exc.msg.lower():
            message = (
                f"too large or too deeply nested to read safely ({exc.msg}): split the text "
                "or simplify its markup"
            )
        else:
            message = f"not well-formed XML: {exc.msg}"
        return None, [Problem(path, exc.lineno, message)]
    for el in root.iter(f"{{{XINCLUDE}}}*"):
        return None, [
            Problem(path, el.sourceline, "xi:include is not accepted: put the text in the file")
        ]
    if root.tag != f"{{{NS}}}TEI":
        return None, [
            Problem(
                path,
                root.sourceline,
                f"not a TEI P5 document: the root element is <{etree.QName(root).localname}> "
                f"in {etree.QName(root).namespace or 'no namespace'}; expected <TEI> in {NS}"
                " (a teiCorpus: give each text its own file)",
            )
        ]
    text, problem = _the_text(path, root, code)
    if problem:
        return None, [problem]
    assert text is not None
    return _Reader(path).read(root, text), []


def _language(el: etree._Element) -> str | None:
    while el is not None:
        found = el.get(XML_LANG)
        if found:
            return str(found)
        el = el.getparent()
    return None


def _the_text(
    path: Path, root: etree._Element, code: str
) -> tuple[etree._Element | None, Problem | None]:
    """The ``<text>`` (one with a ``<body>``) in language ``code``."""
    texts = [t for t in root.iter(_TEXT) if t.find(_BODY) is not None]
    if not texts:
        return None, Problem(path, root.sourceline, "no <text> with a <body>: nothing to read")
    mine = [t for t in texts if _language(t) == code]
    if len(mine) == 1:
        return mine[0], None
    if not mine and len(texts) == 1 and _language(texts[0]) is None:
        return texts[0], None
    langs = ", ".join(f"{_language(t) or 'none'} (line {t.sourceline})" for t in texts)
    how = "several are" if mine else "none is"
    return None, Problem(
        path,
        texts[0].sourceline,
        f"the file is {code}.xml, but {how} in {code}: <text> languages (xml:lang) {langs}; "
        f'give the {code} text exactly one <text xml:lang="{code}">',
    )


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.left_out: dict[str, tuple[int, int]] = {}  # what -> (count, first line)

    def _note(self, what: str, line: int | None) -> None:
        count, first = self.left_out.get(what, (0, line or 0))
        self.left_out[what] = (count + 1, first)

    def read(self, root: etree._Element, text: etree._Element) -> TeiSource:
        found = TeiSource()
        for el in root:
            if el is not text and not _contains(el, text):
                self._note(f"<{_local(el)}> not read (the text's metadata is in meta.yml, "
                           "the register in glossary/)", el.sourceline)  # fmt: skip
        for other in root.iter(_TEXT):
            if other is not text and other.find(_BODY) is not None:
                lang = _language(other) or "no language"
                self._note(f"<text> in {lang} not read (each language is its own file, "
                           "<lang>.xml)", other.sourceline)  # fmt: skip
        for part in text:
            if part.tag != _BODY and "".join(part.itertext()).strip():
                self._note(f"<{_local(part)}> of the <text> not read", part.sourceline)
        self._outside(text.find(_BODY), found)
        for what, (count, first) in self.left_out.items():
            times = f" ({count} times)" if count > 1 else ""
            found.notes.append(f"{self.path}:{first}: {what}{times}")
        return found

    def _outside(self, el: etree._Element, found: TeiSource) -> None:
        """Walk ``el`` outside paragraphs: read each ``<p>``, note text left out."""
        if (el.text or "").strip():
            self._note(f"text in <{_local(el)}>, outside a <p>, not read", el.sourceline)
        for child in el:
            if child.tag == _P:
                self._paragraph(child, found)
            else:
                self._outside(child, found)
            if (child.tail or "").strip():
                self._note(f"text after <{_local(child)}>, outside a <p>, not read",
                           child.sourceline)  # fmt: skip

    def _paragraph(self, p: etree._Element, found: TeiSource) -> None:
        parts: list[str] = []
        marks: list[Mark] = []
        self._inline(p, parts, marks, marked=False)
        value, marks = _unlayout("".join(parts), marks)
        if not value.strip():
            self._note("an empty <p> skipped", p.sourceline)
            return
        found.lines.append((p.sourceline or 0, value))
        found.marks.append(marks)

    def _inline(
        self, el: etree._Element, parts: list[str], marks: list[Mark], marked: bool
    ) -> None:
        """Append ``el``'s text content to ``parts``, its names with a ``ref`` to ``marks``."""
        parts.append(el.text or "")
        for child in el:
            if not isinstance(child.tag, str):  # an entity left unresolved (no DTD: none)
                continue
            ref = child.get("ref")
            if child.tag in NAMES and ref and not marked:
                start = sum(map(len, parts))
                self._inline(child, parts, marks, marked=True)
                marks.append(Mark(start, sum(map(len, parts)), ref))
            else:
                if child.tag in NAMES and ref:
                    self._note(f"<{_local(child)}> inside another name: read as plain text",
                               child.sourceline)  # fmt: skip
                elif child.tag in NAMES:
                    self._note(f"<{_local(child)}> without a ref: read as plain text",
                               child.sourceline)  # fmt: skip
                elif child.tag != _S:
                    self._note(f"<{_local(child)}> inside a paragraph: its markup dropped, its text kept",
                               child.sourceline)  # fmt: skip
                self._inline(child, parts, marks, marked)
            parts.append(child.tail or "")


def _local(el: etree._Element) -> str:
    name = etree.QName(el)
    return (
        name.localname if name.namespace in (NS, None) else f"{{{name.namespace}}}{name.localname}"
    )


def _contains(el: etree._Element, inner: etree._Element) -> bool:
    return any(a is el for a in inner.iterancestors())


def _unlayout(value: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """``value`` with XML's layout read as spaces (see the module's docstring), and its
    marks moved with the text (a mark's edge inside the layout goes to the word's side)."""
    out: list[str] = []
    runs: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new length
    at = new = 0
    for m in _LAYOUT.finditer(value):
        out.append(value[at : m.start()])
        new += m.start() - at
        space = "" if m.start() == 0 or m.end() == len(value) else " "
        out.append(space)
        runs.append((m.start(), m.end(), new, len(space)))
        new += len(space)
        at = m.end()
    if not runs:
        return value, marks
    out.append(value[at:])

    def moved(pos: int, is_end: bool) -> int:
        shift = 0
        for old_start, old_end, new_start, length in runs:
            if pos <= old_start:
                break
            if pos < old_end:
                return new_start if is_end else new_start + length
            shift = new_start + length - old_end
        return pos + shift

    kept = [Mark(moved(k.start, False), moved(k.end, True), k.ref) for k in marks]
    return "".join(out), [k for k in kept if k.start < k.end]
