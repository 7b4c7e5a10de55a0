import type { Overview, ReactionCount } from '../../shared/overview'
import type { EntityDetail, RoundSummary, SearchHit, Stats } from '../../shared/domain'
import { countsLabel } from '../../shared/format'

export function formatStats(stats: Stats): string {
  return Object.entries(stats)
    .map(([key, value]) => `${key.padEnd(13)}${value}`)
    .join('\n')
}

/** Counts as "label  count" lines under a heading; "(none)" when there are none. */
function countLines(heading: string, rows: { label: string; count: number }[]): string[] {
  const width = Math.max(0, ...rows.map((row) => row.label.length)) + 2
  return [
    heading,
    ...(rows.length > 0 ? rows.map((row) => `  ${row.label.padEnd(width)}${row.count}`) : ['  (none)']),
  ]
}

export function formatOverview(overview: Overview): string {
  const { headline } = overview
  const perYearAndList = new Map<string, number>()
  for (const round of overview.rounds) {
    const key = `${round.date?.slice(0, 4) ?? 'date unknown'}  ${round.list}`
    perYearAndList.set(key, (perYearAndList.get(key) ?? 0) + 1)
  }
  const reactions = (rows: ReactionCount[], unknown: string) =>
    rows.map((row) => ({
      label: `${row.month ?? 'month unknown'}  ${row.value ?? unknown}`,
      count: row.count,
    }))
  return [
    `entities     ${headline.entities}`,
    `lists        ${headline.lists}`,
    `rounds       ${headline.rounds}`,
    `reactions    ${headline.reactions}`,
    `data as of   ${headline.dataAsOf ?? 'unknown'}`,
    '',
    ...countLines(
      'Rounds per year and list',
      [...perYearAndList].map(([label, count]) => ({ label, count })),
    ),
    ...countLines(
      'Entities added per round (recorded of declared)',
      overview.rounds.map((round) => ({
        label: `${round.citation ?? round.id} (${round.date ?? 'date unknown'})`,
        count: round.recorded,
      })),
    ).map((line, index) =>
      index === 0 || line === '  (none)'
        ? line
        : `${line} of ${overview.rounds[index - 1].declared ?? 'unknown'}`,
    ),
    ...countLines('Entities by country', overview.countries),
    ...countLines('Entities by type', overview.types),
    ...countLines('Entities by sector', overview.sectors),
    ...countLines('Reactions by month and stance', reactions(overview.reactionsByStance, 'not classified')),
    ...countLines('Reactions by month and kind of organisation', reactions(overview.reactionsByKind, '')),
  ].join('\n')
}

export function formatRounds(rounds: RoundSummary[]): string {
  return rounds
    .map((round) =>
      [
        `${round.id}`,
        `  ${round.list}: ${round.title ?? '(title not recorded)'}`,
        `  citation: ${round.citations.join('; ') || '(none recorded)'}   FR Doc: ${round.frDocNumber ?? 'unknown'}`,
        `  announced ${round.announced ?? 'unknown'} · published ${round.published ?? 'unknown'} · effective ${round.effective ?? 'unknown'}`,
        `  ${countsLabel(round.declaredCount, round.recordedCount)}`,
      ].join('\n'),
    )
    .join('\n\n')
}

/** One entity whole, for a person checking a record: names, designations with their status, sources. */
export function formatEntity(entity: EntityDetail, today = new Date().toISOString().slice(0, 10)): string {
  const lines = [
    `${entity.primaryName}  (${entity.id})`,
    `  original-script name: ${entity.originalName ?? 'unknown'}${entity.originalNameNote ? ` — ${entity.originalNameNote}` : ''}`,
    `  type: ${entity.type} · country: ${entity.country ?? 'unknown'}`,
    `  aliases: ${entity.aliases.length > 0 ? entity.aliases.join('; ') : 'none recorded'}`,
    `  addresses: ${entity.addresses.length > 0 ? entity.addresses.join('; ') : 'none recorded'}`,
    ...entity.reportedNames.map(
      (r) => `  also reported as: ${r.name} (${r.publication}${r.note ? `, ${r.note}` : ''})`,
    ),
    `  identifiers: ${entity.identifiers.length > 0 ? entity.identifiers.map((i) => `${i.scheme} ${i.value}`).join('; ') : 'none recorded'}`,
    ...(entity.notes ? [`  notes: ${entity.notes}`] : []),
    `  designations (${entity.designations.length}):`,
    ...entity.designations.map((d) => {
      const status = d.ended ? (d.ended <= today ? `ended ${d.ended}` : `listed until ${d.ended}`) : 'current'
      return [
        `    ${d.list}: ${d.action} in ${d.roundLabel}${d.citation ? ` (${d.citation})` : ''}, ${d.date ?? 'date unknown'}; ${status}`,
        ...(d.programs ? [`      programmes: ${d.programs}`] : []),
        ...(d.licensePolicy ? [`      licence policy: ${d.licensePolicy}`] : []),
      ].join('\n')
    }),
    `  sources (${entity.citations.length}):`,
    ...entity.citations.map(
      (c) =>
        `    ${c.source.publication}${c.source.title ? `, ${c.source.title}` : ''}${c.source.date ? ` (${c.source.date})` : ''}${c.supports ? ` — for ${c.supports}` : ''}${c.source.url ? `\n      ${c.source.url}` : ''}`,
    ),
    `  entered this store: ${entity.provenance.label}, ${entity.provenance.at}`,
  ]
  return lines.join('\n')
}

export function formatSearchHits(hits: SearchHit[]): string {
  if (hits.length === 0) return 'No matches.'
  return hits
    .map((hit) => {
      const original = hit.originalName ? `  ${hit.originalName}` : ''
      const via =
        hit.matchedField === 'name' && hit.method === 'words'
          ? ''
          : `  (${hit.method === 'fuzzy' ? 'like' : 'matched'} ${hit.matchedField}: ${truncate(hit.matchedText, 60)})`
      const score = hit.kind === 'entity' ? String(hit.score).padStart(4) : '    '
      return `${hit.kind.padEnd(9)}${score}  ${hit.id.padEnd(34)}${hit.name}${original}${via}`
    })
    .join('\n')
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`
}
