"""The TEI export of the real edition: valid TEI P5 (tei_all), true to the sources character for
character, every mention's ``ref`` resolved in the standOff, the alignment of the parallel view."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from edition.analysis.corpus import Corpus, annotate_corpus
from edition.base.addresses import TEI_CORPUS, tei_file
from edition.base.register import load_register
from edition.base.sources import load_texts
from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived import tei
from edition.derived.citation import Edition
from tests.conftest import ROOT

SCHEMA = ROOT / "tests" / "fixtures" / "tei" / "tei_all.rng"
NS = {"t": tei.NS}
EDITION = Edition("An edition", "https://example.org/ed/", "2.3", "2026-01-31")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load(read_settings(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def exported(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("tei")
    paths = {}
    for rel, data in tei.files(corpus, EDITION):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths[rel] = path
    return paths


def jing(*files: Path) -> subprocess.CompletedProcess[str]:
    """Validate ``files`` against tei_all with Debian's jing (lxml's RelaxNG takes about a
    minute to compile tei_all; jing a few seconds for all files at once)."""
    if not shutil.which("jing"):
        pytest.fail("jing is not installed: `make test` installs it (apt-get install jing)")
    return subprocess.run(
        ["jing", str(SCHEMA), *map(str, files)], capture_output=True, text=True, check=False
    )


def test_every_exported_file_is_valid_tei_all(corpus: Corpus, exported: dict[str, Path]) -> None:
    assert set(exported) == {tei_file(t.id) for t in corpus.texts} | {TEI_CORPUS}
    result = jing(*exported.values())
    assert result.returncode == 0, result.stdout


def test_a_sentence_directly_in_a_div_is_invalid(exported: dict[str, Path], tmp_path: Path) -> None:
    doc = etree.parse(str(next(iter(exported.values()))))
    s = doc.find(".//t:s", NS)
    div = doc.find(".//t:div", NS)
    div.insert(0, s)
    broken = tmp_path / "broken.tei.xml"
    doc.write(str(broken), xml_declaration=True, encoding="UTF-8")
    result = jing(broken)
    assert result.returncode != 0
    assert 'element "s" not allowed here' in result.stdout


def _by_id(doc: etree._ElementTree) -> dict[str, etree._Element]:
    return {el.get(tei.XML_ID): el for el in doc.iter() if el.get(tei.XML_ID)}


def test_paragraphs_and_sentences_are_the_sources_with_their_ids(
    corpus: Corpus, exported: dict[str, Path]
) -> None:
    for text in corpus.texts:
        ids = _by_id(etree.parse(str(exported[tei_file(text.id)])))
        for version in text.versions:
            own = "" if version is text.original else f"{version.lang}."
            group_text = ids[f"text.{version.lang}"]
            assert group_text.get(tei.XML_LANG) == version.lang
            paras = group_text.findall(".//t:p", NS)
            assert [p.get(tei.XML_ID) for p in paras] == [own + p.id for p in version.paragraphs]
            for par, p in zip(version.paragraphs, paras, strict=True):
                assert "".join(p.itertext()) == par.text  # character for character
                sentences = p.findall("t:s", NS)
                assert [s.get(tei.XML_ID) for s in sentences] == [own + s.id for s in par.sentences]
                assert ["".join(s.itertext()) for s in sentences] == [
                    par.text[s.start : s.end] for s in par.sentences
                ]


def test_every_mention_is_marked_and_its_ref_resolves(
    corpus: Corpus, exported: dict[str, Path]
) -> None:
    for rel in exported:
        doc = etree.parse(str(exported[rel]))
        ids = _by_id(doc)
        refs = doc.xpath("//t:text//*[@ref]", namespaces=NS)
        assert refs
        for el in refs:
            target = ids[el.get("ref").removeprefix("#")]
            assert target.xpath("ancestor::t:standOff", namespaces=NS), el.get("ref")
            entry = corpus.register[el.get("ref").removeprefix("#" + tei.ENTRY_PREFIX)]
            assert etree.QName(el).localname == tei.ELEMENTS[entry.kind]
    for text in corpus.texts:
        doc = etree.parse(str(exported[tei_file(text.id)]))
        for version in text.versions:
            found = doc.xpath("//t:text[@xml:lang=$l]//t:p//*[@ref]", namespaces=NS, l=version.lang)
            expected = [
                (m.ref, par.text[m.start : m.end])
                for par in version.paragraphs
                for m in corpus.of(text, version).get(par.id, [])
            ]
            assert [
                (el.get("ref").removeprefix("#" + tei.ENTRY_PREFIX), el.text) for el in found
            ] == expected


def test_the_standoff_describes_entries_with_names_dates_and_authorities(
    corpus: Corpus, exported: dict[str, Path]
) -> None:
    ids = _by_id(etree.parse(str(exported[TEI_CORPUS])))
    for entry in corpus.register:
        if tei.entry_xml_id(entry.id) not in ids:
            continue
        el = ids[tei.entry_xml_id(entry.id)]
        names = el.findall(f"t:{tei.ELEMENTS[entry.kind]}", NS)
        assert {(n.get(tei.XML_LANG), n.text) for n in names} == {
            (code, n) for code, ns in entry.names.items() for n in ns
        }
        idnos = {i.get("type"): i.text for i in el.findall("t:idno", NS)}
        if entry.wikidata:
            assert idnos["wikidata"].endswith("/" + entry.wikidata)
        if "coordinates" in entry.data:
            c = entry.data["coordinates"]
            assert el.findtext("t:location/t:geo", namespaces=NS) == f"{c['lat']} {c['lon']}"
        if "born" in entry.data:
            assert el.find("t:birth", NS).get("when") == str(entry.data["born"])


def test_the_link_group_pairs_the_sentences_of_the_parallel_view(
    corpus: Corpus, exported: dict[str, Path]
) -> None:
    for text in corpus.texts:
        doc = etree.parse(str(exported[tei_file(text.id)]))
        for code, version in text.translations.items():
            links = doc.xpath(
                "//t:standOff/t:linkGrp[@corresp=$c]/t:link/@target", namespaces=NS,
                c=f"#text.{code}",
            )  # fmt: skip
            expected = [
                " ".join(f"#{i}" for i in (f"{code}.{s.id}", *keys))
                for par, per in zip(
                    version.paragraphs, corpus.alignment(text, version), strict=True
                )
                for s, keys in zip(par.sentences, per, strict=True)
                if keys
            ]
            assert links == expected and links


def test_the_header_names_the_edition_version_and_date(
    corpus: Corpus, exported: dict[str, Path]
) -> None:
    for rel in exported:
        doc = etree.parse(str(exported[rel]))
        edition = doc.find(".//t:editionStmt/t:edition", NS)
        assert edition.get("n") == EDITION.version
        assert edition.find("t:date", NS).get("when") == EDITION.date
        assert doc.findtext(".//t:publicationStmt/t:publisher", namespaces=NS) == EDITION.name
    text = corpus.texts[0]
    doc = etree.parse(str(exported[tei_file(text.id)]))
    titles = doc.findall(".//t:titleStmt/t:title", NS)
    assert {t.get(tei.XML_LANG): t.text for t in titles} == text.meta["title"]
    assert [lang.get("ident") for lang in doc.findall(".//t:langUsage/t:language", NS)] == [
        v.lang for v in text.versions
    ]


# A fixture edition (tests/fixtures/tei/edition: a Polish text with an English translation,
# an entry of every kind, forced and suppressed annotations, characters XML escapes) and its
# export as recorded before the exporter was made faster (expected/): the exporter's output
# must not change with how it builds the document. Record again (write what `tei.files`
# gives into expected/) only where the TEI's format is meant to change.
FIXTURE = ROOT / "tests" / "fixtures" / "tei" / "edition"
FIXTURE_EDITION = Edition("Fixture edition", "https://example.org/fx/", "1.2", "2026-06-30")


def fixture_corpus(seeds: Path = FIXTURE / "seeds") -> Corpus:
    ui = ("pl", "uk", "en")
    return annotate_corpus(load_texts(seeds, ui), load_register(FIXTURE / "glossary", ui))


def test_the_export_of_the_fixture_edition_is_byte_for_byte_the_recorded_one() -> None:
    found = dict(tei.files(fixture_corpus(), FIXTURE_EDITION))
    expected = {f"texts/{p.name}": p.read_bytes() for p in sorted((FIXTURE / "expected").iterdir())}
    assert found.keys() == expected.keys()
    for rel, data in found.items():
        assert data == expected[rel], rel
