import { useContext } from 'react'
import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleLinear, scaleTime } from '@visx/scale'
import type { OverviewRound, ReactionCount } from '../overview'
import { ChartFigure, colourScale, dateOf, markProps, PALETTE, MarkReadout } from './chart-parts'

const MARGIN = { top: 28, right: 16, bottom: 34, left: 44 }
/** Above the rounds' bars: the legend, then room for two rows of citations. */
const ROUNDS_TOP = 52
const ROUND_WIDTH = 12
const DAY_MS = 86_400_000

/** The time both charts share: every dated round and month of reactions, with a month either side. */
export function sharedTimeDomain(rounds: OverviewRound[], reactions: ReactionCount[]): [Date, Date] {
  const times = [
    ...rounds.flatMap((round) => (round.date ? [dateOf(round.date).getTime()] : [])),
    ...reactions.flatMap((row) => (row.month ? [dateOf(row.month).getTime()] : [])),
  ]
  if (times.length === 0) return [new Date(Date.UTC(2019, 0, 1)), new Date(Date.UTC(2021, 0, 1))]
  return [new Date(Math.min(...times) - 31 * DAY_MS), new Date(Math.max(...times) + 62 * DAY_MS)]
}

/** The round's mark label: "85 FR 34503, 2020-06-05, US BIS Entity List: 18 of 24 entities recorded". */
export function roundLabel(round: OverviewRound): string {
  const declared = round.declared === null ? 'declared count unknown' : `of ${round.declared}`
  return `${round.citation ?? round.id}, ${round.date ?? 'date unknown'}, ${round.list}${
    round.title ? ` (${round.title})` : ''
  }: ${round.recorded} ${declared} entities recorded`
}

/**
 * Growth of the lists: each dated round a bar at its date, as tall as the entities it declared
 * (outlined) with those recorded filled inside it, coloured by list.
 */
export function RoundsTimeline({
  id,
  rounds,
  domain,
  width = 760,
  height = 240,
  onSelect,
}: {
  id: string
  rounds: OverviewRound[]
  domain: [Date, Date]
  width?: number
  height?: number
  onSelect?: (round: OverviewRound) => void
}) {
  const readout = useContext(MarkReadout)
  const dated = rounds.filter((round) => round.date !== null)
  const colour = colourScale(dated.map((round) => round.list))
  const x = scaleTime({ domain, range: [0, width - MARGIN.left - MARGIN.right] })
  const y = scaleLinear({
    domain: [0, Math.max(1, ...dated.map((round) => Math.max(round.declared ?? 0, round.recorded)))],
    range: [height - ROUNDS_TOP - MARGIN.bottom, 0],
    nice: true,
  })
  const lists = [...new Set(dated.map((round) => round.list))]
  const undated = rounds.length - dated.length
  // Rounds of one day stand side by side, centred on it.
  const sameDay = new Map<string, OverviewRound[]>()
  for (const round of dated) sameDay.set(round.date!, [...(sameDay.get(round.date!) ?? []), round])
  // Narrower bars when rounds come close together (monthly rules over years), so that none covers another.
  const days = [...sameDay.keys()].map((day) => x(dateOf(day))).sort((a, b) => a - b)
  const closest = Math.min(ROUND_WIDTH * 2, ...days.slice(1).map((at, i) => at - days[i]))
  const perDay = Math.max(1, ...[...sameDay.values()].map((day) => day.length))
  const barWidth = Math.max(1.5, Math.min(ROUND_WIDTH, (closest * 0.8) / perDay - 1))
  const dayTop = (round: OverviewRound) =>
    Math.min(...sameDay.get(round.date!)!.map((other) => y(other.declared ?? other.recorded)))
  const leftOf = (round: OverviewRound) => {
    const day = sameDay.get(round.date!)!
    const slot = day.indexOf(round)
    return x(dateOf(round.date!)) - (day.length * (barWidth + 1)) / 2 + slot * (barWidth + 1)
  }
  return (
    <ChartFigure
      id={id}
      title="Growth of the lists"
      description={`Entities added per round, ${dated.length} rounds by date: the outline is the number the rule declared, the filled part the number recorded here; colours stand for lists (${lists.join(', ')}).${
        undated > 0 ? ` ${undated} rounds without a recorded date are not drawn.` : ''
      }`}
      width={width}
      height={height}
    >
      <Group left={MARGIN.left} top={ROUNDS_TOP}>
        <AxisLeft scale={y} numTicks={4} tickLabelProps={{ fontSize: 11, textAnchor: 'end', dx: -2 }} />
        <AxisBottom
          top={height - ROUNDS_TOP - MARGIN.bottom}
          scale={x}
          numTicks={6}
          tickFormat={(value) => (value as Date).toISOString().slice(0, 7)}
          tickLabelProps={{ fontSize: 11, textAnchor: 'middle' }}
        />
        {dated.map((round) => {
          const left = leftOf(round)
          const declaredTop = y(round.declared ?? round.recorded)
          const recordedTop = y(round.recorded)
          const bottom = y(0)
          const label = roundLabel(round)
          return (
            <g
              key={round.id}
              className="chart-mark"
              {...markProps({ label, onSelect: onSelect && (() => onSelect(round)) }, readout)}
            >
              <title>{label}</title>
              <rect
                x={left}
                y={declaredTop}
                width={barWidth}
                height={bottom - declaredTop}
                fill="white"
                stroke={colour(round.list)}
                strokeWidth={1.5}
                strokeDasharray={round.declared === null ? '3 2' : undefined}
              />
              <rect
                x={left}
                y={recordedTop}
                width={barWidth}
                height={bottom - recordedTop}
                fill={colour(round.list)}
              />
              {dated.length <= 12 && (
                // Rounds of one day have their citations stacked above the day's tallest bar.
                <text
                  x={left + barWidth / 2}
                  y={dayTop(round) - 4 - sameDay.get(round.date!)!.indexOf(round) * 12}
                  textAnchor="middle"
                  fontSize={10}
                >
                  {round.citation ?? round.id}
                </text>
              )}
            </g>
          )
        })}
      </Group>
      <Legend entries={lists.map((list) => ({ label: list, colour: colour(list) }))} left={MARGIN.left} />
    </ChartFigure>
  )
}

