import type Database from 'better-sqlite3'
import { pendingFromSource } from '../importers/source-update'
import { CSL_HEADER, cslRow } from './csl-rows'

/**
 * A labelled matching set: pairs of listed parties that must be merged (the same party) and pairs that
 * must never be (different parties that share a name, a given name, a Q-number or a country), from the
 * real files in importers/fixtures/ and hand-made adversarial cases. A merge is made only on proof; the
 * rest are possible matches for the user. Used by the matching tests (zero false merges) and by
 * `npm run bench`, which prints precision and recall.
 */

const ftmLine = (id: string, schema: string, properties: Record<string, string[]>, extra: object = {}) =>
  JSON.stringify({ id, schema, caption: properties.name?.[0] ?? id, properties, target: true, ...extra })

const SDN = 'Specially Designated Nationals (SDN) - Treasury Department'

interface Labelled {
  label: string
  file: Buffer
  format: 'csl' | 'ftm'
  /** Names of the first entry of each pair, as the file gives them, and whether they are one party. */
  pairs: { a: string; b: string; same: boolean }[]
}

export const LABELLED_MATCHING_SET: Labelled[] = [
  {
    label: 'shared given names, Q-numbers as names, one name with two birth dates',
    format: 'ftm',
    file: Buffer.from(
      [
        ftmLine('p1', 'Person', { name: ['Mohammed', 'Mohammed ALI HASSAN', 'Q63930869'], country: ['ye'] }),
        ftmLine('p2', 'Person', { name: ['Mohammed', 'Mohammed SALEH OMAR', 'Q63930869'], country: ['ye'] }),
        ftmLine('p3', 'Person', {
          name: ['Ali', 'Ali REZA KARIMI'],
          country: ['ir'],
          birthDate: ['1961-02-03'],
        }),
        ftmLine('p4', 'Person', {
          name: ['Ali', 'Ali REZA KARIMI'],
          country: ['ir'],
          birthDate: ['1975-11-30'],
        }),
      ].join('\n'),
    ),
    pairs: [
      { a: 'Mohammed ALI HASSAN', b: 'Mohammed SALEH OMAR', same: false },
      { a: 'Ali REZA KARIMI', b: 'Ali REZA KARIMI', same: false },
    ],
  },
  {
    label: 'namesake companies with different INNs, the same company under its OpenSanctions referent',
    format: 'ftm',
    file: Buffer.from(
      [
        ftmLine('c1', 'Company', { name: ['OOO CST', 'ЦСТ'], country: ['ru'], innCode: ['1841015504'] }),
        ftmLine('c2', 'Company', { name: ['OOO CST', 'ЦСТ'], country: ['ru'], innCode: ['5920040846'] }),
        ftmLine('c3', 'Company', { name: ['LLC CST Holding'], country: ['ru'] }, { referents: ['c1-old'] }),
        ftmLine('c4', 'Company', { name: ['CST Holding LLC'], country: ['ru'] }, { referents: ['c1-old'] }),
        ftmLine('c5', 'Person', { name: ['Zala Aero'], country: ['ru'] }),
        ftmLine('c6', 'Company', { name: ['ZALA AERO JSC'], country: ['ru'] }),
      ].join('\n'),
    ),
    pairs: [
      { a: 'OOO CST', b: 'OOO CST', same: false },
      { a: 'LLC CST Holding', b: 'CST Holding LLC', same: true },
      { a: 'Zala Aero', b: 'ZALA AERO JSC', same: false },
    ],
  },
  {
    label: 'one party in two CSL editions (entity number, name written the other way round); namesakes',
    format: 'csl',
    file: Buffer.from(
      [
        CSL_HEADER,
        cslRow({
          source: SDN,
          entity_number: '9673',
          type: 'Individual',
          name: 'ABU JHEISHEH, Mohammed',
          dates_of_birth: '1955',
        }),
        cslRow({
          source: SDN,
          entity_number: '9673',
          type: 'Individual',
          name: 'Mohammed ABU JHEISHEH',
          dates_of_birth: '1955',
        }),
        cslRow({
          source: SDN,
          entity_number: '1001',
          type: 'Individual',
          name: 'KHAN, Abdul',
          dates_of_birth: '1960',
        }),
        cslRow({
          source: SDN,
          entity_number: '2002',
          type: 'Individual',
          name: 'Abdul KHAN',
          dates_of_birth: '1971',
        }),
      ].join('\n'),
    ),
    pairs: [
      { a: 'ABU JHEISHEH, Mohammed', b: 'Mohammed ABU JHEISHEH', same: true },
      { a: 'KHAN, Abdul', b: 'Abdul KHAN', same: false },
    ],
  },
]

export interface MatchingScore {
  /** Pairs that are one party, and how many of them the import merged. */
  samePairs: number
  merged: number
  /** Pairs that are different parties, and how many of them the import merged (must be none). */
  differentPairs: number
  falseMerges: { label: string; a: string; b: string }[]
}

/** Reads each labelled file against the store (nothing is applied) and counts the merges it plans. */
export function scoreLabelledMatching(db: Database.Database): MatchingScore {
  const score: MatchingScore = { samePairs: 0, merged: 0, differentPairs: 0, falseMerges: [] }
  for (const { label, file, format, pairs } of LABELLED_MATCHING_SET) {
    const update = pendingFromSource(db, file, `${format}-set`, format)
    const entityOf = new Map<string, string>()
    for (const { operation } of update.operations.inApplyOrder()) {
      if (operation.op !== 'upsert' || operation.type !== 'entity') continue
      const record = operation.record as { id: string; name: string; aliases: string[] }
      for (const name of [record.name, ...record.aliases])
        if (!entityOf.has(name)) entityOf.set(name, record.id)
    }
    update.operations.discard()
    for (const { a, b, same } of pairs) {
      const together = update.matching!.merged.some((m) => m.incoming === b && m.entityId === entityOf.get(a))
      if (same) {
        score.samePairs += 1
        if (together) score.merged += 1
      } else {
        score.differentPairs += 1
        if (together) score.falseMerges.push({ label, a, b })
      }
    }
  }
  return score
}
