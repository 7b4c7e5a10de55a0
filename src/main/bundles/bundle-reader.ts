import crypto from 'node:crypto'
import { pipeline, type Readable } from 'node:stream'
import zlib from 'node:zlib'
import type yauzl from 'yauzl'
import { lazyModule } from '../lazy-module'
import { BundleError } from './bundle-error'
import {
  BUNDLE_LIMITS,
  MANIFEST_PATH,
  manifestSchema,
  PAYLOAD_PATH,
  SIGNATURE_PATH,
  signatureSchema,
  type LocatedOperation,
  type Manifest,
} from './bundle-format'
import { verifyBytes, type PublicKeyFile } from './keys'
import { OperationSpool } from './operation-spool'
import { PayloadLineParser } from './payload-lines'
import { checkZipLayout } from './zip-layout'

/** Finds a trusted key by its fingerprint; null when the key is unknown or was removed. */
export type KeyLookup = (keyId: string) => PublicKeyFile | null

/** A verified bundle with its operations, ready for a preview and an import. */
export interface VerifiedBundle extends BundleIdentity {
  operations: OperationSpool
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const UTF8 = new TextDecoder('utf-8', { fatal: true })
const zipReader = lazyModule<typeof yauzl>('yauzl')

/** What verifying a bundle establishes, whether or not its operations are kept. */
export interface BundleIdentity {
  /** SHA-256 of the signed manifest bytes: the bundle's identity for "already imported". */
  bundleId: string
  manifest: Manifest
  key: PublicKeyFile
  expired: boolean
  warnings: string[]
}

/**
 * Verifies a bundle completely and keeps its operations, for a preview and an import (a large bundle's
 * in temporary files: call `operations.discard()` when done). Throws BundleError naming the first problem.
 */
export async function readVerifiedBundle(
  bytes: Buffer,
  findKey: KeyLookup,
  now: Date = new Date(),
): Promise<VerifiedBundle> {
  const operations = new OperationSpool()
  try {
    const identity = await verifyBundle(bytes, findKey, now, (located) => operations.add(located))
    return { ...identity, operations }
  } catch (error) {
    operations.discard()
    throw error
  }
}

/**
 * The same checks as readVerifiedBundle, every line included, for `bundle verify` and `bundle create`:
 * the operations are counted, not kept (keeping 220,000 of them is most of the memory and a third of
 * the time of reading a 100,000-entity bundle).
 */
export async function checkBundle(
  bytes: Buffer,
  findKey: KeyLookup,
  now: Date = new Date(),
): Promise<BundleIdentity & { operationCount: number }> {
  let operationCount = 0
  const identity = await verifyBundle(bytes, findKey, now, () => operationCount++)
  return { ...identity, operationCount }
}

/**
 * Verifies a bundle completely before anything may use it: container limits, entry names, the manifest
 * signature (before any payload is touched), each payload's hash (before it is parsed), then every line,
 * each handed to `take` once it is valid, and no record defined twice.
 */
async function verifyBundle(
  bytes: Buffer,
  findKey: KeyLookup,
  now: Date,
  take: (located: LocatedOperation) => void,
): Promise<BundleIdentity> {
  if (bytes.length > BUNDLE_LIMITS.maxFileBytes) {
    throw new BundleError(
      'too-large',
      `The file is ${bytes.length} bytes; bundles are limited to ${BUNDLE_LIMITS.maxFileBytes}.`,
    )
  }
  const zip = await openZip(bytes)
  try {
    const entries = await listEntries(zip)
    checkZipLayout(bytes, [...entries.values()])
    const signatureEntry = entries.get(SIGNATURE_PATH)
    const manifestEntry = entries.get(MANIFEST_PATH)
    if (!manifestEntry)
      throw new BundleError('not-a-bundle', `The file has no ${MANIFEST_PATH}: it is not an update bundle.`)
    if (!signatureEntry)
      throw new BundleError('unsigned', `The bundle is not signed (it has no ${SIGNATURE_PATH}).`)

    const manifestBytes = await readEntry(zip, manifestEntry, BUNDLE_LIMITS.maxManifestBytes)
    const key = checkSignature(await readEntry(zip, signatureEntry, 4096), manifestBytes, findKey, now)
    const manifest = parseManifest(manifestBytes, key)
    checkPayloadList(manifest, entries)

    const definitions = new DefinedRecords()
    // Each payload is read twice, streamed: once to check its size and hash, then, only if they match,
    // again to parse it. Never held whole, a 60 MB payload costs no 60 MB buffer and 120 MB string.
    for (const payload of manifest.payloads) {
      const entry = entries.get(payload.path)!
      const hash = crypto.createHash('sha256')
      const size = await streamEntry(zip, entry, payload.size, (chunk) => hash.update(chunk))
      if (size !== payload.size || hash.digest('hex') !== payload.sha256) {
        throw new BundleError(
          'tampered',
          `${payload.path} was altered after signing: its size or SHA-256 does not match the manifest.`,
        )
      }
      const parser = new PayloadLineParser(payload.path, (located) => {
        definitions.note(located)
        take(located)
      })
      await streamEntry(zip, entry, payload.size, (chunk) => parser.push(chunk))
      parser.end()
    }
    definitions.checkNoneTwice()

    const expired = Date.parse(manifest.expires) < now.getTime()
    const warnings = expired
      ? [`This bundle expired on ${manifest.expires}; its data may be out of date.`]
      : []
    return {
      bundleId: crypto.createHash('sha256').update(manifestBytes).digest('hex'),
      manifest,
      key,
      expired,
      warnings,
    }
  } finally {
    zip.close()
  }
}

async function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  try {
    return await zipReader().fromBufferPromise(bytes, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: true,
      decodeStrings: true,
    })
  } catch (error) {
    throw new BundleError(
      'not-a-bundle',
      `The file is not an update bundle, or it is truncated or damaged (${(error as Error).message}).`,
    )
  }
}

