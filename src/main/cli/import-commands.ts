import { Option, type Command } from 'commander'
import path from 'node:path'
import { ConfirmationRequired } from '../bundles/import-bundle'
import { writeBundleSources } from '../importers/bundle-sources'
import type { MatchDecisions } from '../importers/plan-import'
import { IMPORT_FORMATS, type RequestedFormat } from '../importers/read-source'
import * as updates from '../services/update-services'
import type { CliContext } from './cli-context'
import { CliError } from './cli-io'
import { formatPreview } from './update-format'
import { formatWatchNotices } from './watch-commands'

/** "--merge 'csl.csv line 12=hikvision'" → decisions keyed by the entry as the preview names it. */
function collectDecision(value: string, previous: MatchDecisions): MatchDecisions {
  const at = value.lastIndexOf('=')
  if (at <= 0 || at === value.length - 1) {
    throw new CliError(`--merge takes ENTRY=ENTITY_ID (the entry as the preview names it), not "${value}".`)
  }
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() }
}

/** import (bundles and published lists) and convert (a list → bundle source files). */
export function registerImportCommands(program: Command, cli: CliContext): void {
  program
    .command('import')
    .description(
      'import an update bundle or a published list (CSL, BIS Entity List CSV, FtM): preview, confirm, apply in one step that can be undone',
    )
    .argument('<file>', 'the bundle or list file')
    .addOption(
      new Option('--format <format>', 'what the file is; auto decides by its content')
        .choices(IMPORT_FORMATS)
        .default('auto'),
    )
    .option(
      '--source <list>',
      'for a Consolidated Screening List: import only this source ("Entity List", "EL", "SDN" …)',
    )
    .option(
      '--merge <entry=entity>',
      'for a possible match the preview lists: treat the party at this entry as this entity id ("new" for none); repeatable',
      collectDecision,
      {},
    )
    .option('--dry-run', 'show what would change, change nothing')
    .option('--yes', 'answer yes to every confirmation (for scripts)')
    .option('--keep-mine', 'where the update changes what you edited in the app, keep your values')
    .option('--take-theirs', "where the update changes what you edited in the app, take the update's")
    .action(
      (
        file: string,
        options: {
          format: RequestedFormat
          source?: string
          merge: MatchDecisions
          dryRun?: boolean
          yes?: boolean
          keepMine?: boolean
          takeTheirs?: boolean
        },
      ) =>
        cli.withStore(
          async (store) => {
            if (options.keepMine && options.takeTheirs)
              throw new CliError('Give --keep-mine or --take-theirs, not both.')
            const bytes = updates.readUserFile(file)
            const settings = { format: options.format, source: options.source, decisions: options.merge }
            await updates.withPreparedUpdate(store, bytes, path.basename(file), settings, async (update) => {
              const preview = updates.previewPrepared(store, update)
              if (options.dryRun || preview.alreadyImported) {
                cli.print(
                  {
                    dryRun: Boolean(options.dryRun),
                    outcome: preview.alreadyImported ? 'already-imported' : 'preview',
                    preview,
                  },
                  formatPreview(preview),
                )
                return
              }
              if (!cli.json()) cli.io.out(formatPreview(preview))
              let confirmed = true
              for (const question of preview.confirmations)
                confirmed = confirmed && (await cli.confirm(question, Boolean(options.yes)))
              if (!confirmed) throw new ConfirmationRequired(preview.confirmations)
              const decision = options.keepMine ? 'mine' : options.takeTheirs ? 'theirs' : null
              // Without one, the apply refuses and names each conflict: an edit is never dropped silently.
              if (decision)
                update.conflictDecisions = Object.fromEntries(
                  preview.conflicts.map((conflict) => [conflict.key, decision]),
                )
              const result = await updates.applyPrepared(store, update, confirmed)
              cli.print(
                result,
                result.outcome === 'applied'
                  ? `Imported: history entry ${result.entry!.id}. Undo with "sanctions-briefing undo".\n` +
                      formatWatchNotices(result.watched)
                  : 'Already imported; nothing changed.',
              )
            })
          },
          { writes: 'importing' },
        ),
    )

  program
    .command('convert')
    .description(
      'turn a published list into bundle source files (payload/*.jsonl) that "bundle create" can sign',
    )
    .argument('<file>', 'the list file (CSL CSV or JSON, BIS Entity List CSV, FtM JSON lines)')
    .requiredOption('--out <dir>', 'the folder to write (created if missing; must be empty)')
    .addOption(
      new Option('--format <format>', 'what the file is; auto decides by its content')
        .choices(IMPORT_FORMATS.filter((f) => f !== 'bundle'))
        .default('auto'),
    )
    .option('--source <list>', 'for a Consolidated Screening List: convert only this source')
    .action((file: string, options: { out: string; format: RequestedFormat; source?: string }) =>
      cli.withStore(async (store) => {
        const bytes = updates.readUserFile(file)
        const settings = { format: options.format, source: options.source }
        await updates.withPreparedUpdate(store, bytes, path.basename(file), settings, (update) => {
          if (update.summary.format === 'bundle') throw new CliError(`${file} is already a bundle.`)
          const written = writeBundleSources(options.out, update)
          cli.print(
            {
              out: written.dir,
              files: written.files,
              operations: update.operations.count,
              warnings: update.warnings,
            },
            `Wrote ${update.operations.count} operations to ${written.files.join(', ')}. Sign them with "sanctions-briefing bundle create --from ${written.dir} …".`,
          )
        })
      }),
    )
}
