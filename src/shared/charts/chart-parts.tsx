import { createContext, type ReactNode } from 'react'

/**
 * Okabe–Ito colours, safe for the common colour blindnesses; ordered so that neighbours also differ in
 * lightness, and every mark is labelled besides, so the charts read in greyscale print too.
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
]

/** A colour per value, in the order the values first come. */
export function colourScale(values: string[]): (value: string) => string {
  const order = [...new Set(values)]
  return (value) => PALETTE[Math.max(0, order.indexOf(value)) % PALETTE.length]
}

/** A mark's interaction: the app's charts are clicked and focused; the briefing's are printed. */
export interface MarkAction {
  /** What the mark stands for, read by screen readers and shown on hover. */
  label: string
  onSelect?: () => void
}

/**
 * Where the app shows the figures of the mark under the pointer or keyboard focus (null: none). The
 * briefing provides none: its charts are printed.
 */
export const MarkReadout = createContext<((label: string | null) => void) | null>(null)

/**
 * A chart's frame: a figure whose SVG has a title and a description; its marks are reached with Tab
 * when they can be clicked.
 */
export function ChartFigure({
  id,
  title,
  description,
  width,
  height,
  children,
}: {
  id: string
  title: string
  description: string
  width: number
  height: number
  children: ReactNode
}) {
  return (
    <svg
      className="chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  )
}

/** A clickable or printed mark: focusable and announced when it can be selected. */
export function markProps(action: MarkAction, readout: ((label: string | null) => void) | null = null) {
  const { label, onSelect } = action
  const shown = readout
    ? {
        onMouseEnter: () => readout(label),
        onMouseLeave: () => readout(null),
        onFocus: () => readout(label),
        onBlur: () => readout(null),
      }
    : {}
  if (!onSelect) return { 'aria-label': label, ...shown }
  return {
    ...shown,
    'aria-label': label,
    role: 'button',
    tabIndex: 0,
    style: { cursor: 'pointer' },
    onClick: onSelect,
    onKeyDown: (event: { key: string; preventDefault(): void }) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        onSelect()
      }
    },
  }
}

/** A recorded date (YYYY, YYYY-MM or YYYY-MM-DD) as the first day it may mean, in UTC. */
export function dateOf(recorded: string): Date {
  const [year, month = '01', day = '01'] = recorded.split('-')
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
}
