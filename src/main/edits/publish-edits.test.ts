import { describe, expect, it } from 'vitest'
import { writtenReactionSchema, type WrittenReactionInput } from '../../shared/local-edits'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import { encryptPrivateKey, readPrivateKey } from '../bundles/key-encryption'
import { generateKeyPair, publicPartOf } from '../bundles/keys'
import { listPublications } from '../store/publications'
import { readRecord } from '../store/read-record'
import { addTrustedKey, trustStoreLookup } from '../store/trust-store'
import { openDefaultStore } from '../test-support/default-store'
import { applyImport } from '../test-support/import-bundles'
import { useTempDir } from '../test-support/temp-dir'
import { editsToPublish, publishLocalEdits } from './publish-edits'
import { addWrittenReaction, deleteReaction, editWrittenReaction } from './written-reactions'

const tempDir = useTempDir()

const PARAPHRASE: WrittenReactionInput = {
  text: 'The company said it would study the listing.',
  textKind: 'paraphrase',
  organisation: 'Example Vision Co.',
  organisationKind: 'company',
  rounds: ['el-2020-06-85fr34503'],
  entities: ['cloudwalk'],
  source: { publication: 'Example Wire', date: '2020-06-06' },
}
const reaction = (change: Partial<WrittenReactionInput>) =>
  writtenReactionSchema.parse({ ...PARAPHRASE, ...change })

const PASSPHRASE = 'correct horse battery staple'

describe('publishing local edits as a signed bundle', () => {
  it('publishes what the edits did; another store importing it holds identical records', async () => {
    const office = openDefaultStore(tempDir())
    const colleague = openDefaultStore(tempDir())
    const { privateFile } = generateKeyPair('Export Desk', 30)
    // Kept encrypted, unlocked with its passphrase to sign.
    const key = readPrivateKey(JSON.stringify(encryptPrivateKey(privateFile, PASSPHRASE)), 'key', PASSPHRASE)
    addTrustedKey(colleague.db, publicPartOf(key))

    const kept = addWrittenReaction(office.db, reaction({ stance: 'neutral' }), 'A. Writer')
    const dropped = addWrittenReaction(
      office.db,
      reaction({ text: 'A statement later withdrawn.' }),
      'A. Writer',
    )
    deleteReaction(office.db, dropped.recordIds[1], 'A. Writer')
    const corrected = addWrittenReaction(
      office.db,
      reaction({ text: 'An analyst called it expected.' }),
      'B. Editor',
    )
    editWrittenReaction(
      office.db,
      corrected.recordIds[1],
      reaction({ text: 'An analyst called it long expected.', organisationKind: 'analyst' }),
      'B. Editor',
    )
    expect(editsToPublish(office.db)).toHaveLength(5)

    const first = await publishLocalEdits(office.db, { key })
    expect(first.publication).toMatchObject({
      sequence: 1,
      publisher: 'Export Desk',
      fileName: 'export-desk-1.sbb',
    })
    const bundle = await readVerifiedBundle(first.bytes, trustStoreLookup(colleague.db))
    const applied = applyImport(colleague.db, bundle, { confirmed: true })
    expect(applied.outcome).toBe('applied')

    // Every record the edits left is the same in both stores; the one added then deleted is in neither.
    const published = [kept, corrected].flatMap((result) => result.recordIds)
    const sourceOfCorrection = readRecord(office.db, 'reaction', corrected.recordIds[1])!.source
    for (const id of [...published, sourceOfCorrection]) {
      const type = id.startsWith('local-source-') ? 'source' : 'reaction'
      const mine = readRecord(office.db, type, id)
      if (mine === null) continue
      expect(readRecord(colleague.db, type, id), id).toEqual(mine)
    }
    expect(readRecord(colleague.db, 'reaction', corrected.recordIds[1])).toMatchObject({
      text: 'An analyst called it long expected.',
      organisationKind: 'analyst',
    })
    expect(readRecord(colleague.db, 'reaction', dropped.recordIds[1])).toBeNull()
    expect(readRecord(colleague.db, 'source', dropped.recordIds[0])).toBeNull()
    expect(readRecord(office.db, 'reaction', dropped.recordIds[1])).toBeNull()

    // Nothing new: refused. One more edit: the next sequence, holding only that edit.
    await expect(publishLocalEdits(office.db, { key })).rejects.toThrow('There are no local edits to publish')
    const later = addWrittenReaction(office.db, reaction({ text: 'A second statement.' }), 'A. Writer')
    const second = await publishLocalEdits(office.db, { key })
    expect(second.publication).toMatchObject({ sequence: 2, edits: [later.edit.id] })
    const next = await readVerifiedBundle(second.bytes, trustStoreLookup(colleague.db))
    expect(next.operations.count).toBe(2)
    expect(applyImport(colleague.db, next, { confirmed: true }).outcome).toBe('applied')
    expect(readRecord(colleague.db, 'reaction', later.recordIds[1])).toEqual(
      readRecord(office.db, 'reaction', later.recordIds[1]),
    )
    expect(listPublications(office.db).map((p) => p.sequence)).toEqual([2, 1])
    office.close()
    colleague.close()
  })

  it('refuses a wrong passphrase and a key file of the wrong kind, naming the file', () => {
    const { privateFile, publicFile } = generateKeyPair('Export Desk', 30)
    const encrypted = JSON.stringify(encryptPrivateKey(privateFile, PASSPHRASE))
    expect(readPrivateKey(encrypted, 'desk.key', PASSPHRASE).privateKey).toBe(privateFile.privateKey)
    expect(() => readPrivateKey(encrypted, 'desk.key', 'wrong horse battery')).toThrow(
      'desk.key: the passphrase is wrong (or the key file was changed). Nothing was signed.',
    )
    expect(() => readPrivateKey(encrypted, 'desk.key', null)).toThrow(
      'desk.key is encrypted: give its passphrase',
    )
    expect(() => readPrivateKey(JSON.stringify(publicFile), 'desk.pub', null)).toThrow(
      'desk.pub is a public key file: signing needs the private key file (.key).',
    )
    expect(() => readPrivateKey('{"format":"something-else"}', 'x.json', null)).toThrow(
      'x.json is not a private key file of this app.',
    )
    // The key file keeps no plain private key.
    expect(encrypted).not.toContain('PRIVATE KEY')
    const changed = JSON.parse(encrypted) as { encryptedPrivateKey: string }
    changed.encryptedPrivateKey = `A${changed.encryptedPrivateKey.slice(1)}`
    expect(() => readPrivateKey(JSON.stringify(changed), 'desk.key', PASSPHRASE)).toThrow(
      /passphrase is wrong/,
    )
  })

  it('publishes a chosen set; the edits left out wait for the next publication', async () => {
    const office = openDefaultStore(tempDir())
    const { privateFile } = generateKeyPair('Export Desk', 30)
    const [first, second, third] = ['One.', 'Two.', 'Three.'].map(
      (text) => addWrittenReaction(office.db, reaction({ text }), 'A. Writer').edit.id,
    )
    const chosen = await publishLocalEdits(office.db, { key: privateFile, editIds: [second] })
    expect(chosen.publication).toMatchObject({ sequence: 1, edits: [second] })
    expect(editsToPublish(office.db).map((edit) => edit.id)).toEqual([first, third])
    await expect(publishLocalEdits(office.db, { key: privateFile, editIds: [second] })).rejects.toThrow(
      `Edit ${second} is not a local edit waiting to be published`,
    )
    const rest = await publishLocalEdits(office.db, { key: privateFile })
    expect(rest.publication).toMatchObject({ sequence: 2, edits: [first, third] })
    office.close()
  })
})
