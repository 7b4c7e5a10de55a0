import fs from 'node:fs'
import path from 'node:path'
import { ensureDefaultDataset } from '../src/main/dataset/load-dataset'
import type { SourceFormat } from '../src/main/importers/source-entry'
import { applyUpdate, previewUpdate } from '../src/main/services/update-services'
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
 * A published list written to `fileName`, previewed and applied on a fresh default store through the
 * services the app calls for both: the app's Apply reads the staged file afresh, as a separate call, so
 * it is timed the same way.
 */
export async function benchListImport(
  dir: string,
  fileName: string,
  text: string,
  format: SourceFormat,
): Promise<ListImportTimes> {
  const file = path.join(dir, fileName)
  fs.writeFileSync(file, text)
  const bytes = fs.readFileSync(file)
  const store = openStore(path.join(dir, `${format}-store.sqlite`))
  try {
    ensureDefaultDataset(store)
    let started = performance.now()
    await previewUpdate(store, bytes, fileName, { format })
    const previewMs = Math.round(performance.now() - started)
    started = performance.now()
    const result = await applyUpdate(store, bytes, fileName, true, { format })
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
