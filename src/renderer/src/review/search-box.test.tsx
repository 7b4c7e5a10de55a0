// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useEffect, useRef } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { SearchBox } from './search-box'
import { useSearchText } from './use-search-text'

afterEach(cleanup)

/**
 * The Entities table's use of the box: each keystroke asks for its rows; the search follows them.
 * `handedOn` lists the searches the table took, in order.
 */
function TableWithSearch({ handedOn }: { handedOn: string[] }) {
  const { search, text, setSearch, typeSearch } = useSearchText('')
  const shown = useRef('')
  useEffect(() => {
    if (search !== shown.current) handedOn.push(search)
    shown.current = search
  }, [search, handedOn])
  return (
    <>
      <button type="button" onClick={() => setSearch('')}>
        Clear search
      </button>
      <SearchBox value={text} onChange={(next) => typeSearch(next, rowsFor(next))} placeholder="Search" />
      <output aria-label="table search">{search}</output>
    </>
  )
}

const requests = new Map<string, () => void>()
function rowsFor(text: string): Promise<void> {
  return new Promise((resolve) => requests.set(text, resolve))
}
const rowsArrive = (text: string) => requests.get(text)!()
const type = (text: string) => fireEvent.change(screen.getByLabelText('Search'), { target: { value: text } })

describe('SearchBox with useSearchText', () => {
  it('hands on only the latest text when an older keystroke’s rows come after it', async () => {
    const handedOn: string[] = []
    render(<TableWithSearch handedOn={handedOn} />)
    type('云')
    type('云从')
    await act(async () => rowsArrive('云从'))
    await act(async () => rowsArrive('云'))
    expect(handedOn).toEqual(['云从'])
    expect(screen.getByLabelText<HTMLInputElement>('Search').value).toBe('云从')
    expect(screen.getByLabelText('table search').textContent).toBe('云从')
  })

  it('still hands on a keystroke typed before the table drew the previous one', async () => {
    const handedOn: string[] = []
    render(<TableWithSearch handedOn={handedOn} />)
    type('云')
    // The rows of "云" arrive and the next letter is typed before React draws the table's new search.
    await act(async () => {
      rowsArrive('云')
      await Promise.resolve()
      type('云从')
    })
    await act(async () => rowsArrive('云从'))
    expect(handedOn).toEqual(['云', '云从'])
    expect(screen.getByLabelText('table search').textContent).toBe('云从')
    expect(screen.getByLabelText<HTMLInputElement>('Search').value).toBe('云从')
  })

  it('drops a keystroke still on its way when the search is cleared from outside', async () => {
    const handedOn: string[] = []
    render(<TableWithSearch handedOn={handedOn} />)
    type('hik')
    await act(async () => rowsArrive('hik'))
    type('hikv')
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }))
    await act(async () => rowsArrive('hikv'))
    // The table's searches: the first keystroke's, then the Clear's; never the dropped "hikv".
    expect(handedOn).toEqual(['hik', ''])
    expect(screen.getByLabelText<HTMLInputElement>('Search').value).toBe('')
    expect(screen.getByLabelText('table search').textContent).toBe('')
  })
})
