import { expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { cli } from './cli'
import { useTempDirs } from './temp-dirs'

const newTempDir = useTempDirs('sanctions-briefing-corrections-')

test('a briefing of 85 FR 34495 carries the rule’s corrected title and FR Doc number', () => {
  const dir = newTempDir()
  const db = path.join(dir, 'store.sqlite')
  const out = path.join(dir, 'june.pdf')
  cli(db, 'export-pdf', '--out', out, '--round', 'el-2020-06-85fr34495')
  const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain(
    'Addition of Entities to the Entity List, Revision of Certain Entries on the Entity List',
  )
  expect(text).not.toContain('Revision of Entry on the Entity List')
  // Chinese names converted from traditional renderings print in simplified characters.
  expect(text).toContain('哈尔滨工业大学')
  expect(text).not.toContain('北京錦程環宇科冒')
  const rounds = JSON.parse(cli(db, '--json', 'rounds')) as { id: string; frDocNumber: string | null }[]
  expect(rounds.find((round) => round.id === 'el-2020-06-85fr34495')?.frDocNumber).toBe('2020-10869')
})

test('a briefing prints names from another list as reported, with their origin', () => {
  const dir = newTempDir()
  const db = path.join(dir, 'store.sqlite')
  const out = path.join(dir, 'october.pdf')
  cli(db, 'export-pdf', '--out', out, '--entity', 'megvii')
  const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('Also reported as: Megvii Technology Limited (HK01, on the US Treasury')
  expect(text).not.toMatch(/Also: Megvii Technology Limited/)
})
