import type { Command } from 'commander'
import { fieldValueText, type ChangesPage, type StoredChange } from '../../shared/changes'
import { queryChanges } from '../store/changes-query'
import type { CliContext } from './cli-context'
import { CliError } from './cli-io'
import { isoDay, wholeNumber } from './option-parsers'

/** One change as lines: what happened to which record, then each field before → after. */
function changeLines(change: StoredChange): string[] {
  const about = [change.country, ...change.lists].filter(Boolean).join(', ')
  const head = `  ${change.kind.padEnd(8)}${change.type.padEnd(12)}${change.label} [${change.recordId}]${about ? ` (${about})` : ''}`
  return [
    head,
    ...change.fields.map(
      (field) => `      ${field.field}: ${fieldValueText(field.before)} → ${fieldValueText(field.after)}`,
    ),
  ]
}

export function formatChanges(page: ChangesPage): string {
  if (page.imports.length === 0) return 'No imports in this period: nothing changed.'
  const imports = page.imports.length
  const lines: string[] = [
    `${page.total} ${page.total === 1 ? 'change' : 'changes'} in ${imports} ${imports === 1 ? 'import' : 'imports'}.`,
  ]
  for (const source of page.imports) {
    const changes = page.rows.filter((row) => row.importId === source.id)
    lines.push('', `Import ${source.id}, ${source.importedAt}: ${source.label}`)
    for (const change of changes) lines.push(...changeLines(change))
  }
  return lines.join('\n')
}

/** changes: what imports changed, record by record. */
export function registerChangesCommands(program: Command, cli: CliContext): void {
  program
    .command('changes')
    .description(
      'what imports changed, newest first: new, changed, ended and retired records, each field before → after',
    )
    .option('--since <date>', 'every import taken in from this day (YYYY-MM-DD) on', isoDay)
    .option('--until <date>', 'up to and including this day', isoDay)
    .option(
      '--import <id>',
      'one import (its history id)',
      wholeNumber(1, Number.MAX_SAFE_INTEGER, 'an import id, as "history" lists them'),
    )
    .action((options: { since?: string; until?: string; import?: number }) =>
      cli.withStore((store) => {
        if (options.import !== undefined && (options.since || options.until))
          throw new CliError('Give --import or a period (--since, --until), not both.')
        const scope = { importId: options.import, since: options.since, until: options.until }
        const total = queryChanges(store.db, { scope, filters: {}, offset: 0, limit: 1 }).total
        const page = queryChanges(store.db, { scope, filters: {}, offset: 0, limit: Math.max(total, 1) })
        if (options.import !== undefined && page.imports.length === 0)
          throw new CliError(`There is no applied import ${options.import}; "history" lists the imports.`)
        cli.print(
          { imports: page.imports, total: page.total, counts: page.counts, changes: page.rows },
          formatChanges(page),
        )
      }),
    )
}
