import { renderToStaticMarkup } from 'react-dom/server'
import { BRIEFING_SECTIONS } from '../../../shared/briefing'
import { briefingCss } from '../briefing-styles'
import type { BriefingData } from '../collect-briefing'
import { EntitiesSection } from './entities-section'
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
      <p className="meta">
        <span>Scope: {plural(data.rounds.length, 'round', 'rounds')}</span>
        <span>{plural(data.entities.length, 'entity', 'entities')}</span>
        <span>{plural(data.reactions.length, 'reaction', 'reactions')}</span>
      </p>
    </header>
  )
}

export function BriefingDocument({ data }: { data: BriefingData }) {
  const { settings } = data
  const included = new Set(settings.sections)
  const showRefs = included.has('sources')
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={DOCUMENT_POLICY} />
        <title>{settings.title}</title>
        <meta name="author" content={settings.author} />
        <meta name="subject" content={settings.subtitle || 'Sanctions briefing'} />
        <meta name="description" content={settings.subtitle || 'Sanctions briefing'} />
        <style
          dangerouslySetInnerHTML={{
            // Our own stylesheet; the only writer text in it passes through cssString().
            __html: briefingCss({
              paper: settings.paper,
              banner: settings.banner,
              title: settings.title,
              date: longDate(data.date) ?? data.date,
              dataAsOf: longDate(data.dataAsOf),
            }),
          }}
        />
      </head>
      <body>
        <main>
          <TitleBlock data={data} />
          <Summary text={settings.summary} />
          {BRIEFING_SECTIONS.filter((section) => included.has(section)).map((section) => {
            switch (section) {
              case 'overview':
                return <OverviewSection key={section} data={data} showRefs={showRefs} />
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
      </body>
    </html>
  )
}

/** The briefing as one self-contained HTML document, the same for the preview and both PDF printers. */
export function renderBriefingHtml(data: BriefingData): string {
  return `<!doctype html>${renderToStaticMarkup(<BriefingDocument data={data} />)}`
}
