import fs from 'node:fs'
import path from 'node:path'
import type { PendingUpdate } from '../bundles/import-bundle'
import { ImportError } from './import-error'

const PAYLOAD_FILES = [
  ['source', 'sources'],
  ['round', 'rounds'],
  ['entity', 'entities'],
  ['designation', 'designations'],
  ['reaction', 'reactions'],
] as const

/**
 * Writes a converted list as bundle source files: one JSON Lines payload per record type, in the order
 * a bundle applies them, into an empty folder that `bundle create --from` signs as it is.
 */
export function writeBundleSources(dir: string, update: PendingUpdate): { dir: string; files: string[] } {
  const target = path.resolve(dir)
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory())
      throw new ImportError(`--out: "${target}" is a file, not a folder.`)
    if (fs.readdirSync(target).length > 0)
      throw new ImportError(`--out: "${target}" is not empty; give a new or empty folder.`)
  }
  fs.mkdirSync(target, { recursive: true })
  const byFile = new Map<string, string[]>()
  for (const { operation } of update.operations.inApplyOrder()) {
    // Numbered so `bundle create`, which reads files in name order, keeps sources before their users.
    const order = PAYLOAD_FILES.findIndex(([type]) => type === operation.type)
    const file = `${order + 1}-${PAYLOAD_FILES[order][1]}.jsonl`
    const lines = byFile.get(file) ?? []
    lines.push(JSON.stringify(operation))
    byFile.set(file, lines)
  }
  const files = [...byFile.keys()].sort()
  for (const file of files) fs.writeFileSync(path.join(target, file), `${byFile.get(file)!.join('\n')}\n`)
  return { dir: target, files }
}
