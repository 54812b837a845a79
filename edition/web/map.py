"""A map of places drawn at build time as inline SVG over a shipped base map: no tile
server, no script, nothing loaded from outside the site, the same on a web server, from
``file://`` and printed.

The base map is Natural Earth's 1:110m land (public domain) from the npm package
``world-atlas``, converted once by ``scripts/make-basemap.mjs`` into
``data/basemap-land-110m.json`` (the whole world: the corpus's places reach from
Washington to Canberra, and a new place anywhere needs no new base map). Land only, no
country borders: today's borders would mislead on a map of the 1920s and 1930s. The
projection is equirectangular, cropped to the places with a margin.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from edition.web.html import esc

SCALE = 10  # SVG units per degree: integer coordinates keep the path short
MARGIN = 8.0  # degrees around the outermost places
MIN_SPAN = 30.0  # degrees: one place alone still shows its surroundings
RADIUS = 14  # marker radius in SVG units


@dataclass(frozen=True)
class Marker:
    lat: float
    lon: float
    href: str
    label: str  # the accessible name of the marker's link


@cache
def land() -> dict:
    """The base map: ``rings`` of flat [lon, lat, ...] lists, with ``source`` and ``licence``."""
    path = resources.files("edition").joinpath("data", "basemap-land-110m.json")
    return json.loads(path.read_text("utf-8"))


def _bounds(markers: list[Marker]) -> tuple[float, float, float, float]:
    """West, south, east, north of the view: the places, a margin, at least MIN_SPAN."""
    lons, lats = [m.lon for m in markers], [m.lat for m in markers]
    box = [min(lons) - MARGIN, min(lats) - MARGIN, max(lons) + MARGIN, max(lats) + MARGIN]
    for lo, hi, limit in ((0, 2, 180.0), (1, 3, 90.0)):
        grow = max(0.0, MIN_SPAN - (box[hi] - box[lo])) / 2
        box[lo], box[hi] = max(-limit, box[lo] - grow), min(limit, box[hi] + grow)
    return box[0], box[1], box[2], box[3]


def map_svg(markers: list[Marker], label: str) -> str:
    """The land within the places' bounds, one linked marker per place. Places at the same
    point (a country drawn at its capital, and the capital) are set side by side."""
    west, south, east, north = _bounds(markers)
    width, height = round((east - west) * SCALE), round((north - south) * SCALE)

    def xy(lon: float, lat: float) -> tuple[int, int]:
        return round((lon - west) * SCALE), round((north - lat) * SCALE)

    paths = []
    for ring in land()["rings"]:
        lons, lats = ring[0::2], ring[1::2]
        if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
            continue
        points = [xy(lon, lat) for lon, lat in zip(lons, lats, strict=True)]
        paths.append("M" + "L".join(f"{x} {y}" for x, y in points) + "Z")
    at: dict[tuple[int, int], list[Marker]] = {}
    for m in markers:
        at.setdefault(xy(m.lon, m.lat), []).append(m)
    dots = []
    for (x, y), group in at.items():
        for k, m in enumerate(group):
            cx = x + round((k - (len(group) - 1) / 2) * 2.4 * RADIUS)
            dots.append(
                f'<a class="ed-map-place" href="{esc(m.href)}" aria-label="{esc(m.label)}">'
                f'<circle cx="{cx}" cy="{y}" r="{RADIUS}"/><title>{esc(m.label)}</title></a>'
            )
    return (
        f'<svg class="ed-map-svg" viewBox="0 0 {width} {height}" role="group"'
        f' aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg">'
        f'<rect class="ed-map-sea" width="{width}" height="{height}"/>'
        f'<path class="ed-map-land" aria-hidden="true" d="{"".join(paths)}"/>'
        + "".join(dots)
        + "</svg>"
    )
