import type { Command } from 'commander'
import { wholeNumber } from './option-parsers'
import * as catalog from '../services/catalog-services'
import type { CliContext } from './cli-context'
import { formatRounds, formatSearchHits, formatStats } from './text-format'

/** stats, search, rounds: reading the store. */
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
    .command('search')
    .description('search names, aliases, original-script names and quote text')
    .argument('<query...>', 'what to look for (Latin or Chinese, any case, accents optional)')
    .option(
      '--limit <n>',
      'at most this many matches',
      wholeNumber(1, 1000, 'a whole number from 1 to 1000'),
      20,
    )
    .action((words: string[], options: { limit: number }) =>
      cli.withStore((store) => {
        const hits = catalog.search(store, words.join(' '), options.limit)
        cli.print(hits, formatSearchHits(hits))
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
