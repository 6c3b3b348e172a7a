// Writes assets/world-110m.txt: one line per country, "<ISO alpha-2> <SVG path>", in an
// equirectangular frame of 720 x 360 units (half a degree each), for the card's locator map.
// Sources: npm world-atlas 2.0.2 (Natural Earth 1:110m, public domain) for the outlines and
// npm world-countries 5.1.0 (ODbL) for the ISO numeric -> alpha-2 code facts.
// Usage: node tools/world-outline.mjs > assets/world-110m.txt
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';

const atlas = JSON.parse(readFileSync(new URL('../node_modules/world-atlas/countries-110m.json', import.meta.url)));
const countries = JSON.parse(readFileSync(new URL('../node_modules/world-countries/countries.json', import.meta.url)));
const alpha2 = new Map(countries.map((c) => [c.ccn3, c.cca2]));
const byName = new Map([['Kosovo', 'XK'], ['N. Cyprus', 'CY'], ['Somaliland', 'SO']]);

function ring(points) {
  const out = [];
  let last = null;
  for (const [lon, lat] of points) {
    const p = [Math.round((lon + 180) * 2), Math.round((90 - lat) * 2)];
    if (last && p[0] === last[0] && p[1] === last[1]) continue;
    out.push(p);
    last = p;
  }
  if (out.length < 3) return '';
  let path = `M${out[0][0]} ${out[0][1]}`;
  for (let i = 1; i < out.length; i += 1) {
    path += `l${out[i][0] - out[i - 1][0]} ${out[i][1] - out[i - 1][1]}`;
  }
  return `${path}z`;
}

const paths = new Map();
for (const f of feature(atlas, atlas.objects.countries).features) {
  const code = alpha2.get(f.id) ?? byName.get(f.properties.name);
  if (!code) {
    console.error(`skipped: ${f.properties.name} (${f.id})`);
    continue;
  }
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const path = polygons.map((rings) => ring(rings[0])).join('');
  if (path) paths.set(code, (paths.get(code) ?? '') + path);
}
const lines = [...paths].map(([code, path]) => `${code} ${path}`).sort();
process.stdout.write(`${lines.join('\n')}\n`);
