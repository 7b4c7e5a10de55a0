import type { ReactNode } from 'react'

/**
 * The writer's summary: blank lines separate paragraphs, lines starting with "- " or "* " form a bullet
 * list, **bold** and *italic* mark emphasis. Everything else is plain text, rendered by React (escaped),
 * so a summary can never inject markup into the briefing.
 */
export type SummaryBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] }

const BULLET = /^\s*[-*]\s+/

export function parseSummary(summary: string): SummaryBlock[] {
  const blocks: SummaryBlock[] = []
  for (const chunk of summary.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '')
    let paragraph: string[] = []
    const flushParagraph = () => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') })
      paragraph = []
    }
    for (const line of lines) {
      if (BULLET.test(line)) {
        flushParagraph()
        const last = blocks[blocks.length - 1]
        const item = line.replace(BULLET, '').trim()
        if (last?.kind === 'list') last.items.push(item)
        else blocks.push({ kind: 'list', items: [item] })
      } else {
        paragraph.push(line.trim())
      }
    }
    flushParagraph()
  }
  return blocks
}

/** Inline emphasis: **bold** and *italic*; an unmatched marker stays as the literal character. */
export function inlineMarkup(text: string): ReactNode[] {
  const nodes: ReactNode[] = []
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(text.slice(last, match.index))
    if (match[1] !== undefined) nodes.push(<strong key={match.index}>{match[1]}</strong>)
    else nodes.push(<em key={match.index}>{match[2]}</em>)
    last = match.index + match[0].length
  }
  if (last < text.length) nodes.push(text.slice(last))
  return nodes
}

export function Summary({ text }: { text: string }) {
  const blocks = parseSummary(text)
  if (blocks.length === 0) return null
  return (
    <section className="summary" aria-labelledby="section-summary">
      <h2 id="section-summary">Summary</h2>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>{inlineMarkup(block.text)}</p>
        ) : (
          <ul key={index} className="summary-list">
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{inlineMarkup(item)}</li>
            ))}
          </ul>
        ),
      )}
    </section>
  )
}
