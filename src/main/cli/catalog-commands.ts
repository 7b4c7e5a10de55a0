import type { Command } from 'commander'
import { MIN_FUZZY_SCORE } from '../../shared/entity-query'
import { wholeNumber } from './option-parsers'
import * as catalog from '../services/catalog-services'
import type { CliContext } from './cli-context'
import { CliError } from './cli-io'
import { formatEntity, formatOverview, formatRounds, formatSearchHits, formatStats } from './text-format'
import { overview } from '../services/overview-services'

/** stats, overview, search, entity, rounds: reading the store. */
export function registerCatalogCommands(program: Command, cli: CliContext): void {
  program
    .command('stats')
    .description('count the records in the store')
    .action(() =>
      cli.withStore((store) => {
        const stats = catalog.stats(store)
        cli.print(stats, formatStats(stats))
      }),
    )

  program
    .command('overview')
    .description(
      'the Overview in figures: rounds per year and list, entities by country, type and sector, reactions by stance and month',
    )
    .action(() =>
      cli.withStore(async (store) => {
        const figures = await overview(store, { search: '', filters: {}, minScore: 100 })
        cli.print(figures, formatOverview(figures))
      }),
    )

  program
    .command('search')
    .description('search names, aliases, original-script names and quote text')
    .argument('<query...>', 'what to look for (Latin or Chinese, any case, accents optional)')
    .option(
      '--limit <n>',
      'at most this many matches',
      wholeNumber(1, 1000, 'a whole number from 1 to 1000'),
      20,
    )
    .option(
      '--min-score <n>',
      `also find names like the query, scored ${MIN_FUZZY_SCORE}–100 (default 100: the words as typed)`,
      wholeNumber(MIN_FUZZY_SCORE, 100, `a whole number from ${MIN_FUZZY_SCORE} to 100`),
      100,
    )
    .action((words: string[], options: { limit: number; minScore: number }) =>
      cli.withStore((store) => {
        const hits = catalog.search(store, words.join(' '), options.limit, options.minScore)
        cli.print(hits, formatSearchHits(hits))
      }),
    )

  program
    .command('entity')
    .description('print one entity whole: names, aliases, addresses, every designation and every source')
    .argument('<id>', "the entity's id, as search and the app show it")
    .action((id: string) =>
      cli.withStore((store) => {
        const entity = catalog.getEntity(store, id)
        if (!entity) throw new CliError(`There is no entity with the id "${id}". Find ids with "search".`)
        cli.print(entity, formatEntity(entity))
      }),
    )

  program
    .command('rounds')
    .description('list the rounds with citations, dates, and declared and recorded counts')
    .action(() =>
      cli.withStore((store) => {
        const rounds = catalog.listRounds(store)
        cli.print(rounds, formatRounds(rounds))
      }),
    )
}