function describeName(name: string): string {
  return JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name)
}

/** Reads the central directory, refusing unsafe names, links, devices, duplicates and bomb-like sizes. */
async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>()
  let totalBytes = 0
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.removeAllListeners()
      reject(
        error instanceof BundleError
          ? error
          : new BundleError('not-a-bundle', `The bundle is damaged (${(error as Error).message}).`),
      )
    }
    zip.on('error', fail)
    zip.on('end', () => resolve(entries))
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const name = entry.fileName
        const unixMode = (entry.externalFileAttributes >>> 16) & S_IFMT
        if (unixMode === S_IFDIR || name.endsWith('/'))
          throw new BundleError(
            'unsafe-entry',
            `The bundle holds a folder entry ${describeName(name)}; bundles hold files only.`,
          )
        if (unixMode !== 0 && unixMode !== S_IFREG) {
          throw new BundleError(
            'unsafe-entry',
            `The bundle entry ${describeName(name)} is a link or device, not a plain file.`,
          )
        }
        if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && !PAYLOAD_PATH.test(name)) {
          throw new BundleError(
            'unsafe-entry',
            `The bundle holds an entry with a name that is not allowed: ${describeName(name)}.`,
          )
        }
        if (entries.has(name))
          throw new BundleError('unsafe-entry', `The bundle holds ${describeName(name)} twice.`)
        if (entries.size + 1 > BUNDLE_LIMITS.maxEntries) {
          throw new BundleError(
            'too-large',
            `The bundle holds more than ${BUNDLE_LIMITS.maxEntries} entries.`,
          )
        }
        totalBytes += entry.uncompressedSize
        if (totalBytes > BUNDLE_LIMITS.maxTotalBytes) {
          throw new BundleError(
            'too-large',
            `The bundle unpacks to more than ${BUNDLE_LIMITS.maxTotalBytes} bytes.`,
          )
        }
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
        if (entry.uncompressedSize > 1024 * 1024 && ratio > BUNDLE_LIMITS.maxCompressionRatio) {
          throw new BundleError(
            'too-large',
            `${describeName(name)} expands ${Math.round(ratio)} times: it looks like a zip bomb.`,
          )
        }
        entries.set(name, entry)
        zip.readEntry()
      } catch (error) {
        fail(error)
      }
    })
    zip.readEntry()
  })
}

/** Reads one entry fully, never more than `limit` bytes whatever its header claims. */
async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  await streamEntry(zip, entry, limit, (chunk) => chunks.push(chunk))
  return Buffer.concat(chunks)
}

/**
 * Hands one entry's bytes to `take` as they are inflated, never more than `limit` bytes whatever its
 * header claims; returns how many there were. A BundleError thrown by `take` stops the reading.
 */
async function streamEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limit: number,
  take: (chunk: Buffer) => void,
): Promise<number> {
  if (entry.uncompressedSize > limit) {
    throw new BundleError(
      'too-large',
      `${describeName(entry.fileName)} is larger than allowed (${limit} bytes).`,
    )
  }
  let stream: Readable
  try {
    stream = await openEntryData(zip, entry)
  } catch (error) {
    throw new BundleError(
      'not-a-bundle',
      `${describeName(entry.fileName)} cannot be read (${(error as Error).message}).`,
    )
  }
  let size = 0
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length
      if (size > limit)
        throw new BundleError(
          'too-large',
          `${describeName(entry.fileName)} is larger than allowed (${limit} bytes).`,
        )
      take(chunk as Buffer)
    }
    if (size !== entry.uncompressedSize) throw new Error('its size does not match its header')
  } catch (error) {
    stream.destroy()
    if (error instanceof BundleError) throw error
    throw new BundleError(
      'not-a-bundle',
      `${describeName(entry.fileName)} is damaged (${(error as Error).message}).`,
    )
  }
  return size
}

