import type { Command } from 'commander'
import { fieldValueText, type ChangesScope, type StoredChange } from '../../shared/changes'
import { importsInScope, queryChanges } from '../store/changes-query'
import type { Store } from '../store/open-store'
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

/** Changes are read and printed this many at a time: a million-entity import holds millions. */
const PRINTED_PER_READ = 5_000

/**
 * Prints every change in scope, a page at a time, as text (a heading per import) or as one JSON
 * document ({ imports, total, counts, changes }) written in pieces, so no output is ever held whole.
 */
export function printChanges(
  cli: Pick<CliContext, 'io' | 'json'>,
  db: Store['db'],
  scope: ChangesScope,
  perRead = PRINTED_PER_READ,
): void {
  const first = queryChanges(db, { scope, filters: {}, offset: 0, limit: 1 })
  const { imports, total, counts } = first
  if (cli.json()) {
    const head = JSON.stringify({ imports, total, counts }, null, 2)
    cli.io.out(`${head.slice(0, -2)},\n  "changes": [`)
  } else if (imports.length === 0) {
    cli.io.out('No imports in this period: nothing changed.')
    return
  } else {
    cli.io.out(
      `${total} ${total === 1 ? 'change' : 'changes'} in ${imports.length} ${imports.length === 1 ? 'import' : 'imports'}.`,
    )
  }
  let heading: number | null = null
  for (let offset = 0; offset < total; offset += perRead) {
    const { rows } = queryChanges(db, { scope, filters: {}, offset, limit: perRead })
    if (cli.json()) {
      const last = offset + rows.length >= total
      cli.io.out(rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n') + (last ? '' : ','))
      continue
    }
    const lines: string[] = []
    for (const row of rows) {
      if (row.importId !== heading) {
        heading = row.importId
        const source = imports.find((entry) => entry.id === row.importId)!
        lines.push('', `Import ${source.id}, ${source.importedAt}: ${source.label}`)
      }
      lines.push(...changeLines(row))
    }
    cli.io.out(lines.join('\n'))
  }
  if (cli.json()) cli.io.out('  ]\n}')
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
        if (options.import !== undefined && importsInScope(store.db, scope).length === 0)
          throw new CliError(`There is no applied import ${options.import}; "history" lists the imports.`)
        printChanges(cli, store.db, scope)
      }),
    )
}
