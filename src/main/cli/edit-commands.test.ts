import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../store/open-store'
import { readRecord } from '../store/read-record'
import { makePublisher, packOperations } from '../test-support/bundle-fixtures'
import { getEntity, listReactions } from '../store/read-records'
import { dumpStore } from '../test-support/dump-store'
import { runCliCapturing } from '../test-support/run-cli'
import { useTempDir } from '../test-support/temp-dir'

const tempDir = useTempDir()

const REACTION = {
  text: 'The company said it would comply with all applicable laws.',
  textKind: 'paraphrase',
  speaker: null,
  organisation: 'Example Vision Co.',
  organisationKind: 'company',
  stance: 'neutral',
  dateSaid: '2020-06-05',
  rounds: ['el-2020-06-85fr34503'],
  entities: ['cloudwalk'],
  source: { publication: 'Example Wire', url: 'https://example.org/wire', date: '2020-06-06' },
}

function cli(dir: string) {
  const db = path.join(dir, 'store.sqlite')
  const run = (...args: string[]) =>
    runCliCapturing(['--db', db, ...args], { env: {}, rendererDir: dir, ask: async () => false })
  const file = (name: string, content: unknown) => {
    const at = path.join(dir, name)
    fs.writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content))
    return at
  }
  return { db, run, file }
}

