import fs from 'node:fs'
import { checkBundle, readVerifiedBundle } from '../src/main/bundles/bundle-reader'
import { createBundle } from '../src/main/bundles/bundle-writer'
import { applyImport } from '../src/main/test-support/import-bundles'
import {
  parseKeyFile,
  privateKeyFileSchema,
  publicPartOf,
  type PrivateKeyFile,
} from '../src/main/bundles/keys'
import { addTrustedKey, trustStoreLookup } from '../src/main/store/trust-store'
import { openStore } from '../src/main/store/open-store'
import { withCompactHeap } from '../src/main/heap-policy'

/**
 * One phase of the bundle benchmark, run in its own process so its peak memory (maxRSS) is its own.
 * Prints one JSON line: { ms, peakMb }. verify: what `bundle verify` does (every check, the operations
 * counted); read: the same checks as an import makes them, keeping the operations for its preview and
 * apply; apply: the import after that reading.
 */
export async function runBundlePhase(phase: string, args: Record<string, string>): Promise<void> {
  const key = parseKeyFile(privateKeyFileSchema, fs.readFileSync(args.key, 'utf8'), args.key)
  // Reading and applying an update run with the heap kept compact, as the app runs them.
  await withCompactHeap(() => runPhase(phase, args, key))
}

async function runPhase(phase: string, args: Record<string, string>, key: PrivateKeyFile): Promise<void> {
  const start = performance.now()
  if (phase === 'create') {
    fs.writeFileSync(args.bundle, await createBundle({ key, fromDir: args.from, sequence: 1 }))
  } else {
    const store = openStore(args.db)
    addTrustedKey(store.db, publicPartOf(key))
    const verifyStart = performance.now()
    if (phase === 'verify') {
      await checkBundle(fs.readFileSync(args.bundle), trustStoreLookup(store.db))
      report(performance.now() - verifyStart)
      store.close()
      return
    }
    const bundle = await readVerifiedBundle(fs.readFileSync(args.bundle), trustStoreLookup(store.db))
    if (phase === 'apply') {
      const applyStart = performance.now()
      applyImport(store.db, bundle, { confirmed: true, recordChanges: args.record !== 'no' })
      report(performance.now() - applyStart)
      bundle.operations.discard()
      store.close()
      return
    }
    report(performance.now() - verifyStart)
    bundle.operations.discard()
    store.close()
    return
  }
  report(performance.now() - start)
}

function report(ms: number): void {
  const peakMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), peakMb: Math.round(peakMb) })}\n`)
}
