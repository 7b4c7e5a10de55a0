import type { Publication, PublicKeyExport, PublishingState, SigningKey } from '../../shared/local-edits'
import { slug } from '../../shared/slug'
import { encryptedPrivateKeyFileSchema, encryptPrivateKey, readPrivateKey } from '../bundles/key-encryption'
import { generateKeyPair, publicPartOf } from '../bundles/keys'
import { editsToPublish, publishLocalEdits } from '../edits/publish-edits'
import type { Store } from '../store/open-store'
import { encryptedSigningKey, keepSigningKey, listPublications, listSigningKeys } from '../store/publications'
import { UserError } from '../user-error'

/** How long a key made in the app is valid. */
const KEY_VALID_DAYS = 730

export function publishingState(store: Store): PublishingState {
  return {
    keys: listSigningKeys(store.db),
    unpublished: editsToPublish(store.db),
    publications: listPublications(store.db),
  }
}

function publicKeyExport(publicFile: { publisher: string; keyId: string }, text: string): PublicKeyExport {
  return { fileName: `${slug(publicFile.publisher, 'publisher')}-${publicFile.keyId.slice(0, 8)}.pub`, text }
}

/** Makes a key pair; the private key is kept in the store only encrypted with the passphrase. */
export function createSigningKey(
  store: Store,
  publisher: string,
  passphrase: string,
): { key: SigningKey; publicKey: PublicKeyExport } {
  const { publicFile, privateFile } = generateKeyPair(publisher, KEY_VALID_DAYS)
  const encrypted = encryptPrivateKey(privateFile, passphrase)
  const key: SigningKey = {
    keyId: publicFile.keyId,
    publisher: publicFile.publisher,
    created: publicFile.created,
    expires: publicFile.expires,
  }
  keepSigningKey(store.db, key, JSON.stringify(encrypted))
  return { key, publicKey: publicKeyExport(publicFile, `${JSON.stringify(publicFile, null, 2)}\n`) }
}

function encryptedKey(store: Store, keyId: string): string {
  const encrypted = encryptedSigningKey(store.db, keyId)
  if (!encrypted)
    throw new UserError(`There is no key ${keyId.slice(0, 8)}… in this store.`, 'not-found', 'KeyNotFound')
  return encrypted
}

export function exportPublicKey(store: Store, keyId: string): PublicKeyExport {
  const publicFile = publicPartOf(encryptedPrivateKeyFileSchema.parse(JSON.parse(encryptedKey(store, keyId))))
  return publicKeyExport(publicFile, `${JSON.stringify(publicFile, null, 2)}\n`)
}

/** Signs the local edits not yet published with a key of the store, unlocked by its passphrase. */
export async function publish(
  store: Store,
  keyId: string,
  passphrase: string,
  chosen: { since?: number; editIds?: number[] } = {},
): Promise<{ fileName: string; base64: string; publication: Publication }> {
  const key = readPrivateKey(encryptedKey(store, keyId), `The key ${keyId.slice(0, 8)}…`, passphrase)
  const { bytes, publication } = await publishLocalEdits(store.db, { key, ...chosen })
  return { fileName: publication.fileName, base64: bytes.toString('base64'), publication }
}
