import { OperationSpool } from '../bundles/operation-spool'
import { writeRecords } from '../store/transactions'
import { latestAppliedImport, undoLatestImport } from '../bundles/import-bundle'
import { applyOperations } from '../bundles/apply-operations'
import { parsePayloadLines } from '../bundles/payload-lines'
import { createOrigin } from '../store/write-records'
import type { Store } from '../store/open-store'
import { noEdits } from '../bundles/edit-conflicts'

/**
 * Writes bundle-format operations straight into a store (no signature, no history), the way a test or
 * benchmark sets up data it then reads. Validated exactly as a bundle's payload would be.
 */
export function applyTestOperations(store: Store, operations: object[]): void {
  const located = parsePayloadLines(
    'test.jsonl',
    Buffer.from(operations.map((operation) => JSON.stringify(operation)).join('\n')),
  )
  writeRecords(store.db, () =>
    applyOperations(
      store.db,
      OperationSpool.of(located),
      createOrigin(store.db, 'bundle', 'test data'),
      null,
      noEdits(),
    ),
  )
}

/** Undoes whichever import is the latest applied one (tests that do not race). */
export function undoLatest(db: Store['db'], now?: Date): void {
  const latest = latestAppliedImport(db)
  if (!latest) throw new Error('no import to undo')
  undoLatestImport(db, latest.id, now)
}
