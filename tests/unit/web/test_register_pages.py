"""How the index of a kind is cut into pages (``register_pages.index_cut``): whole letters
where they fit, a letter larger than a page over pages of its own, every page under the
budget unless it holds one entry, and as many pages as asked for."""

from __future__ import annotations

from typing import Any

from edition.web.register_pages import _LETTER_ROOM, cut, index_cut

# (letter, [entry ID]): stand-ins for the entries, which the cut only passes through
SIZES = {"a1": 300, "a2": 300, "b1": 200, "c1": 900, "c2": 900, "c3": 900, "d1": 100}
LETTERS: list[tuple[str, list[Any]]] = [
    ("A", ["a1", "a2"]),
    ("B", ["b1"]),
    ("C", ["c1", "c2", "c3"]),
    ("D", ["d1"]),
]
BUDGET = 2000


def _size(x: Any) -> int:
    return SIZES[x.entry]


def _held(page: list[Any]) -> int:
    return sum(map(_size, page)) + _LETTER_ROOM * len({x.letter for x in page})


def _flat(pages: list[list[Any]]) -> list[tuple[str, str]]:
    return [(x.letter, x.entry) for page in pages for x in page]


def test_cut_keeps_the_order_and_the_budget_and_one_item_at_least() -> None:
    assert cut([5, 5, 5, 20, 1], lambda n: n, 10) == [[5, 5], [5], [20], [1]]
    assert cut([], lambda n: n, 10) == [[]]


def test_letters_stay_whole_where_they_fit_and_a_large_one_goes_on_over_pages() -> None:
    pages = index_cut(LETTERS, _size, BUDGET)
    assert _flat(pages) == [(letter, e) for letter, es in LETTERS for e in es]
    assert [[x.entry for x in page] for page in pages] == [
        ["a1", "a2", "b1"],  # A and B together
        ["c1"],  # C, too large for a page, alone on its pages
        ["c2"],
        ["c3"],
        ["d1"],  # D does not share C's last page: letters begin a page where they fit
    ]
    assert all(_held(p) <= BUDGET or len(p) == 1 for p in pages)


def test_more_pages_where_asked_for_halving_the_largest_between_letters_first() -> None:
    fewer = index_cut(LETTERS, _size, BUDGET)
    more = index_cut(LETTERS, _size, BUDGET, count=len(fewer) + 1)
    assert len(more) == len(fewer) + 1
    assert _flat(more) == _flat(fewer)
    assert [x.entry for x in more[0]] == ["a1", "a2"] and [x.entry for x in more[1]] == ["b1"]
    assert len(index_cut(LETTERS, _size, 10**6, count=7)) == 7  # one entry a page


def test_an_empty_index_has_one_empty_page() -> None:
    assert index_cut([], _size, BUDGET) == [[]]
