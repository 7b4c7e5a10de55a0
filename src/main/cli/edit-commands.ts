import path from 'node:path'
import type { Command } from 'commander'
import type { ZodType } from 'zod'
import {
  fieldCorrectionSchema,
  writtenNoteSchema,
  writtenReactionSchema,
  type LocalEdit,
} from '../../shared/local-edits'
import * as edits from '../services/edit-services'
import { readUserFile } from '../services/update-services'
import type { CliContext } from './cli-context'
import { CliError } from './cli-io'

/** A JSON file checked by one of the app's schemas; a refusal names the file and each field. */
function readWritten<T>(file: string, schema: ZodType<T>, what: string): T {
  const shown = path.resolve(file)
  let json: unknown
  try {
    json = JSON.parse(readUserFile(file).toString('utf8'))
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new CliError(`${shown} is not JSON (${error.message}). Nothing was written.`)
    throw error
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(the file)'}: ${issue.message}`,
    )
    throw new CliError(
      `${shown} is not ${what} the store can take:\n${problems.join('\n')}\nNothing was written.`,
    )
  }
  return parsed.data
}

/** The option a note's field comes from, for refusals a command-line user can act on. */
const OPTION_OF: Record<string, string> = {
  entity: '--entity/--round',
  text: '--text',
  source: '--source',
  'source.publication': '--source',
  'source.title': '--title',
  'source.date': '--date',
  'source.url': '--url',
}

function describeEdit(edit: LocalEdit): string {
  const status = edit.status === 'undone' ? ` (undone ${edit.undoneAt})` : ''
  const redo = edit.redoneFrom === null ? '' : ` (redoes edit ${edit.redoneFrom})`
  return `${String(edit.id).padEnd(5)}${edit.at}  ${edit.author}: ${edit.description}${redo}${status}`
}

