import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'

describe('CSV export', () => {
  it('quotes what needs quoting and keeps Chinese text as it is', () => {
    expect(
      toCsv(
        ['name', 'note'],
        [
          ['CloudWalk, Inc.', 'said "no"'],
          ['云从科技', null],
          ['plain', 3],
        ],
      ),
    ).toBe('name,note\r\n"CloudWalk, Inc.","said ""no"""\r\n云从科技,\r\nplain,3\r\n')
  })

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2'], ['@SUM(A1)']])).toBe(
      'x\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n',
    )
  })

  it('puts line breaks inside quotes', () => {
    expect(toCsv(['x'], [['a\nb']])).toBe('x\r\n"a\nb"\r\n')
  })
})
