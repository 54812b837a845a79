"""Fixture editions with awkward but ordinary input, built by MkDocs: names ending in
punctuation, words typed in decomposed form or with soft hyphens."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import html

from tests.conftest import META, ROOT, build_site, make_text

pytestmark = pytest.mark.build
UI = ("en", "pl", "uk")


def make_edition(root: Path, entries: list[dict], **texts: dict[str, str]) -> Path:
    """An edition in ``root``: the real configuration, hooks, overrides and hand-written
    pages, no assignments, the texts given (text ID -> files) and a register of ``entries``.
    Returns its ``mkdocs.yml``."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root)
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "docs" / "assignments").mkdir(parents=True)
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy(page, root / "docs")
    for ident, files in texts.items():
        make_text(root / "seeds", ident, **files)
    (root / "glossary").mkdir()
    body = yaml.safe_dump(entries, allow_unicode=True)
    (root / "glossary" / "all.yml").write_text(body, "utf-8")
    return root / "mkdocs.yml"


def entry(ident: str, kind: str = "place", **names: str) -> dict:
    return {
        "id": ident,
        "kind": kind,
        "names": {code: {"name": names.get(code, ident)} for code in UI},
        "definition": dict.fromkeys(UI, "d"),
    }


def search_entries(site: Path) -> dict[str, list[int]]:
    """Every entry's flat postings [doc, paragraph, first, last, ...] from the search files
    (a fixture's lists are short: written whole, not paged)."""
    found: dict[str, list[int]] = {}
    for path in (site / "assets" / "edition" / "search").glob("e_*.js"):
        body = path.read_text("utf-8")
        shard = json.loads(body[body.index(",") + 1 : body.rindex(")")])
        found.update({ref: entry["m"] for ref, entry in shard.items()})
    return found


EN_META = META + "translations: {en: {by: test, status: working}}\n"
PL_TEXT = "Stany Zjednoczone patrzyły. Waszyngton milczał.\n"
EN_TEXT = "The United States looked on. The U.S. watched. Washington, D.C. kept silent.\n"


def test_a_translation_naming_the_us_builds_and_indexes_the_mention(tmp_path: Path) -> None:
    """ "U.S." and "Washington, D.C." end in a full stop, which is no word token: the build
    once died in the search index looking the mention's end up among word ends."""
    register = [
        entry("Q30", pl="Stany Zjednoczone", en="U.S."),
        entry("Q61", pl="Waszyngton", en="Washington, D.C."),
    ]
    config = make_edition(
        tmp_path / "edition", register, t={"meta": EN_META, "pl": PL_TEXT, "en": EN_TEXT}
    )
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    page = html.parse(str(tmp_path / "site" / "parallel" / "t.html")).getroot()
    cell = page.cssselect('.ed-cell[data-lang="en"] .ed-p')[0]
    assert cell.text_content() == EN_TEXT.strip()
    assert [b.text_content() for b in cell.cssselect(".ed-ref")] == ["U.S.", "Washington, D.C."]
    entries = search_entries(tmp_path / "site")
    spans = {k: [tuple(v[i : i + 4]) for i in range(0, len(v), 4)] for k, v in entries.items()}
    # In the translation (document 1): "U.S." is words 6-7, "Washington, D.C." words 9-11.
    assert (1, 0, 6, 7) in spans["Q30"]
    assert (1, 0, 9, 11) in spans["Q61"]


DECOMPOSED_PL = "Wojska weszły do Mandz\u0307urii. Potem do Man\u00addżurii.\n"


def test_a_word_typed_decomposed_is_annotated_whole_and_shown_as_typed(tmp_path: Path) -> None:
    register = [entry("Q1", pl="Mandżuria", en="Manchuria")]
    config = make_edition(tmp_path / "edition", register, t={"pl": DECOMPOSED_PL})
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = html.parse(str(tmp_path / "site" / "texts" / "t.html")).getroot()
    par = page.cssselect(".ed-p")[0]
    assert par.text_content() == DECOMPOSED_PL.strip()
    assert [b.text_content() for b in par.cssselect(".ed-ref")] == [
        "Mandz\u0307urii",
        "Man\u00addżurii",
    ]
    # the paragraph's file (document 0, paragraph 0), which the search page's snippet shows
    body = (tmp_path / "site" / "assets" / "edition" / "search" / "t_0_0.js").read_text("utf-8")
    assert json.dumps(DECOMPOSED_PL.strip(), ensure_ascii=False) in body
