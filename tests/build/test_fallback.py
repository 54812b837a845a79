"""A register entry with only its own language's name and definition builds, and every UI
language shows the documented fallback: the Polish name and definition, marked lang="pl",
the definition followed by a visible label naming its language in the page's language."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import html

from tests.conftest import META, ROOT, build_site, make_text, popups_of

UI = ("en", "pl", "uk")
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}
LABEL = {"en": "(in Polish)", "uk": "(польською)"}
ENTRY = """\
- id: jan-kowalski
  kind: person
  names:
    pl: {name: Jan Kowalski, variants: [Kowalski]}
  definition: {pl: Dziennikarz warszawski.}
"""


def test_an_entry_named_in_one_language_builds_with_its_fallback(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    edition.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", edition)
    for folder in ("docs", "seeds", "glossary", "hooks", "overrides"):
        shutil.copytree(
            ROOT / folder, edition / folder, ignore=shutil.ignore_patterns("texts", "edition")
        )
    (edition / "glossary" / "journalists.yml").write_text(ENTRY, "utf-8")
    make_text(edition / "seeds", "notatka", META, pl="Wczoraj Jana Kowalskiego nie było.\n")
    site = tmp_path / "site"
    result = build_site(edition / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    for ui in UI:
        page = html.fromstring((site / f"{PREFIX[ui]}texts/notatka.html").read_bytes())
        popup = popups_of(site, page)["jan-kowalski"]
        (name,) = popup.cssselect(".ed-popup-name strong")
        (definition,) = popup.cssselect(".ed-popup-def")
        index = html.fromstring((site / f"{PREFIX[ui]}register/persons.html").read_bytes())
        (listed,) = index.cssselect('dt[id="jan-kowalski"] a')
        (section,) = [
            el
            for page in (site / f"{PREFIX[ui]}register/entries").glob("person-*.html")
            for el in html.fromstring(page.read_bytes()).cssselect('[id="jan-kowalski"]')
        ]
        entry_definitions = [
            el for el in section.iter() if "Dziennikarz" in (el.text or "") and el.get("lang")
        ]
        assert name.text_content() == "Jan Kowalski"
        assert [s.get("lang") for s in name.cssselect("span[lang]")] == (
            [] if ui == "pl" else ["pl"]
        )
        label = [] if ui == "pl" else [LABEL[ui]]
        assert definition.text_content() == " ".join(["Dziennikarz warszawski.", *label])
        assert [s.get("lang") for s in definition.cssselect("span[lang]")] == (
            [] if ui == "pl" else ["pl"]
        )
        for where in (definition, section):
            labels = [el.text_content() for el in where.cssselect(".ed-fallback-lang")]
            assert labels == label, (ui, where)
        if ui != "pl":
            assert [d.get("lang") for d in entry_definitions] == ["pl"]
        assert [s.get("lang") for s in listed.cssselect("span[lang]")] == (
            [] if ui == "pl" else ["pl"]
        )
