import type { FieldChange, RecordTypeName } from './updates'

/**
 * What an import did to one record. `ended`: a designation whose end date the import set (it was open
 * before); `retired`: a record the import removed.
 */
export type StoredChangeKind = 'new' | 'changed' | 'ended' | 'retired'

export const STORED_CHANGE_KINDS: readonly StoredChangeKind[] = ['new', 'changed', 'ended', 'retired']
export const CHANGE_RECORD_TYPES: readonly RecordTypeName[] = [
  'entity',
  'designation',
  'round',
  'reaction',
  'note',
  'source',
]

/** One change as the Changes view, `changes --json` and a changes briefing show it. */
export interface StoredChange {
  importId: number
  /** When the store took the import in (ISO time). */
  importedAt: string
  /** Where it came from: the bundle's publisher and file, or the published list's file. */
  importLabel: string
  type: RecordTypeName
  recordId: string
  kind: StoredChangeKind
  label: string
  /** The entity the record is (entity) or concerns (designation); null otherwise. */
  entityId: string | null
  country: string | null
  lists: string[]
  rounds: string[]
  /** Each changed field, before → after; empty for new and retired records. */
  fields: FieldChange[]
}

/** Which changes to show: one import, or every import from a date (inclusive) to another (inclusive). */
export interface ChangesScope {
  importId?: number
  since?: string
  until?: string
}

export interface ChangesFilters {
  kinds?: StoredChangeKind[]
  types?: RecordTypeName[]
  list?: string
  round?: string
  country?: string
}

export interface ChangeGroupCount {
  value: string
  count: number
}

/** Counts per group over the scope with the filters applied, each group's own filter left out. */
export interface ChangeGroupCounts {
  kinds: ChangeGroupCount[]
  types: ChangeGroupCount[]
  lists: ChangeGroupCount[]
  rounds: ChangeGroupCount[]
  countries: ChangeGroupCount[]
}

export interface ChangesPage {
  rows: StoredChange[]
  /** Changes in scope that pass the filters. */
  total: number
  offset: number
  counts: ChangeGroupCounts
  /** The imports the scope covers, newest first. */
  imports: { id: number; importedAt: string; label: string }[]
  /** How each round in scope is named (its first citation, else its title); ids of removed rounds are missing. */
  roundLabels: Record<string, string>
}

/** One event in an entity's history, newest first: a change an import made, or a listing it holds. */
export interface EntityHistoryEvent {
  /** The import's time for recorded changes; the designation's date (or null) for listings. */
  at: string | null
  kind: StoredChangeKind | 'listed'
  type: RecordTypeName
  recordId: string
  /** For designations: the round (its id and how it is named) and its list. */
  round: string | null
  roundLabel: string | null
  list: string | null
  fields: FieldChange[]
  /** For listings: what the round did (added, modified, removed). */
  action: string | null
  /** Where it came from: the import (bundle or list file), or the designation's source. */
  source: string | null
  importId: number | null
}

/** A field's value as a line of text: "(none)" for nothing, lists joined, objects by their values. */
export function fieldValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)'
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(fieldValueText).join('; ')
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .filter((part) => part !== null && part !== '')
      .map(fieldValueText)
      .join(', ')
  return String(value)
}

/** "entity", "designation" … as a reader names them. */
export const RECORD_TYPE_LABELS: Record<RecordTypeName, string> = {
  entity: 'entity',
  designation: 'designation',
  round: 'round',
  reaction: 'reaction',
  note: 'note',
  source: 'source',
}