/** reaction add|delete, edits list|redo: writing in the store, each write a local edit that undo takes back. */
export function registerEditCommands(program: Command, cli: CliContext): void {
  const reaction = program.command('reaction').description('add or delete reactions (local edits)')
  reaction
    .command('add')
    .description(
      "record a reaction from a JSON file (the fields of the app's form), with its source; prints the edit as JSON",
    )
    // "--json" is the program's own flag (JSON output), so the file arrives as the argument after it.
    .usage('--json <file> [--author <name>]')
    .argument('<file>', 'the reaction as JSON')
    .option('--author <name>', 'mark the edit with this name (default: the name set in the app)')
    .action((file: string, options: { author?: string }) =>
      cli.withStore(
        (store) => {
          const written = readWritten(file, writtenReactionSchema, 'a reaction')
          const result = edits.addReaction(store, written, options.author)
          cli.print(
            result,
            `Added reaction ${result.recordIds[1]} with source ${result.recordIds[0]}: local edit ${result.edit.id} by ${result.edit.author}. Undo with "sanctions-briefing undo".`,
          )
        },
        { writes: 'adding a reaction' },
      ),
    )
  reaction
    .command('delete')
    .description('remove a reaction (a local edit: "undo" brings it back)')
    .argument('<id>', 'the reaction id')
    .option('--author <name>', 'mark the edit with this name (default: the name set in the app)')
    .action((id: string, options: { author?: string }) =>
      cli.withStore(
        (store) => {
          const result = edits.removeReaction(store, id, options.author)
          cli.print(result, `Deleted reaction ${id}: local edit ${result.edit.id} by ${result.edit.author}.`)
        },
        { writes: 'deleting a reaction' },
      ),
    )

  program
    .command('correct')
    .description(
      'correct one field of an entity or a round, with its source, from a JSON file ({type, id, field, value, source, reason}); prints the edit as JSON',
    )
    .usage('--json <file> [--author <name>]')
    .argument('<file>', 'the correction as JSON')
    .option('--author <name>', 'mark the edit with this name (default: the name set in the app)')
    .action((file: string, options: { author?: string }) =>
      cli.withStore(
        (store) => {
          const correction = readWritten(file, fieldCorrectionSchema, 'a correction')
          const result = edits.correct(store, correction, options.author)
          cli.print(
            result,
            `${result.edit.description}: local edit ${result.edit.id} by ${result.edit.author}.`,
          )
        },
        { writes: 'correcting a field' },
      ),
    )

  const note = program.command('note').description('notes on entities and rounds (local edits)')
  note
    .command('add')
    .description(
      'write a note on an entity or a round, with its source (--source PUBLICATION …) or as your own assessment (--assessment)',
    )
    .option('--entity <id>', 'the entity the note is on')
    .option('--round <id>', 'the round the note is on')
    .requiredOption('--text <text>', 'the note (at most 2,000 characters)')
    .option('--assessment', 'your own assessment: no source')
    .option('--source <publication>', 'the publication that supports it')
    .option('--title <title>', "the source's title")
    .option('--date <date>', 'when the source was published (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--url <url>', "the source's link (http or https)")
    .option('--author <name>', 'mark the edit with this name (default: the name set in the app)')
    .action(
      (options: {
        entity?: string
        round?: string
        text: string
        assessment?: boolean
        source?: string
        title?: string
        date?: string
        url?: string
        author?: string
      }) =>
        cli.withStore(
          (store) => {
            const parsed = writtenNoteSchema.safeParse({
              entity: options.entity,
              round: options.round,
              text: options.text,
              assessment: Boolean(options.assessment),
              source:
                options.source === undefined
                  ? undefined
                  : {
                      publication: options.source,
                      title: options.title,
                      date: options.date,
                      url: options.url,
                    },
            })
            if (!parsed.success)
              throw new CliError(
                `The note cannot be written:\n${parsed.error.issues
                  .map(
                    (issue) =>
                      `  ${OPTION_OF[issue.path.join('.')] ?? issue.path.join('.')}: ${issue.message}`,
                  )
                  .join('\n')}\nNothing was written.`,
              )
            const result = edits.addNote(store, parsed.data, options.author)
            cli.print(
              result,
              `Added note ${result.recordIds.at(-1)}: local edit ${result.edit.id} by ${result.edit.author}.`,
            )
          },
          { writes: 'adding a note' },
        ),
    )
  note
    .command('delete')
    .description('remove a note (a local edit: "undo" brings it back)')
    .argument('<id>', 'the note id')
    .option('--author <name>', 'mark the edit with this name (default: the name set in the app)')
    .action((id: string, options: { author?: string }) =>
      cli.withStore(
        (store) => {
          const result = edits.removeNote(store, id, options.author)
          cli.print(result, `Deleted note ${id}: local edit ${result.edit.id} by ${result.edit.author}.`)
        },
        { writes: 'deleting a note' },
      ),
    )

  const list = program.command('edits').description('what was written in this store (local edits)')
  list
    .command('list')
    .description('every local edit, newest first, with its author and whether it was undone')
    .action(() =>
      cli.withStore((store) => {
        const kept = edits.localEdits(store)
        const text =
          kept.edits.length === 0
            ? 'No local edits.'
            : [
                ...kept.edits.map(describeEdit),
                kept.redoable === null ? '' : `Redo would apply edit ${kept.redoable} again ("edits redo").`,
              ]
                .filter(Boolean)
                .join('\n')
        cli.print(kept, text)
      }),
    )
  list
    .command('redo')
    .description('apply again the local edit undone last')
    .action(() =>
      cli.withStore(
        (store) => {
          const redoable = edits.localEdits(store).redoable
          if (redoable === null) throw new CliError('There is no undone edit to redo.')
          const edit = edits.redo(store, redoable)
          cli.print(edit, `Redone: edit ${redoable} applied again as edit ${edit.id}.`)
        },
        { writes: 'redoing an edit' },
      ),
    )
}
