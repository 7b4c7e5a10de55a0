/** The Consolidated Screening List CSV header, in the documented column order. */
export const CSL_HEADER =
  '"_id","source","entity_number","type","programs","name","title","addresses","federal_register_notice","start_date","end_date","standard_order","license_requirement","license_policy","call_sign","vessel_type","gross_tonnage","gross_registered_tonnage","vessel_flag","vessel_owner","remarks","source_list_url","alt_names","citizenships","dates_of_birth","nationalities","places_of_birth","source_information_url","ids"'

/** One CSL CSV row in the documented column order; unnamed columns are empty. */
export function cslRow(values: Partial<Record<string, string>>): string {
  const columns = CSL_HEADER.split(',').map((c) => c.replace(/"/g, ''))
  return columns.map((column) => `"${(values[column] ?? '').replace(/"/g, '""')}"`).join(',')
}
