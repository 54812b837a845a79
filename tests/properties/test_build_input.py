"""Any input, safely, through the real build (MkDocs, Material, i18n), for a few generated
editions: the build passes or names the problem without a traceback, and what passes shows
every source character and runs nothing from input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import html

from tests.conftest import build_site
from tests.properties.edition_files import add_site, write_edition
from tests.properties.test_input import editions

pytestmark = pytest.mark.build
# A build takes seconds: a few examples, more in the long profile.
FEW = 12 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 3
PREFIX = {"en": "", "pl": "pl/", "uk": "uk/"}


@settings(max_examples=FEW)
@given(editions())
def test_generated_editions_build_or_name_their_problems(args: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "edition"
        write_edition(root, **args)
        result = build_site(add_site(root), Path(tmp) / "site")
        assert "Traceback" not in result.stderr
        if result.returncode != 0:
            assert "The edition's sources have problems:" in result.stderr
            return
        for prefix in PREFIX.values():
            page = Path(tmp) / "site" / prefix / "texts" / "t.html"
            doc = html.parse(str(page)).getroot()
            shown = doc.cssselect("article.ed-text .ed-p")
            assert [p.text_content() for p in shown] == args["lines"]
            # Nothing from input runs: no event handler, no script of input's words.
            assert not [a for el in doc.iter() for a in el.attrib if a.startswith("on")]
            assert not [s for s in doc.iter("script") if "alert(1)" in (s.text or "")]


def test_a_title_with_markup_makes_no_element_in_the_header(tmp_path: Path) -> None:
    root = tmp_path / "edition"
    write_edition(root, ["Ala ma kota."], title="<script>alert(1)</script>")
    result = build_site(add_site(root), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    doc = html.parse(str(tmp_path / "site" / "texts" / "t.html")).getroot()
    topic = doc.cssselect(".md-header__topic")[-1]
    assert not list(topic.iter("script"))
    assert "<script>alert(1)</script>" in topic.text_content()
