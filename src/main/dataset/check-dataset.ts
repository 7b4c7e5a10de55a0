import { QUOTATION_MARKS, quoteNotInExcerpt } from '../../shared/verbatim-check'
import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { recordSchemas, type RecordType } from '../bundles/bundle-format'
import { frVolumeOfYear } from '../importers/fr-citations'
import { toSimplified } from '../store/chinese-script'
import { DatasetError } from './dataset-file'
import { defaultDatasetPath } from './resources'

type Records = { [T in RecordType]: z.output<(typeof recordSchemas)[T]>[] }

/** One thing wrong with a record: which record, which field, what. */
export interface DatasetProblem {
  record: string
  field: string
  message: string
}

export interface DatasetCheck {
  file: string
  checked: Record<RecordType, number>
  problems: DatasetProblem[]
}

const COLLECTIONS: [keyof DatasetCollections, RecordType][] = [
  ['sources', 'source'],
  ['rounds', 'round'],
  ['entities', 'entity'],
  ['designations', 'designation'],
  ['reactions', 'reaction'],
]
type DatasetCollections = {
  sources: unknown[]
  rounds: unknown[]
  entities: unknown[]
  designations: unknown[]
  reactions: unknown[]
}

/**
 * Checks a dataset file (the built-in one by default) or a folder of bundle sources (payload/*.jsonl)
 * for what would make its facts unreliable: a record that fails its schema or lacks a source, a source
 * that says nowhere where it is, a reference to nothing, a mainland name in traditional characters
 * without a conversion note, quotation marks in a paraphrase, more entities recorded than declared,
 * and impossible dates. Reads only; never writes.
 */
export function checkDataset(target: string = defaultDatasetPath()): DatasetCheck {
  const { raw, context } = readRecords(target)
  const problems: DatasetProblem[] = []
  const records = {} as Records
  for (const [, type] of COLLECTIONS) {
    const valid: unknown[] = []
    raw[type].forEach((value, index) => {
      const parsed = recordSchemas[type].safeParse(value)
      const id = (value as { id?: unknown })?.id
      const record = `${type} ${typeof id === 'string' ? `"${id}"` : `#${index + 1}`}`
      if (parsed.success) valid.push(parsed.data)
      else
        for (const issue of parsed.error.issues)
          problems.push({ record, field: issue.path.join('.') || '(record)', message: issue.message })
    })
    ;(records as Record<RecordType, unknown[]>)[type] = valid
  }
  // A record that fails its schema is reported once; references to it are not reported again.
  const rawIds = Object.fromEntries(
    COLLECTIONS.map(([, type]) => [
      type,
      raw[type]
        .map((value) => (value as { id?: unknown })?.id)
        .filter((id): id is string => typeof id === 'string'),
    ]),
  ) as Record<RecordType, string[]>
  problems.push(...checkRecords(records, context, rawIds))
  const checked = Object.fromEntries(COLLECTIONS.map(([, type]) => [type, raw[type].length])) as Record<
    RecordType,
    number
  >
  return { file: target, checked, problems }
}

