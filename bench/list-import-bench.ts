import fs from 'node:fs'
import path from 'node:path'
import { applyPending, discardPending, previewPending } from '../src/main/bundles/import-bundle'
import { ensureDefaultDataset } from '../src/main/dataset/load-dataset'
import { pendingFromSource } from '../src/main/importers/source-update'
import type { SourceFormat } from '../src/main/importers/source-entry'
import { openStore } from '../src/main/store/open-store'

/** What every list import benchmark reports. */
export interface ListImportFigures {
  bytes: number
  previewMs: number
  applyMs: number
  entitiesAdded: number
  /** This process's peak: run alone (`--child csl|ftm`), it is the import's own. */
  peakMb: number
}

export interface ListImportTimes {
  figures: ListImportFigures
  /** New records of each type the apply added. */
  added: (type: string) => number
}

/**
 * A published list written to `fileName`, previewed and applied on a fresh default store as the app does
 * both: the app's Apply reads the staged file afresh, as a separate call, so it is timed the same way.
 */
export function benchListImport(
  dir: string,
  fileName: string,
  text: string,
  format: SourceFormat,
): ListImportTimes {
  const file = path.join(dir, fileName)
  fs.writeFileSync(file, text)
  const bytes = fs.readFileSync(file)
  const store = openStore(path.join(dir, `${format}-store.sqlite`))
  try {
    ensureDefaultDataset(store)
    let started = performance.now()
    const preview = pendingFromSource(store.db, bytes, fileName, format)
    previewPending(store.db, preview)
    discardPending(preview)
    const previewMs = Math.round(performance.now() - started)
    started = performance.now()
    const update = pendingFromSource(store.db, bytes, fileName, format)
    const result = applyPending(store.db, update, { confirmed: true })
    discardPending(update)
    const applyMs = Math.round(performance.now() - started)
    const added = (type: string) => result.preview.counts.find((c) => c.type === type)?.new ?? 0
    const figures = {
      bytes: bytes.length,
      previewMs,
      applyMs,
      entitiesAdded: added('entity'),
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }
    return { figures, added }
  } finally {
    store.close()
  }
}
