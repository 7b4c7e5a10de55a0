import fs from 'node:fs'
import path from 'node:path'
import { createBundle } from '../src/main/bundles/bundle-writer'
import { parseKeyFile, privateKeyFileSchema } from '../src/main/bundles/keys'
import { queryChanges } from '../src/main/store/changes-query'
import type { Store } from '../src/main/store/open-store'
import { time, type Timing } from './stats'

/**
 * A second bundle for a store the benchmark filled: one record in ten changed, as a weekly update
 * might — nine in ten of them entities given notes, the rest designations given an end date.
 */
export async function writeChangesBundle(
  keyFile: string,
  dir: string,
  entities: number,
): Promise<{ bundle: string; changes: number }> {
  const key = parseKeyFile(privateKeyFileSchema, fs.readFileSync(keyFile, 'utf8'), keyFile)
  const changes = Math.max(1, Math.floor(entities / 10))
  const from = path.join(dir, 'changes-payload')
  fs.mkdirSync(from, { recursive: true })
  const lines: string[] = []
  for (let i = 0; i < changes; i++) {
    const entity = `bench-entity-${i * 10}`
    lines.push(
      JSON.stringify(
        i % 10 === 9
          ? {
              op: 'correct',
              type: 'designation',
              id: `bench-round-${(i * 10) % 50}.${entity}`,
              field: 'ended',
              value: '2026-06-30',
              reason: 'bench',
            }
          : {
              op: 'correct',
              type: 'entity',
              id: entity,
              field: 'notes',
              value: `Bench change ${i}`,
              reason: 'bench',
            },
      ),
    )
  }
  fs.writeFileSync(path.join(from, 'changes.jsonl'), `${lines.join('\n')}\n`)
  const bundle = path.join(dir, 'changes.sbb')
  fs.writeFileSync(bundle, await createBundle({ key, fromDir: from, sequence: 2 }))
  return { bundle, changes }
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
