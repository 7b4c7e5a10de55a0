import type { Command } from 'commander'
import readline from 'node:readline/promises'
import { defaultStorePath } from '../app-paths'
import { openAppStore } from '../app-store'
import { freshStorePathBeside, readOnlyRefusal, type OpenStoreOptions, type Store } from '../store/open-store'
import { StoreError } from '../store/store-error'
import { CliError, type CliIo } from './cli-io'

export interface CliDependencies {
  io: CliIo
  env: NodeJS.ProcessEnv
  /** The built renderer served by `serve`. */
  rendererDir: string
  /** Called by `serve` once it listens, so tests and callers can stop it. */
  onServing?: (stop: () => Promise<void>) => void
  /** Asks the user a yes/no question; the default asks on a terminal and says no otherwise. */
  ask?: (question: string) => Promise<boolean>
}

export interface WithStoreOptions extends Pick<OpenStoreOptions, 'integrityCheck'> {
  /** What the command changes in the store ("importing a list"): refused at once on a read-only store. */
  writes?: string
}

interface GlobalOptions {
  db?: string
  json?: boolean
}

/** What every command needs: output, the store, and confirmations, all honouring the global options. */
export interface CliContext {
  io: CliIo
  deps: CliDependencies
  json(): boolean
  storePath(): string
  withStore<T>(run: (store: Store) => T | Promise<T>, options?: WithStoreOptions): Promise<T>
  /** Prints JSON under --json, else the text. */
  print(json: unknown, text: string): void
  /** True when --yes was given or the user answered yes; false means "do nothing". */
  confirm(question: string, yes: boolean): Promise<boolean>
}

async function askOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false
  const prompt = readline.createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim())
  } finally {
    prompt.close()
  }
}

export function createCliContext(program: Command, deps: CliDependencies): CliContext {
  const globals = () => program.opts<GlobalOptions>()
  const context: CliContext = {
    io: deps.io,
    deps,
    json: () => Boolean(globals().json),
    storePath: () => globals().db ?? defaultStorePath(deps.env),
    async withStore(run, { writes, ...options } = {}) {
      const storePath = context.storePath()
      let store: Store
      try {
        store = openAppStore(storePath, options)
      } catch (error) {
        if (error instanceof StoreError && error.code !== 'locked') {
          throw new CliError(
            `${error.message}\nTo start a new store beside it, run again with --db "${freshStorePathBeside(storePath)}".`,
          )
        }
        throw error
      }
      if (store.readOnly) {
        if (writes) {
          const refusal = readOnlyRefusal(store, writes)
          store.close()
          throw new CliError(refusal.message)
        }
        deps.io.err(`Note: ${store.path} is open read-only (${store.readOnly}).`)
      }
      try {
        return await run(store)
      } finally {
        store.close()
      }
    },
    print(json, text) {
      deps.io.out(context.json() ? JSON.stringify(json, null, 2) : text)
    },
    async confirm(question, yes) {
      if (yes) return true
      return (deps.ask ?? askOnTerminal)(question)
    },
  }
  return context
}
