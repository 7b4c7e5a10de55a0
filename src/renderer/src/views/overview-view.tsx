import { useEffect, useId, useState, type ReactNode } from 'react'
import type { EntityViewQuery } from '../../../shared/contract'
import type { Overview, ReactionCount } from '../../../shared/overview'
import { BarListChart, type BarDatum } from '../../../shared/charts/bar-list-chart'
import {
  KIND_SERIES,
  ReactionsTimeline,
  RoundsTimeline,
  sharedTimeDomain,
  STANCE_SERIES,
  type ReactionSeries,
} from '../../../shared/charts/time-charts'
import { WorldMap } from '../../../shared/charts/world-map'
import { MarkReadout } from '../../../shared/charts/chart-parts'
import { useLoad } from '../api/use-api'
import { LoadState } from '../components/load-state'
import { useNavigation } from '../navigation'
import { overviewInput, type OverviewScope } from './overview-scope'
import { markOverviewShown } from '../perf-marks'

/**
 * The rounds, entities and reactions at a glance: headline figures and charts, each with a table of the
 * same numbers; a click on a mark opens the table it counts, filtered to it.
 */
export function OverviewView({ scope, onWholeStore }: { scope: OverviewScope; onWholeStore(): void }) {
  const input = overviewInput(scope)
  const figures = useLoad((api) => api.overview(input), JSON.stringify(input))
  return (
    <div className="overview">
      {scope ? (
        <p className="overview-scope">
          Overview of the Entities table’s current view{describeScope(scope)}.{' '}
          <button type="button" onClick={onWholeStore}>
            Overview of the whole store
          </button>
        </p>
      ) : null}
      <LoadState loadable={figures} what="the overview">
        {(overview) => <OverviewFigures overview={overview} filters={input.filters} />}
      </LoadState>
    </div>
  )
}

function describeScope(scope: NonNullable<OverviewScope>): string {
  const parts: string[] = []
  if (scope.search.trim()) parts.push(`search “${scope.search.trim()}”`)
  for (const [facet, values] of Object.entries(scope.filters))
    if (Array.isArray(values) && values.length > 0) parts.push(`${facet}: ${values.join(', ')}`)
  return parts.length > 0 ? ` (${parts.join('; ')})` : ''
}

