import { noteRecordsWritten } from '../store/data-version'
import { applyOperations } from '../bundles/apply-operations'
import { parsePayloadLines } from '../bundles/payload-lines'
import { createOrigin } from '../records/write-records'
import type { Store } from '../store/open-store'

/**
 * Writes bundle-format operations straight into a store (no signature, no history), the way a test or
 * benchmark sets up data it then reads. Validated exactly as a bundle's payload would be.
 */
export function applyTestOperations(store: Store, operations: object[]): void {
  const located = parsePayloadLines(
    'test.jsonl',
    Buffer.from(operations.map((operation) => JSON.stringify(operation)).join('\n')),
  )
  noteRecordsWritten(store.db)
  store.db.transaction(() =>
    applyOperations(store.db, located, createOrigin(store.db, 'bundle', 'test data')),
  )()
}
