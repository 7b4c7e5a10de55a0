import { ImportError } from './import-error'

/**
 * Calls `onItem` for each element of the top-level array `key` of a JSON document, parsing one element
 * at a time: a 50 MB CSL export is never one object tree in memory. The scanner tracks strings and
 * nesting only to find where each element ends; JSON.parse checks each element fully.
 */
export function forEachArrayItem(
  text: string,
  key: string,
  fileName: string,
  onItem: (item: unknown, index: number) => void,
): void {
  const start = findTopLevelArray(text, key)
  if (start < 0) throw new ImportError(`${fileName}: no "${key}" list at the top level of the JSON.`)
  let depth = 0
  let inString = false
  let itemStart = -1
  let index = 0
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i += 1
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') {
      inString = true
      if (depth === 0 && itemStart < 0) itemStart = i
    } else if (char === '{' || char === '[') {
      if (depth === 0) itemStart = i
      depth += 1
    } else if (char === '}' || char === ']') {
      if (depth === 0) {
        // The end of the list itself; a scalar (or junk) still open is its last element.
        if (itemStart >= 0) parseItem(text.slice(itemStart, i).trimEnd(), fileName, index, onItem)
        return
      }
      depth -= 1
      if (depth === 0) {
        parseItem(text.slice(itemStart, i + 1), fileName, index, onItem)
        index += 1
        itemStart = -1
      }
    } else if (char === ',' && depth === 0 && itemStart >= 0) {
      parseItem(text.slice(itemStart, i), fileName, index, onItem)
      index += 1
      itemStart = -1
    } else if (depth === 0 && itemStart < 0 && !/\s|,/.test(char)) {
      itemStart = i
    }
  }
  throw new ImportError(`${fileName}: the "${key}" list is not closed; the file looks truncated.`)
}

function parseItem(
  text: string,
  fileName: string,
  index: number,
  onItem: (item: unknown, index: number) => void,
) {
  let item: unknown
  try {
    item = JSON.parse(text)
  } catch (error) {
    throw new ImportError(
      `${fileName}: item ${index + 1} of the list is not valid JSON (${(error as Error).message}).`,
    )
  }
  onItem(item, index)
}

/** Where `"key": [` opens at nesting depth 1, or -1. */
function findTopLevelArray(text: string, key: string): number {
  let depth = 0
  let inString = false
  let stringStart = -1
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i += 1
      else if (char === '"') {
        inString = false
        if (depth === 1 && text.slice(stringStart + 1, i) === key) {
          const rest = /^\s*:\s*\[/.exec(text.slice(i + 1, i + 64))
          if (rest) return i + rest[0].length
        }
      }
      continue
    }
    if (char === '"') {
      inString = true
      stringStart = i
    } else if (char === '{' || char === '[') depth += 1
    else if (char === '}' || char === ']') depth -= 1
  }
  return -1
}
