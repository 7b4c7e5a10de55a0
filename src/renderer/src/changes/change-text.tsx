import { fieldValueText } from '../../../shared/changes'
import type { FieldChange } from '../../../shared/updates'

/** Each changed field as "field: before → after", the before struck through for the eye only. */
export function FieldChanges({ fields }: { fields: FieldChange[] }) {
  if (fields.length === 0) return null
  return (
    <ul className="field-changes">
      {fields.map((field) => (
        <li key={field.field}>
          <span className="field-name">{field.field}</span>:{' '}
          <span className="before">{fieldValueText(field.before)}</span> →{' '}
          <span className="after">{fieldValueText(field.after)}</span>
        </li>
      ))}
    </ul>
  )
}

export const CHANGE_KIND_LABELS = {
  new: 'New',
  changed: 'Changed',
  ended: 'Ended',
  retired: 'Removed',
  listed: 'Listed',
} as const
