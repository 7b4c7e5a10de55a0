import { describe, expect, it } from 'vitest'
import { barred, unbarred } from './barred-list'

describe('barred lists', () => {
  it('round-trip names, keep an empty list empty, and never split a name that holds a bar', () => {
    expect(unbarred(barred(['US BIS Entity List', 'US Treasury SDN List']))).toEqual([
      'US BIS Entity List',
      'US Treasury SDN List',
    ])
    expect(barred([])).toBe('')
    expect(unbarred('')).toEqual([])
    expect(unbarred(barred(['A | B list']))).toEqual(['A ¦ B list'])
  })
})
