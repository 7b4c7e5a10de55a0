import { Option, type Command } from 'commander'
import fs from 'node:fs'
import path from 'node:path'
import {
  BRIEFING_SECTIONS,
  DEFAULT_BRIEFING_SETTINGS,
  ENTITY_GROUPINGS,
  PAPER_SIZES,
  REACTION_GROUPINGS,
  type BriefingScope,
  type BriefingSettings,
} from '../../shared/briefing'
import { briefingSettingsSchema } from '../../shared/contract'
import { getSavedBriefing } from '../store/saved-briefings'
import { renderBriefingPdf, writeFileAtomically } from '../services/briefing-services'
import type { Store } from '../store/open-store'
import type { CliContext } from './cli-context'
import { takePrinter } from './early-printer'
import { isoDay, wholeNumber } from './option-parsers'
import { CliError } from './cli-io'

interface ExportPdfOptions {
  out: string
  round: string[]
  entity: string[]
  query?: string
  title?: string
  banner?: string
  paper?: (typeof PAPER_SIZES)[number]
  sections?: string
  entityGrouping?: (typeof ENTITY_GROUPINGS)[number]
  reactionGrouping?: (typeof REACTION_GROUPINGS)[number]
  briefing?: string
  changesSince?: string
  changesImport?: number
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function sectionsFrom(value: string): BriefingSettings['sections'] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = names.filter((name) => !(BRIEFING_SECTIONS as readonly string[]).includes(name))
  if (unknown.length > 0 || names.length === 0) {
    throw new CliError(
      `--sections: ${unknown.length > 0 ? `unknown section "${unknown[0]}"` : 'no section given'}; ` +
        `choose from ${BRIEFING_SECTIONS.join(', ')}.`,
    )
  }
  return names as BriefingSettings['sections']
}

function scopeFrom(options: ExportPdfOptions): BriefingScope {
  const changes = options.changesSince !== undefined || options.changesImport !== undefined
  if (changes) {
    if (options.changesSince !== undefined && options.changesImport !== undefined)
      throw new CliError('Give --changes-since or --changes-import, not both.')
    if (options.entity.length > 0 || options.round.length > 0 || options.query !== undefined)
      throw new CliError(
        'A briefing of changes covers what imports changed; leave out --round, --entity and --query.',
      )
    return options.changesImport !== undefined
      ? { kind: 'changes', importId: options.changesImport }
      : { kind: 'changes', since: options.changesSince }
  }
  if (options.entity.length > 0) {
    if (options.round.length > 0 || options.query !== undefined) {
      throw new CliError('--entity picks entities one by one; it cannot be combined with --round or --query.')
    }
    return { kind: 'entities', entityIds: options.entity }
  }
  if (options.query !== undefined) {
    // A search, narrowed to the given rounds if any: the same as the Entities table's filtered view.
    return {
      kind: 'query',
      search: options.query,
      filters: options.round.length > 0 ? { round: options.round } : {},
      minScore: 100,
      sort: [],
    }
  }
  if (options.round.length > 0) return { kind: 'rounds', roundIds: options.round }
  throw new CliError(
    'Say what the briefing covers: --round ID (repeatable), --entity ID (repeatable), --query TEXT, --changes-since DATE, --changes-import N, or --briefing ID.',
  )
}

/** The settings to print: a saved briefing or a new scope, with the flags given on top. */
function settingsFrom(store: Store, options: ExportPdfOptions): BriefingSettings {
  if (
    options.briefing &&
    (options.round.length > 0 ||
      options.entity.length > 0 ||
      options.query !== undefined ||
      options.changesSince !== undefined ||
      options.changesImport !== undefined)
  ) {
    throw new CliError(
      '--briefing exports a saved briefing with its own scope; leave out --round, --entity, --query and --changes-….',
    )
  }
  const base: BriefingSettings = options.briefing
    ? getSavedBriefing(store.db, options.briefing).settings
    : { ...DEFAULT_BRIEFING_SETTINGS, scope: scopeFrom(options) }
  const candidate = {
    ...base,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.banner !== undefined ? { banner: options.banner } : {}),
    ...(options.paper !== undefined ? { paper: options.paper } : {}),
    ...(options.sections !== undefined ? { sections: sectionsFrom(options.sections) } : {}),
    ...(options.entityGrouping !== undefined ? { entityGrouping: options.entityGrouping } : {}),
    ...(options.reactionGrouping !== undefined ? { reactionGrouping: options.reactionGrouping } : {}),
  }
  const parsed = briefingSettingsSchema.safeParse(candidate)
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`,
    )
    throw new CliError(`The briefing settings are not valid: ${issues.join('; ')}`)
  }
  return parsed.data
}

function checkOutPath(out: string): string {
  const target = path.resolve(out)
  const dir = path.dirname(target)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CliError(`--out: the folder "${dir}" does not exist.`)
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new CliError(`--out: "${target}" is a folder; give a file name such as briefing.pdf.`)
  }
  return target
}

/** export-pdf: a briefing PDF from the command line, printed by a local Chromium. */
export function registerBriefingCommands(program: Command, cli: CliContext): void {
  program
    .command('export-pdf')
    .description('export a briefing as a tagged PDF (uses Chromium; CHROMIUM_PATH overrides where it is)')
    .requiredOption('--out <file>', 'the PDF file to write')
    .option('--round <id>', 'a round to cover (repeatable)', collect, [])
    .option('--entity <id>', 'an entity to cover (repeatable)', collect, [])
    .option('--query <text>', 'cover the entities this search finds (with --round: within those rounds)')
    .option('--title <text>', 'the title')
    .option('--banner <text>', 'the handling banner at the top and bottom of every page ("" for none)')
    .addOption(new Option('--paper <size>', 'paper size').choices(PAPER_SIZES))
    .option('--sections <list>', `comma-separated sections (default: ${BRIEFING_SECTIONS.join(',')})`)
    .addOption(new Option('--entity-grouping <by>', 'group the entity table by').choices(ENTITY_GROUPINGS))
    .addOption(new Option('--reaction-grouping <by>', 'group reactions by').choices(REACTION_GROUPINGS))
    .option('--briefing <id>', 'export a saved briefing')
    .option('--changes-since <date>', 'brief what imports changed from this day (YYYY-MM-DD) on', isoDay)
    .option(
      '--changes-import <id>',
      'brief what one import changed (its history id)',
      wholeNumber(1, Number.MAX_SAFE_INTEGER, 'an import id, as "history" lists them'),
    )
    .action((options: ExportPdfOptions) =>
      cli.withStore(async (store) => {
        const target = checkOutPath(options.out)
        const settings = settingsFrom(store, options)
        const printer = takePrinter(cli.deps.env)
        try {
          const { pdf, info } = await renderBriefingPdf(store, settings, printer)
          writeFileAtomically(target, pdf)
          cli.print(
            {
              path: target,
              pageCount: info.pageCount,
              bytes: info.bytes,
              entityCount: info.entityCount,
              reactionCount: info.reactionCount,
              changeCount: info.changeCount,
            },
            `Wrote ${target}: ${info.pageCount} ${info.pageCount === 1 ? 'page' : 'pages'}, ` +
              `${info.bytes.toLocaleString('en-US')} bytes (` +
              (info.changeCount !== null
                ? `${info.changeCount} changes).`
                : `${info.entityCount} entities, ${info.reactionCount} reactions).`),
          )
        } finally {
          await printer.close()
        }
      }),
    )
}
