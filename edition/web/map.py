"""A map of places drawn at build time: the land as inline SVG over a shipped base map, the
places as HTML links laid over it. No tile server, no script, nothing loaded from outside the
site: the same on a web server, from ``file://`` and printed.

Hand-written because no library fits: map libraries (Leaflet, MapLibre, OpenLayers) need a
script and tiles or a vector style fetched at run time, and a static-image renderer
(``staticmap``, cartopy) draws labels into pixels, where a reader can neither select, zoom
with the text nor tab to them.

The base map is Natural Earth's 1:110m land (public domain) from the npm package
``world-atlas``, converted once by ``scripts/make-basemap.mjs`` into
``data/basemap-land-110m.json`` (the whole world: a new place anywhere needs no new base
map). Land only, no country borders: today's borders would mislead on a map of the 1920s and
1930s. The projection is equirectangular.

What makes it usable on a 360 px phone:

- **Frames.** The whole world at 360 px leaves a degree a pixel wide. The places are framed
  where they cluster: the first frame is the window (``WINDOW`` degrees) holding the most
  mentions, then the same for the places left, up to ``MAX_FRAMES``; whatever is left after
  that shares one last frame. So an edition about East Asia gets East Asia first and smaller
  frames for Europe and the Americas. (A frame does not cross the 180th meridian.)
- **Labels and tap targets.** Markers are HTML links positioned in percent over the SVG: a
  24 px target with its name written beside it at a fixed text size, whatever the map's
  width (inside an SVG, text would shrink with the map).
- **Nothing overlaps at the narrowest width.** Labels are laid out for a frame
  ``NARROWEST`` px wide (a 360 px phone): each goes right of its point, else left; a marker
  whose label fits neither way, or whose point is within a target's width of another's,
  joins that marker as one marker with a list (Moscow, the Kremlin and the Soviet Union).
  Wider maps only spread them further apart.
- **Areas.** A place with ``area`` (a country, a region; see ``glossary/README.md``) is
  written as an area's name at that point, with no marker at its capital.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from edition.web.html import esc

SCALE = 10  # SVG units per degree: integer coordinates keep the path short
MARGIN = 4.0  # degrees around the outermost places of a frame
MIN_SPAN = (24.0, 14.0)  # degrees of longitude, latitude a frame shows at least
WINDOW = (60.0, 36.0)  # degrees: the largest cluster of places a frame is made for
CELL = 2  # degrees: the grid on which windows are counted
MAX_FRAMES = 4
NARROWEST = 328  # px: a frame's width on a 360 px phone (Material's content padding taken off)
TARGET = 24  # px: a marker's tap target (WCAG 2.2 target size, minimum)
CHAR = 7.6  # px: width of a character of a label at its size (.75rem of 16 px), generously
GAP = 4  # px between a point's target and its label, and kept between labels
AREA_CHAR = 9.0  # px: a character of an area's name (capitals, spaced out)
WRAP = 120  # px: an area's name wraps at this width (map.css), in lines LINE px high
LINE = 13


@dataclass(frozen=True)
class Marker:
    lat: float
    lon: float
    href: str
    name: str  # the place's name, shown as its label
    lang: str | None = None  # the name's language, where it is not the page's
    weight: int = 1  # mentions in the texts: frames go where the texts are
    area: bool = False  # written as an area's name, not a point


@dataclass
class _Mark:
    """One marker on a frame: one place, or several that share its spot (a list)."""

    x: float  # px at NARROWEST
    y: float
    places: list[Marker] = field(default_factory=list)
    side: str = "e"  # where the label is: e, w, n, s of the point (an area's name also c)

    @property
    def area(self) -> bool:
        return len(self.places) == 1 and self.places[0].area

    @property
    def sides(self) -> tuple[str, ...]:
        return ("c", "e", "w", "n", "s") if self.area else ("e", "w", "n", "s")

    def box(self, side: str) -> tuple[float, float, float, float]:
        """Left, top, right, bottom of the target and its label, in px at NARROWEST."""
        x, y, half = self.x, self.y, TARGET / 2
        if self.area:  # the name itself is the target: centred on the point, or from it
            long = len(_label(self.places)) * AREA_CHAR + 2 * GAP
            width, tall = min(long, WRAP), max(TARGET, -(-long // WRAP) * LINE + 2 * GAP)
            dy = {"n": -tall, "s": tall}.get(side, 0)
            left = {"e": x, "w": x - width}.get(side, x - width / 2)
            return left, y - tall / 2 + dy, left + width, y + tall / 2 + dy
        width = len(_label(self.places)) * CHAR + 2 * GAP
        if side == "e":
            return x - half, y - half, x + half + GAP + width, y + half
        if side == "w":
            return x - half - GAP - width, y - half, x + half, y + half
        wide = max(width, TARGET) / 2
        if side == "n":
            return x - wide, y - half - TARGET, x + wide, y + half
        return x - wide, y - half, x + wide, y + half + TARGET


def _label(places: list[Marker]) -> str:
    return places[0].name + (f" +{len(places) - 1}" if len(places) > 1 else "")


@cache
def land() -> dict:
    """The base map: ``rings`` of flat [lon, lat, ...] lists, with ``source`` and ``licence``."""
    path = resources.files("edition").joinpath("data", "basemap-land-110m.json")
    return json.loads(path.read_text("utf-8"))


def frames(markers: list[Marker]) -> list[list[Marker]]:
    """The markers split into frames: each the densest window of mentions among those left
    (see the module's docstring), the heaviest first."""
    left, out = list(markers), list[list[Marker]]()
    while left:
        if len(out) == MAX_FRAMES - 1:
            out.append(left)
            break
        inside = _densest(left)
        out.append(inside)
        # by identity: ``m not in inside`` compared every marker with every one inside (a
        # marker equal to one inside has its place, so it is inside too)
        taken = {id(m) for m in inside}
        left = [m for m in left if id(m) not in taken]
    return out


def _densest(markers: list[Marker]) -> list[Marker]:
    """The markers inside the WINDOW that holds the most weight (a grid of CELL degrees
    counted with a summed-area table: a large register stays cheap)."""
    cols, rows = 360 // CELL, 180 // CELL
    grid = [[0] * (cols + 1) for _ in range(rows + 1)]
    for m in markers:
        grid[_row(m.lat) + 1][_col(m.lon) + 1] += m.weight
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            grid[r][c] += grid[r - 1][c] + grid[r][c - 1] - grid[r - 1][c - 1]
    w, h = int(WINDOW[0] // CELL), int(WINDOW[1] // CELL)
    best, at = -1, (0, 0)
    for r in range(rows - h + 1):
        for c in range(cols - w + 1):
            total = grid[r + h][c + w] - grid[r][c + w] - grid[r + h][c] + grid[r][c]
            if total > best:
                best, at = total, (r, c)
    r0, c0 = at
    return [m for m in markers if r0 <= _row(m.lat) < r0 + h and c0 <= _col(m.lon) < c0 + w]


def _row(lat: float) -> int:
    return min(int((lat + 90) // CELL), 180 // CELL - 1)


def _col(lon: float) -> int:
    return min(int((lon + 180) // CELL), 360 // CELL - 1)


def _bounds(markers: list[Marker]) -> tuple[float, float, float, float]:
    """West, south, east, north of a frame: its places, a margin, at least MIN_SPAN."""
    lons, lats = [m.lon for m in markers], [m.lat for m in markers]
    box = [min(lons) - MARGIN, min(lats) - MARGIN, max(lons) + MARGIN, max(lats) + MARGIN]
    for (lo, hi, limit), span in zip(((0, 2, 180.0), (1, 3, 90.0)), MIN_SPAN, strict=True):
        grow = max(0.0, span - (box[hi] - box[lo])) / 2
        box[lo], box[hi] = max(-limit, box[lo] - grow), min(limit, box[hi] + grow)
    return box[0], box[1], box[2], box[3]


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] + GAP and b[0] < a[2] + GAP and a[1] < b[3] and b[1] < a[3]


def _layout(
    markers: list[Marker], px: float, west: float, north: float, height: float
) -> list[_Mark]:
    """The marks of one frame at NARROWEST px (``px`` per degree, the frame's west and
    north edge in degrees, ``height`` px): heaviest places first, each labelled on the first
    side of its point where the label fits the frame and meets no other, else added to the
    list of the nearest mark it meets (whose longer label is then placed again, and joins the
    next mark it meets, if any)."""
    marks: list[_Mark] = []

    def fit(mark: _Mark) -> tuple[str | None, list[_Mark]]:
        """The first side where ``mark``'s label fits, else None and the marks it meets."""
        met: list[_Mark] = []
        for side in mark.sides:
            box = mark.box(side)
            clash = [o for o in marks if o is not mark and _overlap(box, o.box(o.side))]
            if (
                not clash
                and box[0] >= 0
                and box[1] >= 0
                and box[2] <= NARROWEST
                and box[3] <= height
            ):
                return side, []
            met += clash
        return None, met

    for m in sorted(markers, key=lambda m: (-m.weight, m.name)):
        mark = _Mark((m.lon - west) * px, (north - m.lat) * px, [m])
        near = next(
            (o for o in marks if abs(o.x - mark.x) < TARGET and abs(o.y - mark.y) < TARGET), None
        )
        if near is None:
            side, met = fit(mark)
            if side is not None or not met:  # fits, or only the frame's edge is in the way
                mark.side = side or _toward_room(mark)
                marks.append(mark)
                continue
            near = _nearest(mark, met)
        near.places.append(m)
        while True:  # a longer list's label may meet another: then the two become one
            side, met = fit(near)
            if side is not None or not met:
                near.side = side or _toward_room(near)
                break
            into = _nearest(near, met)
            into.places += near.places
            marks.remove(near)
            near = into
    return marks


def _nearest(mark: _Mark, among: list[_Mark]) -> _Mark:
    return min(among, key=lambda o: (o.x - mark.x) ** 2 + (o.y - mark.y) ** 2)


def _toward_room(mark: _Mark) -> str:
    """The side of a label that fits nowhere: an area's name centred, else toward the
    wider half of the frame (it meets no other label, only the frame's edge)."""
    return "c" if mark.area else "w" if mark.x > NARROWEST / 2 else "e"


def _frame_html(markers: list[Marker], label: str, more: str) -> str:
    west, south, east, north = _bounds(markers)
    width, height = round((east - west) * SCALE), round((north - south) * SCALE)
    px = NARROWEST / (east - west)  # px per degree at the narrowest width

    def xy(lon: float, lat: float) -> tuple[int, int]:
        return round((lon - west) * SCALE), round((north - lat) * SCALE)

    paths = []
    for ring in land()["rings"]:
        lons, lats = ring[0::2], ring[1::2]
        if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
            continue
        points = [xy(lon, lat) for lon, lat in zip(lons, lats, strict=True)]
        paths.append("M" + "L".join(f"{x} {y}" for x, y in points) + "Z")
    marks = _layout(markers, px, west, north, px * (north - south))
    items = []
    for mark in sorted(marks, key=lambda k: (k.y, k.x)):  # reading order: top to bottom
        where = (
            f"left:{100 * mark.x / NARROWEST:.2f}%;top:{100 * mark.y / (px * (north - south)):.2f}%"
        )
        side = f" ed-map-{mark.side}"
        if len(mark.places) == 1:
            cls = ("ed-map-area" if mark.area else "ed-map-pt") + side
            items.append(f'<li class="{cls}" style="{where}">{_link(mark.places[0])}</li>')
        else:
            names = "".join(f"<li>{_link(m)}</li>" for m in mark.places)
            count = more.format(n=len(mark.places) - 1)
            items.append(
                f'<li class="ed-map-pt ed-map-group{side}" style="{where}"><details>'
                f'<summary><span class="ed-map-name">{esc(mark.places[0].name)}'
                f' <span class="ed-map-more">{esc(count)}</span></span></summary>'
                f'<ul class="ed-map-menu">{names}</ul></details></li>'
            )
    return (
        f'<div class="ed-map-frame" style="aspect-ratio:{width}/{height}">'
        f'<svg class="ed-map-svg" viewBox="0 0 {width} {height}" aria-hidden="true"'
        ' preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">'
        f'<rect class="ed-map-sea" width="{width}" height="{height}"/>'
        f'<path class="ed-map-land" d="{"".join(paths)}"/></svg>'
        f'<ul class="ed-map-marks" aria-label="{esc(label)}">{"".join(items)}</ul></div>'
    )


def _link(m: Marker) -> str:
    lang = f' lang="{esc(m.lang)}"' if m.lang else ""
    return f'<a href="{esc(m.href)}"{lang}><span class="ed-map-name">{esc(m.name)}</span></a>'


def map_html(markers: list[Marker], label: str, more: str) -> str:
    """The frames of the map (see the module's docstring), each a list of links named by
    ``label`` (``{places}``: its places' names); ``more`` (``+{n}``) counts the other places
    of a marker that lists several."""
    out = []
    for group in frames(markers):
        names = ", ".join(m.name for m in sorted(group, key=lambda m: -m.weight))
        out.append(_frame_html(group, label.format(places=names), more))
    return f'<div class="ed-map-frames">{"".join(out)}</div>'
