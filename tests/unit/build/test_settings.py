"""How much a page holds is read from ``extra: edition: pages:`` of ``mkdocs.yml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.base.addresses import DEFAULT_PAGING, Paging
from edition.base.errors import EditionError
from edition.build.settings import read_settings

CONFIG = """\
plugins:
  - i18n:
      languages:
        - {locale: en, default: true}
        - {locale: pl}
extra:
  edition: {version: "1.0"%s}
"""


def _settings(tmp_path: Path, pages: str = ""):
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG % pages, "utf-8")
    return read_settings(path)


def test_the_defaults_where_none_is_given(tmp_path: Path) -> None:
    assert _settings(tmp_path).paging == DEFAULT_PAGING


def test_the_settings_given_and_the_defaults_of_the_others(tmp_path: Path) -> None:
    paging = _settings(tmp_path, ", pages: {texts_per_page: 7, occurrences_on_entry: 2}").paging
    assert paging == Paging(texts_per_page=7, occurrences_on_entry=2)
    assert paging.occurrences_per_page == DEFAULT_PAGING.occurrences_per_page


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        (", pages: {texts_per_page: 0}", "texts_per_page must be a whole number from 1"),
        (", pages: {texts_per_page: '5'}", "texts_per_page must be a whole number from 1"),
        (", pages: {entry_page_bytes: true}", "entry_page_bytes must be a whole number"),
        (", pages: {text_per_page: 5}", "unknown setting 'text_per_page'"),
        (", pages: [5]", "pages: must be a mapping"),
    ],
)
def test_a_bad_setting_is_named(tmp_path: Path, pages: str, message: str) -> None:
    with pytest.raises(EditionError) as caught:
        _settings(tmp_path, pages)
    assert message in str(caught.value.problems[0])
