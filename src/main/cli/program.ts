import { Command, CommanderError } from 'commander'
import { BundleError } from '../bundles/bundle-error'
import { ImportError } from '../importers/import-error'
import { APP_VERSION } from '../services/app-version'
import { registerBriefingCommands } from './briefing-commands'
import { registerBundleCommands } from './bundle-commands'
import { registerCatalogCommands } from './catalog-commands'
import { registerChangesCommands } from './changes-commands'
import { registerWatchCommands } from './watch-commands'
import { registerEditCommands } from './edit-commands'
import { registerDatasetCommands } from './dataset-commands'
import { registerImportCommands } from './import-commands'
import { createCliContext, type CliDependencies } from './cli-context'
import { CliError } from './cli-io'
import { registerServeCommand } from './serve-command'

export type { CliDependencies } from './cli-context'

/** Exit codes, part of the public interface: 0 ok, 1 any other error, 2 a refused bundle. */
export const EXIT = { ok: 0, error: 1, refused: 2 } as const

/** Builds the `sanctions-briefing` command line. */
export function buildProgram(deps: CliDependencies): Command {
  const program = new Command('sanctions-briefing')
  program
    .description('Sanctions Briefing: entity lists, rounds and reactions, offline.')
    .version(APP_VERSION)
    .option('--db <file>', "the store file (default: the desktop app's; SANCTIONS_BRIEFING_DB overrides)")
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .configureOutput({ writeOut: deps.io.out, writeErr: deps.io.err })
    .exitOverride()
  const cli = createCliContext(program, deps)
  registerCatalogCommands(program, cli)
  registerBundleCommands(program, cli)
  registerImportCommands(program, cli)
  registerChangesCommands(program, cli)
  registerWatchCommands(program, cli)
  registerEditCommands(program, cli)
  registerBriefingCommands(program, cli)
  registerServeCommand(program, cli)
  registerDatasetCommands(program, cli)
  // Subcommands inherit the exit override and output so usage errors come back as codes, not exits.
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput({ writeOut: deps.io.out, writeErr: deps.io.err })
      .showHelpAfterError()
  }
  return program
}

/** Runs the CLI and returns its exit code; every failure becomes a message and a code, never a stack. */
export async function runCli(argv: string[], deps: CliDependencies): Promise<number> {
  const program = buildProgram(deps)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; everything else is a usage error already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error
    }
    const message = error instanceof Error ? error.message : String(error)
    if (deps.io && program.opts<{ json?: boolean }>().json) {
      deps.io.err(JSON.stringify({ error: { name: (error as Error).name ?? 'Error', message } }))
    } else {
      deps.io.err(`Error: ${message}`)
    }
    if (error instanceof BundleError || error instanceof ImportError) return EXIT.refused
    if (error instanceof CliError) return error.exitCode
    return EXIT.error
  }
}
