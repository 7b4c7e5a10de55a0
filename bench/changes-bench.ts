import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { createBundle } from '../src/main/bundles/bundle-writer'
import { parseKeyFile, privateKeyFileSchema } from '../src/main/bundles/keys'
import { queryChanges } from '../src/main/store/changes-query'
import type { Store } from '../src/main/store/open-store'
import { time, type Timing } from './stats'

/**
 * A second bundle for a store the benchmark filled, as a list is republished: every record of the first
 * bundle again, one entity in ten changed — nine in ten of those given notes, the rest their listing
 * given an end date. Read from the first bundle's payload line by line, so a million entities need no
 * more memory than a thousand.
 */
export async function writeChangesBundle(
  keyFile: string,
  dir: string,
  firstPayload: string,
): Promise<{ bundle: string; changes: number }> {
  const key = parseKeyFile(privateKeyFileSchema, fs.readFileSync(keyFile, 'utf8'), keyFile)
  const from = path.join(dir, 'changes-payload')
  fs.mkdirSync(from, { recursive: true })
  const out = fs.openSync(path.join(from, 'data.jsonl'), 'w')
  let changes = 0
  let pending: string[] = []
  const write = () => {
    fs.writeSync(out, pending.join(''))
    pending = []
  }
  try {
    const lines = readline.createInterface({ input: fs.createReadStream(firstPayload), crlfDelay: Infinity })
    for await (const line of lines) {
      if (line === '') continue
      const operation = JSON.parse(line) as { type: string; record: Record<string, unknown> }
      const change = changeOf(operation)
      if (change) {
        Object.assign(operation.record, change)
        changes++
      }
      pending.push(`${JSON.stringify(operation)}\n`)
      if (pending.length >= 10_000) write()
    }
    write()
  } finally {
    fs.closeSync(out)
  }
  const bundle = path.join(dir, 'changes.sbb')
  fs.writeFileSync(bundle, await createBundle({ key, fromDir: from, sequence: 2 }))
  return { bundle, changes }
}

/** What the republished list changes about a record of the first bundle, or null for nothing. */
function changeOf(operation: { type: string; record: Record<string, unknown> }): object | null {
  const entity = operation.type === 'entity' ? operation.record.id : operation.record.entity
  if (operation.type !== 'entity' && operation.type !== 'designation') return null
  const number = Number(String(entity).slice('bench-entity-'.length))
  if (number % 10 !== 0) return null
  const endsListing = (number / 10) % 10 === 9
  if (operation.type === 'entity' && !endsListing) return { notes: `Bench change ${number / 10}` }
  if (operation.type === 'designation' && endsListing) return { ended: '2026-06-30' }
  return null
}

export interface ChangesFigures {
  /** Changes the second bundle made, as recorded. */
  recorded: number
  /** The first page (100 rows) of the latest import's changes, with its counts per group. */
  firstPage: Timing
  /** Counts per group again with a filter set (kind: ended), as a click on a filter asks. */
  countsFiltered: Timing
}

/** How fast the Changes view reads the latest import's changes (#22). */
export function measureChanges(store: Store): ChangesFigures {
  const latest = store.db
    .prepare("SELECT max(id) FROM imports WHERE status = 'applied'")
    .pluck()
    .get() as number
  const scope = { importId: latest }
  const page = queryChanges(store.db, { scope, filters: {}, offset: 0, limit: 100 })
  return {
    recorded: page.total,
    firstPage: time(() => queryChanges(store.db, { scope, filters: {}, offset: 0, limit: 100 }), 10),
    countsFiltered: time(
      () => queryChanges(store.db, { scope, filters: { kinds: ['ended'] }, offset: 0, limit: 100 }),
      10,
    ),
  }
}
