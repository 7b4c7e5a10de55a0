import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { operationSchemas, RECORD_TYPES, recordSchemas } from '../bundles/bundle-format'
import { compileFastParse, fastSafeParse, NOT_ACCEPTED } from './fast-parse'

const dataset: Record<string, unknown[]> = {
  ...(JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../../resources/default-dataset.json'), 'utf8'),
  ) as Record<string, unknown[]>),
  // The built-in data holds no notes (offices write them): two of each kind.
  notes: [
    { id: 'note-1', entity: 'hikvision', text: 'Named in a test.', source: 'test-source' },
    { id: 'note-2', round: 'el-2019-10-84fr54002', text: ' An assessment. ', assessment: true },
  ],
}
const PLURAL = {
  source: 'sources',
  round: 'rounds',
  entity: 'entities',
  designation: 'designations',
  reaction: 'reactions',
  note: 'notes',
} as const

/** A small deterministic random source, so a failure can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x80000000
  }
}

const ODD_VALUES: unknown[] = [
  null,
  '',
  '   ',
  '  padded  ',
  'x'.repeat(20_001),
  'UPPER-Case',
  '2020-13-01',
  '2020-06',
  0,
  -1,
  1.5,
  2 ** 60,
  true,
  [],
  [''],
  ['  a  ', 'b'],
  {},
  { source: 'x' },
  { source: 'x', supports: '  why  ' },
  { source: 'x', extra: 1 },
  'company',
  'CN',
  'en',
  'https://example.org/a',
]

/** One random change somewhere in a copy of `value`: a key dropped, added or given an odd value. */
function mutate(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value) as Record<string, unknown>
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]
  let target: Record<string, unknown> = copy
  // Sometimes go one level down, into a list or a nested object.
  const nested = Object.values(copy).filter((item) => typeof item === 'object' && item !== null)
  if (nested.length > 0 && random() < 0.3) target = pick(nested) as Record<string, unknown>
  const keys = Object.keys(target)
  const roll = random()
  if (roll < 0.15 && keys.length > 0) delete target[pick(keys)]
  else if (roll < 0.25) target[pick(['extra', '__proto__', 'toString', 'ID'])] = pick(ODD_VALUES)
  else if (keys.length > 0) target[pick(keys)] = structuredClone(pick(ODD_VALUES))
  return copy
}

describe('fast parse', () => {
  it('covers every operation schema, so bundles never fall back to zod for a valid line', () => {
    for (const byType of Object.values(operationSchemas))
      for (const type of RECORD_TYPES) expect(compileFastParse(byType[type])).not.toBeNull()
  })

  it('gives exactly what zod gives for every record of the default dataset, keys in the same order', () => {
    for (const type of RECORD_TYPES) {
      const schema = recordSchemas[type]
      const fast = compileFastParse(schema)!
      const records = dataset[PLURAL[type]]
      expect(records.length).toBeGreaterThan(0)
      for (const record of records) {
        const output = fast(record)
        expect(output).not.toBe(NOT_ACCEPTED)
        expect(JSON.stringify(output)).toBe(JSON.stringify(schema.parse(record)))
      }
    }
  })

  it('never accepts what zod refuses, nor differs from zod on what it accepts (5,000 mutated records)', () => {
    const random = randomSource(20261129)
    let accepted = 0
    let refused = 0
    for (let round = 0; round < 5_000; round++) {
      const type = RECORD_TYPES[round % RECORD_TYPES.length]
      const records = dataset[PLURAL[type]]
      const input = mutate(records[round % records.length], random)
      const before = JSON.stringify(input)
      const fast = compileFastParse(recordSchemas[type])!(input)
      const zod = recordSchemas[type].safeParse(input)
      expect(JSON.stringify(input), 'the input is never changed').toBe(before)
      if (fast === NOT_ACCEPTED) {
        refused += 1
        continue
      }
      accepted += 1
      expect(zod.success, `zod refuses what the fast parse accepted: ${before}`).toBe(true)
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data))
    }
    // Both outcomes are exercised, or the comparison above proves little.
    expect(accepted).toBeGreaterThan(500)
    expect(refused).toBeGreaterThan(500)
  })

  it('trims and fills defaults as zod does, giving defaults their own copies', () => {
    const fast = compileFastParse(recordSchemas.entity)!
    const input = {
      id: 'e1',
      name: '  Padded Name ',
      type: 'company',
      sources: [{ source: 's1' }],
    }
    const first = fast(input) as Record<string, unknown>
    const second = fast(input) as Record<string, unknown>
    expect(first).toEqual(recordSchemas.entity.parse(input))
    expect(first.name).toBe('Padded Name')
    expect(first.aliases).toEqual([])
    expect(first.aliases).not.toBe(second.aliases)
    expect(input.name).toBe('  Padded Name ')
  })

  it('hands what it does not accept to zod, which words the error', () => {
    const parse = fastSafeParse(recordSchemas.round)
    const result = parse({ id: 'Bad Id', list: 'L', sources: [{ source: 's' }] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path).toEqual(['id'])
    expect(result.error?.issues[0].message).toMatch(/lower-case/)
  })

  it('declines schemas it cannot read exactly, so zod alone is used for them', () => {
    expect(compileFastParse(z.object({ a: z.string() }))).toBeNull()
    expect(compileFastParse(z.strictObject({ a: z.email() }))).toBeNull()
    expect(compileFastParse(z.string().transform((text) => text.length))).toBeNull()
    expect(compileFastParse(z.union([z.string(), z.number()]))).toBeNull()
    const fallback = fastSafeParse(z.object({ a: z.string() }))
    expect(fallback({ a: 'x', b: 1 })).toEqual({ success: true, data: { a: 'x' } })
  })
})