function OverviewFigures({ overview, filters }: { overview: Overview; filters: EntityViewQuery['filters'] }) {
  const navigation = useNavigation()
  const { headline } = overview
  // Tells the benchmark when the charts are on screen.
  useEffect(markOverviewShown, [overview])
  const domain = sharedTimeDomain(overview.rounds, overview.reactionsByStance)
  const entitiesWith = (facet: 'country' | 'type' | 'sector' | 'round') => (value: string) =>
    navigation.showEntities({ ...filters, [facet]: [value] })
  const bars = (values: Overview['countries']): BarDatum[] =>
    values.map((value) => ({ key: value.value, label: value.label, count: value.count }))
  return (
    <>
      <dl className="headline">
        <Figure term="Entities" value={headline.entities} />
        <Figure term="Lists" value={headline.lists} />
        <Figure term="Rounds" value={headline.rounds} />
        <Figure term="Reactions" value={headline.reactions} />
        <Figure term="Data as of" value={headline.dataAsOf ?? 'unknown'} />
      </dl>
      <ChartSection
        title="Growth of the lists"
        chart={(id) => (
          <RoundsTimeline
            id={id}
            rounds={overview.rounds}
            domain={domain}
            onSelect={(round) => entitiesWith('round')(round.id)}
          />
        )}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">Citation</th>
                <th scope="col">Date</th>
                <th scope="col">List</th>
                <th scope="col">Title</th>
                <th scope="col">Declared</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {overview.rounds.map((round) => (
                <tr key={round.id}>
                  <td>{round.citation ?? round.id}</td>
                  <td>{round.date ?? 'unknown'}</td>
                  <td>{round.list}</td>
                  <td>{round.title ?? 'not recorded'}</td>
                  <td>{round.declared ?? 'unknown'}</td>
                  <td>{round.recorded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartSection
        title="Who is listed: entities by country"
        chart={(id) => (
          <WorldMap id={id} data={bars(overview.countries)} onSelect={entitiesWith('country')} />
        )}
        table={<CountTable head="Country" values={overview.countries} />}
      />
      <div className="overview-columns">
        {(
          [
            ['Entities by country', 'country', overview.countries],
            ['Entities by type', 'type', overview.types],
            ['Entities by sector', 'sector', overview.sectors],
          ] as const
        ).map(([title, facet, values]) => (
          <ChartSection
            key={facet}
            title={title}
            chart={(id) => (
              <BarListChart
                id={id}
                title={title}
                description={`${title}, largest first; a bar opens the Entities table filtered to it.`}
                data={bars(values)}
                unit="entities"
                onSelect={entitiesWith(facet)}
              />
            )}
            table={
              <CountTable
                head={facet === 'country' ? 'Country' : facet === 'type' ? 'Type' : 'Sector'}
                values={values}
              />
            }
          />
        ))}
      </div>
      {(
        [
          ['How the world reacted: by stance', 'stance', STANCE_SERIES, overview.reactionsByStance, 'stance'],
          [
            'How the world reacted: by kind of organisation',
            'kind of organisation',
            KIND_SERIES,
            overview.reactionsByKind,
            'kind',
          ],
        ] as const
      ).map(([title, by, series, counts, facet]) => (
        <ChartSection
          key={facet}
          title={title}
          chart={(id) => (
            <ReactionsTimeline
              id={id}
              title={title}
              by={by}
              series={series as ReactionSeries[]}
              counts={counts as ReactionCount[]}
              domain={domain}
              onSelect={(value) => navigation.showReactions({ [facet]: [value ?? ''] })}
            />
          )}
          table={
            <ReactionTable by={by} series={series as ReactionSeries[]} counts={counts as ReactionCount[]} />
          }
        />
      ))}
    </>
  )
}

function Figure({ term, value }: { term: string; value: number | string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{typeof value === 'number' ? value.toLocaleString('en') : value}</dd>
    </div>
  )
}

/** A chart with its title, and a toggle that shows the same numbers as a table instead. */
function ChartSection({
  title,
  chart,
  table,
}: {
  title: string
  chart: (id: string) => ReactNode
  table: ReactNode
}) {
  const id = useId()
  const [asTable, setAsTable] = useState(false)
  // The figures of the mark under the pointer or keyboard focus, shown beside the chart.
  const [readout, setReadout] = useState<string | null>(null)
  return (
    <section className="chart-section" aria-labelledby={`${id}-heading`}>
      <div className="chart-heading">
        <h3 id={`${id}-heading`}>{title}</h3>
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          Show as table
        </button>
      </div>
      {asTable ? (
        table
      ) : (
        <MarkReadout.Provider value={setReadout}>
          <p className="chart-readout">{readout ?? 'Point at a mark, or Tab to it, for its figures.'}</p>
          {chart(id.replace(/:/g, ''))}
        </MarkReadout.Provider>
      )}
    </section>
  )
}

function CountTable({ head, values }: { head: string; values: Overview['countries'] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">Entities</th>
        </tr>
      </thead>
      <tbody>
        {values.map((value) => (
          <tr key={value.value}>
            <td>{value.label}</td>
            <td>{value.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ReactionTable({
  by,
  series,
  counts,
}: {
  by: string
  series: ReactionSeries[]
  counts: ReactionCount[]
}) {
  const labelOf = (value: string | null) =>
    series.find((entry) => entry.value === value)?.label ?? value ?? 'not recorded'
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">{by[0].toUpperCase() + by.slice(1)}</th>
          <th scope="col">Reactions</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((row) => (
          <tr key={`${row.month}-${row.value}`}>
            <td>{row.month ?? 'not recorded'}</td>
            <td>{labelOf(row.value)}</td>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
