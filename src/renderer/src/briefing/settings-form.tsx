import {
  BRIEFING_ENTITY_COLUMN_LABELS,
  BRIEFING_ENTITY_COLUMNS,
  BRIEFING_LIMITS,
  BRIEFING_SECTION_TITLES,
  BRIEFING_SECTIONS,
  type BriefingSettings,
} from '../../../shared/briefing'

interface SettingsFormProps {
  settings: BriefingSettings
  onChange(patch: Partial<BriefingSettings>): void
}

function toggle<T>(list: T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((item) => item !== value) : [...list, value]
  return order.filter((item) => next.includes(item))
}

function TextField({
  label,
  value,
  max,
  onChange,
  hint,
}: {
  label: string
  value: string
  max: number
  onChange(value: string): void
  hint?: string
}) {
  return (
    <label className="field">
      {label}
      <input type="text" value={value} maxLength={max} onChange={(event) => onChange(event.target.value)} />
      {hint ? <span className="hint">{hint}</span> : null}
    </label>
  )
}

/** A labelled choice among fixed values, typed by those values. */
function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: V
  options: [V, string][]
  onChange(value: V): void
}) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value as V)}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Title page, handling, paper, and which sections and columns the briefing holds. */
export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  return (
    <>
      <fieldset>
        <legend>Title page</legend>
        <TextField
          label="Title"
          value={settings.title}
          max={BRIEFING_LIMITS.titleLength}
          onChange={(title) => onChange({ title })}
        />
        <TextField
          label="Subtitle"
          value={settings.subtitle}
          max={BRIEFING_LIMITS.subtitleLength}
          onChange={(subtitle) => onChange({ subtitle })}
        />
        <TextField
          label="Author or office"
          value={settings.author}
          max={BRIEFING_LIMITS.authorLength}
          onChange={(author) => onChange({ author })}
        />
        <label className="field">
          Date
          <input
            type="date"
            value={settings.date}
            onChange={(event) => onChange({ date: event.target.value })}
          />
          <span className="hint">Empty: the day it is exported.</span>
        </label>
        <TextField
          label="Handling banner"
          value={settings.banner}
          max={BRIEFING_LIMITS.bannerLength}
          onChange={(banner) => onChange({ banner })}
          hint="Printed at the top and bottom of every page, e.g. UNCLASSIFIED or CUI. May be empty."
        />
        <label className="field">
          Summary
          <textarea
            rows={6}
            value={settings.summary}
            maxLength={BRIEFING_LIMITS.summaryLength}
            onChange={(event) => onChange({ summary: event.target.value })}
          />
          <span className="hint">Blank line: new paragraph. “- ” starts a bullet. **bold**, *italic*.</span>
        </label>
        <SelectField
          label="Paper"
          value={settings.paper}
          options={[
            ['letter', 'Letter'],
            ['a4', 'A4'],
          ]}
          onChange={(paper) => onChange({ paper })}
        />
      </fieldset>
      <fieldset>
        <legend>Sections</legend>
        {BRIEFING_SECTIONS.map((section) => (
          <label key={section} className="inline">
            <input
              type="checkbox"
              checked={settings.sections.includes(section)}
              onChange={() => onChange({ sections: toggle(settings.sections, section, BRIEFING_SECTIONS) })}
            />
            {BRIEFING_SECTION_TITLES[section]}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!settings.sections.includes('entities')}>
        <legend>Entity table</legend>
        {BRIEFING_ENTITY_COLUMNS.map((column) => (
          <label key={column} className="inline">
            <input
              type="checkbox"
              checked={settings.entityColumns.includes(column)}
              onChange={() =>
                onChange({ entityColumns: toggle(settings.entityColumns, column, BRIEFING_ENTITY_COLUMNS) })
              }
            />
            {BRIEFING_ENTITY_COLUMN_LABELS[column]}
          </label>
        ))}
        <SelectField
          label="Group entities by"
          value={settings.entityGrouping}
          options={[
            ['round', 'Round'],
            ['sector', 'Sector'],
          ]}
          onChange={(entityGrouping) => onChange({ entityGrouping })}
        />
      </fieldset>
      <fieldset disabled={!settings.sections.includes('reactions')}>
        <legend>Reactions</legend>
        <SelectField
          label="Group reactions by"
          value={settings.reactionGrouping}
          options={[
            ['organisationKind', 'Kind of organisation'],
            ['stance', 'Stance'],
          ]}
          onChange={(reactionGrouping) => onChange({ reactionGrouping })}
        />
      </fieldset>
    </>
  )
}
