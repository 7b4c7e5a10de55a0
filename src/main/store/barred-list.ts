/**
 * A list of names kept in one column, each between bars ("|US BIS Entity List|US Treasury SDN List|"),
 * so that "holds this name" is one `instr` in SQL. Empty lists are ''. Round ids hold no bar; a list
 * name from a file might, and keeps a broken bar (¦) in its place rather than split in two.
 */
export function barred(values: Iterable<string>): string {
  const list = [...values].map((value) => value.replaceAll('|', '¦'))
  return list.length === 0 ? '' : `|${list.join('|')}|`
}

export function unbarred(value: string): string[] {
  return value === '' ? [] : value.slice(1, -1).split('|')
}

/** The SQL condition "the barred `column` holds the name bound to the next parameter". */
export const barredHolds = (column: string) => `instr(${column}, '|' || ? || '|') > 0`