/** One stacked series of the reactions chart: a stance or a kind of organisation. */
export interface ReactionSeries {
  /** The stored value; null for "not recorded". */
  value: string | null
  label: string
  colour: string
}

export const STANCE_SERIES: ReactionSeries[] = [
  { value: 'opposes', label: 'opposes', colour: PALETTE[5] },
  { value: 'supports', label: 'supports', colour: PALETTE[2] },
  { value: 'mixed', label: 'mixed', colour: PALETTE[3] },
  { value: 'neutral', label: 'neutral', colour: PALETTE[4] },
  { value: null, label: 'not classified', colour: '#999999' },
]

export const KIND_SERIES: ReactionSeries[] = [
  { value: 'government', label: 'government', colour: PALETTE[0] },
  { value: 'company', label: 'company', colour: PALETTE[1] },
  { value: 'analyst', label: 'analyst', colour: PALETTE[2] },
  { value: 'industry group', label: 'industry group', colour: PALETTE[3] },
  { value: 'media', label: 'media', colour: PALETTE[4] },
  { value: 'other', label: 'other', colour: '#999999' },
]

/**
 * How the world reacted: reactions per month said, stacked by `series` (stance or kind of
 * organisation), on the same time axis as the rounds.
 */
export function ReactionsTimeline({
  id,
  title,
  by,
  series,
  counts,
  domain,
  width = 760,
  height = 200,
  onSelect,
}: {
  id: string
  title: string
  /** "stance", "kind of organisation": for the description and the marks' labels. */
  by: string
  series: ReactionSeries[]
  counts: ReactionCount[]
  domain: [Date, Date]
  width?: number
  height?: number
  onSelect?: (value: string | null) => void
}) {
  const readout = useContext(MarkReadout)
  const x = scaleTime({ domain, range: [0, width - MARGIN.left - MARGIN.right] })
  const months = new Map<string, ReactionCount[]>()
  for (const row of counts) if (row.month) months.set(row.month, [...(months.get(row.month) ?? []), row])
  const totals = [...months.values()].map((rows) => rows.reduce((sum, row) => sum + row.count, 0))
  const y = scaleLinear({
    domain: [0, Math.max(1, ...totals)],
    range: [height - MARGIN.top - MARGIN.bottom, 0],
    nice: true,
  })
  const undated = counts.filter((row) => !row.month).reduce((sum, row) => sum + row.count, 0)
  const seriesOf = (value: string | null) =>
    series.find((entry) => entry.value === value) ?? series[series.length - 1]
  return (
    <ChartFigure
      id={id}
      title={title}
      description={`Reactions per month said, stacked by ${by} (${series.map((entry) => entry.label).join(', ')}), on the rounds' time axis.${
        undated > 0 ? ` ${undated} reactions whose month is not recorded are not drawn.` : ''
      }`}
      width={width}
      height={height}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft scale={y} numTicks={4} tickLabelProps={{ fontSize: 11, textAnchor: 'end', dx: -2 }} />
        <AxisBottom
          top={height - MARGIN.top - MARGIN.bottom}
          scale={x}
          numTicks={6}
          tickFormat={(value) => (value as Date).toISOString().slice(0, 7)}
          tickLabelProps={{ fontSize: 11, textAnchor: 'middle' }}
        />
        {[...months].map(([month, rows]) => {
          const start = dateOf(month)
          const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
          const left = x(start)
          const barWidth = Math.max(3, x(end) - left - 1)
          let top = y(0)
          return [...rows]
            .sort((a, b) => series.indexOf(seriesOf(a.value)) - series.indexOf(seriesOf(b.value)))
            .map((row) => {
              const segment = y(0) - y(row.count)
              top -= segment
              const label = `${month}: ${row.count} reaction${row.count === 1 ? '' : 's'}, ${seriesOf(row.value).label}`
              return (
                <rect
                  key={`${month}-${row.value}`}
                  className="chart-mark"
                  x={left}
                  y={top}
                  width={barWidth}
                  height={segment}
                  fill={seriesOf(row.value).colour}
                  {...markProps({ label, onSelect: onSelect && (() => onSelect(row.value)) }, readout)}
                >
                  <title>{label}</title>
                </rect>
              )
            })
        })}
      </Group>
      <Legend
        entries={series.map((entry) => ({ label: entry.label, colour: entry.colour }))}
        left={MARGIN.left}
      />
    </ChartFigure>
  )
}

function Legend({ entries, left }: { entries: { label: string; colour: string }[]; left: number }) {
  let x = left
  return (
    <g aria-hidden="true">
      {entries.map((entry) => {
        const at = x
        x += 24 + entry.label.length * 6.8
        return (
          <g key={entry.label} transform={`translate(${at}, 6)`}>
            <rect width={10} height={10} fill={entry.colour} />
            <text x={14} y={9} fontSize={11}>
              {entry.label}
            </text>
          </g>
        )
      })}
    </g>
  )
}
