import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliCapturing } from '../test-support/run-cli'
import { useTempDir } from '../test-support/temp-dir'

const tempDir = useTempDir()
const FIXTURES = path.join(import.meta.dirname, '..', 'importers', 'fixtures')

function importCli() {
  const dir = tempDir()
  const db = path.join(dir, 'store.sqlite')
  const run = (...args: string[]) =>
    runCliCapturing(['--db', db, ...args], { env: {}, rendererDir: dir, ask: async () => false })
  return { dir, run }
}

describe('import of published lists', () => {
  it('previews the BIS sample as unsigned, refuses without --yes, imports with it, and undoes', async () => {
    const { run } = importCli()
    const file = path.join(FIXTURES, 'bis-entity-list-2015-sample.csv')
    const preview = await run('--json', 'import', file, '--dry-run')
    expect(preview.code, preview.err).toBe(0)
    const { preview: p } = JSON.parse(preview.out)
    expect(p.bundle).toMatchObject({ signed: false, format: 'bis', keyId: 'unsigned' })
    expect(p.matching).toMatchObject({ entries: 6, mergedCount: 0, ambiguousCount: 1 })
    expect(p.confirmations[0]).toMatch(/not signed/)

    const refused = await run('import', file)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/Nothing was changed; confirm to import \(on the command line: --yes\)/)
    expect(JSON.parse((await run('--json', 'stats')).out).entities).toBe(38)

    const imported = await run('import', file, '--yes')
    expect(imported.code, imported.err).toBe(0)
    expect(imported.out).toMatch(
      /bis-entity-list-2015-sample\.csv: BIS Entity List CSV, unsigned file — NOT SIGNED\./,
    )
    expect(JSON.parse((await run('--json', 'stats')).out).entities).toBe(44)
    const again = await run('import', file, '--yes')
    expect(again.out).toMatch(/Already imported; nothing to do\./)
    expect((await run('undo', '--yes')).code).toBe(0)
    expect(JSON.parse((await run('--json', 'stats')).out).entities).toBe(38)
  })

  it('--source keeps one CSL list and --format refuses a file that is not what it says', async () => {
    const { run } = importCli()
    const csl = path.join(FIXTURES, 'csl-entity-list-2019-2020.csv')
    const kept = await run('--json', 'import', csl, '--format', 'csl', '--source', 'Entity List', '--dry-run')
    expect(JSON.parse(kept.out).preview.matching.entries).toBe(37)
    // The summary counts what is imported, not every list of the file.
    const excerpt = path.join(FIXTURES, 'csl-2019-excerpt.csv')
    const filtered = await run('import', excerpt, '--source', 'Entity List', '--dry-run')
    expect(filtered.out).toMatch(/^22 listed parties \(US BIS Entity List: 22\)\.$/m)
    const json = JSON.parse((await run('--json', 'import', excerpt, '--source', 'EL', '--dry-run')).out)
    expect(json.preview.matching.imported).toEqual([{ list: 'US BIS Entity List', entries: 22 }])
    expect(json.preview.matching.lists.length).toBe(9)
    const none = await run('import', csl, '--source', 'SDN', '--dry-run')
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/no entries from a source matching "SDN"; it lists US BIS Entity List \(37\)/)
    const wrong = await run('import', csl, '--format', 'ftm', '--dry-run')
    expect(wrong.code).toBe(2)
    expect(wrong.err).toMatch(/line 1: not JSON; a FollowTheMoney file has one JSON entity per line/)
    const bad = await run('import', csl, '--format', 'xlsx')
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/Allowed choices are auto, bundle, csl, bis, ftm/)
  })

  it('--merge settles a possible match the preview listed', async () => {
    const { dir, run } = importCli()
    const file = path.join(dir, 'odd.csv')
    const header = fs
      .readFileSync(path.join(FIXTURES, 'csl-entity-list-2019-2020.csv'), 'utf8')
      .split('\n')[0]
    const columns = header.trim().split(',').length
    const cells = Array.from({ length: columns }, () => '""')
    cells[1] = '"Entity List (EL) - Bureau of Industry and Security"'
    cells[3] = '"Entity"'
    cells[5] = '"Hikvision"'
    cells[7] = '", , , , US"'
    cells[8] = '"84 FR 54002, 10/9/19"'
    fs.writeFileSync(file, `${header.trim()}\n${cells.join(',')}\n`)
    const listed = await run('import', file, '--dry-run')
    expect(listed.out).toMatch(/Possible matches to decide \(1\)/)
    expect(listed.out).toMatch(
      /odd\.csv line 2: "Hikvision" \(US\) could be:\n\s+hikvision \(Hikvision, CN\)/,
    )
    const merged = await run('--json', 'import', file, '--merge', 'odd.csv line 2=hikvision', '--dry-run')
    const matching = JSON.parse(merged.out).preview.matching
    expect(matching.ambiguousCount).toBe(0)
    expect(matching.merged[0]).toMatchObject({
      entityId: 'hikvision',
      reasons: expect.arrayContaining(['chosen by the user']),
    })
    const malformed = await run('import', file, '--merge', 'hikvision')
    expect(malformed.err).toMatch(/--merge takes ENTRY=ENTITY_ID/)
    const notCandidate = await run('import', file, '--merge', 'odd.csv line 2=cloudwalk', '--dry-run')
    expect(notCandidate.code).toBe(1)
    expect(notCandidate.err).toMatch(
      /The decision \\?"odd\.csv line 2=cloudwalk\\?" names \\?"cloudwalk\\?", which is not a candidate for \\?"Hikvision\\?"; its candidates are \\?"hikvision\\?"/,
    )
    // Applied with a decision, it is kept as a judgement that later imports reuse, listed and revocable.
    const applied = await run('import', file, '--merge', 'odd.csv line 2=hikvision', '--yes')
    expect(applied.code, applied.err).toBe(0)
    const kept = await run('judgements', 'list')
    expect(kept.out).toMatch(
      /^\s+1 {2}Hikvision \(US\) on US BIS Entity List IS Hikvision \(hikvision\) — \d{4}-\d{2}-\d{2}, odd\.csv$/m,
    )
    expect((await run('judgements', 'revoke', '1')).out).toContain('Revoked judgement 1.')
    expect(JSON.parse((await run('--json', 'judgements', 'list')).out)).toEqual([])
    const missing = await run('judgements', 'revoke', '1')
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('There is no judgement 1.')
    const unknownEntry = await run('import', file, '--merge', 'odd.csv line 9=hikvision', '--dry-run')
    expect(unknownEntry.code).toBe(1)
    expect(unknownEntry.err).toMatch(/odd\.csv line 9=hikvision\\?" names no entry of odd\.csv/)
  })

  it('convert writes bundle sources that bundle create signs and import applies', async () => {
    const { dir, run } = importCli()
    const out = path.join(dir, 'converted')
    const converted = await run(
      '--json',
      'convert',
      path.join(FIXTURES, 'opensanctions-ftm-sample.ftm.json'),
      '--out',
      out,
    )
    expect(converted.code, converted.err).toBe(0)
    expect(JSON.parse(converted.out).files).toEqual([
      '1-sources.jsonl',
      '2-rounds.jsonl',
      '3-entities.jsonl',
      '4-designations.jsonl',
    ])
    const again = await run('convert', path.join(FIXTURES, 'opensanctions-ftm-sample.ftm.json'), '--out', out)
    expect(again.code).toBe(2)
    expect(again.err).toMatch(/is not empty/)

    const keys = path.join(dir, 'keys')
    expect((await run('keygen', '--out', keys, '--publisher', 'Sanctions desk')).code).toBe(0)
    const key = fs.readdirSync(keys).find((f) => f.endsWith('.key'))!
    const bundle = path.join(dir, 'eu.sbb')
    const created = await run(
      'bundle',
      'create',
      '--key',
      path.join(keys, key),
      '--from',
      out,
      '--sequence',
      '1',
      '--out',
      bundle,
    )
    expect(created.code, created.err).toBe(0)
    expect((await run('trust', 'add', path.join(keys, key.replace(/\.key$/, '.pub')))).code).toBe(0)
    const imported = await run('--json', 'import', bundle, '--yes')
    expect(imported.code, imported.err).toBe(0)
    expect(JSON.parse(imported.out).preview.bundle).toMatchObject({ signed: true, format: 'bundle' })
    expect(JSON.parse((await run('--json', 'stats')).out).entities).toBe(44)
  })
})
