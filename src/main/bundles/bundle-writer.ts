import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type yazl from 'yazl'
import { lazyModule } from '../lazy-module'
import {
  BUNDLE_FORMAT_VERSION,
  MANIFEST_PATH,
  PAYLOAD_PATH,
  SIGNATURE_PATH,
  type Manifest,
} from './bundle-format'
import { parsePayloadLines } from './payload-lines'
import { signBytes, type PrivateKeyFile } from './keys'

const zipWriter = lazyModule<typeof yazl>('yazl')

export interface CreateBundleOptions {
  key: PrivateKeyFile
  /** A folder of *.jsonl payload files, one operation per line. */
  fromDir: string
  sequence: number
  /** The date the data describes; default today. */
  dataAsOf?: string
  /** Default: 90 days after creation. */
  expires?: Date
  now?: Date
}

/**
 * Builds a signed bundle from a folder of JSON Lines files. Every line is checked with the same schema
 * an importer uses, so a publisher learns of a mistake before sending the file to anyone.
 */
export async function createBundle(options: CreateBundleOptions): Promise<Buffer> {
  const now = options.now ?? new Date()
  const files = fs
    .readdirSync(options.fromDir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
  if (files.length === 0) throw new Error(`${options.fromDir} holds no .jsonl payload files.`)
  const payloads: { path: string; content: Buffer }[] = files.map((name) => {
    const zipPath = `payload/${name}`
    if (!PAYLOAD_PATH.test(zipPath)) {
      throw new Error(
        `${name}: payload file names use lower-case letters, digits, "-" and "_", and end in .jsonl.`,
      )
    }
    const content = fs.readFileSync(path.join(options.fromDir, name))
    parsePayloadLines(name, content)
    return { path: zipPath, content }
  })
  return packBundle({ ...options, now, payloads })
}

/** Builds a signed bundle of operations given in memory (a store's local edits), checked line by line. */
export async function createBundleOfOperations(
  options: Omit<CreateBundleOptions, 'fromDir'> & { operations: object[]; payloadName: string },
): Promise<Buffer> {
  const content = Buffer.from(
    options.operations.map((operation) => `${JSON.stringify(operation)}\n`).join(''),
  )
  const name = `${options.payloadName}.jsonl`
  parsePayloadLines(name, content)
  return packBundle({ ...options, payloads: [{ path: `payload/${name}`, content }] })
}

export interface PackOptions {
  key: PrivateKeyFile
  payloads: { path: string; content: Buffer }[]
  sequence: number
  dataAsOf?: string
  expires?: Date
  now?: Date
}

/** Signs and zips payloads as given, without checking their lines (createBundle checks them first). */
export async function packBundle(options: PackOptions): Promise<Buffer> {
  const now = options.now ?? new Date()
  const payloads = options.payloads
  const manifest: Manifest = {
    format: 'sanctions-briefing-bundle',
    formatVersion: BUNDLE_FORMAT_VERSION,
    publisher: options.key.publisher,
    keyId: options.key.keyId,
    sequence: options.sequence,
    created: now.toISOString(),
    expires: (options.expires ?? new Date(now.getTime() + 90 * 86_400_000)).toISOString(),
    dataAsOf: options.dataAsOf ?? now.toISOString().slice(0, 10),
    payloads: payloads.map((payload) => ({
      path: payload.path,
      size: payload.content.length,
      sha256: crypto.createHash('sha256').update(payload.content).digest('hex'),
    })),
  }
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
  const signature = {
    algorithm: 'ed25519',
    keyId: options.key.keyId,
    signature: signBytes(options.key, manifestBytes),
  }
  const zip = new (zipWriter().ZipFile)()
  const mtime = new Date(now)
  zip.addBuffer(manifestBytes, MANIFEST_PATH, { mtime, mode: 0o100644 })
  zip.addBuffer(Buffer.from(`${JSON.stringify(signature)}\n`), SIGNATURE_PATH, { mtime, mode: 0o100644 })
  for (const payload of payloads) zip.addBuffer(payload.content, payload.path, { mtime, mode: 0o100644 })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
