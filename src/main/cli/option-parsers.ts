import { InvalidArgumentError } from 'commander'

/** A commander parser for a whole number in [min, max]; `hint` is what the user is told on a bad value. */
export function wholeNumber(min: number, max: number, hint: string): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(hint)
    return n
  }
}

export function isoDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('a date as YYYY-MM-DD')
  return value
}
