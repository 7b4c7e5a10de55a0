import { Command, CommanderError, InvalidArgumentError } from 'commander'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultStorePath } from '../app-paths'
import { openAppStore } from '../app-store'
import { createApiHandlers } from '../services/api-handlers'
import { APP_VERSION } from '../services/app-version'
import * as catalog from '../services/catalog-services'
import { startLoopbackHost } from '../host/loopback-host'
import type { Store } from '../store/open-store'
import { StoreError } from '../store/store-error'
import { freshStorePathBeside } from '../store/open-store'
import { CliError, type CliIo } from './cli-io'
import { formatRounds, formatSearchHits, formatStats } from './text-format'

interface GlobalOptions {
  db?: string
  json?: boolean
}

export interface CliDependencies {
  io: CliIo
  env: NodeJS.ProcessEnv
  /** The built renderer served by `serve`. */
  rendererDir: string
  /** Called by `serve` once it listens, so tests and callers can stop it. */
  onServing?: (stop: () => Promise<void>) => void
}

/** The built renderer beside the built CLI (out/main/cli.js → out/renderer). */
export function defaultRendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer')
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free port)')
  }
  return port
}

function parseLimit(value: string): number {
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new InvalidArgumentError('a whole number from 1 to 1000')
  return limit
}

/** Builds the `sanctions-briefing` command line. Commands share one store opened per invocation. */
export function buildProgram(deps: CliDependencies): Command {
  const { io } = deps
  const program = new Command('sanctions-briefing')
  program
    .description('Sanctions Briefing: entity lists, rounds and reactions, offline.')
    .version(APP_VERSION)
    .option('--db <file>', "the store file (default: the desktop app's; SANCTIONS_BRIEFING_DB overrides)")
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()

  const globals = (): GlobalOptions => program.opts<GlobalOptions>()
  const withStore = async <T>(run: (store: Store) => T | Promise<T>): Promise<T> => {
    const storePath = globals().db ?? defaultStorePath(deps.env)
    let store: Store
    try {
      store = openAppStore(storePath)
    } catch (error) {
      if (error instanceof StoreError && error.code !== 'locked') {
        throw new CliError(
          `${error.message}\nTo start a new store beside it, run again with --db "${freshStorePathBeside(storePath)}".`,
        )
      }
      throw error
    }
    try {
      return await run(store)
    } finally {
      store.close()
    }
  }
  const print = (json: unknown, text: string) => io.out(globals().json ? JSON.stringify(json, null, 2) : text)

  program
    .command('stats')
    .description('count the records in the store')
    .action(() =>
      withStore((store) => {
        const stats = catalog.stats(store)
        print(stats, formatStats(stats))
      }),
    )

  program
    .command('search')
    .description('search names, aliases, original-script names and quote text')
    .argument('<query...>', 'what to look for (Latin or Chinese, any case, accents optional)')
    .option('--limit <n>', 'at most this many matches', parseLimit, 20)
    .action((words: string[], options: { limit: number }) =>
      withStore((store) => {
        const hits = catalog.search(store, words.join(' '), options.limit)
        print(hits, formatSearchHits(hits))
      }),
    )

  program
    .command('rounds')
    .description('list the rounds with citations, dates, and declared and recorded counts')
    .action(() =>
      withStore((store) => {
        const rounds = catalog.listRounds(store)
        print(rounds, formatRounds(rounds))
      }),
    )

  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1 (browser mode); prints the URL to open first')
    .option('--db <file>', 'the store file')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .action(async (options: { db?: string; port: number }) => {
      const storePath = options.db ?? globals().db ?? defaultStorePath(deps.env)
      program.setOptionValue('db', storePath)
      await withStore(async (store) => {
        const host = await startLoopbackHost({
          handlers: createApiHandlers(store),
          rendererDir: deps.rendererDir,
          port: options.port,
        })
        // The first line is exactly the URL: scripts and tests read it.
        io.out(host.url)
        io.err(`Serving ${store.path} on 127.0.0.1:${host.port}. Press Ctrl+C to stop.`)
        await new Promise<void>((resolve) => {
          const stop = async () => {
            await host.close()
            resolve()
          }
          deps.onServing?.(stop)
          process.once('SIGINT', () => void stop())
          process.once('SIGTERM', () => void stop())
        })
      })
    })

  return program
}

/** Runs the CLI and returns its exit code; every failure becomes a message and a code, never a stack. */
export async function runCli(argv: string[], deps: CliDependencies): Promise<number> {
  const program = buildProgram(deps)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; everything else is a usage error already printed.
      return error.exitCode === 0 ? 0 : 1
    }
    if (error instanceof CliError) {
      deps.io.err(`Error: ${error.message}`)
      return error.exitCode
    }
    deps.io.err(`Error: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
