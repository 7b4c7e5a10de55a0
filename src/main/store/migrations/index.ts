import { migration001 } from './001-core'
import { migration002 } from './002-search-index'
import { migration003 } from './003-updates'
import { migration004 } from './004-briefings'
import { migration005 } from './005-pinyin'
import { migration006 } from './006-fuzzy-names'
import { migration007 } from './007-saved-views'
import { migration008 } from './008-list-views'
import { migration009 } from './009-import-watermarks'
import { migration010 } from './010-store-mark'
import { migration011 } from './011-designation-end'
import { migration012 } from './012-entity-identifiers'
import { migration013 } from './013-judgements'
import { migration014 } from './014-reported-names'
import { migration015 } from './015-reaction-excerpts'
import { migration016 } from './016-exact-fuzzy-names'
import { migration017 } from './017-record-changes'
import { migration018 } from './018-watches'
import { migration019 } from './019-local-edits'
import { migration020 } from './020-notes'
import type { Migration } from './migration'

/** Every schema version, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
]

export const LATEST_STORE_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

/** The application id (SQLite header) of every store from version 10 on. */
export const STORE_APPLICATION_ID = 0x53427266

/** Stores made before they were marked (versions 1 to 9) are told apart by these tables of version 1. */
export const LAST_UNMARKED_VERSION = 9
export const VERSION_1_TABLES = [
  'meta',
  'origins',
  'sources',
  'entities',
  'entity_aliases',
  'rounds',
  'designations',
  'reactions',
] as const
