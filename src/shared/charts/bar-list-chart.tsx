import { useContext } from 'react'
import { scaleLinear } from '@visx/scale'
import { ChartFigure, markProps, PALETTE, MarkReadout } from './chart-parts'

export interface BarDatum {
  /** The value a click filters by ('' for "not recorded"). */
  key: string
  label: string
  count: number
}

const ROW = 22
const LABEL_WIDTH = 170
/** Bars drawn at most; the rest are summed in one last bar (the table lists every one). */
const SHOWN_AT_MOST = 15

/**
 * Counts as horizontal bars, largest first, each labelled with its name and count. Past fifteen, the
 * rest are summed in an "others" bar.
 */
export function BarListChart({
  id,
  title,
  description,
  data,
  unit,
  width = 460,
  onSelect,
}: {
  id: string
  title: string
  description: string
  data: BarDatum[]
  /** "entities": for the marks' labels. */
  unit: string
  width?: number
  onSelect?: (key: string) => void
}) {
  const readout = useContext(MarkReadout)
  const sorted = [...data].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
  const rest = sorted.slice(SHOWN_AT_MOST - 1)
  const shown =
    sorted.length > SHOWN_AT_MOST
      ? [
          ...sorted.slice(0, SHOWN_AT_MOST - 1),
          { key: '', label: `${rest.length} others`, count: rest.reduce((sum, d) => sum + d.count, 0) },
        ]
      : sorted
  const others = sorted.length > SHOWN_AT_MOST ? shown.at(-1) : undefined
  const x = scaleLinear({
    domain: [0, Math.max(1, ...shown.map((d) => d.count))],
    range: [0, width - LABEL_WIDTH - 60],
  })
  const height = Math.max(1, shown.length) * ROW + 8
  return (
    <ChartFigure id={id} title={title} description={description} width={width} height={height}>
      {shown.length === 0 && (
        <text x={8} y={ROW / 2 + 4} fontSize={12}>
          None in this scope.
        </text>
      )}
      {shown.map((d, index) => {
        const label = `${d.label}: ${d.count} ${unit}`
        const select = onSelect && d !== others ? () => onSelect(d.key) : undefined
        return (
          <g key={`${d.key}-${index}`} transform={`translate(0, ${index * ROW + 4})`}>
            <text x={LABEL_WIDTH - 6} y={ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize={12}>
              {d.label.length > 26 ? `${d.label.slice(0, 25)}…` : d.label}
            </text>
            <rect
              className="chart-mark"
              x={LABEL_WIDTH}
              y={2}
              width={Math.max(1, x(d.count))}
              height={ROW - 6}
              fill={d === others ? '#999999' : PALETTE[0]}
              {...markProps({ label, onSelect: select }, readout)}
            >
              <title>{label}</title>
            </rect>
            <text x={LABEL_WIDTH + x(d.count) + 5} y={ROW / 2} dominantBaseline="middle" fontSize={12}>
              {d.count}
            </text>
          </g>
        )
      })}
    </ChartFigure>
  )
}
