// Converts the world-atlas package's Natural Earth 1:110m land (TopoJSON) into the compact
// base map the site is drawn from: edition/data/basemap-land-110m.json. Run once, when the
// package is upgraded (`make basemap`); the site build reads only the committed output.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const pkg = JSON.parse(readFileSync("node_modules/world-atlas/package.json", "utf8"));
const topology = JSON.parse(readFileSync("node_modules/world-atlas/land-110m.json", "utf8"));
const land = feature(topology, topology.objects.land);

// A ring cut at the antimeridian (Fiji, Chukotka) jumps from 180 to -180 and back: shift the
// points between the jumps by 360 degrees so that it is drawn in one piece, centred on the
// map, reaching beyond 180 (the SVG view crops it). A ring around a pole (Antarctica) jumps once and is left as it is.
function unwrap(ring) {
  let offset = 0;
  const out = ring.map(([lon, lat], i) => {
    if (i > 0) {
      const step = lon - ring[i - 1][0];
      if (step < -180) offset += 360;
      if (step > 180) offset -= 360;
    }
    return [lon + offset, lat];
  });
  if (offset !== 0) return ring;
  const lons = out.map(([lon]) => lon);
  const shift = 360 * Math.round((Math.min(...lons) + Math.max(...lons)) / 720);
  return out.map(([lon, lat]) => [lon - shift, lat]);
}

// One flat [lon, lat, lon, lat, ...] array per ring, to a tenth of a degree (about 11 km,
// finer than the 1:110m data), without repeated points.
const rings = [];
for (const f of land.features) {
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const flat = [];
      for (const [lon, lat] of unwrap(ring)) {
        const x = Math.round(lon * 10) / 10, y = Math.round(lat * 10) / 10;
        if (flat.length && flat.at(-2) === x && flat.at(-1) === y) continue;
        flat.push(x, y);
      }
      if (flat.length >= 6) rings.push(flat);
    }
  }
}

const out = {
  source: `Natural Earth 1:110m land, from the npm package world-atlas ${pkg.version} (land-110m.json), converted by scripts/make-basemap.mjs`,
  licence: "Natural Earth data: public domain (naturalearthdata.com/about/terms-of-use); world-atlas: ISC licence",
  units: "degrees (WGS 84 longitude, latitude), rounded to 0.1",
  rings,
};
writeFileSync("edition/data/basemap-land-110m.json", JSON.stringify(out) + "\n");
console.log(`${rings.length} rings, ${rings.reduce((n, r) => n + r.length / 2, 0)} points`);
