import { HAN, LATIN_STEMS } from './generate-data'
import { benchListImport, type ListImportFigures } from './list-import-bench'
import { pick, seededRandom } from './random'

const COLUMNS =
  '_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids'.split(
    ',',
  )
const SOURCES = [
  'Entity List (EL) - Bureau of Industry and Security',
  'Entity List (EL) - Bureau of Industry and Security',
  'Specially Designated Nationals (SDN) - Treasury Department',
  'Specially Designated Nationals (SDN) - Treasury Department',
  'Military End User (MEU) List - Bureau of Industry and Security',
]
const COUNTRIES = ['CN', 'HK', 'RU', 'IR', 'AE', 'TR', 'PK', 'SG']

/** A CSL CSV of `rows` entries in the documented format: quoted fields, lists joined with "; ". */
export function generateCsl(rows: number, seed = 20261129): string {
  const random = seededRandom(seed)
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`
  const lines = [COLUMNS.map(quote).join(',')]
  for (let i = 0; i < rows; i++) {
    const stem = `${pick(random, LATIN_STEMS)}${pick(random, LATIN_STEMS).toLowerCase()}`
    const country = pick(random, COUNTRIES)
    const source = pick(random, SOURCES)
    const rule = Math.floor(random() * 60)
    const han = Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(random, HAN)).join('')
    const values: Record<string, string> = {
      _id: `bench${i}`,
      source,
      type: source.includes('SDN') && random() < 0.4 ? 'Individual' : 'Entity',
      name: `${stem} ${pick(random, ['Technology', 'Trading', 'Electronics', 'Shipping'])} Co., Ltd. ${i}`,
      addresses: `${1 + Math.floor(random() * 900)} Industrial Road, City ${i % 500}, , ${100000 + i}, ${country}`,
      federal_register_notice: source.includes('SDN')
        ? ''
        : `${84 + Math.floor(rule / 12)} FR ${10000 + rule * 613}, ${1 + (rule % 12)}/15/${19 + Math.floor(rule / 12)}`,
      license_requirement: source.includes('SDN') ? '' : 'For all items subject to the EAR.',
      license_policy: source.includes('SDN') ? '' : 'Presumption of denial.',
      alt_names: [
        `${stem} Group ${i}`,
        country === 'CN' || country === 'HK' ? `${han}有限公司${i}` : `${stem.toUpperCase()} ${i}`,
      ].join('; '),
    }
    lines.push(COLUMNS.map((column) => quote(values[column] ?? '')).join(','))
  }
  return `${lines.join('\n')}\n`
}

export interface CslBench extends ListImportFigures {
  rows: number
}

/** #6's numbers: a CSL of about the real list's size, previewed and applied on the default store. */
export async function benchCsl(dir: string, rows = 25_000): Promise<CslBench> {
  return { rows, ...(await benchListImport(dir, 'csl.csv', generateCsl(rows), 'csl')).figures }
}
