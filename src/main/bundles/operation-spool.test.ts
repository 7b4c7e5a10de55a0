import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { readRecord } from '../store/read-record'
import { createOrigin } from '../store/write-records'
import { withPreparedUpdate } from '../services/update-services'
import { makePublisher, NOW, packOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { applyOperations } from './apply-operations'
import type { LocatedOperation } from './bundle-format'
import { OperationSpool, sweepStaleFolders } from './operation-spool'
import { parsePayloadLines } from './payload-lines'
import { addTrustedKey } from '../store/trust-store'
import { noEdits } from './edit-conflicts'

const tempDir = useTempDir()

const source = (id: string) => ({
  op: 'upsert',
  type: 'source',
  record: { id, publication: `Gazette ${id}`, reliability: 'primary' },
})
const entity = (id: string, notes: string | null = null) => ({
  op: 'upsert',
  type: 'entity',
  record: { id, name: `Spoolwell ${id}`, type: 'company', notes, sources: [{ source: 'spool-source' }] },
})

function located(operations: object[]): LocatedOperation[] {
  return parsePayloadLines(
    'payload/spool.jsonl',
    Buffer.from(operations.map((operation) => JSON.stringify(operation)).join('\n')),
  )
}

const MIXED = located([
  { op: 'retire', type: 'designation', id: 'd-1' },
  entity('e-1'),
  { op: 'correct', type: 'entity', id: 'e-0', field: 'notes', value: 'corrected' },
  source('s-1'),
  { op: 'retire', type: 'entity', id: 'e-9' },
  entity('e-2'),
  source('s-2'),
  { op: 'correct', type: 'source', id: 's-0', field: 'publication', value: 'Renamed' },
])

const describeOrder = (spool: OperationSpool) =>
  [...spool.inApplyOrder()].map(({ operation, line }) => {
    const id = operation.op === 'upsert' ? operation.record.id : operation.id
    return `${operation.op} ${operation.type} ${id} @${line}`
  })

describe('operation spool', () => {
  it('gives upserts and corrections after what they refer to, retirements before it, in file order', () => {
    const expected = [
      'upsert source s-1 @4',
      'upsert source s-2 @7',
      'upsert entity e-1 @2',
      'upsert entity e-2 @6',
      'correct source s-0 @8',
      'correct entity e-0 @3',
      'retire designation d-1 @1',
      'retire entity e-9 @5',
    ]
    const inMemory = OperationSpool.of(MIXED)
    expect(inMemory.spilled).toBe(false)
    expect(describeOrder(inMemory)).toEqual(expected)
    const spilled = OperationSpool.of(MIXED, 3)
    expect(spilled.spilled).toBe(true)
    expect(describeOrder(spilled)).toEqual(expected)
    expect([...spilled.inApplyOrder()]).toEqual([...inMemory.inApplyOrder()])
    expect(spilled.count).toBe(8)
    expect(spilled.entityWriteCount).toBe(3)
    expect(spilled.idsOfType('entity')).toEqual(['e-1', 'e-0', 'e-9', 'e-2'])
    spilled.discard()
  })

  it('reads back spilled lines longer than its read buffer, in any script, as often as asked', () => {
    // 960,000 characters of three-byte UTF-8 (under the line limit), so lines and characters straddle
    // the 1 MB reads.
    const long = '制裁名单'.repeat(240_000)
    // The spool keeps what it is given: unvalidated here, as no schema allows a note this long.
    const operations = [source('spool-source'), entity('long-1', long), entity('long-2', `${long}!`)].map(
      (operation, index) => ({ operation, file: 'payload/long.jsonl', line: index + 1 }) as LocatedOperation,
    )
    const spool = OperationSpool.of(operations, 0)
    expect(spool.spilled).toBe(true)
    for (let turn = 0; turn < 2; turn++) expect([...spool.inApplyOrder()]).toEqual(operations)
    spool.discard()
  })

  it('removes folders a killed process left a day ago, not those of imports under way', () => {
    const old = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-briefing-operations-'))
    const recent = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-briefing-operations-'))
    const twoDaysAgo = new Date(Date.now() - 48 * 60 * 60 * 1000)
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo)
    sweepStaleFolders()
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.existsSync(recent)).toBe(true)
    fs.rmSync(recent, { recursive: true })
  })

  it('leaves no temporary files once discarded', () => {
    const spool = OperationSpool.of(MIXED, 0)
    const folder = (spool as unknown as { folder: string }).folder
    expect(fs.readdirSync(folder).length).toBeGreaterThan(0)
    spool.discard()
    expect(fs.existsSync(folder)).toBe(false)
    expect([...spool.inApplyOrder()]).toEqual([])
  })

  it('stores the same records whether the operations were spilled or not', () => {
    const operations = located([
      source('spool-source'),
      ...Array.from({ length: 30 }, (_, i) => entity(`spool-${i}`, i % 2 ? `Note ${i}` : null)),
      { op: 'correct', type: 'entity', id: 'spool-3', field: 'notes', value: 'Corrected' },
    ])
    const stored = (spillAfter: number) => {
      const store = openDefaultStore(tempDir())
      const spool = OperationSpool.of(operations, spillAfter)
      store.db.transaction(() =>
        applyOperations(store.db, spool, createOrigin(store.db, 'bundle', 't'), null, noEdits()),
      )()
      spool.discard()
      const records = Array.from({ length: 30 }, (_, i) => readRecord(store.db, 'entity', `spool-${i}`))
      store.close()
      return records
    }
    const inMemory = stored(10_000)
    expect(inMemory[3]).toMatchObject({ notes: 'Corrected' })
    expect(stored(5)).toEqual(inMemory)
  })

  it('is discarded by the update services whether the use succeeds or throws', async () => {
    const store = openDefaultStore(tempDir())
    const publisher = makePublisher()
    addTrustedKey(store.db, publisher.publicFile, NOW)
    const bytes = await packOperations(publisher.privateFile, [source('spool-source')])
    const discard = vi.spyOn(OperationSpool.prototype, 'discard')
    await withPreparedUpdate(store, bytes, 'a.zip', {}, () => 'done')
    await expect(
      withPreparedUpdate(store, bytes, 'a.zip', {}, () => {
        throw new Error('the preview failed')
      }),
    ).rejects.toThrow('the preview failed')
    expect(discard).toHaveBeenCalledTimes(2)
    discard.mockRestore()
    store.close()
  })
})
