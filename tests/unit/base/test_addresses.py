"""Page addresses: links between pages, percent-encoded IDs."""

from __future__ import annotations

from edition.base import addresses


def test_relative_links_between_pages() -> None:
    here = addresses.reading("a")
    assert addresses.relative(here, here.at("p3s2")) == "#p3s2"
    assert addresses.relative(here, addresses.parallel("a").at("p1")) == "../parallel/a.html#p1"
    assert addresses.relative(addresses.catalogue(), here) == "a.html"
    group = addresses.group("person", "Ł")
    assert addresses.relative(group, here) == "../../texts/a.html"
    assert addresses.relative(group, addresses.index("person").at("Q1")) == "../persons.html#Q1"
    data = addresses.open_data("json")
    assert (
        addresses.relative(f"pl/{addresses.names().path}", data) == "../../register/register.json"
    )
    assert addresses.relative(addresses.names(), data) == "register.json"
    assert addresses.url(addresses.reading("t%1").at("a b")) == "texts/t%251.html#a%20b"
    assert addresses.up(group.path) == "../../"
