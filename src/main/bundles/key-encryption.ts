import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { MIN_PASSPHRASE_LENGTH } from '../../shared/local-edits'
import { UserError } from '../user-error'
import { parseKeyFile, privateKeyFileSchema, publicKeyFileSchema, type PrivateKeyFile } from './keys'

/**
 * A private key kept encrypted with a passphrase: scrypt (Node's own, RFC 7914) derives an AES-256-GCM
 * key from it; GCM's tag makes a wrong passphrase, or a changed file, fail instead of giving a wrong key.
 * The public fields stay readable, so a person can still see whose key it is.
 */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const
/** scrypt needs 128 · N · r bytes; Node refuses more than 32 MB unless told. */
const SCRYPT_MAX_MEMORY = 256 * 1024 * 1024

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')

export const encryptedPrivateKeyFileSchema = publicKeyFileSchema.extend({
  format: z.literal('sanctions-briefing-encrypted-private-key'),
  encryption: z.strictObject({
    kdf: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
    cipher: z.literal('aes-256-gcm'),
    iv: base64,
    tag: base64,
  }),
  encryptedPrivateKey: base64,
})
export type EncryptedPrivateKeyFile = z.output<typeof encryptedPrivateKeyFileSchema>

/** Refuses a passphrase too short to stand up to guessing, naming where it came from. */
export function checkNewPassphrase(passphrase: string, what: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new UserError(
      `${what}: a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters is needed.`,
      'invalid',
      'PassphraseError',
    )
}

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: SCRYPT_MAX_MEMORY })
}

export function encryptPrivateKey(key: PrivateKeyFile, passphrase: string): EncryptedPrivateKeyFile {
  const salt = crypto.randomBytes(16)
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', derive(passphrase, salt, SCRYPT), iv)
  const { privateKey, ...publicFields } = key
  const encrypted = Buffer.concat([cipher.update(privateKey, 'utf8'), cipher.final()])
  return {
    ...publicFields,
    format: 'sanctions-briefing-encrypted-private-key',
    encryption: {
      kdf: 'scrypt',
      ...SCRYPT,
      salt: salt.toString('base64'),
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    encryptedPrivateKey: encrypted.toString('base64'),
  }
}

export function decryptPrivateKey(
  file: EncryptedPrivateKeyFile,
  passphrase: string,
  what: string,
): PrivateKeyFile {
  const { encryption, encryptedPrivateKey, ...publicFields } = file
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    derive(passphrase, Buffer.from(encryption.salt, 'base64'), encryption),
    Buffer.from(encryption.iv, 'base64'),
  )
  decipher.setAuthTag(Buffer.from(encryption.tag, 'base64'))
  let pem: string
  try {
    pem = Buffer.concat([
      decipher.update(Buffer.from(encryptedPrivateKey, 'base64')),
      decipher.final(),
    ]).toString('utf8')
  } catch {
    throw new UserError(
      `${what}: the passphrase is wrong (or the key file was changed). Nothing was signed.`,
      'invalid',
      'PassphraseError',
    )
  }
  return privateKeyFileSchema.parse({
    ...publicFields,
    format: 'sanctions-briefing-private-key',
    privateKey: pem,
  })
}

const KIND_OF_FILE: Record<string, string> = {
  'sanctions-briefing-public-key': 'a public key file: signing needs the private key file (.key)',
}

/**
 * A private key file's text, plain or encrypted, as the key to sign with. An encrypted one needs its
 * passphrase; a public key or anything else is refused, naming the file and what it is.
 */
export function readPrivateKey(text: string, what: string, passphrase: string | null): PrivateKeyFile {
  // Which kind of key file it says it is; parseKeyFile then names any field that is wrong.
  const format = parseKeyFile(z.object({ format: z.unknown() }), text, what).format
  if (format === 'sanctions-briefing-private-key') return parseKeyFile(privateKeyFileSchema, text, what)
  if (format !== 'sanctions-briefing-encrypted-private-key') {
    const kind = typeof format === 'string' ? KIND_OF_FILE[format] : undefined
    throw new UserError(
      `${what} is ${kind ?? 'not a private key file of this app'}.`,
      'invalid',
      'KeyFileError',
    )
  }
  const encrypted = parseKeyFile(encryptedPrivateKeyFileSchema, text, what)
  if (passphrase === null)
    throw new UserError(
      `${what} is encrypted: give its passphrase (on the command line --passphrase-file FILE).`,
      'invalid',
      'PassphraseError',
    )
  return decryptPrivateKey(encrypted, passphrase, what)
}

/** A passphrase kept in a file (one line; the line end is not part of it). */
export function readPassphraseFile(file: string): string {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new UserError(
      `Cannot read the passphrase file ${path.resolve(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'invalid',
      'PassphraseError',
    )
  }
  const passphrase = text.replace(/\r?\n$/, '')
  if (passphrase === '')
    throw new UserError(`The passphrase file ${path.resolve(file)} is empty.`, 'invalid', 'PassphraseError')
  return passphrase
}
