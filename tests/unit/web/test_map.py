"""The map's frames and markers (edition/web/map.py): where the places cluster, merged
markers, labels inside the frame, every name escaped."""

from __future__ import annotations

from lxml import html

from edition.web.map import NARROWEST, Marker, _layout, _overlap, frames, map_html


def place(name: str, lat: float, lon: float, weight: int = 1, area: bool = False) -> Marker:
    return Marker(lat, lon, f"entries/x.html#{name}", name, None, weight, area)


EAST_ASIA = [
    place("Tokyo", 35.7, 139.7, 5),
    place("Nanjing", 32.1, 118.8, 3),
    place("Harbin", 45.8, 126.6, 4),
]
FAR = [place("London", 51.5, -0.1), place("Washington", 38.9, -77.0)]


def test_the_first_frame_is_where_the_mentions_are() -> None:
    out = frames(FAR + EAST_ASIA)
    assert {m.name for m in out[0]} == {"Tokyo", "Nanjing", "Harbin"}
    assert sorted(m.name for group in out[1:] for m in group) == ["London", "Washington"]


def test_no_more_than_four_frames() -> None:
    spread = [place(f"p{k}", 0, -170 + k * 70) for k in range(6)]
    assert len(frames(spread)) == 4
    assert sum(len(f) for f in frames(spread)) == 6


def test_places_at_one_point_become_one_marker_with_a_list() -> None:
    doc = html.fragment_fromstring(
        map_html(
            [place("Moscow", 55.75, 37.6, 3), place("Kremlin", 55.75, 37.6)],
            "Map: {places}",
            "+{n}",
        ),
        create_parent="div",
    )
    (group,) = doc.cssselect(".ed-map-group")
    assert group.cssselect("summary")[0].text_content() == "Moscow +1"
    assert [a.text_content() for a in group.cssselect(".ed-map-menu a")] == ["Moscow", "Kremlin"]


def test_labels_lie_inside_the_frame_and_apart_at_the_narrowest_width() -> None:
    crowded = [*EAST_ASIA, place("Changchun", 43.9, 125.3, 2), place("Mukden", 41.8, 123.4, 2)]
    west, north, px = 110.0, 50.0, NARROWEST / 40
    marks = _layout(crowded, px, west, north, px * 24)
    boxes = [m.box(m.side) for m in marks]
    assert all(b[0] >= 0 and b[2] <= NARROWEST for b in boxes)
    for k, a in enumerate(boxes):
        assert not any(_overlap(a, b) for b in boxes[k + 1 :])
    assert sum(len(m.places) for m in marks) == len(crowded)  # none lost


def test_an_area_is_a_name_without_a_marker() -> None:
    out = map_html([place("Japan", 39.5, 140.5, area=True), *EAST_ASIA], "Map: {places}", "+{n}")
    doc = html.fragment_fromstring(out, create_parent="div")
    (area,) = doc.cssselect(".ed-map-area a")
    assert area.text_content() == "Japan"


def test_names_are_escaped() -> None:
    out = map_html([place('<b x="1">&', 10, 10)], "Map: {places}", "+{n}")
    assert "<b " not in out and "&lt;b x=&quot;1&quot;&gt;&amp;" in out