/** The records of a dataset file or a folder of JSON Lines payloads, and the ids they may refer to. */
function readRecords(target: string): { raw: Record<RecordType, unknown[]>; context: Records | null } {
  if (!fs.existsSync(target)) throw new DatasetError(target, ['no such file or folder'])
  const raw: Record<RecordType, unknown[]> = {
    source: [],
    round: [],
    entity: [],
    designation: [],
    reaction: [],
    note: [],
  }
  if (fs.statSync(target).isDirectory()) {
    const files = jsonlFiles(target)
    for (const file of files) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (!line.trim()) return
          let operation: { op?: unknown; type?: unknown; record?: unknown }
          try {
            operation = JSON.parse(line) as typeof operation
          } catch (error) {
            throw new DatasetError(file, [`line ${index + 1}: not JSON (${(error as Error).message})`])
          }
          if (operation.op === 'upsert' && typeof operation.type === 'string' && operation.type in raw)
            raw[operation.type as RecordType].push(operation.record)
        })
    }
    if (Object.values(raw).every((list) => list.length === 0)) {
      throw new DatasetError(target, [
        `holds no records: no .jsonl file in it has an "upsert" operation (${files.length} .jsonl files found)`,
      ])
    }
    // Bundle sources may refer to records the built-in dataset already holds.
    const context = checkDatasetRecords(defaultDatasetPath())
    return { raw, context }
  }
  let data: unknown
  try {
    data = JSON.parse(fs.readFileSync(target, 'utf8'))
  } catch (error) {
    throw new DatasetError(target, [`not readable JSON (${(error as Error).message})`])
  }
  const collections = data as Partial<DatasetCollections> | null
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new DatasetError(target, ['not a dataset: the file must hold one JSON object'])
  for (const [key, type] of COLLECTIONS) {
    const list = collections?.[key]
    if (list !== undefined && !Array.isArray(list)) throw new DatasetError(target, [`"${key}" is not a list`])
    raw[type] = list ?? []
  }
  if (Object.values(raw).every((list) => list.length === 0))
    throw new DatasetError(target, [
      'holds no records (no sources, rounds, entities, designations or reactions)',
    ])
  return { raw, context: null }
}

function jsonlFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

/** The built-in dataset's records, as context for bundle sources that refer to them. */
function checkDatasetRecords(file: string): Records {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as DatasetCollections
  return Object.fromEntries(
    COLLECTIONS.map(([key, type]) => [type, data[key].map((value) => recordSchemas[type].parse(value))]),
  ) as Records
}

