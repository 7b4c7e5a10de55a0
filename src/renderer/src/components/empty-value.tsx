import { withVisibleEscapes } from '../../../shared/text-safety'
/** How an unknown fact is shown: plainly as unknown, never as a guess. */
export function orUnknown(value: string | null | undefined, label = 'not recorded') {
  return value ? withVisibleEscapes(value) : <span className="unknown">{label}</span>
}

/** A (possibly partial) ISO date, kept on one line. */
export function dateOrUnknown(value: string | null | undefined) {
  return value ? <time className="date">{value}</time> : <span className="unknown">unknown</span>
}
