/** Renders a tuple of allowed values as an SQL list for CHECK constraints, e.g. ('a', 'b'). */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`
}

/** CHECK fragment for an ISO date of year, month or day precision (sources often give only a month). */
export function isoDateCheck(column: string): string {
  return `(${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]' OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`
}
