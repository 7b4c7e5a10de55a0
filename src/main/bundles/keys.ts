import crypto from 'node:crypto'
import { z } from 'zod'
import { SAFE_TEXT } from '../../shared/text-safety'
import { UserError } from '../user-error'

/**
 * Ed25519 publisher keys. A key's id is its fingerprint: the SHA-256 of the raw 32-byte public key, in
 * hex. Key files are JSON so a person can read who a key belongs to and until when it is valid.
 */
const isoInstant = z.iso.datetime({ offset: true })
const fingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a fingerprint is 64 hexadecimal characters')

export const publicKeyFileSchema = z.strictObject({
  format: z.literal('sanctions-briefing-public-key'),
  algorithm: z.literal('ed25519'),
  // One line of plain text: a publisher name must not be able to forge lines of the trust prompt.
  publisher: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\n\r]*$/, 'the publisher is one line')
    .regex(SAFE_TEXT, 'the publisher contains a control or bidirectional-override character'),
  keyId: fingerprintSchema,
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'an Ed25519 public key is 32 bytes in base64url'),
  created: isoInstant,
  expires: isoInstant,
})
export type PublicKeyFile = z.output<typeof publicKeyFileSchema>

export const privateKeyFileSchema = publicKeyFileSchema.extend({
  format: z.literal('sanctions-briefing-private-key'),
  privateKey: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
})
export type PrivateKeyFile = z.output<typeof privateKeyFileSchema>

export function fingerprintOf(rawPublicKeyBase64url: string): string {
  return crypto.createHash('sha256').update(Buffer.from(rawPublicKeyBase64url, 'base64url')).digest('hex')
}

/** "ab12 cd34 …": how a fingerprint is shown to a person comparing it over the phone. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)!.join(' ')
}

/** Accepts a fingerprint as typed or pasted: any case, spaces or colons between groups. */
export function normaliseFingerprint(input: string): string {
  return input.replace(/[\s:]/g, '').toLowerCase()
}

export function generateKeyPair(publisher: string, validDays: number, now: Date = new Date()) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519')
  const raw = publicKey.export({ format: 'jwk' }).x!
  const common = {
    algorithm: 'ed25519' as const,
    publisher,
    keyId: fingerprintOf(raw),
    publicKey: raw,
    created: now.toISOString(),
    expires: new Date(now.getTime() + validDays * 86_400_000).toISOString(),
  }
  const publicFile: PublicKeyFile = { format: 'sanctions-briefing-public-key', ...common }
  const privateFile: PrivateKeyFile = {
    format: 'sanctions-briefing-private-key',
    ...common,
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  }
  return { publicFile, privateFile }
}

/** Parses a key file's text, naming the field that is wrong. */
export function parseKeyFile<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new UserError(`${what} is not a key file (not JSON).`, 'invalid', 'KeyFileError')
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UserError(
      `${what} is not a valid key file: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
      'invalid',
      'KeyFileError',
    )
  }
  return parsed.data
}

export function parsePublicKeyFile(text: string, what = 'The public key file'): PublicKeyFile {
  const key = parseKeyFile(publicKeyFileSchema, text, what)
  if (fingerprintOf(key.publicKey) !== key.keyId)
    throw new UserError(`${what}: its keyId does not match its public key.`, 'invalid', 'KeyFileError')
  return key
}

export function signBytes(privateFile: PrivateKeyFile, bytes: Buffer): string {
  return crypto.sign(null, bytes, crypto.createPrivateKey(privateFile.privateKey)).toString('base64')
}

export function verifyBytes(rawPublicKeyBase64url: string, bytes: Buffer, signatureBase64: string): boolean {
  const key = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: rawPublicKeyBase64url },
    format: 'jwk',
  })
  const signature = Buffer.from(signatureBase64, 'base64')
  if (signature.length !== 64) return false
  return crypto.verify(null, bytes, key, signature)
}

/** The public half of a private key file, as the matching .pub file holds it. */
export function publicPartOf(key: Omit<PublicKeyFile, 'format'>): PublicKeyFile {
  return {
    format: 'sanctions-briefing-public-key',
    algorithm: key.algorithm,
    publisher: key.publisher,
    keyId: key.keyId,
    publicKey: key.publicKey,
    created: key.created,
    expires: key.expires,
  }
}
