import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const DATASET_FILE = 'default-dataset.json'

/**
 * The resources folder. Source files (tests), the built CLI (out/main) and the packaged app sit at
 * different depths, so walk up from this module until the folder is found; SANCTIONS_BRIEFING_RESOURCES
 * or an explicit argument (the Electron shell passes process.resourcesPath) wins.
 */
export function resourcesDir(explicit?: string): string {
  const override = explicit ?? process.env.SANCTIONS_BRIEFING_RESOURCES
  if (override) return override
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 6; depth++) {
    const candidate = path.join(dir, 'resources')
    if (fs.existsSync(path.join(candidate, DATASET_FILE))) return candidate
    dir = path.dirname(dir)
  }
  throw new Error(`Could not find the resources folder (with ${DATASET_FILE}) above ${import.meta.url}`)
}

export function defaultDatasetPath(explicitResourcesDir?: string): string {
  return path.join(resourcesDir(explicitResourcesDir), DATASET_FILE)
}