/** Inflated in 1 MB pieces: yauzl's own inflater hands back 16 kB at a time, which doubled the time. */
const INFLATE_CHUNK_BYTES = 1024 * 1024

/** An entry's bytes as stored, inflated by us; encrypted entries and other compressions are refused. */
async function openEntryData(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  if (entry.isEncrypted()) throw new Error('it is encrypted')
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new Error(`it uses compression method ${entry.compressionMethod}; bundles use deflate`)
  const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false })
  if (entry.compressionMethod === 0) return raw
  // pipeline: an error on either side ends the stream being read with that error.
  return pipeline(raw, zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES }), () => {})
}

function parseJson(bytes: Buffer, what: string, refusal: 'invalid-manifest' | 'bad-signature'): unknown {
  try {
    return JSON.parse(UTF8.decode(bytes))
  } catch (error) {
    throw new BundleError(refusal, `${what} is not valid UTF-8 JSON (${(error as Error).message}).`)
  }
}

function checkSignature(
  signatureBytes: Buffer,
  manifestBytes: Buffer,
  findKey: KeyLookup,
  now: Date,
): PublicKeyFile {
  const parsed = signatureSchema.safeParse(parseJson(signatureBytes, SIGNATURE_PATH, 'bad-signature'))
  if (!parsed.success)
    throw new BundleError(
      'bad-signature',
      `${SIGNATURE_PATH} is malformed: ${parsed.error.issues[0].message}.`,
    )
  const key = findKey(parsed.data.keyId)
  if (!key) {
    throw new BundleError(
      'unknown-key',
      `The bundle is signed with key ${parsed.data.keyId}, which is not in your trust store (unknown, or removed).`,
    )
  }
  if (Date.parse(key.expires) < now.getTime()) {
    throw new BundleError(
      'expired-key',
      `The bundle is signed with ${key.publisher}'s key ${key.keyId}, which expired on ${key.expires}.`,
    )
  }
  if (!verifyBytes(key.publicKey, manifestBytes, parsed.data.signature)) {
    throw new BundleError(
      'bad-signature',
      `The signature does not match the manifest: the bundle was altered or forged.`,
    )
  }
  return key
}

function parseManifest(manifestBytes: Buffer, key: PublicKeyFile): Manifest {
  const parsed = manifestSchema.safeParse(parseJson(manifestBytes, MANIFEST_PATH, 'invalid-manifest'))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BundleError(
      'invalid-manifest',
      `${MANIFEST_PATH}: ${issue.path.join('.') || '(manifest)'}: ${issue.message}.`,
    )
  }
  if (parsed.data.keyId !== key.keyId)
    throw new BundleError('bad-signature', 'The manifest names a different key than its signature.')
  if (parsed.data.publisher !== key.publisher) {
    throw new BundleError(
      'bad-signature',
      `The manifest names publisher "${parsed.data.publisher}" but the key belongs to "${key.publisher}".`,
    )
  }
  return parsed.data
}

function checkPayloadList(manifest: Manifest, entries: Map<string, yauzl.Entry>): void {
  const listed = new Set<string>()
  for (const payload of manifest.payloads) {
    if (listed.has(payload.path))
      throw new BundleError('invalid-manifest', `${MANIFEST_PATH} lists ${payload.path} twice.`)
    listed.add(payload.path)
    if (!entries.has(payload.path))
      throw new BundleError(
        'tampered',
        `${MANIFEST_PATH} lists ${payload.path}, which is missing from the bundle.`,
      )
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && !listed.has(name)) {
      throw new BundleError(
        'tampered',
        `The bundle holds ${describeName(name)}, which its manifest does not list.`,
      )
    }
  }
}

/** The records a bundle's upserts define, by type, with where, to refuse one defined twice. */
class DefinedRecords {
  private readonly byType = new Map<string, { ids: string[]; files: string[]; lines: number[] }>()

  note({ operation, file, line }: LocatedOperation): void {
    if (operation.op !== 'upsert') return
    let defined = this.byType.get(operation.type)
    if (!defined) this.byType.set(operation.type, (defined = { ids: [], files: [], lines: [] }))
    defined.ids.push(operation.record.id)
    defined.files.push(file)
    defined.lines.push(line)
  }

  checkNoneTwice(): void {
    // Sorted, equal ids sit side by side: for 200,000 ids several times faster than a Map of them (no
    // hashing of fresh strings, no table to grow). Where they were is looked up only for the message.
    for (const [type, defined] of this.byType) {
      const sorted = [...defined.ids].sort()
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i] !== sorted[i - 1]) continue
        const first = defined.ids.indexOf(sorted[i])
        const second = defined.ids.indexOf(sorted[i], first + 1)
        throw new BundleError(
          'invalid-payload',
          `${defined.files[second]} line ${defined.lines[second]}: ${type} "${sorted[i]}" is also defined at ${defined.files[first]} line ${defined.lines[first]}.`,
        )
      }
    }
  }
}