function checkRecords(
  records: Records,
  context: Records | null,
  rawIds: Record<RecordType, string[]>,
): DatasetProblem[] {
  const problems: DatasetProblem[] = []
  const problem = (type: RecordType, id: string, field: string, message: string) =>
    problems.push({ record: `${type} "${id}"`, field, message })
  const known = (type: RecordType) =>
    new Set([...rawIds[type], ...(context?.[type] ?? []).map((record) => record.id)])
  const sources = known('source')
  const rounds = new Map([...(context?.round ?? []), ...records.round].map((round) => [round.id, round]))
  const roundIds = known('round')
  const entities = known('entity')

  for (const type of ['source', 'round', 'entity', 'designation', 'reaction'] as const) {
    const seen = new Set<string>()
    for (const record of records[type]) {
      if (seen.has(record.id)) problem(type, record.id, 'id', 'the same id is used twice')
      seen.add(record.id)
    }
  }
  const refer = (
    type: RecordType,
    id: string,
    field: string,
    target: RecordType,
    set: Set<string> | Map<string, unknown>,
    value: string,
  ) => {
    if (!set.has(value)) problem(type, id, field, `refers to ${target} "${value}", which does not exist`)
  }

  for (const source of records.source) {
    if (!source.url && !source.title && !source.note)
      problem('source', source.id, 'url', 'has no URL, title or note saying where it can be found')
  }
  for (const round of records.round) {
    round.sources.forEach((cited, i) =>
      refer('round', round.id, `sources.${i}.source`, 'source', sources, cited.source),
    )
    if (round.published && round.effective && round.published > round.effective)
      problem(
        'round',
        round.id,
        'published',
        `published ${round.published}, after it took effect (${round.effective})`,
      )
    for (const citation of round.citations) {
      const volume = /^(\d+)\s*FR\b/.exec(citation)
      const year = round.published ? Number(round.published.slice(0, 4)) : null
      if (volume && year !== null && frVolumeOfYear(year) !== Number(volume[1]))
        problem(
          'round',
          round.id,
          'citations',
          `"${citation}" is volume ${volume[1]}, but the round was published in ${year} (volume ${frVolumeOfYear(year)})`,
        )
    }
    const recorded = [...(context?.designation ?? []), ...records.designation].filter(
      (d) => d.round === round.id,
    ).length
    if (round.declaredCount !== null && recorded > round.declaredCount)
      problem(
        'round',
        round.id,
        'declaredCount',
        `${recorded} entities are recorded, more than the ${round.declaredCount} declared`,
      )
  }
  for (const entity of records.entity) {
    entity.reportedNames.forEach((reported, i) =>
      refer('entity', entity.id, `reportedNames.${i}.source`, 'source', sources, reported.source),
    )
    entity.sources.forEach((cited, i) =>
      refer('entity', entity.id, `sources.${i}.source`, 'source', sources, cited.source),
    )
    const name = entity.originalName
    if (
      entity.country === 'CN' &&
      name &&
      toSimplified(name) !== name &&
      !/convert/i.test(entity.originalNameNote ?? '')
    )
      problem(
        'entity',
        entity.id,
        'originalName',
        `"${name}" is in traditional characters (simplified: "${toSimplified(name)}"), with no note that it was converted`,
      )
  }
  for (const designation of records.designation) {
    refer('designation', designation.id, 'entity', 'entity', entities, designation.entity)
    refer('designation', designation.id, 'round', 'round', roundIds, designation.round)
    refer('designation', designation.id, 'source', 'source', sources, designation.source)
  }
  for (const reaction of records.reaction) {
    refer('reaction', reaction.id, 'source', 'source', sources, reaction.source)
    reaction.entities.forEach((id, i) =>
      refer('reaction', reaction.id, `entities.${i}`, 'entity', entities, id),
    )
    reaction.rounds.forEach((id, i) => refer('reaction', reaction.id, `rounds.${i}`, 'round', roundIds, id))
    if (reaction.textKind === 'verbatim') {
      if (!reaction.sourceExcerpt)
        problem(
          'reaction',
          reaction.id,
          'sourceExcerpt',
          'verbatim text without the source excerpt it was checked against: record the passage and the date checked, or mark it a paraphrase',
        )
      else {
        const mismatch = quoteNotInExcerpt(reaction.text, reaction.sourceExcerpt)
        if (mismatch) problem('reaction', reaction.id, 'text', `not the source's words: ${mismatch}`)
        if (!reaction.excerptCheckedOn)
          problem('reaction', reaction.id, 'excerptCheckedOn', 'the date the quote was checked is missing')
      }
    }
    if (reaction.textKind === 'paraphrase' && QUOTATION_MARKS.test(reaction.text))
      problem(
        'reaction',
        reaction.id,
        'text',
        'a paraphrase holds quotation marks: only verbatim text may be quoted',
      )
    if (reaction.dateSaid) {
      for (const id of reaction.rounds) {
        const round = rounds.get(id)
        const event = round?.announced ?? round?.published
        if (event && reaction.dateSaid.length === 10 && event.length === 10 && reaction.dateSaid < event)
          problem(
            'reaction',
            reaction.id,
            'dateSaid',
            `said ${reaction.dateSaid}, before the round it reacts to (${id}) was announced or published (${event})`,
          )
      }
    }
  }
  return problems
}

/** Problems shown at most, in text; the rest are counted. */
const SHOWN = 50

/** The check as a person reads it: what was checked, then the problems (the first 50 and a count). */
export function formatDatasetCheck(check: DatasetCheck): string {
  const counts = `${check.checked.source} sources, ${check.checked.round} rounds, ${check.checked.entity} entities, ${check.checked.designation} designations, ${check.checked.reaction} reactions`
  if (check.problems.length === 0) return `${check.file}: ${counts} checked; no problems found.`
  const lines = check.problems.slice(0, SHOWN).map((p) => `  ${p.record} ${p.field}: ${p.message}`)
  const more = check.problems.length > SHOWN ? [`  … and ${check.problems.length - SHOWN} more.`] : []
  return [
    `${check.file}: ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} in ${counts}:`,
    ...lines,
    ...more,
  ].join('\n')
}
