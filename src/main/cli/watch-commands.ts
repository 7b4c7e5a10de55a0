import type { Command } from 'commander'
import { MIN_FUZZY_SCORE } from '../../shared/entity-query'
import type { Watch, WatchNotice } from '../../shared/watches'
import { listWatches, removeWatch, watchEntity, watchSearch } from '../store/watches'
import type { CliContext } from './cli-context'
import { CliError } from './cli-io'
import { wholeNumber } from './option-parsers'

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function describeWatch(watch: Watch): string {
  if (watch.kind === 'entity')
    return `${String(watch.id).padEnd(5)}entity  ${watch.entityName ?? '(no longer in the store)'} [${watch.entityId}]`
  const { search, filters, minScore } = watch.query!
  const parts = [
    search ? `"${search}"` : 'every entity',
    ...Object.entries(filters).map(([key, value]) => `${key}: ${JSON.stringify(value)}`),
    minScore < 100 ? `minimum score ${minScore}` : '',
  ].filter(Boolean)
  return `${String(watch.id).padEnd(5)}search  ${watch.name}: ${parts.join(', ')}`
}

/** After an import: which watches it touched, with the entities and what happened to them. */
export function formatWatchNotices(notices: WatchNotice[]): string {
  if (notices.length === 0) return 'No watched entity changed.'
  return [
    'Watched entities that changed:',
    ...notices.flatMap((notice) => [
      `  ${notice.watch.kind === 'entity' ? 'starred' : `watch "${notice.watch.name}"`}:`,
      ...notice.entities.map((entity) => `    ${entity.name} [${entity.id}]: ${entity.kinds.join(', ')}`),
    ]),
  ].join('\n')
}

/** watch add|remove|list: starred entities and saved searches, announced after each import. */
export function registerWatchCommands(program: Command, cli: CliContext): void {
  const watch = program
    .command('watch')
    .description('follow entities or searches: imports say when they change')
  watch
    .command('add')
    .description('star an entity (--entity ID), or save a search and filters under a name (--name …)')
    .option('--entity <id>', 'the entity to star')
    .option('--name <name>', 'the name of a watched search')
    .option('--search <text>', 'the search words of a watched search', '')
    .option('--country <code>', 'only entities of this country (repeatable)', collect, [])
    .option('--round <id>', 'only entities listed in this round (repeatable)', collect, [])
    .option(
      '--min-score <n>',
      `below 100, similar names count too (${MIN_FUZZY_SCORE}–100)`,
      wholeNumber(MIN_FUZZY_SCORE, 100, `a whole number from ${MIN_FUZZY_SCORE} to 100`),
      100,
    )
    .action(
      (options: {
        entity?: string
        name?: string
        search: string
        country: string[]
        round: string[]
        minScore: number
      }) =>
        cli.withStore(
          (store) => {
            if ((options.entity === undefined) === (options.name === undefined))
              throw new CliError(
                'Give --entity ID to star an entity, or --name NAME to save a search; one of the two.',
              )
            const added =
              options.entity !== undefined
                ? watchEntity(store.db, options.entity)
                : watchSearch(store.db, options.name!, {
                    search: options.search,
                    filters: {
                      ...(options.country.length > 0 ? { country: options.country } : {}),
                      ...(options.round.length > 0 ? { round: options.round } : {}),
                    },
                    minScore: options.minScore,
                  })
            cli.print(added, `Watching: ${describeWatch(added).slice(5)}`)
          },
          { writes: 'adding a watch' },
        ),
    )
  watch
    .command('remove')
    .description('stop watching (the id "watch list" shows)')
    .argument(
      '<id>',
      'the watch id',
      wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a watch id, as "watch list" shows'),
    )
    .action((id: number) =>
      cli.withStore(
        (store) => {
          removeWatch(store.db, id)
          cli.print({ removed: id }, `Removed watch ${id}.`)
        },
        { writes: 'removing a watch' },
      ),
    )
  watch
    .command('list')
    .description('the starred entities and watched searches')
    .action(() =>
      cli.withStore((store) => {
        const watches = listWatches(store.db)
        cli.print(
          watches,
          watches.length === 0
            ? 'Nothing watched. Star an entity with "watch add --entity ID".'
            : watches.map(describeWatch).join('\n'),
        )
      }),
    )
}
