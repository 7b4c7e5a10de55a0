import path from 'node:path'
import { ensureDefaultDataset } from '../src/main/dataset/load-dataset'
import { openStore } from '../src/main/store/open-store'
import { scoreLabelledMatching } from '../src/main/test-support/labelled-matching'
import { HAN, LATIN_STEMS } from './generate-data'
import { benchListImport, type ListImportFigures } from './list-import-bench'
import { pick, seededRandom } from './random'

const GIVEN = ['Mohammed', 'Ali', 'Sergei', 'Olga', 'Wei', 'Li', 'Ahmad', 'Elena', 'Dmitri', 'Fatima']
const AUTHORITIES: [string, string, string][] = [
  ['Office of Foreign Assets Control', 'us', 'US-RUSHAR'],
  ['Bureau of Industry and Security', 'us', 'US-BIS-EL'],
  ['Council of the European Union', 'eu', 'EU-UKR'],
  ['Office of Financial Sanctions Implementation', 'gb', 'GB-RUS'],
]
const COUNTRIES = ['ru', 'by', 'cn', 'ir', 'ae', 'tr']

/**
 * An OpenSanctions FollowTheMoney export of `parties` sanction targets, each with its Sanction and its
 * Address entity, as the real exports lay them out: companies with tax numbers, persons with birth
 * dates whose given names recur (the names that must never merge people), first_seen dates.
 */
export function generateFtm(parties: number, seed = 20261206): string {
  const random = seededRandom(seed)
  const lines: string[] = []
  for (let i = 0; i < parties; i++) {
    const id = `NK-bench-${i}`
    const country = pick(random, COUNTRIES)
    const person = random() < 0.3
    const stem = `${pick(random, LATIN_STEMS)}${pick(random, LATIN_STEMS).toLowerCase()}`
    const given = pick(random, GIVEN)
    const properties: Record<string, string[]> = person
      ? {
          name: [`${given} ${stem.toUpperCase()}`, given],
          birthDate: [`19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${i % 10}`],
          nationality: [country],
        }
      : {
          name: [
            `${stem} ${pick(random, ['Trading', 'Engineering', 'Shipping'])} LLC ${i}`,
            ...(country === 'cn'
              ? [`${Array.from({ length: 5 }, () => pick(random, HAN)).join('')}有限公司${i}`]
              : []),
          ],
          innCode: [String(1_000_000_000 + i)],
          country: [country],
          ...(random() < 0.2 ? { weakAlias: [stem.toUpperCase()] } : {}),
        }
    properties.addressEntity = [`addr-${i}`]
    const [authority, authorityCountry, program] = pick(random, AUTHORITIES)
    lines.push(
      JSON.stringify({
        id,
        schema: person ? 'Person' : 'Company',
        caption: properties.name[0],
        properties,
        datasets: ['bench_sanctions'],
        target: true,
        first_seen: `202${i % 5}-0${1 + (i % 9)}-15T10:00:00`,
      }),
      JSON.stringify({
        id: `NK-sanction-${i}`,
        schema: 'Sanction',
        properties: {
          entity: [id],
          authority: [authority],
          country: [authorityCountry],
          program: [program],
          listingDate: [`202${i % 5}-0${1 + (i % 9)}-01`],
          sourceUrl: [`https://example.org/sanctions/${i}`],
        },
        target: false,
      }),
      JSON.stringify({
        id: `addr-${i}`,
        schema: 'Address',
        properties: {
          full: [`${1 + (i % 900)} ${stem} Street, ${country.toUpperCase()}`],
          country: [country],
        },
        target: false,
      }),
    )
  }
  return `${lines.join('\n')}\n`
}

export interface FtmBench extends ListImportFigures {
  parties: number
  designationsAdded: number
}

/** #18's numbers: an FtM export previewed and applied on the default store, as the app does both. */
export async function benchFtm(dir: string, parties = 100_000): Promise<FtmBench> {
  const { figures, added } = await benchListImport(dir, 'bench.ftm.json', generateFtm(parties), 'ftm')
  return { parties, ...figures, designationsAdded: added('designation') }
}

export interface MatchingBench {
  samePairs: number
  merged: number
  differentPairs: number
  falseMerges: number
  /** Of the pairs merged, the share that are one party (1 when nothing was merged wrongly). */
  precision: number
  /** Of the pairs that are one party, the share merged. */
  recall: number
}

/** Precision and recall of the importers' matching on the labelled set, on the default store. */
export function benchMatching(dir: string): MatchingBench {
  const store = openStore(path.join(dir, 'matching-store.sqlite'))
  try {
    ensureDefaultDataset(store)
    const score = scoreLabelledMatching(store.db)
    const mergedPairs = score.merged + score.falseMerges.length
    return {
      samePairs: score.samePairs,
      merged: score.merged,
      differentPairs: score.differentPairs,
      falseMerges: score.falseMerges.length,
      precision: mergedPairs === 0 ? 1 : score.merged / mergedPairs,
      recall: score.samePairs === 0 ? 1 : score.merged / score.samePairs,
    }
  } finally {
    store.close()
  }
}
