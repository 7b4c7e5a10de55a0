import { lazyModule } from '../../lazy-module'
import { BRIEFING_SECTIONS } from '../../../shared/briefing'
import { briefingCss, type PageFurniture } from '../briefing-styles'
import type { BriefingData } from '../collect-briefing'
import { ChangesSection } from './changes-section'
import { EntitiesSection } from './entities-section'
import { ChartsSection } from './charts-section'
import { chartsShown } from '../briefing-charts'
import { OverviewSection } from './overview-section'
import { longDate } from './parts'
import { ReactionsSection } from './reactions-section'
import { SourcesSection } from './sources-section'
import { Summary } from './summary-markup'

/**
 * Nothing in a briefing runs or loads from elsewhere: no script at all, styles inline, fonts only from
 * the printer's own origin. Writer and store text is escaped by React; this policy is the second wall.
 */
const DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'none'"

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`
}

function TitleBlock({ data }: { data: BriefingData }) {
  const { settings } = data
  return (
    <header className="title-block">
      <h1>{settings.title}</h1>
      {settings.subtitle ? <p className="subtitle">{settings.subtitle}</p> : null}
      <p className="meta">
        {settings.author ? <span>{settings.author}</span> : null}
        <span>{longDate(data.date)}</span>
        <span>Data as of {longDate(data.dataAsOf) ?? 'unknown'}</span>
      </p>
      {data.changes ? (
        <p className="meta">
          <span>
            Scope: changes {data.changes.covers}, {plural(data.changes.imports.length, 'import', 'imports')}
          </span>
        </p>
      ) : (
        <p className="meta">
          <span>Scope: {plural(data.rounds.length, 'round', 'rounds')}</span>
          <span>{plural(data.entities.length, 'entity', 'entities')}</span>
          <span>{plural(data.reactions.length, 'reaction', 'reactions')}</span>
        </p>
      )}
    </header>
  )
}

function BriefingBody({ data }: { data: BriefingData }) {
  const { settings } = data
  const included = new Set(settings.sections)
  const showRefs = included.has('sources')
  return (
    <main>
      <TitleBlock data={data} />
      <Summary text={settings.summary} />
      {data.changes ? <ChangesSection data={data} showRefs={showRefs} /> : null}
      {BRIEFING_SECTIONS.filter((section) => included.has(section)).map((section) => {
        // A briefing of changes says what changed; the sections on the current state are left out.
        if (data.changes && section !== 'sources') return null
        switch (section) {
          case 'overview':
            return <OverviewSection key={section} data={data} showRefs={showRefs} />
          case 'charts':
            return chartsShown(data) ? <ChartsSection key={section} data={data} /> : null
          case 'entities':
            return <EntitiesSection key={section} data={data} showRefs={showRefs} />
          case 'reactions':
            return <ReactionsSection key={section} data={data} showRefs={showRefs} />
          case 'sources':
            return <SourcesSection key={section} sources={data.sources} />
        }
      })}
      <p className="legend">
        Values shown as <span className="unknown">not recorded</span> are unknown to the store, not empty.
        Numbers in brackets refer to the sources list.
      </p>
    </main>
  )
}

function BriefingHead({ data, css }: { data: BriefingData; css: string }) {
  const { settings } = data
  return (
    <>
      <meta charSet="utf-8" />
      <meta httpEquiv="Content-Security-Policy" content={DOCUMENT_POLICY} />
      <title>{settings.title}</title>
      <meta name="author" content={settings.author} />
      <meta name="description" content={settings.subtitle || 'Sanctions briefing'} />
      {/* Our own stylesheet; the only writer text in it passes through cssString(). */}
      <style dangerouslySetInnerHTML={{ __html: css }} />
    </>
  )
}

const reactServer = lazyModule<typeof import('react-dom/server')>('react-dom/server')

/** The briefing as one self-contained HTML document, the same for the preview and both PDF printers. */
export function renderBriefingHtml(data: BriefingData): string {
  const { renderToStaticMarkup } = reactServer()
  const body = renderToStaticMarkup(<BriefingBody data={data} />)
  const furniture: PageFurniture = {
    paper: data.settings.paper,
    banner: data.settings.banner,
    title: data.settings.title,
    date: longDate(data.date) ?? data.date,
    dataAsOf: longDate(data.dataAsOf),
  }
  // Fonts are declared for the characters the page actually holds, header and footer included.
  const css = briefingCss(furniture, `${body}${furniture.title}${furniture.banner}`)
  const head = renderToStaticMarkup(<BriefingHead data={data} css={css} />)
  return `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`
}
