import type { z } from 'zod'

/**
 * A lean second reading of a zod schema, for the hot path where hundreds of thousands of records are
 * checked (an update bundle of 100,000 entities): zod's generic machinery (payload objects, issue lists,
 * check loops) costs about a second there, most of it in allocation the garbage collector then pays for.
 *
 * The schema stays the one definition of the rules. `compileFastParse` walks its definition once and
 * builds plain closures for the parts the record schemas use (strict objects, strings with length,
 * pattern and trim-like checks, numbers, enums, literals, nullable, default, arrays, unknown); for
 * anything else it returns null and callers use zod. The closures only ever *accept*: a value they
 * accept gets the same output zod would give (same keys in the same order), and anything they do not
 * accept goes to zod, which decides and words the error. So a gap here costs speed, never correctness,
 * and the input is never changed (a rejected value reaches zod as it arrived).
 */

/** Returned by a fast parser for anything it does not accept outright. */
export const NOT_ACCEPTED: unique symbol = Symbol('not accepted')
type FastParse = (value: unknown) => unknown

interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string; checks?: { _zod: { def: CheckDef } }[] } }
}
interface CheckDef {
  check: string
  format?: string
  pattern?: RegExp
  minimum?: number
  maximum?: number
  value?: number
  inclusive?: boolean
  tx?: (value: unknown) => unknown
}

/** The schema's own safeParse, fronted by its fast parser when it has one. */
export function fastSafeParse<S extends z.ZodType>(
  schema: S,
): (value: unknown) => z.ZodSafeParseResult<z.output<S>> {
  const fast = compileFastParse(schema)
  if (!fast) return (value) => schema.safeParse(value)
  return (value) => {
    const output = fast(value)
    return output === NOT_ACCEPTED ? schema.safeParse(value) : { success: true, data: output as z.output<S> }
  }
}

/** A fast parser for the schema, or null when it uses something this reader does not know. */
export function compileFastParse(schema: z.ZodType): FastParse | null {
  try {
    return compile(schema as unknown as ZodInternals)
  } catch (error) {
    if (error instanceof Unsupported) return null
    throw error
  }
}

class Unsupported extends Error {}

/**
 * What each kind of schema may hold in its definition for this reader to know what it means. Anything
 * more (a string format such as email, coercion, a catchall) changes the rules, so the schema is declined.
 */
const KNOWN_DEFINITION_KEYS: Record<string, string[]> = {
  string: ['checks'],
  number: ['checks'],
  boolean: [],
  unknown: [],
  any: [],
  literal: ['values'],
  // A custom error only words a refusal, which zod makes anyway: it does not change what is accepted.
  enum: ['entries', 'error'],
  nullable: ['innerType'],
  default: ['innerType', 'defaultValue'],
  array: ['element', 'checks'],
  object: ['shape', 'catchall'],
}

function compile(schema: ZodInternals): FastParse {
  const def = schema._zod.def
  const known = KNOWN_DEFINITION_KEYS[def.type]
  if (!known || Object.keys(def).some((key) => key !== 'type' && !known.includes(key)))
    throw new Unsupported(def.type)
  switch (def.type) {
    case 'string':
      return compileString(def.checks ?? [])
    case 'number':
      return compileNumber(def.checks ?? [])
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : NOT_ACCEPTED)
    case 'unknown':
    case 'any':
      return (value) => value
    case 'literal':
      return compileMember(new Set(def.values as unknown[]))
    case 'enum':
      return compileMember(new Set(Object.values(def.entries as Record<string, unknown>)))
    case 'nullable': {
      const inner = compile(def.innerType as ZodInternals)
      return (value) => (value === null ? null : inner(value))
    }
    case 'default': {
      const inner = compile(def.innerType as ZodInternals)
      // Read each time: zod's getter hands out a fresh copy of an array or object default.
      return (value) => (value === undefined ? def.defaultValue : inner(value))
    }
    case 'array':
      return compileArray(def)
    case 'object':
      return compileStrictObject(def)
    default:
      throw new Unsupported(def.type)
  }
}

function compileMember(members: Set<unknown>): FastParse {
  return (value) => (members.has(value) ? value : NOT_ACCEPTED)
}

