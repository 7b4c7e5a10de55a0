import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Runs the built CLI synchronously and returns its standard output (throws on a non-zero exit). */
export function cli(dbPath: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['out/main/cli.js', '--db', dbPath, ...args], { encoding: 'utf8' })
}

/** Starts the built CLI without waiting for it. */
export function spawnCli(dbPath: string, ...args: string[]) {
  return spawn(process.execPath, ['out/main/cli.js', '--db', dbPath, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Makes a publisher key and a signed bundle from operations; returns the files. */
export function publishBundle(dir: string, dbPath: string, operations: unknown[], sequence = 1) {
  const keys = path.join(dir, 'keys')
  if (!fs.existsSync(keys)) cli(dbPath, 'keygen', '--out', keys, '--publisher', 'Example Ministry')
  const privateKey = path.join(
    keys,
    fs.readdirSync(keys).find((f) => f.endsWith('.key'))!,
  )
  const from = path.join(dir, `payload-${sequence}`)
  fs.mkdirSync(from, { recursive: true })
  fs.writeFileSync(
    path.join(from, 'changes.jsonl'),
    operations.map((op) => JSON.stringify(op)).join('\n') + '\n',
  )
  const bundle = path.join(dir, `update-${sequence}.sbb`)
  cli(
    dbPath,
    'bundle',
    'create',
    '--key',
    privateKey,
    '--from',
    from,
    '--sequence',
    String(sequence),
    '--out',
    bundle,
  )
  return { bundle, publicKey: privateKey.replace(/\.key$/, '.pub') }
}

export const SAMPLE_OPERATIONS = [
  {
    op: 'upsert',
    type: 'source',
    record: {
      id: 'e2e-source',
      publication: 'E2E Gazette',
      reliability: 'primary',
      url: 'https://example.org/e2e',
    },
  },
  {
    op: 'upsert',
    type: 'entity',
    record: {
      id: 'e2e-entity',
      name: 'Example Optics Ltd.',
      originalName: '示例光学有限公司',
      type: 'company',
      country: 'CN',
      sources: [{ source: 'e2e-source', supports: 'name' }],
    },
  },
  { op: 'correct', type: 'entity', id: 'yixin', field: 'notes', value: 'Corrected in the end-to-end test.' },
]