describe('reaction add, edits list, undo and edits redo', () => {
  it('adds a reaction from a JSON file, lists the edit, undoes and redoes it', async () => {
    const { db, run, file } = cli(tempDir())
    const refused = await run('reaction', 'add', '--json', file('r.json', REACTION))
    expect(refused.code).not.toBe(0)
    expect(refused.err).toContain('Set your name before writing')

    const added = await run(
      '--json',
      'reaction',
      'add',
      '--json',
      file('r.json', REACTION),
      '--author',
      'C. Clerk',
    )
    expect(added.code, added.err).toBe(0)
    const result = JSON.parse(added.out) as { edit: { id: number; author: string }; recordIds: string[] }
    expect(result.edit.author).toBe('C. Clerk')
    const reactionId = result.recordIds[1]
    let store = openStore(db)
    expect(listReactions(store.db, { ids: [reactionId] })[0]).toMatchObject({
      organisation: 'Example Vision Co.',
      textKind: 'paraphrase',
      entities: [{ id: 'cloudwalk' }],
      written: { author: 'C. Clerk' },
    })
    const afterAdd = dumpStore(store.db, { changeRecord: false })
    store.close()

    const listed = await run('edits', 'list')
    expect(listed.code, listed.err).toBe(0)
    expect(listed.out).toMatch(
      new RegExp(`^${result.edit.id} .*C\\. Clerk: Added a reaction by Example Vision Co\\.$`, 'm'),
    )

    expect((await run('undo', '--yes')).code).toBe(0)
    store = openStore(db)
    expect(listReactions(store.db, { ids: [reactionId] })).toEqual([])
    store.close()
    expect((await run('edits', 'list')).out).toContain(`Redo would apply edit ${result.edit.id} again`)

    const redone = await run('edits', 'redo')
    expect(redone.code, redone.err).toBe(0)
    expect(redone.out).toMatch(new RegExp(`^Redone: edit ${result.edit.id} applied again as edit \\d+\\.$`))
    store = openStore(db)
    expect(dumpStore(store.db, { changeRecord: false })).toBe(afterAdd)
    store.close()
    const nothing = await run('edits', 'redo')
    expect(nothing.code).not.toBe(0)
    expect(nothing.err).toContain('There is no undone edit to redo.')
  })

  it('refuses a bad file naming the file and each field, and writes nothing', async () => {
    const { db, run, file } = cli(tempDir())
    expect((await run('stats')).code).toBe(0)
    let store = openStore(db)
    const before = dumpStore(store.db)
    store.close()
    const bad = file('bad.json', {
      ...REACTION,
      text: 'He said "we will comply"',
      dateSaid: '2999-01-01',
      source: { publication: '', url: 'file:///etc/passwd' },
    })
    const refused = await run('reaction', 'add', '--json', bad, '--author', 'C. Clerk')
    expect(refused.code).not.toBe(0)
    expect(refused.err).toContain(`${bad} is not a reaction the store can take:`)
    expect(refused.err).toContain('  dateSaid: a date in the future')
    expect(refused.err).toContain('  source.publication: the publication is required')
    expect(refused.err).toContain('  source.url: a link starting with http:// or https://')
    expect(refused.err).toContain('  text: a paraphrase holds quotation marks')
    const notJson = await run('reaction', 'add', '--json', file('x.json', '{ text: '), '--author', 'C. Clerk')
    expect(notJson.err).toContain('x.json is not JSON')
    const unknownRound = await run(
      'reaction',
      'add',
      '--json',
      file('r.json', { ...REACTION, rounds: ['no-such-round'] }),
      '--author',
      'C. Clerk',
    )
    // "--json" also asks for JSON output: the refusal comes as a JSON error.
    expect(JSON.parse(unknownRound.err)).toEqual({
      error: {
        name: 'UserError',
        message: 'rounds.0: there is no round "no-such-round" in the store. Nothing was written.',
      },
    })
    store = openStore(db)
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })

  it('keygen --passphrase-file encrypts the key; bundle create --from-store publishes the edits', async () => {
    const dir = tempDir()
    const { run, file } = cli(dir)
    const keys = path.join(dir, 'keys')
    const short = await run('keygen', '--out', keys, '--passphrase-file', file('short.txt', 'too short\n'))
    expect(short.code).not.toBe(0)
    expect(short.err).toContain('short.txt: a passphrase of at least 10 characters is needed.')
    const passphrase = file('pass.txt', 'correct horse battery staple\n')
    const made = await run(
      '--json',
      'keygen',
      '--out',
      keys,
      '--publisher',
      'Export Desk',
      '--passphrase-file',
      passphrase,
    )
    expect(made.code, made.err).toBe(0)
    const { privateKey, publicKey, encrypted } = JSON.parse(made.out) as Record<string, string | boolean>
    expect(encrypted).toBe(true)
    expect(fs.readFileSync(privateKey as string, 'utf8')).not.toContain('PRIVATE KEY')

    expect(
      (await run('reaction', 'add', '--json', file('r.json', REACTION), '--author', 'C. Clerk')).code,
    ).toBe(0)
    const out = path.join(dir, 'desk-1.sbb')
    const create = (...extra: string[]) =>
      run('bundle', 'create', '--from-store', '--key', privateKey as string, '--out', out, ...extra)
    expect((await create()).err).toContain(
      'is encrypted: give its passphrase (on the command line --passphrase-file FILE).',
    )
    expect((await create('--passphrase-file', file('wrong.txt', 'wrong horse battery'))).err).toContain(
      'the passphrase is wrong',
    )
    const asPublic = await run('bundle', 'create', '--from-store', '--key', publicKey as string, '--out', out)
    expect(asPublic.err).toContain('is a public key file: signing needs the private key file (.key).')
    expect(fs.existsSync(out)).toBe(false)
    const published = await create('--passphrase-file', passphrase)
    expect(published.code, published.err).toBe(0)
    expect(published.out).toMatch(/operations, sequence 1\)\.$/)
    expect((await create('--passphrase-file', passphrase)).err).toContain(
      'There are no local edits to publish',
    )

    // A colleague trusts the public key and imports the bundle: the reaction arrives as it was written.
    const colleague = cli(path.join(dir, 'colleague'))
    fs.mkdirSync(path.join(dir, 'colleague'))
    expect((await colleague.run('trust', 'add', publicKey as string)).code).toBe(0)
    const imported = await colleague.run('import', out, '--yes')
    expect(imported.code, imported.err).toBe(0)
    const mine = openStore(path.join(dir, 'store.sqlite'))
    const theirs = openStore(colleague.db)
    const written = listReactions(mine.db).filter((r) => r.written !== null)
    expect(written).toHaveLength(1)
    const arrived = listReactions(theirs.db, { ids: [written[0].id] })[0]
    expect({ ...arrived, written: null }).toEqual({ ...written[0], written: null })
    mine.close()
    theirs.close()
  })

  it('correct --json FILE, then import asks about the conflict; --keep-mine and --take-theirs decide it', async () => {
    const dir = tempDir()
    const { db, run, file } = cli(dir)
    const correction = {
      type: 'entity',
      id: 'cloudwalk',
      field: 'originalName',
      value: '云从科技（测试更正）',
      source: { publication: 'Example Registry' },
      reason: 'test correction',
    }
    const refused = await run(
      'correct',
      '--json',
      file('bad.json', { ...correction, field: 'aliases' }),
      '--author',
      'C. Clerk',
    )
    expect(refused.err).toContain('field: a field of the entity that can be corrected: name, originalName')
    const corrected = await run('correct', '--json', file('c.json', correction), '--author', 'C. Clerk')
    expect(corrected.code, corrected.err).toBe(0)

    const { privateFile, publicFile } = makePublisher('Test Publisher', 3650, new Date())
    fs.writeFileSync(path.join(dir, 'p.pub'), JSON.stringify(publicFile))
    expect((await run('trust', 'add', path.join(dir, 'p.pub'))).code).toBe(0)
    const bundle = path.join(dir, 'u.sbb')
    fs.writeFileSync(
      bundle,
      await packOperations(
        privateFile,
        [
          {
            op: 'correct',
            type: 'entity',
            id: 'cloudwalk',
            field: 'originalName',
            value: '云从科技（测试出版者）',
            reason: null,
          },
        ],
        { now: new Date() },
      ),
    )
    const asked = await run('import', bundle, '--yes')
    expect(asked.code).not.toBe(0)
    expect(asked.out).toContain('Conflicts with your edits')
    expect(asked.out).toContain(
      "entity cloudwalk (CloudWalk Technology) originalName: yours 云从科技（测试更正）, the update's 云从科技（测试出版者）",
    )
    expect(asked.err).toContain(
      'This update changes something you edited in the app: CloudWalk Technology, originalName.',
    )
    const originalName = () => {
      const store = openStore(db)
      const name = readRecord(store.db, 'entity', 'cloudwalk')!.originalName
      store.close()
      return name
    }
    expect(originalName()).toBe('云从科技（测试更正）')
    expect((await run('import', bundle, '--yes', '--keep-mine')).code).toBe(0)
    expect(originalName()).toBe('云从科技（测试更正）')
    expect((await run('undo', '--yes')).code).toBe(0)
    expect((await run('import', bundle, '--yes', '--take-theirs')).code).toBe(0)
    expect(originalName()).toBe('云从科技（测试出版者）')
  })

  it('note add writes a note with a source or as an assessment; refusals name the option', async () => {
    const { db, run } = cli(tempDir())
    const unsourced = await run(
      'note',
      'add',
      '--entity',
      'hikvision',
      '--text',
      'A test note.',
      '--author',
      'C. Clerk',
    )
    expect(unsourced.code).not.toBe(0)
    expect(unsourced.err).toContain(
      '--source: the publication is required (or mark the note as your own assessment)',
    )
    const badUrl = await run(
      'note',
      'add',
      '--round',
      'el-2019-10-84fr54002',
      '--text',
      'A test note.',
      '--source',
      'Example Filings',
      '--url',
      'ftp://example.org',
      '--author',
      'C. Clerk',
    )
    expect(badUrl.err).toContain('--url: a link starting with http:// or https://')
    const sourced = await run(
      'note',
      'add',
      '--entity',
      'hikvision',
      '--text',
      'A test note.',
      '--source',
      'Example Filings',
      '--url',
      'https://example.org/f',
      '--author',
      'C. Clerk',
    )
    expect(sourced.code, sourced.err).toBe(0)
    const assessed = await run(
      'note',
      'add',
      '--entity',
      'hikvision',
      '--text',
      'Our view.',
      '--assessment',
      '--author',
      'C. Clerk',
    )
    expect(assessed.code, assessed.err).toBe(0)
    const store = openStore(db)
    expect(getEntity(store.db, 'hikvision')!.officeNotes).toMatchObject([
      { text: 'A test note.', source: { publication: 'Example Filings' }, written: { author: 'C. Clerk' } },
      { text: 'Our view.', assessment: true, source: null },
    ])
    store.close()
    expect((await run('edits', 'list')).out).toContain('C. Clerk: Added a note (own assessment) on Hikvision')
  })
})
