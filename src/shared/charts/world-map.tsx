import { useContext } from 'react'
import { scaleThreshold } from '@visx/scale'
import { geoEqualEarth, geoPath } from '@visx/vendor/d3-geo'
import codes from 'i18n-iso-countries/codes.json'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import world from 'world-atlas/countries-110m.json'
import type { BarDatum } from './bar-list-chart'
import { ChartFigure, markProps, MarkReadout } from './chart-parts'

interface Country {
  type: 'Feature'
  id?: string | number
  properties: { name: string }
  geometry: GeoJSON.Geometry
}

/** Natural Earth's 1:110m countries, keyed by ISO 3166-1 numeric code as world-atlas ships them. */
const COUNTRIES = (
  feature(
    world as unknown as Topology,
    (world as unknown as Topology).objects.countries as GeometryCollection<{ name: string }>,
  ) as unknown as { features: Country[] }
).features
/**
 * The countries' outlines as SVG paths in the Equal Earth projection, fitted to a width: computed once
 * per width (projecting every country is most of drawing the map).
 */
const outlinesByWidth = new Map<number, { key: string; id: string; name: string; d: string }[]>()
function outlines(width: number, height: number) {
  let drawn = outlinesByWidth.get(width)
  if (!drawn) {
    const path = geoPath(geoEqualEarth().fitSize([width, height], { type: 'Sphere' }))
    drawn = COUNTRIES.map((country, index) => ({
      key: `${country.id}-${index}`,
      id: String(country.id),
      name: country.properties.name,
      d: path(country as never) ?? '',
    }))
    outlinesByWidth.set(width, drawn)
  }
  return drawn
}

const NUMERIC_OF_ALPHA2 = new Map((codes as string[][]).map(([alpha2, , numeric]) => [alpha2, numeric]))

/** Light to dark blues (ColorBrewer), told apart in greyscale too; grey for none. */
const SHADES = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b']
const NONE = '#eeeeee'

/**
 * Entities by country on a world map, shaded by count in five steps. Places too small for the 1:110m map
 * (Hong Kong, Macao, Singapore …) and entities with no country are named below it, so every count is
 * shown somewhere.
 */
export function WorldMap({
  id,
  data,
  width = 760,
  onSelect,
}: {
  id: string
  /** Counts by ISO 3166-1 alpha-2 code ('' for not recorded). */
  data: BarDatum[]
  width?: number
  onSelect?: (alpha2: string) => void
}) {
  const readout = useContext(MarkReadout)
  const height = Math.round(width * 0.5)
  const byNumeric = new Map<string, BarDatum>()
  for (const datum of data) {
    const numeric = NUMERIC_OF_ALPHA2.get(datum.key)
    if (numeric) byNumeric.set(numeric, datum)
  }
  const drawn = new Set(COUNTRIES.map((country) => String(country.id)))
  const elsewhere = data.filter((datum) => !drawn.has(NUMERIC_OF_ALPHA2.get(datum.key) ?? ''))
  const max = Math.max(1, ...data.map((datum) => datum.count))
  const steps = [1, 2, 3, 4].map((step) => Math.max(1, Math.ceil((max * step) / 5)))
  const shade = scaleThreshold<number, string>({ domain: steps, range: SHADES })
  return (
    <ChartFigure
      id={id}
      title="Entities by country, on a map"
      description={`Countries shaded by how many entities they hold, in five steps up to ${max}.${
        elsewhere.length > 0
          ? ` Not drawn on the map: ${elsewhere.map((datum) => `${datum.label} ${datum.count}`).join(', ')}.`
          : ''
      }`}
      width={width}
      height={height + (elsewhere.length > 0 ? 22 : 0)}
    >
      {outlines(width, height).map((country) => {
        const datum = byNumeric.get(country.id)
        if (!datum)
          return <path key={country.key} d={country.d} fill={NONE} stroke="#ffffff" strokeWidth={0.5} />
        const label = `${datum.label} (${country.name}): ${datum.count} entities`
        return (
          <path
            key={country.key}
            className="chart-mark"
            d={country.d}
            fill={shade(datum.count)}
            stroke="#333333"
            strokeWidth={0.5}
            {...markProps({ label, onSelect: onSelect && (() => onSelect(datum.key)) }, readout)}
          >
            <title>{label}</title>
          </path>
        )
      })}
      {elsewhere.length > 0 ? (
        <text x={4} y={height + 15} fontSize={11}>
          Not on the map: {elsewhere.map((datum) => `${datum.label} ${datum.count}`).join(' · ')}
        </text>
      ) : null}
    </ChartFigure>
  )
}
