import fs from 'node:fs'
import { z } from 'zod'
import {
  designationRecord,
  entityRecord,
  isoDate,
  reactionRecord,
  roundRecord,
  sourceRecord,
} from '../records/record-schemas'

export const datasetFileSchema = z.strictObject({
  format: z.literal('sanctions-briefing-dataset'),
  version: z.string().min(1),
  asOf: isoDate,
  description: z.string().default(''),
  sources: z.array(sourceRecord),
  rounds: z.array(roundRecord),
  entities: z.array(entityRecord),
  designations: z.array(designationRecord),
  reactions: z.array(reactionRecord),
})

export type DatasetFile = z.output<typeof datasetFileSchema>

/** A dataset file that cannot be loaded; the message names the file and the first problems found. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file}: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''}`,
    )
    this.name = 'DatasetError'
  }
}

/** Reads and validates a dataset file, including every cross-reference between its records. */
export function readDatasetFile(file: string): DatasetFile {
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new DatasetError(file, [`not readable JSON (${(error as Error).message})`])
  }
  const parsed = datasetFileSchema.safeParse(raw)
  if (!parsed.success) {
    throw new DatasetError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`),
    )
  }
  const problems = findDanglingReferences(parsed.data)
  if (problems.length > 0) throw new DatasetError(file, problems)
  return parsed.data
}

function findDanglingReferences(data: DatasetFile): string[] {
  const problems: string[] = []
  const ids = (records: { id: string }[], kind: string) => {
    const set = new Set<string>()
    records.forEach((record, index) => {
      if (set.has(record.id)) problems.push(`${kind}[${index}]: duplicate id "${record.id}"`)
      set.add(record.id)
    })
    return set
  }
  const sources = ids(data.sources, 'sources')
  const rounds = ids(data.rounds, 'rounds')
  const entities = ids(data.entities, 'entities')
  ids(data.designations, 'designations')
  ids(data.reactions, 'reactions')
  const need = (set: Set<string>, value: string, where: string, what: string) => {
    if (!set.has(value)) problems.push(`${where}: unknown ${what} "${value}"`)
  }
  data.rounds.forEach((r, i) =>
    r.sources.forEach((c, j) => need(sources, c.source, `rounds[${i}].sources[${j}]`, 'source')),
  )
  data.entities.forEach((e, i) =>
    e.sources.forEach((c, j) => need(sources, c.source, `entities[${i}].sources[${j}]`, 'source')),
  )
  data.designations.forEach((d, i) => {
    need(entities, d.entity, `designations[${i}].entity`, 'entity')
    need(rounds, d.round, `designations[${i}].round`, 'round')
    need(sources, d.source, `designations[${i}].source`, 'source')
  })
  data.reactions.forEach((r, i) => {
    need(sources, r.source, `reactions[${i}].source`, 'source')
    r.rounds.forEach((id, j) => need(rounds, id, `reactions[${i}].rounds[${j}]`, 'round'))
    r.entities.forEach((id, j) => need(entities, id, `reactions[${i}].entities[${j}]`, 'entity'))
  })
  return problems
}