/** String checks run in their order, as zod runs them: a trim comes before the length it affects. */
function compileString(checks: { _zod: { def: CheckDef } }[]): FastParse {
  const steps = checks.map(({ _zod: { def: check } }): ((text: string) => string | typeof NOT_ACCEPTED) => {
    const { tx, pattern, minimum, maximum } = check
    if (check.check === 'overwrite' && tx) return (text) => tx(text) as string
    if (check.check === 'min_length' && minimum !== undefined)
      return (text) => (text.length >= minimum ? text : NOT_ACCEPTED)
    if (check.check === 'max_length' && maximum !== undefined)
      return (text) => (text.length <= maximum ? text : NOT_ACCEPTED)
    if (check.check === 'string_format' && check.format === 'regex' && pattern) {
      return (text) => {
        pattern.lastIndex = 0
        return pattern.test(text) ? text : NOT_ACCEPTED
      }
    }
    throw new Unsupported(`string check ${check.check}`)
  })
  return (value) => {
    if (typeof value !== 'string') return NOT_ACCEPTED
    let text: string | typeof NOT_ACCEPTED = value
    for (const step of steps) {
      text = step(text)
      if (text === NOT_ACCEPTED) return NOT_ACCEPTED
      if (typeof text !== 'string') return NOT_ACCEPTED // an overwrite that changed the type: zod decides
    }
    return text
  }
}

function compileNumber(checks: { _zod: { def: CheckDef } }[]): FastParse {
  const tests = checks.map(({ _zod: { def: check } }): ((n: number) => boolean) => {
    const { value: bound, inclusive } = check
    if (check.check === 'number_format' && check.format === 'safeint') return Number.isSafeInteger
    if (check.check === 'greater_than' && bound !== undefined)
      return inclusive ? (n) => n >= bound : (n) => n > bound
    if (check.check === 'less_than' && bound !== undefined)
      return inclusive ? (n) => n <= bound : (n) => n < bound
    throw new Unsupported(`number check ${check.check}`)
  })
  return (value) =>
    typeof value === 'number' && Number.isFinite(value) && tests.every((test) => test(value))
      ? value
      : NOT_ACCEPTED
}

function compileArray(def: ZodInternals['_zod']['def']): FastParse {
  const element = compile(def.element as ZodInternals)
  let min = 0
  let max = Infinity
  for (const { _zod: check } of def.checks ?? []) {
    if (check.def.check === 'min_length' && check.def.minimum !== undefined) min = check.def.minimum
    else if (check.def.check === 'max_length' && check.def.maximum !== undefined) max = check.def.maximum
    else throw new Unsupported(`array check ${check.def.check}`)
  }
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return NOT_ACCEPTED
    // Copied only when an element comes out different (a trimmed string, a rebuilt object): most lists
    // of names pass through as they are.
    let output: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i])
      if (item === NOT_ACCEPTED) return NOT_ACCEPTED
      if (item !== value[i]) {
        output ??= Array.from(value)
        output[i] = item
      }
    }
    return output ?? value
  }
}

/** Strict objects only (unknown keys refused), rebuilt with the schema's keys in the schema's order. */
function compileStrictObject(def: ZodInternals['_zod']['def']): FastParse {
  const catchall = def.catchall as ZodInternals | undefined
  if (catchall?._zod.def.type !== 'never') throw new Unsupported('object that is not strict')
  const fields = Object.entries(def.shape as Record<string, ZodInternals>).map(([key, field]) => {
    if (key in Object.prototype) throw new Unsupported(`field ${key}`)
    return { key, parse: compile(field) }
  })
  const known = new Set(fields.map((field) => field.key))
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_ACCEPTED
    const input = value as Record<string, unknown>
    for (const key in input) if (!known.has(key) || !Object.hasOwn(input, key)) return NOT_ACCEPTED
    const output: Record<string, unknown> = {}
    for (const { key, parse } of fields) {
      const field = parse(Object.hasOwn(input, key) ? input[key] : undefined)
      // undefined: a key zod may leave out or refuse, depending on how the field is optional.
      if (field === NOT_ACCEPTED || field === undefined) return NOT_ACCEPTED
      output[key] = field
    }
    return output
  }
}
