import type { RoundSummary, SearchHit, Stats } from '../../shared/domain'
import { countsLabel } from '../../shared/format'

export function formatStats(stats: Stats): string {
  return Object.entries(stats)
    .map(([key, value]) => `${key.padEnd(13)}${value}`)
    .join('\n')
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
