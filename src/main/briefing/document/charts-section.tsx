import { BarListChart } from '../../../shared/charts/bar-list-chart'
import {
  KIND_SERIES,
  ReactionsTimeline,
  RoundsTimeline,
  sharedTimeDomain,
  STANCE_SERIES,
} from '../../../shared/charts/time-charts'
import { WorldMap } from '../../../shared/charts/world-map'
import { briefingCharts } from '../briefing-charts'
import type { BriefingData } from '../collect-briefing'

/** Printed width of a chart, in CSS pixels: the text column of a letter or A4 page. */
const WIDTH = 620

/**
 * The Overview's charts for the briefing's scope, as vector SVG in the page (text stays selectable),
 * drawn by the same components as the app's.
 */
export function ChartsSection({ data }: { data: BriefingData }) {
  const charts = briefingCharts(data)
  const domain = sharedTimeDomain(charts.rounds, charts.reactionsByStance)
  const bars = [
    ['Entities by country', charts.countries],
    ['Entities by type', charts.types],
    ['Entities by sector', charts.sectors],
  ] as const
  return (
    <section aria-labelledby="section-charts">
      <h2 id="section-charts">Charts</h2>
      <figure className="chart-figure">
        <figcaption>
          Growth of the lists: entities declared (outline) and recorded (filled) per round
        </figcaption>
        <RoundsTimeline id="chart-rounds" rounds={charts.rounds} domain={domain} width={WIDTH} />
      </figure>
      <figure className="chart-figure">
        <figcaption>Who is listed: entities by country</figcaption>
        <WorldMap id="chart-map" data={[...charts.countries]} width={WIDTH} />
      </figure>
      {bars.map(([title, data], index) => (
        <figure className="chart-figure" key={title}>
          <figcaption>{title}</figcaption>
          <BarListChart
            id={`chart-bars-${index}`}
            title={title}
            description={`${title}, largest first.`}
            data={[...data]}
            unit="entities"
            width={WIDTH}
          />
        </figure>
      ))}
      {data.reactions.length > 0
        ? (
            [
              ['stance', 'stance', STANCE_SERIES, charts.reactionsByStance],
              ['kind', 'kind of organisation', KIND_SERIES, charts.reactionsByKind],
            ] as const
          ).map(([key, by, series, counts]) => (
            <figure className="chart-figure" key={key}>
              <figcaption>How the world reacted: reactions per month, by {by}</figcaption>
              <ReactionsTimeline
                id={`chart-${key}`}
                title={`How the world reacted: by ${by}`}
                by={by}
                series={series}
                counts={counts}
                domain={domain}
                width={WIDTH}
              />
            </figure>
          ))
        : null}
    </section>
  )
}
